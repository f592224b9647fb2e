package onboarding

import (
	"testing"
	"time"
)

// A stake names its area of the grid only while that area is there and
// shared: a removed or private area names nothing.
func TestAStakeNamesItsAreaWhileItIsThere(t *testing.T) {
	o := newTest(t)
	row, _ := AddArea(o, "Developer tools budget", t0)
	hidden, _ := AddArea(o, "The reorganisation", t0)
	Find(o.Roles.Rows, hidden).Private = true
	id, err := Lists.Stakes.Add(o, t0)
	if err != nil {
		t.Fatal(err)
	}
	s := Find(o.Stakes, id)
	s.What, s.Kind, s.Row = "The tools budget", StakeBudget, row
	if got := o.AreaOf(s); got != "Developer tools budget" {
		t.Errorf("the stake's area is %q", got)
	}
	s.Row = hidden
	if got := o.AreaOf(s); got != "" {
		t.Errorf("a private area shows as %q", got)
	}
	s.Row = row
	if _, ok := Lists.Areas.Remove(o, row, t0.Add(time.Minute)); !ok {
		t.Fatal("the area could not be removed")
	}
	if got := o.AreaOf(s); got != "" {
		t.Errorf("a removed area shows as %q", got)
	}
}

// Stored stakes from outside keep what was written and lose what is not
// a choice the form offers.
func TestNormalizeKeepsStakesSound(t *testing.T) {
	o := newTest(t)
	o.Stakes = []Stake{
		{What: "Two\nengineers", Kind: "bribes", Note: "They report to me.", Row: "not-an-id"},
		{What: "The tools budget", Kind: StakeBudget, Row: NewID()},
	}
	o.Normalize()
	a, b := o.Stakes[0], o.Stakes[1]
	if a.What != "Two engineers" || a.Kind != "" || a.Row != "" || a.Note != "They report to me." || !IsID(a.ID) || a.Author != o.Buddy.ID {
		t.Errorf("the first stake after Normalize: %+v", a)
	}
	if b.Kind != StakeBudget || !IsID(b.Row) {
		t.Errorf("the sound stake changed: %+v", b)
	}
	var none Onboarding
	none.Normalize()
	if none.Stakes == nil {
		t.Error("no stakes read as null, not an empty list")
	}
}

func TestStakeKindsReadForBothPeople(t *testing.T) {
	for _, k := range StakeKinds {
		if k.Label() == "" || k.Of("Dana") == "" {
			t.Errorf("the kind %q has no words", k)
		}
	}
	if StakeKind("other").Label() != "" || StakeKind("other").Of("Dana") != "" {
		t.Error("an unknown kind has words")
	}
	if got := StakeDecisions.Of("Dana"); got != "decisions that were Dana's while the seat was empty" {
		t.Errorf("the document calls it %q", got)
	}
}
