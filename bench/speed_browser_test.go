//go:build browser

package bench

import (
	"strings"

	"counterpart/app/onboarding"

	"fmt"
	"testing"
)

// Counterpart's home page against the bare program, both served by the
// same server binary from web directories that differ only in app.wasm:
// same HTML shell, CSS, service worker, compression and headers. What
// differs is what the wasm weighs and does before its first render.
func TestLoadTimeAgainstBareGoApp(t *testing.T) {
	build(t)
	targets := []struct {
		name, url, rendered string
	}{
		{"counterpart", serve(t, builds.appWeb) + "/", `!!document.querySelector("main h1")`},
		{"bare", serve(t, builds.bareWeb) + "/", `document.body.innerText.includes("Hello")`},
	}
	cold := map[string][]float64{}
	warm := map[string][]float64{}
	for i := 0; i < runs; i++ {
		for _, tg := range targets {
			tb := newTab(t)
			cold[tg.name] = append(cold[tg.name], tb.load(tg.url, tg.rendered))
			tb.waitForWorker()
			warm[tg.name] = append(warm[tg.name], tb.load(tg.url, tg.rendered))
			tb.close()
		}
	}
	t.Logf("cold: %v", cold)
	t.Logf("warm: %v", warm)
	s := reportSection("Load time in Chromium",
		fmt.Sprintf("Headless Chromium on loopback, from the start of the navigation to the first interactive render (go-app has run the wasm, mounted the page with its event handlers and removed its loading screen); the median of %d runs. The bare go-app program is served by the same server binary, the same way: the same page shell, CSS, service worker, compression and headers, with only app.wasm swapped.", runs))
	s.add(figure{Name: "cold load (empty profile)", Value: median(cold["counterpart"]), Base: median(cold["bare"]), BaseName: "bare go-app", Unit: "ms",
		Meaning: "a first visit: download, compile and start the app. On a real network the download adds about its brotli size divided by the bandwidth."})
	s.add(figure{Name: "warm load (service worker cache)", Value: median(warm["counterpart"]), Base: median(warm["bare"]), BaseName: "bare go-app", Unit: "ms",
		Meaning: "every later visit, online or not: the app comes from the browser's cache, so this is the wait a regular user sees."})
}

// typeScript types n characters at the end of a field, one input event at
// a time, and returns for each the milliseconds from the event to the
// onboarding saved in localStorage (the probe timestamps the save). It
// pauses between keys, as a fast typist does, so each key is timed alone.
func typeScript(field string, n int) string {
	return fmt.Sprintf(`(async () => {
		const el = document.querySelector(%q);
		el.focus();
		const out = [];
		for (let i = 0; i < %d; i++) {
			const saved = new Promise((ok, fail) => { window.__onSave = ok; setTimeout(() => fail(new Error("no save within 10 s")), 10000); });
			const t0 = performance.now();
			el.value += "x";
			el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertText", data: "x"}));
			out.push((await saved) - t0);
			await new Promise(r => setTimeout(r, 40));
		}
		return out;
	})()`, field, n)
}

// floorScript times the least any web app must do per keystroke to save a
// record of size bytes: a plain JavaScript input handler writing a string
// that long to localStorage.
func floorScript(size, n int) string {
	return fmt.Sprintf(`(async () => {
		const el = document.createElement("textarea");
		const pad = "x".repeat(%d);
		el.addEventListener("input", () => localStorage.setItem("bench.floor", pad + el.value));
		const out = [];
		for (let i = 0; i < %d; i++) {
			const saved = new Promise(ok => { window.__onSave = ok; });
			const t0 = performance.now();
			el.value += "x";
			el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertText", data: "x"}));
			out.push((await saved) - t0);
			await new Promise(r => setTimeout(r, 40));
		}
		localStorage.removeItem("bench.floor");
		return out;
	})()`, size, n)
}

// setItem stores a value in the page's localStorage.
func (tb *tab) setItem(key, value string) {
	tb.t.Helper()
	evalIn[bool](tb, fmt.Sprintf(`(localStorage.setItem(%q, %q), true)`, key, value))
}

func (tb *tab) removeItem(key string) {
	tb.t.Helper()
	evalIn[bool](tb, fmt.Sprintf(`(localStorage.removeItem(%q), true)`, key))
}

// Typing in a text field of the example, and of an onboarding that holds a
// year of weekly 1:1s, against a plain input handler that saves as many
// bytes.
func TestTypingLatencyAgainstPlainStorage(t *testing.T) {
	build(t)
	url := serve(t, builds.appWeb)
	s := reportSection("Typing latency in Chromium",
		fmt.Sprintf("Every keystroke saves the whole onboarding. Timed from the input event to the record written to localStorage, over %d keystrokes in the budget advice field (stage 2). The baseline is a plain JavaScript input handler that writes a string as long as the record, the least any app that saves on each key must do.", keystrokes))
	for _, fx := range []struct {
		name string
		o    func(*testing.T) *onboarding.Onboarding
	}{
		{"the example", exampleOnboarding},
		{"a year of weekly 1:1s", yearOfOneOnes},
	} {
		o := fx.o(t)
		key, value := storedRecord(t, o)
		tb := newTab(t)
		tb.load(url+"/", `!!document.querySelector("main h1")`)
		tb.setItem(key, value)
		tb.load(url+"/guide/problems?id="+o.ID, `!!document.getElementById("budget-advice")`)
		got := evalIn[[]float64](tb, typeScript("#budget-advice", keystrokes))
		floor := evalIn[[]float64](tb, floorScript(len(value), keystrokes))
		if !strings.Contains(evalIn[string](tb, fmt.Sprintf(`localStorage.getItem(%q)`, key)), strings.Repeat("x", keystrokes)) {
			t.Fatalf("%s: the typed text is not in storage; the measure is wrong", fx.name)
		}
		tb.close()
		t.Logf("%s (%d bytes): %v\nfloor: %v", fx.name, len(value), got, floor)
		size := fmt.Sprintf(" (a %s-byte record)", thousands(int64(len(value))))
		s.add(figure{Name: "median, " + fx.name + size, Value: median(got), Base: median(floor), BaseName: "plain JS, same size", Unit: "ms",
			Meaning: "the usual wait between a key press and the text being safe in storage; under about 16 ms it fits in one frame and cannot be felt."})
		s.add(figure{Name: "95th percentile, " + fx.name, Value: percentile(got, 95), Base: percentile(floor, 95), BaseName: "plain JS, same size", Unit: "ms",
			Meaning: "the slow keystrokes (1 in 20 is slower); above about 50 ms typing starts to feel sticky."})
	}
}

// Opening the app with a year of 1:1s stored, against an empty store: the
// home page, which reads every onboarding, and a stage page, which reads
// one. Loads are warm (from the service worker's cache) and interleaved,
// so only what is stored differs.
func TestOpenWithAYearStoredAgainstEmpty(t *testing.T) {
	build(t)
	url := serve(t, builds.appWeb)
	year, empty := yearOfOneOnes(t), emptyOnboarding()
	yearKey, yearValue := storedRecord(t, year)
	emptyKey, emptyValue := storedRecord(t, empty)

	tb := newTab(t)
	home := url + "/"
	tb.load(home, `!!document.querySelector("main h1")`)
	tb.waitForWorker()
	times := map[string][]float64{}
	for i := 0; i < openRuns; i++ {
		tb.removeItem(yearKey)
		tb.removeItem(emptyKey)
		times["home, empty"] = append(times["home, empty"], tb.load(home, `!!document.querySelector("main h1") && !document.querySelector("li.onboarding")`))
		tb.setItem(yearKey, yearValue)
		times["home, year"] = append(times["home, year"], tb.load(home, `!!document.querySelector("li.onboarding")`))
		tb.setItem(emptyKey, emptyValue)
		times["stage, empty"] = append(times["stage, empty"], tb.load(url+"/guide/data?id="+empty.ID, `!!document.getElementById("prompt-sources")`))
		times["stage, year"] = append(times["stage, year"], tb.load(url+"/guide/data?id="+year.ID, `!!document.getElementById("prompt-sources")`))
	}
	t.Logf("%v", times)
	s := reportSection("Opening the app with a year of 1:1s stored",
		fmt.Sprintf("Warm loads (from the service worker's cache), first interactive render as above, median of %d. The year is the example plus 52 weekly 1:1s of five agenda items each, with notes and decisions, and 104 commitments: a %s-byte record.", openRuns, thousands(int64(len(yearValue)))))
	s.add(figure{Name: "home page", Value: median(times["home, year"]), Base: median(times["home, empty"]), BaseName: "nothing stored", Unit: "ms",
		Meaning: "what a year of use adds to opening the app: the home page reads every onboarding to list it with its progress."})
	s.add(figure{Name: "a stage page", Value: median(times["stage, year"]), Base: median(times["stage, empty"]), BaseName: "a new, empty onboarding", Unit: "ms",
		Meaning: "what a year of 1:1s adds to opening one stage of that onboarding, which loads and checks the whole record."})
}
