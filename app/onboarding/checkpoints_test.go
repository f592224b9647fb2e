package onboarding

import (
	"strings"
	"testing"
)

// checkpointed is a pair starting on Monday 2 November 2026 with a
// Thursday 1:1.
func checkpointed(t *testing.T) *Onboarding {
	t.Helper()
	o := newTest(t)
	o.StartDate = "2026-11-02"
	o.Roles.Cadence.Day = "thursday"
	return o
}

func checkpointIDs(items []MeetingItem) string {
	var ids []string
	for _, it := range items {
		if c, ok := CheckpointFor(it.Source); ok {
			ids = append(ids, c.ID)
		}
	}
	return strings.Join(ids, ",")
}

func checkpointByID(t *testing.T, id string) Checkpoint {
	t.Helper()
	for _, c := range Checkpoints {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no checkpoint %q", id)
	return Checkpoint{}
}

func TestCheckpointDates(t *testing.T) {
	cases := []struct {
		id, start, want string
	}{
		{"hired-to-fix", "2026-11-02", "2026-11-02"},
		{"situation", "2026-11-02", "2026-11-06"},   // working day 5: Friday of week 1
		{"signs", "2026-11-02", "2026-11-13"},       // working day 10: Friday of week 2
		{"signs", "2026-11-04", "2026-11-17"},       // a Wednesday start
		{"signs", "2026-11-07", "2026-11-20"},       // a Saturday start counts from the Monday
		{"ceo", "2026-11-02", "2026-11-17"},         // working day 12: Tuesday of week 3
		{"announce", "2026-11-04", "2026-11-26"},    // working day 17, a Wednesday start: a week after the CEO step
		{"weekly-hour", "2026-11-02", "2026-12-01"}, // calendar day 30
		{"roles-45", "2026-11-02", "2026-12-16"},    // calendar day 45
		{"roles-90", "2026-11-02", "2027-02-01"},    // day 90 is Saturday 30 January: the Monday after
	}
	for _, c := range cases {
		got, ok := checkpointByID(t, c.id).Date(c.start)
		if !ok || got != c.want {
			t.Errorf("%s from %s: %q, want %s", c.id, c.start, got, c.want)
		}
	}
	if _, ok := checkpointByID(t, "signs").Date("soon"); ok {
		t.Error("a checkpoint got a date from a start date that is not one")
	}
	prev := ""
	for _, c := range Checkpoints {
		d, _ := c.Date("2026-11-02")
		if d < prev {
			t.Errorf("%s falls on %s, before the checkpoint listed above it (%s)", c.ID, d, prev)
		}
		prev = d
		if !strings.HasPrefix(c.Agenda, "Checkpoint") || c.Source() == "" {
			t.Errorf("%s: agenda line %q", c.ID, c.Agenda)
		}
	}
}

// Each checkpoint reaches the 1:1 on or just before its day, once, and
// stays on the agenda like any topic until it is ticked off.
func TestCheckpointsJoinTheOneOnOneOnce(t *testing.T) {
	o := checkpointed(t)
	m1 := start(t, o, "2026-11-05")
	// Working day 5 is Friday 6 November: the Thursday before takes it.
	if got := checkpointIDs(m1.Items); got != "hired-to-fix,situation" {
		t.Fatalf("first 1:1: %q", got)
	}
	m1.Items[0].Done = true
	m2 := start(t, o, "2026-11-12")
	// The situation carries forward; the good and bad signs join.
	if got := checkpointIDs(m2.Items); got != "situation,signs" {
		t.Fatalf("second 1:1: %q", got)
	}
	for i := range o.MeetingOn("2026-11-12").Items {
		o.MeetingOn("2026-11-12").Items[i].Done = true
	}
	// Working day 12 is Tuesday 17 November: the week-three 1:1 takes the
	// CEO step, and nothing done comes back.
	m3 := start(t, o, "2026-11-19")
	if got := checkpointIDs(m3.Items); got != "ceo" {
		t.Errorf("third 1:1: %q", got)
	}
	// Working day 17, a week later, tells the organisation: never on the
	// same agenda as the CEO step.
	if got := checkpointIDs(start(t, o, "2026-11-26").Items); got != "ceo,announce" {
		t.Errorf("26 November: %q", got)
	}
	// Day 30 is Tuesday 1 December: not the 1:1 of 26 November, five
	// days before, but the one of 3 December.
	if got := checkpointIDs(start(t, o, "2026-12-03").Items); got != "ceo,announce,weekly-hour" {
		t.Errorf("3 December: %q", got)
	}
	// Day 45 is Wednesday 16 December: the Thursday after takes both.
	if got := checkpointIDs(start(t, o, "2026-12-17").Items); got != "ceo,announce,weekly-hour,hired-to-fix-45,roles-45" {
		t.Errorf("17 December: %q", got)
	}
}

// A pair who start using the 1:1 log late get the latest checkpoint of
// each question, not every one they missed; checkpoints with no series
// all come.
func TestLateCheckpointsCollapse(t *testing.T) {
	o := checkpointed(t)
	m := start(t, o, "2027-02-04")
	if got := checkpointIDs(m.Items); got != "situation,signs,ceo,announce,weekly-hour,hired-to-fix-90,roles-90" {
		t.Errorf("a first 1:1 after day 90: %q", got)
	}
	states := CheckpointStates(o, "2027-02-11")
	for _, s := range states {
		wantSkipped := s.ID == "hired-to-fix" || s.ID == "hired-to-fix-45" || s.ID == "roles-45"
		if s.Skipped != wantSkipped || s.Next {
			t.Errorf("%s: skipped %v, next %v", s.ID, s.Skipped, s.Next)
		}
	}
}

// A 1:1 before the start date takes nothing, even within the lead.
func TestNoCheckpointBeforeTheStart(t *testing.T) {
	o := checkpointed(t)
	o.StartDate = "2026-11-09"
	if got := CheckpointsDue(o, "2026-11-06"); len(got) != 0 {
		t.Errorf("due before the start: %v", got)
	}
	if got := CheckpointsDue(o, "2026-11-09"); len(got) != 1 || got[0].ID != "hired-to-fix" {
		t.Errorf("due on the start date: %v", got)
	}
}

// Removing a 1:1 puts its checkpoints back in the queue; the next 1:1
// takes each one once.
func TestRemovedMeetingGivesBackItsCheckpoints(t *testing.T) {
	o := checkpointed(t)
	m := start(t, o, "2026-11-05")
	if _, ok := RemoveMeeting(o, m.ID, t0); !ok {
		t.Fatal("not removed")
	}
	if len(o.Agenda) != 2 {
		t.Fatalf("queue after removal: %+v", o.Agenda)
	}
	again := start(t, o, "2026-11-05")
	if got := checkpointIDs(again.Items); got != "hired-to-fix,situation" {
		t.Errorf("after removal and restart: %q", got)
	}
}

func TestCheckpointStatesAndMeetingDates(t *testing.T) {
	o := checkpointed(t)
	m := start(t, o, "2026-11-05")
	m.Items[0].Done = true
	states := CheckpointStates(o, "2026-11-12")
	byID := map[string]CheckpointState{}
	for _, s := range states {
		byID[s.ID] = s
	}
	if s := byID["hired-to-fix"]; s.Meeting == nil || s.Meeting.Date != "2026-11-05" || !s.Done {
		t.Errorf("hired-to-fix: %+v", s)
	}
	if s := byID["situation"]; s.Meeting == nil || s.Done || s.Next {
		t.Errorf("situation, open on the first 1:1: %+v", s)
	}
	if s := byID["signs"]; !s.Next || s.Meeting != nil || s.Date != "2026-11-13" {
		t.Errorf("signs, due at the next 1:1: %+v", s)
	}
	if s := byID["roles-90"]; s.Next || s.Skipped || s.Meeting != nil {
		t.Errorf("roles-90, still to come: %+v", s)
	}

	for id, want := range map[string]string{"signs": "2026-11-12", "weekly-hour": "2026-12-03", "roles-45": "2026-12-17", "hired-to-fix": "2026-11-05"} {
		if got, _ := CheckpointMeetingDate(o, checkpointByID(t, id)); got != want {
			t.Errorf("%s: the 1:1 of %s, want %s", id, got, want)
		}
	}
	o.Roles.Cadence.Day = ""
	if got, _ := CheckpointMeetingDate(o, checkpointByID(t, "roles-45")); got != "2026-12-16" {
		t.Errorf("with no agreed day, roles-45 falls on %s", got)
	}
}

func TestBrief(t *testing.T) {
	o := checkpointed(t)
	o.Normalize()
	if o.Brief != (Brief{}) {
		t.Fatalf("an onboarding with no brief got one: %+v", o.Brief)
	}
	o.EditBrief(o.Newcomer.ID, t0, func(b *Brief) { b.HiredToFix, b.Situation = "Fix the close", Realignment })
	id := o.Brief.ID
	if !IsID(id) || o.Brief.Author != o.Newcomer.ID || o.Brief.Updated.IsZero() {
		t.Errorf("brief meta: %+v", o.Brief.Meta)
	}
	o.EditBrief(o.Buddy.ID, t0, func(b *Brief) { b.JobNow = "Fix the close, then pricing" })
	if o.Brief.ID != id || o.Brief.Author != o.Newcomer.ID {
		t.Error("a second edit changed the brief's identity or its author")
	}
	o.Brief.Situation = "panic"
	o.Normalize()
	if o.Brief.Situation != "" || o.Brief.HiredToFix != "Fix the close" {
		t.Errorf("after normalizing: %+v", o.Brief)
	}
	for _, s := range Situations {
		if s.Label() == "" {
			t.Errorf("%s has no label", s)
		}
	}
}

// The brief merges like any entry: one device writes what the CEO said,
// the other the situation, and both survive; a brief written on one side
// only arrives whole.
func TestBriefMerges(t *testing.T) {
	base := checkpointed(t)
	mine, theirs := copyOf(t, base), copyOf(t, base)
	theirs.EditBrief(theirs.Newcomer.ID, t0, func(b *Brief) { b.HiredToFix = "Contracts we can keep" })
	m, conflicts, err := Merge(base, mine, theirs)
	if err != nil || conflicts != 0 || m.Brief.HiredToFix != "Contracts we can keep" || !IsID(m.Brief.ID) {
		t.Fatalf("a brief from one side: %+v, %d conflicts, %v", m.Brief, conflicts, err)
	}
	base = m
	mine, theirs = copyOf(t, base), copyOf(t, base)
	mine.EditBrief(mine.Buddy.ID, t0.Add(1), func(b *Brief) { b.JobNow = "The contracts, then privacy" })
	theirs.EditBrief(theirs.Newcomer.ID, t0.Add(2), func(b *Brief) { b.Situation, b.Why = Realignment, "Drifting" })
	m, _, err = Merge(base, mine, theirs)
	if err != nil || m.Brief.JobNow != "The contracts, then privacy" || m.Brief.Situation != Realignment || m.Brief.HiredToFix != "Contracts we can keep" {
		t.Errorf("both sides' fields: %+v, %v", m.Brief, err)
	}
}
