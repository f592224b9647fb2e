//go:build browser

package bench

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

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

// plant puts keys and values into the page's localStorage, and removeAll
// takes every key of the app out of it.
func (tb *tab) plant(kv map[string]string) {
	tb.t.Helper()
	b, _ := json.Marshal(kv)
	evalIn[bool](tb, fmt.Sprintf(`((kv) => { for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v); return true; })(%s)`, b))
}

func (tb *tab) removeAll() {
	tb.t.Helper()
	evalIn[bool](tb, `(Object.keys(localStorage).filter(k => k.startsWith("counterpart.")).forEach(k => localStorage.removeItem(k)), true)`)
}

// readStored reads an onboarding back from the page's storage with the
// store's own code.
func (tb *tab) readStored(id string) *onboarding.Onboarding {
	tb.t.Helper()
	var kv map[string]string
	json.Unmarshal([]byte(evalIn[string](tb, `JSON.stringify(Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])))`)), &kv)
	mem := store.NewMemory()
	for k, v := range kv {
		mem.Set(k, v)
	}
	o, err := store.New(mem, time.Now).Load(id)
	if err != nil {
		tb.t.Fatalf("reading back %s: %v", id, err)
	}
	return o
}

// fixture is an onboarding the typing and opening figures are taken on.
type fixture struct {
	name string
	o    *onboarding.Onboarding
}

// yearFixtures are a new onboarding, the baseline, and the example with
// 0, 1 and 3 years of weekly 1:1s.
func yearFixtures(t *testing.T) []fixture {
	fx := []fixture{{"a new onboarding", emptyOnboarding()}}
	for _, y := range []int{0, 1, 3} {
		fx = append(fx, fixture{fmt.Sprintf("the example, %d years of 1:1s", y), yearsOfOneOnes(t, y)})
	}
	return fx
}

// Typing in the same field of a stage (the budget advice, stage 2), and in
// the notes of the latest 1:1, with 0, 1 and 3 years of weekly 1:1s
// stored, against a new onboarding. Every onboarding is stored at once,
// as a person with several would have them, and the keystrokes are taken
// in turns between them, so that what else the machine does weighs on all
// alike.
func TestTypingWithYearsStoredAgainstANewOnboarding(t *testing.T) {
	build(t)
	url := serve(t, builds.appWeb)
	fx := yearFixtures(t)
	// The 1:1 notes need a 1:1: the new onboarding and the example with
	// none get their first.
	for _, f := range fx {
		if len(f.o.Meetings) == 0 {
			f.o.Meetings = []onboarding.Meeting{{Meta: onboarding.Meta{ID: onboarding.NewID(), Author: f.o.Me, Updated: time.Now()}, Date: "2026-11-10", Items: []onboarding.MeetingItem{}}}
		}
	}
	tb := newTab(t)
	tb.load(url+"/", `!!document.querySelector("main h1")`)
	for _, f := range fx {
		tb.plant(stored(t, f.o))
	}
	type field struct {
		page, css func(*onboarding.Onboarding) string
	}
	fields := map[string]field{
		"a stage field": {
			func(o *onboarding.Onboarding) string { return "/guide/problems?id=" + o.ID },
			func(*onboarding.Onboarding) string { return "#budget-advice" }},
		"1:1 notes": {
			func(o *onboarding.Onboarding) string { return "/meetings?id=" + o.ID },
			func(o *onboarding.Onboarding) string { return "#notes-" + o.LatestMeeting().ID }},
	}
	got := map[string]map[string][]float64{}
	const rounds = 5
	stageBytes := 0 // what a keystroke in the stage field writes, three years in
	for r := 0; r < rounds; r++ {
		for _, which := range []string{"a stage field", "1:1 notes"} {
			fd := fields[which]
			if got[which] == nil {
				got[which] = map[string][]float64{}
			}
			for _, f := range fx {
				css := fd.css(f.o)
				tb.load(url+fd.page(f.o), fmt.Sprintf(`!!document.querySelector(%q)`, css))
				got[which][f.name] = append(got[which][f.name], evalIn[[]float64](tb, typeScript(css, keystrokes/rounds))...)
				if which == "a stage field" && f.o == fx[3].o {
					stageBytes = int(evalIn[float64](tb, `Math.max(...window.__saveBytes.slice(-5))`))
				}
			}
		}
	}
	for _, f := range fx {
		back := tb.readStored(f.o.ID)
		if !strings.HasSuffix(back.BudgetAdvice.Text, strings.Repeat("x", keystrokes)) || !strings.HasSuffix(back.LatestMeeting().Notes, strings.Repeat("x", keystrokes)) {
			t.Fatalf("%s: the typed text is not in storage; the measure is wrong", f.name)
		}
	}
	floor := evalIn[[]float64](tb, floorScript(stageBytes, keystrokes))
	tb.close()
	t.Logf("%v\nfloor %v", got, floor)

	s := reportSection("Typing with years of 1:1s stored",
		fmt.Sprintf("Timed from the input event to the write that saves it in localStorage (the probe hooks setItem), over %d keystrokes in each field, taken in %d turns between the onboardings, all stored at once. The stage field is the budget advice (stage 2); the 1:1 field is the notes of the latest 1:1. The baseline is a new onboarding, with one 1:1 for the notes.", keystrokes, rounds))
	base := fx[0].name
	for _, which := range []string{"a stage field", "1:1 notes"} {
		for _, f := range fx[1:] {
			s.add(figure{Name: fmt.Sprintf("median, %s, %s", which, f.name), Value: median(got[which][f.name]), Base: median(got[which][base]), BaseName: base, Unit: "ms",
				Meaning: "the usual wait between a key press and the text being safe in storage; the goal is at most 1.3× a new onboarding's with three years stored."})
			s.add(figure{Name: fmt.Sprintf("95th percentile, %s, %s", which, f.name), Value: percentile(got[which][f.name], 95), Base: percentile(got[which][base], 95), BaseName: base, Unit: "ms",
				Meaning: "the slow keystrokes (1 in 20 is slower); the goal is at most 1.5× a new onboarding's with three years stored."})
		}
	}
	s.add(figure{Name: "median, a stage field, three years, against plain JavaScript", Value: median(got["a stage field"][fx[3].name]), Base: median(floor), BaseName: "plain JS writing as much", Unit: "ms",
		Meaning: fmt.Sprintf("against the least any web app that saves on each key must do: an input handler writing to localStorage as many bytes as a keystroke here writes (%s bytes, key included).", thousands(int64(stageBytes)))})
}

// Opening the home page and a stage page (stage 1) with one onboarding
// stored: the example with 0, 1 and 3 years of weekly 1:1s, against a new
// onboarding. Loads are warm (from the service worker's cache) and taken
// in turns, so only what is stored differs.
func TestOpenWithYearsStoredAgainstANewOnboarding(t *testing.T) {
	build(t)
	url := serve(t, builds.appWeb)
	fx := yearFixtures(t)
	kv := make([]map[string]string, len(fx))
	for i, f := range fx {
		kv[i] = stored(t, f.o)
	}
	tb := newTab(t)
	home := url + "/"
	tb.load(home, `!!document.querySelector("main h1")`)
	tb.waitForWorker()
	times := map[string][]float64{}
	for r := 0; r < openRuns; r++ {
		for i, f := range fx {
			tb.removeAll()
			tb.plant(kv[i])
			times["home, "+f.name] = append(times["home, "+f.name], tb.load(home, `!!document.querySelector('li.onboarding[data-id="`+f.o.ID+`"]')`))
			times["stage, "+f.name] = append(times["stage, "+f.name], tb.load(url+"/guide/data?id="+f.o.ID, `!!document.getElementById("prompt-sources")`))
		}
	}
	t.Logf("%v", times)
	s := reportSection("Opening the app with years of 1:1s stored",
		fmt.Sprintf("Warm loads (from the service worker's cache), first interactive render as above, median of %d, taken in turns. One onboarding is stored each time: the example with 0, 1 or 3 years of weekly 1:1s (%s bytes in storage at three years), or the baseline, a new onboarding.", openRuns, thousands(int64(size(kv[3])))))
	base := fx[0].name
	for _, f := range fx[1:] {
		s.add(figure{Name: "home page, " + f.name, Value: median(times["home, "+f.name]), Base: median(times["home, "+base]), BaseName: base, Unit: "ms",
			Meaning: "opening the app: the home page lists each onboarding with its progress, reading it without its 1:1s; the goal is at most 1.2× with three years stored."})
		s.add(figure{Name: "a stage page, " + f.name, Value: median(times["stage, "+f.name]), Base: median(times["stage, "+base]), BaseName: base, Unit: "ms",
			Meaning: "opening one stage, which reads the onboarding without its 1:1s; the goal is at most 1.2× with three years stored."})
	}
}
