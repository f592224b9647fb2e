package onboarding_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"counterpart/app/onboarding"
	"counterpart/app/onboarding/onboardingtest"
)

// limits is each limit tag's most characters; "-" and "date" fields are
// not cut to a length but checked by their own rules.
var limits = map[string]int{
	"short": onboarding.MaxShort, "long": onboarding.MaxText, "link": onboarding.MaxLink,
	"date": len("2006-01-02"), "-": 0,
}

// eachText calls fn with every plain string field of v and its struct
// field, through entries, groups, pointers and maps of pointers.
func eachText(v reflect.Value, fn func(sf reflect.StructField, fv reflect.Value)) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			sf := v.Type().Field(i)
			if sf.Type == reflect.TypeOf("") {
				sf.Name = v.Type().Name() + "." + sf.Name // names the field in messages
				fn(sf, v.Field(i))
				continue
			}
			eachText(v.Field(i), fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			eachText(v.Index(i), fn)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			eachText(v.Elem(), fn)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if e := v.MapIndex(k); e.Kind() == reflect.Pointer {
				eachText(e, fn)
			}
		}
	}
}

// Every text of the model says how much it may hold, once, on the model:
// a new field without a limit fails here rather than filling a browser's
// storage, and the pages' inputs ask the same limit (onboarding.Limit).
func TestEveryTextHasALimit(t *testing.T) {
	seen := 0
	eachText(reflect.ValueOf(onboardingtest.Filled("a", t1)), func(sf reflect.StructField, fv reflect.Value) {
		seen++
		tag, ok := sf.Tag.Lookup("limit")
		if !ok {
			t.Errorf("%s has no limit tag: give it limit:\"short\", \"long\", \"link\", \"date\" or \"-\"", sf.Name)
			return
		}
		if _, known := limits[tag]; !known {
			t.Errorf("%s: unknown limit %q", sf.Name, tag)
		}
	})
	if seen < 50 {
		t.Fatalf("walked only %d texts: the walk misses part of the model", seen)
	}
	for _, entry := range []any{&onboarding.DataSource{}, &onboarding.Problem{}, &onboarding.Process{}, &onboarding.Meeting{}, &onboarding.Stake{}} {
		ty := reflect.TypeOf(entry).Elem()
		for i := 0; i < ty.NumField(); i++ {
			sf := ty.Field(i)
			if tag, ok := sf.Tag.Lookup("limit"); ok {
				if got := onboarding.Limit(entry, sf.Name); got != limits[tag] {
					t.Errorf("Limit(%s.%s) = %d, want %d (%s)", ty.Name(), sf.Name, got, limits[tag], tag)
				}
			}
		}
	}
}

// Normalize cuts every text to the limit its field declares, and keeps a
// one-line text on one line.
func TestNormalizeCutsToTheLimit(t *testing.T) {
	o := onboardingtest.Filled("a", t1)
	long := map[string]bool{}
	eachText(reflect.ValueOf(o), func(sf reflect.StructField, fv reflect.Value) {
		switch tag := sf.Tag.Get("limit"); tag {
		case "short", "long", "link":
			fv.SetString("a\nb" + strings.Repeat("é", limits[tag]))
			long[sf.Name] = true
		}
	})
	o.Normalize()
	cut := map[string]bool{}
	eachText(reflect.ValueOf(o), func(sf reflect.StructField, fv reflect.Value) {
		tag := sf.Tag.Get("limit")
		if !long[sf.Name] || (tag != "short" && tag != "long" && tag != "link") {
			return
		}
		s := fv.String()
		if n := utf8.RuneCountInString(s); n > limits[tag] {
			t.Errorf("%s holds %d characters after Normalize, limit %d", sf.Name, n, limits[tag])
		}
		if tag != "long" && strings.Contains(s, "\n") {
			t.Errorf("%s (%s) keeps a line break: %.20q", sf.Name, tag, s)
		}
		if utf8.RuneCountInString(s) == limits[tag] {
			cut[sf.Name] = true
		}
	})
	for name := range long {
		// A zone that is no zone's name is cleared, not cut.
		if !cut[name] && name != "Cadence.Zone" {
			t.Errorf("%s was not cut to its limit", name)
		}
	}
}
