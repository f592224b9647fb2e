package calendar

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"counterpart/app/onboarding"
)

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
		if e.AllDay {
			// A whole day has no time, so no zone: it is that date
			// wherever the calendar is.
			w.line("DTSTART;VALUE=DATE:" + e.Start.Format("20060102"))
			w.line("DTEND;VALUE=DATE:" + e.Start.AddDate(0, 0, 1).Format("20060102"))
			w.prop("TRANSP", "TRANSPARENT")
		} else {
			w.line("DTSTART" + param + ":" + dt(e.Start))
			w.line("DTEND" + param + ":" + dt(e.Start.Add(time.Duration(e.Minutes)*time.Minute)))
		}
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
		for _, a := range e.Alarms {
			w.prop("BEGIN", "VALARM")
			w.prop("ACTION", "DISPLAY")
			w.prop("TRIGGER", "-"+duration(a.Before))
			w.prop("DESCRIPTION", Text(a.Text))
			w.prop("END", "VALARM")
		}
		w.prop("END", "VEVENT")
	}
	w.prop("END", "VCALENDAR")
	return w.b.String()
}

// duration writes a span of time as an iCalendar duration (RFC 5545
// section 3.3.6), such as P1D or PT15H; whole days as days, the rest in
// hours and minutes.
func duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	days := d / (24 * time.Hour)
	d -= days * 24 * time.Hour
	s := "P"
	if days > 0 {
		s += strconv.Itoa(int(days)) + "D"
	}
	if d > 0 || days == 0 {
		s += "T"
		if h := d / time.Hour; h > 0 {
			s += strconv.Itoa(int(h)) + "H"
		}
		if m := (d % time.Hour) / time.Minute; m > 0 || d < time.Hour {
			s += strconv.Itoa(int(m)) + "M"
		}
	}
	return s
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
