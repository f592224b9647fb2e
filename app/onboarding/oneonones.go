package onboarding

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"counterpart/app/words"
)

// The rules of the weekly 1:1 live here: when the next one is, what goes
// on its agenda, which topics stay open until resolved, and how well each
// person keeps their word. Dates are YYYY-MM-DD strings, as the model
// stores them, and "today" is the date on the person's own calendar, which
// only the browser knows.

const dateLayout = "2006-01-02"

func parseDate(s string) (time.Time, bool) {
	d, err := time.Parse(dateLayout, s)
	return d, err == nil
}

func formatDate(d time.Time) string { return d.Format(dateLayout) }

// Weekday returns the time.Weekday of a cadence day such as "tuesday".
func Weekday(day string) (time.Weekday, bool) {
	for w := time.Sunday; w <= time.Saturday; w++ {
		if strings.EqualFold(w.String(), day) {
			return w, true
		}
	}
	return 0, false
}

// MeetingOn returns the meeting held on a date, or nil.
func (o *Onboarding) MeetingOn(date string) *Meeting {
	for i := range o.Meetings {
		if o.Meetings[i].Date == date {
			return &o.Meetings[i]
		}
	}
	return nil
}

// MeetingsByDate returns the meetings newest first. Two copies of the
// onboarding merged from two devices may hold meetings out of order, so
// nothing relies on the stored order. Meetings on the same date keep
// their stored order, newest stored first.
func (o *Onboarding) MeetingsByDate() []*Meeting {
	out := make([]*Meeting, 0, len(o.Meetings))
	for i := len(o.Meetings) - 1; i >= 0; i-- {
		if o.Meetings[i].Date != "" {
			out = append(out, &o.Meetings[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date > out[j].Date })
	return out
}

// LatestMeeting is the 1:1 with the latest date, or nil.
func (o *Onboarding) LatestMeeting() *Meeting {
	if all := o.MeetingsByDate(); len(all) > 0 {
		return all[0]
	}
	return nil
}

// latestBefore is the latest meeting strictly before date, or nil.
func (o *Onboarding) latestBefore(date string) *Meeting {
	for _, m := range o.MeetingsByDate() {
		if m.Date < date {
			return m
		}
	}
	return nil
}

// NextSlot is the date the next 1:1 should default to: the first day of
// the agreed weekday on or after today that holds no meeting yet. Without
// an agreed day it is a week after the last meeting, or today when that
// week has already passed or there was no meeting. Before the newcomer's
// first day, the start date stands for today: the first 1:1 is held once
// they are there.
func NextSlot(o *Onboarding, today string) string {
	t, ok := parseDate(today)
	if !ok {
		return ""
	}
	if first, ok := parseDate(o.StartDate); ok && first.After(t) {
		t, today = first, o.StartDate
	}
	if w, ok := Weekday(o.Roles.Cadence.Day); ok {
		d := t.AddDate(0, 0, (int(w)-int(t.Weekday())+7)%7)
		// Each taken week moves on by one; a bound keeps bad data from
		// looping for long.
		for i := 0; i < MaxMeetings+1 && o.MeetingOn(formatDate(d)) != nil; i++ {
			d = d.AddDate(0, 0, 7)
		}
		return formatDate(d)
	}
	if last := o.LatestMeeting(); last != nil {
		if d, ok := parseDate(last.Date); ok && !d.AddDate(0, 0, 7).Before(t) {
			return formatDate(d.AddDate(0, 0, 7))
		}
	}
	return today
}

// StartDue reports whether the page should offer to start the next 1:1:
// not while the latest one is dated today or later, since that is the one
// the pair is holding, or has set up ahead.
func StartDue(o *Onboarding, today string) bool {
	m := o.LatestMeeting()
	return m == nil || m.Date < today
}

// Topic is the identity of an agenda item across the weeks it is carried:
// the ID of the item as first raised.
func (it *MeetingItem) Topic() string {
	if it.Origin != "" {
		return it.Origin
	}
	return it.ID
}

// TopicDone reports whether an item's topic was marked done in any
// meeting. An item carried forward and then ticked off in an older
// meeting's log is done too, so it stops coming back.
func (o *Onboarding) TopicDone(topic string) bool {
	for i := range o.Meetings {
		for _, it := range o.Meetings[i].Items {
			if it.Done && it.Topic() == topic {
				return true
			}
		}
	}
	return false
}

// WeeksOpen is how many whole weeks an item has been open by the date of
// the meeting it is on: 0 in the week it was raised.
func WeeksOpen(it MeetingItem, meetingDate string) int {
	raised, ok1 := parseDate(it.Raised)
	on, ok2 := parseDate(meetingDate)
	if !ok1 || !ok2 || !on.After(raised) {
		return 0
	}
	return int(on.Sub(raised).Hours()/24) / 7
}

// Errors StartMeeting gives, in words a person can act on.
var (
	ErrMeetingDate   = errors.New("choose the date of the 1:1")
	ErrMeetingExists = errors.New("there is already a 1:1 on that date")
	ErrTooMany       = errors.New("the log is full: it holds up to " + words.Thousands(MaxMeetings) + " meetings")
)

// StartMeeting creates the 1:1 of a date and fills its agenda: the open
// items of the latest earlier meeting carried forward, then the items
// queued for the next 1:1 (role mismatches, debriefs, topics either person
// added between meetings), then the checkpoints of the first ninety days
// that fall due. Queued items move into the meeting, so they
// leave the queue with a tombstone, as any removal does.
func StartMeeting(o *Onboarding, date, author string, now time.Time) (*Meeting, error) {
	if CheckDate(date) != "" {
		return nil, ErrMeetingDate
	}
	if o.MeetingOn(date) != nil {
		return nil, ErrMeetingExists
	}
	if len(o.Meetings) >= MaxMeetings {
		return nil, ErrTooMany
	}
	now = Stamp(time.Time{}, now)
	// The 1:1 of a date, and what it carries in, have IDs derived from
	// what they are: both people may start it on their own devices.
	m := Meeting{Meta: Meta{ID: NameID(o.ID, "meeting", date), Author: author, Updated: now}, Date: date, Items: []MeetingItem{}}
	sources := map[string]bool{}
	add := func(it MeetingItem) {
		if len(m.Items) >= MaxItems {
			return
		}
		if it.Source != "" {
			if sources[it.Source] {
				return
			}
			sources[it.Source] = true
		}
		m.Items = append(m.Items, it)
	}
	if prev, open := Carried(o, date); prev != nil {
		for _, it := range open {
			carried := it
			carried.ID, carried.Origin, carried.Updated = NameID(m.ID, "carried", it.Topic()), it.Topic(), now
			if carried.Raised == "" {
				carried.Raised = prev.Date
			}
			add(carried)
		}
	}
	var keep []AgendaItem
	for _, q := range o.Agenda {
		if held, ok := debriefDate(q.Source); ok && held > date {
			// The shared meeting happens after this 1:1: talk it over
			// at the one after.
			keep = append(keep, q)
			continue
		}
		if !q.Done {
			add(MeetingItem{
				Meta:   Meta{ID: NameID(m.ID, "queued", q.ID), Author: q.Author, Private: q.Private, Updated: now},
				Text:   q.Text,
				Source: q.Source,
				Raised: date,
			})
		}
		o.Bury(q.ID, now)
	}
	// The checkpoints of the first ninety days that fall due by this 1:1
	// join it; the sources seen above keep one that came back to the
	// queue (from a removed meeting) from appearing twice.
	for _, c := range CheckpointsDue(o, date) {
		add(MeetingItem{Meta: Meta{ID: NameID(m.ID, c.Source()), Author: author, Updated: now}, Text: c.Agenda, Source: c.Source(), Raised: date})
	}
	if keep == nil {
		keep = []AgendaItem{}
	}
	o.Agenda = keep
	// Keep the stored log oldest first, so that it reads in order even in
	// the JSON.
	at := len(o.Meetings)
	for at > 0 && o.Meetings[at-1].Date > date {
		at--
	}
	Insert(&o.Meetings, at, m)
	return &o.Meetings[at], nil
}

// RemoveMeeting deletes a 1:1 from the log. Items first raised in it that
// were not done go back to the queue for the next 1:1, so that removing a
// meeting started by mistake loses no topic. Its undo takes those topics
// off the queue again and puts the meeting back.
func RemoveMeeting(o *Onboarding, id string, now time.Time) (undo Undo, ok bool) {
	removed, at, ok := Remove(&o.Meetings, id)
	if !ok {
		return nil, false
	}
	o.Bury(id, Stamp(removed.Updated, now))
	var requeued []string
	for _, it := range removed.Items {
		if it.Done || it.Origin != "" || len(o.Agenda) >= MaxEntries {
			continue
		}
		q := Add(&o.Agenda, it.Author, now)
		q.Text, q.Source, q.Private = it.Text, it.Source, it.Private
		requeued = append(requeued, q.ID)
	}
	return func(o *Onboarding, now time.Time) {
		for _, qid := range requeued {
			if _, _, ok := Remove(&o.Agenda, qid); ok {
				o.Bury(qid, now)
			}
		}
		if Find(o.Meetings, id) == nil {
			o.revive(&removed.Meta, now)
			Insert(&o.Meetings, at, removed)
		}
	}, true
}

const debriefPrefix = "debrief:"

func debriefSource(sharedID, date string) string { return debriefPrefix + sharedID + ":" + date }

// debriefDate is the date in a debrief item's source.
func debriefDate(source string) (string, bool) {
	rest, ok := strings.CutPrefix(source, debriefPrefix)
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(rest, ':')
	if i < 0 || CheckDate(rest[i+1:]) != "" {
		return "", false
	}
	return rest[i+1:], true
}

// hasSource reports whether an item from source is queued or on any
// meeting's agenda.
func (o *Onboarding) hasSource(source string) bool {
	if o.agendaItemFor(source) != nil {
		return true
	}
	for i := range o.Meetings {
		for _, it := range o.Meetings[i].Items {
			if it.Source == source {
				return true
			}
		}
	}
	return false
}

// MarkHeld records that a shared meeting took place on a date. When the
// two agreed to talk that meeting over, a debrief goes on the agenda of
// the next 1:1, once per date.
func MarkHeld(o *Onboarding, sharedID, date, author string, now time.Time) error {
	if CheckDate(date) != "" {
		return errors.New("choose the date it took place")
	}
	sm := Find(o.Roles.Cadence.Shared, sharedID)
	if sm == nil {
		return errors.New("this shared meeting was removed")
	}
	if sm.LastHeld < date {
		sm.LastHeld = date
		sm.Updated = Stamp(sm.Updated, now)
	}
	source := debriefSource(sharedID, date)
	if !sm.Debrief || o.hasSource(source) {
		return nil
	}
	item := Add(&o.Agenda, author, now)
	if item == nil {
		return errors.New("the agenda for the next 1:1 is full")
	}
	name := strings.TrimSpace(sm.Name)
	if name == "" {
		name = "the shared meeting"
	}
	item.Text = Clip("Debrief: "+name+" of "+words.DayAndMonth(date), MaxText)
	item.Source = source
	item.Private = sm.Private
	return nil
}

// TopicKind says where a standing topic comes from.
type TopicKind string

// The kinds of standing topic.
const (
	TopicProblem TopicKind = "problem"
	TopicRole    TopicKind = "role"
)

// StandingTopic is something the 1:1 revisits every week until it is
// resolved: one of the top problems, or an area both people have not yet
// agreed who owns.
type StandingTopic struct {
	Kind TopicKind
	ID   string // the problem's or the role row's ID
	Text string
	// Verdict is how the two sides differ, for a role topic.
	Verdict Verdict
}

// StandingTopics lists the unresolved top problems, then the role areas
// whose two answers differ, that have not been settled and that are not
// on the agenda (queued, or open on the latest 1:1). Role areas
// count only once both sides are done: before, the answers are still
// being written blind. Private entries are left out, since the topics go
// into the shared document.
func StandingTopics(o *Onboarding) []StandingTopic {
	var out []StandingTopic
	for _, p := range o.Problems {
		if p.Private || p.Resolved || strings.TrimSpace(p.Problem) == "" {
			continue
		}
		out = append(out, StandingTopic{Kind: TopicProblem, ID: p.ID, Text: p.Problem})
	}
	if !o.Roles.BothDone(o) {
		return out
	}
	rows, _ := Compare(o)
	for _, c := range rows {
		// A row on the agenda is talked over there: listing it here too
		// would show the same question twice on the page.
		if c.Row.Private || c.Row.Settled != "" || !c.Verdict.Mismatch() || c.OnAgenda {
			continue
		}
		out = append(out, StandingTopic{Kind: TopicRole, ID: c.Row.ID, Text: c.Row.Area, Verdict: c.Verdict})
	}
	return out
}

// Settle records the owner the two agreed on for a role area, which takes
// it off the standing topics. Settling answers the area's agenda item too:
// it is ticked off on the latest 1:1 and in the queue, so it does not
// carry forward to next week. The undo puts back the owner the area had
// and opens those items again.
func Settle(o *Onboarding, rowID string, owner Owner, now time.Time) (Undo, bool) {
	row := Find(o.Roles.Rows, rowID)
	if row == nil || owner != "" && owner != Shared && o.PersonByID(string(owner)) == nil {
		return nil, false
	}
	was := row.Settled
	Edit(o.Roles.Rows, rowID, now, func(r *RoleRow) { r.Settled = owner })
	// The items ticked off, so that the undo opens just those again.
	var ticked []string
	if owner != "" {
		source := rowSource(rowID)
		if q := o.agendaItemFor(source); q != nil && !q.Done {
			q.Done, q.Updated = true, Stamp(q.Updated, now)
			ticked = append(ticked, q.ID)
		}
		if m := o.LatestMeeting(); m != nil {
			for i := range m.Items {
				if it := &m.Items[i]; it.Source == source && !it.Done {
					it.Done, it.Updated = true, Stamp(it.Updated, now)
					ticked = append(ticked, it.ID)
				}
			}
		}
	}
	return func(o *Onboarding, now time.Time) {
		Edit(o.Roles.Rows, rowID, now, func(r *RoleRow) { r.Settled = was })
		reopen := func(m *Meta, done *bool) {
			if slices.Contains(ticked, m.ID) {
				*done, m.Updated = false, Stamp(m.Updated, now)
			}
		}
		for i := range o.Agenda {
			reopen(&o.Agenda[i].Meta, &o.Agenda[i].Done)
		}
		for i := range o.Meetings {
			for j := range o.Meetings[i].Items {
				reopen(&o.Meetings[i].Items[j].Meta, &o.Meetings[i].Items[j].Done)
			}
		}
	}, true
}

// Tally is how one person has kept their word.
type Tally struct {
	Person Person
	// Due counts commitments whose outcome is known or overdue: kept,
	// missed, and open past their due date. Dropped ones are left out:
	// agreeing to drop something is not breaking a promise.
	Due  int
	Kept int
	// Open counts commitments still open, due or not.
	Open int
	// Overdue counts open commitments past their due date.
	Overdue int
}

// Line says the tally plainly, such as "Amara Nwosu: kept 4 of 5 due".
func (t Tally) Line() string {
	if t.Due == 0 {
		return t.Person.Name + ": nothing due yet"
	}
	return t.Person.Name + ": kept " + strconv.Itoa(t.Kept) + " of " + strconv.Itoa(t.Due) + " due"
}

// Overdue reports whether an open commitment is past its due date.
func (c *Commitment) Overdue(today string) bool {
	return c.Status == Open && c.Due != "" && c.Due < today
}

// Tallies counts, for the buddy then the newcomer, the commitments kept
// against those due by today. Private commitments stay out: the tally is
// shared.
func Tallies(o *Onboarding, today string) []Tally {
	out := []Tally{{Person: o.Buddy}, {Person: o.Newcomer}}
	for _, c := range o.Commitments {
		if c.Private {
			continue
		}
		t := &out[0]
		if c.Who == o.Newcomer.ID {
			t = &out[1]
		} else if c.Who != o.Buddy.ID {
			continue
		}
		switch c.Status {
		case Kept:
			t.Kept++
			t.Due++
		case Missed:
			t.Due++
		case Open:
			t.Open++
			if c.Overdue(today) {
				t.Overdue++
				t.Due++
			}
		}
	}
	return out
}

// AddCommitment records a commitment made in a meeting (meetingID may be
// empty), open, by who, due on a date.
func AddCommitment(o *Onboarding, who, what, due, meetingID, author string, now time.Time) (*Commitment, error) {
	what = strings.TrimSpace(what)
	switch {
	case o.PersonByID(who) == nil:
		return nil, errors.New("choose who made the commitment")
	case what == "":
		return nil, errors.New("say what was promised")
	case due != "" && CheckDate(due) != "":
		return nil, errors.New("enter the due date as year-month-day, like 2026-03-02")
	}
	c := Add(&o.Commitments, author, now)
	if c == nil {
		return nil, errors.New("the list of commitments is full")
	}
	c.Who, c.What, c.Due, c.Status, c.Meeting = who, Clip(what, MaxText), due, Open, meetingID
	return c, nil
}

// foldMeetings makes one 1:1 of two with the same date: copies from
// before a 1:1's ID came from its date, when both people started this
// week's on their own devices. The one with the smaller ID stays, with
// the agenda of both (an item carried in or put on by a checkpoint
// once), both texts joined, and every commitment made in either; the
// other goes. It is a rule of how an onboarding reads, applied at every
// read, so every device that holds both folds them the same way.
func foldMeetings(o *Onboarding) {
	for i := 1; i < len(o.Meetings); i++ {
		a, b := &o.Meetings[i-1], &o.Meetings[i]
		if a.Date == "" || a.Date != b.Date || a.Private || b.Private {
			continue // a private 1:1 never travels, so never has a twin
		}
		keep, gone := a, b
		if b.ID < a.ID {
			keep, gone = b, a
		}
		older, newer := keep, gone
		if gone.Updated.Before(keep.Updated) {
			older, newer = gone, keep
		}
		folded := *keep
		folded.Notes = JoinText(older.Notes, newer.Notes)
		folded.Decisions = JoinText(older.Decisions, newer.Decisions)
		folded.Updated = latest(keep.Updated, gone.Updated)
		topics := map[string]bool{}
		for _, it := range keep.Items {
			topics[itemKey(it)] = true
		}
		folded.Items = append([]MeetingItem(nil), keep.Items...)
		for _, it := range gone.Items {
			if k := itemKey(it); !topics[k] && len(folded.Items) < MaxItems {
				topics[k] = true
				folded.Items = append(folded.Items, it)
			}
		}
		for j := range o.Commitments {
			if o.Commitments[j].Meeting == gone.ID {
				o.Commitments[j].Meeting = keep.ID
			}
		}
		*a = folded
		o.Meetings = append(o.Meetings[:i], o.Meetings[i+1:]...)
		i--
	}
}

// itemKey is what makes two agenda items of one 1:1 the same topic: a
// topic carried in, a checkpoint or a debrief, else the item itself.
func itemKey(it MeetingItem) string {
	switch {
	case it.Origin != "":
		return "origin:" + it.Origin
	case it.Source != "":
		return "source:" + it.Source
	}
	return it.ID
}
