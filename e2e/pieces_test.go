//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"counterpart/app/onboarding"

	"github.com/chromedp/chromedp"
)

// The pieces of issue 26 that a pair act on: each is reachable from the
// stage or checkpoint where it belongs, shows in the example, and reaches
// the shared document. These tests wait on what the page shows, never on
// a fixed time.

// valueIs is the condition that a field holds exactly want.
func valueIs(css, want string) string {
	return fmt.Sprintf(`!!document.querySelector(%q) && document.querySelector(%q).value === %q`, css, css, want)
}

// The announcement of the split: on stage 5 under the compared grid, each
// audience's note drafted from the grid, edited, copied in one click and
// marked sent; the shared document says what was told to whom and when,
// and the `announce` checkpoint on the 1:1 page holds the same notes.
func TestAnnouncementOfTheSplit(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	ex := theExample(t)
	b.openExample(srv.URL + "/")
	b.goToStage("roles")
	b.waitFor("the announcement", `!!document.getElementById("announcement")`)

	// The example shows its edited notes.
	if got := b.value("#announce-exec"); got != ex.Announcement.Exec {
		t.Errorf("the note to the exec team reads %q, want the example's", got)
	}
	if n := b.count("#announcement [data-audience]"); n != len(onboarding.Audiences) {
		t.Errorf("%d audiences shown, want %d", n, len(onboarding.Audiences))
	}

	// A new draft asks once before it replaces an edited note, then
	// writes what the grid says.
	draft := onboarding.DraftAnnouncement(ex, onboarding.ToBuddyTeam)
	b.click("#draft-buddy-team")
	b.waitFor("the question before replacing", `!!document.querySelector('[data-audience="buddy-team"] .warning')`)
	if got := b.value("#announce-buddy-team"); got != ex.Announcement.BuddyTeam {
		t.Error("the first press replaced the edited note without asking")
	}
	b.click("#draft-buddy-team")
	b.waitFor("the draft from the grid", valueIs("#announce-buddy-team", draft))
	containsAll(t, "the draft", draft, "These go to Farah from now on:", "Not decided yet", "- Equity grants and the cap table")

	// One click copies the note as shown.
	b.grantClipboard(srv.URL)
	if got := b.copyText("#copy-buddy-team", "#announce-status"); got != draft {
		t.Errorf("the clipboard holds %q, want the draft", got)
	}

	// Edited by hand, and marked sent.
	b.choose("#announce-exec", "To the exec team: from today Farah owns the legal entities.")
	b.choose("#sent-exec", "2026-11-24")
	b.waitFor("the sent date", `document.querySelector('[data-audience="exec"] .announce-state').innerText.includes("Sent on Tuesday 24 November 2026")`)

	// The shared document says what was told to whom, and when.
	b.click("#go-document")
	b.waitText("What we told whom")
	containsAll(t, "the document", b.pageText(),
		"The exec team: sent on Tuesday 24 November 2026.",
		"To the exec team: from today Farah owns the legal entities.",
		"Callum Reid's team: drafted, not sent yet.",
		"These go to Farah from now on:")

	// The `announce` checkpoint holds the same notes.
	b.open(srv.URL + "/meetings?id=" + exampleID)
	b.waitFor("the announce checkpoint", `!!document.getElementById("checkpoint-announce")`)
	b.click("#checkpoint-announce summary")
	b.waitFor("the notes at the checkpoint", valueIs("#checkpoint-announce #announce-exec", "To the exec team: from today Farah owns the legal entities."))
	if got := b.value("#checkpoint-announce #announce-buddy-team"); !strings.HasPrefix(got, "Hello team,") {
		t.Errorf("the checkpoint's note to Callum's team reads %q", got)
	}
	b.expectNoProblems("the announcement")
}

// The buddy's stakes: on stage 5 under the expectations, the example's
// listed; one added with its kind and its area of the grid, which the
// shared document prints in a section of its own.
func TestTheBuddysStakes(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	ex := theExample(t)
	b.openExample(srv.URL + "/")
	b.goToStage("roles")
	b.waitFor("the stakes", `!!document.getElementById("stakes")`)
	if n := b.count(`#prompt-expectations [data-list="stakes"] li.entry`); n != len(ex.Stakes) {
		t.Errorf("%d stakes under the expectations, want the example's %d", n, len(ex.Stakes))
	}
	containsAll(t, "the stakes", b.text("#stakes"), "What Callum Reid has at stake", ex.Stakes[0].What, "A budget I hold", "Outside counsel budget")

	var row string
	for _, r := range ex.Roles.Rows {
		if r.Area == "Legal action to recover unpaid invoices" {
			row = r.ID
		}
	}
	id := b.addEntry("stakes")
	b.choose("#stake-what-"+id, "The debt collection agency's contract")
	b.choose("#stake-kind-"+id, string(onboarding.StakeBudget))
	b.choose("#stake-note-"+id, "I chose the agency and pay it from my budget.")
	b.choose("#stake-row-"+id, row)
	b.click("#toggle-" + id)
	b.waitFor("the new stake's card", fmt.Sprintf(`!!document.querySelector('#entry-%s:not(.editing)') && document.querySelector('#entry-%s').innerText.includes("Legal action to recover unpaid invoices")`, id, id))

	b.click("#go-document")
	b.waitText("What Callum Reid has at stake")
	containsAll(t, "the document", b.pageText(),
		"The debt collection agency's contract (a budget Callum Reid holds): I chose the agency and pay it from my budget. Area of the grid: Legal action to recover unpaid invoices.",
		ex.Stakes[1].What+" (people who report to Callum Reid)")
	b.expectNoProblems("the stakes")
}

// The CEO step: the `ceo` checkpoint on the 1:1 page leads to the one page
// for the CEO, made from the example, which prints on one sheet of A4 and
// of US Letter; the dates refuse a confirmation before the page went; the
// shared document says when it went, when the CEO confirmed it, and what
// the CEO corrected.
func TestTheOnePageForTheCEO(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	ex := theExample(t)
	b.openExample(srv.URL + "/")
	b.click("#go-meetings")
	b.waitFor("the ceo checkpoint", `!!document.getElementById("checkpoint-ceo")`)
	b.click("#checkpoint-ceo summary")
	b.waitFor("the CEO step", `!!document.getElementById("open-ceo") && document.getElementById("open-ceo").offsetParent !== null`)
	containsAll(t, "the CEO step", b.text("#ceo-step"), "Not sent yet.")
	b.click("#open-ceo")
	b.waitFor("the one page", `!!document.querySelector("#ceo-summary h1")`)
	containsAll(t, "the one page", b.text("#ceo-summary"), "Farah Qureshi: a first read, for the CEO", ex.Problems[0].Problem,
		"What already works", "Still open:", "When we cannot agree")

	for _, paper := range []struct {
		name string
		size chromedp.PDFOption
	}{{"a4", chromedp.PDFPaper(chromedp.PaperA4)}, {"letter", chromedp.PDFPaper(chromedp.PaperLetter)}} {
		pages, text := readPDF(t, b.printPDF("ceo-"+paper.name, paper.size, chromedp.PDFPrintBackground()))
		if pages != 1 {
			t.Errorf("the one page for the CEO prints on %d pages of %s", pages, paper.name)
		}
		text = strings.Join(strings.Fields(text), " ")
		containsAll(t, "the PDF on "+paper.name, text, "a first read, for the CEO", "Please confirm the split")
		if strings.Contains(text, "Print or save as PDF") {
			t.Errorf("the PDF on %s prints the app's own buttons", paper.name)
		}
	}

	// The dates, in order, and the corrections.
	b.click(".sheet-tools a")
	b.waitFor("the ceo checkpoint", `!!document.getElementById("checkpoint-ceo")`)
	b.click("#checkpoint-ceo summary")
	b.waitFor("the CEO step", `!!document.getElementById("ceo-sent") && document.getElementById("ceo-sent").offsetParent !== null`)
	b.choose("#ceo-confirmed", "2026-11-25")
	b.waitFor("the refusal", `!!document.querySelector("#ceo-step .field-error")`)
	containsAll(t, "the refusal", b.text("#ceo-step .field-error"), "summary went to the CEO first")
	b.choose("#ceo-sent", "2026-11-23")
	b.waitFor("the sent date", `document.getElementById("ceo-step").innerText.includes("Sent on Monday 23 November 2026; not confirmed yet.")`)
	b.choose("#ceo-confirmed", "2026-11-25")
	b.waitFor("the confirmation", `document.getElementById("ceo-step").innerText.includes("the CEO confirmed it on Wednesday 25 November 2026")`)
	b.choose("#ceo-corrections", "Tender terms stay with Callum until March.")
	b.waitFor("the corrections kept", valueIs("#ceo-corrections", "Tender terms stay with Callum until March."))

	b.open(srv.URL + "/document?id=" + exampleID)
	b.waitText("The CEO")
	containsAll(t, "the document", b.pageText(),
		"Our one page went to the CEO on Monday 23 November 2026; the CEO confirmed the split on Wednesday 25 November 2026.",
		"Tender terms stay with Callum until March.")
	b.expectNoProblems("the one page for the CEO")
}

// The link to the page before stage one says whom the page is for, as the
// page does: the buddy, but for its last section, the newcomer's. It used
// to offer the page to both of them alike.
func TestTheFramingLinkSaysWhomThePageIsFor(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.open(srv.URL + "/")
	b.waitFor("the framing note", `!!document.querySelector(".framing-note #go-framing")`)
	note := b.text(".framing-note")
	containsAll(t, "the note on the home page", note, "mostly for the buddy", "Its last section is for the newcomer")
	if strings.Contains(note, "both of you") {
		t.Errorf("the note still offers the page to both alike: %q", note)
	}

	// The page agrees: its intro is addressed to the buddy, and its last
	// section to the newcomer.
	b.click("#go-framing")
	b.waitFor("the page before stage one", `!!document.getElementById("point-newcomer")`)
	containsAll(t, "the page's intro", b.text(".guidance.lead"), "for the buddy", "last section")
	if last := eval[string](b, `Array.from(document.querySelectorAll(".framing-point")).pop().id`); last != "point-newcomer" {
		t.Errorf("the page's last section is %q, not the newcomer's", last)
	}

	// From an onboarding's first stage, the same words.
	b.newOnboarding(srv.URL + "/")
	b.waitFor("the framing note on stage one", `!!document.querySelector(".framing-note #go-framing")`)
	containsAll(t, "the note on stage one", b.text(".framing-note"), "mostly for the buddy", "Its last section is for the newcomer")
	b.expectNoProblems("the framing link")
}
