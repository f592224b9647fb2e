package share

import (
	"reflect"
	"time"

	"counterpart/app/onboarding"
)

// Changes is what merging an incoming copy did, for the person to read
// before and after saying yes.
type Changes struct {
	// New is true when the onboarding was not on this device.
	New bool
	// Added, Updated and Removed count entries by section.
	Added, Updated, Removed map[Section]int
	// Details is true when the title, the people, the start date or the
	// 1:1's time changed.
	Details bool
	// Sides lists the people whose role answers or expectations changed.
	Sides []string
	// Unlocked is true when both sides are now in and the comparison of
	// the role agreement opens.
	Unlocked bool
}

// None reports whether the merge changed nothing.
func (c Changes) None() bool {
	return !c.New && sum(c.Added) == 0 && sum(c.Updated) == 0 && sum(c.Removed) == 0 && !c.Details && len(c.Sides) == 0
}

func sum(m map[Section]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func newChanges() Changes {
	return Changes{Added: map[Section]int{}, Updated: map[Section]int{}, Removed: map[Section]int{}}
}

// Receive takes in an onboarding this device does not have yet, for the
// person me, who said which of the two they are.
func Receive(incoming *onboarding.Onboarding, me string) (*onboarding.Onboarding, Changes) {
	o := deepCopy(incoming)
	o.Me, o.Writer, o.Example = me, "", false
	o.Normalize()
	ch := newChanges()
	ch.New = true
	for s, n := range Counts(o) {
		if n > 0 {
			ch.Added[s] = n
		}
	}
	ch.Unlocked = o.Roles.BothDone(o)
	return o, ch
}

// Merge combines the copy kept on this device with an incoming one, from
// the other person or from a backup, and returns the result without
// touching either. The rules:
//
//   - Entries are matched by ID; where both copies have one, the one
//     edited last wins.
//   - An entry missing from the incoming copy stays: absence is not
//     deletion (it may be private on the other device, or not sent yet).
//     Only a tombstone removes an entry, and only one at least as recent as
//     the entry's last edit. Tombstones from both copies are kept.
//   - An entry private on this device is never changed or removed.
//   - Each person's role answers and expectations come whole from the copy
//     where that person last changed them (Side.Updated), so the sender's
//     new answers arrive and the receiver's own stay as they are.
//   - The title, people, start date and cadence come from the copy
//     changed last.
//   - Who uses this device and who is typing stay as they are here.
//
// The incoming copy must be the same onboarding with the same two people.
func Merge(local, incoming *onboarding.Onboarding) (*onboarding.Onboarding, Changes, error) {
	if local.ID != incoming.ID || local.Buddy.ID != incoming.Buddy.ID || local.Newcomer.ID != incoming.Newcomer.ID {
		return nil, Changes{}, ErrOtherPair
	}
	m := deepCopy(local)
	in := deepCopy(incoming)
	ch := newChanges()

	if in.Updated.After(m.Updated) {
		before := details(m)
		m.Title, m.StartDate = in.Title, in.StartDate
		m.Buddy, m.Newcomer = in.Buddy, in.Newcomer
		c, ic := &m.Roles.Cadence, in.Roles.Cadence
		c.Day, c.Time, c.Minutes, c.Zone, c.Social = ic.Day, ic.Time, ic.Minutes, ic.Zone, ic.Social
		ch.Details = !reflect.DeepEqual(before, details(m))
	}
	if !in.Created.IsZero() && (m.Created.IsZero() || in.Created.Before(m.Created)) {
		m.Created = in.Created
	}
	m.Updated = latest(m.Updated, in.Updated)
	m.Roles.Seeded = m.Roles.Seeded || in.Roles.Seeded

	for id, t := range in.Deleted {
		if m.Deleted == nil {
			m.Deleted = map[string]time.Time{}
		}
		m.Deleted[id] = latest(m.Deleted[id], t)
	}
	l := lists{tomb: m.Deleted, ch: &ch}
	data, problems := Section(onboarding.StageData), Section(onboarding.StageProblems)
	team, processes, roles := Section(onboarding.StageTeam), Section(onboarding.StageProcesses), Section(onboarding.StageRoles)
	m.DataSources = mergeList(l, data, m.DataSources, in.DataSources, nil)
	m.Problems = mergeList(l, problems, m.Problems, in.Problems, nil)
	m.WorkingWell = mergeList(l, problems, m.WorkingWell, in.WorkingWell, nil)
	m.TeamRead = mergeList(l, team, m.TeamRead, in.TeamRead, nil)
	m.People = mergeList(l, team, m.People, in.People, nil)
	m.Processes = mergeList(l, processes, m.Processes, in.Processes, nil)
	m.Surprises = mergeList(l, processes, m.Surprises, in.Surprises, nil)
	m.Roles.Rows = mergeList(l, roles, m.Roles.Rows, in.Roles.Rows, nil)
	m.Roles.Escalation = mergeList(l, roles, m.Roles.Escalation, in.Roles.Escalation, nil)
	m.Roles.Cadence.Shared = mergeList(l, roles, m.Roles.Cadence.Shared, in.Roles.Cadence.Shared, nil)
	m.Agenda = mergeList(l, Meetings1on1, m.Agenda, in.Agenda, nil)
	m.Meetings = mergeList(l, Meetings1on1, m.Meetings, in.Meetings, func(out, mine, theirs *onboarding.Meeting) {
		out.Items = mergeList(l, Meetings1on1, mine.Items, theirs.Items, nil)
	})
	m.Commitments = mergeList(l, Meetings1on1, m.Commitments, in.Commitments, nil)
	mergeNote(&ch, problems, &m.BudgetAdvice, in.BudgetAdvice)
	mergeNote(&ch, roles, &m.Roles.Disagreement, in.Roles.Disagreement)

	wasUnlocked := local.Roles.BothDone(local)
	for _, person := range []string{m.Buddy.ID, m.Newcomer.ID} {
		if mergeSide(m, local, in, person) {
			ch.Sides = append(ch.Sides, person)
		}
	}
	ch.Unlocked = !wasUnlocked && m.Roles.BothDone(m)

	m.Me, m.Writer, m.Example = local.Me, local.Writer, local.Example
	m.Normalize()
	return m, ch, nil
}

// details is what the "details" of an onboarding are, to tell whether they
// changed.
func details(o *onboarding.Onboarding) []any {
	c := o.Roles.Cadence
	return []any{o.Title, o.StartDate, o.Buddy, o.Newcomer, c.Day, c.Time, c.Minutes, c.Zone, c.Social}
}

// lists is what every list merge shares: the tombstones and the tally.
type lists struct {
	tomb map[string]time.Time
	ch   *Changes
}

// buried reports whether a tombstone removes an entry last edited at t.
func (l lists) buried(id string, t time.Time) bool {
	when, ok := l.tomb[id]
	return ok && !t.After(when)
}

// mergeList merges one list of entries by ID. The order is this device's,
// with entries only the incoming copy has placed after the entry that
// precedes them there. inner, if not nil, merges what an entry holds (a
// meeting's items) from both copies into the entry kept.
func mergeList[T any, P onboarding.Entry[T]](l lists, s Section, mine, theirs []T, inner func(out, mine, theirs *T)) []T {
	theirIndex := map[string]int{}
	for i := range theirs {
		theirIndex[P(&theirs[i]).Common().ID] = i
	}
	out := make([]T, 0, len(mine)+len(theirs))
	placed := map[string]bool{}
	for i := range mine {
		e := mine[i]
		meta := P(&e).Common()
		placed[meta.ID] = true
		if meta.Private {
			out = append(out, e)
			continue
		}
		if l.buried(meta.ID, meta.Updated) {
			l.ch.Removed[s]++
			continue
		}
		if j, ok := theirIndex[meta.ID]; ok {
			t := theirs[j]
			kept := e
			if P(&t).Common().Updated.After(meta.Updated) {
				if !reflect.DeepEqual(e, t) {
					l.ch.Updated[s]++
				}
				kept = t
			}
			if inner != nil {
				inner(&kept, &mine[i], &theirs[j])
			}
			e = kept
		}
		out = append(out, e)
	}
	for i := range theirs {
		t := theirs[i]
		meta := P(&t).Common()
		if placed[meta.ID] || l.buried(meta.ID, meta.Updated) {
			continue
		}
		placed[meta.ID] = true
		at := len(out)
		if i > 0 {
			prev := P(&theirs[i-1]).Common().ID
			for j := range out {
				if P(&out[j]).Common().ID == prev {
					at = j + 1
				}
			}
		}
		onboarding.Insert(&out, at, t)
		l.ch.Added[s]++
	}
	return out
}

// mergeNote keeps the note edited last, unless this device's is private.
func mergeNote(ch *Changes, s Section, mine *onboarding.Note, theirs onboarding.Note) {
	if mine.Private || !theirs.Updated.After(mine.Updated) {
		return
	}
	if mine.Text != theirs.Text {
		ch.Updated[s]++
	}
	*mine = theirs
}

// mergeSide takes one person's answers and expectations from the copy
// where they last changed them, and reports whether that changed m.
func mergeSide(m, local, in *onboarding.Onboarding, person string) bool {
	var mine, theirs onboarding.Side
	if s := local.Roles.Sides[person]; s != nil {
		mine = *s
	}
	if s := in.Roles.Sides[person]; s != nil {
		theirs = *s
	}
	from := local
	if theirs.Updated.After(mine.Updated) {
		from = in
	}
	changed := false
	for i := range m.Roles.Rows {
		row := &m.Roles.Rows[i]
		src := onboarding.Find(from.Roles.Rows, row.ID)
		if src == nil {
			continue // only the other copy has the row: keep what it says
		}
		was, had := row.Owners[person]
		now, has := src.Owners[person]
		if was == now && had == has {
			continue
		}
		if row.Owners == nil {
			row.Owners = map[string]onboarding.Owner{}
		}
		if has {
			row.Owners[person] = now
		} else {
			delete(row.Owners, person)
		}
		if from == in {
			changed = true
		}
	}
	if from == in {
		if s := in.Roles.Sides[person]; s != nil {
			copied := *s
			if m.Roles.Sides == nil {
				m.Roles.Sides = map[string]*onboarding.Side{}
			}
			if old := m.Roles.Sides[person]; old == nil || *old != copied {
				changed = true
			}
			m.Roles.Sides[person] = &copied
		}
	}
	return changed
}
