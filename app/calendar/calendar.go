// Package calendar writes an onboarding's cadence as an iCalendar file
// (RFC 5545) that common calendar apps import: the weekly 1:1 and the
// time together as recurring events, the working sessions the pair booked
// for the stages of the guide, and the checkpoints of the first ninety
// days, each with a reminder the day before.
//
// The package reads in three files: schedule.go has the rules of what
// goes in the calendar and when; ics.go writes events as a file; and
// timezone.go works out a zone's rules.
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
	"time"

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

// Event is one event, recurring or not, at a wall-clock time, or on a
// whole day.
type Event struct {
	UID         string
	Summary     string
	Description string
	Start       time.Time // the wall-clock date and time, in UTC as a carrier
	Minutes     int
	// AllDay makes the event the whole of Start's date, with no time.
	AllDay bool
	RRule  string // such as "FREQ=WEEKLY;BYDAY=TH"; empty for one event
	// RecurrenceOf, when set, makes the event a changed occurrence of the
	// recurring event with the same UID: the one that starts then.
	RecurrenceOf time.Time
	// Alarms are the reminders the calendar app gives before the event.
	Alarms []Alarm
}

// Alarm is a reminder: Before the event starts, it shows Text.
type Alarm struct {
	Before time.Duration
	Text   string
}

// ICS is the onboarding's calendar file. zone may be nil for floating
// times; stamp is when the file is made (DTSTAMP).
func ICS(o *onboarding.Onboarding, zone Zone, stamp time.Time) string {
	return Encode(o.Title, Events(o, guide.Stages()), zone, stamp)
}
