//go:build browser

package bench

import (
	"fmt"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/chromedp/chromedp"
)

// startRuns is how many cold and repeat visits of each page the start
// figures take the fastest of: what else runs on the machine only ever
// adds time, so on a busy one the fastest run is the closest to the
// page's own cost (the medians are in the test's log).
const startRuns = 5

// visitLasts is how long each visit stays open before the browser is
// closed, as a person reading the page would keep it: V8 writes its cache
// of the compiled wasm a moment after the page starts, and a visit closed
// sooner than any real one would leave none for the next.
const visitLasts = 4 * time.Second

// startProbe marks, in every page, the moments of a start that only the
// page sees: when the browser has compiled and instantiated app.wasm (it
// wraps WebAssembly.instantiateStreaming, which go-app's app.js calls), and
// when the first frame after the loading screen went has been painted.
// Go's own mark, "go:main", comes from main in both programs.
const startProbe = `(() => {
	const instantiate = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = async function (...args) {
		const r = await instantiate.apply(this, args);
		performance.mark("bench:instantiated");
		return r;
	};
	let seenLoader = false, done = false;
	const observer = new MutationObserver(() => {
		if (done) return;
		if (document.getElementById("app-wasm-loader")) { seenLoader = true; return; }
		if (!seenLoader) return;
		done = true;
		observer.disconnect();
		requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now(); }));
	});
	observer.observe(document, {subtree: true, childList: true});
})()`

// phasesScript reads the moments of a start, in milliseconds from the
// start of the navigation.
const phasesScript = `(() => {
	const mark = (n) => { const e = performance.getEntriesByName(n, "mark")[0]; return e ? e.startTime : -1; };
	const wasm = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname.endsWith("/app.wasm"));
	return {
		WasmRequested: wasm ? wasm.startTime : -1,
		WasmLoaded: wasm ? wasm.responseEnd : -1,
		Instantiated: mark("bench:instantiated"),
		Main: mark("go:main"),
		Mounted: window.__interactive,
		Shown: window.__shown,
	};
})()`

// moments are the times a start reaches each phase, from the start of the
// navigation.
type moments struct {
	WasmRequested float64 // app.js asks for app.wasm (after the page and its scripts, and the first paint)
	WasmLoaded    float64 // its last byte is in
	Instantiated  float64 // compiled and instantiated
	Main          float64 // Go's runtime and every package's init are done: main runs
	Mounted       float64 // go-app has mounted the page and removed the loading screen
	Shown         float64 // the first frame after that is painted
}

// phase is one step of a start, between two moments.
type phase struct {
	name, meaning string
	from, to      func(moments) float64
}

var startPhases = []phase{
	{"page, scripts and first paint", "the HTML, app.js and wasm_exec.js, and the prerendered page painted, until app.js asks for app.wasm",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.WasmRequested }},
	{"download of app.wasm", "from the request to its last byte (the network, the HTTP cache or the service worker's cache); compiling runs alongside",
		func(m moments) float64 { return m.WasmRequested }, func(m moments) float64 { return m.WasmLoaded }},
	{"compile and instantiate, after the last byte", "what compiling app.wasm takes beyond its download",
		func(m moments) float64 { return m.WasmLoaded }, func(m moments) float64 { return m.Instantiated }},
	{"Go's start to main", "Go's runtime and every package's init",
		func(m moments) float64 { return m.Instantiated }, func(m moments) float64 { return m.Main }},
	{"main to first render", "main (routes, the storage check) and go-app mounting the page, until it removes the loading screen",
		func(m moments) float64 { return m.Main }, func(m moments) float64 { return m.Mounted }},
	{"first render to page shown", "the first frame painted after it, with whatever go-app does in between",
		func(m moments) float64 { return m.Mounted }, func(m moments) float64 { return m.Shown }},
	{"Go's start: instance to page shown", "everything the wasm does, from the instance created to the page shown",
		func(m moments) float64 { return m.Instantiated }, func(m moments) float64 { return m.Shown }},
	{"whole start: navigation to page shown", "what a person waits",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.Shown }},
}

// startTarget is a page whose start is measured: a path on a server,
// what must be stored first, and what shows it started as it should.
type startTarget struct {
	name, base, path, rendered string
	stored                     map[string]string
}

// keyedTarget is a page of the app with a short name to ask for it by.
type keyedTarget struct {
	key string // home, stage, meetings or link
	startTarget
}

// appTargets are the pages whose start is measured: the home page with
// nothing stored, a stage page of the example, the 1:1 page with three
// years of weekly 1:1s, and the example's first link opened on a device
// that has never run the app.
func appTargets(t *testing.T, base string) []keyedTarget {
	t.Helper()
	example := yearsOfOneOnes(t, 0)
	years := yearsOfOneOnes(t, 3)
	frag, _, err := share.EncodeLink(example, onboarding.StartLink(example, time.Now(), true), "")
	if err != nil {
		t.Fatal(err)
	}
	return []keyedTarget{
		{"home", startTarget{name: "home", base: base, path: "/", rendered: `!!document.querySelector("main h1")`}},
		{"stage", startTarget{name: "a stage page", base: base, path: "/guide/data?id=" + example.ID, rendered: `!!document.getElementById("prompt-sources")`, stored: stored(t, example)}},
		{"meetings", startTarget{name: "the 1:1 page, 3 years", base: base, path: "/meetings?id=" + years.ID, rendered: `!!document.getElementById("checkpoints")`, stored: stored(t, years)}},
		{"link", startTarget{name: fmt.Sprintf("opening a link (%s characters)", thousands(int64(len(frag)))), base: base, path: share.Link("", frag), rendered: `!!document.getElementById("preview")`}},
	}
}

// visit loads a target once in a profile and returns the moments of its
// start. Before the first visit of a profile, it opens a file of the
// origin that is no page (the icon) to plant what is stored, so that the
// visit itself is cold.
func visitOnce(t *testing.T, profile string, tg startTarget, first bool) moments {
	t.Helper()
	tb := newTabIn(t, profile, startProbe)
	defer tb.close()
	if first {
		tb.do(chromedp.Navigate(tg.base + "/web/icon.svg"))
		if len(tg.stored) > 0 {
			tb.plant(tg.stored)
		}
	}
	tb.load(tg.base+tg.path, tg.rendered)
	tb.waitFor("the first frame after the start", `window.__shown !== undefined`)
	m := evalIn[moments](tb, phasesScript)
	if m.Instantiated < 0 || m.Main < 0 || m.WasmLoaded < 0 {
		t.Fatalf("%s: a moment of the start is missing: %+v", tg.name, m)
	}
	if first {
		// The next visit is a repeat visit: it finds the service worker
		// and its cache, as a returning person does.
		tb.waitForWorker()
	}
	time.Sleep(visitLasts)
	return m
}

// The start of the app, phase by phase, on its main pages, cold (a first
// visit: nothing cached) and repeated (Chromium closed and started again
// on the same profile, which keeps the service worker, its cache and
// V8's code cache), against the bare go-app program's only page, served
// the same way and measured in the same runs, taken in turns.
func TestStartPhasesAgainstBareGoApp(t *testing.T) {
	build(t)
	targets := []startTarget{{name: "bare go-app", base: serve(t, builds.bareWeb), path: "/", rendered: `document.body.innerText.includes("Hello")`}}
	for _, tg := range appTargets(t, serve(t, builds.appWeb)) {
		targets = append(targets, tg.startTarget)
	}
	cold := map[string][]moments{}
	repeat := map[string][]moments{}
	for r := 0; r < startRuns; r++ {
		for _, tg := range targets {
			profile := t.TempDir()
			cold[tg.name] = append(cold[tg.name], visitOnce(t, profile, tg, true))
			repeat[tg.name] = append(repeat[tg.name], visitOnce(t, profile, tg, false))
		}
	}
	for _, tg := range targets {
		for _, ph := range startPhases {
			t.Logf("%s, %s: median cold %.0f ms, repeat %.0f ms", tg.name, ph.name, medianPhase(cold[tg.name], ph), medianPhase(repeat[tg.name], ph))
		}
	}

	s := reportSection("Start, phase by phase",
		fmt.Sprintf("Headless Chromium on loopback, a fresh profile for each cold visit; the repeat visit closes Chromium (%s after the start, as a short visit) and starts it again on the same profile, which keeps the service worker, its cache and V8's code cache. The moments come from the page: Resource Timing for app.wasm, a mark when WebAssembly.instantiateStreaming resolves, Go's performance.mark at the top of main (in both programs), the loading screen's removal, and the next painted frame. Each phase is the fastest of %d runs (other work on the machine only adds time), taken in turns with the bare go-app program (bench/testdata/bare, served by the same server binary the same way); each ratio is to the bare program's same phase of the same kind of visit.", visitLasts, startRuns))
	head := []string{"Phase"}
	for _, tg := range targets {
		head = append(head, tg.name)
	}
	for _, kind := range []struct {
		name string
		runs map[string][]moments
	}{{"cold", cold}, {"repeat", repeat}} {
		var rows [][]string
		for _, ph := range startPhases {
			row := []string{kind.name + ": " + ph.name}
			base := fastestPhase(kind.runs[targets[0].name], ph)
			for i, tg := range targets {
				v := fastestPhase(kind.runs[tg.name], ph)
				if i == 0 {
					row = append(row, fmt.Sprintf("%.0f ms", v))
					continue
				}
				row = append(row, fmt.Sprintf("%.0f ms (%s)", v, ratioText(v, base)))
			}
			rows = append(rows, row)
		}
		s.table(head, rows)
	}
	var meanings [][]string
	for _, ph := range startPhases {
		meanings = append(meanings, []string{ph.name, ph.meaning})
	}
	s.table([]string{"Phase", "What it is"}, meanings)

	whole, goStart := startPhases[len(startPhases)-1], startPhases[len(startPhases)-2]
	home, link := targets[1].name, targets[4].name
	s.add(figure{Name: "cold load of the home page", Value: fastestPhase(cold[home], whole), Base: fastestPhase(cold[targets[0].name], whole), BaseName: "bare go-app, cold", Unit: "ms",
		Meaning: "navigation to the page shown on a first visit; the goal is at most 1.15×."})
	s.add(figure{Name: "Go's start, home page, cold", Value: fastestPhase(cold[home], goStart), Base: fastestPhase(cold[targets[0].name], goStart), BaseName: "bare go-app, cold", Unit: "ms",
		Meaning: "from the instance created to the page shown; the goal is at most 1.3×."})
	s.add(figure{Name: "repeat visit of the home page", Value: fastestPhase(repeat[home], whole), Base: fastestPhase(repeat[targets[0].name], whole), BaseName: "bare go-app, repeat", Unit: "ms",
		Meaning: "a returning visitor, from the service worker's cache; the goal is at most 1.15×."})
	s.add(figure{Name: "repeat visit against the cold one, home page", Value: fastestPhase(repeat[home], whole), Base: fastestPhase(cold[home], whole), BaseName: "home page, cold", Unit: "ms",
		Meaning: "a repeat visit should be faster than the first: below 1×."})
	s.add(figure{Name: "opening a link to its preview, cold", Value: fastestPhase(cold[link], whole), Base: fastestPhase(cold[home], whole), BaseName: "home page, cold", Unit: "ms",
		Meaning: "the person receiving a link opens it in a browser that has never run the app; the goal is at most 1.2× the home page's cold load."})
}

// lengths are how long a phase took in each run.
func lengths(runs []moments, ph phase) []float64 {
	var xs []float64
	for _, m := range runs {
		xs = append(xs, ph.to(m)-ph.from(m))
	}
	return xs
}

// medianPhase is the median length of a phase over runs.
func medianPhase(runs []moments, ph phase) float64 { return median(lengths(runs, ph)) }

// fastestPhase is the shortest length of a phase over runs.
func fastestPhase(runs []moments, ph phase) float64 { return percentile(lengths(runs, ph), 0) }
