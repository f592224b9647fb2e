// Package onboarding is Counterpart's model: one onboarding of a new
// executive by a peer, with everything the two of them write down. It is
// plain Go with no browser code, so every rule here is tested natively.
package onboarding

import (
	"strings"
	"time"

	"github.com/google/uuid"
)

// Onboarding is one peer onboarding, as kept on one device.
//
// The sync:"..." tags say how a field travels between the two people's
// devices and how two copies are combined (see rules.go): every field of
// the model either has a rule there or follows the default of its kind,
// and rules_test.go fails for a field that has neither. Fields tagged
// sync:"device" never leave this device. The section:"..." tags say
// which part of the guide a list belongs to, for the preview of a merge.
type Onboarding struct {
	ID        string    `json:"id" sync:"id" limit:"-"`
	Title     string    `json:"title" limit:"short"`
	Buddy     Person    `json:"buddy"`
	Newcomer  Person    `json:"newcomer"`
	StartDate string    `json:"startDate" limit:"date"` // YYYY-MM-DD
	Created   time.Time `json:"created" sync:"min"`
	Updated   time.Time `json:"updated" sync:"max"`

	// Me is the ID of the person who uses this device.
	Me string `json:"me,omitempty" sync:"device" limit:"-"`
	// Writer is the ID of the person typing right now; it differs from Me
	// when the two sit together at one device.
	Writer string `json:"writer,omitempty" sync:"device" limit:"-"`
	// Example marks the built-in example, which is kept apart from the
	// person's own onboardings.
	Example bool `json:"example,omitempty" sync:"device"`
	// Sync is what this device knows of the exchange of links with the
	// other person (see sync.go).
	Sync Sync `json:"sync,omitzero" sync:"device"`
	// Partial marks a copy read without its 1:1 log (Meetings and
	// Commitments come empty): saving it leaves the stored log as it is,
	// and changing its log is refused. It is carried by the value, copies
	// included, so no copy of it can be taken for the whole.
	Partial bool `json:"-" sync:"device"`

	DataSources  []DataSource `json:"dataSources" section:"data"`
	Problems     []Problem    `json:"problems" section:"problems"`
	BudgetAdvice Note         `json:"budgetAdvice" section:"problems"`
	WorkingWell  []Note       `json:"workingWell" section:"problems"`
	TeamRead     []TeamMember `json:"teamRead" section:"team"`
	People       []Contact    `json:"people" section:"team"`
	Processes    []Process    `json:"processes" section:"processes"`
	Surprises    []Surprise   `json:"surprises" section:"processes"`
	Roles        Roles        `json:"roles" section:"roles"`
	// Stakes are what the buddy owns among what they advise on.
	Stakes []Stake `json:"stakes" section:"roles"`
	// Duties are the sweep of what the previous holder or an interim did
	// that nobody owns yet, and what happens to each.
	Duties []Duty `json:"duties" section:"roles"`
	// Plan is the newcomer's plan for the first ninety days.
	Plan   []PlanItem   `json:"plan" section:"meetings"`
	Agenda []AgendaItem `json:"agenda" section:"meetings"`

	// Brief is what the newcomer was hired to fix and the situation they
	// walk into, written at the first checkpoints and read again later.
	Brief Brief `json:"brief,omitzero"`
	// CEO is the one-page summary taken to the CEO at the `ceo`
	// checkpoint: when it went, when the CEO confirmed it, and what the
	// CEO corrected.
	CEO CEOStep `json:"ceo,omitzero"`
	// Announcement is what the pair tell the exec team, both teams and
	// the people outside once the CEO has confirmed the split.
	Announcement Announcement `json:"announcement,omitzero"`

	// Meetings is the log of weekly 1:1s, oldest first.
	Meetings []Meeting `json:"meetings" section:"meetings"`
	// Commitments are what each person said they would do.
	Commitments []Commitment `json:"commitments" section:"meetings"`

	// Deleted holds a tombstone for every entry removed, by entry ID, with
	// when it was removed. A removal then travels to the other person's
	// device instead of the entry coming back from their copy.
	Deleted map[string]time.Time `json:"deleted,omitempty" sync:"tombstones"`
	// Changed says when each of the onboarding's own values (the title,
	// the people, the start date, the cadence: everything that is not in
	// an entry) last changed, by its path such as "roles.cadence.day", so
	// that combining two copies keeps the newer of each. Apply keeps it.
	Changed map[string]time.Time `json:"changed,omitempty" sync:"stamps"`
}

// Person is one of the two executives.
type Person struct {
	ID       string   `json:"id" limit:"-"`
	Name     string   `json:"name" limit:"short"`
	Role     string   `json:"role" limit:"short"` // their title, such as "CFO"
	Function Function `json:"function"`
}

// Meta is what every entry carries: an ID, who wrote it, whether it stays
// on this device, and when it last changed.
type Meta struct {
	ID      string    `json:"id" limit:"-"`
	Author  string    `json:"author" limit:"-"` // a Person ID
	Private bool      `json:"private,omitempty"`
	Updated time.Time `json:"updated"`
}

// Common returns the entry's Meta; generic code over entries uses it.
func (m *Meta) Common() *Meta { return m }

// DataSource is a place where real numbers live.
type DataSource struct {
	Meta
	Name    string `json:"name" limit:"short"`
	Link    string `json:"link" limit:"link"`
	Answers string `json:"answers" limit:"long"` // what question it answers
	Owner   string `json:"owner" limit:"short"`
	Checked bool   `json:"checked"` // the newcomer looked at it themselves
}

// Problem is one of the few problems to work on first.
type Problem struct {
	Meta
	Problem    string `json:"problem" limit:"long"`
	Evidence   string `json:"evidence" limit:"long"`
	FirstStep  string `json:"firstStep" limit:"long"`
	WhoFeelsIt string `json:"whoFeelsIt" limit:"short"`
	// Resolved takes the problem off the 1:1's standing topics.
	Resolved bool `json:"resolved,omitempty"`
}

// Note is a piece of free text with an author.
type Note struct {
	Meta
	Text string `json:"text" limit:"long"`
}

// TeamMember is the honest read of one person on the newcomer's team.
type TeamMember struct {
	Meta
	Person    string `json:"person" limit:"short"`
	Role      string `json:"role" limit:"short"`
	Strengths string `json:"strengths" limit:"long"`
	WatchOuts string `json:"watchOuts" limit:"long"`
	History   string `json:"history" limit:"long"`
}

// Reason says why someone is worth the newcomer's time.
type Reason string

// The reasons a person matters beyond the org chart.
const (
	ReasonTenure    Reason = "tenure"
	ReasonInfluence Reason = "influence"
	ReasonKnowledge Reason = "knowledge"
)

// Reasons lists the reasons in the order the form offers them.
var Reasons = reasonLabels.values()

// reasonLabels holds each value with its words.
var reasonLabels = labelled[Reason]{
	{ReasonTenure, "Long tenure"},
	{ReasonInfluence, "Quiet influence"},
	{ReasonKnowledge, "Knows what no one else does"},
}

// Label is the reason as a person reads it.
func (r Reason) Label() string { return reasonLabels.label(r, "") }

// Contact is someone the newcomer should spend time with.
type Contact struct {
	Meta
	Name   string `json:"name" limit:"short"`
	Role   string `json:"role" limit:"short"`
	Reason Reason `json:"reason"`
	Why    string `json:"why" limit:"long"`
	Met    bool   `json:"met"`
}

// Health is how well a process works today.
type Health string

// The states of a process.
const (
	Working  Health = "working"
	Strained Health = "strained"
	Broken   Health = "broken"
)

// Healths lists the states in the order the form offers them.
var Healths = healthLabels.values()

// healthLabels holds each value with its words.
var healthLabels = labelled[Health]{
	{Working, "Working"},
	{Strained, "Strained"},
	{Broken, "Broken"},
}

// Label is the state as a person reads it.
func (h Health) Label() string { return healthLabels.label(h, "") }

// Process is one of the company's key processes.
type Process struct {
	Meta
	Name      string `json:"name" limit:"short"`
	Cadence   string `json:"cadence" limit:"short"`
	Since     string `json:"since" limit:"short"` // how long it has been in place
	Health    Health `json:"health"`
	ChangeHow string `json:"changeHow" limit:"long"` // how to propose a change
}

// Surprise is something the company does that a newcomer won't expect.
type Surprise struct {
	Meta
	What string `json:"what" limit:"long"`
	When string `json:"when" limit:"short"` // when it comes around
}

// AgendaItem is a topic for the next 1:1. Source says where it came from,
// such as "roles:<row id>" for a role mismatch, so it is added only once.
type AgendaItem struct {
	Meta
	Text   string `json:"text" limit:"long"`
	Source string `json:"source,omitempty" limit:"short"`
	Done   bool   `json:"done,omitempty"`
}

// NewID returns a fresh random ID.
func NewID() string {
	return uuid.NewString()
}

// idSpace is the namespace of the IDs derived from a name (NameID).
var idSpace = uuid.MustParse("5f0c3a4e-7d2b-4c1e-9a6f-2b8e1d4c7a90")

// NameID returns the ID of an entry that has a natural identity, derived
// from what names it: the 1:1 of an onboarding on a date, the agenda item
// a checkpoint puts on that 1:1. Two devices that make the same entry
// without knowing of each other (both people start this week's 1:1) give
// it the same ID, and their copies merge as one entry.
func NameID(names ...string) string {
	return uuid.NewSHA1(idSpace, []byte(strings.Join(names, "\x00"))).String()
}

// IsID reports whether s is an ID this package made (a UUID).
func IsID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}

// PersonByID returns the buddy or the newcomer, or nil.
func (o *Onboarding) PersonByID(id string) *Person {
	switch id {
	case o.Buddy.ID:
		return &o.Buddy
	case o.Newcomer.ID:
		return &o.Newcomer
	}
	return nil
}

// Other returns the person who is not id.
func (o *Onboarding) Other(id string) *Person {
	if id == o.Buddy.ID {
		return &o.Newcomer
	}
	return &o.Buddy
}

// IsNewcomer reports whether the person id is the new executive.
func (o *Onboarding) IsNewcomer(id string) bool {
	return id == o.Newcomer.ID
}

// CurrentWriter is who is typing now: Writer if set and valid, else Me.
func (o *Onboarding) CurrentWriter() string {
	if o.PersonByID(o.Writer) != nil {
		return o.Writer
	}
	if o.PersonByID(o.Me) != nil {
		return o.Me
	}
	return o.Buddy.ID
}

// Bury records that the entry id was removed now, so the removal wins
// over an older copy of the entry arriving from the other device.
func (o *Onboarding) Bury(id string, now time.Time) {
	if o.Deleted == nil {
		o.Deleted = map[string]time.Time{}
	}
	o.Deleted[id] = Stamp(o.Deleted[id], now)
}

// revive readies an entry that was removed to be put back, as a change
// made now: stamped after its removal, so that the removal, wherever it
// has travelled, no longer takes it out. The removal itself stays: the
// other person's copy may hold it already, and copies that kept it while
// this one forgot it would never agree.
func (o *Onboarding) revive(m *Meta, now time.Time) {
	m.Updated = Stamp(latest(m.Updated, o.Deleted[m.ID]), now)
}

// Touch records that the onboarding changed now, a stamp of this device,
// and that this device holds its own change.
func (o *Onboarding) Touch(now time.Time) {
	o.Updated = Stamp(o.Updated, now)
	if d := DeviceOf(o.Updated); d != Legacy {
		if o.Sync.Have == nil {
			o.Sync.Have = Vector{}
		}
		o.Sync.Have.Add(o.Updated)
		o.Sync.Device = d
	}
}
