// Package share holds what travels between the two executives' devices:
// the shareable part of an onboarding as a link or a file, the passphrase
// lock, full backups of a device, and the merge of an incoming copy into
// the one kept here. It is plain Go with no browser code.
//
// Nothing here talks to a server: a link carries its data in the URL
// fragment, which browsers never send.
package share

import (
	"encoding/json"
	"time"

	"counterpart/app/onboarding"
)

// Shareable returns a copy of o holding only what may leave this device:
// every entry marked private is dropped, private notes are blanked, and the
// fields that only make sense on this device (who is typing, the example
// flag) are cleared. Me is kept: in a shared copy it names the sender.
func Shareable(o *onboarding.Onboarding) *onboarding.Onboarding {
	c := deepCopy(o)
	c.Writer = ""
	c.Example = false
	c.DataSources = public(c.DataSources)
	c.Problems = public(c.Problems)
	c.WorkingWell = public(c.WorkingWell)
	c.TeamRead = public(c.TeamRead)
	c.People = public(c.People)
	c.Processes = public(c.Processes)
	c.Surprises = public(c.Surprises)
	c.Agenda = public(c.Agenda)
	c.Roles.Rows = public(c.Roles.Rows)
	c.Roles.Escalation = public(c.Roles.Escalation)
	c.Roles.Cadence.Shared = public(c.Roles.Cadence.Shared)
	c.Meetings = public(c.Meetings)
	for i := range c.Meetings {
		c.Meetings[i].Items = public(c.Meetings[i].Items)
	}
	c.Commitments = public(c.Commitments)
	for _, n := range []*onboarding.Note{&c.BudgetAdvice, &c.Roles.Disagreement} {
		if n.Private {
			*n = onboarding.Note{Meta: onboarding.Meta{ID: n.ID, Author: n.Author}}
		}
	}
	if len(c.Deleted) == 0 {
		c.Deleted = nil
	}
	return c
}

// public keeps the entries not marked private, in order.
func public[T any, P onboarding.Entry[T]](list []T) []T {
	out := make([]T, 0, len(list))
	for i := range list {
		if !P(&list[i]).Common().Private {
			out = append(out, list[i])
		}
	}
	return out
}

// deepCopy copies an onboarding through JSON, so that no slice or map is
// shared with the original.
func deepCopy(o *onboarding.Onboarding) *onboarding.Onboarding {
	raw, err := json.Marshal(o)
	if err != nil {
		panic("share: an onboarding that cannot be encoded: " + err.Error())
	}
	var c onboarding.Onboarding
	if err := json.Unmarshal(raw, &c); err != nil {
		panic("share: an onboarding that cannot be decoded: " + err.Error())
	}
	return &c
}

// Section is a part of an onboarding a person recognises: one of the
// guide's stages, or the 1:1s.
type Section string

// Meetings1on1 is the section of the weekly 1:1s and commitments, which is
// not one of the guide's stages.
const Meetings1on1 Section = "meetings"

// Sections lists the sections in the order the guide shows them.
var Sections = []Section{
	Section(onboarding.StageData), Section(onboarding.StageProblems), Section(onboarding.StageTeam),
	Section(onboarding.StageProcesses), Section(onboarding.StageRoles), Meetings1on1,
}

// Counts returns how many entries each section holds, for the preview of
// an incoming link: "from whom, which onboarding, how many entries".
func Counts(o *onboarding.Onboarding) map[Section]int {
	c := map[Section]int{}
	note := func(n onboarding.Note) int {
		if n.Text != "" {
			return 1
		}
		return 0
	}
	c[Section(onboarding.StageData)] = len(o.DataSources)
	c[Section(onboarding.StageProblems)] = len(o.Problems) + len(o.WorkingWell) + note(o.BudgetAdvice)
	c[Section(onboarding.StageTeam)] = len(o.TeamRead) + len(o.People)
	c[Section(onboarding.StageProcesses)] = len(o.Processes) + len(o.Surprises)
	c[Section(onboarding.StageRoles)] = len(o.Roles.Rows) + len(o.Roles.Escalation) + len(o.Roles.Cadence.Shared) + note(o.Roles.Disagreement)
	c[Meetings1on1] = len(o.Meetings) + len(o.Commitments) + len(o.Agenda)
	return c
}

// latest returns the later of two times.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Withheld counts what stays on this device when o is shared: private
// entries, and private notes with text in them.
func Withheld(o *onboarding.Onboarding) int {
	total := func(o *onboarding.Onboarding) int {
		n := 0
		for _, c := range Counts(o) {
			n += c
		}
		for _, m := range o.Meetings {
			n += len(m.Items)
		}
		return n
	}
	return total(o) - total(Shareable(o))
}
