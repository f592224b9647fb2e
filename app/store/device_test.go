package store

import (
	"errors"
	"testing"

	"counterpart/app/onboarding"
)

// The stages each person has opened are remembered on this device, by
// onboarding and person, once each; what the pages stored before the
// store kept it reads the same; a damaged record is nothing seen and is
// rewritten; a refusal to store is an error; and none of it is an
// onboarding.
func TestSeen(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	if got := s.Seen("a"); len(got) != 0 {
		t.Fatalf("with nothing stored: %v", got)
	}
	for _, st := range []onboarding.Stage{onboarding.StageData, onboarding.StageProblems, onboarding.StageData} {
		if err := s.MarkSeen("a", "dana", st); err != nil {
			t.Fatal(err)
		}
	}
	s.MarkSeen("b", "priya", onboarding.StageTeam)
	got := s.Seen("a")
	if !got["dana"].Has(onboarding.StageData) || !got["dana"].Has(onboarding.StageProblems) || got["dana"].Has(onboarding.StageTeam) || len(got) != 1 {
		t.Errorf("onboarding a: %v", got)
	}
	if got["priya"].Has(onboarding.StageTeam) {
		t.Error("a stage of another onboarding counts here")
	}
	if raw, _, _ := mem.Get(seenKey); raw != `{"a":{"dana":["data","problems"]},"b":{"priya":["team"]}}` {
		t.Errorf("stored as %s", raw)
	}

	// What the pages wrote, under the same key, before the store kept it.
	old := NewMemory()
	old.Set("counterpart.seen", `{"x":{"dana":["data","team"]}}`)
	if got := New(old, clock()).Seen("x"); !got["dana"].Has(onboarding.StageTeam) || !got["dana"].Has(onboarding.StageData) {
		t.Errorf("an older record reads %v", got)
	}

	mem.Set(seenKey, "}{")
	if got := s.Seen("a"); len(got) != 0 {
		t.Errorf("a damaged record reads %v", got)
	}
	if err := s.MarkSeen("a", "dana", onboarding.StageRoles); err != nil || !s.Seen("a")["dana"].Has(onboarding.StageRoles) {
		t.Errorf("a damaged record is not rewritten: %v", err)
	}
	if list, errs := s.List(); len(list) != 0 || len(errs) != 0 {
		t.Errorf("the stages opened are listed as an onboarding: %v %v", list, errs)
	}

	mem.Fail = ErrFull
	if err := s.MarkSeen("a", "dana", onboarding.StageProcesses); !errors.Is(err, ErrFull) {
		t.Errorf("a refused write: %v", err)
	}
}
