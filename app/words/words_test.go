package words

import (
	"strings"
	"testing"
	"time"
)

func TestWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Capitalize("monday"), "Monday"},
		{Capitalize("éte"), "Éte"},
		{Capitalize(""), ""},
		{Sentence("choose the date of the 1:1"), "Choose the date of the 1:1."},
		{Sentence("This link is damaged."), "This link is damaged."},
		{Sentence("  "), ""},
		{LongDate("2026-11-19"), "Thursday 19 November 2026"},
		{LongDate("2026-02-30"), ""},
		{LongDate("next week"), ""},
		{Date("2026-03-02"), "2 March 2026"},
		{DayAndMonth("2026-03-02"), "Monday 2 March"},
		{Duration(45), "45 minutes"},
		{Duration(60), "one hour"},
		{Duration(90), "90 minutes"},
		{Duration(120), "2 hours"},
		{Count(1, "entry", "entries"), "1 entry"},
		{Count(0, "entry", "entries"), "0 entries"},
		{Count(1200, "entry", "entries"), "1,200 entries"},
		{Thousands(11022), "11,022"},
		{Thousands(999), "999"},
		{Thousands(-1234567), "-1,234,567"},
		{Clip("abcdef", 3), "abc…"},
		{Clip("abc", 3), "abc"},
		{NameAndRole("Dana", "CTO"), "Dana (CTO)"},
		{NameAndRole("Dana", " "), "Dana"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestAgoAndBytes(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{Ago(now.Add(-20*time.Second), now), "just now"},
		{Ago(now.Add(-1*time.Minute), now), "1 minute ago"},
		{Ago(now.Add(-59*time.Minute), now), "59 minutes ago"},
		{Ago(now.Add(-3*time.Hour), now), "3 hours ago"},
		{Ago(now.Add(-30*time.Hour), now), "yesterday"},
		{Ago(now.Add(-12*24*time.Hour), now), "12 days ago"},
		{Bytes(1), "1 byte"},
		{Bytes(999), "999 bytes"},
		{Bytes(420_300), "420 KB"},
		{Bytes(4_200_000), "4.2 MB"},
		{Bytes(56_700_000), "57 MB"},
		{Bytes(1_234_000_000), "1.2 GB"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	long := strings.Repeat("a", 150)
	for _, c := range []struct{ in, title, body string }{
		{"Churn is up\nIn the north region", "Churn is up", "In the north region"},
		{"  - **Churn** is up  ", "Churn is up", ""},
		{"## Hiring\n\n- two posts open", "Hiring", "- two posts open"},
		{"> quoted line", "quoted line", ""},
		{long + "\nmore", strings.Repeat("a", 138) + "…", long + "\nmore"},
		{"", "", ""},
	} {
		title, body := SplitTitle(c.in)
		if title != c.title || body != c.body {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", c.in, title, body, c.title, c.body)
		}
		if got := Title(c.in); got != c.title {
			t.Errorf("Title(%q) = %q, want %q", c.in, got, c.title)
		}
	}
}
