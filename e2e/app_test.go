//go:build browser

package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Helpers that act the way a person does: type into labelled fields,
// click buttons, read what the page shows.

// click clicks the first element matching a CSS selector.
func (b *browser) click(css string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(css)))
}

// typeInto types text into a field, key by key.
//
// Every key is a save and a render, some tens of milliseconds on a busy
// machine, so a long text goes in parts, each with the time limit of one
// step: the page sees the same keys, one after the other.
func (b *browser) typeInto(css, text string) {
	b.t.Helper()
	keys := []rune(text)
	for len(keys) > 0 {
		n := min(len(keys), 400)
		b.do(chromedp.SendKeys(chromedp.CSS(css), string(keys[:n])))
		keys = keys[n:]
	}
}

// choose picks an option of a select, or a date, the way the browser's own
// picker does: it sets the value and fires the events a person's choice
// fires. (Typing into native pickers depends on the machine's locale.)
func (b *browser) choose(css, value string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		el.focus();
		el.value = %q;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, css, value))
}

// count returns how many elements match a CSS selector.
func (b *browser) count(css string) int {
	b.t.Helper()
	return eval[int](b, fmt.Sprintf(`document.querySelectorAll(%q).length`, css))
}

// pageText is everything the page shows in its main area.
func (b *browser) pageText() string {
	b.t.Helper()
	return eval[string](b, `document.querySelector("main").innerText`)
}

// waitText waits until the main area shows a piece of text.
func (b *browser) waitText(text string) {
	b.t.Helper()
	b.waitFor("the page to show "+text, fmt.Sprintf(`!!document.querySelector("main") && document.querySelector("main").innerText.includes(%q)`, text))
}

// pageID is the onboarding ID in the page's URL.
func (b *browser) pageID() string {
	b.t.Helper()
	u, err := url.Parse(eval[string](b, `location.href`))
	if err != nil {
		b.t.Fatal(err)
	}
	return u.Query().Get("id")
}

// newOnboarding fills in the "New onboarding" form as Dana, a CTO who is
// onboarding Priya, a new CFO, and returns the new onboarding's ID.
func (b *browser) newOnboarding(home string) string {
	b.t.Helper()
	b.open(home)
	b.click("#new-onboarding")
	b.waitFor("the form", `!!document.getElementById("my-name")`)
	b.typeInto("#my-name", "Dana Okafor")
	b.typeInto("#my-role", "CTO")
	b.choose("#my-function", "engineering")
	b.typeInto("#peer-name", "Priya Raman")
	b.typeInto("#peer-role", "CFO")
	b.choose("#peer-function", "finance")
	b.choose("#start-date", "2026-11-02")
	b.click("#start")
	b.waitFor("the first stage", `location.pathname.endsWith("/guide/data") && !!document.getElementById("add-sources")`)
	id := b.pageID()
	if id == "" {
		b.t.Fatal("the new onboarding has no ID in its URL")
	}
	return id
}

// addEntry presses a list's "Add" button and returns the new entry's ID.
func (b *browser) addEntry(list string) string {
	b.t.Helper()
	before := b.count(`[data-list="` + list + `"] li.entry`)
	b.click("#add-" + list)
	b.waitFor("a new "+list+" entry", fmt.Sprintf(`document.querySelectorAll('[data-list="%s"] li.entry').length > %d`, list, before))
	return eval[string](b, fmt.Sprintf(`Array.from(document.querySelectorAll('[data-list="%s"] li.entry')).pop().dataset.entry`, list))
}

// editEverything opens every entry of the page for editing, waits until
// all of them show their fields, and says whether there was any.
func (b *browser) editEverything() bool {
	b.t.Helper()
	if !eval[bool](b, `(() => { const edit = Array.from(document.querySelectorAll("[id^=toggle-]")).filter(b => b.textContent === "Edit"); edit.forEach(b => b.click()); return edit.length > 0 })()`) {
		return false
	}
	b.waitFor("the entries open for editing", `!Array.from(document.querySelectorAll("[id^=toggle-]")).some(b => b.textContent === "Edit")`)
	return true
}

// drawn waits until go-app has drawn every change the page made so far,
// for a check that something is not shown: go-app handles events in
// order and draws all that is pending at once, so once an entry's view,
// toggled after them, is drawn, so are they. The entry is toggled back.
// It needs an entry on the page with something in it: one closed (the
// page keeps no blank entry closed), or open with a text filled in (a
// checkbox's value says nothing). A blank entry is dropped when it is
// closed.
func (b *browser) drawn() {
	b.t.Helper()
	id := eval[string](b, `(() => {
		const kept = e => {
			const toggle = document.getElementById("toggle-" + e.dataset.entry);
			return !!toggle && (toggle.textContent === "Edit" || Array.from(e.querySelectorAll("textarea, input[type=text], input[type=url], input:not([type])")).some(f => f.value.trim() !== ""));
		};
		const e = Array.from(document.querySelectorAll("li.entry")).find(kept);
		return e ? e.dataset.entry : "";
	})()`)
	if id == "" {
		b.t.Fatal("drawn needs an entry on the page with something in it, to toggle its view")
	}
	toggle := "#toggle-" + id
	label := jsLiteral(b.text(toggle))
	b.click(toggle)
	b.waitFor("the entry's view to change", `document.querySelector("`+toggle+`").textContent !== `+label)
	b.click(toggle)
	b.waitFor("the entry's view to come back", `document.querySelector("`+toggle+`").textContent === `+label)
}

// addSource adds a data source of that name on the page's stage, waits
// until it is saved, and returns the entry's ID.
func (b *browser) addSource(name string) string {
	b.t.Helper()
	entry := b.addEntry("sources")
	b.typeInto("#name-"+entry, name)
	b.waitSaved(name)
	return entry
}

// goToStage follows the stepper link to a stage, as a person would.
func (b *browser) goToStage(stage string) {
	b.t.Helper()
	first := map[string]string{"data": "sources", "problems": "problems", "team": "team", "processes": "processes", "roles": "ownership"}[stage]
	b.click(`.stepper a[href*="/guide/` + stage + `?"]`)
	b.waitFor("the "+stage+" stage", `location.pathname.endsWith("/guide/`+stage+`") && !!document.getElementById("prompt-`+first+`")`)
}

// press sends keys to the page, as a person at the keyboard would.
func (b *browser) press(keys string) {
	b.t.Helper()
	b.do(chromedp.KeyEvent(keys))
}

// focused describes the element that has the keyboard focus.
func (b *browser) focused() string {
	b.t.Helper()
	return eval[string](b, `(e => e ? (e.id ? "#" + e.id : e.tagName.toLowerCase() + (e.className ? "." + e.className : "")) + " " + (e.innerText || "").slice(0, 40).trim() : "")(document.activeElement)`)
}

// openExample opens the home page and the example, as a first-time
// visitor does.
func (b *browser) openExample(home string) {
	b.t.Helper()
	b.open(home)
	b.click("#open-example")
	b.waitFor("the example", `location.search.includes("`+exampleID+`") && !!document.querySelector("main h1")`)
}

// goToStageOf opens a stage of an onboarding by its address.
func (b *browser) goToStageOf(base, id, stage string) {
	b.t.Helper()
	b.open(base + "/guide/" + stage + "?id=" + id)
	b.waitFor("the "+stage+" stage", `location.pathname.endsWith("/guide/`+stage+`") && !!document.querySelector("main h1")`)
}

// storageKeys lists the keys in the page's localStorage.
func (b *browser) storageKeys() []string {
	b.t.Helper()
	return eval[[]string](b, `Object.keys(localStorage)`)
}

func containsAll(t *testing.T, where, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not show %q", where, w)
		}
	}
}
