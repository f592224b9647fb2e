package e2e

import (
	"strings"
	"testing"
)

// Two tabs typing in the same field at once: each tab's text replaces the
// other's as it is typed, so each tab shows what the other wrote, while
// the person is still typing, and nothing goes unseen.
func TestTwoTabsTypingInTheSameField(t *testing.T) {
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	a := newBrowser(t)
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
	b.keepScreenshot("two-tabs-same-field")
	if got := b.value("#budget-advice"); got != "" {
		t.Errorf("tab B's field changed under the person's cursor: %q", got)
	}
	b.typeInto("#budget-advice", "Hire two analysts now.")
	a.waitFor("the other tab's text", `document.getElementById("budget-advice-hint").innerText.includes("Hire two analysts now.")`)
	containsAll(t, "tab A's warning", a.text("#budget-advice-hint"), "Another tab changed this field", "copy it first")

	// B saved last: its text is stored, and tab A still has its own on
	// screen to keep or drop.
	saved := eval[string](b, `JSON.parse(localStorage.getItem("counterpart.v1.onboarding.`+id+`")).onboarding.budgetAdvice.text`)
	if !strings.Contains(saved, "Hire two analysts now.") {
		t.Errorf("stored: %q", saved)
	}
	if got := a.value("#budget-advice"); got != "Freeze hiring until March." {
		t.Errorf("tab A's own text changed under the person's cursor: %q", got)
	}

	a.expectNoProblems("tab A")
	b.expectNoProblems("tab B")
}
