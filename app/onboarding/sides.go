package onboarding

import (
	"strings"
	"time"
)

// The role agreement is written blind: each person fills in their side
// alone, then seals it. These are the changes a person makes to their
// side; each stamps it, so that merging two devices' copies knows whose
// answers are newer.

// EditSide changes person's side and stamps it. Its texts are cut to the
// limit.
func EditSide(o *Onboarding, person string, now time.Time, change func(*Side)) {
	s := o.Roles.SideOf(person)
	change(s)
	s.ExpectMine, s.ExpectYours = Clip(s.ExpectMine, MaxText), Clip(s.ExpectYours, MaxText)
	s.Updated = Stamp(s.Updated, now)
}

// FinishSide seals person's grid: they have finished answering it blind.
// Their written expectations stay as they are, since they are finished
// apart (FinishExpectations): a person who finishes the grid has not
// said they have finished writing. Once both grids are sealed, the
// comparison opens. The undo opens the grid again.
//
// Nothing opens a sealed grid but that undo, until both are sealed and
// the comparison shows both sides anyway: on a device the two share,
// whoever sits at it could otherwise open the other's grid and read it.
func FinishSide(o *Onboarding, person string, now time.Time) Undo {
	return sealSide(o, person, now, func(s *Side) { s.Done = true })
}

// FinishExpectations seals person's written expectations; once both
// people's are sealed, they show side by side. The undo opens them again.
func FinishExpectations(o *Onboarding, person string, now time.Time) Undo {
	return sealSide(o, person, now, func(s *Side) { s.Written = WrittenDone })
}

// sealSide makes a change to a side's seals, and returns its undo, which
// puts both seals back as they were.
func sealSide(o *Onboarding, person string, now time.Time, seal func(*Side)) Undo {
	s := o.Roles.SideOf(person)
	done, written := s.Done, s.Written
	EditSide(o, person, now, func(s *Side) {
		// A side kept before the two seals were apart has its written
		// expectations follow the grid: say where they stand before the
		// grid's seal changes.
		if s.Written == "" {
			s.Written = WrittenOpen
			if s.Done {
				s.Written = WrittenDone
			}
		}
		seal(s)
	})
	return func(o *Onboarding, now time.Time) {
		EditSide(o, person, now, func(s *Side) { s.Done, s.Written = done, written })
	}
}

// Unanswered counts the areas the person has not answered yet.
func (v BlindView) Unanswered() int {
	n := 0
	for _, r := range v.Rows {
		if r.Answer == Unanswered {
			n++
		}
	}
	return n
}

// WriteNote sets the text of a single free text of o, such as the budget
// advice or how the two disagree in public. Whoever writes in it last
// becomes its author.
func WriteNote(o *Onboarding, n *Note, text string, now time.Time) {
	n.Text = Clip(text, MaxText)
	n.Author = o.CurrentWriter()
	n.Updated = Stamp(n.Updated, now)
}

// AddArea adds an area of responsibility to the grid, by the person
// typing now.
func AddArea(o *Onboarding, area string, now time.Time) (string, error) {
	area = Clip(area, MaxShort)
	// An area's ID comes from its name, so that both people adding the
	// same area on their own devices end with one row.
	id := NameID(o.ID, "area", strings.ToLower(strings.Join(strings.Fields(area), " ")))
	if Find(o.Roles.Rows, id) != nil {
		return id, nil
	}
	added, err := Lists.Areas.Add(o, now)
	if err == nil {
		row := Find(o.Roles.Rows, added)
		row.ID, row.Area = id, area
	}
	return id, err
}

// RenameArea changes what an area of responsibility is called.
func RenameArea(o *Onboarding, id, area string, now time.Time) bool {
	return Edit(o.Roles.Rows, id, now, func(r *RoleRow) { r.Area = Clip(area, MaxShort) })
}

// AnswerArea records person's answer for an area, found by ID.
func AnswerArea(o *Onboarding, id, person string, a Answer, now time.Time) bool {
	row := Find(o.Roles.Rows, id)
	if row != nil {
		SetAnswer(o, row, person, a, now)
	}
	return row != nil
}

// OwnerLabel is an owner as the pages write it: a person's name,
// "Shared" or "Unsure".
func (o *Onboarding) OwnerLabel(owner Owner) string {
	switch owner {
	case Shared:
		return BothOfUs.Label()
	case Unsure:
		return NotSure.Label()
	}
	if p := o.PersonByID(string(owner)); p != nil {
		return p.Name
	}
	return ""
}

// OwnerName is who person's answer says owns an area, by name: their own
// name for "mine", the other person's for "yours", else the answer as the
// grid shows it.
func (o *Onboarding) OwnerName(a Answer, person string) string {
	switch a {
	case Mine:
		return o.PersonByID(person).Name
	case Yours:
		return o.Other(person).Name
	}
	return a.Label()
}
