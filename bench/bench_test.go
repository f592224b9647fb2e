// Package bench measures Counterpart against baselines built in the same
// run, so the numbers are ratios that mean the same on any machine: the
// wasm download against a bare go-app program, and hot paths against the
// plain operation they wrap. Run it with make bench; it is not part of make
// test because it compiles two wasm binaries and times loops.
package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/markdown"
	"counterpart/app/store"

	"github.com/andybalholm/brotli"
	"github.com/yuin/goldmark"
)

// sizeBudget is how many times the bare go-app download Counterpart may
// weigh, compressed with brotli, before the bench fails.
const sizeBudget = 2.0

func TestWasmSizeAgainstBareGoApp(t *testing.T) {
	dir := t.TempDir()
	build := func(name, pkg string) []byte {
		out := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building %s: %v\n%s", pkg, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	bare := build("bare.wasm", "./bench/testdata/bare")
	app := build("app.wasm", "./cmd/counterpart")

	sizes := func(b []byte) (raw, gz, br int) {
		var g, r bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		bw := brotli.NewWriterLevel(&r, 9)
		bw.Write(b)
		bw.Close()
		return len(b), g.Len(), r.Len()
	}
	br0, bg0, bb0 := sizes(bare)
	r, g, b := sizes(app)
	t.Logf("%-24s %12s %12s %12s", "", "raw", "gzip -9", "brotli -9")
	t.Logf("%-24s %12d %12d %12d", "bare go-app (baseline)", br0, bg0, bb0)
	t.Logf("%-24s %12d %12d %12d", "counterpart", r, g, b)
	t.Logf("%-24s %12.2f %12.2f %12.2f", "ratio", ratio(r, br0), ratio(g, bg0), ratio(b, bb0))
	if ratio(b, bb0) > sizeBudget {
		t.Errorf("the app weighs %.2f times a bare go-app program compressed; the budget is %.1f", ratio(b, bb0), sizeBudget)
	}
}

func ratio(a, b int) float64 { return float64(a) / float64(b) }

// compare times an operation against its baseline and reports the ratio.
func compare(t *testing.T, what string, op, baseline func()) {
	t.Helper()
	run := func(f func()) time.Duration {
		r := testing.Benchmark(func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				f()
			}
		})
		return time.Duration(r.NsPerOp())
	}
	base, got := run(baseline), run(op)
	t.Logf("%-44s %10s vs %10s baseline: %.2fx", what, got, base, float64(got)/float64(base))
}

func TestSpeedAgainstBaselines(t *testing.T) {
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	s := store.New(store.NewMemory(), time.Now)
	if _, err := s.Save(o); err != nil {
		t.Fatal(err)
	}
	// Every keystroke saves the whole onboarding; the baseline is the JSON
	// encoding it cannot avoid.
	compare(t, "save the example onboarding (a keystroke)", func() { s.Save(o) }, func() { json.Marshal(o) })

	s2 := store.New(store.NewMemory(), time.Now)
	s2.Save(o)
	raw, _ := json.Marshal(o)
	compare(t, "load the example onboarding", func() { s2.Load(o.ID) }, func() {
		var x any
		json.Unmarshal(raw, &x)
	})

	// The safe renderer against goldmark with no extra work.
	text := strings.Repeat(o.Problems[0].Evidence+"\n\n", 20)
	plain := goldmark.New()
	compare(t, "render Markdown safely", func() { markdown.ToHTML(text) }, func() {
		var b bytes.Buffer
		plain.Convert([]byte(text), &b)
	})
}
