package onboarding

import (
	"errors"
	"strings"
	"time"
)

// Duty is one thing the previous holder of the seat, or an interim
// leader, did that no grid would list, often informally: the sweep asks
// who did it and what happens to it now, so that none is left with
// nobody. "Add to the grid" makes it an area of the role agreement.
type Duty struct {
	Meta
	Duty   string `json:"duty" limit:"short"`
	DoneBy DoneBy `json:"doneBy"`
	Fate   Fate   `json:"fate"`
	// To names the executive it goes to, when Fate is ToNamed.
	To string `json:"to,omitempty" limit:"short"`
	// Row is the ID of the grid's area made from the duty, or "".
	Row string `json:"row,omitempty" limit:"-"`
}

// DoneBy is who did a duty while the seat was changing hands.
type DoneBy string

// Who can have done it.
const (
	ByPrevious DoneBy = "previous"
	ByInterim  DoneBy = "interim"
	ByNobody   DoneBy = "nobody"
)

// DoneBys lists them in the order the form offers them.
var DoneBys = doneByLabels.values()

var doneByLabels = labelled[DoneBy]{
	{ByPrevious, "The previous holder"},
	{ByInterim, "An interim leader"},
	{ByNobody, "Nobody officially"},
}

// Label is who did it, as a person reads it.
func (d DoneBy) Label() string { return doneByLabels.label(d, "") }

// Fate is what happens to a duty now.
type Fate string

// What can happen to it.
const (
	ToNewcomer Fate = "newcomer"
	ToBuddy    Fate = "buddy"
	Stops      Fate = "stops"
	ToNamed    Fate = "named"
)

// Fates lists them in the order the form offers them.
var Fates = []Fate{ToNewcomer, ToBuddy, Stops, ToNamed}

// Label is the fate as both read it, with their names: "Moves to Farah
// Qureshi", "Stays with Callum Reid", "Stops", "Goes to another
// executive".
func (f Fate) Label(o *Onboarding) string {
	switch f {
	case ToNewcomer:
		return "Moves to " + o.Newcomer.Name
	case ToBuddy:
		return "Stays with " + o.Buddy.Name
	case Stops:
		return "Stops"
	case ToNamed:
		return "Goes to another executive"
	}
	return ""
}

// Outcome says what happens to the duty in one phrase, naming the
// executive it goes to: "Goes to Martin Hale", or "" when not decided.
func (d *Duty) Outcome(o *Onboarding) string {
	if d.Fate == ToNamed {
		if to := strings.TrimSpace(d.To); to != "" {
			return "Goes to " + to
		}
	}
	return d.Fate.Label(o)
}

// InGrid reports whether the duty has been made an area of the grid that
// is still there.
func (o *Onboarding) InGrid(d *Duty) bool {
	return d.Row != "" && Find(o.Roles.Rows, d.Row) != nil
}

// AddDutyToGrid makes the duty an area of the grid, named as the duty,
// and remembers the area, so a second click (or the other device's
// click) adds nothing: an area's ID comes from its name. It returns the
// area's ID, or an error a person can read.
func AddDutyToGrid(o *Onboarding, id string, now time.Time) (string, error) {
	d := Find(o.Duties, id)
	if d == nil {
		return "", ErrNoDuty
	}
	if o.InGrid(d) {
		return d.Row, nil
	}
	area := strings.TrimSpace(d.Duty)
	if area == "" {
		return "", ErrBlankDuty
	}
	row, err := AddArea(o, area, now)
	if err != nil {
		return "", err
	}
	Edit(o.Duties, id, now, func(d *Duty) { d.Row = row })
	return row, nil
}

// Why a duty could not be added to the grid, for the person.
var (
	ErrNoDuty    = errors.New("That duty is no longer in the sweep, so nothing was added.")
	ErrBlankDuty = errors.New("Write the duty first: its words become the name of the area.")
)

// normalizeDuty cleans one duty read from outside.
func normalizeDuty(d *Duty) {
	if d.DoneBy.Label() == "" {
		d.DoneBy = ""
	}
	switch d.Fate {
	case ToNewcomer, ToBuddy, Stops, ToNamed:
	default:
		d.Fate = ""
	}
	if d.Row != "" && !IsID(d.Row) {
		d.Row = ""
	}
}
