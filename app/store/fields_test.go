package store

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"counterpart/app/onboarding"
)

// These tests walk the model by reflection, so they grow with it: a field
// added to onboarding.Onboarding, at any depth, is set, saved, changed and
// read back here without anyone editing them.

// leaf is a place in the model that holds a value: a path of steps from
// the onboarding down to a string, number, flag or time.
type leaf struct {
	path []step
	name string
}

// step goes one level down: into a field, the first element of a list, the
// one entry of a map, or what a pointer points to.
type step struct {
	field int
	kind  reflect.Kind
}

var timeType = reflect.TypeOf(time.Time{})

// leaves lists every leaf below t.
func leaves(t reflect.Type, path []step, name string, out *[]leaf, depth int) {
	if depth > 8 {
		return
	}
	switch {
	case t == timeType || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Map && t.Kind() != reflect.Pointer:
		*out = append(*out, leaf{append([]step(nil), path...), name})
	case t.Kind() == reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			leaves(f.Type, append(path, step{field: i, kind: reflect.Struct}), name+"."+f.Name, out, depth+1)
		}
	default:
		leaves(t.Elem(), append(path, step{kind: t.Kind()}), name+"[]", out, depth+1)
	}
}

// grow makes every list, map and pointer on the way to each leaf hold one
// element, so each leaf exists. Map keys are the buddy's ID, which every
// map in the model is keyed by or accepts.
func grow(v reflect.Value, key string, depth int) {
	if depth > 8 {
		return
	}
	t := v.Type()
	switch {
	case t == timeType:
	case t.Kind() == reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				grow(v.Field(i), key, depth+1)
			}
		}
	case t.Kind() == reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(t, 1, 1))
		}
		grow(v.Index(0), key, depth+1)
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		grow(v.Elem(), key, depth+1)
	case t.Kind() == reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
		k := keyOf(t, key)
		e := reflect.New(t.Elem()).Elem()
		if old := v.MapIndex(k); old.IsValid() {
			e.Set(old)
		}
		grow(e, key, depth+1)
		v.SetMapIndex(k, e)
	}
}

// keyOf is the key of a map's one entry: key for a map by text, a device
// number for a map by device.
func keyOf(t reflect.Type, key string) reflect.Value {
	k := reflect.New(t.Key()).Elem()
	if k.Kind() == reflect.String {
		k.SetString(key)
	} else {
		k.SetUint(7)
	}
	return k
}

// mapKeys are the keys tried, in order, for the one entry of each map: a
// person's ID (who owns a role area, each side of the agreement), or a
// path of the model (when a value last changed).
func mapKeys(o reflect.Value) []string {
	return []string{o.FieldByName("Buddy").FieldByName("ID").String(), "title", "roles.cadence.day"}
}

// mapKey is the key at uses for a map it finds empty.
var mapKey = 0

// at runs fn on the leaf's value in o, writing it back through any map on
// the way. Lists, maps and pointers that Normalize emptied get their one
// element back.
func at(o reflect.Value, path []step, fn func(reflect.Value)) {
	key := mapKeys(o)[mapKey]
	var walk func(v reflect.Value, path []step)
	walk = func(v reflect.Value, path []step) {
		if len(path) == 0 {
			fn(v)
			return
		}
		s, rest := path[0], path[1:]
		switch s.kind {
		case reflect.Struct:
			walk(v.Field(s.field), rest)
		case reflect.Slice:
			if v.Len() == 0 {
				v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			}
			walk(v.Index(0), rest)
		case reflect.Pointer:
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			walk(v.Elem(), rest)
		case reflect.Map:
			if v.IsNil() {
				v.Set(reflect.MakeMap(v.Type()))
			}
			k := keyOf(v.Type(), key)
			e := reflect.New(v.Type().Elem()).Elem()
			if old := v.MapIndex(k); old.IsValid() {
				e.Set(old)
			}
			walk(e, rest)
			v.SetMapIndex(k, e)
		}
	}
	walk(o, path)
}

// candidates are values tried in a leaf, in order, until one survives
// onboarding.Normalize: IDs, dates, times, zones and the choices the
// model accepts, then plain text.
func candidates(o *onboarding.Onboarding, t reflect.Type, n int) []any {
	switch {
	case t == timeType:
		return []any{t0.Add(time.Duration(n) * time.Minute), t0.Add(time.Duration(n+1000) * time.Minute)}
	case t.Kind() == reflect.Bool:
		return []any{true, false}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
		return []any{45, 60, 90}
	case t.Kind() == reflect.String:
		return []any{
			fmt.Sprintf("text %d, with \"quotes\" & <b>tags</b>", n), fmt.Sprintf("other text %d", n),
			o.Buddy.ID, o.Newcomer.ID, onboarding.NewID(), onboarding.NewID(),
			"2026-12-03", "2027-01-15", "09:30", "14:45", "Europe/London", "America/New_York",
			"tuesday", "thursday", "monthly", "quarterly", "shared", "unsure",
			"finance", "legal", "influence", "tenure", "strained", "broken", "kept", "missed", "mine", "yours",
			"turnaround", "realignment", "open", "done", "budget", "reports", "2026-11-03T10:00", "2026-11-10T14:30",
			"30", "60", "at-risk", "previous", "interim", "newcomer", "stops",
		}
	}
	return nil
}

// setLeaf puts the first candidate that survives Normalize, other than
// the one there now, into the leaf, and reports whether one did.
func setLeaf(t *testing.T, o *onboarding.Onboarding, l leaf, n int) bool {
	t.Helper()
	defer func() { mapKey = 0 }()
	for mapKey = range mapKeys(reflect.ValueOf(o).Elem()) {
		if setLeafWithKey(t, o, l, n) {
			return true
		}
	}
	return false
}

func setLeafWithKey(t *testing.T, o *onboarding.Onboarding, l leaf, n int) bool {
	root := reflect.ValueOf(o).Elem()
	var typ reflect.Type
	var now any
	at(root, l.path, func(v reflect.Value) { typ, now = v.Type(), v.Interface() })
	for _, c := range candidates(o, typ, n) {
		cv := reflect.ValueOf(c).Convert(typ)
		if reflect.DeepEqual(cv.Interface(), now) {
			continue
		}
		var trial onboarding.Onboarding
		json.Unmarshal([]byte(jsonOf(t, o)), &trial)
		at(reflect.ValueOf(&trial).Elem(), l.path, func(v reflect.Value) { v.Set(cv) })
		trial.Normalize()
		var kept any
		at(reflect.ValueOf(&trial).Elem(), l.path, func(v reflect.Value) { kept = v.Interface() })
		if reflect.DeepEqual(kept, cv.Interface()) {
			at(root, l.path, func(v reflect.Value) { v.Set(cv) })
			return true
		}
	}
	return false
}

// everyField is an onboarding with every leaf of the model set to a value
// that Normalize keeps.
func everyField(t *testing.T) (*onboarding.Onboarding, []leaf) {
	o := sampleOnboarding(t0)
	grow(reflect.ValueOf(o).Elem(), o.Buddy.ID, 0)
	o.Normalize()
	var all []leaf
	leaves(reflect.TypeOf(*o), nil, "Onboarding", &all, 0)
	for i, l := range all {
		if strings.HasSuffix(l.name, ".ID") && len(l.path) == 1 {
			continue // the onboarding's own ID names its keys
		}
		if !setLeaf(t, o, l, i) {
			t.Errorf("no value for %s survives onboarding.Normalize; add one to candidates", l.name)
		}
	}
	o.Normalize()
	return o, all
}

// Every field of the model is stored and read back.
func TestEveryFieldRoundTrips(t *testing.T) {
	o, all := everyField(t)
	if len(all) < 100 {
		t.Fatalf("only %d leaves found in the model; the walk is broken", len(all))
	}
	for _, withLog := range []bool{true, false} {
		mem := NewMemory()
		if _, err := New(mem, clock()).Save(o); err != nil {
			t.Fatal(err)
		}
		s := New(mem, clock())
		load := s.Load
		if !withLog {
			load = s.LoadWithoutLog
		}
		got, err := load(o.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := *o
		if !withLog {
			want.Meetings, want.Commitments = []onboarding.Meeting{}, []onboarding.Commitment{}
		}
		if a, b := jsonOf(t, got), jsonOf(t, &want); a != b {
			t.Errorf("with log %v, the round trip changed the onboarding:\n%s\n%s", withLog, a, b)
		}
	}
}

// A change to any one field, in a tab that read the onboarding, is found
// by the next save and read back by a new tab: the comparison that keeps
// saves small misses nothing.
func TestEveryFieldChangeIsSaved(t *testing.T) {
	o, all := everyField(t)
	mem := NewMemory()
	New(mem, clock()).Save(o)
	s := New(mem, clock())
	live, err := s.Load(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range all {
		if len(l.path) == 1 && strings.HasSuffix(l.name, ".ID") {
			continue
		}
		if !setLeaf(t, live, l, 5000+i) {
			t.Errorf("%s: no other value survives Normalize", l.name)
			continue
		}
		live.Normalize()
		if _, err := s.Save(live); err != nil {
			t.Fatalf("%s: %v", l.name, err)
		}
		if got, want := jsonOf(t, loadFresh(t, mem, o.ID)), normalized(t, live); got != want {
			t.Errorf("a change to %s was not saved", l.name)
		}
	}
}

// A new tab that read the onboarding without its log, then changes any
// field outside the log: saved, and the log is kept.
func TestEveryFieldChangeWithoutTheLog(t *testing.T) {
	o, all := everyField(t)
	mem := NewMemory()
	New(mem, clock()).Save(o)
	s := New(mem, clock())
	live, _ := s.LoadWithoutLog(o.ID)
	for i, l := range all {
		if f := reflect.TypeOf(*o).Field(l.path[0].field); logFields[jsonName(f)] || len(l.path) == 1 && f.Name == "ID" {
			continue
		}
		if !setLeaf(t, live, l, 9000+i) {
			continue
		}
		live.Normalize()
		if _, err := s.Save(live); err != nil {
			t.Fatalf("%s: %v", l.name, err)
		}
		got := loadFresh(t, mem, o.ID)
		if len(got.Meetings) != 1 || len(got.Commitments) != 1 {
			t.Fatalf("%s: the log was lost", l.name)
		}
		got.Meetings, got.Commitments = []onboarding.Meeting{}, []onboarding.Commitment{}
		if jsonOf(t, got) != normalized(t, live) {
			t.Errorf("a change to %s was not saved", l.name)
		}
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// The parts are exactly the fields encoding/json writes, each under its
// own name, and the log fields are lists of entries with an ID.
func TestPartsAreTheModelsFields(t *testing.T) {
	o, _ := everyField(t)
	var whole map[string]json.RawMessage
	json.Unmarshal([]byte(jsonOf(t, o)), &whole)
	seen := map[string]bool{}
	for _, p := range parts {
		if seen[p.name] {
			t.Errorf("two fields are stored as %q", p.name)
		}
		seen[p.name] = true
		if _, ok := whole[p.name]; !ok && p.name != "deleted" && p.name != "writer" && p.name != "example" {
			t.Errorf("part %q is not a field encoding/json writes", p.name)
		}
	}
	for name := range whole {
		if !seen[name] {
			t.Errorf("field %q has no part: it would not be stored", name)
		}
	}
	for name := range logFields {
		p, ok := partByName(name)
		if !ok || !p.log {
			t.Errorf("%s should be stored one entry per key", name)
		}
	}
}

// The model holds nothing the comparison cannot look into: such a field
// would be encoded on every keystroke.
func TestModelHasNoOpaqueFields(t *testing.T) {
	var walk func(sh *shape, path string, seen map[*shape]bool)
	walk = func(sh *shape, path string, seen map[*shape]bool) {
		if seen[sh] {
			return
		}
		seen[sh] = true
		if sh.kind == opaqueKind {
			t.Errorf("%s (%s) cannot be compared quickly", path, sh.typ)
		}
		for _, s := range sh.subs {
			walk(s.shape, path+"/"+s.shape.typ.String(), seen)
		}
		if sh.elem != nil {
			walk(sh.elem, path+"/"+sh.elem.typ.String(), seen)
		}
	}
	walk(shapeOf(reflect.TypeOf(onboarding.Onboarding{})), "Onboarding", map[*shape]bool{})
}

func TestSliceHeaderLayout(t *testing.T) {
	s := make([]int, 3, 7)
	h := (*sliceHeader)(unsafe.Pointer(&s))
	if h.data != unsafe.Pointer(&s[0]) || h.len != 3 || h.cap != 7 {
		t.Fatal("Go no longer lays out slices as the store reads them")
	}
}

// A copy shares nothing that can change in place: changing any leaf of
// the original leaves the copy as it was, and the comparison sees it.
func TestCloneIsDeepAndSameSeesEveryLeaf(t *testing.T) {
	o, all := everyField(t)
	sh := shapeOf(reflect.TypeOf(*o))
	for i, l := range all {
		c := sh.clone(reflect.ValueOf(o).Elem())
		if !sh.same(unsafe.Pointer(o), c.Addr().UnsafePointer()) {
			t.Fatalf("a fresh copy differs from its original")
		}
		before := jsonOf(t, c.Addr().Interface().(*onboarding.Onboarding))
		var typ reflect.Type
		at(reflect.ValueOf(o).Elem(), l.path, func(v reflect.Value) { typ = v.Type() })
		var changed bool
		for _, cand := range candidates(o, typ, 20000+i) {
			at(reflect.ValueOf(o).Elem(), l.path, func(v reflect.Value) {
				if cv := reflect.ValueOf(cand).Convert(typ); !reflect.DeepEqual(cv.Interface(), v.Interface()) && !changed {
					v.Set(cv)
					changed = true
				}
			})
		}
		if !changed {
			continue
		}
		if jsonOf(t, c.Addr().Interface().(*onboarding.Onboarding)) != before {
			t.Errorf("changing %s changed the copy", l.name)
		}
		if sh.same(unsafe.Pointer(o), c.Addr().UnsafePointer()) {
			t.Errorf("the comparison missed a change to %s", l.name)
		}
	}
	// Nil and empty lists and maps are written differently, so they differ.
	a, b := &onboarding.Onboarding{}, &onboarding.Onboarding{DataSources: []onboarding.DataSource{}, Deleted: map[string]time.Time{}}
	if sh.same(unsafe.Pointer(a), unsafe.Pointer(b)) {
		t.Error("nil and empty look the same")
	}
}
