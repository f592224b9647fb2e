package calendar

import (
	"strconv"
	"strings"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
)

// The rules of what goes in the calendar, and when. Nothing is booked at
// a time the pair did not choose: the weekly 1:1 and the time together
// once their day and time are agreed, a stage's session once they have
// booked it, and a checkpoint on the 1:1 that takes it, or, before a
// weekly 1:1 is agreed, as a mark on its day with no hour taken.

// prepAhead is how long before a 1:1 its reminder comes: the day before,
// in time to add to the agenda.
const prepAhead = 24 * time.Hour

// Events returns the onboarding's events: the weekly 1:1 and the time
// together when their day and time are agreed, the sessions booked for
// the stages of the guide, and the checkpoints of the first ninety days.
// A checkpoint is talked over at the weekly 1:1 that takes it, so it
// changes that occurrence's title, description and reminder rather than
// booking a second hour beside it.
func Events(o *onboarding.Onboarding, stages []guide.Stage) []Event {
	c := o.Roles.Cadence
	pair := o.Buddy.Name + " and " + o.Newcomer.Name
	start, ok := civilDate(o.StartDate)
	if !ok {
		start, _ = civilDate(o.Created.Format("2006-01-02"))
	}
	var events []Event
	if w, ok := weekly(c); ok {
		events = append(events, Event{
			UID:         o.ID + "-weekly@counterpart",
			Summary:     "Weekly 1:1: " + pair,
			Description: "Our weekly hour around the shared 1:1 document: the agenda we both add to, the standing topics, and the commitments coming due.",
			Start:       at(onOrAfter(start, w), c.Time),
			Minutes:     orDefault(c.Minutes, onboarding.RecommendedMinutes),
			RRule:       "FREQ=WEEKLY;BYDAY=" + byDay(w),
			Alarms:      []Alarm{{Before: prepAhead, Text: "Weekly 1:1 with " + pair + " tomorrow: add what you want to raise to the agenda."}},
		})
	}
	if w, ok := onboarding.Weekday(c.SocialDay); ok && c.SocialTime != "" && (c.SocialEvery == onboarding.Monthly || c.SocialEvery == onboarding.Quarterly) {
		rule := "FREQ=MONTHLY;BYDAY=2" + byDay(w)
		if c.SocialEvery == onboarding.Quarterly {
			rule = "FREQ=MONTHLY;INTERVAL=3;BYDAY=2" + byDay(w)
		}
		what := strings.TrimSpace(c.Social)
		if what == "" {
			what = "Time together that is not about work."
		}
		events = append(events, Event{
			UID:         o.ID + "-social@counterpart",
			Summary:     "Time together: " + pair,
			Description: what,
			Start:       at(secondWeekday(start, w), c.SocialTime),
			Minutes:     SocialMinutes,
			RRule:       rule,
		})
	}
	for i, st := range stages {
		when, ok := c.SessionTime(st.ID)
		if !ok {
			continue // not booked: the pair keep it out of the calendar
		}
		var prompts []string
		for _, p := range st.Prompts {
			prompts = append(prompts, p.Title)
		}
		desc := "Onboarding session " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(stages)) + " for " + pair + ", in the first two weeks."
		if len(prompts) > 0 {
			desc += "\nTo cover: " + strings.Join(prompts, "; ") + "."
		}
		events = append(events, Event{
			UID:         o.ID + "-stage-" + string(st.ID) + "@counterpart",
			Summary:     "Onboarding: " + st.Title,
			Description: desc,
			Start:       when,
			Minutes:     st.SessionMinutes,
		})
	}
	return append(events, checkpointEvents(o, pair)...)
}

// weekly is the weekday of the weekly 1:1, when its day and time are
// agreed.
func weekly(c onboarding.Cadence) (time.Weekday, bool) {
	w, ok := onboarding.Weekday(c.Day)
	return w, ok && c.Time != "" && onboarding.CheckTime(c.Time) == ""
}

// checkpointEvents marks each 1:1 that takes checkpoints: the weekly
// occurrence itself when the 1:1 is agreed, or else the checkpoint's day,
// as a whole day that takes no hour. Each comes with a reminder the day
// before.
func checkpointEvents(o *onboarding.Onboarding, pair string) []Event {
	c := o.Roles.Cadence
	_, isWeekly := weekly(c)
	var dates []string
	byDate := map[string][]onboarding.Checkpoint{}
	for _, cp := range onboarding.Checkpoints {
		date, ok := onboarding.CheckpointMeetingDate(o, cp)
		if !ok {
			continue
		}
		if byDate[date] == nil {
			dates = append(dates, date)
		}
		byDate[date] = append(byDate[date], cp)
	}
	var events []Event
	for _, date := range dates {
		d, _ := civilDate(date)
		var lines []string
		for _, cp := range byDate[date] {
			lines = append(lines, "- "+cp.Agenda)
		}
		list := strings.Join(lines, "\n")
		e := Event{
			UID:         o.ID + "-checkpoint-" + byDate[date][0].ID + "@counterpart",
			Summary:     "Onboarding checkpoint: " + pair,
			Description: "To talk over at our next 1:1, from the first ninety days:\n" + list,
			Start:       d,
			AllDay:      true,
			Alarms:      []Alarm{{Before: checkpointAhead, Text: "Onboarding checkpoint tomorrow, for " + pair + ":\n" + list}},
		}
		if isWeekly {
			e.UID = o.ID + "-weekly@counterpart"
			e.Summary = "Weekly 1:1 and checkpoint: " + pair
			e.Description = "Our weekly hour, with these on the agenda from the first ninety days:\n" + list
			e.Start, e.AllDay = at(d, c.Time), false
			e.Minutes = orDefault(c.Minutes, onboarding.RecommendedMinutes)
			e.RecurrenceOf = e.Start
			e.Alarms = []Alarm{{Before: prepAhead, Text: "Weekly 1:1 with " + pair + " tomorrow, with a checkpoint of the first ninety days:\n" + list}}
		}
		events = append(events, e)
	}
	return events
}

// checkpointAhead is when the reminder of a checkpoint on a whole day
// comes: at nine in the morning of the day before, since the day itself
// starts at midnight.
const checkpointAhead = 15 * time.Hour

// SocialMinutes is how long the time together is booked for: a lunch.
const SocialMinutes = 90

func civilDate(s string) (time.Time, bool) {
	d, err := time.Parse("2006-01-02", s)
	return d, err == nil
}

func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// at puts an HH:MM time on a date; a time that is not one is ten in the
// morning.
func at(d time.Time, hhmm string) time.Time {
	if hhmm == "" || onboarding.CheckTime(hhmm) != "" {
		hhmm = "10:00"
	}
	h, _ := strconv.Atoi(hhmm[:2])
	m, _ := strconv.Atoi(hhmm[3:])
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, time.UTC)
}

func onOrAfter(d time.Time, w time.Weekday) time.Time {
	return d.AddDate(0, 0, (int(w)-int(d.Weekday())+7)%7)
}

// secondWeekday is the first "second w of the month" on or after d.
func secondWeekday(d time.Time, w time.Weekday) time.Time {
	for m := 0; ; m++ {
		first := time.Date(d.Year(), d.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		second := onOrAfter(first, w).AddDate(0, 0, 7)
		if !second.Before(d) {
			return second
		}
	}
}

func byDay(w time.Weekday) string {
	return strings.ToUpper(w.String()[:2])
}
