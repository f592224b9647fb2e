// Package calendar writes an onboarding's cadence as an iCalendar file
// (RFC 5545) that common calendar apps import: the weekly 1:1 and the
// time together as recurring events, and one session per stage of the
// guide in the first two weeks.
//
// Times are wall-clock times in the pair's time zone, with a VTIMEZONE
// that says when that zone changes to and from summer time. The browser
// build of Go has no time zone database (embedding one costs about
// 450 KB), so the writer asks a small Zone for offsets and works out the
// yearly rules itself; in the browser the Zone is backed by Intl. With no
// zone, times are floating: the same wall-clock time wherever the
// calendar is opened, which is right for two people in one office.
package calendar

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
)

// Zone is a named time zone as far as the calendar needs one.
type Zone interface {
	// Name is the IANA name, such as "Europe/Paris".
	Name() string
	// Offset is the zone's offset from UTC at an instant, in seconds
	// east of UTC.
	Offset(t time.Time) int
}

// Location adapts a *time.Location to Zone, for native builds and tests.
type Location struct{ *time.Location }

// Name implements Zone.
func (l Location) Name() string { return l.String() }

// Offset implements Zone.
func (l Location) Offset(t time.Time) int {
	_, off := t.In(l.Location).Zone()
	return off
}

// Event is one event, recurring or not, at a wall-clock time.
type Event struct {
	UID         string
	Summary     string
	Description string
	Start       time.Time // the wall-clock date and time, in UTC as a carrier
	Minutes     int
	RRule       string // such as "FREQ=WEEKLY;BYDAY=TH"; empty for one event
	// RecurrenceOf, when set, makes the event a changed occurrence of the
	// recurring event with the same UID: the one that starts then.
	RecurrenceOf time.Time
}

// Events returns the onboarding's events: the weekly 1:1 and the time
// together when their day and time are agreed, one session for each
// stage of the guide, and the checkpoints of the first ninety days.
// Sessions are held at the 1:1's time, since both keep that hour free, or
// at ten in the morning before it is agreed. A checkpoint is talked over
// at the weekly 1:1 that takes it, so it changes that occurrence's title
// and description rather than booking a second hour beside it.
func Events(o *onboarding.Onboarding, stages []guide.Stage) []Event {
	c := o.Roles.Cadence
	pair := o.Buddy.Name + " and " + o.Newcomer.Name
	start, ok := civilDate(o.StartDate)
	if !ok {
		start, _ = civilDate(o.Created.Format("2006-01-02"))
	}
	var events []Event
	// busy holds the recurring slots, which the sessions keep clear of.
	var busy []slot
	if w, ok := onboarding.Weekday(c.Day); ok && c.Time != "" {
		first := onOrAfter(start, w)
		busy = append(busy, slot{clock: at(first, c.Time), minutes: orDefault(c.Minutes, onboarding.RecommendedMinutes),
			on: func(d time.Time) bool { return d.Weekday() == w && !d.Before(first) }})
		events = append(events, Event{
			UID:         o.ID + "-weekly@counterpart",
			Summary:     "Weekly 1:1: " + pair,
			Description: "Our weekly hour around the shared 1:1 document: the agenda we both add to, the standing topics, and the commitments coming due.",
			Start:       at(first, c.Time),
			Minutes:     orDefault(c.Minutes, onboarding.RecommendedMinutes),
			RRule:       "FREQ=WEEKLY;BYDAY=" + byDay(w),
		})
	}
	if w, ok := onboarding.Weekday(c.SocialDay); ok && c.SocialTime != "" && (c.SocialEvery == onboarding.Monthly || c.SocialEvery == onboarding.Quarterly) {
		rule, every := "FREQ=MONTHLY;BYDAY=2"+byDay(w), 1
		if c.SocialEvery == onboarding.Quarterly {
			rule, every = "FREQ=MONTHLY;INTERVAL=3;BYDAY=2"+byDay(w), 3
		}
		first := secondWeekday(start, w)
		busy = append(busy, slot{clock: at(first, c.SocialTime), minutes: SocialMinutes, on: func(d time.Time) bool {
			months := (d.Year()-first.Year())*12 + int(d.Month()) - int(first.Month())
			return !d.Before(first) && months%every == 0 && secondWeekday(time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC), w).Equal(d)
		}})
		what := strings.TrimSpace(c.Social)
		if what == "" {
			what = "Time together that is not about work."
		}
		events = append(events, Event{
			UID:         o.ID + "-social@counterpart",
			Summary:     "Time together: " + pair,
			Description: what,
			Start:       at(first, c.SocialTime),
			Minutes:     SocialMinutes,
			RRule:       rule,
		})
	}
	sessionTime := c.Time
	if sessionTime == "" {
		sessionTime = "10:00"
	}
	day := 0 // the working day of the session before
	for i, st := range stages {
		// A session keeps its day of the guide, unless that day's slot is
		// taken by the 1:1 or the time together: then it moves to the
		// next working day that is free, and the later sessions follow.
		day = max(st.SessionDay, day+1)
		for clashes(busy, at(onboarding.WorkingDay(start, day), sessionTime), st.SessionMinutes) {
			day++
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
			Start:       at(onboarding.WorkingDay(start, day), sessionTime),
			Minutes:     st.SessionMinutes,
		})
	}
	return append(events, checkpointEvents(o, pair, sessionTime, events)...)
}

// checkpointEvents marks each 1:1 that takes checkpoints: the weekly
// occurrence itself when the 1:1 is agreed, or else a half hour of its
// own on the checkpoint's day, straight after a session already booked
// at that hour.
func checkpointEvents(o *onboarding.Onboarding, pair, sessionTime string, booked []Event) []Event {
	c := o.Roles.Cadence
	weekly := false
	if _, ok := onboarding.Weekday(c.Day); ok && c.Time != "" {
		weekly = true
	}
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
		e := Event{
			UID:         o.ID + "-checkpoint-" + byDate[date][0].ID + "@counterpart",
			Summary:     "Onboarding checkpoint: " + pair,
			Description: "On the agenda from the first ninety days:\n" + strings.Join(lines, "\n"),
			Start:       at(d, sessionTime),
			Minutes:     CheckpointMinutes,
		}
		for !weekly {
			end, clash := overlaps(booked, e.Start, e.Minutes)
			if !clash {
				break
			}
			e.Start = end
		}
		if weekly {
			e.UID = o.ID + "-weekly@counterpart"
			e.Summary = "Weekly 1:1 and checkpoint: " + pair
			e.Description = "Our weekly hour, with these on the agenda from the first ninety days:\n" + strings.Join(lines, "\n")
			e.Minutes = orDefault(c.Minutes, onboarding.RecommendedMinutes)
			e.RecurrenceOf = e.Start
		}
		events = append(events, e)
	}
	return events
}

// overlaps reports whether an event at start for minutes overlaps one of
// the one-off events booked, and when that one ends.
func overlaps(booked []Event, start time.Time, minutes int) (time.Time, bool) {
	end := start.Add(time.Duration(minutes) * time.Minute)
	for _, b := range booked {
		bEnd := b.Start.Add(time.Duration(b.Minutes) * time.Minute)
		if b.RRule == "" && start.Before(bEnd) && b.Start.Before(end) {
			return bEnd, true
		}
	}
	return time.Time{}, false
}

// CheckpointMinutes is how long a checkpoint is booked for when there is
// no weekly 1:1 to hold it.
const CheckpointMinutes = 30

// slot is a recurring event's time, on the days it falls on.
type slot struct {
	on      func(day time.Time) bool
	clock   time.Time // its wall-clock time; only the hour counts
	minutes int
}

// clashes reports whether an event at start for minutes overlaps a
// recurring slot on that day.
func clashes(busy []slot, start time.Time, minutes int) bool {
	day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	for _, b := range busy {
		if !b.on(day) {
			continue
		}
		from := at(day, b.clock.Format("15:04"))
		if start.Before(from.Add(time.Duration(b.minutes)*time.Minute)) && from.Before(start.Add(time.Duration(minutes)*time.Minute)) {
			return true
		}
	}
	return false
}

// SocialMinutes is how long the time together is booked for: a lunch.
const SocialMinutes = 90

// ICS is the onboarding's calendar file. zone may be nil for floating
// times; stamp is when the file is made (DTSTAMP).
func ICS(o *onboarding.Onboarding, zone Zone, stamp time.Time) string {
	return Encode(o.Title, Events(o, guide.Stages()), zone, stamp)
}

// Encode writes events as an iCalendar file.
func Encode(name string, events []Event, zone Zone, stamp time.Time) string {
	var w icsWriter
	w.prop("BEGIN", "VCALENDAR")
	w.prop("VERSION", "2.0")
	w.prop("PRODID", "-//Counterpart//Peer onboarding//EN")
	w.prop("CALSCALE", "GREGORIAN")
	w.prop("METHOD", "PUBLISH")
	w.prop("X-WR-CALNAME", Text(name))
	tzid := ""
	if zone != nil && onboarding.ValidZoneName(zone.Name()) && zone.Name() != "" && len(events) > 0 {
		tzid = zone.Name()
		first := events[0].Start
		for _, e := range events {
			if e.Start.Before(first) {
				first = e.Start
			}
		}
		// Rules start the year before the first event, so every event
		// falls after an onset and its offset is never in doubt.
		for _, l := range timezone(zone, first.Year()-1) {
			w.line(l)
		}
	}
	dt := func(t time.Time) string { return t.Format("20060102T150405") }
	param := ""
	if tzid != "" {
		param = ";TZID=" + tzid
	}
	for _, e := range events {
		w.prop("BEGIN", "VEVENT")
		w.prop("UID", Text(e.UID))
		w.prop("DTSTAMP", stamp.UTC().Format("20060102T150405Z"))
		w.line("DTSTART" + param + ":" + dt(e.Start))
		w.line("DTEND" + param + ":" + dt(e.Start.Add(time.Duration(e.Minutes)*time.Minute)))
		if !e.RecurrenceOf.IsZero() {
			w.line("RECURRENCE-ID" + param + ":" + dt(e.RecurrenceOf))
		}
		if e.RRule != "" {
			w.prop("RRULE", e.RRule)
		}
		w.prop("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			w.prop("DESCRIPTION", Text(e.Description))
		}
		w.prop("END", "VEVENT")
	}
	w.prop("END", "VCALENDAR")
	return w.b.String()
}

// icsWriter folds and terminates content lines.
type icsWriter struct{ b strings.Builder }

func (w *icsWriter) prop(name, value string) { w.line(name + ":" + value) }

// line writes one content line, folded so that no line is longer than 75
// octets without its CRLF. A fold never splits a UTF-8 sequence, and each
// continuation starts with one space.
func (w *icsWriter) line(l string) {
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		w.b.WriteString(l[:cut])
		w.b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	w.b.WriteString(l)
	w.b.WriteString("\r\n")
}

// Text escapes a TEXT value: backslash, semicolon, comma and line breaks,
// as RFC 5545 section 3.3.11 asks. Unicode's other line breaks (next line
// U+0085, line and paragraph separators U+2028 and U+2029) are escaped
// as line breaks too: a reader that splits lines on them would otherwise
// read the rest as a property of its own, such as "SUMMARY:...". Other
// control characters, C0 and C1, are dropped.
func Text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

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
