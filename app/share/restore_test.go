package share

import (
	"errors"
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

func TestRestoreReplacesAndPutsBack(t *testing.T) {
	kept, onlyHere, onlyBackup := example(t), example(t), example(t)
	kept.ID, onlyHere.ID, onlyBackup.ID = onboarding.NewID(), onboarding.NewID(), onboarding.NewID()
	kept.Title, onlyHere.Title, onlyBackup.Title = "kept", "only here", "only in the backup"
	backedUp := roundTripBackup(t, kept)
	backedUp.Title = "kept, as backed up"
	s, _ := storeWith(t, kept, onlyHere)
	here, _ := s.List()
	was := titles(t, s)

	plan := PlanRestore(here, []*onboarding.Onboarding{backedUp, onlyBackup}, true)
	before, err := ApplyRestore(s, here, plan, true)
	if err != nil {
		t.Fatal(err)
	}
	now := titles(t, s)
	if len(now) != 2 || now[kept.ID] != "kept, as backed up" || now[onlyBackup.ID] == "" {
		t.Errorf("after replacing, the device holds %v", now)
	}
	if err := PutBack(s, before); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s); len(got) != len(was) || got[kept.ID] != "kept" || got[onlyHere.ID] != "only here" {
		t.Errorf("after the undo the device holds %v, want %v", got, was)
	}
}

// A removal the browser refuses stops the restore, says so, and what was
// done until then can still be put back.
func TestRestoreStopsWhenARemovalFails(t *testing.T) {
	kept := example(t)
	kept.ID, kept.Title = onboarding.NewID(), "kept"
	backedUp := roundTripBackup(t, kept)
	backedUp.Title = "from the backup"
	s, b := storeWith(t, kept)
	here, _ := s.List()
	plan := PlanRestore(here, []*onboarding.Onboarding{backedUp}, true)

	refused := errors.New("the browser refused")
	b.failRemove = refused
	before, err := ApplyRestore(s, here, plan, true)
	if !errors.Is(err, refused) {
		t.Fatalf("the restore reported %v, not the failed removal", err)
	}
	if got := titles(t, s); got[kept.ID] != "kept" {
		t.Errorf("a restore that could not remove the old copy still wrote over it: %v", got)
	}
	b.failRemove = nil
	if err := PutBack(s, before); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s); got[kept.ID] != "kept" {
		t.Errorf("after the undo: %v", got)
	}
	// PutBack reports a removal it cannot make, instead of going quiet.
	b.failRemove = refused
	if err := PutBack(s, Before{kept.ID: nil}); !errors.Is(err, refused) {
		t.Errorf("PutBack said %v", err)
	}
}

func TestSaveIncomingUndoes(t *testing.T) {
	local := example(t)
	local.ID, local.Title = onboarding.NewID(), "mine"
	s, _ := storeWith(t, local)
	merged := roundTripBackup(t, local)
	merged.Title = "merged"
	before, err := SaveIncoming(s, merged, local)
	if err != nil || titles(t, s)[local.ID] != "merged" {
		t.Fatalf("saving: %v, %v", err, titles(t, s))
	}
	PutBack(s, before)
	if got := titles(t, s)[local.ID]; got != "mine" {
		t.Errorf("after the undo the copy is %q", got)
	}

	fresh := example(t)
	fresh.ID = onboarding.NewID()
	before, _ = SaveIncoming(s, fresh, nil)
	PutBack(s, before)
	if _, there := titles(t, s)[fresh.ID]; there {
		t.Error("undoing a new onboarding left it on the device")
	}
}
