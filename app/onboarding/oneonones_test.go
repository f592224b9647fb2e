package onboarding

import (
	"strings"
	"testing"
)

// 2026-11-05 is a Thursday.
const thu1, thu2, thu3 = "2026-11-05", "2026-11-12", "2026-11-19"

func weekly(t *testing.T) *Onboarding {
	t.Helper()
	o := newTest(t)
	o.Roles.Cadence.Day = "thursday"
	// These tests are about carrying topics forward; the checkpoints of
	// the first ninety days, which join the same agendas, have tests of
	// their own in checkpoints_test.go.
	all := Checkpoints
	Checkpoints = nil
	t.Cleanup(func() { Checkpoints = all })
	return o
}

func start(t *testing.T, o *Onboarding, date string) *Meeting {
	t.Helper()
	m, err := StartMeeting(o, date, o.Buddy.ID, t0)
	if err != nil {
		t.Fatalf("starting the 1:1 of %s: %v", date, err)
	}
	return m
}

func addItem(o *Onboarding, m *Meeting, author, text string) *MeetingItem {
	it := Add(&m.Items, author, t0)
	it.Text, it.Raised = text, m.Date
	return it
}

func texts(items []MeetingItem) string {
	var s []string
	for _, it := range items {
		s = append(s, it.Text)
	}
	return strings.Join(s, ", ")
}

func TestNextSlot(t *testing.T) {
	o := weekly(t)
	cases := []struct{ today, want string }{
		{"2026-11-03", thu1}, // a Tuesday: that week's Thursday
		{thu1, thu1},         // the day itself
		{"2026-11-06", thu2}, // a Friday: the next week's
	}
	for _, c := range cases {
		if got := NextSlot(o, c.today); got != c.want {
			t.Errorf("today %s: next slot %s, want %s", c.today, got, c.want)
		}
	}
	start(t, o, thu1)
	if got := NextSlot(o, thu1); got != thu2 {
		t.Errorf("with today's 1:1 held, the next slot is %s, want %s", got, thu2)
	}
	start(t, o, thu2)
	if got := NextSlot(o, "2026-11-03"); got != thu3 {
		t.Errorf("with two weeks held, the next slot is %s, want %s", got, thu3)
	}

	// No agreed day: a week after the last meeting, or today.
	o = newTest(t)
	if got := NextSlot(o, "2026-11-03"); got != "2026-11-03" {
		t.Errorf("no cadence, no meeting: %s, want today", got)
	}
	start(t, o, "2026-11-02")
	if got := NextSlot(o, "2026-11-04"); got != "2026-11-09" {
		t.Errorf("no cadence, last met Monday: %s, want a week later", got)
	}
	if got := NextSlot(o, "2026-11-20"); got != "2026-11-20" {
		t.Errorf("no cadence, last met weeks ago: %s, want today", got)
	}
	if got := NextSlot(o, "not a date"); got != "" {
		t.Errorf("a bad today gives %q", got)
	}
}

// Three weekly 1:1s: open items carry forward with their identity and the
// date they were first raised; done ones stop.
func TestCarryForward(t *testing.T) {
	o := weekly(t)
	m1 := start(t, o, thu1)
	a := addItem(o, m1, o.Newcomer.ID, "Month-end close")
	addItem(o, m1, o.Buddy.ID, "Hiring plan").Done = true
	c := addItem(o, m1, o.Buddy.ID, "Cloud bill")
	aID, cID := a.ID, c.ID

	m2 := start(t, o, thu2)
	if got := texts(m2.Items); got != "Month-end close, Cloud bill" {
		t.Fatalf("week 2 agenda: %q", got)
	}
	for _, it := range m2.Items {
		if it.ID == aID || it.ID == cID {
			t.Error("a carried item kept its old ID; two meetings would share one entry")
		}
		if it.Raised != thu1 {
			t.Errorf("%q raised %q, want %s", it.Text, it.Raised, thu1)
		}
		if WeeksOpen(it, m2.Date) != 1 {
			t.Errorf("%q open %d weeks in week 2", it.Text, WeeksOpen(it, m2.Date))
		}
	}
	if m2.Items[0].Origin != aID || m2.Items[0].Author != o.Newcomer.ID {
		t.Errorf("the carried item lost its origin or author: %+v", m2.Items[0])
	}
	m2.Items[1].Done = true // the cloud bill is dealt with
	m2ID := m2.ID

	m3 := start(t, o, thu3)
	if got := texts(m3.Items); got != "Month-end close" {
		t.Fatalf("week 3 agenda: %q", got)
	}
	if it := m3.Items[0]; it.Origin != aID || WeeksOpen(it, m3.Date) != 2 {
		t.Errorf("week 3: origin %s (want %s), open %d weeks (want 2)", it.Origin, aID, WeeksOpen(it, m3.Date))
	}
	if Find(o.Meetings, m2ID).Items[0].Done {
		t.Error("starting a meeting changed an older one")
	}
	// The log is stored oldest first.
	if o.Meetings[0].Date != thu1 || o.Meetings[2].Date != thu3 {
		t.Errorf("stored order %s, %s, %s", o.Meetings[0].Date, o.Meetings[1].Date, o.Meetings[2].Date)
	}
}

// A topic ticked off in an older meeting, after it was carried, is done:
// it does not come back the week after.
func TestItemDoneInOlderMeetingStopsCarrying(t *testing.T) {
	o := weekly(t)
	m1 := start(t, o, thu1)
	addItem(o, m1, o.Buddy.ID, "Board deck")
	start(t, o, thu2)
	o.Meetings[0].Items[0].Done = true // ticked in the week-1 log
	m3 := start(t, o, thu3)
	if len(m3.Items) != 0 {
		t.Errorf("week 3 carries %q, done in week 1's log", texts(m3.Items))
	}
}

func TestStartMeetingMovesTheQueue(t *testing.T) {
	o := weekly(t)
	q := Add(&o.Agenda, o.Newcomer.ID, t0)
	q.Text, q.Source = "Who owns pricing?", "roles:x"
	done := Add(&o.Agenda, o.Buddy.ID, t0)
	done.Text, done.Done = "Already handled", true
	qID, doneID := q.ID, done.ID

	m := start(t, o, thu1)
	if got := texts(m.Items); got != "Who owns pricing?" {
		t.Fatalf("agenda %q", got)
	}
	it := m.Items[0]
	if it.Raised != thu1 || it.Source != "roles:x" || it.Author != o.Newcomer.ID || it.ID == qID {
		t.Errorf("moved item %+v", it)
	}
	if len(o.Agenda) != 0 {
		t.Errorf("the queue still holds %d items", len(o.Agenda))
	}
	if _, ok := o.Deleted[qID]; !ok {
		t.Error("the moved item left no tombstone; the other device would bring it back")
	}
	if _, ok := o.Deleted[doneID]; !ok {
		t.Error("the done queue item left no tombstone")
	}

	// The same topic queued again while it is still open is not doubled.
	q = Add(&o.Agenda, o.Buddy.ID, t0)
	q.Text, q.Source = "Who owns pricing? (again)", "roles:x"
	m2 := start(t, o, thu2)
	if got := texts(m2.Items); got != "Who owns pricing?" {
		t.Errorf("week 2 agenda %q: the role topic is doubled", got)
	}
}

func TestStartMeetingRefusesBadDates(t *testing.T) {
	o := weekly(t)
	if _, err := StartMeeting(o, "", o.Buddy.ID, t0); err != ErrMeetingDate {
		t.Errorf("no date: %v", err)
	}
	start(t, o, thu1)
	if _, err := StartMeeting(o, thu1, o.Buddy.ID, t0); err != ErrMeetingExists {
		t.Errorf("same date twice: %v", err)
	}
	if len(o.Meetings) != 1 {
		t.Errorf("%d meetings after a refused start", len(o.Meetings))
	}
}

// A meeting added for a past date goes in date order and carries from
// the meeting before it, not from the latest.
func TestBackdatedMeeting(t *testing.T) {
	o := weekly(t)
	m1 := start(t, o, thu1)
	addItem(o, m1, o.Buddy.ID, "From week 1")
	m3 := start(t, o, thu3)
	addItem(o, m3, o.Buddy.ID, "From week 3")
	m2 := start(t, o, thu2)
	if got := texts(m2.Items); got != "From week 1" {
		t.Errorf("backdated agenda %q", got)
	}
	if o.Meetings[1].Date != thu2 {
		t.Errorf("the backdated meeting is stored at %v", o.Meetings[1].Date)
	}
	if latest := o.LatestMeeting(); latest.Date != thu3 {
		t.Errorf("latest is %s", latest.Date)
	}
}

// Two devices can each start a meeting on the same date; after a merge
// both are kept, in a stable order, and the next week carries from them.
func TestTwoMeetingsOnOneDate(t *testing.T) {
	o := weekly(t)
	m := start(t, o, thu1)
	addItem(o, m, o.Buddy.ID, "Mine")
	twin := Meeting{Meta: Meta{ID: NewID(), Author: o.Newcomer.ID}, Date: thu1}
	o.Meetings = append(o.Meetings, twin)
	first := o.MeetingsByDate()[0].ID
	for i := 0; i < 5; i++ {
		if o.MeetingsByDate()[0].ID != first {
			t.Fatal("the order of two meetings on one date changes between calls")
		}
	}
	if first != twin.ID {
		t.Error("the meeting stored last should come first among equals")
	}
	if _, err := StartMeeting(o, thu2, o.Buddy.ID, t0); err != nil {
		t.Fatal(err)
	}
}

func TestRemoveMeetingRequeuesItsOwnTopics(t *testing.T) {
	o := weekly(t)
	m1 := start(t, o, thu1)
	addItem(o, m1, o.Buddy.ID, "Carried")
	m2 := start(t, o, thu2)
	addItem(o, m2, o.Newcomer.ID, "New this week")
	addItem(o, m2, o.Newcomer.ID, "Done this week").Done = true
	id := m2.ID

	undo, ok := RemoveMeeting(o, id, t0)
	if !ok || len(o.Meetings) != 1 {
		t.Fatal("not removed")
	}
	if _, ok := o.Deleted[id]; !ok {
		t.Error("no tombstone for the removed meeting")
	}
	if len(o.Agenda) != 1 || o.Agenda[0].Text != "New this week" || o.Agenda[0].Author != o.Newcomer.ID {
		t.Errorf("queue after removal: %+v", o.Agenda)
	}
	undo(o, t0)
	if len(o.Meetings) != 2 || Find(o.Meetings, id) == nil || len(o.Agenda) != 0 {
		t.Errorf("undo left %d meetings and %d queued items", len(o.Meetings), len(o.Agenda))
	}
	if back := Find(o.Meetings, id); back == nil || !back.Updated.After(o.Deleted[id]) {
		t.Error("the meeting put back is not newer than its removal, so a merge would remove it again")
	}
}

func TestDebriefs(t *testing.T) {
	o := weekly(t)
	mbr := Add(&o.Roles.Cadence.Shared, o.Buddy.ID, t0)
	mbr.Name, mbr.Debrief = "Monthly business review", true
	quiet := Add(&o.Roles.Cadence.Shared, o.Buddy.ID, t0)
	quiet.Name = "All hands"
	mbrID, quietID := mbr.ID, quiet.ID

	if err := MarkHeld(o, mbrID, "2026-11-10", o.Newcomer.ID, t0); err != nil {
		t.Fatal(err)
	}
	if err := MarkHeld(o, mbrID, "2026-11-10", o.Buddy.ID, t0); err != nil {
		t.Fatal(err)
	}
	if err := MarkHeld(o, quietID, "2026-11-10", o.Buddy.ID, t0); err != nil {
		t.Fatal(err)
	}
	if len(o.Agenda) != 1 {
		t.Fatalf("queue %+v: want one debrief", o.Agenda)
	}
	if got := o.Agenda[0].Text; got != "Debrief: Monthly business review of Tuesday 10 November" {
		t.Errorf("debrief text %q", got)
	}
	if Find(o.Roles.Cadence.Shared, mbrID).LastHeld != "2026-11-10" || Find(o.Roles.Cadence.Shared, quietID).LastHeld != "2026-11-10" {
		t.Error("LastHeld not recorded")
	}
	if err := MarkHeld(o, mbrID, "2026-11-01", o.Buddy.ID, t0); err != nil {
		t.Fatal(err)
	}
	if Find(o.Roles.Cadence.Shared, mbrID).LastHeld != "2026-11-10" {
		t.Error("an earlier session moved LastHeld back")
	}
	o.Agenda = o.Agenda[:1] // forget the 1 Nov debrief for the rest

	// The 1:1 of the 5th comes before the review: the debrief waits.
	m1 := start(t, o, thu1)
	if len(m1.Items) != 0 || len(o.Agenda) != 1 {
		t.Errorf("the debrief of the 10th went to the 1:1 of the 5th: %q", texts(m1.Items))
	}
	m2 := start(t, o, thu2)
	if texts(m2.Items) != "Debrief: Monthly business review of Tuesday 10 November" {
		t.Errorf("week 2 agenda %q", texts(m2.Items))
	}
	// Marking the same date again, once the debrief is in a meeting, adds
	// nothing.
	if err := MarkHeld(o, mbrID, "2026-11-10", o.Buddy.ID, t0); err != nil || len(o.Agenda) != 0 {
		t.Errorf("a second debrief was queued: %v %+v", err, o.Agenda)
	}
	if err := MarkHeld(o, "nope", "2026-11-10", o.Buddy.ID, t0); err == nil {
		t.Error("an unknown shared meeting was accepted")
	}
	if err := MarkHeld(o, mbrID, "10/11", o.Buddy.ID, t0); err == nil {
		t.Error("a bad date was accepted")
	}
}

func TestStandingTopics(t *testing.T) {
	o := newTest(t)
	open := Add(&o.Problems, o.Buddy.ID, t0)
	open.Problem = "Cash runway"
	Add(&o.Problems, o.Buddy.ID, t0).Problem = "Solved already"
	o.Problems[1].Resolved = true
	secret := Add(&o.Problems, o.Buddy.ID, t0)
	secret.Problem, secret.Private = "Private worry", true
	Add(&o.Problems, o.Buddy.ID, t0) // blank

	agree := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	agree.Area = "Hiring"
	clash := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	clash.Area = "Pricing"
	settled := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	settled.Area = "Vendors"
	for _, r := range []*RoleRow{&o.Roles.Rows[0], &o.Roles.Rows[1], &o.Roles.Rows[2]} {
		SetAnswer(o, r, o.Buddy.ID, Mine, t0)
	}
	SetAnswer(o, &o.Roles.Rows[0], o.Newcomer.ID, Yours, t0)
	SetAnswer(o, &o.Roles.Rows[1], o.Newcomer.ID, Mine, t0)
	SetAnswer(o, &o.Roles.Rows[2], o.Newcomer.ID, Mine, t0)

	topics := func() string {
		var s []string
		for _, tp := range StandingTopics(o) {
			s = append(s, string(tp.Kind)+":"+tp.Text)
		}
		return strings.Join(s, ", ")
	}
	if got := topics(); got != "problem:Cash runway" {
		t.Errorf("while the sides are open: %q (role answers are still blind)", got)
	}
	o.Roles.SideOf(o.Buddy.ID).Done = true
	o.Roles.SideOf(o.Newcomer.ID).Done = true
	if got := topics(); got != "problem:Cash runway, role:Pricing, role:Vendors" {
		t.Errorf("topics %q", got)
	}
	if _, ok := Settle(o, o.Roles.Rows[2].ID, Owner(o.Newcomer.ID), t0); !ok {
		t.Fatal("settle failed")
	}
	if _, ok := Settle(o, o.Roles.Rows[1].ID, Owner("someone else"), t0); ok {
		t.Error("settled on an owner who is neither person")
	}
	o.Problems[0].Resolved = true
	if got := topics(); got != "role:Pricing" {
		t.Errorf("after settling and resolving: %q", got)
	}
	if StandingTopics(o)[0].Verdict != BothClaim {
		t.Error("the role topic lost its verdict")
	}
}

func TestTallies(t *testing.T) {
	o := newTest(t)
	today := "2026-11-20"
	add := func(who string, status Status, due string, private bool) {
		c, err := AddCommitment(o, who, "something", due, "", who, t0)
		if err != nil {
			t.Fatal(err)
		}
		c.Status, c.Private = status, private
	}
	n, b := o.Newcomer.ID, o.Buddy.ID
	add(n, Kept, "2026-11-10", false)
	add(n, Kept, "2026-11-30", false) // kept early: counts
	add(n, Missed, "2026-11-12", false)
	add(n, Open, "2026-11-19", false) // overdue
	add(n, Open, "2026-11-20", false) // due today: not yet late
	add(n, Open, "", false)           // no date: never due
	add(n, Dropped, "2026-11-01", false)
	add(n, Missed, "2026-11-01", true) // private: not shared
	add(b, Kept, "2026-11-10", false)

	ts := Tallies(o, today)
	if ts[0].Person.ID != b || ts[1].Person.ID != n {
		t.Fatal("tallies are not buddy then newcomer")
	}
	got := ts[1]
	if got.Kept != 2 || got.Due != 4 || got.Open != 3 || got.Overdue != 1 {
		t.Errorf("newcomer tally %+v, want kept 2 of 4 due, 3 open, 1 overdue", got)
	}
	if line := got.Line(); line != "Priya Raman: kept 2 of 4 due" {
		t.Errorf("line %q", line)
	}
	if line := ts[0].Line(); line != "Dana Okafor: kept 1 of 1 due" {
		t.Errorf("line %q", line)
	}
	if line := Tallies(newTest(t), today)[0].Line(); line != "Dana Okafor: nothing due yet" {
		t.Errorf("empty tally %q", line)
	}
}

func TestAddCommitmentChecksInput(t *testing.T) {
	o := newTest(t)
	for _, c := range []struct{ who, what, due string }{
		{"nobody", "x", ""},
		{o.Buddy.ID, "  ", ""},
		{o.Buddy.ID, "x", "next week"},
	} {
		if _, err := AddCommitment(o, c.who, c.what, c.due, "", o.Buddy.ID, t0); err == nil {
			t.Errorf("%+v was accepted", c)
		}
	}
	if len(o.Commitments) != 0 {
		t.Error("a refused commitment was stored")
	}
	c, err := AddCommitment(o, o.Buddy.ID, " Send the plan ", "2026-11-20", "m1", o.Newcomer.ID, t0)
	if err != nil || c.What != "Send the plan" || c.Status != Open || c.Meeting != "m1" || c.Author != o.Newcomer.ID {
		t.Errorf("%+v, %v", c, err)
	}
}

// A role mismatch open on the latest 1:1 shows as on the agenda, and
// asking to add it again does not queue it twice.
func TestRoleTopicOnTheLatestMeeting(t *testing.T) {
	o := weekly(t)
	row := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	row.Area = "Pricing"
	SetAnswer(o, row, o.Buddy.ID, Mine, t0)
	SetAnswer(o, row, o.Newcomer.ID, Mine, t0)
	id := row.ID
	AddToAgenda(o, id, o.Buddy.ID, t0)
	m := start(t, o, thu1)
	if AddToAgenda(o, id, o.Buddy.ID, t0) != nil || len(o.Agenda) != 0 {
		t.Error("the topic was queued again while open on the latest 1:1")
	}
	rows, _ := Compare(o)
	if !rows[0].OnAgenda {
		t.Error("the comparison does not show the topic as on the agenda")
	}
	m.Items[0].Done = true
	if AddToAgenda(o, id, o.Buddy.ID, t0) == nil {
		t.Error("a topic done in the 1:1 cannot be queued again")
	}
}

func TestWeeksOpen(t *testing.T) {
	it := MeetingItem{Raised: thu1}
	for date, want := range map[string]int{thu1: 0, "2026-11-11": 0, thu2: 1, thu3: 2, "2026-11-01": 0, "": 0} {
		if got := WeeksOpen(it, date); got != want {
			t.Errorf("raised %s, meeting %q: %d weeks, want %d", thu1, date, got, want)
		}
	}
}

// Before the newcomer's first day, the first 1:1 defaults to their first
// week, not to a day they are not there yet.
func TestNextSlotIsNeverBeforeTheStartDate(t *testing.T) {
	o := weekly(t) // starts Monday 2 November 2026
	if got := NextSlot(o, "2026-10-20"); got != thu1 {
		t.Errorf("three weeks before the start, the first 1:1 defaults to %s, want %s", got, thu1)
	}
	o.Roles.Cadence.Day = ""
	if got := NextSlot(o, "2026-10-20"); got != o.StartDate {
		t.Errorf("with no agreed day, it defaults to %s, want the start date %s", got, o.StartDate)
	}
	if got := NextSlot(o, "2026-11-10"); got != "2026-11-10" {
		t.Errorf("after the start, with no day, it defaults to %s, want today", got)
	}
}

// Right after a 1:1 is started, the page does not offer to start the next
// one: that waits until the day after.
func TestStartDueWaitsUntilTheLatestIsPast(t *testing.T) {
	o := weekly(t)
	if !StartDue(o, thu1) {
		t.Error("with no 1:1 yet, starting one is not offered")
	}
	start(t, o, thu1)
	if StartDue(o, thu1) {
		t.Error("right after starting today's 1:1, starting another is offered")
	}
	start(t, o, thu2) // set up a week ahead
	if StartDue(o, "2026-11-06") {
		t.Error("with next week's 1:1 already set up, starting another is offered")
	}
	if !StartDue(o, "2026-11-13") {
		t.Error("the day after the latest 1:1, starting the next is not offered")
	}
}

// A role area on the agenda is not a standing topic too, and settling it
// ticks off its agenda item, so it does not carry forward.
func TestARoleAreaShowsInOnePlace(t *testing.T) {
	o := weekly(t)
	row := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	row.Area = "Pricing"
	SetAnswer(o, row, o.Buddy.ID, Mine, t0)
	SetAnswer(o, row, o.Newcomer.ID, Mine, t0)
	o.Roles.SideOf(o.Buddy.ID).Done = true
	o.Roles.SideOf(o.Newcomer.ID).Done = true
	id := row.ID
	isStanding := func() bool {
		for _, tp := range StandingTopics(o) {
			if tp.ID == id {
				return true
			}
		}
		return false
	}
	if !isStanding() {
		t.Fatal("a mismatch that is on no agenda is not a standing topic")
	}
	AddToAgenda(o, id, o.Buddy.ID, t0)
	if isStanding() {
		t.Error("queued for the next 1:1 and a standing topic at once")
	}
	m := start(t, o, thu1)
	if isStanding() {
		t.Error("on the 1:1's agenda and a standing topic at once")
	}
	Settle(o, id, Shared, t0)
	if !m.Items[0].Done || isStanding() {
		t.Errorf("after settling: item done %v, standing %v", m.Items[0].Done, isStanding())
	}
	if next := start(t, o, thu2); len(next.Items) != 0 {
		t.Errorf("the settled area carried forward: %s", texts(next.Items))
	}

	// Ticked off unsettled, it comes back as a standing topic.
	row2 := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	row2.Area = "Vendors"
	SetAnswer(o, row2, o.Buddy.ID, Mine, t0)
	SetAnswer(o, row2, o.Newcomer.ID, Mine, t0)
	AddToAgenda(o, row2.ID, o.Buddy.ID, t0)
	m3 := start(t, o, thu3)
	m3.Items[0].Done = true
	id = row2.ID
	if !isStanding() {
		t.Error("a mismatch ticked off without settling left the standing topics")
	}
}
