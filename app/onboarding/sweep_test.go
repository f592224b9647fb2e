package onboarding

import (
	"errors"
	"testing"
	"time"
)

// "Add to the grid" makes a duty an area once: a second click, or a duty
// named as an area already there, adds no row.
func TestAddDutyToGridOnce(t *testing.T) {
	o := newTest(t)
	id, err := Lists.Duties.Add(o, t0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := AddDutyToGrid(o, id, t0); !errors.Is(err, ErrBlankDuty) {
		t.Errorf("a blank duty went to the grid: %v", err)
	}
	Edit(o.Duties, id, t0, func(d *Duty) {
		d.Duty, d.DoneBy, d.Fate = "Answering the auditors' legal letter", ByInterim, ToNewcomer
	})
	rows := len(o.Roles.Rows)
	row, err := AddDutyToGrid(o, id, t0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Roles.Rows) != rows+1 || Find(o.Roles.Rows, row).Area != "Answering the auditors' legal letter" {
		t.Fatalf("the grid after adding: %+v", o.Roles.Rows)
	}
	d := Find(o.Duties, id)
	if d.Row != row || !o.InGrid(d) {
		t.Errorf("the duty does not know its area: %+v", d)
	}
	if again, err := AddDutyToGrid(o, id, t0.Add(2*time.Minute)); err != nil || again != row || len(o.Roles.Rows) != rows+1 {
		t.Errorf("a second click: %s, %v, %d rows", again, err, len(o.Roles.Rows))
	}
	// The area removed from the grid, the duty can go back once.
	Lists.Areas.Remove(o, row, t0.Add(3*time.Minute))
	if o.InGrid(d) {
		t.Error("a removed area still counts as in the grid")
	}
	if _, err := AddDutyToGrid(o, NewID(), t0); !errors.Is(err, ErrNoDuty) {
		t.Errorf("an unknown duty: %v", err)
	}
}

func TestFatesSayWhoGetsIt(t *testing.T) {
	o := newTest(t)
	d := &Duty{Fate: ToNewcomer}
	if got := d.Outcome(o); got != "Moves to "+o.Newcomer.Name {
		t.Errorf("moves reads %q", got)
	}
	d.Fate = ToBuddy
	if got := d.Outcome(o); got != "Stays with "+o.Buddy.Name {
		t.Errorf("stays reads %q", got)
	}
	d.Fate, d.To = ToNamed, "Martin Hale"
	if got := d.Outcome(o); got != "Goes to Martin Hale" {
		t.Errorf("goes to reads %q", got)
	}
	d.To = " "
	if got := d.Outcome(o); got != "Goes to another executive" {
		t.Errorf("goes to nobody named reads %q", got)
	}
	for _, b := range DoneBys {
		if b.Label() == "" {
			t.Errorf("%q has no words", b)
		}
	}
}

func TestNormalizeKeepsDutiesSound(t *testing.T) {
	o := newTest(t)
	o.Duties = []Duty{{Duty: "Board\nminutes", DoneBy: "ghost", Fate: "vanishes", Row: "nope"}, {Duty: "Insurance", DoneBy: ByPrevious, Fate: Stops}}
	o.Normalize()
	a, b := o.Duties[0], o.Duties[1]
	if a.Duty != "Board minutes" || a.DoneBy != "" || a.Fate != "" || a.Row != "" || !IsID(a.ID) {
		t.Errorf("the first duty after Normalize: %+v", a)
	}
	if b.DoneBy != ByPrevious || b.Fate != Stops {
		t.Errorf("a sound duty changed: %+v", b)
	}
}
