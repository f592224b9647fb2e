package share

import (
	"reflect"
	"slices"
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
//
// The decisions are made by plan, which is not generic: a generic function
// is compiled once per entry type, and the download carried fourteen copies
// of the whole merge. What is left here only copies entries.
func mergeList[T any, P onboarding.Entry[T]](l lists, s Section, mine, theirs []T, inner func(out, mine, theirs *T)) []T {
	same := func(i, j int) bool { return reflect.DeepEqual(mine[i], theirs[j]) }
	steps := l.plan(s, metas[T, P](mine), metas[T, P](theirs), same)
	out := make([]T, 0, len(steps))
	for _, st := range steps {
		switch {
		case st.mine < 0:
			out = append(out, theirs[st.theirs])
		case st.theirs < 0:
			out = append(out, mine[st.mine])
		default:
			kept := mine[st.mine]
			if st.takeTheirs {
				kept = theirs[st.theirs]
			}
			if inner != nil {
				inner(&kept, &mine[st.mine], &theirs[st.theirs])
			}
			out = append(out, kept)
		}
	}
	return out
}

// metas lists the Meta of every entry, in order.
func metas[T any, P onboarding.Entry[T]](list []T) []*onboarding.Meta {
	out := make([]*onboarding.Meta, len(list))
	for i := range list {
		out[i] = P(&list[i]).Common()
	}
	return out
}

// step is one entry of a merged list: mine[mine], theirs[theirs], or, when
// both are set, an entry on both devices, where takeTheirs says the
// incoming copy is the newer one and is kept. An unset index is -1.
type step struct {
	mine, theirs int
	takeTheirs   bool
}

// plan decides a merged list from the Meta of both copies' entries (see
// mergeList) and counts what changed. same reports whether mine[i] and
// theirs[j] hold the same content.
func (l lists) plan(s Section, mine, theirs []*onboarding.Meta, same func(i, j int) bool) []step {
	theirIndex := map[string]int{}
	for j, meta := range theirs {
		theirIndex[meta.ID] = j
	}
	out := make([]step, 0, len(mine)+len(theirs))
	ids := make([]string, 0, len(mine)+len(theirs)) // the ID of each step
	placed := map[string]bool{}
	for i, meta := range mine {
		placed[meta.ID] = true
		if meta.Private {
			out, ids = append(out, step{mine: i, theirs: -1}), append(ids, meta.ID)
			continue
		}
		if l.buried(meta.ID, meta.Updated) {
			l.ch.Removed[s]++
			continue
		}
		st := step{mine: i, theirs: -1}
		if j, ok := theirIndex[meta.ID]; ok {
			st.theirs = j
			if theirs[j].Updated.After(meta.Updated) {
				if !same(i, j) {
					l.ch.Updated[s]++
				}
				st.takeTheirs = true
			}
		}
		out, ids = append(out, st), append(ids, meta.ID)
	}
	for j, meta := range theirs {
		if placed[meta.ID] || l.buried(meta.ID, meta.Updated) {
			continue
		}
		placed[meta.ID] = true
		at := len(out)
		if j > 0 {
			prev := theirs[j-1].ID
			for k, id := range ids {
				if id == prev {
					at = k + 1
				}
			}
		}
		out = slices.Insert(out, at, step{mine: -1, theirs: j})
		ids = slices.Insert(ids, at, meta.ID)
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
