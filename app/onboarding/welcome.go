package onboarding

import "counterpart/app/words"

// Prepared says in words what the person by has written in o for the
// other one, for the welcome of a newcomer's first link: "2 data sources,
// a read of 1 person on your team and their side of who owns what".
// Private entries do not travel and are not counted. It is "" when by has
// written nothing yet.
func Prepared(o *Onboarding, by string) string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, words.Count(n, one, many))
		}
	}
	add(countBy(o.DataSources, by), "data source", "data sources")
	add(countBy(o.Problems, by), "problem to work on first", "problems to work on first")
	add(countBy(o.WorkingWell, by), "thing already working", "things already working")
	add(countBy(o.TeamRead, by), "read of someone on your team", "reads of people on your team")
	add(countBy(o.People, by), "person worth meeting", "people worth meeting")
	add(countBy(o.Processes, by), "process", "processes")
	add(countBy(o.Surprises, by), "surprise to expect", "surprises to expect")
	add(countBy(o.Agenda, by), "topic for your first 1:1", "topics for your first 1:1")
	if s := o.Roles.side(by); s != nil && s.Done {
		parts = append(parts, "their side of who owns what")
	}
	return joinAnd(parts)
}

// countBy counts the entries of list that author wrote and shares.
func countBy[E any, P Entry[E]](list []E, author string) int {
	n := 0
	for i := range list {
		if m := P(&list[i]).Common(); m.Author == author && !m.Private {
			n++
		}
	}
	return n
}
