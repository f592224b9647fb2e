package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// The losses of issue 23 that live in this browser's storage, each as it
// was reported, and the one write path that fixes them.

// edit is a person's change through the one write path, failing the test
// on an error other than the browser's refusal, which it returns.
func edit(t *testing.T, s *Store, id string, change func(o *onboarding.Onboarding, now time.Time)) (*onboarding.Onboarding, error) {
	t.Helper()
	o, err := s.Change(id, func(o *onboarding.Onboarding) error {
		change(o, s.Now())
		return nil
	})
	var refused *SaveError
	if err != nil && !errors.As(err, &refused) {
		t.Fatal(err)
	}
	return o, err
}

// Loss 1: a tab of the release before parts took every key under the
// head's prefix for a head, and moved the parts of the new layout aside as
// damaged. Every key this layout writes is now either a head, which that
// release reads as newer and leaves alone, or outside its prefix.
func TestAnOldReleaseSeesOnlyHeadsItLeavesAlone(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := withYears(1)
	if err := s.Create(o); err != nil {
		t.Fatal(err)
	}
	edit(t, s, o.ID, func(o *onboarding.Onboarding, now time.Time) { o.Meetings[0].Notes = "changed" })
	keys, _ := mem.Keys()
	for _, k := range keys {
		// The old release's test for a head: anything under this prefix.
		rest, isOld := strings.CutPrefix(k, onboardingPrefix)
		if !isOld {
			continue
		}
		raw, _, _ := mem.Get(k)
		if strings.Contains(rest, "/") {
			t.Errorf("%s is under the old release's prefix: it would move it aside", k)
		}
		// Schema 1 and 2 releases read a head of a later schema as newer.
		if h, err := readHead(raw, 2); !errors.Is(err, ErrNewer) {
			t.Errorf("the old release reads %s as %+v, %v: not as newer", k, h, err)
		}
	}
}

// A tab whose code is older than what another tab wrote stops writing,
// and says so.
func TestATabOlderThanTheStorageStopsWriting(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := sampleOnboarding(t0)
	if err := s.Create(o); err != nil {
		t.Fatal(err)
	}
	mem.Set(formatKey, "99") // a newer release wrote since
	before := mem.Snapshot()
	_, err := s.Change(o.ID, func(o *onboarding.Onboarding) error { o.Title = "from the old tab"; return nil })
	if !errors.Is(err, ErrOutdated) {
		t.Errorf("an outdated tab's change: %v", err)
	}
	for k, v := range mem.Snapshot() {
		if before[k] != v {
			t.Errorf("an outdated tab wrote %s", k)
		}
	}
	// Told by the storage event, a tab learns it at once.
	fresh := New(mem, clock())
	if _, newer := fresh.Outside(formatKey); !newer || !fresh.Outdated() {
		t.Error("the format marker of a newer release did not mark the tab outdated")
	}
}

// Loss 3: tab A's change was refused (storage full); tab B then saved a
// small change; A's refused text was gone from what A saved next, while
// A's alert said it was still on screen. A refused change now stays in
// A's hands and goes with A's next save that fits, whatever B does.
func TestARefusedChangeSurvivesAnotherTabsSave(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	a, b := New(mem, clock()), New(mem, clock())
	a.Load(o.ID)
	b.Load(o.ID)
	size := 0
	for k, v := range mem.Snapshot() {
		size += len(k) + len(v)
	}
	mem.Quota = size + 8_000
	long := strings.Repeat("A long paste that does not fit. ", 600) // 19,200 characters
	onA, err := edit(t, a, o.ID, func(o *onboarding.Onboarding, now time.Time) {
		onboarding.WriteNote(o, &o.BudgetAdvice, long, now)
	})
	var refused *SaveError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "still on screen") {
		t.Fatalf("the long paste: %v", err)
	}
	if onA.BudgetAdvice.Text != long {
		t.Fatal("the refused text is not on screen")
	}
	if _, err := edit(t, b, o.ID, func(o *onboarding.Onboarding, now time.Time) { o.Problems[0].Evidence = "small change in B" }); err != nil {
		t.Fatalf("B's small change: %v", err)
	}
	// A hears of B's save and reads again: the refused text stays.
	onA, _, err = a.Refresh(o.ID)
	if err != nil || onA.BudgetAdvice.Text != long || onA.Problems[0].Evidence != "small change in B" {
		t.Fatalf("after B's save, A shows %.30q / %q, %v", onA.BudgetAdvice.Text, onA.Problems[0].Evidence, err)
	}
	if !a.Unsaved(o.ID) {
		t.Error("A does not know it holds an unsaved change")
	}
	mem.Quota = 0 // room again
	if _, err := edit(t, a, o.ID, func(o *onboarding.Onboarding, now time.Time) { o.Title = "next change in A" }); err != nil {
		t.Fatal(err)
	}
	got := loadFresh(t, mem, o.ID)
	if got.BudgetAdvice.Text != long || got.Problems[0].Evidence != "small change in B" || got.Title != "next change in A" {
		t.Errorf("after A's next save: %.30q / %q / %q", got.BudgetAdvice.Text, got.Problems[0].Evidence, got.Title)
	}
	if a.Unsaved(o.ID) {
		t.Error("A still counts its change as unsaved")
	}
}

// Loss 6: removed in one tab, edited in another, the edit was kept with a
// newer tombstone beside it, and the next merge of any link removed the
// entry. Each change now applies to what storage holds, so the two tabs
// agree at once, and no removal lies in wait.
func TestRemovedInOneTabEditedInAnother(t *testing.T) {
	for _, removeFirst := range []bool{true, false} {
		mem := NewMemory()
		o := withYears(0)
		New(mem, clock()).Save(o)
		a, b := New(mem, clock()), New(mem, clock())
		a.Load(o.ID)
		b.Load(o.ID)
		id := o.DataSources[0].ID
		remove := func() {
			edit(t, a, o.ID, func(o *onboarding.Onboarding, now time.Time) { onboarding.Lists.DataSources.Remove(o, id, now) })
		}
		change := func() {
			edit(t, b, o.ID, func(o *onboarding.Onboarding, now time.Time) {
				onboarding.Edit(o.DataSources, id, now, func(d *onboarding.DataSource) { d.Owner = "edited in B" })
			})
		}
		if removeFirst {
			remove()
			change()
		} else {
			change()
			remove()
		}
		got := loadFresh(t, mem, o.ID)
		if onboarding.Find(got.DataSources, id) != nil {
			t.Errorf("remove first %v: the entry removed is still there", removeFirst)
		}
		// The merge of an unrelated copy changes nothing about it.
		other := onboarding.Copy(got)
		onboarding.Apply(other, t0.Add(time.Hour), func(o *onboarding.Onboarding) { o.Title = "unrelated" })
		m, _, err := onboarding.Combine(got, other)
		if err != nil || len(m.DataSources) != len(got.DataSources) {
			t.Errorf("remove first %v: an unrelated merge changed the data sources: %d to %d, %v", removeFirst, len(got.DataSources), len(m.DataSources), err)
		}
	}
}

// Saving a copy of an onboarding read without its 1:1 log deleted the
// log. The copy says it is partial, so its log stays as stored.
func TestACopyOfAPartialOnboardingKeepsTheLog(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	New(mem, clock()).Save(o)
	s := New(mem, clock())
	p, err := s.LoadWithoutLog(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := onboarding.Copy(p)
	c.Title = "saved from a copy"
	if _, err := New(mem, clock()).Save(c); err != nil {
		t.Fatal(err)
	}
	if got := loadFresh(t, mem, o.ID); len(got.Meetings) != 52 || got.Title != "saved from a copy" {
		t.Errorf("after saving a copy of a partial onboarding: %d meetings, %q", len(got.Meetings), got.Title)
	}
}

// Every write, by every path, and every write of another tab, reaches
// those listening: the backup kept up to date, the reminder to back up.
func TestEveryWriteIsHeard(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	var heard []string
	s.Heard(func(id string) { heard = append(heard, id) })
	o := sampleOnboarding(t0)
	steps := []func(){
		func() { s.Create(o) },
		func() { edit(t, s, o.ID, func(o *onboarding.Onboarding, now time.Time) { o.Title = "x" }) },
		func() {
			s.Replace(o.ID, func(cur *onboarding.Onboarding) (*onboarding.Onboarding, error) { return cur, nil })
		},
		func() { s.Put(o) },
		func() { s.Delete(o.ID) },
		func() { s.Restore(o) },
		func() { s.Outside(KeyOf(o.ID)) },
	}
	for i, step := range steps {
		n := len(heard)
		step()
		if len(heard) != n+1 || heard[n] != o.ID {
			t.Errorf("step %d was heard %d times", i, len(heard)-n)
		}
	}
	if _, newer := s.Outside(partKey(o.ID, "title")); newer || len(heard) != len(steps) {
		t.Error("a part's key was taken for a write to hear")
	}
}

// The share page saved on every visit: making a link changes nothing.
func TestMakingALinkChangesNothing(t *testing.T) {
	mem := NewMemory()
	s := New(mem, clock())
	o := withYears(1)
	s.Create(o)
	o, _ = s.Load(o.ID)
	before := jsonOf(t, o)
	onboarding.StartLink(o, s.Now(), false)
	onboarding.StartLink(o, s.Now(), true)
	if jsonOf(t, o) != before {
		t.Error("making a link changed the onboarding")
	}
}

// Two tabs that change different things never report a conflict; a
// conflict is both changing the same value.
func TestTwoTabsAreNotAConflict(t *testing.T) {
	mem := NewMemory()
	o := withYears(0)
	New(mem, clock()).Save(o)
	a, b := New(mem, clock()), New(mem, clock())
	pa, _ := a.Load(o.ID)
	pb, _ := b.Load(o.ID)
	onboarding.Apply(pa, t0.Add(time.Minute), func(o *onboarding.Onboarding) { o.Title = "A's title" })
	a.Save(pa)
	onboarding.Apply(pb, t0.Add(2*time.Minute), func(o *onboarding.Onboarding) { o.Roles.Cadence.Day = "friday" })
	res, err := b.Save(pb)
	if err != nil || !res.Merged || res.Conflicts != 0 {
		t.Errorf("two tabs changing different values: %+v, %v", res, err)
	}
}
