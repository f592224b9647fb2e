package ui

import (
	"reflect"
	"testing"

	"counterpart/app/onboarding"
)

// notInTheForm are the fields of entries that the stage cards do not
// edit, and where they are edited instead.
var notInTheForm = map[string]string{
	"Problem.Resolved":       "the 1:1's standing topics",
	"SharedMeeting.LastHeld": "the 1:1's “Mark as held”",
}

// TestFormsMatchTheModel checks every form table against the entry it
// edits: each field exists with the kind its control needs, and every
// field a person writes is in the form, so a field added to the model
// cannot be forgotten in the page.
func TestFormsMatchTheModel(t *testing.T) {
	t.Parallel()
	o := onboarding.New(onboarding.Draft{MyName: "A", PeerName: "B", StartDate: "2026-11-02"}, wallNow())
	seen := map[reflect.Type]bool{}
	// The stakes choose among the grid's areas, filled in as they render.
	if _, err := onboarding.AddArea(o, "Pricing", wallNow()); err != nil {
		t.Fatal(err)
	}
	for _, spec := range stageLists {
		if spec.key == stakesList.key {
			spec = stakesFor(o)
		}
		if _, err := spec.list.Add(o, wallNow()); err != nil {
			t.Fatal(err)
		}
		entries := spec.list.Entries(o)
		typ := reflect.TypeOf(entries[len(entries)-1]).Elem()
		seen[typ] = true
		inForm, keys := map[string]bool{}, map[string]bool{}
		for _, f := range spec.fields {
			if keys[f.key] {
				t.Errorf("%s: two fields are keyed %q", spec.key, f.key)
			}
			keys[f.key], inForm[f.name] = true, true
			sf, ok := typ.FieldByName(f.name)
			if !ok {
				t.Errorf("%s: %s has no field %s", spec.key, typ.Name(), f.name)
				continue
			}
			want := reflect.String
			if f.kind == checkBox {
				want = reflect.Bool
			}
			if sf.Type.Kind() != want {
				t.Errorf("%s: %s.%s is a %s, edited as a %s", spec.key, typ.Name(), f.name, sf.Type.Kind(), want)
			}
			if (f.kind == choiceBox) != (len(f.choices) > 0) {
				t.Errorf("%s: %s has choices %v for its kind", spec.key, f.name, f.choices)
			}
			// The input's maximum is the model's limit: a one-line input
			// for a short text, a text area for a long one.
			wantMax := map[fieldKind]int{shortText: onboarding.MaxShort, longText: onboarding.MaxText, linkText: onboarding.MaxLink, dateText: len("2006-01-02")}
			if max, text := wantMax[f.kind]; text {
				if got := onboarding.Limit(entries[len(entries)-1], f.name); got != max {
					t.Errorf("%s: %s.%s is limited to %d by the model, but its input is for %d", spec.key, typ.Name(), f.name, got, max)
				}
			}
		}
		for i := 0; i < typ.NumField(); i++ {
			sf := typ.Field(i)
			if sf.Anonymous || !sf.IsExported() {
				continue
			}
			name := typ.Name() + "." + sf.Name
			if !inForm[sf.Name] && notInTheForm[name] == "" {
				t.Errorf("%s is in the model but in no form", name)
			}
		}
	}
	if len(seen) < 8 {
		t.Errorf("the tables cover only %d entry types", len(seen))
	}
}

// A value typed into a form field lands in its field of the entry, cut to
// the field's limit, and stamps the entry.
func TestAFormFieldSetsItsField(t *testing.T) {
	t.Parallel()
	_, o := pair(t)
	id, _ := onboarding.Lists.Processes.Add(o, wallNow())
	health := processesList.fields[3]
	processesList.set(id, health, string(onboarding.Strained), wallNow)(o)
	long := make([]rune, onboarding.MaxShort+50)
	for i := range long {
		long[i] = 'x'
	}
	processesList.set(id, processesList.fields[0], string(long), wallNow)(o)
	p := onboarding.Find(o.Processes, id)
	if p.Health != onboarding.Strained || len(p.Name) != onboarding.MaxShort || p.Updated.IsZero() {
		t.Errorf("after the form: %+v", p)
	}
}
