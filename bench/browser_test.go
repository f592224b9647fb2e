//go:build browser

package bench

import (
	"context"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// runs is how many times each page load is measured; the report gives the
// median, which one slow start (a GC, another process) does not move.
const runs = 5

// openRuns is how many warm loads the open-with-a-year figures take; they
// are cheap, and the difference they look for is small.
const openRuns = 9

// keystrokes is how many input events the typing figures time.
const keystrokes = 50

// interactiveProbe runs in every page before its own scripts. It records
// performance.now() (milliseconds since the navigation started) at the
// first interactive render: the moment go-app removes its loading screen,
// which it does once the wasm has run, mounted the page's components and
// attached their event handlers (and never when the wasm fails). It is the
// same moment for Counterpart and for the bare program. It also
// timestamps every save of an onboarding, for the typing figures.
const interactiveProbe = `(() => {
	let seenLoader = false;
	const check = () => {
		if (window.__interactive !== undefined) return;
		if (document.getElementById("app-wasm-loader")) { seenLoader = true; return; }
		if (seenLoader) {
			window.__interactive = performance.now();
			observer.disconnect();
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, {subtree: true, childList: true});

	window.__saves = [];
	window.__saveBytes = [];
	const setItem = Storage.prototype.setItem;
	Storage.prototype.setItem = function (k, v) {
		setItem.call(this, k, v);
		if (String(k).startsWith("counterpart.v1.onboarding.") || k === "bench.floor") {
			const t = performance.now();
			window.__saves.push(t);
			window.__saveBytes.push(String(k).length + String(v).length);
			if (window.__onSave) { const f = window.__onSave; window.__onSave = null; f(t); }
		}
	};
})()`

// tab is one Chromium with a profile of its own.
type tab struct {
	t     *testing.T
	ctx   context.Context
	close func() // ends Chromium; safe to call twice
}

// newTab starts headless Chromium with an empty profile, as a first-time
// visitor, with the probe installed.
func newTab(t *testing.T) *tab {
	t.Helper()
	return newTabIn(t, t.TempDir())
}

// newTabIn starts headless Chromium on a profile directory, which may hold
// what an earlier visit left (caches, the service worker, storage), with
// the probes installed.
func newTabIn(t *testing.T, profile string, probes ...string) *tab {
	t.Helper()
	return newTabWithFlags(t, profile, nil, probes...)
}

// newTabWithFlags is newTabIn with V8 flags (--js-flags), for trying how
// the engine's settings change a start.
func newTabWithFlags(t *testing.T, profile string, v8 []string, probes ...string) *tab {
	t.Helper()
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no Chromium: install it (make browser-deps) to measure load and typing")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 900),
	)
	if len(v8) > 0 {
		opts = append(opts, chromedp.Flag("js-flags", strings.Join(v8, " ")))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	var once sync.Once
	tb := &tab{t: t, ctx: ctx, close: func() {
		once.Do(func() {
			// Closed the way a person closes it, so that Chromium writes
			// its caches to the profile for the next visit.
			c, cancelClose := context.WithTimeout(ctx, 30*time.Second)
			defer cancelClose()
			chromedp.Cancel(c)
			cancel()
			cancelAlloc()
		})
	}}
	t.Cleanup(tb.close)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	c, cancelCall := context.WithTimeout(ctx, 30*time.Second)
	defer cancelCall()
	for _, probe := range append([]string{interactiveProbe}, probes...) {
		if _, err := chromedp.Call(c, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
			t.Fatal(err)
		}
	}
	return tb
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

func evalIn[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %.80s: %v", expr, err)
	}
	return v
}

func (tb *tab) waitFor(what, cond string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Minute)
	defer cancel()
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(20*time.Millisecond)))
		if err == nil {
			return
		}
		// The page's context can go while the poll starts, when the
		// navigation is still settling; poll again in the new one.
		if msg := err.Error(); ctx.Err() == nil && (strings.Contains(msg, "Cannot find context") || strings.Contains(msg, "context was destroyed") || strings.Contains(msg, "navigated or closed")) {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		tb.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// load navigates to url and returns the milliseconds from the start of the
// navigation to the first interactive render. rendered is a JavaScript
// condition that holds once the page shows its own content: a check that
// the app started as it should.
func (tb *tab) load(url, rendered string) float64 {
	tb.t.Helper()
	tb.do(chromedp.Navigate(url))
	tb.waitFor("the first interactive render of "+url, `window.__interactive !== undefined`)
	if !evalIn[bool](tb, rendered) {
		tb.t.Fatalf("%s: the loading screen went but not %s: the app did not start as it should", url, rendered)
	}
	return evalIn[float64](tb, `window.__interactive`)
}

// waitForWorker waits until the service worker controls the page: from
// then on, the app loads from its cache.
func (tb *tab) waitForWorker() {
	tb.t.Helper()
	tb.waitFor("the service worker", `!!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// percentile is the nearest-rank percentile p (0 to 100).
func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}
