package onboarding

import (
	"strings"
	"time"
)

// The first ninety days have checkpoints: questions the pair come back to
// at set points after the start date. Each one reaches the weekly 1:1 in
// one way only: StartMeeting puts it on the agenda of the first 1:1 held
// on or just before its day, once. The calendar file marks the same 1:1.
// What each checkpoint asks, at length, is guide text in
// content/checkpoints.md.

// Checkpoint is one check-in of the first ninety days.
type Checkpoint struct {
	ID string
	// Day is the day it falls on, the start date being day 1: a working
	// day (Monday to Friday) when Working is set, else a calendar day.
	// The first two weeks count working days, as the stage sessions do;
	// day 45 and day 90 are calendar days, as people say them.
	Day     int
	Working bool
	// Series groups the checkpoints that come back to one question. When
	// a later one is due, an earlier one never talked over is skipped:
	// the later one asks the same thing with more behind it.
	Series string
	// Agenda is the item it puts on the 1:1's agenda.
	Agenda string
}

// Checkpoints lists the checkpoints in the order they fall.
var Checkpoints = []Checkpoint{
	{ID: "hired-to-fix", Day: 1, Series: "hired-to-fix", Agenda: "Checkpoint: what did the CEO say you were hired to fix?"},
	{ID: "situation", Day: 5, Working: true, Agenda: "Checkpoint: which situation is this: start-up, turnaround, accelerated growth, realignment or sustaining success?"},
	{ID: "signs", Day: 10, Working: true, Agenda: "Checkpoint: two weeks in, the good signs and the bad"},
	// The CEO confirms the split in week three, and the organisation hears
	// it a week later: a weekly 1:1 takes a checkpoint up to three days
	// early, so five working days apart the two never share an agenda.
	{ID: "ceo", Day: 12, Working: true, Agenda: "Checkpoint: take the split of the work and the newcomer's first read to the CEO"},
	{ID: "announce", Day: 17, Working: true, Agenda: "Checkpoint: tell the exec team and both organisations what moved"},
	{ID: "weekly-hour", Day: 30, Agenda: "Checkpoint: is the weekly hour earning its place?"},
	{ID: "hired-to-fix-45", Day: 45, Series: "hired-to-fix", Agenda: "Checkpoint, day 45: is that still the job, and is the plan on course?"},
	{ID: "roles-45", Day: 45, Series: "roles", Agenda: "Checkpoint, day 45: review the role agreement"},
	{ID: "hired-to-fix-90", Day: 90, Series: "hired-to-fix", Agenda: "Checkpoint, day 90: what was fixed, how the plan went, and what the job is now"},
	{ID: "roles-90", Day: 90, Series: "roles", Agenda: "Checkpoint, day 90: review the role agreement again"},
}

// CheckpointLead is how many days before a checkpoint's day a 1:1 may
// fall and still take it: with a weekly 1:1, the nearest one is never
// further away.
const CheckpointLead = 3

const checkpointPrefix = "checkpoint:"

// Source is what an agenda item from the checkpoint carries in Source.
func (c Checkpoint) Source() string { return checkpointPrefix + c.ID }

// CheckpointFor returns the checkpoint an agenda item's source names.
func CheckpointFor(source string) (Checkpoint, bool) {
	id, ok := strings.CutPrefix(source, checkpointPrefix)
	if !ok {
		return Checkpoint{}, false
	}
	for _, c := range Checkpoints {
		if c.ID == id {
			return c, true
		}
	}
	return Checkpoint{}, false
}

// Date is the date the checkpoint falls on for a start date. A calendar
// day that lands on a weekend moves to the Monday after.
func (c Checkpoint) Date(start string) (string, bool) {
	d, ok := parseDate(start)
	if !ok || c.Day < 1 {
		return "", false
	}
	if c.Working {
		return formatDate(WorkingDay(d, c.Day)), true
	}
	return formatDate(nextWorkingDay(d.AddDate(0, 0, c.Day-1))), true
}

// WorkingDay is the nth working day (Monday to Friday) counting from d
// as the first, or from the Monday after when d falls on a weekend.
func WorkingDay(d time.Time, n int) time.Time {
	d = nextWorkingDay(d)
	for i := 1; i < n; {
		d = d.AddDate(0, 0, 1)
		if isWorkingDay(d) {
			i++
		}
	}
	return d
}

func isWorkingDay(d time.Time) bool {
	return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
}

func nextWorkingDay(d time.Time) time.Time {
	for !isWorkingDay(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// dueBy reports whether the checkpoint is due at a 1:1 on date: on or
// after the start date, and no more than CheckpointLead days before its
// day.
func (c Checkpoint) dueBy(o *Onboarding, date string) bool {
	due, ok := c.Date(o.StartDate)
	d, ok2 := parseDate(date)
	if !ok || !ok2 || date < o.StartDate {
		return false
	}
	return formatDate(d.AddDate(0, 0, CheckpointLead)) >= due
}

// taken reports whether the checkpoint is on any meeting's agenda or
// waiting in the queue, done or not.
func (c Checkpoint) taken(o *Onboarding) bool { return o.hasSource(c.Source()) }

// superseded reports whether a later checkpoint of the same series is due
// by date or already taken.
func (c Checkpoint) superseded(o *Onboarding, date string) bool {
	if c.Series == "" {
		return false
	}
	later := false
	for _, n := range Checkpoints {
		if n.ID == c.ID {
			later = true
			continue
		}
		if later && n.Series == c.Series && (n.dueBy(o, date) || n.taken(o)) {
			return true
		}
	}
	return false
}

// CheckpointsDue lists the checkpoints a 1:1 on date takes: due by then,
// on no agenda yet, and not superseded by a later one of their series.
func CheckpointsDue(o *Onboarding, date string) []Checkpoint {
	var out []Checkpoint
	for _, c := range Checkpoints {
		if c.dueBy(o, date) && !c.taken(o) && !c.superseded(o, date) {
			out = append(out, c)
		}
	}
	return out
}

// CheckpointState is where one checkpoint stands for the 1:1 page.
type CheckpointState struct {
	Checkpoint
	// Date is the day it falls on.
	Date string
	// Meeting is the 1:1 whose agenda holds it, if any; Done says the
	// item was ticked off there or in a later week.
	Meeting *Meeting
	Done    bool
	// Next says it goes on the agenda of a 1:1 started on the date asked
	// about; Skipped that a later checkpoint of its series took its place.
	Next    bool
	Skipped bool
}

// CheckpointStates says where every checkpoint stands, for a next 1:1 on
// the date next.
func CheckpointStates(o *Onboarding, next string) []CheckpointState {
	due := map[string]bool{}
	for _, c := range CheckpointsDue(o, next) {
		due[c.ID] = true
	}
	out := make([]CheckpointState, 0, len(Checkpoints))
	for _, c := range Checkpoints {
		s := CheckpointState{Checkpoint: c, Next: due[c.ID]}
		s.Date, _ = c.Date(o.StartDate)
		for _, m := range o.MeetingsByDate() {
			for _, it := range m.Items {
				if it.Source == c.Source() {
					s.Meeting = m
					s.Done = s.Done || it.Done || o.TopicDone(it.Topic())
				}
			}
		}
		s.Skipped = s.Meeting == nil && !s.Next && c.superseded(o, next)
		out = append(out, s)
	}
	return out
}

// CheckpointMeetingDate is the date of the weekly 1:1 that will take the
// checkpoint, by the agreed weekday: the first one on or after the start
// date that is at most CheckpointLead days before the checkpoint's day.
// Without an agreed weekday it is the checkpoint's own day.
func CheckpointMeetingDate(o *Onboarding, c Checkpoint) (string, bool) {
	due, ok := c.Date(o.StartDate)
	if !ok {
		return "", false
	}
	w, ok := Weekday(o.Roles.Cadence.Day)
	if !ok {
		return due, true
	}
	d, _ := parseDate(due)
	from := d.AddDate(0, 0, -CheckpointLead)
	if start, _ := parseDate(o.StartDate); from.Before(start) {
		from = start
	}
	return formatDate(from.AddDate(0, 0, (int(w)-int(from.Weekday())+7)%7)), true
}
