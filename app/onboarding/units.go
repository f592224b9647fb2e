package onboarding

import (
	"reflect"
	"time"
)

// The units of an onboarding are what carries a stamp of its own: each
// entry (at any depth: a 1:1 and each item of its agenda), each removal,
// each person's side of the role agreement, and each of the onboarding's
// own values. Merges, links and the clock all work unit by unit; the
// walkers here find them by reflection over the model, so a new list or
// field is covered without a change here.

// eachEntryList calls fn with every list of entries in v (a struct of the
// model), at any depth, and the entries' parent list first.
func eachEntryList(v reflect.Value, fn func(list reflect.Value)) {
	eachField(v, func(f reflect.StructField, fv reflect.Value, r rule) {
		switch r {
		case ruleEntries:
			fn(fv)
			if !shapeOf(f.Type.Elem()).nests {
				return
			}
			for j := 0; j < fv.Len(); j++ {
				eachEntryList(fv.Index(j), fn)
			}
		case ruleEntry, ruleGroup:
			eachEntryList(fv, fn)
		}
	})
}

// eachStamp calls fn with every stamp o holds: of its entries, sides,
// removals and values.
func eachStamp(o *Onboarding, fn func(time.Time)) {
	stamps(o, func(t *time.Time) { fn(*t) })
}

// stamps calls fn with a pointer to every stamp o holds. A stamp in a map
// is written back after fn.
func stamps(o *Onboarding, fn func(*time.Time)) {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		eachField(v, func(_ reflect.StructField, fv reflect.Value, r rule) {
			switch r {
			case ruleEntries:
				for j := 0; j < fv.Len(); j++ {
					fn(&metaOf(fv.Index(j)).Updated)
					walk(fv.Index(j))
				}
			case ruleEntry:
				fn(&metaOf(fv).Updated)
				walk(fv)
			case ruleGroup:
				walk(fv)
			}
		})
	}
	walk(reflect.ValueOf(o).Elem())
	for _, s := range o.Roles.Sides {
		if s != nil {
			fn(&s.Updated)
		}
	}
	for _, m := range []map[string]time.Time{o.Deleted, o.Changed} {
		for k, t := range m {
			fn(&t)
			m[k] = t
		}
	}
}

// WrittenOn makes every stamp of o a stamp of device d, as if d had made
// every change, and d the device that holds them all: for an onboarding
// built at once (the sample's years of 1:1s, a test's fixture) to stand
// for one written on a device by this version.
func WrittenOn(o *Onboarding, d Device) {
	stamps(o, func(t *time.Time) {
		if !t.IsZero() {
			*t = StampOn(*t, d)
		}
	})
	o.Updated = StampOn(latest(o.Updated, NewestStamp(o)), d)
	o.Sync = Sync{Device: d, Have: Vector{d: o.Updated}}
}

// NewestStamp returns the latest stamp in o: a device's clock reads it, so
// that its next stamp comes after everything o holds.
func NewestStamp(o *Onboarding) time.Time {
	var newest time.Time
	eachStamp(o, func(t time.Time) {
		if t.After(newest) {
			newest = t
		}
	})
	return newest
}

// bury takes out every entry a removal at least as recent as its last
// edit has removed. Combining copies applies removals as it goes; this
// keeps the rule whole for every other way an onboarding is put
// together, so that no removal lies in wait beside a newer entry for the
// next merge to apply (the rule: the later of an edit and a removal wins,
// and the removal wins a tie).
func bury(o *Onboarding) {
	if len(o.Deleted) == 0 {
		return
	}
	eachEntryList(reflect.ValueOf(o).Elem(), func(list reflect.Value) {
		kept := 0
		for j := 0; j < list.Len(); j++ {
			m := metaOf(list.Index(j))
			if when, ok := o.Deleted[m.ID]; ok && !m.Private && !lastEdit(list.Index(j)).After(when) {
				continue
			}
			if kept != j {
				list.Index(kept).Set(list.Index(j))
			}
			kept++
		}
		if kept != list.Len() {
			list.Set(list.Slice(0, kept))
		}
	})
}

// lastEdit returns when an entry last changed: the latest stamp of the
// entry and of every entry inside it. A removal takes an entry out only
// when it is at least as late, so that an agenda item ticked off after
// its 1:1 was removed keeps the 1:1.
func lastEdit(e reflect.Value) time.Time {
	last := metaOf(e).Updated
	eachEntryList(e, func(list reflect.Value) {
		meta := shapeOf(list.Type().Elem()).meta
		for j := 0; j < list.Len(); j++ {
			if t := list.Index(j).Field(meta).Addr().Interface().(*Meta).Updated; t.After(last) {
				last = t
			}
		}
	})
	return last
}

// lastEdits returns the lastEdit of each entry of a list.
func lastEdits(list reflect.Value) []time.Time {
	out := make([]time.Time, list.Len())
	for i := range out {
		out[i] = lastEdit(list.Index(i))
	}
	return out
}
