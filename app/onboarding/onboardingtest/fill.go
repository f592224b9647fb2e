// Package onboardingtest makes onboardings for tests: Filled sets every
// field of the model by reflection, so tests built on it grow with the
// model. It is imported only by tests.
package onboardingtest

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"counterpart/app/onboarding"
)

// Valid values for the fields that only take some, by JSON name: the rest
// get a text of their path and the variant.
var valid = map[string]string{
	"function": "finance", "reason": "influence", "health": "strained", "status": "kept",
	"day": "tuesday", "time": "09:30", "socialEvery": "quarterly", "socialDay": "thursday",
	"socialTime": "12:30", "zone": "Europe/Paris", "link": "https://example.org/numbers",
	"startDate": "2026-11-02", "date": "2026-11-10", "due": "2026-11-20", "lastHeld": "2026-11-05",
	"raised": "2026-11-03", "settled": "shared", "situation": "realignment", "kind": "budget",
	"sent": "2026-11-16", "confirmed": "2026-11-18",
	"by": "60", "progress": "at-risk", "doneBy": "interim", "fate": "named",
	// When each note of the announcement went out.
	"execSent": "2026-11-24", "buddyTeamSent": "2026-11-25", "newcomerTeamSent": "2026-11-25", "outsideSent": "2026-11-26",
	// The sessions booked for the stages, by stage.
	"data": "2026-11-02T10:00", "problems": "2026-11-03T14:00", "team": "2026-11-05T10:00",
	"processes": "2026-11-09T10:00", "roles": "2026-11-11T15:30",
}

// Filled returns an onboarding with every field set: two entries in every
// list (the second private), an agenda in every meeting, answers and
// sides for both people, tombstones, a stamp in Changed for every value,
// and device-only state. Two calls with different variants and times
// hold the same entries (same IDs) with different content, as two copies
// of one onboarding edited at different times. Entries are stamped at,
// and so is everything else but Created.
func Filled(variant string, at time.Time) *onboarding.Onboarding {
	o := &onboarding.Onboarding{}
	f := filler{variant: variant, at: at.UTC().Round(0)}
	o.Buddy.ID, o.Newcomer.ID = id("buddy"), id("newcomer")
	f.people = []string{o.Buddy.ID, o.Newcomer.ID}
	f.fill(reflect.ValueOf(o).Elem(), "")
	o.ID = id("onboarding")
	o.Buddy.ID, o.Newcomer.ID = f.people[0], f.people[1]
	o.Me, o.Writer = o.Buddy.ID, o.Newcomer.ID
	o.Created = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	o.Roles.Sides = map[string]*onboarding.Side{}
	for i, p := range f.people {
		o.Roles.Sides[p] = &onboarding.Side{ExpectMine: f.text("expectMine", i), ExpectYours: f.text("expectYours", i), Done: true, Updated: f.at}
	}
	o.Deleted = map[string]time.Time{id("gone-1"): f.at, id("gone-2"): f.at}
	o.Changed = map[string]time.Time{}
	dev := onboarding.Device(1 + len(variant)%9)
	o.Sync = onboarding.Sync{Device: dev, Have: onboarding.Vector{dev: f.at},
		Peers: map[onboarding.Device]onboarding.Peer{dev + 10: {Person: o.Newcomer.ID, Has: onboarding.Vector{dev + 10: f.at}, Made: f.at}}}
	o.Normalize()
	for path := range Values(o) {
		o.Changed[path] = f.at
	}
	return o
}

// Values lists the paths of the onboarding's own values, as Changed names
// them, by applying a change to each in turn.
func Values(o *onboarding.Onboarding) map[string]bool {
	c := onboarding.Copy(o)
	c.Changed = nil
	out := map[string]bool{}
	onboarding.Apply(c, time.Now(), func(c *onboarding.Onboarding) {
		var walk func(v reflect.Value)
		walk = func(v reflect.Value) {
			for i := 0; i < v.NumField(); i++ {
				fv, ft := v.Field(i), v.Type().Field(i)
				if ft.Tag.Get("sync") != "" || ft.Anonymous {
					continue
				}
				switch fv.Kind() {
				case reflect.String:
					fv.SetString(fv.String() + "!")
				case reflect.Bool:
					fv.SetBool(!fv.Bool())
				case reflect.Int:
					fv.SetInt(fv.Int() + 1)
				case reflect.Struct:
					if fv.Type() != reflect.TypeFor[time.Time]() && fv.FieldByName("Meta").Kind() == reflect.Invalid {
						walk(fv)
					}
				}
			}
		}
		walk(reflect.ValueOf(c).Elem())
	})
	for k := range c.Changed {
		out[k] = true
	}
	return out
}

type filler struct {
	variant string
	at      time.Time
	people  []string
}

// id is a UUID made from a name, the same in every call.
func id(name string) string {
	h := sha256.Sum256([]byte(name))
	h[6] = h[6]&0x0f | 0x40
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func (f *filler) text(path string, i int) string {
	return fmt.Sprintf("%s %d of %s", path, i, f.variant)
}

func jsonName(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	return name
}

// fill sets every field of v; path names where it is, for IDs and texts.
func (f *filler) fill(v reflect.Value, path string) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf, fv := t.Field(i), v.Field(i)
		p := path + "." + jsonName(sf)
		if sf.Anonymous {
			p = path
		}
		f.value(fv, p, jsonName(sf))
	}
}

func (f *filler) value(v reflect.Value, path, name string) {
	switch v.Kind() {
	case reflect.String:
		switch {
		case name == "id":
			v.SetString(id(path))
		case name == "author" || name == "who" || name == "me" || name == "writer":
			v.SetString(f.people[len(path)%2])
		case name == "meeting" || name == "origin" || name == "row":
			v.SetString(id(path + name))
		case name == "source":
			v.SetString("roles:" + id(path))
		case valid[name] != "":
			v.SetString(valid[name])
		default:
			v.SetString(f.text(path, 0))
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(45)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(f.at))
			return
		}
		f.fill(v, path)
		if m := v.FieldByName("Meta"); m.IsValid() {
			m.FieldByName("Private").SetBool(false) // a note on its own is shared
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			e := s.Index(i)
			f.fill(e, fmt.Sprintf("%s[%d]", path, i))
			if m := e.FieldByName("Meta"); m.IsValid() {
				m.FieldByName("Private").SetBool(i == 1)
			}
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		if v.Type().Elem().Kind() == reflect.String { // the role answers
			m.SetMapIndex(reflect.ValueOf(f.people[0]), reflect.ValueOf(f.people[1]).Convert(v.Type().Elem()))
			m.SetMapIndex(reflect.ValueOf(f.people[1]), reflect.ValueOf("unsure").Convert(v.Type().Elem()))
		}
		v.Set(m) // the maps with rules of their own are filled by Filled
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		f.value(v.Elem(), path, name)
	}
}

// Canonical returns the JSON of what o shares with every list in the
// order of its IDs: two devices' copies hold the same content when their
// canonical forms are equal, whatever order each device keeps its lists
// in (the order of a list is each device's own).
func Canonical(o *onboarding.Onboarding) string {
	c := onboarding.Shareable(o)
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
			if v.Len() > 0 && v.Index(0).Kind() == reflect.Struct && v.Index(0).FieldByName("Meta").IsValid() {
				sort.SliceStable(v.Interface(), func(i, j int) bool {
					return v.Index(i).FieldByName("ID").String() < v.Index(j).FieldByName("ID").String()
				})
			}
		}
	}
	walk(reflect.ValueOf(c).Elem())
	b, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return string(b)
}
