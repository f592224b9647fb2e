package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// A crash, a closed tab or a full disk can stop a save at any write. These
// tests stop each kind of save at each of its writes, in two ways: every
// write from there on fails (the tab died), or only that one does (a large
// value did not fit while small ones did). Whatever happens, a new tab
// then reads either the onboarding as it was before the save or as it was
// after, never a mix; a save that reported success is always read back;
// and the tab that failed saves everything once writes work again.

// step is one thing a tab does that writes to storage.
type writeStep struct {
	name string
	// prepare builds the storage and the tab just before the step; it must
	// make the same writes each time it is called.
	prepare func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding)
	// run does the step, on the tab's onboarding.
	run func(s *Store, o *onboarding.Onboarding) error
	// retry is what the tab does next once writes work (nil: nothing).
	retry func(s *Store, o *onboarding.Onboarding) error
	// gone says the step removes the onboarding; otherwise "after" is the
	// tab's onboarding once the step has run.
	gone bool
}

// state is what a new tab reads: the onboarding as JSON, "gone", or the
// error it got.
func state(t *testing.T, mem *Memory, id string) string {
	o, err := New(mem, clock()).Load(id)
	switch {
	case errors.Is(err, ErrNotFound):
		return "gone"
	case err != nil:
		return "error: " + err.Error()
	}
	return jsonOf(t, o)
}

// withStoredLog is what the tab's onboarding stands for: itself, or, when
// the tab read it without its log, itself with the log as stored before.
func withStoredLog(t *testing.T, s *Store, o *onboarding.Onboarding, before string) *onboarding.Onboarding {
	if !o.Partial {
		return o
	}
	var was onboarding.Onboarding
	if err := json.Unmarshal([]byte(before), &was); err != nil {
		t.Fatalf("before: %v", err)
	}
	c := *o
	c.Meetings, c.Commitments = was.Meetings, was.Commitments
	return &c
}

func saveAgain(s *Store, o *onboarding.Onboarding) error { _, err := s.Save(o); return err }

// weeks is a filled onboarding with some weeks of 1:1s: enough for every
// kind of part, small enough to stop each save at each of its writes.
func weeks(n int) *onboarding.Onboarding {
	o := withYears(1)
	o.Meetings, o.Commitments = o.Meetings[:n], o.Commitments[:2*n]
	return o
}

// tab is a store that has read an onboarding saved before, with or
// without its log, and typed one keystroke already.
func tab(t *testing.T, withLog bool) (*Memory, *Store, *onboarding.Onboarding) {
	mem := NewMemory()
	o := weeks(12)
	if _, err := New(mem, clock()).Save(o); err != nil {
		t.Fatal(err)
	}
	s := New(mem, clock())
	load := s.LoadWithoutLog
	if withLog {
		load = s.Load
	}
	o, err := load(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	o.BudgetAdvice.Text += " first"
	o.Touch(t0.Add(time.Minute))
	if _, err := s.Save(o); err != nil {
		t.Fatal(err)
	}
	return mem, s, o
}

var writeSteps = []writeStep{
	{
		name:    "a keystroke",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) { return tab(t, false) },
		run: func(s *Store, o *onboarding.Onboarding) error {
			o.BudgetAdvice.Text += "x"
			o.Touch(t0.Add(2 * time.Minute))
			return saveAgain(s, o)
		},
		retry: saveAgain,
	},
	{
		name:    "the first keystroke in another field",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) { return tab(t, false) },
		run: func(s *Store, o *onboarding.Onboarding) error {
			o.Problems[0].Evidence = "Churn up 2 points"
			o.Touch(t0.Add(2 * time.Minute))
			return saveAgain(s, o)
		},
		retry: saveAgain,
	},
	{
		name:    "adding a 1:1 with its agenda and a commitment",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) { return tab(t, true) },
		run: func(s *Store, o *onboarding.Onboarding) error {
			m := onboarding.Add(&o.Meetings, o.Me, t0)
			m.Date = "2027-01-04"
			for i := 0; i < 3; i++ {
				onboarding.Add(&m.Items, o.Me, t0).Text = fmt.Sprint("topic ", i)
			}
			c := onboarding.Add(&o.Commitments, o.Me, t0)
			c.What, c.Meeting = "Send the deck", m.ID
			o.Agenda = nil
			o.Touch(t0.Add(2 * time.Minute))
			return saveAgain(s, o)
		},
		retry: saveAgain,
	},
	{
		name:    "removing a 1:1",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) { return tab(t, true) },
		run: func(s *Store, o *onboarding.Onboarding) error {
			onboarding.RemoveMeeting(o, o.Meetings[10].ID, t0)
			o.Touch(t0.Add(2 * time.Minute))
			return saveAgain(s, o)
		},
		retry: saveAgain,
	},
	{
		name: "saving a new onboarding with ten weeks of 1:1s",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) {
			mem := NewMemory()
			return mem, New(mem, clock()), weeks(10)
		},
		run:   saveAgain,
		retry: saveAgain,
	},
	{
		name: "the first load after the upgrade",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) {
			raw := goldens(t)["quarter.json"]
			o := legacyOnboarding(t, raw)
			mem := NewMemory()
			mem.Set(KeyOf(o.ID), raw)
			return mem, New(mem, clock()), o
		},
		run: func(s *Store, o *onboarding.Onboarding) error {
			got, err := s.LoadWithoutLog(o.ID)
			if err == nil {
				got.Title = "renamed after the upgrade"
				_, err = s.Save(got)
				*o = *got // it stands for the same copy, read without its log
			}
			return err
		},
	},
	{
		name: "a save that merges another tab's change",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) {
			mem, s, o := tab(t, false)
			other := New(mem, clock())
			theirs, _ := other.Load(o.ID)
			theirs.Meetings[5].Notes = "from the other tab"
			theirs.DataSources[0].Owner = "Controller"
			other.Save(theirs)
			return mem, s, o
		},
		run: func(s *Store, o *onboarding.Onboarding) error {
			o.BudgetAdvice.Text += "y"
			return saveAgain(s, o)
		},
		retry: saveAgain,
	},
	{
		name:    "deleting",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) { return tab(t, true) },
		run:     func(s *Store, o *onboarding.Onboarding) error { return s.Delete(o.ID) },
		gone:    true,
	},
	{
		name: "restoring after deleting",
		prepare: func(t *testing.T) (*Memory, *Store, *onboarding.Onboarding) {
			mem, s, o := tab(t, true)
			s.Delete(o.ID)
			return mem, s, o
		},
		run: func(s *Store, o *onboarding.Onboarding) error { return s.Restore(o) },
	},
}

func TestAStoppedSaveLeavesBeforeOrAfter(t *testing.T) {
	for _, st := range writeSteps {
		// A first run, with nothing failing, counts the writes.
		mem, s, o := st.prepare(t)
		w0 := mem.Writes()
		if err := st.run(s, o); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		n := mem.Writes() - w0
		if n == 0 {
			t.Fatalf("%s writes nothing; the test proves nothing", st.name)
		}
		t.Logf("%s: %d writes", st.name, n)

		for _, once := range []bool{false, true} {
			for k := 1; k <= n; k++ {
				mem, s, o := st.prepare(t)
				id := o.ID
				before := state(t, mem, id)
				fail := mem.FailFrom
				if once {
					fail = mem.FailOnce
				}
				fail(k, ErrFull)
				err := st.run(s, o)
				mem.FailFrom(0, nil)
				after := "gone"
				if !st.gone {
					after = normalized(t, withStoredLog(t, s, o, before))
				}
				if after == before {
					t.Fatalf("%s changed nothing", st.name)
				}
				got := state(t, mem, id)
				how := fmt.Sprintf("%s, write %d of %d failing (only it: %v)", st.name, k, n, once)
				switch {
				case err == nil && got != after:
					i := 0
					for i < len(got) && i < len(after) && got[i] == after[i] {
						i++
					}
					t.Errorf("%s: reported done, but a new tab reads something else:\n%.300s\nwant\n%.300s", how, got[max(0, i-100):], after[max(0, i-100):])
				case got != before && got != after:
					t.Errorf("%s: a new tab reads neither the before nor the after:\n%.300s", how, got)
				}
				if st.retry != nil {
					if err := st.retry(s, o); err != nil {
						t.Errorf("%s: saving again once writes work: %v", how, err)
					} else if got := state(t, mem, id); got != normalized(t, withStoredLog(t, s, o, before)) {
						t.Errorf("%s: saving again did not store what the tab has", how)
					}
				}
			}
		}
	}
}
