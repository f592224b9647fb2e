package onboarding

import "strings"

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
