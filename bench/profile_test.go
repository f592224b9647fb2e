//go:build browser

package bench

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

var (
	profilePage = flag.String("profile-page", "", "the page TestProfileStart profiles: home, stage, meetings or link")
	profileRuns = flag.Int("profile-runs", 3, "how many cold starts TestProfileStart adds up")
	profileTop  = flag.Int("profile-top", 60, "how many functions TestProfileStart lists")
)

// TestProfileStart is not a figure of the report but the tool behind
// them: it profiles cold starts of one page with V8's sampling profiler,
// in a wasm built with its function names, and prints where the time goes
// by Go function, inclusive and self. make bench does not run it; run it
// with
//
//	go test -tags browser -run ProfileStart ./bench/ -args -profile-page=stage
func TestProfileStart(t *testing.T) {
	if *profilePage == "" {
		t.Skip("no -profile-page")
	}
	build(t)
	named := filepath.Join(t.TempDir(), "web")
	if err := copyStatic("../web", named); err != nil {
		t.Fatal(err)
	}
	if err := buildNamed("./cmd/counterpart", filepath.Join(named, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	base := serve(t, named)
	var target startTarget
	for _, tg := range appTargets(t, base) {
		if tg.key == *profilePage {
			target = tg.startTarget
		}
	}
	if target.name == "" {
		t.Fatalf("no page %q: home, stage, meetings or link", *profilePage)
	}
	self, total := map[string]float64{}, map[string]float64{}
	var all float64
	for r := 0; r < *profileRuns; r++ {
		tb := newTabIn(t, t.TempDir(), startProbe)
		tb.do(chromedp.Navigate(target.base + "/web/icon.svg"))
		if len(target.stored) > 0 {
			tb.plant(target.stored)
		}
		ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
		if _, err := chromedp.Call(ctx, profiler.Enable, struct{}{}); err != nil {
			t.Fatal(err)
		}
		chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200})
		if _, err := chromedp.Call(ctx, profiler.Start, struct{}{}); err != nil {
			t.Fatal(err)
		}
		tb.load(target.base+target.path, target.rendered)
		tb.waitFor("the first frame after the start", `window.__shown !== undefined`)
		res, err := chromedp.Call(ctx, profiler.Stop, struct{}{})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		all += addProfile(res.Profile, self, total)
		tb.close()
	}
	n := float64(*profileRuns)
	report := func(title string, m map[string]float64) {
		var names []string
		for k := range m {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool { return m[names[i]] > m[names[j]] })
		fmt.Fprintf(os.Stdout, "\n%s, ms per start (of %.0f ms sampled):\n", title, all/n)
		for _, k := range names[:min(*profileTop, len(names))] {
			fmt.Fprintf(os.Stdout, "%8.1f  %s\n", m[k]/n, k)
		}
	}
	report("Inclusive", total)
	report("Self", self)
}

// addProfile adds a profile's time, in milliseconds, to each function:
// self where it was on top, total where it was anywhere on the stack
// (once per sample, however deep the recursion). It returns the time
// sampled.
func addProfile(p *profiler.Profile, self, total map[string]float64) float64 {
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	name := func(n *profiler.ProfileNode) string {
		f := n.CallFrame.FunctionName
		if f == "" {
			f = "(anonymous)"
		}
		if u := n.CallFrame.URL; u != "" && !strings.Contains(u, "app.wasm") {
			f += " " + filepath.Base(u)
		}
		return f
	}
	var sum float64
	for i, id := range p.Samples {
		ms := float64(p.TimeDeltas[min(i+1, len(p.TimeDeltas)-1)]) / 1000
		sum += ms
		n := byID[id]
		self[name(n)] += ms
		seen := map[string]bool{}
		for cur, ok := id, true; ok; cur, ok = parent[cur] {
			k := name(byID[cur])
			if !seen[k] {
				seen[k] = true
				total[k] += ms
			}
		}
	}
	return sum
}
