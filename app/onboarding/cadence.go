package onboarding

import (
	"strings"
	"time"
)

// The changes a person makes to how the two keep meeting. Each leaves the
// cadence as valid as Normalize would: a value that is not one changes
// nothing.

// SetDay sets the weekday of the weekly 1:1, or clears it with "". The
// calendar file needs a time zone: when none is set, the device's zone is
// taken, as the likeliest, if it is a valid name. It reports whether day
// is one the 1:1 can fall on.
func (c *Cadence) SetDay(day, deviceZone string) bool {
	if day != "" && !isWeekday(day) {
		return false
	}
	c.Day = day
	if c.Zone == "" && deviceZone != "" && ValidZoneName(deviceZone) {
		c.Zone = deviceZone
	}
	return true
}

func isWeekday(day string) bool {
	for _, d := range Weekdays {
		if d == day {
			return true
		}
	}
	return false
}

// SetTime sets the time of the weekly 1:1 (HH:MM), or clears it with "".
// It says what is wrong with a time that is not one, and keeps the old.
func (c *Cadence) SetTime(t string) string { return setTime(&c.Time, t) }

// SetSocialTime sets the time of the time together, like SetTime.
func (c *Cadence) SetSocialTime(t string) string { return setTime(&c.SocialTime, t) }

func setTime(field *string, t string) string {
	if msg := CheckTime(t); msg != "" {
		return msg
	}
	*field = t
	return ""
}

// SetMinutes sets how long the weekly 1:1 is; 0 means not chosen.
func (c *Cadence) SetMinutes(n int) bool {
	if n < 0 || n > maxMinutes {
		return false
	}
	c.Minutes = n
	return true
}

// ShorterThanRecommended reports whether the pair chose a weekly 1:1
// shorter than the guide recommends (not choosing is not shorter: the
// calendar then books the recommended length).
func (c Cadence) ShorterThanRecommended() bool {
	return c.Minutes > 0 && c.Minutes < RecommendedMinutes
}

// maxMinutes is the longest a 1:1 can be booked for: a working day.
const maxMinutes = 480

// SetZone sets the time zone of the 1:1 (an IANA name such as
// Europe/London), or clears it with "". It reports whether the name could
// be one; whether the browser knows it, only the browser can tell.
func (c *Cadence) SetZone(name string) bool {
	name = strings.TrimSpace(name)
	if !ValidZoneName(name) {
		return false
	}
	c.Zone = name
	return true
}

// SetSocial says in words what the time together is.
func (c *Cadence) SetSocial(s string) { c.Social = Clip(s, MaxShort) }

// SetSocialEvery sets how often the time together goes in the calendar
// (Monthly or Quarterly), or takes it out with "". It reports whether
// every was one of those; another value changes nothing.
func (c *Cadence) SetSocialEvery(every string) bool {
	if every != "" && every != Monthly && every != Quarterly {
		return false
	}
	c.SocialEvery = every
	return true
}

// SetSocialDay sets the weekday whose second one in the month holds the
// time together (a lower-case day, like Weekdays), or clears it with "".
// It reports whether day was one.
func (c *Cadence) SetSocialDay(day string) bool {
	if day != "" && !isSocialDay(day) {
		return false
	}
	c.SocialDay = day
	return true
}

// isSocialDay reports whether day names a day of the week as the model
// stores it: in lower case.
func isSocialDay(day string) bool {
	_, ok := Weekday(day)
	return ok && day == strings.ToLower(day)
}

// sessionLayout is how a session's date and time are written, as a
// browser's date-and-time field gives them.
const sessionLayout = "2006-01-02T15:04"

// SetSession books the working session of a stage at a local date and
// time (YYYY-MM-DDTHH:MM), or takes it out of the calendar with "". It
// says what is wrong with a value that is not one, and keeps the old.
func (c *Cadence) SetSession(stage Stage, at string) string {
	f := c.Sessions.of(stage)
	if f == nil {
		return "there is no such stage"
	}
	if msg := CheckSession(at); msg != "" {
		return msg
	}
	*f = at
	return ""
}

// CheckSession says what is wrong with a session's date and time, or ""
// when it is one (or empty).
func CheckSession(at string) string {
	if at == "" {
		return ""
	}
	if _, err := time.Parse(sessionLayout, at); err != nil {
		return "enter the date and time of the session, such as 2026-11-03 at 10:00"
	}
	return ""
}

// SessionTime is when a stage's session is booked, as a wall-clock time
// carried in UTC; ok is false when none is.
func (c Cadence) SessionTime(stage Stage) (t time.Time, ok bool) {
	t, err := time.Parse(sessionLayout, c.Sessions.At(stage))
	return t, err == nil
}

// ZoneOr is the time zone of the 1:1: the one the pair chose, or else
// the device's, which is the likeliest.
func (c Cadence) ZoneOr(device string) string {
	if c.Zone != "" {
		return c.Zone
	}
	if ValidZoneName(device) {
		return device
	}
	return ""
}
