package share

import (
	"errors"
	"maps"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// flaky is a storage whose removals can fail, as a browser's may.
type flaky struct {
	*store.Memory
	failRemove error
}

func (f *flaky) Remove(key string) error {
	if f.failRemove != nil {
		return f.failRemove
	}
	return f.Memory.Remove(key)
}

func storeWith(t *testing.T, list ...*onboarding.Onboarding) (*store.Store, *flaky) {
	t.Helper()
	b := &flaky{Memory: store.NewMemory()}
	s := store.New(b, func() time.Time { return t0 })
	for _, o := range list {
		if _, err := s.Save(o); err != nil {
			t.Fatal(err)
		}
	}
	return s, b
}

func titles(t *testing.T, s *store.Store) map[string]string {
	t.Helper()
	list, errs := s.List()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out := map[string]string{}
	for _, o := range list {
		out[o.ID] = o.Title
	}
	return out
}

func TestRestoreReplacesAndUndoes(t *testing.T) {
	kept, onlyHere, onlyBackup := example(t), example(t), example(t)
	kept.ID, onlyHere.ID, onlyBackup.ID = onboarding.NewID(), onboarding.NewID(), onboarding.NewID()
	kept.Title, onlyHere.Title, onlyBackup.Title = "kept", "only here", "only in the backup"
	backedUp := roundTripBackup(t, kept)
	backedUp.Title = "kept, as backed up"
	s, _ := storeWith(t, kept, onlyHere)
	here, _ := s.List()
	was := titles(t, s)

	plan := PlanRestore(here, []*onboarding.Onboarding{backedUp, onlyBackup}, true)
	done, err := ApplyRestore(s, plan, true)
	if err != nil {
		t.Fatal(err)
	}
	now := titles(t, s)
	if len(now) != 2 || now[kept.ID] != "kept, as backed up" || now[onlyBackup.ID] == "" {
		t.Errorf("after replacing, the device holds %v", now)
	}
	if err := Undo(s, done); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s); len(got) != len(was) || got[kept.ID] != "kept" || got[onlyHere.ID] != "only here" {
		t.Errorf("after the undo the device holds %v, want %v", got, was)
	}
}

// A removal the browser refuses stops the restore, says so, and what was
// done until then can still be undone.
func TestRestoreStopsWhenARemovalFails(t *testing.T) {
	kept, other := example(t), example(t)
	kept.ID, kept.Title = onboarding.NewID(), "kept"
	other.ID, other.Title = onboarding.NewID(), "not in the backup"
	backedUp := roundTripBackup(t, kept)
	backedUp.Title = "from the backup"
	s, b := storeWith(t, kept, other)
	here, _ := s.List()
	plan := PlanRestore(here, []*onboarding.Onboarding{backedUp}, true)

	refused := errors.New("the browser refused")
	b.failRemove = refused
	done, err := ApplyRestore(s, plan, true)
	if !errors.Is(err, refused) {
		t.Fatalf("the restore reported %v, not the failed removal", err)
	}
	if got := titles(t, s); got[kept.ID] != "kept" || got[other.ID] != "not in the backup" {
		t.Errorf("a restore that could not remove a copy went on: %v", got)
	}
	b.failRemove = nil
	if err := Undo(s, done); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s); got[kept.ID] != "kept" || got[other.ID] != "not in the backup" {
		t.Errorf("after the undo: %v", got)
	}
}

// Issue 23: undoing a restore or the merge of a link put back the copy
// from before, exactly, and deleted what another tab saved meanwhile (and
// that tab then said the onboarding had been deleted). The undo now takes
// out only what the merge did.
func TestUndoKeepsWhatAnotherTabSavedMeanwhile(t *testing.T) {
	local := example(t)
	local.ID, local.Title = onboarding.NewID(), "mine"
	s, b := storeWith(t, local)
	other := store.New(b, func() time.Time { return t0.Add(time.Hour) })

	incoming := roundTripBackup(t, local)
	onboarding.Apply(incoming, t0.Add(time.Minute), func(o *onboarding.Onboarding) { o.Title = "from the link" })
	added := onboarding.Add(&incoming.Surprises, incoming.Buddy.ID, t0.Add(time.Minute))
	added.What = "brought by the link"
	frag, err := Encode(incoming, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Open(frag, "")
	if err != nil {
		t.Fatal(err)
	}
	_, done, err := TakeLink(s, p, local.Me)
	if err != nil || titles(t, s)[local.ID] != "from the link" {
		t.Fatalf("merging: %v, %v", err, titles(t, s))
	}

	// Another tab adds an entry after the merge.
	if _, err := other.Change(local.ID, func(o *onboarding.Onboarding) error {
		onboarding.Add(&o.Surprises, o.Buddy.ID, other.Now()).What = "typed in the other tab"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := Undo(s, done); err != nil {
		t.Fatal(err)
	}
	got, err := store.New(b, time.Now).Load(local.ID)
	if err != nil {
		t.Fatalf("after the undo the onboarding is gone: %v", err)
	}
	var whats []string
	for _, x := range got.Surprises {
		whats = append(whats, x.What)
	}
	if got.Title != "mine" {
		t.Errorf("the undo left the title %q", got.Title)
	}
	if !contains(whats, "typed in the other tab") || contains(whats, "brought by the link") {
		t.Errorf("after the undo the surprises are %q: want the other tab's, without the link's", whats)
	}
	// Undone as if never opened: the same link merges again.
	if _, _, err := TakeLink(s, p, local.Me); err != nil || titles(t, s)[local.ID] != "from the link" {
		t.Errorf("the link does not merge again after the undo: %v, %v", err, titles(t, s))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestTakeLinkUndoes(t *testing.T) {
	local := example(t)
	local.ID, local.Title = onboarding.NewID(), "mine"
	s, _ := storeWith(t, local)
	incoming := roundTripBackup(t, local)
	onboarding.Apply(incoming, t0.Add(time.Minute), func(o *onboarding.Onboarding) { o.Title = "merged" })
	frag, _ := Encode(incoming, "")
	p, _ := Open(frag, "")
	_, done, err := TakeLink(s, p, local.Me)
	if err != nil || titles(t, s)[local.ID] != "merged" {
		t.Fatalf("saving: %v, %v", err, titles(t, s))
	}
	Undo(s, done)
	if got := titles(t, s)[local.ID]; got != "mine" {
		t.Errorf("after the undo the copy is %q", got)
	}

	fresh := example(t)
	fresh.ID = onboarding.NewID()
	frag, _ = Encode(fresh, "")
	p, _ = Open(frag, "")
	_, done, _ = TakeLink(s, p, fresh.Newcomer.ID)
	if _, there := titles(t, s)[fresh.ID]; !there {
		t.Fatal("a new onboarding was not saved")
	}
	Undo(s, done)
	if _, there := titles(t, s)[fresh.ID]; there {
		t.Error("undoing a new onboarding left it on the device")
	}
}

// Issue 23: Undo keeps an onboarding the merge added when something
// changed it since (another tab wrote to it), rather than take away what
// was written to it; Kept names it, so that the page says it stayed
// instead of that it is gone. One that nothing changed goes.
func TestUndoKeepsAnAddedOnboardingChangedSince(t *testing.T) {
	s, b := storeWith(t)
	other := store.New(b, func() time.Time { return t0.Add(time.Hour) })
	var changed, untouched *onboarding.Onboarding
	done := Done{}
	for _, o := range []**onboarding.Onboarding{&changed, &untouched} {
		*o = example(t)
		(*o).ID = onboarding.NewID()
		frag, err := Encode(*o, "")
		if err != nil {
			t.Fatal(err)
		}
		p, err := Open(frag, "")
		if err != nil {
			t.Fatal(err)
		}
		_, d, err := TakeLink(s, p, (*o).Newcomer.ID)
		if err != nil {
			t.Fatal(err)
		}
		maps.Copy(done, d)
	}
	if _, err := other.Change(changed.ID, func(o *onboarding.Onboarding) error {
		onboarding.Add(&o.Surprises, o.Me, other.Now()).What = "typed in the other tab"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := Undo(s, done); err != nil {
		t.Fatal(err)
	}
	here := titles(t, s)
	if _, there := here[untouched.ID]; there {
		t.Error("the onboarding nothing changed since is still here")
	}
	if _, there := here[changed.ID]; !there {
		t.Fatal("the undo took away an onboarding another tab wrote to")
	}
	kept := Kept(s, done)
	if len(kept) != 1 || kept[0].ID != changed.ID {
		t.Errorf("Kept says %d onboardings stayed, want the one changed since", len(kept))
	}
}
