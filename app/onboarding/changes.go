package onboarding

// What combining an incoming copy did, in the terms a person reads: the
// sections of an onboarding, what each gained or changed, and the counts
// an incoming link's preview shows.

import "reflect"

// Section is a part of an onboarding a person recognises: one of the
// guide's stages, or the 1:1s.
type Section string

// Meetings1on1 is the section of the weekly 1:1s and commitments, which is
// not one of the guide's stages.
const Meetings1on1 Section = "meetings"

// Sections lists the sections in the order the guide shows them.
var Sections = []Section{
	Section(StageData), Section(StageProblems), Section(StageTeam),
	Section(StageProcesses), Section(StageRoles), Meetings1on1,
}

// Changes is what combining an incoming copy did, for the person to read
// before and after saying yes. The counts are those of the merge itself,
// so the preview says exactly what saving does.
type Changes struct {
	// New is true when the onboarding was not on this device.
	New bool
	// Added, Updated and Removed count entries by section.
	Added, Updated, Removed map[Section]int
	// Details is true when a value of the onboarding itself changed: the
	// title, the people, the start date, the cadence.
	Details bool
	// Sides lists the people whose role answers or expectations changed.
	Sides []string
	// Unlocked is true when both sides are now in and the comparison of
	// the role agreement opens.
	Unlocked bool
	// Conflicts counts what both copies changed without knowing of the
	// other's change: the later edit is kept, or for the notes of a 1:1
	// both texts are joined. Only a link, which says what its sender
	// holds, can tell; a backup counts none.
	Conflicts int
}

// None reports whether the merge changed nothing.
func (c Changes) None() bool {
	return !c.New && sum(c.Added) == 0 && sum(c.Updated) == 0 && sum(c.Removed) == 0 && !c.Details && len(c.Sides) == 0
}

func sum(m map[Section]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func newChanges() Changes {
	return Changes{Added: map[Section]int{}, Updated: map[Section]int{}, Removed: map[Section]int{}}
}

// Receive takes in an onboarding this device does not have yet, for the
// person me, who said which of the two they are.
func Receive(incoming *Onboarding, me string) (*Onboarding, Changes) {
	o := Copy(incoming)
	o.Me, o.Writer, o.Example = me, "", false
	o.Sync = Sync{}
	o.Normalize()
	ch := newChanges()
	ch.New = true
	for s, n := range Counts(o) {
		if n > 0 {
			ch.Added[s] = n
		}
	}
	ch.Unlocked = o.Roles.BothDone(o)
	return o, ch
}

// Counts returns how many entries each section holds, for the preview of
// an incoming link: every entry of every top-level list, and each note
// with text in it.
func Counts(o *Onboarding) map[Section]int {
	c := map[Section]int{}
	var walk func(v reflect.Value, section Section)
	walk = func(v reflect.Value, section Section) {
		eachFieldIn(v, section, func(f reflect.StructField, fv reflect.Value, r rule, s Section) {
			switch r {
			case ruleEntries:
				c[s] += fv.Len()
			case ruleEntry:
				if fv.FieldByName("Text").String() != "" {
					c[s]++
				}
			case ruleGroup:
				walk(fv, s)
			}
		})
	}
	walk(reflect.ValueOf(o).Elem(), "")
	for _, s := range Sections {
		c[s] += 0
	}
	return c
}
