//go:build browser

package bench

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// startRuns is how many times each page is visited (cold, second, later)
// for the start figures, which take the fastest of them: what else runs
// on the machine only ever adds time, so on a busy one the fastest run is
// the closest to the page's own cost (the medians are in the test's log).
// -start-runs and -start-pages (home,stage,meetings,link) narrow a run
// down while working on one page.
var (
	startRuns  = flag.Int("start-runs", 5, "how many times TestStartPhasesAgainstBareGoApp visits each page, cold, second and later")
	startPages = flag.String("start-pages", "", "the pages TestStartPhasesAgainstBareGoApp measures, of home,stage,meetings,link; all when empty")
)

// visitLasts is how long each visit stays open after its start and its
// tour, as a person keeps a page open: V8 would write its cache of the
// compiled wasm a moment after some of it has been optimized (Chromium
// 156 writes none for app.wasm: see the later visit).
const visitLasts = 3 * time.Second

// startProbe marks, in every page, the moments of a start that only the
// page sees: when the browser has compiled and instantiated app.wasm (it
// wraps WebAssembly.instantiateStreaming, which go-app's app.js calls), and
// when the first frame after the loading screen went has been painted.
// Go's own mark, "go:main", comes from main in both programs.
//
// It also counts the calls the program makes from Go to JavaScript
// (syscall/js, through wasm_exec.js's imports) until the page is shown:
// go-app makes several for each element it builds, so the count follows
// the work of a first render, and unlike a time it is the same on a busy
// machine as on an idle one.
const startProbe = `(() => {
	const instantiate = WebAssembly.instantiateStreaming;
	window.__jsCalls = 0;
	WebAssembly.instantiateStreaming = async function (source, imports) {
		const gojs = imports && imports.gojs;
		for (const name of Object.keys(gojs || {})) {
			const f = gojs[name];
			if (name.startsWith("syscall/js.") && typeof f === "function") {
				gojs[name] = function (...a) { window.__jsCalls++; return f.apply(this, a); };
			}
		}
		const r = await instantiate.call(this, source, imports);
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
		requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now(); window.__callsShown = window.__jsCalls; }));
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
		JSCalls: window.__callsShown,
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
	// MainCPU and RendererCPU are the CPU time the page's renderer spent
	// until the page was shown: on its main thread, and on all its
	// threads (compiling the wasm runs on others). Unlike the moments, a
	// busy machine barely moves them.
	MainCPU, RendererCPU float64
	// JSCalls counts the calls from Go to JavaScript until the page was
	// shown.
	JSCalls float64
}

// cpuTime reads the CPU time, in milliseconds, that the page's renderer
// has spent on its main thread and on all its threads.
func (tb *tab) cpuTime() (main, renderer float64) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	res, err := chromedp.Call(ctx, performance.GetMetrics, struct{}{})
	if err != nil {
		tb.t.Fatal(err)
	}
	for _, m := range res.Metrics {
		switch m.Name {
		case "ThreadTime":
			main = m.Value * 1000
		case "ProcessTime":
			renderer = m.Value * 1000
		}
	}
	return main, renderer
}

// phase is one step of a start, between two moments.
type phase struct {
	name, meaning string
	from, to      func(moments) float64
	unit          string // "ms" unless said
}

// phaseNamed returns one of startPhases by name.
func phaseNamed(name string) phase {
	for _, ph := range startPhases {
		if ph.name == name {
			return ph
		}
	}
	panic("no phase " + name)
}

var startPhases = []phase{
	{"page, scripts and first paint", "the HTML, app.js and wasm_exec.js, and the prerendered page painted, until app.js asks for app.wasm",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.WasmRequested }, ""},
	{"download of app.wasm", "from the request to its last byte (the network, the HTTP cache or the service worker's cache); compiling runs alongside",
		func(m moments) float64 { return m.WasmRequested }, func(m moments) float64 { return m.WasmLoaded }, ""},
	{"compile and instantiate, after the last byte", "what compiling app.wasm takes beyond its download",
		func(m moments) float64 { return m.WasmLoaded }, func(m moments) float64 { return m.Instantiated }, ""},
	{"Go's start to main", "Go's runtime and every package's init",
		func(m moments) float64 { return m.Instantiated }, func(m moments) float64 { return m.Main }, ""},
	{"main to first render", "main (routes, the storage check) and go-app mounting the page, until it removes the loading screen",
		func(m moments) float64 { return m.Main }, func(m moments) float64 { return m.Mounted }, ""},
	{"first render to page shown", "the first frame painted after it, with whatever go-app does in between",
		func(m moments) float64 { return m.Mounted }, func(m moments) float64 { return m.Shown }, ""},
	{"Go's start: instance to page shown", "everything the wasm does, from the instance created to the page shown",
		func(m moments) float64 { return m.Instantiated }, func(m moments) float64 { return m.Shown }, ""},
	{"whole start: navigation to page shown", "what a person waits",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.Shown }, ""},
	{"CPU, main thread, to page shown", "the CPU time the page's main thread spent until the page was shown (Chromium's ThreadTime metric): the start's own work, which a busy machine does not lengthen",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.MainCPU }, ""},
	{"calls from Go to JavaScript, to page shown", "how many times the program called into JavaScript (syscall/js) until the page was shown, a count and not a time: go-app makes several calls for each element it builds",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.JSCalls }, "calls"},
	{"CPU, all the renderer's threads, to page shown", "the same on every thread of the page's renderer (ProcessTime), compiling the wasm included; on a repeat visit, the start of the renderer too",
		func(moments) float64 { return 0 }, func(m moments) float64 { return m.RendererCPU }, ""},
}

// startTarget is a page whose start is measured: a path on a server,
// what must be stored first, what shows it started as it should, and the
// pages a person goes on to (the tour), by following links within the
// app.
type startTarget struct {
	name, base, path, rendered string
	stored                     map[string]string
	tour                       []string
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
	// Pages that write nothing, then those of the onboarding stored.
	tour := []string{"/before", "/about", "/your-data", "/new", "/open"}
	of := func(id string) []string {
		return append([]string{"/guide/problems?id=" + id, "/guide/roles?id=" + id, "/meetings?id=" + id, "/document?id=" + id}, tour...)
	}
	return []keyedTarget{
		{"home", startTarget{name: "home", base: base, path: "/", rendered: `!!document.querySelector("main h1")`, tour: tour}},
		{"stage", startTarget{name: "a stage page", base: base, path: "/guide/data?id=" + example.ID, rendered: `!!document.getElementById("prompt-sources")`, stored: stored(t, example), tour: of(example.ID)}},
		{"meetings", startTarget{name: "the 1:1 page, 3 years", base: base, path: "/meetings?id=" + years.ID, rendered: `!!document.getElementById("checkpoints")`, stored: stored(t, years), tour: of(years.ID)}},
		{"link", startTarget{name: fmt.Sprintf("opening a link (%s characters)", thousands(int64(len(frag)))), base: base, path: share.Link("", frag), rendered: `!!document.getElementById("preview")`, tour: tour}},
	}
}

// visitKind is which visit of a profile a start is.
type visitKind int

const (
	coldVisit   visitKind = iota // a first visit: nothing cached
	secondVisit                  // from the service worker's cache
	laterVisit                   // after a visit from that cache: where V8's compiled code would be used
)

// visitOnce starts Chromium on a profile, loads a target, and returns the
// moments of its start. A cold visit first opens a file of the origin
// that is no page (the icon), to plant what is stored, so that the start
// itself is cold. A visit that another follows goes on through the
// target's tour, as a person using the app would, and stays open a
// moment (visitLasts): the functions used most are optimized meanwhile,
// which is when V8 may keep their code, beside the cached app.wasm, for
// the visits after.
func visitOnce(t *testing.T, profile string, tg startTarget, kind visitKind) moments {
	t.Helper()
	tb := newTabIn(t, profile, startProbe)
	defer tb.close()
	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks}); err != nil {
		t.Fatal(err)
	}
	var mainBefore, rendererBefore float64
	if kind == coldVisit {
		tb.do(chromedp.Navigate(tg.base + "/web/icon.svg"))
		if len(tg.stored) > 0 {
			tb.plant(tg.stored)
		}
		// The page opens in the same renderer: what the icon took is
		// not the start's.
		mainBefore, rendererBefore = tb.cpuTime()
	}
	tb.load(tg.base+tg.path, tg.rendered)
	tb.waitFor("the first frame after the start", `window.__shown !== undefined`)
	m := evalIn[moments](tb, phasesScript)
	m.MainCPU, m.RendererCPU = tb.cpuTime()
	m.MainCPU -= mainBefore
	m.RendererCPU -= rendererBefore
	if m.Instantiated < 0 || m.Main < 0 || m.WasmLoaded < 0 {
		t.Fatalf("%s: a moment of the start is missing: %+v", tg.name, m)
	}
	if kind == laterVisit {
		return m
	}
	if kind == coldVisit {
		// The next visit finds the service worker and its cache, as a
		// returning person does.
		tb.waitForWorker()
	}
	for _, path := range tg.tour {
		tb.follow(path)
	}
	time.Sleep(visitLasts)
	return m
}

// follow goes to a page of the app as a person does, by a link within
// the page, and waits until it shows its heading.
func (tb *tab) follow(path string) {
	tb.t.Helper()
	evalIn[bool](tb, fmt.Sprintf(`(() => {
		window.__before = (document.querySelector("main h1") || {}).textContent;
		const a = document.createElement("a");
		a.href = %q;
		document.body.appendChild(a);
		a.click();
		a.remove();
		return true;
	})()`, path))
	tb.waitFor("the page "+path, fmt.Sprintf(`location.pathname + location.search === %q && !!document.querySelector("main h1") && document.querySelector("main h1").textContent !== window.__before`, path))
}

// The start of the app, phase by phase, on its main pages, cold (a first
// visit: nothing cached), a second visit and a later one (Chromium closed
// and started again on the same profile, which keeps the service worker,
// its cache and any code V8 kept), against the bare go-app program's only
// page, served the same way and measured in the same runs, taken in turns.
func TestStartPhasesAgainstBareGoApp(t *testing.T) {
	build(t)
	targets := []startTarget{{name: "bare go-app", base: serve(t, builds.bareWeb), path: "/", rendered: `document.body.innerText.includes("Hello")`}}
	for _, tg := range appTargets(t, serve(t, builds.appWeb)) {
		if *startPages == "" || slices.Contains(strings.Split(*startPages, ","), tg.key) {
			targets = append(targets, tg.startTarget)
		}
	}
	cold, second, later := map[string][]moments{}, map[string][]moments{}, map[string][]moments{}
	for r := 0; r < *startRuns; r++ {
		for _, tg := range targets {
			profile := t.TempDir()
			cold[tg.name] = append(cold[tg.name], visitOnce(t, profile, tg, coldVisit))
			second[tg.name] = append(second[tg.name], visitOnce(t, profile, tg, secondVisit))
			later[tg.name] = append(later[tg.name], visitOnce(t, profile, tg, laterVisit))
		}
	}
	for _, tg := range targets {
		for _, ph := range startPhases {
			t.Logf("%s, %s: median cold %.0f, second %.0f, later %.0f", tg.name, ph.name, medianPhase(cold[tg.name], ph), medianPhase(second[tg.name], ph), medianPhase(later[tg.name], ph))
		}
	}

	s := reportSection("Start, phase by phase",
		fmt.Sprintf("Headless Chromium on loopback, a fresh profile for each cold visit. Each visit but the last goes on through a few pages of the app by its links and stays open %s; then Chromium closes and starts again on the same profile, which keeps the service worker, its cache and whatever code V8 kept. The second visit finds the app in the service worker's cache; the later visit (the third) comes after one from that cache, used too, which is what V8 would need to keep its compiled code beside it (Chromium 156 keeps none for app.wasm, with go-app's loader or with the fetched response itself, so today the later visit compiles again like the others). The moments come from the page: Resource Timing for app.wasm, a mark when WebAssembly.instantiateStreaming resolves, Go's performance.mark at the top of main (in both programs), the loading screen's removal, and the next painted frame. Each phase is the fastest of %d runs (other work on the machine only adds time), taken in turns with the bare go-app program (bench/testdata/bare, served by the same server binary the same way); each ratio is to the bare program's same phase of the same kind of visit.", visitLasts, *startRuns))
	head := []string{"Phase"}
	for _, tg := range targets {
		head = append(head, tg.name)
	}
	for _, kind := range []struct {
		name string
		runs map[string][]moments
	}{{"cold", cold}, {"second visit", second}, {"later visit", later}} {
		var rows [][]string
		for _, ph := range startPhases {
			row := []string{kind.name + ": " + ph.name}
			base := fastestPhase(kind.runs[targets[0].name], ph)
			for i, tg := range targets {
				v := fastestPhase(kind.runs[tg.name], ph)
				cell := amount(v, cmp.Or(ph.unit, "ms"))
				if i > 0 {
					cell += " (" + ratioText(v, base) + ")"
				}
				row = append(row, cell)
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

	if len(targets) < 5 {
		return // the goals need every page
	}
	whole, goStart := phaseNamed("whole start: navigation to page shown"), phaseNamed("Go's start: instance to page shown")
	home, link := targets[1].name, targets[4].name
	s.add(figure{Name: "cold load of the home page", Value: fastestPhase(cold[home], whole), Base: fastestPhase(cold[targets[0].name], whole), BaseName: "bare go-app, cold", Unit: "ms",
		Meaning: "navigation to the page shown on a first visit; the goal is at most 1.15×."})
	s.add(figure{Name: "Go's start, home page, cold", Value: fastestPhase(cold[home], goStart), Base: fastestPhase(cold[targets[0].name], goStart), BaseName: "bare go-app, cold", Unit: "ms",
		Meaning: "from the instance created to the page shown; the goal is at most 1.3×."})
	mainCPU, calls := phaseNamed("CPU, main thread, to page shown"), phaseNamed("calls from Go to JavaScript, to page shown")
	s.add(figure{Name: "CPU on the main thread, home page, cold", Value: fastestPhase(cold[home], mainCPU), Base: fastestPhase(cold[targets[0].name], mainCPU), BaseName: "bare go-app, cold", Unit: "ms",
		Meaning: "the cold load's own work, which the machine's load barely moves: the most stable of these figures on a busy machine."})
	s.add(figure{Name: "calls from Go to JavaScript, home page", Value: fastestPhase(cold[home], calls), Base: fastestPhase(cold[targets[0].name], calls), BaseName: "bare go-app", Unit: "calls",
		Meaning: "the work of the first render, counted rather than timed: the same on any machine, however busy."})
	s.add(figure{Name: "second visit of the home page", Value: fastestPhase(second[home], whole), Base: fastestPhase(second[targets[0].name], whole), BaseName: "bare go-app, second visit", Unit: "ms",
		Meaning: "a returning visitor, the app from the service worker's cache; the goal is at most 1.15×."})
	s.add(figure{Name: "later visit of the home page", Value: fastestPhase(later[home], whole), Base: fastestPhase(later[targets[0].name], whole), BaseName: "bare go-app, later visit", Unit: "ms",
		Meaning: "a returning visitor after one visit from that cache (where V8's compiled code would be used, if it kept any); the goal is at most 1.15×."})
	s.add(figure{Name: "second visit against the cold one, home page", Value: fastestPhase(second[home], whole), Base: fastestPhase(cold[home], whole), BaseName: "home page, cold", Unit: "ms",
		Meaning: "a repeat visit should be faster than the first: below 1×."})
	s.add(figure{Name: "later visit against the cold one, home page", Value: fastestPhase(later[home], whole), Base: fastestPhase(cold[home], whole), BaseName: "home page, cold", Unit: "ms",
		Meaning: "a repeat visit should be faster than the first: below 1×."})
	s.add(figure{Name: "CPU on the main thread, later visit against the cold one, home page", Value: fastestPhase(later[home], mainCPU), Base: fastestPhase(cold[home], mainCPU), BaseName: "home page, cold", Unit: "ms",
		Meaning: "what a repeat visit saves of the start's own work."})
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
