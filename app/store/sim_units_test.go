package store_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"counterpart/app/onboarding"
)

// What the simulation (sim_test.go) checks is made of units: everything
// of an onboarding that carries a stamp of its own, found by reflection
// over the model as app/onboarding finds them, so that a list or a value
// added to the model is checked with no change here. Each unit has a key:
//
//	e/<id>           an entry of a list, at any depth (a 1:1, an item of it)
//	n/<path>         an entry on its own (a note, the brief)
//	s/<person>       a person's side of the role agreement
//	a/<row>/<person> a person's answer for a role area, stamped by their side
//	v/<path>         one of the onboarding's own values, stamped in Changed
//	d/<id>           a removal
type unit struct {
	stamp time.Time
	// val is the unit's content as JSON; for an entry, written from src
	// when first asked for (value), since most checks need only stamps.
	val     string
	src     reflect.Value
	lazy    bool
	private bool
	// parents are the IDs of the entries the unit is inside, outermost
	// first: removing one of them removes the unit.
	parents []string
	// last is, for an entry, its latest stamp or that of an entry inside
	// it: a removal takes it out only when at least as late.
	last time.Time
}

// value returns the unit's content as JSON.
func (u *unit) value() string {
	if u.lazy {
		u.val, u.lazy, u.src = entryVal(u.src), false, reflect.Value{}
	}
	return u.val
}

// unitsOf lists the units of o by key. The units of entries read o when
// first asked for their value: o must not change until then.
func unitsOf(o *onboarding.Onboarding) map[string]*unit {
	us := map[string]*unit{}
	walkUnits(reflect.ValueOf(o).Elem(), "", nil, false, us)
	people := []string{o.Buddy.ID, o.Newcomer.ID}
	for _, p := range people {
		s := o.Roles.Sides[p]
		if s == nil {
			continue
		}
		v, _ := json.Marshal([]any{s.ExpectMine, s.ExpectYours, s.Done})
		us["s/"+p] = &unit{stamp: s.Updated, val: string(v)}
		for _, row := range o.Roles.Rows {
			us["a/"+row.ID+"/"+p] = &unit{stamp: s.Updated, val: string(row.Owners[p]), private: row.Private, parents: []string{row.ID}}
		}
	}
	for id, t := range o.Deleted {
		us["d/"+id] = &unit{stamp: t}
	}
	vals := valuesOf(o)
	for path, t := range o.Changed {
		us["v/"+path] = &unit{stamp: t, val: vals[path]}
	}
	return us
}

var (
	metaType = reflect.TypeFor[onboarding.Meta]()
	timeType = reflect.TypeFor[time.Time]()
)

func isEntry(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	f, ok := t.FieldByName("Meta")
	return ok && f.Anonymous && f.Type == metaType
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

func joinPath(path string, f reflect.StructField) string {
	if path == "" {
		return jsonName(f)
	}
	return path + "." + jsonName(f)
}

// walkUnits adds the entries in v, a struct of the model, to us, and
// returns the latest stamp among them.
func walkUnits(v reflect.Value, path string, parents []string, private bool, us map[string]*unit) time.Time {
	var latest time.Time
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if f.Anonymous || f.Tag.Get("sync") != "" && f.Tag.Get("sync") != "join" {
			continue
		}
		switch {
		case f.Type.Kind() == reflect.Slice && isEntry(f.Type.Elem()):
			for j := 0; j < fv.Len(); j++ {
				e := fv.Index(j)
				m := e.FieldByName("Meta").Interface().(onboarding.Meta)
				priv := private || m.Private
				last := walkUnits(e, joinPath(path, f)+"[]", append(append([]string{}, parents...), m.ID), priv, us)
				if m.Updated.After(last) {
					last = m.Updated
				}
				us["e/"+m.ID] = &unit{stamp: m.Updated, src: e, lazy: true, private: priv, parents: parents, last: last}
				if last.After(latest) {
					latest = last
				}
			}
		case isEntry(f.Type):
			m := fv.FieldByName("Meta").Interface().(onboarding.Meta)
			us["n/"+joinPath(path, f)] = &unit{stamp: m.Updated, src: fv, lazy: true, private: private || m.Private, parents: parents}
		case f.Type.Kind() == reflect.Struct && f.Type != timeType:
			if l := walkUnits(fv, joinPath(path, f), parents, private, us); l.After(latest) {
				latest = l
			}
		}
	}
	return latest
}

// entryVal is an entry's own content as JSON: without the lists of
// entries inside it and the answers of each person, which are units of
// their own.
func entryVal(e reflect.Value) string {
	c := reflect.New(e.Type()).Elem()
	c.Set(e)
	for i := 0; i < c.NumField(); i++ {
		f := c.Type().Field(i)
		if f.Tag.Get("sync") == "side" || f.Type.Kind() == reflect.Slice && isEntry(f.Type.Elem()) {
			c.Field(i).SetZero()
		}
	}
	b, _ := json.Marshal(c.Interface())
	return string(b)
}

// valuesOf returns the onboarding's own values (the plain fields outside
// entries, as Changed names them) as JSON, by path.
func valuesOf(o *onboarding.Onboarding) map[string]string {
	out := map[string]string{}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Tag.Get("sync") != "" || f.Anonymous {
				continue
			}
			switch k := f.Type.Kind(); {
			case k == reflect.String || k == reflect.Bool || k == reflect.Int:
				b, _ := json.Marshal(v.Field(i).Interface())
				out[joinPath(path, f)] = string(b)
			case k == reflect.Struct && f.Type != timeType && !isEntry(f.Type):
				walk(v.Field(i), joinPath(path, f))
			}
		}
	}
	walk(reflect.ValueOf(o).Elem(), "")
	return out
}

// copyOf is a device's copy of the onboarding, read for the checks.
type copyOf struct {
	o     *onboarding.Onboarding
	units map[string]*unit
}

func readCopy(o *onboarding.Onboarding) *copyOf {
	if o == nil {
		return nil
	}
	return &copyOf{o: o, units: unitsOf(o)}
}

// holds reports whether c holds the unit u under key, or something that
// supersedes it: a later version, or a removal at least as late of the
// entry or of an entry it is inside.
func (c *copyOf) holds(key string, u *unit) bool {
	if c == nil {
		return false
	}
	removed := func(id string) bool {
		t, ok := c.o.Deleted[id]
		return ok && !t.Before(u.stamp)
	}
	// A removal at least as late takes the unit out. The entry may be
	// back since, kept by a later change inside it made elsewhere, as
	// that copy had it: what was removed here stays removed.
	for _, p := range u.parents {
		if removed(p) {
			return true
		}
	}
	if id, ok := strings.CutPrefix(key, "e/"); ok && removed(id) {
		return true
	}
	if cur, ok := c.units[key]; ok {
		if strings.HasPrefix(key, "a/") {
			// An answer is stamped by its person's side, which moves
			// with every answer of theirs: the same answer under an
			// older side is still that answer.
			return cur.stamp.After(u.stamp) || cur.value() == u.value()
		}
		switch {
		case cur.stamp.After(u.stamp):
			return true
		case cur.stamp.Equal(u.stamp):
			return cur.value() == u.value()
		}
		return false
	}
	if strings.HasPrefix(key, "d/") {
		return false
	}
	if strings.HasPrefix(key, "a/") && u.val == "" && len(u.parents) == 1 {
		// No side of that person yet: no answer, which is what it says.
		if _, ok := c.units["e/"+u.parents[0]]; ok {
			return true
		}
	}
	return false
}

// sortedKeys returns the keys of a map of units in order, for messages
// that read the same on every run.
func sortedKeys(us map[string]*unit) []string {
	keys := make([]string, 0, len(us))
	for k := range us {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// diffUnits lists, for a message, the units two copies hold differently.
func diffUnits(a, b map[string]*unit) []string {
	var out []string
	for _, k := range sortedKeys(a) {
		if x, y := a[k], b[k]; y == nil || !x.stamp.Equal(y.stamp) || x.value() != y.value() {
			out = append(out, k+": "+describeUnit(x)+" | "+describeUnit(y))
		}
	}
	for _, k := range sortedKeys(b) {
		if _, ok := a[k]; !ok {
			out = append(out, k+": (none) | "+describeUnit(b[k]))
		}
	}
	return out
}

func describeUnit(u *unit) string {
	if u == nil || u.stamp.IsZero() && u.value() == "" {
		return "(none)"
	}
	return stampString(u.stamp) + " " + clipString(u.value(), 160)
}

// stampString writes a stamp with its device, as 15:04:05.000#device.
func stampString(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000") + "#" + onboarding.DeviceOf(t).String()
}

func clipString(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// diffJSON lists where two JSON documents differ, by path, for a message.
func diffJSON(a, b string) []string {
	var x, y any
	json.Unmarshal([]byte(a), &x)
	json.Unmarshal([]byte(b), &y)
	var out []string
	var walk func(path string, x, y any)
	walk = func(path string, x, y any) {
		if len(out) >= 20 || reflect.DeepEqual(x, y) {
			return
		}
		xm, ok1 := x.(map[string]any)
		ym, ok2 := y.(map[string]any)
		if ok1 && ok2 {
			keys := map[string]bool{}
			for k := range xm {
				keys[k] = true
			}
			for k := range ym {
				keys[k] = true
			}
			sorted := make([]string, 0, len(keys))
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				walk(path+"."+k, xm[k], ym[k])
			}
			return
		}
		xl, ok1 := x.([]any)
		yl, ok2 := y.([]any)
		if ok1 && ok2 && len(xl) == len(yl) {
			for i := range xl {
				walk(fmt.Sprintf("%s[%d]", path, i), xl[i], yl[i])
			}
			return
		}
		xs, _ := json.Marshal(x)
		ys, _ := json.Marshal(y)
		out = append(out, path+": "+clipString(string(xs), 200)+" | "+clipString(string(ys), 200))
	}
	walk("", x, y)
	return out
}
