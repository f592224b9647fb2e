package onboarding

import (
	"encoding/json"
	"reflect"
	"time"
)

// Merge combines two versions of an onboarding that both started from
// base: what this tab has (mine) and what another tab saved meanwhile
// (theirs). A change made on one side only is kept. Entries are matched by
// ID, so an entry added on either side survives, and one deleted on a side
// stays deleted unless the other side changed it. Where both sides changed
// the same field differently, mine wins and the field is counted in
// conflicts, so the person can be told.
//
// A nil base means there is no common ancestor: everything on both sides
// counts as added.
func Merge(base, mine, theirs *Onboarding) (merged *Onboarding, conflicts int, err error) {
	return merge(base, mine, theirs, true)
}

// Revert undoes on cur what a change did, turning after back into before,
// and keeps whatever changed since: the change's own effect is taken out,
// and an edit made meanwhile, in another tab or by a link, stays. Stamps
// and this device's record of the exchange go back too where nothing
// changed them since, so undoing the merge of a link is as if it had
// never been opened, and the link can be opened again. Where the undo
// leaves a unit (an entry, a value, a side) as neither cur nor before
// had it, the result is a change of this device, stamped at now.
func Revert(cur, before, after *Onboarding, now time.Time) (*Onboarding, error) {
	reverted, _, err := merge(after, cur, before, false)
	if err != nil {
		return nil, err
	}
	reverted.Partial = cur.Partial
	// What the device holds of each other device goes back to before,
	// even where another change moved it since: a later merge may have
	// counted an older version of something the undo took out as held,
	// since the change had brought a newer one. Holding less than it says
	// would let a link skip what the undo took out, while saying less than
	// it holds costs only a longer link, or a complete one. This device's
	// own changes since stay held; a text the change joined does not.
	have := reverted.Sync.Have
	self := reverted.Sync.Device
	for d, t := range have {
		was, ok := before.Sync.Have[d]
		if d == self && was.Equal(after.Sync.Have[d]) || !was.Before(t) {
			continue
		}
		if !ok {
			delete(have, d)
		} else {
			have[d] = was
		}
	}
	for d, p := range after.Sync.Peers {
		if was, ok := before.Sync.Peers[d]; !ok {
			delete(reverted.Sync.Peers, d)
		} else if !reflect.DeepEqual(was, p) {
			reverted.Sync.Peers[d] = was
		}
	}
	if restamp(reverted, cur, before, now) {
		reverted.Touch(now)
	}
	return reverted, nil
}

// restamp stamps at now every unit of o, an undo's result, that holds
// neither what cur held nor exactly before's version (its values with
// its stamp): the undo put back a value under the stamp of a later
// change (the tick of an item of a 1:1 whose merged version it undoes),
// and two versions must never share a stamp. It reports whether it
// stamped any.
func restamp(o, cur, before *Onboarding, now time.Time) bool {
	changed := false
	entries := func(x *Onboarding) map[string]reflect.Value {
		out := map[string]reflect.Value{}
		eachEntryList(reflect.ValueOf(x).Elem(), func(list reflect.Value) {
			for j := 0; j < list.Len(); j++ {
				out[metaOf(list.Index(j)).ID] = list.Index(j)
			}
		})
		return out
	}
	was, had := entries(cur), entries(before)
	for id, e := range entries(o) {
		c, inCur := was[id]
		if inCur && sameOwn(e, c) {
			continue
		}
		if b, inBefore := had[id]; inBefore && sameOwn(e, b) && metaOf(e).Updated.Equal(metaOf(b).Updated) {
			continue
		}
		m := metaOf(e)
		m.Updated, changed = Stamp(m.Updated, now), true
	}
	vals, curVals, beforeVals := values(o), values(cur), values(before)
	for path, v := range vals {
		if v == curVals[path] || v == beforeVals[path] && o.Changed[path].Equal(before.Changed[path]) {
			continue
		}
		o.stampValue(path, now)
		changed = true
	}
	for _, p := range []string{o.Buddy.ID, o.Newcomer.ID} {
		side := o.Roles.Sides[p]
		if side == nil || sideOf(o, p) == sideOf(cur, p) {
			continue
		}
		if b := before.Roles.Sides[p]; b != nil && sideOf(o, p) == sideOf(before, p) && side.Updated.Equal(b.Updated) {
			continue
		}
		side.Updated, changed = Stamp(side.Updated, now), true
	}
	return changed
}

// sideOf writes what person p's side says, their answers included, for
// comparing: everything but its stamp.
func sideOf(o *Onboarding, p string) string {
	var out []any
	if s := o.Roles.Sides[p]; s != nil {
		out = append(out, s.ExpectMine, s.ExpectYours, s.Done)
	}
	for _, row := range o.Roles.Rows {
		out = append(out, row.ID, row.Owners[p])
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// merge is Merge; stampsByMax says the stamps take the later of mine and
// theirs rather than being merged as values (which Revert needs).
func merge(base, mine, theirs *Onboarding, stampsByMax bool) (merged *Onboarding, conflicts int, err error) {
	var b, m, t any
	for _, p := range []struct {
		src *Onboarding
		dst *any
	}{{base, &b}, {mine, &m}, {theirs, &t}} {
		if p.src == nil {
			continue
		}
		raw, err := json.Marshal(p.src)
		if err != nil {
			return nil, 0, err
		}
		if err := json.Unmarshal(raw, p.dst); err != nil {
			return nil, 0, err
		}
	}
	// The stamps and this device's record of the exchange are not content
	// two tabs change: both move on with every change. They merge by
	// taking the later of each, and never count as a conflict.
	for _, k := range []string{"updated", "changed", "deleted", "sync"} {
		if !stampsByMax {
			break
		}
		if mm, ok := m.(map[string]any); ok {
			if tm, ok := t.(map[string]any); ok {
				tm[k] = mm[k]
			}
			if bm, ok := b.(map[string]any); ok {
				bm[k] = mm[k]
			}
		}
	}
	out := merge3(b, m, t, &conflicts)
	raw, err := json.Marshal(out)
	if err != nil {
		return nil, 0, err
	}
	merged = &Onboarding{}
	if err := json.Unmarshal(raw, merged); err != nil {
		return nil, 0, err
	}
	if stampsByMax && mine != nil && theirs != nil {
		merged.Updated = latest(mine.Updated, theirs.Updated)
		merged.Changed = laterStamps(mine.Changed, theirs.Changed)
		merged.Deleted = laterStamps(mine.Deleted, theirs.Deleted)
		merged.Sync = mergeSync(mine.Sync, theirs.Sync)
	}
	merged.Normalize()
	return merged, conflicts, nil
}

// laterStamps returns, by key, the later of two maps' stamps.
func laterStamps(a, b map[string]time.Time) map[string]time.Time {
	if len(a) == 0 && len(b) == 0 {
		return a
	}
	out := make(map[string]time.Time, len(a))
	for k, t := range a {
		out[k] = t
	}
	for k, t := range b {
		if t.After(out[k]) {
			out[k] = t
		}
	}
	return out
}

// mergeSync combines two tabs' records of the exchange: what each holds,
// and each peer's newest confirmation.
func mergeSync(a, b Sync) Sync {
	out := Sync{Device: a.Device, Have: a.Have.Clone()}
	if out.Device == Legacy {
		out.Device = b.Device
	}
	if b.Have != nil {
		if out.Have == nil {
			out.Have = Vector{}
		}
		out.Have.Merge(b.Have)
	}
	if len(a.Peers)+len(b.Peers) > 0 {
		out.Peers = map[Device]Peer{}
	}
	for _, peers := range []map[Device]Peer{a.Peers, b.Peers} {
		for d, p := range peers {
			q := out.Peers[d]
			q.Person = p.Person
			if q.Has == nil {
				q.Has = Vector{}
			}
			q.Has.Merge(p.Has)
			q.Made = latest(q.Made, p.Made)
			out.Peers[d] = q
		}
	}
	return out
}

// merge3 merges decoded JSON values.
func merge3(base, mine, theirs any, conflicts *int) any {
	switch {
	case reflect.DeepEqual(mine, theirs):
		return mine
	case reflect.DeepEqual(mine, base):
		return theirs
	case reflect.DeepEqual(theirs, base):
		return mine
	}
	mm, mok := mine.(map[string]any)
	tm, tok := theirs.(map[string]any)
	if mok && tok {
		bm, _ := base.(map[string]any)
		return mergeObjects(bm, mm, tm, conflicts)
	}
	ml, mok := mine.([]any)
	tl, tok := theirs.([]any)
	if mok && tok && hasIDs(ml) && hasIDs(tl) {
		bl, _ := base.([]any)
		if base == nil || hasIDs(bl) {
			return mergeLists(bl, ml, tl, conflicts)
		}
	}
	*conflicts++
	return mine
}

func mergeObjects(base, mine, theirs map[string]any, conflicts *int) map[string]any {
	out := map[string]any{}
	for k := range mine {
		out[k] = nil
	}
	for k := range theirs {
		out[k] = nil
	}
	for k := range out {
		mv, inMine := mine[k]
		tv, inTheirs := theirs[k]
		bv, inBase := base[k]
		switch {
		case inMine && inTheirs:
			out[k] = merge3(bv, mv, tv, conflicts)
		case inMine: // theirs removed it, or never had it
			if inBase && reflect.DeepEqual(mv, bv) {
				delete(out, k)
			} else {
				out[k] = mv
			}
		default: // only theirs has it
			if inBase && reflect.DeepEqual(tv, bv) {
				delete(out, k)
			} else {
				out[k] = tv
			}
		}
	}
	return out
}

func idOf(v any) string {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["id"].(string); ok {
			return id
		}
	}
	return ""
}

func hasIDs(list []any) bool {
	for _, v := range list {
		if idOf(v) == "" {
			return false
		}
	}
	return true
}

// mergeLists merges lists of entries by ID. The order is mine, with
// entries only theirs has placed after the entry that precedes them there.
func mergeLists(base, mine, theirs []any, conflicts *int) []any {
	index := func(list []any) map[string]any {
		m := map[string]any{}
		for _, v := range list {
			m[idOf(v)] = v
		}
		return m
	}
	b, t := index(base), index(theirs)
	var out []any
	placed := map[string]bool{}
	for _, mv := range mine {
		id := idOf(mv)
		bv, inBase := b[id]
		tv, inTheirs := t[id]
		switch {
		case inTheirs:
			out = append(out, merge3(bv, mv, tv, conflicts))
		case inBase && reflect.DeepEqual(mv, bv):
			continue // they deleted it and I did not change it
		default:
			if inBase {
				*conflicts++ // they deleted what I changed: keep mine
			}
			out = append(out, mv)
		}
		placed[id] = true
	}
	m := index(mine)
	for i, tv := range theirs {
		id := idOf(tv)
		if placed[id] {
			continue
		}
		if bv, inBase := b[id]; inBase {
			if _, inMine := m[id]; !inMine {
				if reflect.DeepEqual(tv, bv) {
					continue // I deleted it and they did not change it
				}
				*conflicts++ // I deleted what they changed: keep theirs
			}
		}
		at := len(out)
		if i > 0 {
			prev := idOf(theirs[i-1])
			for j, v := range out {
				if idOf(v) == prev {
					at = j + 1
				}
			}
		}
		out = append(out[:at], append([]any{tv}, out[at:]...)...)
		placed[id] = true
	}
	if out == nil {
		out = []any{}
	}
	return out
}
