package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/sample"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func clock() func() time.Time {
	now := t0
	return func() time.Time { now = now.Add(time.Second); return now }
}

func sampleOnboarding(now time.Time) *onboarding.Onboarding {
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

// withYears is a filled onboarding with years of weekly 1:1s, as stored.
func withYears(years int) *onboarding.Onboarding {
	o := sampleOnboarding(t0)
	fill(o)
	sample.AddYears(o, years)
	return o
}

// jsonOf is what a person would see of an onboarding, as text.
func jsonOf(t testing.TB, o *onboarding.Onboarding) string {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// normalized is o as a load gives it back: the store promises that a load
// returns what was saved, made safe by onboarding.Normalize, and nothing
// less. (Normalize also applies the model's list caps, which sync owns.)
func normalized(t testing.TB, o *onboarding.Onboarding) string {
	t.Helper()
	var c onboarding.Onboarding
	if err := json.Unmarshal([]byte(jsonOf(t, o)), &c); err != nil {
		t.Fatal(err)
	}
	c.Normalize()
	return jsonOf(t, &c)
}

// loadFresh reads an onboarding as a new tab would.
func loadFresh(t testing.TB, b Backend, id string) *onboarding.Onboarding {
	t.Helper()
	o, err := New(b, clock()).Load(id)
	if err != nil {
		t.Fatalf("loading %s: %v", id, err)
	}
	return o
}

func TestRoundTrip(t *testing.T) {
	for _, years := range []int{0, 1, 3} {
		mem := NewMemory()
		s := New(mem, clock())
		o := withYears(years)
		if _, err := s.Save(o); err != nil {
			t.Fatal(err)
		}
		if got, want := jsonOf(t, loadFresh(t, mem, o.ID)), normalized(t, o); got != want {
			t.Errorf("%d years: the round trip changed the onboarding:\n%.300s\n%.300s", years, got, want)
		}
		// A new onboarding is written whole and then spread over its
		// parts: the head is left holding nothing pending.
		raw, _, _ := mem.Get(KeyOf(o.ID))
		h, err := readHead(raw, SchemaVersion)
		if err != nil || h.Schema != SchemaVersion || h.Rev != 1 || len(h.Pending) != 0 {
			t.Errorf("%d years: head %s", years, raw)
		}
		keys := onboardingKeys(mem)
		if want := 1 + len(parts) + 52*years*3; len(keys) != want {
			t.Errorf("%d years: %d keys, want %d (head, one per field, one per 1:1 and commitment)", years, len(keys), want)
		}
	}
}

// Typing saves one key, the head, holding the field typed in and the time
// of the change: its size does not grow with the history.
func TestAKeystrokeWritesOnlyWhatChanged(t *testing.T) {
	heads := map[int]int{}
	for _, years := range []int{0, 3} {
		mem := NewMemory()
		o := withYears(years)
		New(mem, clock()).Save(o)
		s := New(mem, clock())
		o, _ = s.LoadWithoutLog(o.ID)
		for i := 0; i < 3; i++ {
			before := mem.Writes()
			o.BudgetAdvice.Text += "x"
			o.Touch(t0.Add(time.Duration(i) * time.Minute))
			if _, err := s.Save(o); err != nil {
				t.Fatal(err)
			}
			if n := mem.Writes() - before; n != 1 {
				t.Errorf("%d years: a keystroke made %d writes, want 1", years, n)
			}
		}
		raw, _, _ := mem.Get(KeyOf(o.ID))
		h, _ := readHead(raw, SchemaVersion)
		if len(h.Pending) != 2 || h.Pending["budgetAdvice"] == nil || h.Pending["updated"] == nil {
			t.Errorf("%d years: the head carries %v", years, h.Pending)
		}
		heads[years] = len(raw)

		// Typing in another field copies the first to its own key after
		// the head is written; the next head no longer carries it.
		o.Problems[0].Evidence = "Churn up 2 points"
		s.Save(o)
		o.Problems[0].Evidence += "."
		s.Save(o)
		raw, _, _ = mem.Get(KeyOf(o.ID))
		h, _ = readHead(raw, SchemaVersion)
		if _, still := h.Pending["budgetAdvice"]; still || h.Pending["problems"] == nil {
			t.Errorf("%d years: after moving on, the head carries %v", years, h.Pending)
		}
		if got := loadFresh(t, mem, o.ID); got.BudgetAdvice.Text != "Wait a quarterxxx" || got.Problems[0].Evidence != "Churn up 2 points." {
			t.Errorf("%d years: read back %q / %q", years, got.BudgetAdvice.Text, got.Problems[0].Evidence)
		}
	}
	if heads[3] != heads[0] {
		t.Errorf("the head of a keystroke is %d bytes with three years of 1:1s and %d with none", heads[3], heads[0])
	}
}

// The 1:1 page changes one meeting at a time: only that meeting is
// written, and adding one writes it and the new order.
func TestTheLogIsSavedEntryByEntry(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	s := New(mem, clock())
	o, _ = s.Load(o.ID)
	m := &o.Meetings[len(o.Meetings)-1]
	m.Notes += " And one more thing."
	s.Save(o)
	raw, _, _ := mem.Get(KeyOf(o.ID))
	h, _ := readHead(raw, SchemaVersion)
	if len(h.Pending) != 1 || h.Pending[entryKey("meetings", m.ID)] == nil {
		t.Errorf("editing one 1:1's notes put %d parts in the head", len(h.Pending))
	}

	added := onboarding.Add(&o.Meetings, o.Me, t0)
	added.Date = "2027-01-04"
	gone := o.Meetings[0].ID
	o.Meetings = o.Meetings[1:]
	s.Save(o)
	got := loadFresh(t, mem, o.ID)
	if got.Meetings[len(got.Meetings)-1].ID != added.ID || got.Meetings[0].ID == gone || len(got.Meetings) != 52 {
		t.Errorf("after adding and removing a 1:1: %d meetings", len(got.Meetings))
	}
	if !strings.Contains(got.Meetings[len(got.Meetings)-2].Notes, "one more thing") {
		t.Error("the edited notes were lost")
	}
	o.Meetings[0].Notes = "next"
	s.Save(o) // writes the head, then copies the removal to storage
	if _, ok, _ := mem.Get(partKey(o.ID, entryKey("meetings", gone))); ok {
		t.Error("the removed 1:1 is still stored under its own key")
	}
}

// Pages that show no 1:1s read an onboarding without them, save it, and
// the log stays as stored; changing the log of such a copy is refused.
func TestLoadWithoutLog(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	want := normalized(t, o)

	s := New(mem, clock())
	p, err := s.LoadWithoutLog(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Meetings) != 0 || len(p.Commitments) != 0 || p.BudgetAdvice.Text != "Wait a quarter" {
		t.Fatalf("read without the log: %d meetings, %d commitments, %q", len(p.Meetings), len(p.Commitments), p.BudgetAdvice.Text)
	}
	p.BudgetAdvice.Text = "Wait two quarters"
	if _, err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	got := loadFresh(t, mem, o.ID)
	if len(got.Meetings) != 52 || got.BudgetAdvice.Text != "Wait two quarters" {
		t.Errorf("after saving a copy without its log: %d meetings, %q", len(got.Meetings), got.BudgetAdvice.Text)
	}
	got.BudgetAdvice.Text = "Wait a quarter"
	got.Updated = o.Updated
	if jsonOf(t, got) != want {
		t.Error("saving without the log changed something else")
	}

	onboarding.Add(&p.Meetings, p.Me, t0).Date = "2027-02-01"
	if _, err := s.Save(p); !errors.Is(err, ErrLogNotRead) {
		t.Errorf("changing the log of a copy read without it: %v", err)
	}
	if n := len(loadFresh(t, mem, o.ID).Meetings); n != 52 {
		t.Errorf("the refused save left %d meetings", n)
	}

	// The same tab then reads it whole, as the 1:1 page does, and changes
	// the log: the log it read is the base.
	whole, _ := s.Load(o.ID)
	whole.Meetings[0].Notes = "edited"
	if _, err := s.Save(whole); err != nil {
		t.Fatal(err)
	}
	if got := loadFresh(t, mem, o.ID); got.Meetings[0].Notes != "edited" || len(got.Meetings) != 52 {
		t.Error("the whole copy's edit was lost")
	}
}

func TestListNewestFirstAndDamagedKeptAside(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	older, newer := sampleOnboarding(t0), sampleOnboarding(t0.Add(time.Hour))
	s.Save(older)
	s.Save(newer)
	const garbage = `{"schema":1,"rev":3,"onboarding":{"id": tru`
	mem.Set(KeyOf("11111111-1111-4111-8111-111111111111"), garbage)
	mem.Set("unrelated.key", "ignored")

	for _, list := range []func(*Store) ([]*onboarding.Onboarding, []error){(*Store).List, (*Store).ListWithoutLog} {
		got, errs := list(New(mem, clock()))
		if len(got) != 2 || got[0].ID != newer.ID || got[1].ID != older.ID {
			t.Fatalf("list %v", got)
		}
		if len(errs) > 1 {
			t.Fatalf("errors %v", errs)
		}
	}
	aside, _ := s.Aside()
	if len(aside) != 1 {
		t.Fatalf("aside %v", aside)
	}
	if kept, ok, _ := mem.Get(aside[0]); !ok || kept != garbage {
		t.Error("the damaged record was not kept aside byte for byte")
	}
	if _, ok, _ := mem.Get(KeyOf("11111111-1111-4111-8111-111111111111")); ok {
		t.Error("the damaged record is still in the way")
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

// A damaged part takes the whole onboarding aside, head and parts in one
// record, so nothing of it is lost and the rest keeps working.
func TestDamagedPartKeepsEverythingAside(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	before := mem.Snapshot()
	delete(before, formatKey)
	delete(before, clockKey)
	mem.Set(partKey(o.ID, "problems"), `{"not":"a list"}`)
	before[partKey(o.ID, "problems")] = `{"not":"a list"}`

	_, err := New(mem, clock()).Load(o.ID)
	var damaged *DamagedError
	if !errors.As(err, &damaged) || damaged.AsideKey == "" || !strings.Contains(err.Error(), "problems") {
		t.Fatalf("error %v", err)
	}
	keys := onboardingKeys(mem)
	if len(keys) != 1 || keys[0] != damaged.AsideKey {
		t.Fatalf("left in storage: %d keys", len(keys))
	}
	kept, _, _ := mem.Get(damaged.AsideKey)
	var bundle map[string]string
	if err := json.Unmarshal([]byte(kept), &bundle); err != nil || len(bundle) != len(before) {
		t.Fatalf("kept aside %d of %d keys: %v", len(bundle), len(before), err)
	}
	for k, v := range before {
		if bundle[k] != v {
			t.Errorf("%s was not kept aside as it was", k)
		}
	}
}

func TestBadRecordsOfEveryKind(t *testing.T) {
	id := "22222222-2222-4222-8222-222222222222"
	head := `{"schema":2,"rev":1,"saved":"2026-11-02T09:00:00Z","pending":`
	for name, raw := range map[string]string{
		"not json":          "}{",
		"no schema":         `{"rev":1,"onboarding":{"id":"` + id + `"}}`,
		"no onboarding":     `{"schema":1,"rev":1}`,
		"wrong shape":       `{"schema":1,"rev":1,"onboarding":[1,2,3]}`,
		"bad id":            `{"schema":1,"rev":1,"onboarding":{"id":"../../etc"}}`,
		"other id":          `{"schema":1,"rev":1,"onboarding":{"id":"33333333-3333-4333-8333-333333333333"}}`,
		"wrong types":       `{"schema":1,"rev":1,"onboarding":{"id":"` + id + `","dataSources":"lots"}}`,
		"parts: no id":      head + `{}}`,
		"parts: bad part":   head + `{"id":"` + id + `","problems":7}}`,
		"parts: bad order":  head + `{"id":"` + id + `","meetings":{"a":1}}}`,
		"parts: no entry":   head + `{"id":"` + id + `","meetings":["44444444-4444-4444-8444-444444444444"]}}`,
		"parts: bad entry":  head + `{"id":"` + id + `","meetings":["44444444-4444-4444-8444-444444444444"],"meetings/44444444-4444-4444-8444-444444444444":[]}}`,
		"parts: pending []": head + `[]}`,
	} {
		mem := NewMemory()
		mem.Set(KeyOf(id), raw)
		_, err := New(mem, clock()).Load(id)
		var damaged *DamagedError
		if !errors.As(err, &damaged) || damaged.AsideKey == "" {
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
	for _, load := range []func(string) (*onboarding.Onboarding, error){s.Load, s.LoadWithoutLog} {
		if _, err := load(id); !errors.Is(err, ErrNewer) {
			t.Errorf("error %v", err)
		}
	}
	if v, _, _ := mem.Get(KeyOf(id)); v != raw {
		t.Error("a record from a newer version was moved or changed")
	}
	o := sampleOnboarding(t0)
	o.ID = id
	if _, err := s.Save(o); !errors.Is(err, ErrNewer) {
		t.Errorf("saving over a newer record: %v", err)
	}
	if keys, _ := mem.Keys(); len(keys) != 1 {
		t.Errorf("saving over a newer record wrote %v", keys)
	}
}

// The migration path: parts of an older schema are upgraded on load. This
// test plays the next release, schema 4, which renames "budgetAdvice".
func TestMigrationFromOlderSchema(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	o.BudgetAdvice.Text = "Wait a quarter"
	New(mem, clock()).Save(o) // written as schema 3

	// Schema 4 stores the advice under a new name; its migration moves it.
	v, _, _ := mem.Get(partKey(o.ID, "budgetAdvice"))
	mem.Remove(partKey(o.ID, "budgetAdvice"))
	mem.Set(partKey(o.ID, "headcountAdvice"), v)
	v3 := New(mem, clock())
	v3.schema = 4
	v3.migrations = append(append([]migration{}, migrations...), func(doc map[string]any) error {
		doc["budgetAdvice"] = doc["headcountAdvice"]
		delete(doc, "headcountAdvice")
		return nil
	})
	got, err := v3.Load(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.BudgetAdvice.Text != "Wait a quarter" || len(got.Meetings) != 52 {
		t.Errorf("migration lost the advice or the 1:1s: %+v, %d", got.BudgetAdvice, len(got.Meetings))
	}
	saved, _, _ := mem.Get(KeyOf(o.ID))
	if !strings.Contains(saved, `"schema":4`) {
		t.Error("the upgraded record was not written in the new schema")
	}

	broken := New(mem, clock())
	broken.schema = 5 // no migration from 4 to 5
	var damaged *DamagedError
	if _, err := broken.Load(o.ID); !errors.As(err, &damaged) {
		t.Errorf("a record with no upgrade path: %v", err)
	}
}

// Two tabs, one onboarding: neither silently overwrites the other, with
// either tab reading it whole or without its log.
func TestTwoTabsMerge(t *testing.T) {
	for _, withLog := range []bool{true, false} {
		mem := NewMemory()
		o := withYears(1)
		New(mem, clock()).Save(o)

		tabA, tabB := New(mem, clock()), New(mem, clock())
		a, _ := tabA.Load(o.ID)
		load := tabB.Load
		if !withLog {
			load = tabB.LoadWithoutLog
		}
		b, _ := load(o.ID)

		a.DataSources[0].Owner = "Controller"
		a.Meetings[3].Notes = "from A"
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
		final := loadFresh(t, mem, o.ID)
		if final.DataSources[0].Owner != "Controller" || final.Problems[0].Evidence != "Churn up 2 points" || final.Meetings[3].Notes != "from A" || len(final.Meetings) != 52 {
			t.Errorf("with log %v: an edit was lost: %+v / %+v / %q", withLog, final.DataSources[0], final.Problems[0], final.Meetings[3].Notes)
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
		if got := loadFresh(t, mem, o.ID); got.BudgetAdvice.Text != "from A" || len(got.Meetings) != 52 {
			t.Errorf("after the conflict: %q, %d meetings", got.BudgetAdvice.Text, len(got.Meetings))
		}
	}
}

// The browser's own words ("JavaScript error: Failed to execute
// 'setItem'...") never reach the person: the message says in plain words
// what was not saved and that the rest is safe.
func TestFullStorageLosesNothingAndSaysSoPlainly(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := sampleOnboarding(t0)
	fill(o)
	s.Save(o)
	before := mem.Snapshot()

	raw := errors.New("JavaScript error: Failed to execute 'setItem' on 'Storage': Setting the value of 'counterpart.v1.onboarding.x' exceeded the quota.")
	for _, browser := range []error{&quotaError{raw}, raw} {
		mem.Fail = browser
		o.BudgetAdvice.Text = strings.Repeat("x", onboarding.MaxText)
		_, err := s.Save(o)
		var saveErr *SaveError
		if !errors.As(err, &saveErr) {
			t.Fatalf("error %v", err)
		}
		msg := err.Error()
		for _, raw := range []string{"JavaScript", "setItem", "Failed to execute", "quota", "Storage'"} {
			if strings.Contains(msg, raw) {
				t.Errorf("the message carries the browser's words %q: %s", raw, msg)
			}
		}
		containsAll(t, msg, "budget and headcount advice", "could not be saved", "earlier work is safe")
		if errors.Is(browser, ErrFull) {
			containsAll(t, msg, "storage for Counterpart is full")
		}
		if !errors.Is(err, browser) {
			t.Error("the browser's error is not kept for the console")
		}
		if got := mem.Snapshot(); len(got) != len(before) || got[KeyOf(o.ID)] != before[KeyOf(o.ID)] {
			t.Error("a failed save changed what was stored")
		}
	}
	mem.Fail = nil
	if _, err := s.Save(o); err != nil {
		t.Errorf("saving once there is room: %v", err)
	}
	if got := loadFresh(t, mem, o.ID); got.BudgetAdvice.Text != o.BudgetAdvice.Text {
		t.Error("the change made while storage was full was not saved once there was room")
	}
}

// quotaError is how the browser's backend reports a full storage: the
// browser's error, recognised as ErrFull.
type quotaError struct{ err error }

func (e *quotaError) Error() string        { return e.err.Error() }
func (e *quotaError) Is(target error) bool { return target == ErrFull }

func containsAll(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not in %q", w, text)
		}
	}
}

// With a storage that fills up for real, every save that does not fit is
// refused, and everything saved before it stays readable.
func TestQuotaKeepsWhatWasSaved(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	mem.Quota = mem.Size() + 20_000
	s := New(mem, clock())
	o, _ = s.Load(o.ID)
	var saved string
	for i := 0; ; i++ {
		o.Meetings[i%52].Notes += strings.Repeat(" more notes", 20)
		o.Touch(t0)
		if _, err := s.Save(o); err != nil {
			if !errors.Is(err, ErrFull) {
				t.Fatalf("error %v", err)
			}
			break
		}
		saved = jsonOf(t, o)
		if i > 1000 {
			t.Fatal("the quota never filled")
		}
	}
	if saved == "" {
		t.Fatal("not one save fitted; the test proves nothing")
	}
	if got := jsonOf(t, loadFresh(t, mem, o.ID)); got != saved {
		t.Error("the last save that fitted is not what a new tab reads")
	}
}

func TestDeleteAndRestore(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := withYears(1)
	s.Save(o)
	want := normalized(t, o)
	if err := s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(o.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if keys := onboardingKeys(mem); len(keys) != 0 {
		t.Errorf("after delete, %d keys remain", len(keys))
	}
	if err := s.Restore(o); err != nil {
		t.Fatal(err)
	}
	if got := jsonOf(t, loadFresh(t, mem, o.ID)); got != want {
		t.Error("restore did not bring back exactly what was deleted")
	}
	// Restoring over a copy another tab brought back since combines the
	// two: what that tab added is kept.
	other := New(mem, clock())
	back, _ := other.Load(o.ID)
	if _, err := other.Change(o.ID, func(o *onboarding.Onboarding) error {
		onboarding.Add(&o.Surprises, o.Buddy.ID, other.Now()).What = "added in the other tab"
		return nil
	}); err != nil || back == nil {
		t.Fatal(err)
	}
	if err := s.Restore(o); err != nil {
		t.Fatalf("restoring over an existing onboarding: %v", err)
	}
	got := loadFresh(t, mem, o.ID)
	if len(got.Surprises) != len(o.Surprises)+1 {
		t.Errorf("restoring over an existing onboarding lost the other tab's entry: %d surprises", len(got.Surprises))
	}
}

// onboardingKeys lists the keys of onboardings and records kept aside,
// leaving out the store's own (its format marker, the device number).
func onboardingKeys(mem *Memory) []string {
	keys, _ := mem.Keys()
	var out []string
	for _, k := range keys {
		if k != formatKey && k != clockKey {
			out = append(out, k)
		}
	}
	return out
}

// A removal that stopped after the head leaves parts that nothing reads;
// the next listing clears them.
func TestLeftoverPartsAreCleared(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	s := New(mem, clock())
	s.Save(o)
	mem.Remove(KeyOf(o.ID))
	keep := sampleOnboarding(t0)
	s.Save(keep)
	list, errs := New(mem, clock()).List()
	if len(list) != 1 || len(errs) != 0 {
		t.Fatalf("list %d, errors %v", len(list), errs)
	}
	keys := onboardingKeys(mem)
	for _, k := range keys {
		if owner, ok := ownerOfPart(k); ok && owner == o.ID {
			t.Fatalf("%s is left", k)
		}
	}
	if len(keys) != 1+len(parts) {
		t.Errorf("%d keys, want the other onboarding's %d", len(keys), 1+len(parts))
	}
}

func TestIDOfKey(t *testing.T) {
	if id, ok := IDOfKey(KeyOf("abc")); !ok || id != "abc" {
		t.Error("round trip")
	}
	for _, k := range []string{"counterpart.v1.aside.x", "counterpart.v1.onboarding.", "other", partKey("abc", "title"), partKey("abc", "meetings/x")} {
		if _, ok := IDOfKey(k); ok {
			t.Errorf("%s is not an onboarding's head", k)
		}
	}
	if id, ok := ownerOfPart(partKey("abc", "meetings/x")); !ok || id != "abc" {
		t.Error("a part's owner")
	}
}

// A copy read without its log comes whole again for a backup, with what is
// on screen and the log as stored.
func TestWhole(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	s := New(mem, clock())
	p, _ := s.LoadWithoutLog(o.ID)
	p.BudgetAdvice.Text = "not saved yet"
	w, err := s.Whole(p)
	if err != nil || len(w.Meetings) != 52 || len(w.Commitments) != 104 || w.BudgetAdvice.Text != "not saved yet" {
		t.Fatalf("whole: %v, %d meetings", err, len(w.Meetings))
	}
	if len(p.Meetings) != 0 {
		t.Error("Whole changed the copy on screen")
	}
	full, _ := s.Load(o.ID)
	if w, _ := s.Whole(full); w != full {
		t.Error("a whole copy should come back as it is")
	}
}

// The device record keeps what this browser remembers about its backups,
// apart from every onboarding, and a damaged one is only advice lost.
func TestDeviceRecord(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	type rec struct{ LastBackup time.Time }
	var got rec
	if err := s.ReadDevice(&got); err != nil || !got.LastBackup.IsZero() {
		t.Fatalf("with none: %v %+v", err, got)
	}
	if err := s.WriteDevice(rec{t0}); err != nil {
		t.Fatal(err)
	}
	if s.ReadDevice(&got); !got.LastBackup.Equal(t0) {
		t.Errorf("read back %+v", got)
	}
	mem.Set(deviceKey, "}{")
	if err := s.ReadDevice(&got); err != nil {
		t.Errorf("a damaged record: %v", err)
	}
	if list, errs := s.List(); len(list) != 0 || len(errs) != 0 {
		t.Errorf("the device record is listed as an onboarding: %v %v", list, errs)
	}
	if !IsDeviceKey(deviceKey) || IsDeviceKey(KeyOf("x")) {
		t.Error("IsDeviceKey")
	}
	o := sampleOnboarding(t0)
	s.Save(o)
	mem.Set("other.site", strings.Repeat("x", 1000))
	if n := s.StoredBytes(); n < 1000 || n > int64(mem.Size()-1000) {
		t.Errorf("StoredBytes %d of %d", n, mem.Size())
	}
}
