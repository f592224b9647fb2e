package onboarding

import (
	"reflect"
	"time"
)

// Undo puts back what an operation changed, as a change made at now.
// Operations that a person may regret return one; it is applied to the
// onboarding as it is by then, which may hold later edits, so it changes
// only what the operation did.
type Undo func(o *Onboarding, now time.Time)

// fullError is what adding to list (a pointer to a list of o) at its cap
// gives: a FullError that names the list.
func fullError(o *Onboarding, list any) error {
	l := reflect.ValueOf(list).Elem()
	path := ""
	eachList(reflect.ValueOf(o).Elem(), "", func(p string, v reflect.Value) {
		if v.Addr().Pointer() == l.Addr().Pointer() {
			path = p
		}
	})
	return &FullError{List: path, Count: l.Len() + 1, Cap: Cap(l.Type().Elem())}
}

// List is one list of entries of an onboarding, such as its data sources,
// with the operations every list shares: add, move, remove with a
// tombstone and an undo, and the private switch.
//
// It works on its list by reflection rather than being generic: a generic
// List is compiled once for each of the twelve lists, and the browser
// downloads every copy. A test checks that each list is a slice of
// entries.
type List struct {
	// Of returns a pointer to the list in an onboarding: &o.DataSources.
	Of func(*Onboarding) any
	// Private makes new entries private, as the team read is until the
	// person says otherwise.
	Private bool
}

// Lists holds every list of entries a person edits one by one. A test
// checks that it names every list of the model.
var Lists = struct {
	DataSources, Problems, WorkingWell, TeamRead, People, Processes, Surprises List
	Areas, Escalation, Shared, Agenda, Commitments, Stakes, Duties, Plan       List
}{
	DataSources: List{Of: func(o *Onboarding) any { return &o.DataSources }},
	Problems:    List{Of: func(o *Onboarding) any { return &o.Problems }},
	WorkingWell: List{Of: func(o *Onboarding) any { return &o.WorkingWell }},
	TeamRead:    List{Of: func(o *Onboarding) any { return &o.TeamRead }, Private: true},
	People:      List{Of: func(o *Onboarding) any { return &o.People }},
	Processes:   List{Of: func(o *Onboarding) any { return &o.Processes }},
	Surprises:   List{Of: func(o *Onboarding) any { return &o.Surprises }},
	Areas:       List{Of: func(o *Onboarding) any { return &o.Roles.Rows }},
	Escalation:  List{Of: func(o *Onboarding) any { return &o.Roles.Escalation }},
	Shared:      List{Of: func(o *Onboarding) any { return &o.Roles.Cadence.Shared }},
	Agenda:      List{Of: func(o *Onboarding) any { return &o.Agenda }},
	Commitments: List{Of: func(o *Onboarding) any { return &o.Commitments }},
	Stakes:      List{Of: func(o *Onboarding) any { return &o.Stakes }},
	Duties:      List{Of: func(o *Onboarding) any { return &o.Duties }},
	Plan:        List{Of: func(o *Onboarding) any { return &o.Plan }},
}

// entry is what every entry is: a struct that embeds Meta.
type entry interface{ Common() *Meta }

func (l List) slice(o *Onboarding) reflect.Value { return reflect.ValueOf(l.Of(o)).Elem() }

func metaAt(s reflect.Value, i int) *Meta { return s.Index(i).Addr().Interface().(entry).Common() }

func (l List) index(o *Onboarding, id string) int {
	s := l.slice(o)
	for i := 0; i < s.Len(); i++ {
		if metaAt(s, i).ID == id {
			return i
		}
	}
	return -1
}

// Add appends a new entry by the person typing now, private if the list
// keeps new entries private, and returns its ID.
func (l List) Add(o *Onboarding, now time.Time) (string, error) {
	s := l.slice(o)
	if s.Len() >= Cap(s.Type().Elem()) {
		return "", fullError(o, l.Of(o))
	}
	s.Set(reflect.Append(s, reflect.Zero(s.Type().Elem())))
	m := metaAt(s, s.Len()-1)
	m.ID, m.Author, m.Private, m.Updated = NewID(), o.CurrentWriter(), l.Private, Stamp(time.Time{}, now)
	return m.ID, nil
}

// Find returns a pointer to the entry with the ID, or nil.
func (l List) Find(o *Onboarding, id string) any {
	if i := l.index(o, id); i >= 0 {
		return l.slice(o).Index(i).Addr().Interface()
	}
	return nil
}

// Entries returns a pointer to each entry of the list, in order.
func (l List) Entries(o *Onboarding) []any {
	s := l.slice(o)
	out := make([]any, s.Len())
	for i := range out {
		out[i] = s.Index(i).Addr().Interface()
	}
	return out
}

// Edit changes the entry with the ID, which change gets as a pointer, and
// stamps it; it reports whether the entry was found.
func (l List) Edit(o *Onboarding, id string, now time.Time, change func(entry any)) bool {
	e := l.Find(o, id)
	if e == nil {
		return false
	}
	change(e)
	m := e.(entry).Common()
	m.Updated = Stamp(m.Updated, now)
	return true
}

// Move shifts the entry with the ID by delta places (-1 is up), and
// reports whether it moved.
func (l List) Move(o *Onboarding, id string, delta int) bool {
	i := l.index(o, id)
	j := i + delta
	s := l.slice(o)
	if i < 0 || j < 0 || j >= s.Len() {
		return false
	}
	reflect.Swapper(s.Interface())(i, j)
	return true
}

// Remove deletes the entry with the ID and leaves a tombstone, so that the
// removal travels to the other device instead of the entry coming back
// from its copy. The undo puts the entry back where it was, unless it is
// already back, and lifts the tombstone.
func (l List) Remove(o *Onboarding, id string, now time.Time) (Undo, bool) {
	at := l.index(o, id)
	if at < 0 {
		return nil, false
	}
	s := l.slice(o)
	removed := reflect.New(s.Type().Elem()).Elem()
	removed.Set(s.Index(at))
	s.Set(reflect.AppendSlice(s.Slice(0, at), s.Slice(at+1, s.Len())))
	// The removal must be newer than the entry, even when the entry came
	// from a device whose clock runs ahead.
	o.Bury(id, Stamp(removed.Addr().Interface().(entry).Common().Updated, now))
	return func(o *Onboarding, now time.Time) {
		if l.index(o, id) >= 0 {
			return
		}
		o.revive(removed.Addr().Interface().(entry).Common(), now)
		s := l.slice(o)
		i := min(at, s.Len())
		s.Set(reflect.Append(s, removed))
		reflect.Copy(s.Slice(i+1, s.Len()), s.Slice(i, s.Len()-1))
		s.Index(i).Set(removed)
	}, true
}

// SetPrivate keeps the entry on this device, or lets it travel in a share
// link again.
func (l List) SetPrivate(o *Onboarding, id string, private bool, now time.Time) bool {
	return l.Edit(o, id, now, func(e any) { e.(entry).Common().Private = private })
}
