//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/words"
)

// The page before stage one is linked from the home page and the first
// stage, and says everything the buddy takes on and what it means for the
// newcomer.
func TestFramingPage(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.open(srv.URL + "/")
	b.click("#go-framing")
	f := guide.Framing()
	b.waitFor("the page before stage one", `!!document.getElementById("point-newcomer")`)
	var titles []string
	for _, s := range f.Sections {
		titles = append(titles, s.Title)
	}
	containsAll(t, "the page", b.pageText(), append([]string{f.Title}, titles...)...)
	if got := b.count(".framing-point"); got != len(guide.FramingPoints) {
		t.Errorf("%d points on the page, want %d", got, len(guide.FramingPoints))
	}

	// From an onboarding's first stage, the page leads back to it.
	id := b.newOnboarding(srv.URL + "/")
	b.click("#go-framing")
	b.waitFor("the page before stage one", `!!document.getElementById("framing-next")`)
	b.click("#framing-next")
	b.waitFor("stage one", `location.pathname.endsWith("/guide/data") && location.search.includes("`+id+`")`)
	b.expectNoProblems("the page before stage one")
}

// The example's 1:1 page shows the first ninety days: the brief, and each
// checkpoint with where it stands. A checkpoint reaches a 1:1 started on
// its day, and the brief survives a reload.
func TestCheckpointsOnTheWeeklyOneOnOne(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.click("#go-meetings")
	b.waitFor("the checkpoints", `!!document.getElementById("checkpoints")`)

	ex := theExample(t)
	if got := b.value("#brief-hired"); got != ex.Brief.HiredToFix {
		t.Errorf("the brief reads %q, want the example's", got)
	}
	if got := b.value("#brief-situation"); got != string(ex.Brief.Situation) {
		t.Errorf("the situation is %q, want %q", got, ex.Brief.Situation)
	}
	// The example's first 1:1 talked over what Farah was hired to fix.
	first := ex.MeetingsByDate()[len(ex.Meetings)-1]
	hired := b.text(`[data-checkpoint="hired-to-fix"]`)
	if !strings.Contains(hired, "Talked over at the 1:1 of "+words.LongDate(first.Date)) {
		t.Errorf("the first checkpoint reads %q", hired)
	}
	if n := b.count("[data-checkpoint]"); n != len(onboarding.Checkpoints) {
		t.Errorf("%d checkpoints shown, want %d", n, len(onboarding.Checkpoints))
	}

	// The newcomer writes how the job looks now; it is kept.
	b.typeInto("#brief-now", "The contracts first, then the privacy backlog.")
	b.waitSaved("The contracts first, then the privacy backlog.")
	b.reload()
	b.waitFor("the checkpoints", `!!document.getElementById("brief-now")`)
	if got := b.value("#brief-now"); got != "The contracts first, then the privacy backlog." {
		t.Errorf("after a reload the brief says %q", got)
	}

	// The 1:1 of 3 December, two days after day 30, takes the weekly-hour
	// checkpoint, marked as one.
	b.choose("#meeting-date", "2026-12-03")
	b.click("#start-meeting")
	b.waitFor("the 1:1 of 3 December", `!!document.querySelector('#current[data-date="2026-12-03"]')`)
	var weekly onboarding.Checkpoint
	for _, c := range onboarding.Checkpoints {
		if c.ID == "weekly-hour" {
			weekly = c
		}
	}
	item := eval[string](b, fmt.Sprintf(`(Array.from(document.querySelectorAll("#items li")).find(li => li.querySelector("label").textContent === %q) || {textContent: "missing"}).textContent`, weekly.Agenda))
	if !strings.Contains(item, "checkpoint") {
		t.Errorf("the weekly-hour checkpoint on the 1:1 of 3 December reads %q", item)
	}
	if got := b.text(`[data-checkpoint="weekly-hour"]`); !strings.Contains(got, "On the agenda of the 1:1 of Thursday 3 December 2026") {
		t.Errorf("the weekly-hour checkpoint reads %q", got)
	}
	b.expectNoProblems("the checkpoints")
}
