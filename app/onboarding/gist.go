package onboarding

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"counterpart/app/words"
)

// Gist is what a set of changes is about, as a person names it: the 1:1s
// it touches, and the rest by section. A link's one line of words, on the
// page that sends it and on the page that opens it, is made from it.
type Gist struct {
	// N counts the changes, as ChangesSince counts them.
	N int
	// Meetings are the 1:1s whose content changed (the 1:1 itself, an
	// item on it, a commitment made in it), newest first.
	Meetings []*Meeting
	// InMeetings counts the changes that belong to those 1:1s.
	InMeetings int
	// Sections counts the other changes by section; "" holds removals and
	// values of the onboarding itself (the title, the cadence).
	Sections map[Section]int
}

// GistSince returns what o holds beyond base, as ChangesSince counts it:
// the changes a link of changes from o carries (base is what the other
// person's devices confirmed, BaseFor), or, on the device that merged a
// link, what the merge brought (base is what the device held before it).
// A nil base means everything.
func GistSince(o *Onboarding, base Vector) Gist {
	g := Gist{Sections: map[Section]int{}}
	byID := map[string]*Meeting{}
	for i := range o.Meetings {
		byID[o.Meetings[i].ID] = &o.Meetings[i]
	}
	seen := map[string]bool{}
	_, _, g.N = changesSince(o, base, func(s Section, meeting string) {
		if m := byID[meeting]; m != nil {
			g.InMeetings++
			if !seen[meeting] {
				seen[meeting] = true
				g.Meetings = append(g.Meetings, m)
			}
			return
		}
		g.Sections[s]++
	})
	slices.SortFunc(g.Meetings, func(a, b *Meeting) int { return strings.Compare(b.Date, a.Date) })
	return g
}

// Outgoing is what the next link of changes from o carries. Complete is
// true when the other person has sent no link yet, so that the next link
// carries everything.
func Outgoing(o *Onboarding) (g Gist, complete bool) {
	base := BaseFor(o)
	return GistSince(o, base), base == nil
}

// mondayOf returns the Monday of the week of d (a date at midnight UTC).
func mondayOf(d time.Time) time.Time {
	return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
}

// Where is the section a person wants to see after taking these changes:
// the 1:1s when a 1:1 changed, else the stage with the most changes (the
// first in the guide's order on a tie), else "".
func (g Gist) Where() Section {
	if len(g.Meetings) > 0 {
		return Meetings1on1
	}
	var best Section
	for _, s := range Sections {
		if g.Sections[s] > g.Sections[best] {
			best = s
		}
	}
	return best
}

// sectionWords names each section inside a sentence.
var sectionWords = map[Section]string{
	Section(StageData):      "real data",
	Section(StageProblems):  "first problems",
	Section(StageTeam):      "the team",
	Section(StageProcesses): "processes",
	Section(StageRoles):     "who owns what",
	Meetings1on1:            "the 1:1 agenda and commitments",
}

// MeetingName names a 1:1 by its date as seen on today (YYYY-MM-DD):
// "this week's 1:1", "last week's 1:1", "next week's 1:1", else "the 1:1
// of Monday 2 March".
func MeetingName(date, today string) string {
	d, ok1 := parseDate(date)
	t, ok2 := parseDate(today)
	if ok1 && ok2 {
		switch weeks := int(mondayOf(d).Sub(mondayOf(t)).Hours()/24) / 7; weeks {
		case 0:
			return "this week's 1:1"
		case -1:
			return "last week's 1:1"
		case 1:
			return "next week's 1:1"
		}
	}
	return "the 1:1 of " + words.DayAndMonth(date)
}

// What says in a few words what the changes are about: "this week's 1:1
// and 2 other changes", "real data and who owns what", "4 changes".
func (g Gist) What(today string) string {
	var named []string
	rest := g.N
	switch n := len(g.Meetings); {
	case n > 2:
		named = append(named, strconv.Itoa(n)+" 1:1s")
	case n > 0:
		for _, m := range g.Meetings {
			named = append(named, MeetingName(m.Date, today))
		}
	}
	if len(named) > 0 {
		rest -= g.InMeetings
		if rest > 0 {
			named = append(named, words.Count(rest, "other change", "other changes"))
		}
		return joinAnd(named)
	}
	for _, s := range Sections {
		if g.Sections[s] > 0 {
			named = append(named, sectionWords[s])
		}
	}
	if len(named) == 0 || len(named) > 2 {
		return words.Count(g.N, "change", "changes")
	}
	return joinAnd(named)
}

// SendLine says in one line what the next link to other carries: "3
// changes Priya does not have yet: this week's 1:1."
func SendLine(g Gist, complete bool, other, today string) string {
	switch {
	case complete:
		return "Everything you share: " + other + " has not sent you a link yet."
	case g.N == 0:
		return other + " has everything you have. The link tells " + other + " you have their changes."
	}
	what := g.What(today)
	count := words.Count(g.N, "change", "changes")
	if what == count {
		return count + " " + other + " does not have yet."
	}
	return count + " " + other + " does not have yet: " + what + "."
}

// ReceivedLine says in one line what a link from sender brings to this
// device: "Dana sent this week's 1:1 and 2 other changes."
func ReceivedLine(g Gist, sender, today string) string {
	if g.N == 0 {
		return "Nothing new from " + sender + ": you already have everything in this link."
	}
	what := g.What(today)
	if count := words.Count(g.N, "change", "changes"); what != count && len(g.Meetings) == 0 {
		return sender + " sent " + count + ": " + what + "."
	}
	return sender + " sent " + what + "."
}

// joinAnd joins "a", "b", "c" as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Received is what taking a link brought to a device whose copy was
// before (nil when the onboarding was not on it) and is after: every
// change after holds that before's device did not. ok is false for a copy
// from before devices were counted, which cannot tell.
func Received(before, after *Onboarding) (g Gist, ok bool) {
	if before == nil {
		return GistSince(after, nil), true
	}
	if before.Sync.Have == nil {
		return Gist{}, false
	}
	return GistSince(after, before.Sync.Have), true
}
