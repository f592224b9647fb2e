// Package worksheet builds the printable role-definition worksheet: blank,
// for pen and paper at the first meeting, or filled with both sides of an
// onboarding's role agreement. It decides what goes on the sheet; the page
// in app/ui only lays it out.
package worksheet

import (
	"errors"
	"strings"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/words"
)

// Worksheet is everything printed on the sheet.
type Worksheet struct {
	Filled bool
	// Names are the two columns of the grid: the buddy, then the newcomer.
	Names [2]string
	// Subtitle says who the sheet is for, e.g. "Mateo Álvarez (CTO) and
	// Amara Nwosu (CFO)".
	Subtitle string
	// Areas are the rows of a blank grid.
	Areas []string
	// WriteIns are empty rows under the areas, for areas the pair think of
	// in the room.
	WriteIns int
	// Rows are the compared rows of a filled sheet, mismatches first.
	Rows   []Row
	Counts []Count
	// Expectations of a filled sheet, buddy first.
	Expectations [2]Expectation
	Disagreement string   // Markdown
	Escalation   []string // Markdown, in order
	Cadence      []string // plain lines
	Agenda       []string
}

// Row is one area with both answers, as owner names.
type Row struct {
	Area    string
	Answers [2]string
	Verdict onboarding.Verdict
	// Owner is who owns the area once that is agreed, by name, else "".
	Owner string
}

// VerdictLine is the row's verdict as the sheet prints it: for an area
// agreed after talking it over, with who owns it.
func (r Row) VerdictLine() string {
	if r.Verdict == onboarding.Settled {
		return r.Verdict.Label() + ": " + r.Owner
	}
	return r.Verdict.Label()
}

// Count is how many rows got a verdict.
type Count struct {
	Verdict onboarding.Verdict
	N       int
}

// Expectation is what one person wrote about both roles.
type Expectation struct {
	Name, Other      string
	OfMine, OfTheirs string // Markdown
}

// ErrNotBothDone means a filled sheet was asked for while one side is
// still being written blind: printing it would show that side's answers.
var ErrNotBothDone = errors.New("the filled worksheet appears once both of you have finished your side of the role agreement")

// Blank is the sheet for pen and paper: the onboarding's own areas, or the
// default areas of the pair's functions when there is no onboarding yet.
func Blank(o *onboarding.Onboarding) Worksheet {
	w := Worksheet{
		Names:    [2]string{o.Buddy.Name, o.Newcomer.Name},
		Subtitle: words.NameAndRole(o.Buddy.Name, o.Buddy.Role) + " and " + words.NameAndRole(o.Newcomer.Name, o.Newcomer.Role),
	}
	for _, r := range o.Roles.Rows {
		if strings.TrimSpace(r.Area) != "" {
			w.Areas = append(w.Areas, r.Area)
		}
	}
	if len(w.Areas) == 0 {
		w.Areas = guide.DefaultAreas(o.Buddy.Function, o.Newcomer.Function)
	}
	if len(w.Areas) > MaxBlankAreas {
		w.Areas = w.Areas[:MaxBlankAreas]
	}
	w.WriteIns = writeIns(len(w.Areas))
	return w
}

// writeIns is how many empty rows fit under n areas on the first page.
func writeIns(n int) int {
	return max(0, min(4, MaxBlankAreas-n))
}

// MaxBlankAreas is as many rows as fit on the first printed page beside
// the heading, so the blank sheet stays within two pages.
const MaxBlankAreas = 18

// BlankFor is the blank sheet for two functions, with no onboarding: what
// a bookmark of /worksheet?a=engineering&b=finance prints.
func BlankFor(a, b onboarding.Function) Worksheet {
	areas := guide.DefaultAreas(a, b)
	return Worksheet{
		Names:    [2]string{"Person A", "Person B"},
		Subtitle: a.Label() + " and " + b.Label(),
		Areas:    areas,
		WriteIns: writeIns(len(areas)),
	}
}

// Filled is the sheet with both sides compared, and the agreements.
func Filled(o *onboarding.Onboarding) (Worksheet, error) {
	if !o.Roles.BothDone(o) {
		return Worksheet{}, ErrNotBothDone
	}
	w := Blank(o)
	w.Filled, w.Areas, w.WriteIns = true, nil, 0
	rows, counts := onboarding.Compare(o)
	for _, c := range rows {
		w.Rows = append(w.Rows, Row{
			Area:    c.Row.Area,
			Answers: [2]string{o.OwnerName(c.Buddy, o.Buddy.ID), o.OwnerName(c.Newcomer, o.Newcomer.ID)},
			Verdict: c.Verdict,
			Owner:   o.OwnerLabel(c.Owner),
		})
	}
	for _, v := range onboarding.Verdicts {
		if counts[v] > 0 {
			w.Counts = append(w.Counts, Count{v, counts[v]})
		}
	}
	for i, p := range []onboarding.Person{o.Buddy, o.Newcomer} {
		s := o.Roles.SideOf(p.ID)
		w.Expectations[i] = Expectation{Name: p.Name, Other: o.Other(p.ID).Name, OfMine: s.ExpectMine, OfTheirs: s.ExpectYours}
	}
	w.Disagreement = o.Roles.Disagreement.Text
	for _, s := range o.Roles.Escalation {
		if strings.TrimSpace(s.Text) != "" {
			w.Escalation = append(w.Escalation, s.Text)
		}
	}
	w.Cadence = CadenceLines(o.Roles.Cadence)
	for _, a := range o.Queued() {
		w.Agenda = append(w.Agenda, a.Text)
	}
	return w, nil
}

// CadenceLines says the cadence in plain sentences.
func CadenceLines(c onboarding.Cadence) []string {
	var lines []string
	if c.Day != "" || c.Time != "" {
		line := "Weekly 1:1"
		if c.Day != "" {
			line += " on " + words.Capitalize(c.Day) + "s"
		}
		if c.Time != "" {
			line += " at " + c.Time
		}
		if c.Minutes > 0 {
			line += ", " + words.Duration(c.Minutes)
		}
		lines = append(lines, line)
	}
	if s := strings.TrimSpace(c.Social); s != "" {
		lines = append(lines, "Outside work: "+s)
	}
	for _, m := range c.Shared {
		if strings.TrimSpace(m.Name) == "" {
			continue
		}
		line := "Together at " + m.Name
		if m.Cadence != "" {
			line += " (" + m.Cadence + ")"
		}
		if m.Debrief {
			line += ", and we talk it over afterwards"
		}
		lines = append(lines, line)
	}
	return lines
}
