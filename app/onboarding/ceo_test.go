package onboarding

import (
	"testing"
	"time"
)

// The summary is sent before the CEO confirms it: each date is refused,
// with a reason, when it would put them the other way round, and nothing
// is changed by a refusal.
func TestCEODatesGoInOrder(t *testing.T) {
	o := newTest(t)
	o.Writer = o.Newcomer.ID
	if msg := MarkCEOConfirmed(o, "2026-11-25", t0); msg == "" {
		t.Error("a confirmation with no summary sent was taken")
	}
	if msg := MarkCEOSent(o, "23/11/2026", t0); msg == "" {
		t.Error("a sent date that is no date was taken")
	}
	if o.CEO != (CEOStep{}) {
		t.Errorf("a refused date changed the step: %+v", o.CEO)
	}
	if msg := MarkCEOSent(o, "2026-11-23", t0); msg != "" {
		t.Fatal(msg)
	}
	if msg := MarkCEOConfirmed(o, "2026-11-20", t0); msg == "" {
		t.Error("a confirmation before the summary went was taken")
	}
	if msg := MarkCEOConfirmed(o, "2026-11-25", t0.Add(time.Minute)); msg != "" {
		t.Fatal(msg)
	}
	if msg := MarkCEOSent(o, "2026-11-26", t0); msg == "" {
		t.Error("a sent date after the confirmation was taken")
	}
	WriteCEOCorrections(o, "Tenders stay with Callum until March.", t0.Add(2*time.Minute))
	c := o.CEO
	if !IsID(c.ID) || c.Author != o.Newcomer.ID || c.Sent != "2026-11-23" || c.Confirmed != "2026-11-25" || c.Corrections == "" || !c.Updated.After(t0) {
		t.Errorf("the CEO step is %+v", c)
	}
	// Clearing the sent date is allowed; the confirmation stays until
	// someone clears it too.
	if msg := MarkCEOSent(o, "", t0.Add(3*time.Minute)); msg != "" || o.CEO.Sent != "" {
		t.Errorf("clearing the sent date: %q, %+v", msg, o.CEO)
	}
}

func TestNormalizeKeepsTheCEOStepSound(t *testing.T) {
	o := newTest(t)
	o.CEO = CEOStep{Sent: "soon", Confirmed: "2026-11-25", Corrections: "Keep it."}
	o.Normalize()
	if c := o.CEO; c.Sent != "" || c.Confirmed != "2026-11-25" || c.Corrections != "Keep it." || !IsID(c.ID) || c.Author != o.Newcomer.ID {
		t.Errorf("after Normalize: %+v", c)
	}
	fresh := newTest(t)
	fresh.Normalize()
	if fresh.CEO != (CEOStep{}) {
		t.Errorf("Normalize made a CEO step nobody wrote: %+v", fresh.CEO)
	}
}
