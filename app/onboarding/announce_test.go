package onboarding

import (
	"strings"
	"testing"
	"time"
)

// splitFixture is a grid both have sealed: one area the newcomer owns,
// one the buddy owns, one shared, one settled for the newcomer after a
// mismatch, one they see differently, and a private one.
func splitFixture(t *testing.T) (o *Onboarding, private string) {
	t.Helper()
	o = newTest(t)
	answer := func(area string, buddy, newcomer Answer) string {
		id, err := AddArea(o, area, t0)
		if err != nil {
			t.Fatal(err)
		}
		AnswerArea(o, id, o.Buddy.ID, buddy, t0)
		AnswerArea(o, id, o.Newcomer.ID, newcomer, t0)
		return id
	}
	answer("Month-end close", Yours, Mine)
	answer("Developer tools budget", Mine, Yours)
	answer("Hiring across both teams", BothOfUs, BothOfUs)
	settled := answer("Cloud contracts", Mine, Mine)
	answer("Vendor security reviews", Mine, NotSure)
	private = answer("The reorganisation nobody knows of", Yours, Mine)
	Find(o.Roles.Rows, private).Private = true
	FinishSide(o, o.Buddy.ID, t0)
	FinishSide(o, o.Newcomer.ID, t0)
	Settle(o, settled, Owner(o.Newcomer.ID), t0)
	return o, private
}

func TestSplitReadsTheAgreedAndSettledAreasAndNamesTheOpenOnes(t *testing.T) {
	o, _ := splitFixture(t)
	s := SplitOf(o)
	got := strings.Join(s.Newcomer, "|") + " / " + strings.Join(s.Buddy, "|") + " / " + strings.Join(s.Shared, "|") + " / " + strings.Join(s.Open, "|")
	// The comparison lists mismatches first, then settled, then agreed.
	want := "Cloud contracts|Month-end close / Developer tools budget / Hiring across both teams / Vendor security reviews"
	if got != want {
		t.Errorf("the split reads\n%s\nwant\n%s", got, want)
	}
}

// While either grid is sealed, nothing of it may show: a draft would
// tell one person what the other answered blind.
func TestNoDraftWhileAGridIsSealed(t *testing.T) {
	o := newTest(t)
	id, _ := AddArea(o, "Month-end close", t0)
	AnswerArea(o, id, o.Buddy.ID, Yours, t0)
	AnswerArea(o, id, o.Newcomer.ID, Mine, t0)
	FinishSide(o, o.Buddy.ID, t0)
	for _, a := range Audiences {
		if d := DraftAnnouncement(o, a); d != "" {
			t.Errorf("with the newcomer's grid still sealed, the draft for %s reads %q", a, d)
		}
	}
	if s := SplitOf(o); s.Decided() || len(s.Open) > 0 {
		t.Errorf("a split from a sealed grid: %+v", s)
	}
}

func TestDraftsSayWhatMovesForEachAudience(t *testing.T) {
	o, _ := splitFixture(t)
	b, n := o.Buddy.Name, o.Newcomer.Name
	bf, nf := firstName(b), firstName(n)
	for _, c := range []struct {
		a    Audience
		want []string
	}{
		{ToExec, []string{"To the exec team,", n + " (CFO) and " + b + " (CTO)", n + " for:\n- Cloud contracts\n- Month-end close",
			b + " for:\n- Developer tools budget", "for:\n- Hiring across both teams", "Not decided yet", "- Vendor security reviews", b + " and " + n}},
		{ToBuddyTeam, []string{nf + " and I have agreed", "These go to " + nf + " from now on:\n- Cloud contracts\n- Month-end close",
			"These stay with us:\n- Developer tools budget", "- Vendor security reviews", "\n\n" + b}},
		{ToNewcomerTeam, []string{bf + " and I have agreed", "These go to " + bf + " from now on:\n- Developer tools budget",
			"These stay with us:\n- Cloud contracts\n- Month-end close", "- Vendor security reviews", "\n\n" + n}},
		{ToOutside, []string{"please go to:", n + " for:\n- Cloud contracts", "- Vendor security reviews"}},
	} {
		d := DraftAnnouncement(o, c.a)
		for _, w := range c.want {
			if !strings.Contains(d, w) {
				t.Errorf("the draft for %s lacks %q:\n%s", c.a, w, d)
			}
		}
		if strings.Contains(d, "reorganisation") {
			t.Errorf("the draft for %s names a private area:\n%s", c.a, d)
		}
	}
}

func TestAnnouncementIsWrittenSentAndKeptWhole(t *testing.T) {
	o, _ := splitFixture(t)
	o.Writer = o.Newcomer.ID
	WriteAnnouncement(o, ToExec, "Edited by hand.", t0)
	if msg := MarkAnnounced(o, ToExec, "24 November", t0); msg == "" {
		t.Error("a sent date that is no date was taken")
	}
	if msg := MarkAnnounced(o, ToExec, "2026-11-24", t0.Add(time.Minute)); msg != "" {
		t.Fatal(msg)
	}
	n := o.Announcement
	if !IsID(n.ID) || n.Author != o.Newcomer.ID || n.Note(ToExec) != "Edited by hand." || n.Sent(ToExec) != "2026-11-24" || n.Sent(ToBuddyTeam) != "" {
		t.Errorf("the announcement is %+v", n)
	}
	if !n.Updated.After(t0) {
		t.Error("marking it sent did not stamp it")
	}
	MarkAnnounced(o, ToExec, "", t0.Add(2*time.Minute))
	if o.Announcement.Sent(ToExec) != "" {
		t.Error("the sent date could not be cleared")
	}

	// Stored data from outside with a bad date loses the date, not the note.
	o.Announcement.OutsideSent = "soon"
	o.Normalize()
	if o.Announcement.OutsideSent != "" || o.Announcement.Exec != "Edited by hand." {
		t.Errorf("after Normalize: %+v", o.Announcement)
	}
	// An onboarding that never wrote one keeps none.
	fresh := newTest(t)
	fresh.Normalize()
	if fresh.Announcement != (Announcement{}) {
		t.Errorf("Normalize made an announcement nobody wrote: %+v", fresh.Announcement)
	}
}

func TestAudienceInSentence(t *testing.T) {
	o := &Onboarding{}
	o.Buddy.Name, o.Newcomer.Name = "Sam", "Ana"
	want := map[Audience]string{
		ToExec:         "the exec team",
		ToBuddyTeam:    "Sam's team",
		ToNewcomerTeam: "Ana's team",
		ToOutside:      "people outside who deal with these areas",
	}
	for _, a := range Audiences {
		got := a.InSentence(o)
		if got != want[a] {
			t.Errorf("%s in a sentence: %q, want %q", a, got, want[a])
		}
		if !strings.EqualFold(got[:1], a.Label(o)[:1]) || got[1:] != a.Label(o)[1:] {
			t.Errorf("%s in a sentence (%q) says more than its label (%q)", a, got, a.Label(o))
		}
	}
}
