package onboarding

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
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
	return combine(local, incoming, nil, nil)
}

// combine is Combine where shells names entries the incoming copy holds
// only for the newer entries inside them, and known is what the sender
// held (nil when unknown), which tells a conflict from a later edit.
func combine(local, incoming *Onboarding, shells map[string]bool, known Vector) (*Onboarding, Changes, error) {
	if local.ID != incoming.ID || local.Buddy.ID != incoming.Buddy.ID || local.Newcomer.ID != incoming.Newcomer.ID {
		return nil, Changes{}, ErrOtherPair
	}
	m, in := Copy(local), Copy(incoming)
	g := &merger{local: local, in: in, ch: newChanges(), shells: shells, sideFromIn: map[string]bool{}, known: known}
	g.last = latest(local.Updated, incoming.Updated, local.Sync.Have.Newest(), known.Newest())
	g.tombstones(m)
	for _, p := range []string{m.Buddy.ID, m.Newcomer.ID} {
		mine, theirs := local.Roles.Sides[p], in.Roles.Sides[p]
		var ms, ts time.Time
		if mine != nil {
			ms = mine.Updated
		}
		if theirs != nil {
			ts = theirs.Updated
		}
		g.sideFromIn[p] = g.takes(ts, ms, func() bool { return later(theirs, mine) })
		if mine != nil && theirs != nil && *mine != *theirs {
			g.conflict(ms, ts)
		}
	}
	g.group(reflect.ValueOf(m).Elem(), reflect.ValueOf(in).Elem(), "", "")
	if g.err != nil {
		return nil, Changes{}, g.err
	}
	if g.joined {
		// Texts joined here are a change of this device's, newer than
		// both copies: they travel on to every other device.
		m.Updated = latest(m.Updated, g.last)
		if m.Sync.Have == nil {
			m.Sync.Have = Vector{}
		}
		m.Sync.Have.Add(g.last)
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
	// known is what the sender held, when the incoming copy says so.
	known Vector
	// last is the newest stamp either copy holds, and after joining two
	// texts the stamp of the join; joined says one was made.
	last   time.Time
	joined bool
	err    error
}

// takes reports whether the incoming version of a unit, stamped in, wins
// over this device's, stamped mine: the later stamp wins, and two equal
// stamps with different content (two devices that joined the same texts)
// are decided by tie, the same way on every device.
func (g *merger) takes(in, mine time.Time, tie func() bool) bool {
	if !in.Equal(mine) {
		return in.After(mine)
	}
	return tie()
}

// later decides between two versions of a unit with the same stamp: the
// longer as JSON (a join holds both texts), then the greater.
func later(in, mine any) bool {
	a, _ := json.Marshal(in)
	b, _ := json.Marshal(mine)
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return string(a) > string(b)
}

// concurrent reports whether two differing versions of a unit were made
// without knowing of each other: neither copy holds the other's.
func (g *merger) concurrent(mine, in time.Time) bool {
	return g.known != nil && g.local.Sync.Have != nil && !g.known.Covers(mine) && !g.local.Sync.Have.Covers(in)
}

// conflict counts a unit both copies changed without knowing of the
// other's change.
func (g *merger) conflict(mine, in time.Time) {
	if g.concurrent(mine, in) {
		g.ch.Conflicts++
	}
}

// stamp returns a new stamp of this device, after everything both copies
// hold, for a change the merge itself makes.
func (g *merger) stamp() time.Time {
	g.last = Stamp(g.last, StampOn(g.last, g.local.Sync.Device))
	g.joined = true
	return g.last
}

func latest(ts ...time.Time) time.Time {
	var out time.Time
	for _, t := range ts {
		if t.After(out) {
			out = t
		}
	}
	return out
}

func (g *merger) tombstones(m *Onboarding) {
	for id, t := range g.in.Deleted {
		if m.Deleted == nil {
			m.Deleted = map[string]time.Time{}
		}
		if t.After(m.Deleted[id]) {
			m.Deleted[id] = t
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
	same := m.Interface() == in.Interface()
	takeIn := g.takes(theirs, mine, func() bool { return !same && later(in.Interface(), m.Interface()) })
	if mine.IsZero() && theirs.IsZero() {
		takeIn = g.in.Updated.After(g.local.Updated)
	}
	if !same && !mine.IsZero() && !theirs.IsZero() {
		g.conflict(mine, theirs)
	}
	if takeIn && !same {
		m.Set(in)
		g.ch.Details = true
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
	}
}

// entry merges one entry on its own, such as a note: the later edit wins,
// unless this device's is private.
func (g *merger) entry(m, in reflect.Value, s Section) {
	mine, theirs := metaOf(m), metaOf(in)
	if mine.Private {
		return
	}
	same := reflect.DeepEqual(m.Interface(), in.Interface())
	if !same {
		g.conflict(mine.Updated, theirs.Updated)
	}
	if !g.takes(theirs.Updated, mine.Updated, func() bool { return !same && later(in.Interface(), m.Interface()) }) {
		return
	}
	if !same {
		g.ch.Updated[s]++
	}
	m.Set(in)
}

// list merges one list of entries by ID. The order is this device's, with
// entries only the incoming copy has placed after the entry that precedes
// them there.
func (g *merger) list(m, in reflect.Value, s Section) reflect.Value {
	mine, theirs := metas(m), metas(in)
	same := func(i, j int) bool { return reflect.DeepEqual(m.Index(i).Interface(), in.Index(j).Interface()) }
	tie := func(i, j int) bool { return later(in.Index(j).Interface(), m.Index(i).Interface()) }
	clash := func(i, j int) bool { return !sameOwn(m.Index(i), in.Index(j)) }
	steps := g.plan(s, mine, theirs, lastEdits(m), lastEdits(in), same, clash, tie)
	out := reflect.MakeSlice(m.Type(), 0, len(steps))
	for _, st := range steps {
		switch {
		case st.mine < 0:
			if g.shells[theirs[st.theirs].ID] {
				g.err = errShell
				continue
			}
			out = reflect.Append(out, in.Index(st.theirs))
		case st.theirs < 0:
			out = reflect.Append(out, m.Index(st.mine))
		default:
			kept := reflect.New(m.Type().Elem()).Elem()
			if st.takeTheirs && !g.shells[theirs[st.theirs].ID] {
				kept.Set(in.Index(st.theirs))
			} else {
				kept.Set(m.Index(st.mine))
			}
			if !g.shells[theirs[st.theirs].ID] {
				g.join(kept, m.Index(st.mine), in.Index(st.theirs))
			}
			g.inner(kept, m.Index(st.mine), in.Index(st.theirs), s)
			if !g.shells[theirs[st.theirs].ID] && g.lostInside(m.Index(st.mine), in.Index(st.theirs)) {
				// The sender lost entries inside this one that it had
				// (removed with it, before it was put back or made
				// again): the merged entry is this device's change, so
				// that it travels back whole.
				metaOf(kept).Updated = g.stamp()
			}
			out = reflect.Append(out, kept)
		}
	}
	return out
}

// inner merges what an entry on both sides holds with rules of its own
// (the lists inside it, the answers of each person), whichever version of
// the entry was kept.
func (g *merger) inner(kept, mine, theirs reflect.Value, s Section) {
	eachField(kept, func(f reflect.StructField, fv reflect.Value, r rule) {
		switch r {
		case ruleEntries:
			fv.Set(g.list(mine.FieldByIndex(f.Index), theirs.FieldByIndex(f.Index), s))
		case ruleSide:
			fv.Set(g.answers(mine.FieldByIndex(f.Index), theirs.FieldByIndex(f.Index)))
		case ruleValue, ruleJoin:
		default:
			panic("onboarding: no merge inside an entry for " + f.Name)
		}
	})
}

// lostInside reports whether the incoming version of an entry, which a
// link carries whole, lacks an entry inside it that this device holds,
// that no removal takes out, and that the sender says it held: it was
// taken out with the entry holding it, removed there and then put back
// or made again, and no link would bring it back otherwise.
func (g *merger) lostInside(mine, theirs reflect.Value) bool {
	if g.known == nil {
		return false
	}
	lost := false
	t := mine.Type()
	for i := 0; i < t.NumField() && !lost; i++ {
		if f := t.Field(i); f.Anonymous || !isEntryList(f.Type) {
			continue
		}
		in := map[string]bool{}
		for _, m := range metas(theirs.Field(i)) {
			in[m.ID] = true
		}
		list := mine.Field(i)
		for j := 0; j < list.Len() && !lost; j++ {
			m := metaOf(list.Index(j))
			lost = !in[m.ID] && !m.Private && g.known.Covers(m.Updated) && !g.buried(m.ID, lastEdit(list.Index(j)))
		}
	}
	return lost
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

// sameOwn reports whether two versions of an entry hold the same values
// of their own: besides their stamps, the entries inside them and the
// answers of each person.
func sameOwn(a, b reflect.Value) bool {
	own := func(e reflect.Value) any {
		c := reflect.New(e.Type()).Elem()
		c.Set(e)
		metaOf(c).Updated = time.Time{}
		for i := 0; i < c.NumField(); i++ {
			if f := c.Type().Field(i); !f.Anonymous && (isEntryList(f.Type) || ruleOf(f) == ruleSide) {
				c.Field(i).SetZero()
			}
		}
		return c.Interface()
	}
	return reflect.DeepEqual(own(a), own(b))
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

// plan decides a merged list from the Meta of both copies' entries, and
// when each last changed, what is inside it included (lastEdit), and
// counts what changed. same reports whether mine[i] and theirs[j] hold
// the same content; clash whether they differ in their own values (not
// only in the entries inside them, which merge one by one, or in the
// answers, which merge by side), which is a conflict when both changed
// them; and tie whether theirs[j] wins over mine[i] when both have the
// same stamp.
func (g *merger) plan(s Section, mine, theirs []*Meta, mineLast, theirLast []time.Time, same, clash, tie func(i, j int) bool) []step {
	theirIndex := map[string]int{}
	for j, meta := range theirs {
		theirIndex[meta.ID] = j
	}
	out := make([]step, 0, len(mine)+len(theirs))
	ids := make([]string, 0, len(mine)+len(theirs)) // the ID of each step
	placed := map[string]bool{}
	for i, meta := range mine {
		if !meta.Private && g.buried(meta.ID, mineLast[i]) {
			// Removed here. An incoming copy made since the removal
			// (the 1:1 of a date started again) is not placed yet: it
			// comes in below, whole, without what the removal took.
			g.ch.Removed[s]++
			continue
		}
		placed[meta.ID] = true
		if meta.Private {
			out, ids = append(out, step{mine: i, theirs: -1}), append(ids, meta.ID)
			continue
		}
		st := step{mine: i, theirs: -1}
		if j, ok := theirIndex[meta.ID]; ok && !g.shells[meta.ID] {
			st.theirs = j
			differ := !same(i, j)
			if differ && clash(i, j) {
				g.conflict(meta.Updated, theirs[j].Updated)
			}
			if g.takes(theirs[j].Updated, meta.Updated, func() bool { return differ && tie(i, j) }) {
				if differ {
					g.ch.Updated[s]++
				}
				st.takeTheirs = true
			}
		} else if ok {
			st.theirs = j
		}
		out, ids = append(out, st), append(ids, meta.ID)
	}
	for j, meta := range theirs {
		if placed[meta.ID] || g.buried(meta.ID, theirLast[j]) {
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

// join keeps both texts of a field tagged sync:"join" (the notes of a 1:1)
// when the two copies of an entry changed them without knowing of each
// other: two people who started the same 1:1 on their own devices. The
// older text comes first, then the lines of the newer one it lacks. The
// joined entry is a change of this device's, stamped after both.
func (g *merger) join(kept, mine, theirs reflect.Value) {
	ms, ts := metaOf(mine).Updated, metaOf(theirs).Updated
	if !g.concurrent(ms, ts) {
		return
	}
	older, newer := mine, theirs
	if ms.After(ts) {
		older, newer = theirs, mine
	}
	t := kept.Type()
	changed := false
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Anonymous || ruleOf(f) != ruleJoin {
			continue
		}
		a, b := older.Field(i).String(), newer.Field(i).String()
		if j := JoinText(a, b); j != kept.Field(i).String() {
			kept.Field(i).SetString(j)
			changed = true
		}
	}
	if changed {
		metaOf(kept).Updated = g.stamp()
	}
}

// JoinText returns older followed by the lines of newer that older lacks,
// or the one that already holds the other.
func JoinText(older, newer string) string {
	o, n := strings.TrimSpace(older), strings.TrimSpace(newer)
	switch {
	case n == "" || strings.Contains(o, n):
		return older
	case o == "" || strings.Contains(n, o):
		return newer
	}
	have := map[string]bool{}
	for _, l := range strings.Split(older, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	out := strings.TrimRight(older, "\n")
	for _, l := range strings.Split(newer, "\n") {
		if k := strings.TrimSpace(l); k != "" && !have[k] {
			out += "\n" + l
			have[k] = true
		}
	}
	return Clip(out, MaxText)
}
