package guide

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// The example is read by people deciding whether to trust the app, so it
// must not contradict itself wherever a program can tell: its dates fall
// on working days (and on the weekdays its text gives them), its 1:1s on
// the agreed day, its counts match its own lists, and its 1:1 agendas hold
// what the app's own rules would have put there.

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		months[m.String()] = m
	}
}

// textDate finds dates written out in text: "17 December", "Thursday 10
// December", "1 April 2027".
var textDate = regexp.MustCompile(`\b(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) )?(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)(?: (\d{4}))?\b`)

// stringsIn gathers every string in a value, with where it is.
func stringsIn(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			stringsIn(v.Elem(), path, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				stringsIn(v.Field(i), path+"."+v.Type().Field(i).Name, out)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			stringsIn(v.Index(i), path+"["+strconv.Itoa(i)+"]", out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			stringsIn(v.MapIndex(k), path+"{"+k.String()+"}", out)
		}
	case reflect.String:
		if v.String() != "" {
			out[path] = v.String()
		}
	}
}

func workingDay(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

// yearOf places a date written without a year in the year that puts it
// nearest the start date.
func yearOf(day int, month time.Month, start time.Time) time.Time {
	best := time.Time{}
	for y := start.Year() - 1; y <= start.Year()+1; y++ {
		d := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		if best.IsZero() || absDays(d.Sub(start)) < absDays(best.Sub(start)) {
			best = d
		}
	}
	return best
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// checkDates reports dates in texts that are no working day or not the
// weekday written beside them.
func checkDates(texts map[string]string, start time.Time) []string {
	var problems []string
	for where, text := range texts {
		for _, m := range textDate.FindAllStringSubmatch(text, -1) {
			day, _ := strconv.Atoi(m[2])
			d := yearOf(day, months[m[3]], start)
			if year, err := strconv.Atoi(m[4]); err == nil {
				d = time.Date(year, months[m[3]], day, 0, 0, 0, 0, time.UTC)
			}
			switch {
			case d.Day() != day:
				problems = append(problems, where+": "+m[0]+" is no date")
			case m[1] != "" && m[1] != d.Weekday().String():
				problems = append(problems, where+": "+m[0]+" is a "+d.Weekday().String())
			case !workingDay(d):
				problems = append(problems, where+": "+m[0]+" falls on a "+d.Weekday().String())
			}
		}
	}
	return problems
}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

func number(word string) (int, bool) {
	n, ok := numberWords[strings.ToLower(word)]
	return n, ok
}

// checkCounts reports counts in the example's 1:1 notes that its own
// lists contradict: the areas the two see differently, how many of them
// a 1:1 took, and how many wait in the queue.
// gridVerdicts counts the verdicts of the answers as given on the grid,
// before any area was settled in a 1:1: what the notes of the first 1:1s
// talk about.
func gridVerdicts(o *onboarding.Onboarding) map[onboarding.Verdict]int {
	counts := map[onboarding.Verdict]int{}
	for _, r := range o.Roles.Rows {
		counts[onboarding.Judge(o, r.Owners[o.Buddy.ID], r.Owners[o.Newcomer.ID])]++
	}
	return counts
}

func checkCounts(o *onboarding.Onboarding) []string {
	var problems []string
	counts := gridVerdicts(o)
	mismatches := 0
	for v, n := range counts {
		if v.Mismatch() {
			mismatches += n
		}
	}
	roleItems := func(sources []string) int {
		n := 0
		for _, s := range sources {
			if strings.HasPrefix(s, "roles:") {
				n++
			}
		}
		return n
	}
	var queued []string
	for _, q := range o.Agenda {
		queued = append(queued, q.Source)
	}
	differently := regexp.MustCompile(`(?i)\b(\w+) areas? we see differently`)
	took := regexp.MustCompile(`(?i)\b(\w+) of the (\w+) areas?`)
	waiting := regexp.MustCompile(`(?i)\b(\w+) areas? (?:are|is) queued`)
	for _, m := range o.Meetings {
		var sources []string
		for _, it := range m.Items {
			sources = append(sources, it.Source)
		}
		for _, text := range []string{m.Notes, m.Decisions} {
			for _, g := range differently.FindAllStringSubmatch(text, -1) {
				if n, ok := number(g[1]); ok && n != mismatches {
					problems = append(problems, "the 1:1 of "+m.Date+" says "+g[0]+"; the grid has "+strconv.Itoa(mismatches))
				}
			}
			for _, g := range took.FindAllStringSubmatch(text, -1) {
				if n, ok := number(g[1]); ok && n != roleItems(sources) {
					problems = append(problems, "the 1:1 of "+m.Date+" says "+g[0]+"; its agenda has "+strconv.Itoa(roleItems(sources))+" role areas")
				}
			}
			for _, g := range waiting.FindAllStringSubmatch(text, -1) {
				if n, ok := number(g[1]); ok && m.ID == o.LatestMeeting().ID && n != roleItems(queued) {
					problems = append(problems, "the 1:1 of "+m.Date+" says "+g[0]+"; the queue holds "+strconv.Itoa(roleItems(queued)))
				}
			}
		}
	}
	return problems
}

func TestExampleFactsHold(t *testing.T) {
	o, err := ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	start, err := time.Parse("2006-01-02", o.StartDate)
	if err != nil || !workingDay(start) {
		t.Fatalf("the start date %q is no working day", o.StartDate)
	}

	// Every date field is a working day; the 1:1s fall on the agreed day.
	fields := map[string]string{}
	for _, m := range o.Meetings {
		fields["the 1:1 of "+m.Date] = m.Date
		for _, it := range m.Items {
			fields["an item raised on "+it.Raised] = it.Raised
		}
		if w, _ := onboarding.Weekday(o.Roles.Cadence.Day); !strings.EqualFold(mustDate(t, m.Date).Weekday().String(), w.String()) {
			t.Errorf("the 1:1 of %s is not on a %s", m.Date, o.Roles.Cadence.Day)
		}
	}
	for _, c := range o.Commitments {
		fields["commitment "+c.What] = c.Due
	}
	for _, s := range o.Roles.Cadence.Shared {
		if s.LastHeld != "" {
			fields[s.Name+" held"] = s.LastHeld
		}
	}
	for where, date := range fields {
		if !workingDay(mustDate(t, date)) {
			t.Errorf("%s: %s is a %s", where, date, mustDate(t, date).Weekday())
		}
	}

	// Dates in the text.
	texts := map[string]string{}
	stringsIn(reflect.ValueOf(o).Elem(), "o", texts)
	for _, p := range checkDates(texts, start) {
		t.Error(p)
	}

	// Counts in the notes.
	for _, p := range checkCounts(o) {
		t.Error(p)
	}

	// The two sides of the role agreement are done in the first two
	// weeks, as the guide asks.
	tenth := onboarding.WorkingDay(start, 10).Add(24 * time.Hour)
	for _, p := range []onboarding.Person{o.Buddy, o.Newcomer} {
		if s := o.Roles.SideOf(p.ID); !s.Updated.Before(tenth) {
			t.Errorf("%s finished their side of the role agreement on %s, after the first two weeks", p.Name, s.Updated.Format("2 January"))
		}
	}

	// A kept or missed commitment was due by the example's today; an open
	// one is due after the 1:1 that made it.
	for _, c := range o.Commitments {
		m := onboarding.Find(o.Meetings, c.Meeting)
		switch {
		case m == nil:
			t.Errorf("commitment %q names no 1:1", c.What)
		case c.Status != onboarding.Open && c.Due > o.Updated.Format("2006-01-02"):
			t.Errorf("commitment %q is %s before its due date %s", c.What, c.Status, c.Due)
		case c.Due < m.Date:
			t.Errorf("commitment %q was due before the 1:1 that made it", c.What)
		}
	}

	// Each 1:1 holds the checkpoints the app would have put on it.
	replay := *o
	replay.Meetings = nil
	replay.Agenda = nil
	byDate := o.MeetingsByDate()
	for i := len(byDate) - 1; i >= 0; i-- {
		m := byDate[i]
		var want, got []string
		for _, c := range onboarding.CheckpointsDue(&replay, m.Date) {
			want = append(want, c.ID+": "+c.Agenda)
		}
		for _, it := range m.Items {
			if c, ok := onboarding.CheckpointFor(it.Source); ok && it.Origin == "" {
				got = append(got, c.ID+": "+it.Text)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("the 1:1 of %s has these checkpoints:\n%s\nthe app would have added:\n%s", m.Date, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		replay.Meetings = append(replay.Meetings, *m)
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatalf("%q is no date", s)
	}
	return d
}

// The checks themselves catch what they should.
func TestExampleChecksCatchMistakes(t *testing.T) {
	start := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	problems := strings.Join(checkDates(map[string]string{
		"a": "The board meets on Saturday 12 December.",
		"b": "The pack locks on Tuesday 10 December.",
		"c": "Renewals fall on 9 January.",
		"d": "We meet on Thursday 17 December and 1 April 2027.",
	}, start), "\n")
	for _, want := range []string{"a: Saturday 12 December falls on a Saturday", "b: Tuesday 10 December is a Thursday", "c: 9 January falls on a Saturday"} {
		if !strings.Contains(problems, want) {
			t.Errorf("missed %q in:\n%s", want, problems)
		}
	}
	if strings.Contains(problems, "d:") {
		t.Errorf("a right date was flagged:\n%s", problems)
	}

	o, err := ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	last := o.LatestMeeting()
	last.Notes += "\nWe still have nine areas we see differently, and seven areas are queued."
	got := strings.Join(checkCounts(o), "\n")
	if !strings.Contains(got, "nine areas we see differently") || !strings.Contains(got, "seven areas are queued") {
		t.Errorf("wrong counts went unnoticed: %q", got)
	}
}
