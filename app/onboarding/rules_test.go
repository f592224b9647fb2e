package onboarding_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/onboarding/onboardingtest"
)

var (
	t1 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	t2 = t1.Add(48 * time.Hour)
)

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// zeroPaths lists every field of v left at its zero value.
func zeroPaths(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			*out = append(*out, path)
			return
		}
		zeroPaths(v.Elem(), path, out)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			if v.IsZero() {
				*out = append(*out, path)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Name == "Private" {
				continue // set on one entry of each list, on purpose
			}
			zeroPaths(v.Field(i), path+"."+f.Name, out)
		}
	case reflect.Slice, reflect.Map:
		if v.Len() == 0 {
			*out = append(*out, path)
		}
		if v.Kind() == reflect.Slice {
			for i := 0; i < v.Len(); i++ {
				zeroPaths(v.Index(i), path+"[]", out)
			}
		}
	default:
		if v.IsZero() {
			*out = append(*out, path)
		}
	}
}

// TestFilledSetsEveryField keeps the tests below honest as the model
// grows: the fixture they start from sets every field.
func TestFilledSetsEveryField(t *testing.T) {
	var zero []string
	zeroPaths(reflect.ValueOf(onboardingtest.Filled("a", t1)), "o", &zero)
	if len(zero) > 0 {
		t.Errorf("the filled fixture leaves these fields empty (after Normalize): %v", zero)
	}
}

// TestShareableKeepsNothingOfTheDevice: device-only fields are cleared and
// private entries dropped, wherever they are in the model.
func TestShareableKeepsNothingOfTheDevice(t *testing.T) {
	o := onboardingtest.Filled("a", t1)
	s := onboarding.Shareable(o)
	if s.Me != "" || s.Writer != "" || s.Example || !reflect.ValueOf(s.Sync).IsZero() {
		t.Errorf("device-only fields travel: me %q writer %q example %v sync %+v", s.Me, s.Writer, s.Example, s.Sync)
	}
	if strings.Contains(jsonOf(t, s), `"private":true`) {
		t.Error("a private entry is in the shareable copy")
	}
	if len(s.DataSources) != 1 || len(s.Meetings) != 1 || len(s.Meetings[0].Items) != 1 {
		t.Errorf("shareable lists: %d sources, %d meetings, %d items; want the one shared of each", len(s.DataSources), len(s.Meetings), len(s.Meetings[0].Items))
	}
}

// TestCombineKeepsEveryFieldOfTheNewerCopy is the merge made complete by
// construction: every field of a newer copy reaches an older one, and an
// older copy changes nothing of a newer one, whatever the model holds.
func TestCombineKeepsEveryFieldOfTheNewerCopy(t *testing.T) {
	older, newer := onboardingtest.Filled("older", t1), onboardingtest.Filled("newer", t2)
	want := jsonOf(t, onboarding.Shareable(newer))

	m, ch, err := onboarding.Combine(older, onboarding.Shareable(newer))
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonOf(t, onboarding.Shareable(m)); got != want {
		t.Errorf("the newer copy merged into the older one lost fields:\n got %s\nwant %s", got, want)
	}
	if m.Me != older.Me || m.Writer != older.Writer || !reflect.DeepEqual(m.Sync, older.Sync) {
		t.Error("device-only fields came from the incoming copy")
	}
	if ch.None() || !ch.Details {
		t.Errorf("the changes say nothing changed: %+v", ch)
	}

	m, ch, err = onboarding.Combine(newer, onboarding.Shareable(older))
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonOf(t, onboarding.Shareable(m)); got != want {
		t.Errorf("an older copy overwrote newer content:\n got %s\nwant %s", got, want)
	}
	if !ch.None() {
		t.Errorf("merging an older copy reports changes: %+v", ch)
	}
}

// The cadence of time together was lost by the hand-written merge.
func TestCombineKeepsTheTimeTogether(t *testing.T) {
	older := onboardingtest.Filled("x", t1)
	newer := onboarding.Copy(older)
	onboarding.Apply(newer, t2, func(o *onboarding.Onboarding) {
		c := &o.Roles.Cadence
		c.SocialEvery, c.SocialDay, c.SocialTime = onboarding.Monthly, "friday", "18:00"
	})
	m, ch, err := onboarding.Combine(older, onboarding.Shareable(newer))
	if err != nil {
		t.Fatal(err)
	}
	if c := m.Roles.Cadence; c.SocialEvery != onboarding.Monthly || c.SocialDay != "friday" || c.SocialTime != "18:00" || !ch.Details {
		t.Errorf("time together after the merge: %q %q %q", c.SocialEvery, c.SocialDay, c.SocialTime)
	}
}

// A copy that is newer overall carries an old title; the title changed
// here later stays.
func TestEachValueComesFromWhereItChangedLast(t *testing.T) {
	base := onboardingtest.Filled("x", t1)
	mine, theirs := onboarding.Copy(base), onboarding.Copy(base)
	onboarding.Apply(mine, t1.Add(time.Hour), func(o *onboarding.Onboarding) { o.Title = "Mine, renamed" })
	onboarding.Apply(theirs, t2, func(o *onboarding.Onboarding) { o.Roles.Cadence.Day = "friday" })
	m, _, err := onboarding.Combine(mine, onboarding.Shareable(theirs))
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Mine, renamed" || m.Roles.Cadence.Day != "friday" {
		t.Errorf("title %q, day %q; want my title and their day", m.Title, m.Roles.Cadence.Day)
	}
}

// An edit made on a device whose clock is behind still wins over the
// version it replaced.
func TestAnEditWinsOverWhatItReplacedWhateverTheClocks(t *testing.T) {
	ahead := onboardingtest.Filled("x", t2) // stamped by a clock two days ahead
	behind := onboarding.Copy(ahead)
	id := behind.DataSources[0].ID
	onboarding.Edit(behind.DataSources, id, t1, func(d *onboarding.DataSource) { d.Owner = "Edited later, clock behind" })
	m, _, err := onboarding.Combine(ahead, onboarding.Shareable(behind))
	if err != nil {
		t.Fatal(err)
	}
	if m.DataSources[0].Owner != "Edited later, clock behind" {
		t.Errorf("the later edit lost to the version it replaced: %q", m.DataSources[0].Owner)
	}
}

func TestEveryFieldOfTheModelHasARule(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("a field has no sync rule: %v", r)
		}
	}()
	o := onboardingtest.Filled("x", t1)
	onboarding.Combine(o, o)
	onboarding.ChangesSince(o, onboarding.Vector{0: t1.Add(-time.Hour)})
	onboarding.Shareable(o)
}
