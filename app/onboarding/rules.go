package onboarding

import (
	"encoding/json"
	"reflect"
	"sync"
	"time"
)

// rule is how one field of the model travels and combines. Every field has
// exactly one, from its sync:"..." tag or, without a tag, from its kind;
// ruleOf panics for a field it cannot place, and rules_test.go walks the
// whole model so that such a field fails the tests, not a user's merge.
type rule int

const (
	// ruleDevice: never leaves this device; a merge keeps this device's.
	ruleDevice rule = iota
	// ruleID: the identity of the onboarding; both copies must share it.
	ruleID
	// ruleMin and ruleMax: the earlier, or the later, of two times.
	ruleMin
	ruleMax
	// ruleTombstones: removals by entry ID; both copies' are kept, the
	// later time of each.
	ruleTombstones
	// ruleStamps: when each value of the onboarding itself last changed.
	ruleStamps
	// ruleSide: one answer per person, from the copy where that person
	// last changed their side of the role agreement.
	ruleSide
	// ruleSides: each person's side, whole, from the copy where it last
	// changed (its Updated).
	ruleSides
	// ruleEntries: a list of entries, merged entry by entry (see plan).
	ruleEntries
	// ruleEntry: one entry on its own (a note): the later edit wins.
	ruleEntry
	// ruleGroup: a plain struct; each of its fields has its own rule.
	ruleGroup
	// ruleValue: a plain value. In an entry it comes with the entry; in
	// the onboarding itself its stamp in Changed decides.
	ruleValue
	// ruleJoin: a text of an entry that comes with the entry, except
	// when two copies changed it without knowing of each other: then
	// both texts are kept, joined (see merger.join).
	ruleJoin
)

// eachField calls fn with each field of v (a struct of the model) but the
// embedded Meta, and the field's rule: every walker over the model starts
// here, so that none can forget a rule the others know.
func eachField(v reflect.Value, fn func(f reflect.StructField, fv reflect.Value, r rule)) {
	for _, rf := range shapeOf(v.Type()).fields {
		fn(rf.field, v.Field(rf.index), rf.rule)
	}
}

// eachFieldIn is eachField for the walkers that count or pick by
// section: s is the section the field's values count in, its own section
// tag or else within, the section of what holds it.
func eachFieldIn(v reflect.Value, within Section, fn func(f reflect.StructField, fv reflect.Value, r rule, s Section)) {
	for _, rf := range shapeOf(v.Type()).fields {
		fn(rf.field, v.Field(rf.index), rf.rule, rf.in(within))
	}
}

// in is the section the field's values count in, inside a value that
// counts in within.
func (rf ruledField) in(within Section) Section {
	if rf.section != "" {
		return rf.section
	}
	return within
}

// typeShape is what the walkers need to know of one struct type of the
// model, worked out once per type: reading fields and tags by reflection
// on every keystroke cost more than the save itself after a year of 1:1s.
type typeShape struct {
	fields []ruledField
	// meta is the index of the embedded Meta, or -1.
	meta int
	// nests says the type holds lists of entries at some depth, so that a
	// walk looking for lists need not go into entries that hold none.
	nests bool
}

// ruledField is one field with its rule.
type ruledField struct {
	field reflect.StructField
	index int
	rule  rule
	limit limit // for a text, from its limit tag (limits.go)
	// section is the part of the onboarding the field's values count
	// in, from its section tag; "" for the section of what holds it.
	section Section
}

var shapes sync.Map // reflect.Type to *typeShape

// shapeOf returns the shape of a struct type of the model.
func shapeOf(t reflect.Type) *typeShape {
	if s, ok := shapes.Load(t); ok {
		return s.(*typeShape)
	}
	s := &typeShape{meta: -1}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			if f.Type == metaType {
				s.meta = i
			}
			continue
		}
		r := ruleOf(f)
		l, _ := limitOf(f)
		s.fields = append(s.fields, ruledField{field: f, index: i, rule: r, limit: l, section: Section(f.Tag.Get("section"))})
		switch r {
		case ruleEntries:
			s.nests = true
		case ruleEntry, ruleGroup:
			s.nests = s.nests || shapeOf(f.Type).nests
		}
	}
	shapes.Store(t, s)
	return s
}

// ruleOf returns the rule of a struct field.
func ruleOf(f reflect.StructField) rule {
	switch f.Tag.Get("sync") {
	case "device":
		return ruleDevice
	case "id":
		return ruleID
	case "min":
		return ruleMin
	case "max":
		return ruleMax
	case "tombstones":
		return ruleTombstones
	case "stamps":
		return ruleStamps
	case "side":
		return ruleSide
	case "join":
		if f.Type.Kind() != reflect.String {
			panic("onboarding: only a text can be joined: " + f.Name)
		}
		return ruleJoin
	case "":
	default:
		panic("onboarding: unknown sync tag on " + f.Name)
	}
	t := f.Type
	switch {
	case isEntryList(t):
		return ruleEntries
	case isEntry(t):
		return ruleEntry
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && stamped(t.Elem()):
		return ruleSides
	case t == timeType:
		panic("onboarding: a time without a sync rule: " + f.Name)
	case t.Kind() == reflect.Struct:
		return ruleGroup
	case t.Kind() == reflect.String, t.Kind() == reflect.Bool, t.Kind() == reflect.Int:
		return ruleValue
	}
	panic("onboarding: no sync rule for " + f.Name + " (" + t.String() + "): give it a sync tag")
}

// stamped reports whether t (or what it points to) is a struct with its
// own Updated time.
func stamped(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return false
	}
	f, ok := t.FieldByName("Updated")
	return ok && f.Type == timeType
}

func deviceOnly(f reflect.StructField) bool { return f.Tag.Get("sync") == "device" }

// Apply makes a change to o at now: it runs change, stamps in Changed
// every value of the onboarding itself that change altered (an entry
// stamps itself, through Edit), and touches o. Every edit a person makes
// goes through it, so no value can change unstamped.
func Apply(o *Onboarding, now time.Time, change func(*Onboarding)) {
	ApplyWith(o, func() time.Time { return now }, change)
}

// ApplyWith is Apply with a clock: the stamps of the values changed and of
// the onboarding itself are read from it after change has run, so they
// come after every stamp change made with the same clock. The store's one
// write path uses it with the device's hybrid logical clock.
func ApplyWith(o *Onboarding, clock func() time.Time, change func(*Onboarding)) {
	before := values(o)
	// Every stamp the change makes comes from the clock, so it is at
	// least start, and every stamp made before is older than start (the
	// store's clock has seen every stamp of o; a fixed clock gives start
	// itself to both). That tells what the change stamped without a copy
	// of the stamps from before, which cost more than the save.
	start := clock()
	change(o)
	now := clock()
	for path, v := range values(o) {
		if before[path] != v {
			o.stampValue(path, now)
		}
	}
	// A change inside an entry (an item of a 1:1's agenda) is a change
	// of the entry too: its stamp moves, so that every copy orders the
	// versions of the whole entry alike, and one that removed the entry
	// gets it back whole.
	eachHolder(o, func(m *Meta, last time.Time) {
		if !last.Before(start) && m.Updated.Before(now) {
			m.Updated = now
		}
	})
	o.Touch(now)
}

// eachHolder calls fn with the Meta of every entry that holds entries of
// its own (a 1:1 and its agenda), and its lastEdit.
func eachHolder(o *Onboarding, fn func(m *Meta, last time.Time)) {
	eachEntryList(reflect.ValueOf(o).Elem(), func(list reflect.Value) {
		if !holdsEntries(list.Type().Elem()) {
			return
		}
		for j := 0; j < list.Len(); j++ {
			fn(metaOf(list.Index(j)), lastEdit(list.Index(j)))
		}
	})
}

// holdsEntries reports whether entries of type t hold lists of entries.
func holdsEntries(t reflect.Type) bool {
	for _, rf := range shapeOf(t).fields {
		if rf.rule == ruleEntries {
			return true
		}
	}
	return false
}

func (o *Onboarding) stampValue(path string, now time.Time) {
	if o.Changed == nil {
		o.Changed = map[string]time.Time{}
	}
	o.Changed[path] = Stamp(o.Changed[path], now)
}

// values returns the onboarding's own values (ruleValue fields outside
// entries), by path.
func values(o *Onboarding) map[string]any {
	out := map[string]any{}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		eachField(v, func(f reflect.StructField, fv reflect.Value, r rule) {
			switch r {
			case ruleValue:
				out[join(path, f)] = fv.Interface()
			case ruleGroup:
				walk(fv, join(path, f))
			}
		})
	}
	walk(reflect.ValueOf(o).Elem(), "")
	return out
}

// Shareable returns a copy of o holding only what may leave this device:
// every entry marked private is dropped (with all it holds), private notes
// are blanked, and device-only fields are cleared, Me included. It works
// by reflection over the model, so a new list or a new device-only field
// is covered without touching it.
func Shareable(o *Onboarding) *Onboarding {
	c := Copy(o)
	shareable(reflect.ValueOf(c).Elem())
	if len(c.Deleted) == 0 {
		c.Deleted = nil
	}
	return c
}

func shareable(v reflect.Value) {
	eachField(v, func(f reflect.StructField, fv reflect.Value, r rule) {
		switch r {
		case ruleDevice:
			fv.SetZero()
		case ruleEntries:
			kept := reflect.MakeSlice(f.Type, 0, fv.Len())
			for j := 0; j < fv.Len(); j++ {
				if e := fv.Index(j); !metaOf(e).Private {
					shareable(e)
					kept = reflect.Append(kept, e)
				}
			}
			fv.Set(kept)
		case ruleEntry:
			if m := metaOf(fv); m.Private {
				blank := reflect.New(f.Type).Elem()
				*metaOf(blank) = Meta{ID: m.ID, Author: m.Author}
				fv.Set(blank)
			} else {
				shareable(fv)
			}
		case ruleGroup:
			shareable(fv)
		}
	})
}

// metaOf returns the Meta of an addressable entry value.
func metaOf(e reflect.Value) *Meta {
	return e.Field(shapeOf(e.Type()).meta).Addr().Interface().(*Meta)
}

// Copy returns a deep copy of o: no slice or map is shared with it.
func Copy(o *Onboarding) *Onboarding {
	raw, err := json.Marshal(o)
	if err != nil {
		panic("onboarding: cannot be encoded: " + err.Error())
	}
	var c Onboarding
	if err := json.Unmarshal(raw, &c); err != nil {
		panic("onboarding: cannot be decoded: " + err.Error())
	}
	c.Partial = o.Partial
	return &c
}
