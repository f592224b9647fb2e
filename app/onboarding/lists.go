package onboarding

import (
	"errors"
	"strconv"
	"time"
)

// Undo puts back what an operation changed, as a change made at now.
// Operations that a person may regret return one; it is applied to the
// onboarding as it is by then, which may hold later edits, so it changes
// only what the operation did.
type Undo func(o *Onboarding, now time.Time)

// ErrListFull is what adding to a list that holds MaxEntries gives.
var ErrListFull = errors.New("this list is full: it holds up to " + strconv.Itoa(MaxEntries) + " entries")

// List is one list of entries of an onboarding, such as its data sources,
// with the operations every list shares: add, move, remove with a
// tombstone and an undo, and the private switch.
type List[T any, P Entry[T]] struct {
	// Of returns the list in an onboarding.
	Of func(*Onboarding) *[]T
	// Private makes new entries private, as the team read is until the
	// person says otherwise.
	Private bool
}

// Lists holds every list of entries a person edits one by one. A test
// checks that it names every list of the model.
var Lists = struct {
	DataSources List[DataSource, *DataSource]
	Problems    List[Problem, *Problem]
	WorkingWell List[Note, *Note]
	TeamRead    List[TeamMember, *TeamMember]
	People      List[Contact, *Contact]
	Processes   List[Process, *Process]
	Surprises   List[Surprise, *Surprise]
	Areas       List[RoleRow, *RoleRow]
	Escalation  List[Step, *Step]
	Shared      List[SharedMeeting, *SharedMeeting]
	Agenda      List[AgendaItem, *AgendaItem]
	Commitments List[Commitment, *Commitment]
}{
	DataSources: List[DataSource, *DataSource]{Of: func(o *Onboarding) *[]DataSource { return &o.DataSources }},
	Problems:    List[Problem, *Problem]{Of: func(o *Onboarding) *[]Problem { return &o.Problems }},
	WorkingWell: List[Note, *Note]{Of: func(o *Onboarding) *[]Note { return &o.WorkingWell }},
	TeamRead:    List[TeamMember, *TeamMember]{Of: func(o *Onboarding) *[]TeamMember { return &o.TeamRead }, Private: true},
	People:      List[Contact, *Contact]{Of: func(o *Onboarding) *[]Contact { return &o.People }},
	Processes:   List[Process, *Process]{Of: func(o *Onboarding) *[]Process { return &o.Processes }},
	Surprises:   List[Surprise, *Surprise]{Of: func(o *Onboarding) *[]Surprise { return &o.Surprises }},
	Areas:       List[RoleRow, *RoleRow]{Of: func(o *Onboarding) *[]RoleRow { return &o.Roles.Rows }},
	Escalation:  List[Step, *Step]{Of: func(o *Onboarding) *[]Step { return &o.Roles.Escalation }},
	Shared:      List[SharedMeeting, *SharedMeeting]{Of: func(o *Onboarding) *[]SharedMeeting { return &o.Roles.Cadence.Shared }},
	Agenda:      List[AgendaItem, *AgendaItem]{Of: func(o *Onboarding) *[]AgendaItem { return &o.Agenda }},
	Commitments: List[Commitment, *Commitment]{Of: func(o *Onboarding) *[]Commitment { return &o.Commitments }},
}

// Add appends a new entry by the person typing now, private if the list
// keeps new entries private, and returns its ID.
func (l List[T, P]) Add(o *Onboarding, now time.Time) (string, error) {
	e := P(Add[T, P](l.Of(o), o.CurrentWriter(), now))
	if e == nil {
		return "", ErrListFull
	}
	e.Common().Private = l.Private
	return e.Common().ID, nil
}

// Find returns the entry with the ID, or nil.
func (l List[T, P]) Find(o *Onboarding, id string) *T { return Find[T, P](*l.Of(o), id) }

// Edit changes the entry with the ID and stamps it; it reports whether the
// entry was found.
func (l List[T, P]) Edit(o *Onboarding, id string, now time.Time, change func(*T)) bool {
	return Edit[T, P](*l.Of(o), id, now, change)
}

// Move shifts the entry with the ID by delta places (-1 is up), and
// reports whether it moved.
func (l List[T, P]) Move(o *Onboarding, id string, delta int) bool {
	return Move[T, P](*l.Of(o), id, delta)
}

// Remove deletes the entry with the ID and leaves a tombstone, so that the
// removal travels to the other device instead of the entry coming back
// from its copy. The undo puts the entry back where it was, unless it is
// already back, and lifts the tombstone.
func (l List[T, P]) Remove(o *Onboarding, id string, now time.Time) (Undo, bool) {
	removed, at, ok := Remove[T, P](l.Of(o), id)
	if !ok {
		return nil, false
	}
	o.Bury(id, now)
	return func(o *Onboarding, _ time.Time) {
		o.Unbury(id)
		if l.Find(o, id) == nil {
			Insert(l.Of(o), at, removed)
		}
	}, true
}

// SetPrivate keeps the entry on this device, or lets it travel in a share
// link again.
func (l List[T, P]) SetPrivate(o *Onboarding, id string, private bool, now time.Time) bool {
	return l.Edit(o, id, now, func(e *T) { P(e).Common().Private = private })
}
