// Package words writes dates, lengths of time, counts and sentences the
// way Counterpart shows them, in its pages and in the documents it makes,
// so that each is written one way everywhere.
package words

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Capitalize puts the first letter of s in upper case.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Sentence makes a phrase, such as an error's message, into a sentence:
// capitalized, and ending with a full stop unless it already ends with
// a mark of its own.
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = Capitalize(s)
	if r, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?…", r) {
		s += "."
	}
	return s
}

const dateLayout = "2006-01-02"

// dateAs writes a YYYY-MM-DD date in layout, or "" when it is not a date.
func dateAs(date, layout string) string {
	d, err := time.Parse(dateLayout, date)
	if err != nil {
		return ""
	}
	return d.Format(layout)
}

// LongDate writes a YYYY-MM-DD date as "Thursday 19 November 2026", or ""
// when it is not a date.
func LongDate(date string) string { return dateAs(date, "Monday 2 January 2006") }

// Date writes a YYYY-MM-DD date as "19 November 2026", or "".
func Date(date string) string { return dateAs(date, "2 January 2006") }

// DayAndMonth writes a YYYY-MM-DD date as "Thursday 19 November", for a
// date whose year goes without saying, or "".
func DayAndMonth(date string) string { return dateAs(date, "Monday 2 January") }

// Duration writes a length of time given in minutes: "45 minutes", "one
// hour", "2 hours".
func Duration(minutes int) string {
	switch {
	case minutes == 60:
		return "one hour"
	case minutes > 0 && minutes%60 == 0:
		return strconv.Itoa(minutes/60) + " hours"
	}
	return strconv.Itoa(minutes) + " minutes"
}

// Count writes a number of things: "1 entry", "3 entries".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}

// Thousands writes a whole number with thousands separators: 11,022.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// Clip shortens a text to at most max characters for a message, marking
// the cut with an ellipsis.
func Clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// NameAndRole writes a person with their title, "Dana Okafor (CTO)", or
// the name alone when there is no title.
func NameAndRole(name, role string) string {
	if strings.TrimSpace(role) == "" {
		return name
	}
	return name + " (" + role + ")"
}

// Ago says how long before now t was: "just now", "3 hours ago",
// "yesterday", "12 days ago".
func Ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return Count(int(d/time.Minute), "minute", "minutes") + " ago"
	case d < 24*time.Hour:
		return Count(int(d/time.Hour), "hour", "hours") + " ago"
	case d < 48*time.Hour:
		return "yesterday"
	}
	return Count(int(d/(24*time.Hour)), "day", "days") + " ago"
}

// Bytes writes a size as a person reads it: "420 KB", "4.2 MB", "1.2 GB".
func Bytes(n int64) string {
	switch {
	case n < 1000:
		return Count(int(n), "byte", "bytes")
	case n < 1_000_000:
		return strconv.FormatInt((n+500)/1000, 10) + " KB"
	case n < 10_000_000:
		return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB"
	case n < 1_000_000_000:
		return strconv.FormatInt((n+500_000)/1_000_000, 10) + " MB"
	}
	return strconv.FormatFloat(float64(n)/1e9, 'f', 1, 64) + " GB"
}

// Title makes a card title from free text.
func Title(s string) string {
	title, _ := SplitTitle(s)
	return title
}

// SplitTitle cuts free text into a title, its first line without Markdown
// list or emphasis marks, and the body still to show under it: the lines
// after the first, or all of it when the first line was too long to be a
// title and had to be shortened.
func SplitTitle(s string) (title, body string) {
	s = strings.TrimSpace(s)
	line, rest, _ := strings.Cut(s, "\n")
	line = strings.TrimLeft(line, "-*#> ")
	line = strings.NewReplacer("**", "", "__", "").Replace(line)
	if r := []rune(line); len(r) > 140 {
		return string(r[:138]) + "…", s
	}
	return line, strings.TrimSpace(rest)
}
