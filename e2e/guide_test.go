//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/chromedp/chromedp"
)

const exampleID = guide.ExampleID

// theExample is the built-in example, read from content/ as the app reads
// it, so that tests check what it shows without copying its words.
func theExample(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// A person creates an onboarding, writes something in every stage, reloads,
// and finds all of it.
func TestFillEveryStageAndReload(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	home := srv.URL + "/"
	id := b.newOnboarding(home)

	// 1. Data sources
	src := b.addEntry("sources")
	b.typeInto("#name-"+src, "Monthly close pack")
	b.typeInto("#link-"+src, "https://drive.example.com/close")
	b.typeInto("#answers-"+src, "Actuals against budget, by department.")
	b.typeInto("#owner-"+src, "The controller")
	b.click("#checked-" + src)

	// 2. Problems
	b.goToStage("problems")
	prob := b.addEntry("problems")
	b.typeInto("#problem-"+prob, "Gross margin fell six points in a year")
	b.typeInto("#evidence-"+prob, "- cloud spend up 41%\n- revenue up 22%")
	b.typeInto("#budget-advice", "Hold hiring until the reforecast.")
	work := b.addEntry("working")
	b.typeInto("#text-"+work, "Planning with product works; leave it be.")

	// 3. Team
	b.goToStage("team")
	mate := b.addEntry("team")
	if got := b.text("#entry-" + mate + " .badge.private"); !strings.EqualFold(got, "Private") {
		t.Errorf("a new team read entry is not marked private (badge %q)", got)
	}
	b.typeInto("#person-"+mate, "Ines")
	b.typeInto("#strengths-"+mate, "Owns the close and the audit.")
	met := b.addEntry("people")
	b.typeInto("#name-"+met, "Harriet")
	b.choose("#reason-"+met, "influence")

	// 4. Processes
	b.goToStage("processes")
	proc := b.addEntry("processes")
	b.typeInto("#name-"+proc, "Annual budget")
	b.choose("#health-"+proc, "strained")
	sur := b.addEntry("surprises")
	b.typeInto("#what-"+sur, "Every decision starts with a written memo")

	// 5. Role agreements: one answer from Dana
	b.goToStage("roles")
	b.click("#own-grid fieldset:first-child label[for$='-mine']")
	b.settle()

	b.reload()
	for stage, want := range map[string][]string{
		"data":      {"Monthly close pack", "Actuals against budget", "The controller", "Checked by the newcomer"},
		"problems":  {"Gross margin fell six points in a year", "cloud spend up 41%", "Planning with product works"},
		"team":      {"Ines", "Owns the close and the audit.", "PRIVATE", "Harriet", "Quiet influence"},
		"processes": {"Annual budget", "Strained", "Every decision starts with a written memo"},
	} {
		b.goToStage(stage)
		containsAll(t, "after a reload, the "+stage+" stage", b.pageText(), want...)
		if stage == "data" && b.count(`.entry-title a[href="https://drive.example.com/close"]`) != 1 {
			t.Error("after a reload, the data source's name does not link to https://drive.example.com/close")
		}
		if stage == "problems" {
			if got := b.value("#budget-advice"); got != "Hold hiring until the reforecast." {
				t.Errorf("after a reload, the budget advice is %q", got)
			}
		}
	}
	b.goToStage("roles")
	if n := b.count("#own-grid input:checked"); n != 1 {
		t.Errorf("after a reload, %d ownership answers are checked, want 1", n)
	}

	b.open(home)
	item := b.text(`li.onboarding[data-id="` + id + `"]`)
	// Every prompt of stages 1 to 4 has an answer (9), none of stage 5 yet.
	containsAll(t, "the home list", item, "Priya Raman joins as CFO", "Dana Okafor (CTO) onboarding Priya Raman (CFO)", "Started 2 November 2026", "64% · 9 of 14 prompts answered")
	b.expectNoProblems("filling every stage")
}

func TestExampleLeavesYourOwnDataAlone(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	home := srv.URL + "/"
	mine := b.newOnboarding(home)
	src := b.addEntry("sources")
	b.typeInto("#name-"+src, "My own source")
	b.settle()

	b.open(home)
	b.click("#open-example")
	b.waitFor("the example", `location.search.includes("`+exampleID+`") && !!document.querySelector(".example-note")`)
	text := b.pageText()
	ex := theExample(t)
	firstSource := ex.DataSources[0].Name
	containsAll(t, "the example", text, ex.Title, firstSource)
	extra := b.addEntry("sources")
	b.typeInto("#name-"+extra, "Added while exploring")
	b.settle()

	b.open(home + "guide/data?id=" + mine)
	text = b.pageText()
	if !strings.Contains(text, "My own source") || strings.Contains(text, "Added while exploring") || strings.Contains(text, firstSource) {
		t.Errorf("exploring the example changed my own onboarding:\n%s", text)
	}
	b.open(home)
	if n := b.count("li.onboarding"); n != 1 {
		t.Errorf("the example shows among my onboardings: %d listed", n)
	}
	b.click("#reset-example")
	b.waitText("back to how it started")
	b.open(home + "guide/data?id=" + exampleID)
	if strings.Contains(b.pageText(), "Added while exploring") {
		t.Error("resetting the example kept a change")
	}
	b.expectNoProblems("exploring the example")
}

func TestDeleteAndUndoRestoresEverything(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	home := srv.URL + "/"
	id := b.newOnboarding(home)
	src := b.addEntry("sources")
	b.typeInto("#name-"+src, "Revenue dashboard")
	b.goToStage("team")
	mate := b.addEntry("team")
	b.typeInto("#person-"+mate, "Kenji")
	b.settle()

	b.open(home)
	b.click(`li.onboarding[data-id="` + id + `"] button[aria-label^="Delete"]`)
	b.waitFor("the confirmation", `!!document.getElementById("confirm-delete")`)
	if got := b.text("li.onboarding"); !strings.Contains(got, "everything written in it") {
		t.Errorf("the confirmation says %q", got)
	}
	b.click("#confirm-delete")
	b.waitFor("the deletion", `document.querySelectorAll("li.onboarding").length === 0`)
	b.waitText("Deleted")

	b.click("#undo-delete")
	b.waitFor("the onboarding back", `document.querySelectorAll("li.onboarding").length === 1`)
	b.reload()
	b.click(`li.onboarding[data-id="` + id + `"] h2 a`)
	b.waitText("Revenue dashboard")
	b.goToStage("team")
	b.waitText("Kenji")
	b.expectNoProblems("delete and undo")
}

// Whatever a person types, nothing in it runs: no HTML element, no script,
// no javascript: link, no dialog.
func TestMarkupInFieldsIsInert(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	const img = `<img src=x onerror=alert(1)>`
	id := b.newOnboarding(srv.URL + "/")
	src := b.addEntry("sources")
	b.typeInto("#name-"+src, img)
	b.typeInto("#link-"+src, "javascript:alert(1)")
	b.typeInto("#answers-"+src, img+" **bold** [click me](javascript:window.__pwned=1) <script>window.__pwned=2</script>")
	b.typeInto("#owner-"+src, `"><svg onload=alert(1)>`)
	b.goToStage("problems")
	b.typeInto("#budget-advice", "[mail](mailto:a@example.com) and "+img)
	b.settle()

	for _, path := range []string{"guide/data", "guide/problems"} {
		b.open(srv.URL + "/" + path + "?id=" + id)
		if n := b.count("main img, main script, main svg, main iframe"); n != 0 {
			t.Errorf("%s: %d live elements came from typed markup", path, n)
		}
		if n := b.count(`main a[href^="javascript"], main a[href^="JAVASCRIPT"]`); n != 0 {
			t.Errorf("%s: a javascript: link is clickable", path)
		}
	}
	b.open(srv.URL + "/guide/data?id=" + id)
	text := b.pageText()
	containsAll(t, "the data source", text, img, "not a web address, so not shown as a link", "click me")
	if b.count("main strong") == 0 {
		t.Error("Markdown emphasis did not render")
	}
	if eval[bool](b, `window.__pwned !== undefined`) {
		t.Error("typed script ran")
	}
	b.expectNoProblems("markup in fields") // includes any dialog that opened
}

// Damaged data in storage is kept aside, the person is told, and the other
// onboardings keep working.
func TestCorruptStorageIsKeptAsideAndExplained(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	home := srv.URL + "/"
	good := b.newOnboarding(home)
	src := b.addEntry("sources")
	b.typeInto("#name-"+src, "Still here")
	b.settle()
	bad := b.newOnboarding(home)
	const garbage = `{"schema":1,"rev":2,"onboarding":{"id":"` + "broken"
	eval[bool](b, fmt.Sprintf(`(localStorage.setItem("counterpart.v1.onboarding.%s", %q), true)`, bad, garbage))

	b.open(home)
	b.waitFor("the damage notice", `!!document.getElementById("damaged")`)
	containsAll(t, "the damage notice", b.text("#damaged"), "could not be read", "kept aside, unchanged")
	if n := b.count("li.onboarding"); n != 1 {
		t.Errorf("%d onboardings listed, want the 1 that is intact", n)
	}
	// Kept aside with its parts, as one record: the damaged head in it
	// byte for byte, and nothing of it left in the way.
	kept := false
	for _, k := range b.storageKeys() {
		if strings.HasPrefix(k, "counterpart.v1.aside.onboarding."+bad) {
			var bundle map[string]string
			json.Unmarshal([]byte(eval[string](b, fmt.Sprintf(`localStorage.getItem(%q)`, k))), &bundle)
			kept = bundle[store.KeyOf(bad)] == garbage && len(bundle) > 1
		}
		if strings.HasPrefix(k, store.KeyOf(bad)) {
			t.Errorf("%s is still in the way", k)
		}
	}
	if !kept {
		t.Errorf("the damaged record was not kept aside byte for byte")
	}
	b.click(`li.onboarding[data-id="` + good + `"] h2 a`)
	b.waitText("Still here")

	b.open(home + "guide/data?id=" + bad)
	b.waitFor("the explanation", `!!document.getElementById("load-error")`)
	if got := b.text("#load-error"); !strings.Contains(got, "not on this device") {
		t.Errorf("opening the damaged onboarding says %q", got)
	}
	b.expectNoProblems("corrupt storage")
}

// Two tabs on one onboarding: each sees the other's edits, and neither
// overwrites them.
func TestTwoTabsEditingTheSameOnboarding(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	a := newBrowser(t)
	id := a.newOnboarding(srv.URL + "/")
	stage := srv.URL + "/guide/data?id=" + id
	b := a.newTab(t)
	b.open(stage)

	first := a.addEntry("sources")
	a.typeInto("#name-"+first, "Written in tab A")
	a.settle()
	b.waitText("Written in tab A") // live, through the storage event

	second := b.addEntry("sources")
	b.typeInto("#name-"+second, "Written in tab B")
	b.settle()
	a.waitText("Written in tab B")

	// Both edit the same onboarding at once, different fields.
	a.typeInto("#owner-"+first, " owner from A")
	b.typeInto("#name-"+second, " and more from B")
	a.settle()
	b.settle()

	c := a.newTab(t)
	c.open(stage)
	text := c.pageText()
	containsAll(t, "a third tab", text, "Written in tab A", "owner from A", "Written in tab B and more from B")
	a.expectNoProblems("tab A")
	b.expectNoProblems("tab B")
}

// The whole flow with the keyboard alone: add an entry, type in it, move it,
// remove it and undo.
func TestKeyboardAlone(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	b.newOnboarding(srv.URL + "/")
	press := func(keys string) { b.do(chromedp.KeyEvent(keys)) }
	focused := func() string { return eval[string](b, `document.activeElement ? document.activeElement.id : ""`) }

	for _, name := range []string{"First", "Second"} {
		eval[bool](b, `(document.getElementById("add-sources").focus(), true)`)
		press("\r")
		b.waitFor("focus in the new entry", `document.activeElement && document.activeElement.id.startsWith("name-")`)
		press(name)
		press("\t")
		if !strings.HasPrefix(focused(), "link-") {
			t.Fatalf("Tab from the name went to %q, not the link", focused())
		}
	}
	b.settle()
	names := func() string {
		return eval[string](b, `Array.from(document.querySelectorAll('[data-list="sources"] li.entry')).map(e => e.querySelector('[id^="name-"]') ? e.querySelector('[id^="name-"]').value : e.querySelector("h3").innerText).join(",")`)
	}
	if got := names(); got != "First,Second" {
		t.Fatalf("entries %q", got)
	}
	second := eval[string](b, `Array.from(document.querySelectorAll('[data-list="sources"] li.entry')).pop().dataset.entry`)
	eval[bool](b, `(document.querySelector('#entry-`+second+` [aria-label$=" up"]').focus(), true)`)
	press("\r")
	b.waitFor("the move", `document.querySelector('[data-list="sources"] li.entry').dataset.entry === "`+second+`"`)
	if !strings.HasSuffix(eval[string](b, `document.activeElement.getAttribute("aria-label") || ""`), "up") &&
		!strings.HasSuffix(eval[string](b, `document.activeElement.getAttribute("aria-label") || ""`), "down") {
		t.Errorf("after moving, the focus is on %q", eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	eval[bool](b, `(document.querySelector('#entry-`+second+` [aria-label^="Remove"]').focus(), true)`)
	press("\r")
	b.waitFor("the undo button to take the focus", `document.activeElement && document.activeElement.id === "undo"`)
	press("\r")
	b.waitFor("the entry back", `!!document.getElementById("entry-`+second+`")`)
	b.expectNoProblems("keyboard alone")
}

func TestNewOnboardingFormExplainsMistakes(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	b.open(srv.URL + "/new")
	b.typeInto("#my-name", "Dana")
	b.click("#start")
	b.waitFor("the error summary", `!!document.getElementById("form-errors")`)
	containsAll(t, "the error summary", b.text("#form-errors"), "Enter your role", "Choose your peer's function", "Enter the start date")
	if strings.Contains(b.text("#form-errors"), "Enter your name") {
		t.Error("a filled field is reported as missing")
	}
	if got := eval[string](b, `document.activeElement.id`); got != "form-errors" {
		t.Errorf("the focus should move to the summary, it is on %q", got)
	}
	if got := eval[string](b, `location.pathname`); got != "/new" {
		t.Errorf("an invalid form navigated to %s", got)
	}
	if keys := b.storageKeys(); len(keys) != 0 {
		t.Errorf("an invalid form saved something: %v", keys)
	}
	b.expectNoProblems("invalid form")
}

// A huge paste is cut at the field's limit, the person is told, and what
// was saved before is safe.
func TestHugePasteIsCutAndSaid(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	b.newOnboarding(srv.URL + "/")
	b.goToStage("problems")
	eval[bool](b, `(() => {
		const el = document.getElementById("budget-advice");
		el.focus();
		document.execCommand("insertText", false, "x".repeat(1000000));
		return true;
	})()`)
	b.settle()
	b.waitText("This field is full")
	b.reload()
	if n := len(b.value("#budget-advice")); n != 20000 {
		t.Errorf("after a huge paste, %d characters were kept, want the limit of 20000", n)
	}
	b.expectNoProblems("huge paste")
}

// When the browser's storage is full, the person is told their last change
// did not save, and what was saved before is untouched.
func TestFullStorageIsExplainedAndLosesNothing(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	id := b.newOnboarding(srv.URL + "/")
	b.goToStage("problems")
	b.typeInto("#budget-advice", "Saved before the disk filled up.")
	b.settle()

	// Fill this origin's storage to the last byte with someone else's data.
	full := eval[bool](b, `(() => {
		let n = 0;
		for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
			const chunk = "z".repeat(size);
			try { for (let i = 0; i < 100000; i++) localStorage.setItem("filler." + n++, chunk); } catch (e) {}
		}
		try { localStorage.setItem("filler.probe", "z"); return false; } catch (e) { return true; }
	})()`)
	if !full {
		t.Fatal("storage never filled up; the test cannot run")
	}
	// Every keystroke from here is a save the browser refuses: a few dozen
	// show it as well as thousands, in a fraction of the time.
	b.typeInto("#budget-advice", strings.Repeat(" and more", 20))
	b.waitFor("the warning", `!!document.getElementById("save-error")`)
	containsAll(t, "the warning", b.text("#save-error"), "could not be saved", "earlier work is safe")
	saved := b.stored(id).BudgetAdvice.Text
	if !strings.HasPrefix(saved, "Saved before the disk filled up.") {
		t.Errorf("what was saved before changed: %q", saved)
	}

	// Room again: the next keystroke saves everything typed.
	eval[bool](b, `(Object.keys(localStorage).filter(k => k.startsWith("filler.")).forEach(k => localStorage.removeItem(k)), true)`)
	b.typeInto("#budget-advice", ".")
	b.waitFor("the warning to go", `!document.getElementById("save-error")`)
	b.reload()
	if got := b.value("#budget-advice"); !strings.HasSuffix(got, "and more.") {
		t.Errorf("after freeing space, the advice ends %q", got[max(0, len(got)-20):])
	}
	b.takeProblems() // the browser logs the refused writes; the app handled them
}
