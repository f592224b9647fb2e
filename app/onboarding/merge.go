package onboarding

import (
	"encoding/json"
	"reflect"
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
	out := merge3(b, m, t, &conflicts)
	raw, err := json.Marshal(out)
	if err != nil {
		return nil, 0, err
	}
	merged = &Onboarding{}
	if err := json.Unmarshal(raw, merged); err != nil {
		return nil, 0, err
	}
	merged.Normalize()
	return merged, conflicts, nil
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
