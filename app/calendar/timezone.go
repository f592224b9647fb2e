package calendar

import (
	"strconv"
	"time"
)

// transition is one change of a zone's offset.
type transition struct {
	at       time.Time // the first instant with the new offset
	from, to int       // offsets in seconds east of UTC
}

// local is the wall-clock time at which the transition happens, read on
// the clock before it, as a VTIMEZONE's DTSTART is.
func (t transition) local() time.Time {
	return t.at.Add(time.Duration(t.from) * time.Second)
}

// transitions finds the offset changes of a zone in a year by sampling
// each week and narrowing every change down to the second. In the browser
// each sample is a call into Intl, so a week is the step: no zone changes
// its clocks twice within seven days.
func transitions(z Zone, year int) []transition {
	var out []transition
	t := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	prev := z.Offset(t)
	for t.Before(end) {
		next := t.Add(7 * 24 * time.Hour)
		if next.After(end) {
			next = end
		}
		off := z.Offset(next)
		if off != prev {
			lo, hi := t, next // offset(lo) == prev, offset(hi) == off
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
				if mid.Equal(lo) {
					break
				}
				if z.Offset(mid) == prev {
					lo = mid
				} else {
					hi = mid
				}
			}
			if hi.Before(end) {
				out = append(out, transition{at: hi, from: prev, to: off})
			}
		}
		t, prev = next, off
	}
	return out
}

// yearlyRule is a transition as a yearly rule: the nth (or last, -1)
// weekday of a month at a wall-clock time.
type yearlyRule struct {
	month   time.Month
	nth     int
	weekday time.Weekday
	clock   time.Duration // since local midnight
}

func ruleOf(t transition) yearlyRule {
	l := t.local()
	nth := (l.Day()-1)/7 + 1
	if l.Day()+7 > daysIn(l.Year(), l.Month()) {
		nth = -1
	}
	return yearlyRule{month: l.Month(), nth: nth, weekday: l.Weekday(), clock: l.Sub(time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC))}
}

// date is the rule's wall-clock time in a year.
func (r yearlyRule) date(year int) time.Time {
	var d time.Time
	if r.nth < 0 {
		last := time.Date(year, r.month, daysIn(year, r.month), 0, 0, 0, 0, time.UTC)
		d = last.AddDate(0, 0, -((int(last.Weekday()) - int(r.weekday) + 7) % 7))
	} else {
		first := time.Date(year, r.month, 1, 0, 0, 0, 0, time.UTC)
		d = onOrAfter(first, r.weekday).AddDate(0, 0, 7*(r.nth-1))
	}
	return d.Add(r.clock)
}

func (r yearlyRule) rrule() string {
	return "FREQ=YEARLY;BYMONTH=" + strconv.Itoa(int(r.month)) + ";BYDAY=" + strconv.Itoa(r.nth) + byDay(r.weekday)
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// rulesHold reports whether the zone's transitions in a year are exactly
// the ones the rules give.
func rulesHold(z Zone, year int, want []transition, rules []yearlyRule) bool {
	got := transitions(z, year)
	if len(got) != len(want) {
		return false
	}
	for i, t := range got {
		if t.from != want[i].from || t.to != want[i].to || !t.local().Equal(rules[i].date(year)) {
			return false
		}
	}
	return true
}

// ruleYears is how many years after the first one the yearly rules are
// checked against the zone; a zone whose rules do not hold that long
// gets every transition of that span listed instead.
const ruleYears = 10

// timezone returns the VTIMEZONE lines of a zone, valid from a year on.
// A zone with summer time gets a STANDARD and a DAYLIGHT observance with
// yearly rules, when the same rule gives every change from that year for
// the next ten; otherwise each change of those years is listed.
func timezone(z Zone, from int) []string {
	lines := []string{"BEGIN:VTIMEZONE", "TZID:" + z.Name()}
	first := transitions(z, from)
	observance := func(t transition, daylight bool, rule string) {
		kind := "STANDARD"
		if daylight {
			kind = "DAYLIGHT"
		}
		lines = append(lines, "BEGIN:"+kind,
			"DTSTART:"+t.local().Format("20060102T150405"),
			"TZOFFSETFROM:"+offset(t.from),
			"TZOFFSETTO:"+offset(t.to))
		if rule != "" {
			lines = append(lines, "RRULE:"+rule)
		}
		lines = append(lines, "END:"+kind)
	}
	if len(first) == 0 {
		// No change that year: one observance for good, unless the zone
		// changes later, which is checked below.
		steady := true
		for y := from + 1; y <= from+ruleYears; y++ {
			if len(transitions(z, y)) > 0 {
				steady = false
				break
			}
		}
		if steady {
			observance(steadyFrom(z, from), false, "")
			return append(lines, "END:VTIMEZONE")
		}
	}
	if len(first) == 2 && first[0].from == first[1].to && first[0].to == first[1].from {
		rules := []yearlyRule{ruleOf(first[0]), ruleOf(first[1])}
		hold := true
		for y := from + 1; y <= from+ruleYears && hold; y++ {
			hold = rulesHold(z, y, first, rules)
		}
		if hold {
			for i, t := range first {
				observance(t, t.to > t.from, rules[i].rrule())
			}
			return append(lines, "END:VTIMEZONE")
		}
	}
	// Irregular: the offset at the start, then every change of the span,
	// each its own observance.
	observance(steadyFrom(z, from), false, "")
	for y := from; y <= from+ruleYears; y++ {
		for _, t := range transitions(z, y) {
			observance(t, t.to > t.from, "")
		}
	}
	return append(lines, "END:VTIMEZONE")
}

// steadyFrom is the offset in force on New Year's Day of a year, as an
// observance starting at local midnight.
func steadyFrom(z Zone, year int) transition {
	midnight := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	off := z.Offset(midnight)
	return transition{at: midnight.Add(-time.Duration(off) * time.Second), from: off, to: off}
}

// offset writes seconds east of UTC as +HHMM, or +HHMMSS when the
// seconds are not zero.
func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := sign + two(sec/3600) + two(sec/60%60)
	if sec%60 != 0 {
		s += two(sec % 60)
	}
	return s
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
