//go:build browser

package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/document"
	"counterpart/app/guide"
	"counterpart/app/markdown"
	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/andybalholm/brotli"
	"github.com/yuin/goldmark"
)

// sizeGoal is how many times the bare go-app download, compressed with
// brotli, Counterpart aims to stay within. The bench reports against it and
// does not fail.
const sizeGoal = 1.25

func TestWasmSizeAgainstBareGoApp(t *testing.T) {
	build(t)
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sizes := func(b []byte) (raw, gz, br int) {
		var g, r bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		bw := brotli.NewWriterLevel(&r, brotli.BestCompression)
		bw.Write(b)
		bw.Close()
		return len(b), g.Len(), r.Len()
	}
	br0, bg0, bb0 := sizes(read(builds.bareWasm))
	r, g, b := sizes(read(builds.appWasm))
	s := reportSection("Download size", "app.wasm is the whole app: the browser downloads it once, then the service worker keeps it. The baseline is a bare go-app v9 program with one component (bench/testdata/bare), built with the same flags (-trimpath -ldflags=\"-s -w\", server code behind a build tag).")
	const base = "bare go-app"
	s.add(figure{Name: "wasm, raw", Value: float64(r), Base: float64(br0), BaseName: base, Unit: "bytes",
		Meaning: "the size of the compiled program; it sets how much memory the browser spends compiling it."})
	s.add(figure{Name: "wasm, gzip -9", Value: float64(g), Base: float64(bg0), BaseName: base, Unit: "bytes",
		Meaning: "what a browser or host that only speaks gzip downloads."})
	verdict := "within"
	if ratio(b, bb0) > sizeGoal {
		verdict = "over"
	}
	s.add(figure{Name: "wasm, brotli 11", Value: float64(b), Base: float64(bb0), BaseName: base, Unit: "bytes",
		Meaning: fmt.Sprintf("what a person downloads on a first visit (the server sends brotli); the goal is at most %.2f× the bare program, and this build is %s it.", sizeGoal, verdict)})
}

func ratio(a, b int) float64 { return float64(a) / float64(b) }

// timeOp is the time one call of f takes, as testing.Benchmark finds it.
func timeOp(f func()) time.Duration {
	r := testing.Benchmark(func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			f()
		}
	})
	return time.Duration(r.NsPerOp())
}

func TestSpeedAgainstBaselines(t *testing.T) {
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	s := reportSection("Hot paths in Go", "Measured natively with testing.Benchmark; in the browser the wasm build is slower by a similar factor for both sides of each ratio.")
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

	// A keystroke saves what it changed: the same work with three years
	// of 1:1s stored as with none.
	keystroke := func(o *onboarding.Onboarding) time.Duration {
		st := store.New(store.NewMemory(), time.Now)
		if _, err := st.Save(o); err != nil {
			t.Fatal(err)
		}
		o, err := st.LoadWithoutLog(o.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		return timeOp(func() {
			n++
			o.BudgetAdvice.Text = o.BudgetAdvice.Text[:min(len(o.BudgetAdvice.Text), 200)] + strconv.Itoa(n)
			o.Touch(time.Now())
			st.Save(o)
		})
	}
	fresh, years := keystroke(emptyOnboarding()), keystroke(yearsOfOneOnes(t, 3))
	s.add(figure{Name: "save a keystroke, the example with three years of 1:1s", Value: us(years), Base: us(fresh), BaseName: "a new onboarding", Unit: "µs",
		Meaning: "the store's work for one keystroke in a stage field: finding what changed and writing it; close to 1× means the history costs nothing."})

	open := func(o *onboarding.Onboarding) time.Duration {
		mem := store.NewMemory()
		store.New(mem, time.Now).Save(o)
		return timeOp(func() { store.New(mem, time.Now).LoadWithoutLog(o.ID) })
	}
	s.add(figure{Name: "read for a stage, the example with three years of 1:1s", Value: us(open(yearsOfOneOnes(t, 3))), Base: us(open(emptyOnboarding())), BaseName: "a new onboarding", Unit: "µs",
		Meaning: "the store's work to open a stage page: reading, checking and repairing the onboarding without its 1:1s."})

	s2 := store.New(store.NewMemory(), time.Now)
	s2.Save(o)
	raw, _ := json.Marshal(o)
	load := timeOp(func() { s2.Load(o.ID) })
	unmarshal := timeOp(func() {
		var x any
		json.Unmarshal(raw, &x)
	})
	s.add(figure{Name: "read the example whole", Value: us(load), Base: us(unmarshal), BaseName: "json.Unmarshal into any", Unit: "µs",
		Meaning: "the work of opening the weekly 1:1 or the document: decoding, checking and repairing every part of the stored onboarding."})

	text := strings.Repeat(o.Problems[0].Evidence+"\n\n", 20)
	plain := goldmark.New()
	safe := timeOp(func() { markdown.ToHTML(text) })
	bare := timeOp(func() {
		var b bytes.Buffer
		plain.Convert([]byte(text), &b)
	})
	s.add(figure{Name: "render typed Markdown safely", Value: us(safe), Base: us(bare), BaseName: "goldmark with no safety", Unit: "µs",
		Meaning: "the app's own small Markdown reader and HTML writer, which the browser runs on every text area shown, against goldmark on the same text (goldmark is no longer in the browser)."})

	doc := func() { document.HTML(o, "2026-11-21") }
	docMarkdown := timeOp(func() {
		var b bytes.Buffer
		plain.Convert([]byte(document.Markdown(o, "2026-11-21")), &b)
	})
	s.add(figure{Name: "the example's shared document as HTML", Value: us(timeOp(doc)), Base: us(docMarkdown), BaseName: "its Markdown through goldmark", Unit: "µs",
		Meaning: "the document page writes its HTML straight from the document's model, where it used to render the Markdown."})
}
