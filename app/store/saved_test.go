package store

import (
	"testing"

	"counterpart/app/onboarding"
)

// Found by the simulation of issue 23: with storage full, a tab keeps the
// change the browser refused on screen, and its share page made a link
// from that, so the link carried an entry this device had not stored,
// and said the device held it. Making the change again later gives the
// entry a new ID (the change runs again), so the other person ended with
// the entry twice, or with an entry this device never got back. A link
// carries what is saved: LoadSaved.
func TestLoadSavedLeavesOutWhatWasRefused(t *testing.T) {
	mem := NewMemory()
	o := sampleOnboarding(t0)
	if _, err := New(mem, clock()).Save(o); err != nil {
		t.Fatal(err)
	}
	tab := New(mem, clock())
	if _, err := tab.Load(o.ID); err != nil {
		t.Fatal(err)
	}
	mem.Quota = mem.Size()
	shown, err := tab.Change(o.ID, func(o *onboarding.Onboarding) error {
		onboarding.Add(&o.Problems, o.Me, tab.Now()).Problem = "Cash"
		return nil
	})
	if err == nil || len(shown.Problems) != 1 {
		t.Fatalf("the change was not refused and kept on screen: %v, %+v", err, shown.Problems)
	}
	before := mem.Snapshot()
	saved, err := tab.LoadSaved(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Problems) != 0 || saved.Sync.Have.Covers(shown.Problems[0].Updated) {
		t.Errorf("what is saved holds the refused change: %+v, have %v", saved.Problems, saved.Sync.Have)
	}
	if again, _, _ := tab.Refresh(o.ID); again == nil || len(again.Problems) != 1 {
		t.Error("reading what is saved dropped the refused change from the tab")
	}
	if len(mem.Snapshot()) != len(before) || !tab.Unsaved(o.ID) {
		t.Error("reading what is saved wrote, or forgot the change to save")
	}
}
