package onboarding

import (
	"errors"
	"reflect"
	"slices"
	"time"
)

// Two merges, one for each way copies meet:
//
//   - Merge (merge.go) is for two tabs of this browser that saved the same
//     onboarding: it has their common ancestor, so it merges field by
//     field without looking at any clock.
//   - Combine (here) is for a copy from elsewhere: the other person's link
//     or file, or a backup. There is no common ancestor, so stamps decide:
//     each entry's Updated, each side's Updated, each of the onboarding's
//     own values' time in Changed, and tombstones.
//
// Both find what to merge by reflection over the model and follow the
// same rules for what they share: entries match by ID, device-only
// fields (rules.go) stay as they are on this device, and caps (caps.go)
// are never cut.

// Section is a part of an onboarding a person recognises: one of the
// guide's stages, or the 1:1s.
type Section string

// Meetings1on1 is the section of the weekly 1:1s and commitments, which is
// not one of the guide's stages.
const Meetings1on1 Section = "meetings"

// Sections lists the sections in the order the guide shows them.
var Sections = []Section{
	Section(StageData), Section(StageProblems), Section(StageTeam),
	Section(StageProcesses), Section(StageRoles), Meetings1on1,
}

// Changes is what combining an incoming copy did, for the person to read
// before and after saying yes. The counts are those of the merge itself,
// so the preview says exactly what saving does.
type Changes struct {
	// New is true when the onboarding was not on this device.
	New bool
	// Added, Updated and Removed count entries by section.
	Added, Updated, Removed map[Section]int
	// Details is true when a value of the onboarding itself changed: the
	// title, the people, the start date, the cadence.
	Details bool
	// Sides lists the people whose role answers or expectations changed.
	Sides []string
	// Unlocked is true when both sides are now in and the comparison of
	// the role agreement opens.
	Unlocked bool

	// taken is every unit the merge took from the incoming copy, by its
	// key (see unitKey), with its stamp: the record of what need not go
	// back to the sender.
	taken map[string]time.Time
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
	return Changes{Added: map[Section]int{}, Updated: map[Section]int{}, Removed: map[Section]int{}, taken: map[string]time.Time{}}
}

// ErrOtherPair means an incoming copy has the onboarding's ID but not its
// two people, which a real copy never has.
var ErrOtherPair = errors.New("This link has the same onboarding but different people in it, so it cannot be merged.")

// errShell is returned when an incoming copy of changes holds an entry
// only as the container of newer entries, and this device lacks it.
var errShell = errors.New("an entry of the changes is missing here")

// Combine merges an incoming copy into this device's and returns the
// result, without touching either. The rules:
//
//   - Entries are matched by ID; where both copies have one, the one
//     edited last wins, and the lists inside it (a meeting's agenda) are
//     merged the same way.
//   - An entry missing from the incoming copy stays: absence is not
//     deletion. Only a tombstone removes an entry, and only one at least
//     as recent as the entry's last edit. Tombstones from both are kept.
//   - An entry private on this device is never changed or removed.
//   - Each person's role answers and expectations come from the copy
//     where that person last changed them (Side.Updated).
//   - Each value of the onboarding itself (title, people, start date,
//     cadence) comes from the copy where it changed last (Changed).
//   - Device-only fields stay as they are here.
//
// A result that would pass a list's cap is refused with a *FullError.
func Combine(local, incoming *Onboarding) (*Onboarding, Changes, error) {
	return combine(local, incoming, nil)
}

// combine is Combine where shells names entries the incoming copy holds
// only for the newer entries inside them.
func combine(local, incoming *Onboarding, shells map[string]bool) (*Onboarding, Changes, error) {
	if local.ID != incoming.ID || local.Buddy.ID != incoming.Buddy.ID || local.Newcomer.ID != incoming.Newcomer.ID {
		return nil, Changes{}, ErrOtherPair
	}
	m, in := Copy(local), Copy(incoming)
	g := &merger{local: local, in: in, ch: newChanges(), shells: shells, sideFromIn: map[string]bool{}}
	g.tombstones(m)
	for _, p := range []string{m.Buddy.ID, m.Newcomer.ID} {
		var mine, theirs time.Time
		if s := local.Roles.Sides[p]; s != nil {
			mine = s.Updated
		}
		if s := in.Roles.Sides[p]; s != nil {
			theirs = s.Updated
		}
		g.sideFromIn[p] = theirs.After(mine)
	}
	g.group(reflect.ValueOf(m).Elem(), reflect.ValueOf(in).Elem(), "", "")
	if g.err != nil {
		return nil, Changes{}, g.err
	}
	for _, p := range []string{m.Buddy.ID, m.Newcomer.ID} {
		if g.sideChanged(local, m, p) {
			g.ch.Sides = append(g.ch.Sides, p)
		}
	}
	g.ch.Unlocked = !local.Roles.BothDone(local) && m.Roles.BothDone(m)
	m.Normalize()
	if err := CheckCaps(m); err != nil {
		return nil, Changes{}, err
	}
	return m, g.ch, nil
}

// merger holds what one Combine shares across the model.
type merger struct {
	local, in  *Onboarding
	ch         Changes
	shells     map[string]bool
	sideFromIn map[string]bool // by person: their side is newer in the incoming copy
	err        error
}

// The keys of what a link carries, for the record of what came from the
// other person: an entry by its ID, a tombstone, a side, a value.
func unitKey(kind, id string) string {
	if kind == "" {
		return id
	}
	return kind + ":" + id
}

func (g *merger) tombstones(m *Onboarding) {
	for id, t := range g.in.Deleted {
		if m.Deleted == nil {
			m.Deleted = map[string]time.Time{}
		}
		if t.After(m.Deleted[id]) {
			m.Deleted[id] = t
			g.ch.taken[unitKey("gone", id)] = t
		}
	}
}

// group merges the fields of a plain struct (the onboarding, its roles,
// cadence, a person) by their rules.
func (g *merger) group(m, in reflect.Value, path string, section Section) {
	t := m.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		s := section
		if tag := f.Tag.Get("section"); tag != "" {
			s = Section(tag)
		}
		mf, inf, p := m.Field(i), in.Field(i), join(path, f)
		switch ruleOf(f) {
		case ruleMin:
			a, b := mf.Interface().(time.Time), inf.Interface().(time.Time)
			if !b.IsZero() && (a.IsZero() || b.Before(a)) {
				mf.Set(inf)
			}
		case ruleMax:
			if inf.Interface().(time.Time).After(mf.Interface().(time.Time)) {
				mf.Set(inf)
			}
		case ruleStamps:
			for k, v := range g.in.Changed {
				if v.After(g.local.Changed[k]) {
					if mf.IsNil() {
						mf.Set(reflect.MakeMap(f.Type))
					}
					mf.SetMapIndex(reflect.ValueOf(k), reflect.ValueOf(v))
					g.ch.taken[unitKey("value", k)] = v
				}
			}
		case ruleSides:
			g.sides(mf, inf)
		case ruleEntries:
			mf.Set(g.list(mf, inf, s))
		case ruleEntry:
			g.entry(mf, inf, s)
		case ruleGroup:
			g.group(mf, inf, p, s)
		case ruleValue:
			g.value(mf, inf, p)
		}
		// ruleID was checked by combine; ruleDevice and ruleTombstones
		// are already as they must be.
	}
}

// value takes one of the onboarding's own values from the copy where it
// changed last. Without a stamp on either side (a copy made before
// Changed existed) the copy changed last as a whole decides.
func (g *merger) value(m, in reflect.Value, path string) {
	mine, theirs := g.local.Changed[path], g.in.Changed[path]
	takeIn := theirs.After(mine)
	if mine.IsZero() && theirs.IsZero() {
		takeIn = g.in.Updated.After(g.local.Updated)
	}
	if takeIn && m.Interface() != in.Interface() {
		m.Set(in)
		g.ch.Details = true
		g.ch.taken[unitKey("value", path)] = theirs
	}
}

// sides takes each person's side, whole, from the copy where it changed
// last.
func (g *merger) sides(m, in reflect.Value) {
	for _, k := range in.MapKeys() {
		if !g.sideFromIn[k.String()] || in.MapIndex(k).IsNil() {
			continue
		}
		if m.IsNil() {
			m.Set(reflect.MakeMap(m.Type()))
		}
		side := *in.MapIndex(k).Interface().(*Side)
		m.SetMapIndex(k, reflect.ValueOf(&side))
		g.ch.taken[unitKey("side", k.String())] = side.Updated
	}
}

// entry merges one entry on its own, such as a note: the later edit wins,
// unless this device's is private.
func (g *merger) entry(m, in reflect.Value, s Section) {
	mine, theirs := metaOf(m), metaOf(in)
	if mine.Private || !theirs.Updated.After(mine.Updated) {
		return
	}
	if !reflect.DeepEqual(m.Interface(), in.Interface()) {
		g.ch.Updated[s]++
	}
	m.Set(in)
	g.ch.taken[unitKey("", theirs.ID)] = theirs.Updated
}

// list merges one list of entries by ID. The order is this device's, with
// entries only the incoming copy has placed after the entry that precedes
// them there.
func (g *merger) list(m, in reflect.Value, s Section) reflect.Value {
	mine, theirs := metas(m), metas(in)
	same := func(i, j int) bool { return reflect.DeepEqual(m.Index(i).Interface(), in.Index(j).Interface()) }
	steps := g.plan(s, mine, theirs, same)
	out := reflect.MakeSlice(m.Type(), 0, len(steps))
	for _, st := range steps {
		switch {
		case st.mine < 0:
			if g.shells[theirs[st.theirs].ID] {
				g.err = errShell
				continue
			}
			out = reflect.Append(out, in.Index(st.theirs))
			g.ch.taken[unitKey("", theirs[st.theirs].ID)] = theirs[st.theirs].Updated
		case st.theirs < 0:
			out = reflect.Append(out, m.Index(st.mine))
		default:
			kept := reflect.New(m.Type().Elem()).Elem()
			if st.takeTheirs && !g.shells[theirs[st.theirs].ID] {
				kept.Set(in.Index(st.theirs))
				g.ch.taken[unitKey("", theirs[st.theirs].ID)] = theirs[st.theirs].Updated
			} else {
				kept.Set(m.Index(st.mine))
			}
			g.inner(kept, m.Index(st.mine), in.Index(st.theirs), s)
			out = reflect.Append(out, kept)
		}
	}
	return out
}

// inner merges what an entry on both sides holds with rules of its own
// (the lists inside it, the answers of each person), whichever version of
// the entry was kept.
func (g *merger) inner(kept, mine, theirs reflect.Value, s Section) {
	t := kept.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			continue
		}
		switch ruleOf(f) {
		case ruleEntries:
			kept.Field(i).Set(g.list(mine.Field(i), theirs.Field(i), s))
		case ruleSide:
			kept.Field(i).Set(g.answers(mine.Field(i), theirs.Field(i)))
		case ruleValue:
		default:
			panic("onboarding: no merge inside an entry for " + f.Name)
		}
	}
}

// answers merges a map of answers by person: each from the copy where
// that person's side changed last.
func (g *merger) answers(mine, theirs reflect.Value) reflect.Value {
	out := reflect.MakeMap(mine.Type())
	for _, p := range []string{g.local.Buddy.ID, g.local.Newcomer.ID} {
		src := mine
		if g.sideFromIn[p] {
			src = theirs
		}
		if v := src.MapIndex(reflect.ValueOf(p)); v.IsValid() {
			out.SetMapIndex(reflect.ValueOf(p), v)
		}
	}
	if out.Len() == 0 {
		return reflect.Zero(mine.Type())
	}
	return out
}

// sideChanged reports whether person p's answers or expectations differ
// between the local copy and the merged one.
func (g *merger) sideChanged(local, m *Onboarding, p string) bool {
	if !g.sideFromIn[p] {
		return false
	}
	a, b := local.Roles.Sides[p], m.Roles.Sides[p]
	if (a == nil) != (b == nil) || (a != nil && *a != *b) {
		return true
	}
	for i := range m.Roles.Rows {
		row := &m.Roles.Rows[i]
		old := Find(local.Roles.Rows, row.ID)
		if old != nil && old.Owners[p] != row.Owners[p] {
			return true
		}
	}
	return false
}

// metas lists the Meta of every entry of a list, in order.
func metas(list reflect.Value) []*Meta {
	out := make([]*Meta, list.Len())
	for i := range out {
		out[i] = metaOf(list.Index(i))
	}
	return out
}

// buried reports whether a tombstone removes an entry last edited at t.
func (g *merger) buried(id string, t time.Time) bool {
	when, ok := g.local.Deleted[id]
	if w, in := g.in.Deleted[id]; in && (!ok || w.After(when)) {
		when, ok = w, true
	}
	return ok && !t.After(when)
}

// step is one entry of a merged list: mine[mine], theirs[theirs], or, when
// both are set, an entry on both devices, where takeTheirs says the
// incoming copy is the newer one and is kept. An unset index is -1.
type step struct {
	mine, theirs int
	takeTheirs   bool
}

// plan decides a merged list from the Meta of both copies' entries and
// counts what changed. same reports whether mine[i] and theirs[j] hold
// the same content.
func (g *merger) plan(s Section, mine, theirs []*Meta, same func(i, j int) bool) []step {
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
		if g.buried(meta.ID, meta.Updated) {
			g.ch.Removed[s]++
			continue
		}
		st := step{mine: i, theirs: -1}
		if j, ok := theirIndex[meta.ID]; ok {
			st.theirs = j
			if theirs[j].Updated.After(meta.Updated) && !g.shells[meta.ID] {
				if !same(i, j) {
					g.ch.Updated[s]++
				}
				st.takeTheirs = true
			}
		}
		out, ids = append(out, st), append(ids, meta.ID)
	}
	for j, meta := range theirs {
		if placed[meta.ID] || g.buried(meta.ID, meta.Updated) {
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
		g.ch.Added[s]++
	}
	return out
}

// Receive takes in an onboarding this device does not have yet, for the
// person me, who said which of the two they are.
func Receive(incoming *Onboarding, me string) (*Onboarding, Changes) {
	o := Copy(incoming)
	o.Me, o.Writer, o.Example = me, "", false
	o.Sync = Sync{}
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

// Counts returns how many entries each section holds, for the preview of
// an incoming link: every entry of every top-level list, and each note
// with text in it.
func Counts(o *Onboarding) map[Section]int {
	c := map[Section]int{}
	var walk func(v reflect.Value, section Section)
	walk = func(v reflect.Value, section Section) {
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			s := section
			if tag := f.Tag.Get("section"); tag != "" {
				s = Section(tag)
			}
			switch ruleOf(f) {
			case ruleEntries:
				c[s] += v.Field(i).Len()
			case ruleEntry:
				if v.Field(i).FieldByName("Text").String() != "" {
					c[s]++
				}
			case ruleGroup:
				walk(v.Field(i), s)
			}
		}
	}
	walk(reflect.ValueOf(o).Elem(), "")
	for _, s := range Sections {
		c[s] += 0
	}
	return c
}
