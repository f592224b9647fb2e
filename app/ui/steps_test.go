package ui

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// nav follows a link inside the app, as the router does.
func (s *screen) nav(rawURL string) {
	s.t.Helper()
	u, err := url.Parse("http://localhost" + rawURL)
	if err != nil {
		s.t.Fatal(err)
	}
	s.disp.Nav(u)
	s.disp.Consume()
}

// A stage's guidance is there in full on a person's first visit, and
// folded behind one line on the next.
func TestGuidanceFoldsAfterTheFirstVisit(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageData, o.ID))
	if s.exists("guidance") || !s.has(`class="guidance"`) {
		t.Fatal("the first visit does not show the guidance in full")
	}
	s.nav(stageLink(onboarding.StageProblems, o.ID))
	s.nav(stageLink(onboarding.StageData, o.ID))
	if !s.exists("guidance") || !s.has("About this stage") {
		i := strings.Index(s.html(), "guidance")
		t.Errorf("the second visit does not fold the guidance: %s", s.html()[max(0, i-200):i+200])
	}
}

// An entry added and closed with nothing in it is dropped, and so is one
// left blank when the person moves to another stage.
func TestABlankEntryIsDropped(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageData, o.ID))
	s.click("add-sources")
	id := d.stored(o.ID).DataSources[0].ID
	s.click("toggle-" + id)
	if n := len(d.stored(o.ID).DataSources); n != 0 {
		t.Fatalf("closing a blank entry kept %d", n)
	}
	s.expectNot("untitled", "Nothing written yet")

	s.click("add-sources")
	s.nav(stageLink(onboarding.StageProblems, o.ID))
	if n := len(d.stored(o.ID).DataSources); n != 0 {
		t.Errorf("moving on kept %d blank entries", n)
	}
}

// "Markdown works" is said once on a page, whatever its text areas.
func TestTheMarkdownHintIsSaidOnce(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageProblems, o.ID))
	s.click("add-problems")
	if n := strings.Count(s.html(), "Markdown works"); n != 1 {
		t.Errorf("the hint shows %d times", n)
	}
}

// The line about links says nothing that did not happen: before any link
// from the other person it says so; after one, it says when, and what
// the next link carries.
func TestExchangeWordsSayNothingFalse(t *testing.T) {
	t.Parallel()
	_, o := pair(t)
	other := o.Other(o.Me)
	if line := exchangeWords(o); !strings.Contains(line, "You have not had a link from "+other.Name+" yet") {
		t.Errorf("with no link received, the line says %q", line)
	}
	made := onboarding.StampOn(time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC), 7)
	o.Sync.Peers = map[onboarding.Device]onboarding.Peer{7: {Person: other.ID, Has: onboarding.Vector{7: made}, Made: made}}
	line := exchangeWords(o)
	if !strings.Contains(line, other.Name+" last sent you a link on Tuesday 3 November") || !strings.Contains(line, "changes they do not have yet") {
		t.Errorf("with a link received, the line says %q", line)
	}
}
