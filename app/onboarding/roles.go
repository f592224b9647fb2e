package onboarding

import (
	"sort"
	"strings"
	"time"
)

// Owner is who one person thinks owns an area: a person's ID, Shared or
// Unsure. Storing the owner rather than "mine" or "yours" makes the two
// sides directly comparable.
type Owner string

// The answers that are not a person.
const (
	Shared Owner = "shared"
	Unsure Owner = "unsure"
)

// Answer is an owner as seen by the person answering.
type Answer string

// The four answers the grid offers, and no answer yet.
const (
	Mine       Answer = "mine"
	Yours      Answer = "yours"
	BothOfUs   Answer = "shared"
	NotSure    Answer = "unsure"
	Unanswered Answer = ""
)

// Answers lists the choices in the order the grid shows them.
var Answers = answerLabels.values()

// answerLabels holds each value with its words.
var answerLabels = labelled[Answer]{
	{Mine, "Mine"},
	{Yours, "Yours"},
	{BothOfUs, "Shared"},
	{NotSure, "Unsure"},
}

// Label is the answer as the grid shows it.
func (a Answer) Label() string { return answerLabels.label(a, "—") }

// RoleRow is one area of responsibility in the ownership grid.
type RoleRow struct {
	Meta
	Area string `json:"area" limit:"short"`
	// Owners holds each person's answer, by person ID.
	// Each answer comes from the copy where its person last changed
	// their side, whichever copy of the row is newer.
	Owners map[string]Owner `json:"owners,omitempty" sync:"side"`
	// Settled is the owner the two agreed on after talking a mismatch
	// over; it takes the row off the 1:1's standing topics.
	Settled Owner `json:"settled,omitempty"`
}

// Side is what one person writes alone, before seeing the other's answers.
// The grid and the written expectations are sealed apart: finishing one
// says nothing about the other.
type Side struct {
	ExpectMine  string `json:"expectMine" limit:"long"`  // what I expect of my role
	ExpectYours string `json:"expectYours" limit:"long"` // what I expect of yours
	// Done seals the grid: the person has finished answering it blind.
	Done bool `json:"done,omitempty"`
	// Written is where the written expectations stand: WrittenOpen or
	// WrittenDone. A side kept before the two were sealed apart has none,
	// and its expectations were sealed with its grid: they follow Done.
	Written string    `json:"written,omitempty" limit:"-"`
	Updated time.Time `json:"updated"`
}

// Where a side's written expectations stand.
const (
	WrittenOpen = "open"
	WrittenDone = "done"
)

// expectationsDone reports whether the side's written expectations are
// sealed.
func (s *Side) expectationsDone() bool {
	if s == nil {
		return false
	}
	if s.Written == "" {
		return s.Done
	}
	return s.Written == WrittenDone
}

// HasExpectations reports whether the side says something of both roles.
func (s *Side) HasExpectations() bool {
	return s != nil && strings.TrimSpace(s.ExpectMine) != "" && strings.TrimSpace(s.ExpectYours) != ""
}

// Step is one step of the escalation path.
type Step struct {
	Meta
	Text string `json:"text" limit:"long"`
}

// SharedMeeting is a meeting where both organisations meet.
type SharedMeeting struct {
	Meta
	Name    string `json:"name" limit:"short"`
	Cadence string `json:"cadence" limit:"short"`
	Debrief bool   `json:"debrief"` // talk it over afterwards
	// LastHeld is the date it last took place (YYYY-MM-DD); a debrief
	// item for that date goes on the next 1:1's agenda.
	LastHeld string `json:"lastHeld,omitempty" limit:"date"`
}

// Cadence is how the two keep working together.
type Cadence struct {
	Day     string `json:"day" limit:"-"`  // the weekly 1:1's weekday, e.g. "tuesday"
	Time    string `json:"time" limit:"-"` // HH:MM
	Minutes int    `json:"minutes"`        // its length
	// Zone is the IANA time zone the day and time are in, such as
	// "Europe/Paris"; the calendar file needs it to get summer time right.
	Zone   string `json:"zone,omitempty" limit:"short"`
	Social string `json:"social" limit:"short"` // time together that isn't about work
	// SocialEvery, SocialDay and SocialTime put the time together in the
	// calendar: "monthly" or "quarterly", on the second SocialDay of the
	// month, at SocialTime. Social says what it is in words; these only
	// say when, and are empty until the pair choose.
	SocialEvery string          `json:"socialEvery,omitempty" limit:"-"`
	SocialDay   string          `json:"socialDay,omitempty" limit:"-"`
	SocialTime  string          `json:"socialTime,omitempty" limit:"-"`
	Shared      []SharedMeeting `json:"shared"`
	// Sessions are the working sessions the pair booked for the stages of
	// the guide, if any: the calendar file holds those and no other.
	Sessions Sessions `json:"sessions,omitzero"`
}

// Sessions holds, for each stage of the guide, when the pair will work
// through it together, as a local date and time (YYYY-MM-DDTHH:MM), or
// "" when they have not booked one.
type Sessions struct {
	Data      string `json:"data,omitempty" limit:"-"`
	Problems  string `json:"problems,omitempty" limit:"-"`
	Team      string `json:"team,omitempty" limit:"-"`
	Processes string `json:"processes,omitempty" limit:"-"`
	Roles     string `json:"roles,omitempty" limit:"-"`
}

// of is the field of a stage's session.
func (s *Sessions) of(stage Stage) *string {
	switch stage {
	case StageData:
		return &s.Data
	case StageProblems:
		return &s.Problems
	case StageTeam:
		return &s.Team
	case StageProcesses:
		return &s.Processes
	case StageRoles:
		return &s.Roles
	}
	return nil
}

// At is when the session of a stage is booked, or "".
func (s Sessions) At(stage Stage) string {
	if f := s.of(stage); f != nil {
		return *f
	}
	return ""
}

// How often the time together can recur in the calendar.
const (
	Monthly   = "monthly"
	Quarterly = "quarterly"
)

// RecommendedMinutes is the length the guide recommends for the weekly 1:1:
// enough to dig into two or three real problems.
const RecommendedMinutes = 60

// Weekdays are the days the 1:1 can fall on.
var Weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday"}

// Roles is the role agreement: each side's grid and expectations, written
// blind, and what the two agree together.
type Roles struct {
	Rows  []RoleRow        `json:"rows"`
	Sides map[string]*Side `json:"sides,omitempty"` // by person ID
	// Seeded records that the default rows were added once, so removing
	// them all does not bring them back.
	Seeded       bool    `json:"seeded,omitempty"`
	Disagreement Note    `json:"disagreement"`
	Escalation   []Step  `json:"escalation"`
	Cadence      Cadence `json:"cadence"`
}

func (r *Roles) side(person string) *Side {
	if r.Sides == nil {
		return nil
	}
	return r.Sides[person]
}

// SideOf returns a person's side, creating it when missing.
func (r *Roles) SideOf(person string) *Side {
	if r.Sides == nil {
		r.Sides = map[string]*Side{}
	}
	if r.Sides[person] == nil {
		r.Sides[person] = &Side{}
	}
	return r.Sides[person]
}

// IsDone reports whether a person has sealed their grid.
func (r *Roles) IsDone(person string) bool {
	s := r.side(person)
	return s != nil && s.Done
}

// BothDone reports whether both grids are in, which opens the comparison.
func (r *Roles) BothDone(o *Onboarding) bool {
	return r.IsDone(o.Buddy.ID) && r.IsDone(o.Newcomer.ID)
}

// HasWritten reports whether a person has sealed their written
// expectations.
func (r *Roles) HasWritten(person string) bool {
	return r.side(person).expectationsDone()
}

// BothWritten reports whether both people's written expectations are in,
// which shows them side by side.
func (r *Roles) BothWritten(o *Onboarding) bool {
	return r.HasWritten(o.Buddy.ID) && r.HasWritten(o.Newcomer.ID)
}

// SeedRows adds the default areas once.
func (r *Roles) SeedRows(areas []string, author string, now time.Time) {
	if r.Seeded {
		return
	}
	r.Seeded = true
	for _, a := range areas {
		if row := Add(&r.Rows, author, now); row != nil {
			row.Area = Clip(a, MaxShort)
		}
	}
}

// AnswerOf is what person answered for a row, from their point of view.
func AnswerOf(o *Onboarding, row *RoleRow, person string) Answer {
	switch owner := row.Owners[person]; owner {
	case "":
		return Unanswered
	case Shared:
		return BothOfUs
	case Unsure:
		return NotSure
	case Owner(person):
		return Mine
	case Owner(o.Other(person).ID):
		return Yours
	}
	return Unanswered
}

// SetAnswer records person's answer for a row, turning "mine" and "yours"
// into the owner's ID.
func SetAnswer(o *Onboarding, row *RoleRow, person string, a Answer, now time.Time) {
	if row.Owners == nil {
		row.Owners = map[string]Owner{}
	}
	switch a {
	case Mine:
		row.Owners[person] = Owner(person)
	case Yours:
		row.Owners[person] = Owner(o.Other(person).ID)
	case BothOfUs:
		row.Owners[person] = Shared
	case NotSure:
		row.Owners[person] = Unsure
	default:
		delete(row.Owners, person)
	}
	row.Updated = Stamp(row.Updated, now)
	// The side's time says when this person last changed anything of
	// theirs, so that merging two devices' copies knows whose answers are
	// newer.
	s := o.Roles.SideOf(person)
	s.Updated = Stamp(s.Updated, now)
}

// BlindRow is a row as one person may see it while the sides are open:
// the area and their own answer, nothing of the other person's.
type BlindRow struct {
	ID     string
	Area   string
	Answer Answer
}

// BlindView is everything of the role grid one person may see while
// writing blind.
type BlindView struct {
	Person      string
	Rows        []BlindRow
	ExpectMine  string
	ExpectYours string
	// Done and Written say whether the person has sealed their grid and
	// their written expectations.
	Done, Written bool
	// OtherDone and OtherWritten say whether the other person has sealed
	// theirs, and nothing more about their side.
	OtherDone, OtherWritten bool
}

// ViewFor returns what person may see of the grid. It copies only that
// person's answers, so a renderer given the view cannot show the other
// side even by mistake.
func ViewFor(o *Onboarding, person string) BlindView {
	other := o.Other(person).ID
	v := BlindView{Person: person, OtherDone: o.Roles.IsDone(other), OtherWritten: o.Roles.HasWritten(other)}
	for i := range o.Roles.Rows {
		row := &o.Roles.Rows[i]
		v.Rows = append(v.Rows, BlindRow{ID: row.ID, Area: row.Area, Answer: AnswerOf(o, row, person)})
	}
	if s := o.Roles.side(person); s != nil {
		v.ExpectMine, v.ExpectYours, v.Done, v.Written = s.ExpectMine, s.ExpectYours, s.Done, s.expectationsDone()
	}
	return v
}

// Verdict is how two answers for one area compare.
type Verdict string

// The verdicts, from the most to the least pressing.
const (
	BothClaim     Verdict = "both-claim"
	NeitherClaims Verdict = "neither-claims"
	SeenDifferent Verdict = "different"
	OneUnsure     Verdict = "unsure"
	Waiting       Verdict = "waiting"
	// Settled is an area the two answered differently, then agreed an
	// owner for after talking it over (RoleRow.Settled).
	Settled Verdict = "settled"
	Agreed  Verdict = "agreed"
)

// Verdicts lists the verdicts in the order the comparison shows them.
var Verdicts = verdictLabels.values()

// verdictLabels holds each value with its words.
var verdictLabels = labelled[Verdict]{
	{BothClaim, "Both claim it"},
	{NeitherClaims, "Neither claims it"},
	{SeenDifferent, "Seen differently"},
	{OneUnsure, "Unsure"},
	{Waiting, "Not answered"},
	{Settled, "Agreed in a 1:1"},
	{Agreed, "Agreed"},
}

// Label is the verdict as the comparison shows it.
func (v Verdict) Label() string { return verdictLabels.label(v, "") }

// Mismatch reports whether the verdict is still worth talking about.
func (v Verdict) Mismatch() bool {
	return v != Agreed && v != Waiting && v != Settled
}

// Judge compares the buddy's and the newcomer's owner for one area.
func Judge(o *Onboarding, buddySays, newcomerSays Owner) Verdict {
	b, n := Owner(o.Buddy.ID), Owner(o.Newcomer.ID)
	switch {
	case buddySays == "" || newcomerSays == "":
		return Waiting
	case buddySays == Unsure || newcomerSays == Unsure:
		return OneUnsure
	case buddySays == newcomerSays:
		return Agreed
	case buddySays == b && newcomerSays == n:
		return BothClaim
	case buddySays == n && newcomerSays == b:
		return NeitherClaims
	}
	return SeenDifferent
}

// Comparison is one row with both answers side by side.
type Comparison struct {
	Row      *RoleRow
	Buddy    Answer // from the buddy's point of view
	Newcomer Answer // from the newcomer's point of view
	Verdict  Verdict
	// Owner is who owns the area, once that is agreed: on the grid, or
	// after talking it over (then Verdict is Settled); else "".
	Owner Owner
	// OnAgenda reports whether the row is still to be talked over on the
	// 1:1 agenda.
	OnAgenda bool
}

// VerdictOf is how a row stands: the owner agreed after talking it over
// wins over the answers on the grid, wherever it was agreed, so that an
// area settled in a 1:1 reads as settled everywhere.
func VerdictOf(o *Onboarding, row *RoleRow) (Verdict, Owner) {
	b, n := row.Owners[o.Buddy.ID], row.Owners[o.Newcomer.ID]
	v := Judge(o, b, n)
	switch {
	case v == Agreed && (row.Settled == "" || row.Settled == b):
		return Agreed, b
	case row.Settled != "":
		return Settled, row.Settled
	}
	return v, ""
}

// Compare puts both sides of every row together, mismatches first, and
// counts each verdict. Callers must only show it once BothDone holds.
func Compare(o *Onboarding) ([]Comparison, map[Verdict]int) {
	counts := map[Verdict]int{}
	rows := make([]Comparison, 0, len(o.Roles.Rows))
	for i := range o.Roles.Rows {
		row := &o.Roles.Rows[i]
		v, owner := VerdictOf(o, row)
		counts[v]++
		rows = append(rows, Comparison{
			Row:      row,
			Buddy:    AnswerOf(o, row, o.Buddy.ID),
			Newcomer: AnswerOf(o, row, o.Newcomer.ID),
			Verdict:  v,
			Owner:    owner,
			OnAgenda: v.Mismatch() && o.onAgenda(rowSource(row.ID)),
		})
	}
	rank := map[Verdict]int{}
	for i, v := range Verdicts {
		rank[v] = i
	}
	sort.SliceStable(rows, func(i, j int) bool { return rank[rows[i].Verdict] < rank[rows[j].Verdict] })
	return rows, counts
}

func rowSource(rowID string) string { return "roles:" + rowID }

func (o *Onboarding) agendaItemFor(source string) *AgendaItem {
	for i := range o.Agenda {
		if o.Agenda[i].Source == source {
			return &o.Agenda[i]
		}
	}
	return nil
}

// onAgenda reports whether an item from source waits for the next 1:1,
// or is still open on the latest one, from where it will carry forward.
func (o *Onboarding) onAgenda(source string) bool {
	if o.agendaItemFor(source) != nil {
		return true
	}
	if m := o.LatestMeeting(); m != nil {
		for _, it := range m.Items {
			if it.Source == source && !it.Done && !o.TopicDone(it.Topic()) {
				return true
			}
		}
	}
	return false
}

// AddToAgenda turns a mismatched row into an item for the next 1:1. It
// adds it once; asking again returns the existing item, or nil while the
// item is open on the latest 1:1, or once the area is agreed.
func AddToAgenda(o *Onboarding, rowID, author string, now time.Time) *AgendaItem {
	row := Find(o.Roles.Rows, rowID)
	if row == nil {
		return nil
	}
	v, _ := VerdictOf(o, row)
	if !v.Mismatch() {
		return nil
	}
	if item := o.agendaItemFor(rowSource(rowID)); item != nil {
		return item
	}
	if o.onAgenda(rowSource(rowID)) {
		return nil // still open on the latest 1:1's agenda
	}
	item := Add(&o.Agenda, author, now)
	if item == nil {
		return nil
	}
	item.Text = Clip("Who owns "+row.Area+"? ("+v.Label()+")", MaxText)
	item.Source = rowSource(rowID)
	return item
}
