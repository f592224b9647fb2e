package onboarding

import (
	"errors"
	"strings"
	"time"
)

// The changes a person makes on the weekly 1:1 page, each by the person
// typing now. The rules of what carries forward and what stays open are
// in oneonones.go.

// ErrNoMeeting is what changing a 1:1 that was removed meanwhile, perhaps
// in another tab, gives.
var ErrNoMeeting = errors.New("this 1:1 was removed")

// Carried is what starting the 1:1 of date would carry forward: the open
// items of the latest meeting before it, and that meeting (nil if none).
func Carried(o *Onboarding, date string) (from *Meeting, items []MeetingItem) {
	from = o.latestBefore(date)
	if from == nil {
		return nil, nil
	}
	for _, it := range from.Items {
		if !it.Done && !o.TopicDone(it.Topic()) {
			items = append(items, it)
		}
	}
	return from, items
}

// AddItem puts an item on the agenda of a 1:1, raised on its date.
func AddItem(o *Onboarding, meetingID, text string, now time.Time) error {
	m := Find(o.Meetings, meetingID)
	if m == nil {
		return ErrNoMeeting
	}
	it := Add(&m.Items, o.CurrentWriter(), now)
	if it == nil {
		return fullError(o, &m.Items)
	}
	it.Text, it.Raised = Clip(strings.TrimSpace(text), MaxText), m.Date
	return nil
}

// SetItemDone ticks an item of a 1:1 off, or opens it again. A topic done
// stops carrying forward.
func SetItemDone(o *Onboarding, meetingID, itemID string, done bool, now time.Time) bool {
	m := Find(o.Meetings, meetingID)
	return m != nil && Edit(m.Items, itemID, now, func(it *MeetingItem) { it.Done = done })
}

// EditMeeting changes what a 1:1 says, its notes and decisions, cut to
// the limit.
func EditMeeting(o *Onboarding, meetingID string, now time.Time, change func(*Meeting)) bool {
	return Edit(o.Meetings, meetingID, now, func(m *Meeting) {
		change(m)
		m.Notes, m.Decisions = Clip(m.Notes, MaxText), Clip(m.Decisions, MaxText)
	})
}

// QueueTopic adds a topic for the next 1:1, which starting it moves onto
// its agenda.
func QueueTopic(o *Onboarding, text string, now time.Time) error {
	id, err := Lists.Agenda.Add(o, now)
	if err == nil {
		Find(o.Agenda, id).Text = Clip(strings.TrimSpace(text), MaxText)
	}
	return err
}

// Queued is what waits for the next 1:1: the topics queued and not done.
func (o *Onboarding) Queued() []AgendaItem {
	var out []AgendaItem
	for _, q := range o.Agenda {
		if !q.Done {
			out = append(out, q)
		}
	}
	return out
}

// ResolveProblem takes a top problem off the standing topics; it stays on
// the problems page. The undo puts it back on.
func ResolveProblem(o *Onboarding, id string, now time.Time) (Undo, bool) {
	p := Find(o.Problems, id)
	if p == nil {
		return nil, false
	}
	was := p.Resolved
	Edit(o.Problems, id, now, func(p *Problem) { p.Resolved = true })
	return func(o *Onboarding, now time.Time) {
		Edit(o.Problems, id, now, func(p *Problem) { p.Resolved = was })
	}, true
}

// SetStatus records where a commitment stands; an unknown status changes
// nothing.
func SetStatus(o *Onboarding, id string, s Status, now time.Time) bool {
	if s.Label() == "" {
		return false
	}
	return Edit(o.Commitments, id, now, func(c *Commitment) { c.Status = s })
}

// CommitmentsOf lists the commitments made in a 1:1.
func (o *Onboarding) CommitmentsOf(meetingID string) []Commitment {
	var out []Commitment
	for _, c := range o.Commitments {
		if c.Meeting == meetingID {
			out = append(out, c)
		}
	}
	return out
}

// ItemKind says what put an item on the agenda.
type ItemKind string

// The kinds of agenda item.
const (
	RaisedByPerson ItemKind = ""
	FromRoles      ItemKind = "role"       // an area the two answered differently
	FromDebrief    ItemKind = "debrief"    // a shared meeting to talk over
	FromCheckpoint ItemKind = "checkpoint" // a checkpoint of the first ninety days
)

// Kind says what put the item on the agenda.
func (it MeetingItem) Kind() ItemKind {
	switch {
	case strings.HasPrefix(it.Source, rowSource("")):
		return FromRoles
	case strings.HasPrefix(it.Source, debriefPrefix):
		return FromDebrief
	case strings.HasPrefix(it.Source, checkpointPrefix):
		return FromCheckpoint
	}
	return RaisedByPerson
}

// AreaToSettle is the role area an agenda item (of a 1:1, or queued) asks
// the two to agree an owner for, or nil: the item comes from the
// comparison, is not done, and the area is not settled yet.
func (o *Onboarding) AreaToSettle(source string, done bool) *RoleRow {
	rowID, ok := strings.CutPrefix(source, rowSource(""))
	if !ok || done {
		return nil
	}
	if row := Find(o.Roles.Rows, rowID); row != nil && row.Settled == "" {
		return row
	}
	return nil
}

// AgreedOwnerOf is the owner agreed for the role area an agenda item
// asks about, on the grid or after talking it over, so that the item can
// say who owns it once it is answered; ok is false for any other item.
func (o *Onboarding) AgreedOwnerOf(source string) (owner Owner, ok bool) {
	rowID, isRole := strings.CutPrefix(source, rowSource(""))
	if !isRole {
		return "", false
	}
	row := Find(o.Roles.Rows, rowID)
	if row == nil {
		return "", false
	}
	if _, owner = VerdictOf(o, row); owner == "" {
		return "", false
	}
	return owner, true
}
