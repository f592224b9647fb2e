//go:build browser

package bench

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The decode budget's promise: a link made to harm is refused faster than
// the smallest real link opens. The baseline is opening the link of an
// onboarding just started, measured in the same run; the bombs are the
// share package's fixtures of issue 18, which took 4.5 s and 983 MB, and
// 2.9 s and 657 MB, before the budget. Real links of 1 and 3 years of
// weekly 1:1s show what opening costs as a pair's history grows.
func TestDecodeBudgetAgainstARealLink(t *testing.T) {
	s := reportSection("Decode budget", "share.Decode natively, with testing.Benchmark. The budget: every bomb is refused in less time than the smallest real link takes to open (at most 1×), having allocated less too.")
	type measured struct {
		d     time.Duration
		bytes int64
	}
	decode := func(link string) measured {
		r := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				share.Decode(link, "")
			}
		})
		return measured{time.Duration(r.NsPerOp()), r.AllocedBytesPerOp()}
	}
	encode := func(o *onboarding.Onboarding) string {
		frag, err := share.Encode(o, "")
		if err != nil {
			t.Fatal(err)
		}
		return frag
	}
	empty := encode(emptyOnboarding())
	if _, err := share.Decode(empty, ""); err != nil {
		t.Fatal(err)
	}
	base := decode(empty)
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	for _, name := range []string{"bomb-flat.link", "bomb-nested.link"} {
		raw, err := os.ReadFile("../app/share/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		link := strings.TrimSpace(string(raw))
		if _, err := share.Decode(link, ""); err != share.ErrDamaged {
			t.Fatalf("%s: Decode = %v, want the damaged-link message", name, err)
		}
		m := decode(link)
		verdict := "within"
		if m.d > base.d || m.bytes > base.bytes {
			verdict = "over"
		}
		s.add(figure{Name: "refuse " + name + fmt.Sprintf(" (%s characters)", thousands(int64(len(link)))), Value: us(m.d), Base: us(base.d), BaseName: "open an empty onboarding's link", Unit: "µs",
			Meaning: fmt.Sprintf("allocates %s bytes against %s; %s the budget of 1×.", thousands(m.bytes), thousands(base.bytes), verdict)})
	}
	for _, years := range []int{1, 3} {
		link := encode(yearsOfOneOnes(t, years))
		m := decode(link)
		s.add(figure{Name: fmt.Sprintf("open a link of %d year(s) of 1:1s (%s characters)", years, thousands(int64(len(link)))), Value: us(m.d), Base: us(base.d), BaseName: "open an empty onboarding's link", Unit: "µs",
			Meaning: "what a real link costs to open, budget check included, as the history grows."})
	}
}

// How long the person opening a locked link waits, in Chromium, from
// pressing Unlock to the preview, at the default iterations: with the
// browser's own PBKDF2 (Web Crypto), which the app uses, against Go's
// compiled to WebAssembly, which it falls back to (the same page with
// crypto.subtle taken away). At full speed, and with Chromium's CPU slowed
// 4× (the slowdown Lighthouse uses for a mid-range phone).
func TestUnlockTimeAgainstGoInWebAssembly(t *testing.T) {
	build(t)
	o := exampleOnboarding(t)
	o.Example = false
	const pass = "blue harbour seven lamps"
	frag, err := share.Encode(o, pass)
	if err != nil {
		t.Fatal(err)
	}
	native := timeOp(func() { share.Decode(frag, pass) })
	url := serve(t, builds.appWeb) + share.Link("", frag)
	s := reportSection("Unlock time", fmt.Sprintf("Opening a locked link of the example at %s PBKDF2-SHA256 iterations in headless Chromium, from pressing Unlock to the preview. The same unlock natively, in Go, takes %.0f ms here.", thousands(share.DefaultIterations), float64(native)/float64(time.Millisecond)))
	unlock := func(slowdown float64, withoutWebCrypto bool) float64 {
		tb := newTab(t)
		defer tb.close()
		if withoutWebCrypto {
			ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `Object.defineProperty(crypto, "subtle", {value: undefined})`})
			cancel()
			if err != nil {
				t.Fatal(err)
			}
		}
		if slowdown > 1 {
			ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
			_, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: slowdown})
			cancel()
			if err != nil {
				t.Fatal(err)
			}
		}
		tb.load(url, `!!document.getElementById("open-passphrase")`)
		return evalIn[float64](tb, fmt.Sprintf(`(async () => {
			const el = document.getElementById("open-passphrase");
			el.value = %q;
			el.dispatchEvent(new Event("input", {bubbles: true}));
			const t0 = performance.now();
			document.getElementById("unlock").click();
			while (!document.getElementById("preview")) await new Promise(r => setTimeout(r, 10));
			return performance.now() - t0;
		})()`, pass))
	}
	for _, slowdown := range []float64{1, 4} {
		name, meaning := "unlock in Chromium", "what a person waits on a laptop after pressing Unlock."
		if slowdown > 1 {
			name, meaning = "unlock in Chromium, CPU 4× slower", "a stand-in for a mid-range phone."
		}
		s.add(figure{Name: name, Value: unlock(slowdown, false), Base: unlock(slowdown, true), BaseName: "Go's PBKDF2 in WebAssembly", Unit: "ms", Meaning: meaning})
	}
}
