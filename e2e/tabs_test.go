//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/sample"
)

// Two tabs typing in the same field at once: each tab's text replaces the
// other's as it is typed, so each tab shows what the other wrote, while
// the person is still typing, and nothing goes unseen.
func TestTwoTabsTypingInTheSameField(t *testing.T) {
	t.Parallel()
	srv, a := startApp(t)
	id := a.newOnboarding(srv.URL + "/")
	stage := srv.URL + "/guide/problems?id=" + id
	a.open(stage)
	b := a.newTab(t)
	b.open(stage)

	// Both people are in the field when the first of them types.
	for _, tab := range []*browser{a, b} {
		if !eval[bool](tab, `(document.getElementById("budget-advice").focus(), document.activeElement.id === "budget-advice")`) {
			t.Fatal("the field would not take the focus")
		}
	}
	a.typeInto("#budget-advice", "Freeze hiring until March.")
	b.waitFor("the other tab's text", `document.getElementById("budget-advice-hint").innerText.includes("Freeze hiring until March.")`)
	containsAll(t, "tab B's warning", b.text("#budget-advice-hint"), "Another tab changed this field", "copy it first")
	b.keep("two-tabs-same-field")
	if got := b.value("#budget-advice"); got != "" {
		t.Errorf("tab B's field changed under the person's cursor: %q", got)
	}
	b.typeInto("#budget-advice", "Hire two analysts now.")
	a.waitFor("the other tab's text", `document.getElementById("budget-advice-hint").innerText.includes("Hire two analysts now.")`)
	containsAll(t, "tab A's warning", a.text("#budget-advice-hint"), "Another tab changed this field", "copy it first")

	// B saved last: its text is stored, and tab A still has its own on
	// screen to keep or drop.
	saved := b.stored(id).BudgetAdvice.Text
	if !strings.Contains(saved, "Hire two analysts now.") {
		t.Errorf("stored: %q", saved)
	}
	if got := a.value("#budget-advice"); got != "Freeze hiring until March." {
		t.Errorf("tab A's own text changed under the person's cursor: %q", got)
	}

	a.expectNoProblems("tab A")
	b.expectNoProblems("tab B")
}

// A link from the other person is saved in one tab while another tab of
// the same browser has the onboarding open, mid-edit: the open tab shows
// what the link brought, and what was typed there before and after the
// import is all kept.
func TestLinkImportWhileAnotherTabEdits(t *testing.T) {
	t.Parallel()
	srv, a := startApp(t)
	b := newBrowser(t)
	a.grantClipboard(srv.URL)
	b.grantClipboard(srv.URL)
	id := a.newOnboarding(srv.URL + "/")
	first := a.addSource("Month-end close pack")

	// Priya receives it on her device and adds a source of her own.
	link := a.shareLink("")
	b.open(link)
	b.waitFor("the preview", `!!document.getElementById("preview")`)
	b.click(`label[for="me-newcomer"]`)
	b.waitFor("the save button", `!document.getElementById("save-incoming").disabled`)
	b.click("#save-incoming")
	b.waitFor("the saved message", `!!document.getElementById("open-saved")`)
	b.click("#open-saved")
	b.waitFor("the stage page", `location.pathname.includes("/guide/data") && !!document.getElementById("add-sources")`)
	theirs := b.addSource("Priya's payroll export")
	back := b.shareLink("")

	// Dana's first tab: a source saved just before the link arrives.
	stage := srv.URL + "/guide/data?id=" + id
	a.open(stage)
	a.waitFor("the stage", `!!document.getElementById("add-sources")`)
	before := a.addSource("Board pack")

	// Her second tab opens Priya's link. While it shows what the link
	// would change, she types on in the first tab, and then saves the
	// merge in the second: it was worked out from a copy that is no
	// longer the latest.
	tab := a.newTab(t)
	tab.open(back)
	tab.waitFor("the merge preview", `!!document.getElementById("preview-changes")`)
	a.click("#toggle-" + first)
	a.waitFor("the field", `!!document.getElementById("name-`+first+`")`)
	a.caretAtEnd("#name-" + first)
	a.typeInto("#name-"+first, ", by day 3")
	a.waitSaved("Month-end close pack, by day 3")
	tab.click("#save-incoming")
	tab.waitFor("the saved message", `!!document.getElementById("saved-changes")`)

	// The first tab shows Priya's source, without a reload, and keeps
	// what Dana typed.
	a.waitFor("Priya's source in the first tab", `!!document.getElementById("entry-`+theirs+`") && document.getElementById("entry-`+theirs+`").innerText.includes("Priya's payroll export")`)
	if got := a.value("#name-" + first); got != "Month-end close pack, by day 3" {
		t.Errorf("the field Dana was typing in holds %q", got)
	}
	if got := a.entryText(before); !strings.Contains(got, "Board pack") {
		t.Errorf("the source saved before the link reads %q", got)
	}

	// She goes on typing in the first tab after the import.
	a.caretAtEnd("#name-" + first)
	a.typeInto("#name-"+first, " at the latest")
	after := a.addEntry("sources")
	a.typeInto("#name-"+after, "Cash forecast")
	a.waitSaved("Month-end close pack, by day 3 at the latest", "Cash forecast")

	a.reload()
	a.waitFor("the stage", `!!document.getElementById("add-sources")`)
	want := map[string]string{
		first:  "Month-end close pack, by day 3 at the latest",
		before: "Board pack",
		after:  "Cash forecast",
		theirs: "Priya's payroll export",
	}
	for entry, text := range want {
		if got := a.entryText(entry); !strings.Contains(got, text) || (entry == first && strings.Contains(got, "latest at the latest")) {
			t.Errorf("after a reload, a source reads %q, want %q", got, text)
		}
	}
	a.expectNoProblems("the first tab")
	tab.expectNoProblems("the second tab")
	b.expectNoProblems("Priya")
}

// caretAtEnd puts the keyboard focus at the end of a field's text, where
// a person goes on typing.
func (b *browser) caretAtEnd(css string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		el.focus();
		el.setSelectionRange(el.value.length, el.value.length);
		return document.activeElement === el;
	})()`, css))
}

// entryText is what an entry card shows, its name field's text while it
// is being edited, or "" when it is not there.
func (b *browser) entryText(id string) string {
	b.t.Helper()
	return eval[string](b, `(() => {
		const field = document.getElementById("name-`+id+`");
		if (field) return field.value;
		return (document.getElementById("entry-`+id+`") || {innerText: ""}).innerText;
	})()`)
}

// Two tabs of an onboarding with a year of weekly 1:1s, stored in parts:
// one on the weekly 1:1, which reads it whole, the other on a stage, which
// reads it without its log. Each saves only what it changed, each sees the
// other's change, and after both, every 1:1 and both edits are stored.
func TestTwoTabsOverAYearOfOneOnes(t *testing.T) {
	t.Parallel()
	srv, a := startApp(t)
	a.open(srv.URL + "/")
	o := sample.Years(1, time.Now())
	a.plant(o)
	latest := o.LatestMeeting().ID

	a.open(srv.URL + "/meetings?id=" + o.ID)
	a.waitFor("the latest 1:1", `!!document.getElementById("notes-`+latest+`")`)
	b := a.newTab(t)
	b.open(srv.URL + "/guide/problems?id=" + o.ID)
	b.waitFor("the stage", `!!document.getElementById("budget-advice")`)

	a.typeInto("#notes-"+latest, " The board moved to March.")
	b.typeInto("#budget-advice", "Hold hiring until the audit.")
	a.waitSaved("The board moved to March.", "Hold hiring until the audit.")
	a.typeInto("#notes-"+latest, " Priya presents.")
	a.waitSaved("The board moved to March. Priya presents.", "Hold hiring until the audit.")

	got := a.stored(o.ID)
	if len(got.Meetings) != 52 || len(got.Commitments) != len(o.Commitments) {
		t.Errorf("after both tabs saved: %d meetings and %d commitments, want 52 and %d", len(got.Meetings), len(got.Commitments), len(o.Commitments))
	}
	if m := got.MeetingOn(o.LatestMeeting().Date); m == nil || !strings.HasSuffix(m.Notes, "The board moved to March. Priya presents.") {
		t.Errorf("the 1:1 notes typed in tab A were not all kept")
	}
	if got.BudgetAdvice.Text != "Hold hiring until the audit." {
		t.Errorf("the advice typed in tab B: %q", got.BudgetAdvice.Text)
	}
	// Each tab shows the other's change once it reloads what is stored.
	b.reload()
	b.waitFor("the stage", `!!document.getElementById("budget-advice")`)
	if v := b.value("#budget-advice"); v != "Hold hiring until the audit." {
		t.Errorf("tab B after a reload: %q", v)
	}
	a.goToStageOf(srv.URL, o.ID, "problems")
	if v := a.value("#budget-advice"); v != "Hold hiring until the audit." {
		t.Errorf("tab A does not show tab B's advice: %q", v)
	}
	a.expectNoProblems("tab A")
	b.expectNoProblems("tab B")
}
