package onboarding

import "time"

// Brief is what the checkpoints of the first weeks ask the newcomer to
// write down, so that the later ones can read it back: what the CEO said
// they were hired to fix, and which kind of situation they walk into.
type Brief struct {
	Meta
	// HiredToFix is what the CEO said, as the newcomer heard it in the
	// first week; JobNow is how the job looks at the later checkpoints.
	HiredToFix string    `json:"hiredToFix,omitempty" limit:"long"`
	JobNow     string    `json:"jobNow,omitempty" limit:"long"`
	Situation  Situation `json:"situation,omitempty"`
	// Why says what makes it that situation.
	Why string `json:"why,omitempty" limit:"long"`
}

// Situation is the kind of situation a new leader walks into, after the
// five that Michael Watkins names (STARS).
type Situation string

// The five situations.
const (
	StartUp           Situation = "start-up"
	Turnaround        Situation = "turnaround"
	AcceleratedGrowth Situation = "accelerated-growth"
	Realignment       Situation = "realignment"
	SustainingSuccess Situation = "sustaining-success"
)

// Situations lists them in the order the form offers them.
var Situations = situationLabels.values()

// situationLabels holds each value with its words.
var situationLabels = labelled[Situation]{
	{StartUp, "Start-up"},
	{Turnaround, "Turnaround"},
	{AcceleratedGrowth, "Accelerated growth"},
	{Realignment, "Realignment"},
	{SustainingSuccess, "Sustaining success"},
}

// Label is the situation as a person reads it.
func (s Situation) Label() string { return situationLabels.label(s, "") }

// EditBrief changes the brief as author, giving it an ID the first time,
// so that two devices' copies merge as one entry.
func (o *Onboarding) EditBrief(author string, now time.Time, change func(*Brief)) {
	b := &o.Brief
	o.claim(&b.Meta, author)
	change(b)
	b.Updated = now.UTC()
}

// claim gives an entry that stands on its own (the brief, the CEO step,
// the announcement) an ID the first time it is written, and an author
// when it has none that is one of the two people.
func (o *Onboarding) claim(m *Meta, author string) {
	if !IsID(m.ID) {
		m.ID = NewID()
	}
	if o.PersonByID(m.Author) == nil {
		m.Author = author
	}
}

// normalizeBrief keeps an empty brief empty, so onboardings that never
// wrote one store and share exactly as before.
func (o *Onboarding) normalizeBrief() {
	b := &o.Brief
	if *b == (Brief{}) {
		return
	}
	o.claim(&b.Meta, o.Newcomer.ID)
	if b.Situation.Label() == "" {
		b.Situation = ""
	}
}
