package calendar

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"counterpart/app/guide"
	"counterpart/app/onboarding"

	_ "time/tzdata" // the tests need zones whatever the machine has
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var stamp = time.Date(2026, 11, 21, 10, 5, 0, 0, time.UTC)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func zone(t *testing.T, name string) Zone {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return Location{loc}
}

// pair is a fresh onboarding with a fixed ID, so UIDs are stable.
func pair(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o := onboarding.New(onboarding.Draft{
		MyName: "Dana Okafor", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Priya Raman", PeerRole: "CFO", PeerFunction: onboarding.Finance,
		StartDate: "2026-11-02",
	}, t0)
	o.ID = "11111111-2222-4333-8444-555555555555"
	return o
}

func example(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// goldens are the calendars pinned in testdata/, and checked against the
// RFC's rules.
func goldens(t *testing.T) map[string]string {
	t.Helper()
	floating := pair(t)
	floating.Roles.Cadence = onboarding.Cadence{Day: "monday", Time: "16:00", Minutes: 45}

	sydney := pair(t)
	sydney.Title = "Ünïcödé, commas; semicolons \\ backslashes — and a title long enough to need folding twice over, at least once in the middle of a multi-byte letter: ééééééééé"
	sydney.Newcomer.Name = "Zoë, \"the new one\"; CFO"
	sydney.Roles.Cadence = onboarding.Cadence{Day: "tuesday", Time: "09:15", Minutes: 60, Zone: "Australia/Sydney",
		Social: "Dinner, then a walk;\nsomething new each time", SocialEvery: onboarding.Quarterly, SocialDay: "friday", SocialTime: "18:30",
		Sessions: onboarding.Sessions{Data: "2026-11-02T10:00", Roles: "2026-11-12T16:30"}}

	return map[string]string{
		"example-london":  ICS(example(t), zone(t, "Europe/London"), stamp),
		"floating":        ICS(floating, nil, stamp),
		"sydney-escaping": ICS(sydney, zone(t, "Australia/Sydney"), stamp),
	}
}

func TestGolden(t *testing.T) {
	for name, got := range goldens(t) {
		file := filepath.Join("testdata", name+".ics")
		if *update {
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./app/calendar -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; run with -update if the change is intended", name, file)
		}
	}
}

// Every calendar we write follows RFC 5545's rules.
func TestFilesFollowTheRFC(t *testing.T) {
	all := goldens(t)
	for _, name := range []string{"America/New_York", "Asia/Tokyo", "UTC", "Asia/Kolkata", "America/Sao_Paulo"} {
		o := example(t)
		o.Roles.Cadence.Zone = name
		all[name] = ICS(o, zone(t, name), stamp)
	}
	for name, ics := range all {
		for _, problem := range checkRFC(ics) {
			t.Errorf("%s: %s", name, problem)
		}
	}
	// The checker itself catches what it should.
	bad := "BEGIN:VCALENDAR\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:a, b\r\nX:" + strings.Repeat("X", 80) + "\r\nEND:VEVENT\r\nBEGIN:VTODO\r\nEND:VCALENDAR\r\n"
	bad += "BEGIN:VEVENT\r\nUID:w\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261105T083000\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID:20261106T083000\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261106T083000\r\nEND:VEVENT\r\n"
	bad += "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-1D\r\nEND:VALARM\r\n"
	problems := strings.Join(checkRFC(bad), "\n")
	for _, want := range []string{"bare line feed", "longer than 75", "no PRODID", "unescaped", "BEGIN:VTODO has no END", "no UID", "is no occurrence", "TRIGGER is not a duration", "VALARM has 0 DESCRIPTION"} {
		if !strings.Contains(problems, want) {
			t.Errorf("the checker misses %q in a bad file; it found:\n%s", want, problems)
		}
	}
}

// checkRFC lists how a file breaks the rules RFC 5545 sets for content
// lines, components, required properties and TEXT values.
func checkRFC(ics string) []string {
	var problems []string
	fail := func(s string) { problems = append(problems, s) }
	if !strings.HasSuffix(ics, "\r\n") {
		fail("the file does not end with CRLF")
	}
	if strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\n") {
		fail("a bare line feed: lines must end with CRLF")
	}
	if strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\r") {
		fail("a bare carriage return")
	}
	physical := strings.Split(strings.TrimSuffix(strings.ReplaceAll(ics, "\r\n", "\n"), "\n"), "\n")
	var lines []string
	for _, l := range physical {
		if len(l) > 75 {
			fail("a line longer than 75 octets: " + l)
		}
		if !utf8.ValidString(l) {
			fail("a fold splits a UTF-8 sequence: " + l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				fail("the file starts with a continuation line")
				continue
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}

	type component struct {
		name  string
		props map[string][]string // by property name, the raw values
		tzids []string
	}
	var stack []*component
	var done []*component
	tzUsed := map[string]bool{}
	for _, l := range lines {
		colon := strings.IndexByte(l, ':')
		if colon < 0 {
			fail("a line with no colon: " + l)
			continue
		}
		head, value := l[:colon], l[colon+1:]
		name, params, _ := strings.Cut(head, ";")
		switch name {
		case "BEGIN":
			stack = append(stack, &component{name: value, props: map[string][]string{}})
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].name != value {
				fail("END:" + value + " does not close the open component")
				continue
			}
			done = append(done, stack[len(stack)-1])
			stack = stack[:len(stack)-1]
			continue
		}
		if len(stack) == 0 {
			fail("a property outside any component: " + l)
			continue
		}
		c := stack[len(stack)-1]
		c.props[name] = append(c.props[name], value)
		for _, p := range strings.Split(params, ";") {
			if id, ok := strings.CutPrefix(p, "TZID="); ok {
				tzUsed[id] = true
			}
		}
		switch name {
		case "SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "UID":
			for i := 0; i < len(value); i++ {
				switch value[i] {
				case '\\':
					if i+1 >= len(value) || !strings.ContainsRune(`\;,nN`, rune(value[i+1])) {
						fail("a backslash that escapes nothing in " + name)
					}
					i++
				case ';', ',':
					fail("an unescaped " + string(value[i]) + " in " + name + ": " + value)
				}
			}
		}
	}
	for _, c := range stack {
		fail("BEGIN:" + c.name + " has no END")
		done = append(done, c) // still check what it holds
	}
	tzDefined := map[string]bool{}
	uids := map[string]bool{}
	series := map[string]*component{}
	var overrides []*component
	once := func(c *component, props ...string) {
		for _, p := range props {
			if n := len(c.props[p]); n != 1 {
				fail(c.name + " has " + strconv.Itoa(n) + " " + p + ", want one")
			}
		}
	}
	var cal *component
	for _, c := range done {
		switch c.name {
		case "VCALENDAR":
			cal = c
			if len(c.props["PRODID"]) != 1 {
				fail("no PRODID")
			}
			if v := c.props["VERSION"]; len(v) != 1 || v[0] != "2.0" {
				fail("VERSION is not 2.0")
			}
		case "VEVENT":
			if len(c.props["UID"]) != 1 {
				fail("a VEVENT has no UID")
			} else {
				// A changed occurrence shares its series' UID; the
				// pair of UID and RECURRENCE-ID names one event.
				key := c.props["UID"][0] + " " + strings.Join(c.props["RECURRENCE-ID"], "")
				if uids[key] {
					fail("UID used twice: " + key)
				}
				uids[key] = true
				if rid := c.props["RECURRENCE-ID"]; len(rid) > 0 {
					overrides = append(overrides, c)
				} else if len(c.props["RRULE"]) > 0 {
					series[c.props["UID"][0]] = c
				}
			}
			once(c, "DTSTAMP", "DTSTART")
			if st := c.props["DTSTAMP"]; len(st) == 1 && !regexp.MustCompile(`^\d{8}T\d{6}Z$`).MatchString(st[0]) {
				fail("DTSTAMP is not UTC: " + st[0])
			}
		case "VALARM":
			once(c, "ACTION", "TRIGGER", "DESCRIPTION")
			if tr := c.props["TRIGGER"]; len(tr) == 1 && !regexp.MustCompile(`^[-+]?P(\d+W|\d+D(T(\d+H)?(\d+M)?(\d+S)?)?|T(\d+H)?(\d+M)?(\d+S)?)$`).MatchString(tr[0]) {
				fail("TRIGGER is not a duration: " + tr[0])
			}
		case "VTIMEZONE":
			once(c, "TZID")
			if len(c.props["TZID"]) == 1 {
				tzDefined[c.props["TZID"][0]] = true
			}
		case "STANDARD", "DAYLIGHT":
			once(c, "DTSTART", "TZOFFSETFROM", "TZOFFSETTO")
		}
	}
	// A changed occurrence must be one the series really has: same
	// start as its RECURRENCE-ID, on the series' weekday, not before it.
	for _, c := range overrides {
		uid, rid := c.props["UID"][0], c.props["RECURRENCE-ID"][0]
		sr := series[uid]
		if sr == nil {
			fail("RECURRENCE-ID for no recurring event: " + uid)
			continue
		}
		if st := c.props["DTSTART"]; len(st) != 1 || st[0] != rid {
			fail("an occurrence moved from its RECURRENCE-ID " + rid)
		}
		when, err1 := time.Parse("20060102T150405", rid)
		first, err2 := time.Parse("20060102T150405", sr.props["DTSTART"][0])
		rule := sr.props["RRULE"][0]
		day := rule[strings.LastIndex(rule, "=")+1:]
		if err1 != nil || err2 != nil || when.Before(first) || strings.ToUpper(when.Weekday().String()[:2]) != day || !first.Add(when.Sub(first).Truncate(7*24*time.Hour)).Equal(when) {
			fail("RECURRENCE-ID " + rid + " is no occurrence of " + rule + " from " + sr.props["DTSTART"][0])
		}
	}
	if cal == nil && len(stack) == 0 {
		fail("no VCALENDAR")
	}
	if len(lines) > 0 && lines[0] != "BEGIN:VCALENDAR" {
		fail("the file does not start with BEGIN:VCALENDAR")
	}
	for id := range tzUsed {
		if !tzDefined[id] {
			fail("TZID " + id + " has no VTIMEZONE")
		}
	}
	return problems
}

// unfold returns the logical lines of a file.
func unfold(ics string) []string {
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(ics, "\r\n ", ""), "\r\n"), "\r\n")
}

func unescape(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\;`, `;`, `\,`, `,`, `\n`, "\n", `\N`, "\n").Replace(s)
}

// Text survives escaping and folding exactly.
func TestTextRoundTrips(t *testing.T) {
	o := pair(t)
	o.Title = "A; b, c \\ d\ne — " + strings.Repeat("é", 60)
	o.Roles.Cadence = onboarding.Cadence{Day: "friday", Time: "08:00", Social: "x", SocialEvery: onboarding.Monthly, SocialDay: "wednesday", SocialTime: "12:30"}
	ics := ICS(o, nil, stamp)
	events := Events(o, guide.Stages())
	var summaries []string
	for _, l := range unfold(ics) {
		if v, ok := strings.CutPrefix(l, "X-WR-CALNAME:"); ok && unescape(v) != o.Title {
			t.Errorf("calendar name %q, want %q", unescape(v), o.Title)
		}
		if v, ok := strings.CutPrefix(l, "SUMMARY:"); ok {
			summaries = append(summaries, unescape(v))
		}
	}
	if len(summaries) != len(events) {
		t.Fatalf("%d summaries for %d events", len(summaries), len(events))
	}
	for i, e := range events {
		if summaries[i] != e.Summary {
			t.Errorf("summary %q, want %q", summaries[i], e.Summary)
		}
	}
	if got := Text("a\r\nb\x07c\td"); got != `a\nbc`+"\td" {
		t.Errorf("control characters: %q", got)
	}
}

func TestEvents(t *testing.T) {
	o := pair(t) // starts Monday 2 November 2026
	// With nothing agreed, nothing takes an hour: each checkpoint marks
	// its day, days 1, 5, 10, 12 and 17 (working) and 30, 45 and 90,
	// with a reminder at nine the morning before.
	var own []string
	for _, e := range Events(o, guide.Stages()) {
		own = append(own, e.Start.Format("2006-01-02"))
		if !e.AllDay || !e.RecurrenceOf.IsZero() || e.RRule != "" || strings.Contains(e.UID, "-stage-") {
			t.Errorf("with nothing agreed, an event takes time: %+v", e)
		}
		if len(e.Alarms) != 1 || e.Alarms[0].Before != 15*time.Hour || !strings.Contains(e.Alarms[0].Text, "checkpoint tomorrow") {
			t.Errorf("a checkpoint's reminder: %+v", e.Alarms)
		}
	}
	if got, want := strings.Join(own, ", "), "2026-11-02, 2026-11-06, 2026-11-13, 2026-11-17, 2026-11-24, 2026-12-01, 2026-12-16, 2027-02-01"; got != want {
		t.Errorf("with no cadence, the checkpoints:\n got %s\nwant %s", got, want)
	}
	o.Roles.Cadence = onboarding.Cadence{Day: "thursday", Time: "08:30", Minutes: 60,
		SocialEvery: onboarding.Monthly, SocialDay: "tuesday", SocialTime: "12:30"}
	events := Events(o, guide.Stages())
	byUID := map[string]Event{}
	var changed []string
	for _, e := range events {
		if !e.RecurrenceOf.IsZero() {
			changed = append(changed, e.Start.Format("2006-01-02 15:04 Mon")+" "+strconv.Itoa(e.Minutes))
			if len(e.Alarms) != 1 || e.Alarms[0].Before != 24*time.Hour || !strings.Contains(e.Alarms[0].Text, "checkpoint") {
				t.Errorf("the 1:1 that takes a checkpoint reminds: %+v", e.Alarms)
			}
			continue
		}
		byUID[strings.TrimPrefix(strings.TrimSuffix(e.UID, "@counterpart"), o.ID+"-")] = e
	}
	// With a Thursday 1:1, the checkpoints change the Thursdays that take
	// them: up to three days before each checkpoint's day.
	if got, want := strings.Join(changed, ", "), "2026-11-05 08:30 Thu 60, 2026-11-12 08:30 Thu 60, 2026-11-19 08:30 Thu 60, 2026-11-26 08:30 Thu 60, 2026-12-03 08:30 Thu 60, 2026-12-17 08:30 Thu 60, 2027-02-04 08:30 Thu 60"; got != want {
		t.Errorf("changed occurrences:\n got %s\nwant %s", got, want)
	}
	check := func(key, start, rule string, minutes int) {
		t.Helper()
		e, ok := byUID[key]
		if !ok {
			t.Errorf("no %s event", key)
			return
		}
		if got := e.Start.Format("2006-01-02 15:04 Mon"); got != start || e.RRule != rule || e.Minutes != minutes {
			t.Errorf("%s: %s %q %d min, want %s %q %d min", key, got, e.RRule, e.Minutes, start, rule, minutes)
		}
	}
	check("weekly", "2026-11-05 08:30 Thu", "FREQ=WEEKLY;BYDAY=TH", 60)
	check("social", "2026-11-10 12:30 Tue", "FREQ=MONTHLY;BYDAY=2TU", SocialMinutes)
	if a := byUID["weekly"].Alarms; len(a) != 1 || a[0].Before != 24*time.Hour || !strings.Contains(a[0].Text, "add what you want to raise") {
		t.Errorf("the weekly 1:1's reminder: %+v", a)
	}
	if len(byUID["social"].Alarms) != 0 {
		t.Error("the time together reminds like a meeting")
	}
	if len(byUID) != 2 {
		t.Errorf("with no session booked, the calendar holds %d series: %v", len(byUID), byUID)
	}

	// A start on a Saturday counts from the Monday; a second Tuesday
	// already past moves to the next month.
	o.StartDate = "2026-11-14"
	o.Roles.Cadence.SocialEvery = onboarding.Quarterly
	for _, e := range Events(o, guide.Stages()) {
		if e.RecurrenceOf.IsZero() {
			byUID[strings.TrimPrefix(strings.TrimSuffix(e.UID, "@counterpart"), o.ID+"-")] = e
		}
	}
	check("social", "2026-12-08 12:30 Tue", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", SocialMinutes)
	check("weekly", "2026-11-19 08:30 Thu", "FREQ=WEEKLY;BYDAY=TH", 60)
}

// A stage's session is in the calendar when, and only when, the pair
// booked it, at the time they chose and for as long as the guide says.
func TestSessionsAreOnlyWhatThePairBooked(t *testing.T) {
	o := pair(t)
	o.Roles.Cadence = onboarding.Cadence{Day: "thursday", Time: "08:30", Minutes: 60}
	if msg := o.Roles.Cadence.SetSession(onboarding.StageProblems, "2026-11-03T14:15"); msg != "" {
		t.Fatal(msg)
	}
	if msg := o.Roles.Cadence.SetSession(onboarding.StageTeam, "next Tuesday"); msg == "" || o.Roles.Cadence.Sessions.Team != "" {
		t.Errorf("a session at %q was taken (%q)", o.Roles.Cadence.Sessions.Team, msg)
	}
	var sessions []string
	for _, e := range Events(o, guide.Stages()) {
		if strings.Contains(e.UID, "-stage-") {
			sessions = append(sessions, e.UID[len(o.ID)+1:]+" "+e.Start.Format("2006-01-02 15:04")+" "+strconv.Itoa(e.Minutes))
		}
	}
	st, _ := guide.StageOf(onboarding.StageProblems)
	if got, want := strings.Join(sessions, ", "), "stage-problems@counterpart 2026-11-03 14:15 "+strconv.Itoa(st.SessionMinutes); got != want {
		t.Errorf("sessions:\n got %s\nwant %s", got, want)
	}
	o.Roles.Cadence.SetSession(onboarding.StageProblems, "")
	for _, e := range Events(o, guide.Stages()) {
		if strings.Contains(e.UID, "-stage-") {
			t.Errorf("a session taken out of the calendar is still there: %+v", e)
		}
	}
}

// Reminders are written as calendar apps read them: an alarm inside its
// event, set off a day (or some hours) before the start.
func TestRemindersInTheFile(t *testing.T) {
	o := pair(t)
	floating := ICS(o, nil, stamp)
	for _, want := range []string{"DTSTART;VALUE=DATE:20261102", "DTEND;VALUE=DATE:20261103", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15H"} {
		if !strings.Contains(floating, want+"\r\n") {
			t.Errorf("with nothing agreed, the file lacks %s", want)
		}
	}
	o.Roles.Cadence = onboarding.Cadence{Day: "monday", Time: "16:00", Minutes: 45}
	weekly := ICS(o, zone(t, "Europe/London"), stamp)
	taking := strings.Count(weekly, "RECURRENCE-ID;")
	if n := strings.Count(weekly, "TRIGGER:-P1D\r\n"); taking == 0 || n != 1+taking {
		t.Errorf("%d reminders a day before: want the weekly 1:1's and one for each of the %d that take checkpoints", n, taking)
	}
	for _, d := range []struct {
		d    time.Duration
		want string
	}{{24 * time.Hour, "P1D"}, {15 * time.Hour, "PT15H"}, {90 * time.Minute, "PT1H30M"}, {26 * time.Hour, "P1DT2H"}, {0, "PT0M"}} {
		if got := duration(d.d); got != d.want {
			t.Errorf("duration(%v) = %s, want %s", d.d, got, d.want)
		}
	}
}

// overlapsAnOccurrence expands a recurring event of ours over the weeks
// around a single one, day by day, reading its RRULE as a calendar would.
func overlapsAnOccurrence(r, e Event) bool {
	parts := map[string]string{}
	for _, p := range strings.Split(r.RRule, ";") {
		k, v, _ := strings.Cut(p, "=")
		parts[k] = v
	}
	every, _ := strconv.Atoi(parts["INTERVAL"])
	every = max(every, 1)
	byDay := parts["BYDAY"]
	for d := r.Start; !d.After(e.Start); d = d.AddDate(0, 0, 1) {
		wd := strings.ToUpper(d.Weekday().String()[:2])
		occurs := false
		switch parts["FREQ"] {
		case "WEEKLY":
			occurs = byDay == wd
		case "MONTHLY":
			months := (d.Year()-r.Start.Year())*12 + int(d.Month()) - int(r.Start.Month())
			occurs = byDay == "2"+wd && (d.Day()-1)/7 == 1 && months%every == 0
		}
		if !occurs {
			continue
		}
		from := time.Date(d.Year(), d.Month(), d.Day(), r.Start.Hour(), r.Start.Minute(), 0, 0, time.UTC)
		if e.Start.Before(from.Add(time.Duration(r.Minutes)*time.Minute)) && from.Before(e.Start.Add(time.Duration(e.Minutes)*time.Minute)) {
			return true
		}
	}
	return false
}

func mustDate(t *testing.T, s string) time.Time {
	d, ok := civilDate(s)
	if !ok {
		t.Fatalf("bad date %q", s)
	}
	return d
}

// A reader that splits lines on every Unicode line break, as JavaScript's
// and Python's line splitting do, must still see only this file's own
// properties: a name or a note holding U+2028, U+2029, U+0085 or a C1
// control cannot start a property of its own.
func TestNoTextStartsALineForANaiveSplitter(t *testing.T) {
	o := pair(t)
	inject := func(sep string) string { return "Ann" + sep + "SUMMARY:INJECTED" + sep + "END:VEVENT" }
	o.Title = inject("\u2028")
	o.Buddy.Name = inject("\u2029")
	o.Newcomer.Name = inject("\u0085")
	o.Roles.Cadence = onboarding.Cadence{Day: "tuesday", Time: "09:00", Social: inject("\u2028\u2029") + "\u009b31m\u0090x\u009c",
		SocialEvery: onboarding.Monthly, SocialDay: "friday", SocialTime: "12:00"}
	ics := ICS(o, nil, stamp)
	naive := regexp.MustCompile(`\r\n|\n|\r|\v|\f|\x1c|\x1d|\x1e|\x{85}|\x{2028}|\x{2029}`)
	property := regexp.MustCompile(`^[A-Z][A-Z0-9-]*[;:]`)
	for _, line := range naive.Split(ics, -1) {
		if line == "" || strings.HasPrefix(line, " ") {
			continue // the end, or a folded line's continuation
		}
		if !property.MatchString(line) || strings.HasPrefix(line, "SUMMARY:INJECTED") {
			t.Errorf("a naive reader sees the line %q", line)
		}
	}
	for _, r := range ics {
		if r == 0x85 || r == 0x2028 || r == 0x2029 || r >= 0x80 && r <= 0x9f {
			t.Errorf("the file holds U+%04X", r)
		}
	}
	// The separators read as line breaks in the text.
	if got := Text("a\u2028b\u2029c\u0085d\u0086e"); got != `a\nb\nc\nde` {
		t.Errorf("Text = %q", got)
	}
}

// The UIDs stay the same from one download to the next, so importing the
// file again updates the events rather than doubling them.
func TestUIDsAreStable(t *testing.T) {
	o := example(t)
	uids := func() []string {
		var out []string
		for _, l := range unfold(ICS(o, zone(t, "Europe/Paris"), time.Now())) {
			if v, ok := strings.CutPrefix(l, "UID:"); ok {
				out = append(out, v)
			}
			if v, ok := strings.CutPrefix(l, "RECURRENCE-ID;TZID=Europe/Paris:"); ok {
				out[len(out)-1] += " " + v[:8]
			}
		}
		return out
	}
	for _, st := range onboarding.Stages {
		o.Roles.Cadence.SetSession(st, "2026-11-04T11:00")
	}
	a := uids()
	o.Roles.Cadence.Time = "17:00"
	b := uids()
	// The weekly 1:1, the time together, five sessions and the 1:1s
	// that take the checkpoints.
	if strings.Join(a, ",") != strings.Join(b, ",") || len(a) != 7+7 {
		t.Errorf("UIDs changed or are missing: %v then %v", a, b)
	}
	for _, u := range a {
		if !strings.HasPrefix(u, o.ID+"-") {
			t.Errorf("UID %s is not derived from the onboarding", u)
		}
	}
}

// The VTIMEZONE's rules, expanded the way a calendar app does, give the
// zone's real offset at every hour the events could fall on, for years.
func TestZoneRulesMatchTheZone(t *testing.T) {
	for _, name := range []string{"Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham", "Africa/Casablanca"} {
		z := zone(t, name)
		lines := timezone(z, 2025)
		onsets := expandObservances(t, name, lines, 2025, 2025+ruleYears)
		// The rules start the year before the first event: check from the
		// year after.
		for at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() <= 2025+ruleYears; at = at.Add(5 * time.Hour) {
			i := sort.Search(len(onsets), func(i int) bool { return onsets[i].at.After(at) }) - 1
			if i < 0 {
				t.Errorf("%s: no observance in force at %s", name, at)
				break
			}
			if onsets[i].to != z.Offset(at) {
				t.Errorf("%s: at %s the VTIMEZONE says %s, the zone %s", name, at, offset(onsets[i].to), offset(z.Offset(at)))
				break
			}
		}
	}
}

// expandObservances reads STANDARD and DAYLIGHT blocks (DTSTART, the two
// offsets, and a yearly BYMONTH/BYDAY rule if any) and lists their onsets
// as instants, sorted.
func expandObservances(t *testing.T, name string, lines []string, from, to int) []transition {
	t.Helper()
	var out []transition
	var start time.Time
	var fromOff, toOff int
	var rule string
	parseOff := func(s string) int {
		sign := 1
		if s[0] == '-' {
			sign = -1
		}
		h, _ := strconv.Atoi(s[1:3])
		m, _ := strconv.Atoi(s[3:5])
		sec := 0
		if len(s) == 7 {
			sec, _ = strconv.Atoi(s[5:7])
		}
		return sign * (h*3600 + m*60 + sec)
	}
	ruleRE := regexp.MustCompile(`^FREQ=YEARLY;BYMONTH=(\d+);BYDAY=(-?\d)(SU|MO|TU|WE|TH|FR|SA)$`)
	days := map[string]time.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}
	for _, l := range lines {
		k, v, _ := strings.Cut(l, ":")
		switch k {
		case "BEGIN":
			rule = ""
		case "DTSTART":
			var err error
			if start, err = time.Parse("20060102T150405", v); err != nil {
				t.Fatalf("%s: DTSTART %q", name, v)
			}
		case "TZOFFSETFROM":
			fromOff = parseOff(v)
		case "TZOFFSETTO":
			toOff = parseOff(v)
		case "RRULE":
			rule = v
		case "END":
			if v != "STANDARD" && v != "DAYLIGHT" {
				continue
			}
			add := func(local time.Time) {
				out = append(out, transition{at: local.Add(-time.Duration(fromOff) * time.Second), from: fromOff, to: toOff})
			}
			if rule == "" {
				add(start)
				continue
			}
			m := ruleRE.FindStringSubmatch(rule)
			if m == nil {
				t.Fatalf("%s: a rule this test cannot expand: %s", name, rule)
			}
			month, _ := strconv.Atoi(m[1])
			nth, _ := strconv.Atoi(m[2])
			clock := start.Sub(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC))
			for y := start.Year(); y <= to; y++ {
				var matches []time.Time
				for d := time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC); d.Month() == time.Month(month); d = d.AddDate(0, 0, 1) {
					if d.Weekday() == days[m[3]] {
						matches = append(matches, d)
					}
				}
				d := matches[len(matches)-1]
				if nth > 0 {
					d = matches[nth-1]
				}
				add(d.Add(clock))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

func TestFolding(t *testing.T) {
	var w icsWriter
	long := "DESCRIPTION:" + strings.Repeat("ab€", 60)
	w.line(long)
	out := w.b.String()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("bad fold: %q (%d octets)", l, len(l))
		}
	}
	if got := unfold(out); len(got) != 1 || got[0] != long {
		t.Errorf("unfolding gives %q", got)
	}
	if checkRFC("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"+out+"END:VCALENDAR\r\n") != nil {
		t.Error("a folded line fails the checker")
	}
}

func TestOffsetFormat(t *testing.T) {
	for sec, want := range map[int]string{3600: "+0100", -18000: "-0500", 19800: "+0530", 0: "+0000", 45900: "+1245", -3723: "-010203"} {
		if got := offset(sec); got != want {
			t.Errorf("offset(%d) = %s, want %s", sec, got, want)
		}
	}
}
