package guide

import (
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// newShelf is a device's store, in memory, with one onboarding of the
// person's own.
func newShelf(t *testing.T) (*store.Store, *onboarding.Onboarding) {
	t.Helper()
	s := store.New(store.NewMemory(), func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) })
	own, err := ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	own.ID, own.Example, own.Title = "00000000-0000-4000-8000-000000000001", false, "Ours"
	if err := s.Create(own); err != nil {
		t.Fatal(err)
	}
	return s, own
}

// The example is told apart by its mark, not by where it is listed.
func TestSplitExample(t *testing.T) {
	ex, _ := ExampleOnboarding()
	a := &onboarding.Onboarding{ID: "a"}
	b := &onboarding.Onboarding{ID: "b"}
	got, own := SplitExample([]*onboarding.Onboarding{a, ex, b})
	if got != ex || len(own) != 2 || own[0] != a || own[1] != b {
		t.Errorf("split gave %v and %v", got, own)
	}
	if got, own := SplitExample([]*onboarding.Onboarding{a}); got != nil || len(own) != 1 {
		t.Errorf("with no example: %v and %v", got, own)
	}
}

// Opening the example stores a fresh copy the first time; after that it
// opens the copy as the person left it.
func TestOpenExampleKeepsWhatWasChanged(t *testing.T) {
	s, _ := newShelf(t)
	if err := OpenExample(s, nil); err != nil {
		t.Fatal(err)
	}
	ex, err := s.Load(ExampleID)
	if err != nil || !ex.Example {
		t.Fatalf("no example stored: %v", err)
	}
	if _, err := s.Change(ExampleID, func(o *onboarding.Onboarding) error { o.Title = "Mine now"; return nil }); err != nil {
		t.Fatal(err)
	}
	ex, _ = s.Load(ExampleID)
	if err := OpenExample(s, ex); err != nil {
		t.Fatal(err)
	}
	if ex, _ := s.Load(ExampleID); ex.Title != "Mine now" {
		t.Errorf("opening the example again undid a change: %q", ex.Title)
	}
}

// A reset replaces the example whole: what the person changed is gone,
// not merged into the fresh copy, and their own onboardings are untouched.
func TestResetExampleReplacesIt(t *testing.T) {
	s, own := newShelf(t)
	if err := OpenExample(s, nil); err != nil {
		t.Fatal(err)
	}
	fresh, _ := ExampleOnboarding()
	if _, err := s.Change(ExampleID, func(o *onboarding.Onboarding) error {
		o.Title = "Mine now"
		o.DataSources = nil
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := ResetExample(s); err != nil {
		t.Fatal(err)
	}
	ex, err := s.Load(ExampleID)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Title != fresh.Title || len(ex.DataSources) != len(fresh.DataSources) || len(ex.DataSources) == 0 {
		t.Errorf("after a reset: title %q, %d sources; want %q, %d", ex.Title, len(ex.DataSources), fresh.Title, len(fresh.DataSources))
	}
	if o, err := s.Load(own.ID); err != nil || o.Title != "Ours" {
		t.Errorf("the reset touched the person's own onboarding: %v", err)
	}
	// A reset with no example stored stores a fresh one.
	s2, _ := newShelf(t)
	if err := ResetExample(s2); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Load(ExampleID); err != nil {
		t.Errorf("a reset with no example: %v", err)
	}
}
