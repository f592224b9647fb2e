package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func clock() func() time.Time {
	now := t0
	return func() time.Time { now = now.Add(time.Second); return now }
}

func sample(now time.Time) *onboarding.Onboarding {
	return onboarding.New(onboarding.Draft{MyName: "Dana", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Priya", PeerRole: "CFO", PeerFunction: onboarding.Finance, StartDate: "2026-11-02"}, now)
}

// fill writes something into every stage, so a round trip has something
// to lose.
func fill(o *onboarding.Onboarding) {
	me := o.Buddy.ID
	onboarding.Add(&o.DataSources, me, t0).Name = "Close pack"
	onboarding.Add(&o.Problems, me, t0).Problem = "Churn"
	o.BudgetAdvice.Text = "Wait a quarter"
	onboarding.Add(&o.WorkingWell, me, t0).Text = "Planning"
	tm := onboarding.Add(&o.TeamRead, me, t0)
	tm.Person, tm.Private = "Kenji", true
	onboarding.Add(&o.People, me, t0).Name = "Ravi"
	onboarding.Add(&o.Processes, me, t0).Name = "Budget"
	onboarding.Add(&o.Surprises, me, t0).What = "Memos"
	o.Roles.SeedRows([]string{"Cloud spend"}, me, t0)
	onboarding.SetAnswer(o, &o.Roles.Rows[0], me, onboarding.Mine, t0)
	o.Roles.Cadence.Day, o.Roles.Cadence.Time = "tuesday", "09:30"
}

func TestRoundTrip(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := sample(t0)
	fill(o)
	if _, err := s.Save(o); err != nil {
		t.Fatal(err)
	}
	got, err := New(mem, clock()).Load(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(o)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Errorf("round trip changed the onboarding:\n%s\n%s", a, b)
	}
	raw, _, _ := mem.Get(KeyOf(o.ID))
	var rec record
	json.Unmarshal([]byte(raw), &rec)
	if rec.Schema != SchemaVersion || rec.Rev != 1 || !strings.HasPrefix(KeyOf(o.ID), "counterpart.v1.") {
		t.Errorf("record %+v under %s", rec, KeyOf(o.ID))
	}
}

func TestListNewestFirstAndDamagedKeptAside(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	older, newer := sample(t0), sample(t0.Add(time.Hour))
	s.Save(older)
	s.Save(newer)
	const garbage = `{"schema":1,"rev":3,"onboarding":{"id": tru`
	mem.Set(KeyOf("11111111-1111-4111-8111-111111111111"), garbage)
	mem.Set("unrelated.key", "ignored")

	list, errs := New(mem, clock()).List()
	if len(list) != 2 || list[0].ID != newer.ID || list[1].ID != older.ID {
		t.Fatalf("list %v", list)
	}
	if len(errs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	var damaged *DamagedError
	if !errors.As(errs[0], &damaged) || damaged.AsideKey == "" || !strings.Contains(errs[0].Error(), "kept aside") {
		t.Fatalf("error %v", errs[0])
	}
	if kept, ok, _ := mem.Get(damaged.AsideKey); !ok || kept != garbage {
		t.Error("the damaged record was not kept aside byte for byte")
	}
	if _, ok, _ := mem.Get(damaged.Key); ok {
		t.Error("the damaged record is still in the way")
	}
	aside, _ := s.Aside()
	if len(aside) != 1 || aside[0] != damaged.AsideKey {
		t.Errorf("aside %v", aside)
	}
	if list, errs := New(mem, clock()).List(); len(list) != 2 || len(errs) != 0 {
		t.Error("the next listing should be clean")
	}
	if err := s.Discard(aside[0]); err != nil {
		t.Fatal(err)
	}
	if s.Discard(KeyOf(older.ID)) == nil {
		t.Error("Discard must only remove records kept aside")
	}
}

func TestBadRecordsOfEveryKind(t *testing.T) {
	id := "22222222-2222-4222-8222-222222222222"
	for name, raw := range map[string]string{
		"not json":      "}{",
		"no schema":     `{"rev":1,"onboarding":{"id":"` + id + `"}}`,
		"no onboarding": `{"schema":1,"rev":1}`,
		"wrong shape":   `{"schema":1,"rev":1,"onboarding":[1,2,3]}`,
		"bad id":        `{"schema":1,"rev":1,"onboarding":{"id":"../../etc"}}`,
		"other id":      `{"schema":1,"rev":1,"onboarding":{"id":"33333333-3333-4333-8333-333333333333"}}`,
		"wrong types":   `{"schema":1,"rev":1,"onboarding":{"id":"` + id + `","dataSources":"lots"}}`,
	} {
		mem := NewMemory()
		mem.Set(KeyOf(id), raw)
		_, err := New(mem, clock()).Load(id)
		var damaged *DamagedError
		if !errors.As(err, &damaged) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func TestNewerSchemaIsLeftAlone(t *testing.T) {
	mem := NewMemory()
	id := "22222222-2222-4222-8222-222222222222"
	raw := `{"schema":99,"rev":1,"onboarding":{"id":"` + id + `"}}`
	mem.Set(KeyOf(id), raw)
	s := New(mem, clock())
	if _, err := s.Load(id); !errors.Is(err, ErrNewer) {
		t.Errorf("error %v", err)
	}
	if v, _, _ := mem.Get(KeyOf(id)); v != raw {
		t.Error("a record from a newer version was moved or changed")
	}
	o := sample(t0)
	o.ID = id
	if _, err := s.Save(o); !errors.Is(err, ErrNewer) {
		t.Errorf("saving over a newer record: %v", err)
	}
}

// The migration path: a record of an older schema is upgraded on load.
// This test plays the next release, schema 2, which renames "budgetAdvice".
func TestMigrationFromOlderSchema(t *testing.T) {
	mem := NewMemory()
	o := sample(t0)
	o.BudgetAdvice.Text = "Wait a quarter"
	New(mem, clock()).Save(o) // written as schema 1

	// Schema 2 stores the advice under a new name; its migration moves it.
	raw, _, _ := mem.Get(KeyOf(o.ID))
	raw = strings.Replace(raw, `"budgetAdvice"`, `"headcountAdvice"`, 1)
	mem.Set(KeyOf(o.ID), raw)
	v2 := New(mem, clock())
	v2.schema = 2
	v2.migrations = []migration{func(doc map[string]any) error {
		doc["budgetAdvice"] = doc["headcountAdvice"]
		delete(doc, "headcountAdvice")
		return nil
	}}
	got, err := v2.Load(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.BudgetAdvice.Text != "Wait a quarter" {
		t.Errorf("migration lost the advice: %+v", got.BudgetAdvice)
	}
	if _, err := v2.Save(got); err != nil {
		t.Fatal(err)
	}
	saved, _, _ := mem.Get(KeyOf(o.ID))
	if !strings.Contains(saved, `"schema":2`) {
		t.Error("the upgraded record was not written in the new schema")
	}

	broken := New(mem, clock())
	broken.schema = 3 // no migration from 2 to 3
	mem.Set(KeyOf(o.ID), saved)
	var damaged *DamagedError
	if _, err := broken.Load(o.ID); !errors.As(err, &damaged) {
		t.Errorf("a record with no upgrade path: %v", err)
	}
}

// Two tabs, one onboarding: neither silently overwrites the other.
func TestTwoTabsMerge(t *testing.T) {
	mem := NewMemory()
	o := sample(t0)
	fill(o)
	New(mem, clock()).Save(o)

	tabA, tabB := New(mem, clock()), New(mem, clock())
	a, _ := tabA.Load(o.ID)
	b, _ := tabB.Load(o.ID)

	a.DataSources[0].Owner = "Controller"
	if res, err := tabA.Save(a); err != nil || res.Merged {
		t.Fatalf("first save: %+v %v", res, err)
	}
	b.Problems[0].Evidence = "Churn up 2 points"
	res, err := tabB.Save(b)
	if err != nil || !res.Merged || res.Conflicts != 0 {
		t.Fatalf("second save: %+v %v", res, err)
	}
	if b.DataSources[0].Owner != "Controller" {
		t.Error("tab B's copy was not updated with tab A's change")
	}
	final, _ := New(mem, clock()).Load(o.ID)
	if final.DataSources[0].Owner != "Controller" || final.Problems[0].Evidence != "Churn up 2 points" {
		t.Errorf("an edit was lost: %+v / %+v", final.DataSources[0], final.Problems[0])
	}

	// Both change the same field: the later save keeps its value, and says so.
	a2, _ := tabA.Load(o.ID)
	b.BudgetAdvice.Text = "from B"
	tabB.Save(b)
	a2.BudgetAdvice.Text = "from A"
	res, _ = tabA.Save(a2)
	if !res.Merged || res.Conflicts != 1 {
		t.Errorf("conflict not reported: %+v", res)
	}
}

func TestFullStorageLosesNothing(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := sample(t0)
	fill(o)
	s.Save(o)
	before, _, _ := mem.Get(KeyOf(o.ID))

	mem.Fail = ErrFull
	o.BudgetAdvice.Text = strings.Repeat("x", onboarding.MaxText)
	_, err := s.Save(o)
	var saveErr *SaveError
	if !errors.As(err, &saveErr) || !strings.Contains(err.Error(), "earlier work is safe") {
		t.Fatalf("error %v", err)
	}
	if after, _, _ := mem.Get(KeyOf(o.ID)); after != before {
		t.Error("a failed save changed what was stored")
	}
	mem.Fail = nil
	if _, err := s.Save(o); err != nil {
		t.Errorf("saving once there is room: %v", err)
	}
}

func TestDeleteAndRestore(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := sample(t0)
	fill(o)
	s.Save(o)
	want, _ := json.Marshal(o)
	if err := s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(o.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if err := s.Restore(o); err != nil {
		t.Fatal(err)
	}
	got, _ := New(mem, clock()).Load(o.ID)
	if b, _ := json.Marshal(got); string(b) != string(want) {
		t.Error("restore did not bring back exactly what was deleted")
	}
	if s.Restore(o) == nil {
		t.Error("restoring over an existing onboarding should fail")
	}
}

func TestIDOfKey(t *testing.T) {
	if id, ok := IDOfKey(KeyOf("abc")); !ok || id != "abc" {
		t.Error("round trip")
	}
	for _, k := range []string{"counterpart.v1.aside.x", "counterpart.v1.onboarding.", "other"} {
		if _, ok := IDOfKey(k); ok {
			t.Errorf("%s is not an onboarding key", k)
		}
	}
}

func FuzzLoad(f *testing.F) {
	id := "22222222-2222-4222-8222-222222222222"
	good, _ := json.Marshal(record{Schema: 1, Rev: 1, Onboarding: json.RawMessage(`{"id":"` + id + `"}`)})
	f.Add(string(good))
	f.Add(`{"schema":1}`)
	f.Add(`not json`)
	f.Fuzz(func(t *testing.T, raw string) {
		mem := NewMemory()
		mem.Set(KeyOf(id), raw)
		s := New(mem, clock())
		o, err := s.Load(id)
		if err != nil {
			// Whatever it was, it is either left for a newer version or
			// kept aside unchanged.
			if errors.Is(err, ErrNewer) {
				return
			}
			var damaged *DamagedError
			if !errors.As(err, &damaged) {
				t.Fatalf("unexpected error %v", err)
			}
			if kept, _, _ := mem.Get(damaged.AsideKey); kept != raw {
				t.Fatal("damaged input was not kept aside intact")
			}
			return
		}
		if o.ID != id {
			t.Fatalf("loaded %q", o.ID)
		}
		if _, err := s.Save(o); err != nil {
			t.Fatalf("a loaded onboarding could not be saved: %v", err)
		}
	})
}

func TestRecordHeader(t *testing.T) {
	rec := string(encodeRecord(3, 42, t0, []byte(`{"id":"x"}`)))
	if schema, rev, ok := readHeader(rec); !ok || schema != 3 || rev != 42 {
		t.Errorf("readHeader(%s) = %d, %d, %v", rec, schema, rev, ok)
	}
	var back record
	if err := json.Unmarshal([]byte(rec), &back); err != nil || back.Rev != 42 || !back.Saved.Equal(t0) || string(back.Onboarding) != `{"id":"x"}` {
		t.Errorf("the record is not valid JSON of the same shape: %v %+v", err, back)
	}
	for _, bad := range []string{"", "{}", `{"rev":1,"schema":1}`, `{"schema":x,"rev":1,`, `{"schema":1,"rev":99999999999999999999999,`} {
		if _, _, ok := readHeader(bad); ok {
			t.Errorf("readHeader(%q) accepted it", bad)
		}
	}
}

// Whatever another tab (or an extension, or a bad import) left under an
// onboarding's key, saving over it loses nothing: what was there is
// merged in, left for a newer version, or kept aside unchanged, and this
// tab's edit is saved unless it is refused with an error.
func FuzzSaveOverStored(f *testing.F) {
	// Fixed IDs: the fuzzing workers run this setup again, and the seeds
	// must name the same onboarding in every one of them.
	o := sample(t0)
	o.ID, o.Buddy.ID, o.Newcomer.ID = "33333333-3333-4333-8333-333333333333", "33333333-3333-4333-8333-3333333333b0", "33333333-3333-4333-8333-3333333333e0"
	o.Me = o.Buddy.ID
	fill(o)
	mem := NewMemory()
	New(mem, clock()).Save(o)
	good, _, _ := mem.Get(KeyOf(o.ID))
	f.Add(good)
	f.Add(strings.Replace(good, `"rev":1`, `"rev":7`, 1))
	f.Add(strings.Replace(good, `"Close pack"`, `"Close pack, from the other tab"`, 1))
	f.Add(strings.Replace(good, `"schema":1`, `"schema":2`, 1))
	f.Add(`{"schema":1,"rev":2,"onboarding":{"id":"` + o.ID + `","dataSources":[{"id":"x"}]}}`)
	f.Add(`{"schema":1,"rev":2,"onboarding":null}`)
	f.Add(`not json`)
	// Another onboarding under this one's key (testdata/fuzz holds the
	// input that found it): it used to be merged in, ID and all.
	other := strings.Replace(strings.Replace(good, o.ID, "44444444-4444-4444-8444-444444444444", 1), `"rev":1`, `"rev":2`, 1)
	f.Add(other)
	f.Fuzz(func(t *testing.T, stored string) {
		mem := NewMemory()
		s := New(mem, clock())
		mine := sample(t0)
		fill(mine)
		mine.ID = o.ID
		mine.Buddy, mine.Newcomer, mine.Me = o.Buddy, o.Newcomer, o.Me
		if _, err := s.Save(mine); err != nil {
			t.Fatal(err)
		}
		mem.Set(KeyOf(o.ID), stored) // another tab writes
		mine.BudgetAdvice.Text = "my edit"
		_, err := s.Save(mine)

		now, _, _ := mem.Get(KeyOf(o.ID))
		aside, _ := s.Aside()
		keptAside := false
		for _, k := range aside {
			if v, _, _ := mem.Get(k); v == stored {
				keptAside = true
			}
		}
		switch {
		case err != nil:
			if now != stored && !keptAside {
				t.Fatalf("a refused save lost what was stored (%v)", err)
			}
		case keptAside:
			// Unreadable: kept aside, and this tab's copy saved.
			if !strings.Contains(now, "my edit") {
				t.Fatal("the edit was not saved after the damaged record was moved aside")
			}
		default:
			// Readable: merged, so the edit and the stored record's
			// content are both in what is saved now.
			got, err := New(mem, clock()).Load(o.ID)
			if err != nil {
				t.Fatalf("the merged record cannot be read: %v", err)
			}
			if got.BudgetAdvice.Text != "my edit" {
				t.Fatalf("the edit was lost in the merge: %q", got.BudgetAdvice.Text)
			}
		}
	})
}
