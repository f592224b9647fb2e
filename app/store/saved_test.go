package store

import (
	"testing"

	"counterpart/app/onboarding"
)

// fullAfterSaving stores o, opens it in a tab, and fills the storage, so
// that the tab's next change is refused.
func fullAfterSaving(t *testing.T, o *onboarding.Onboarding) (*Memory, *Store) {
	t.Helper()
	mem := NewMemory()
	if _, err := New(mem, clock()).Save(o); err != nil {
		t.Fatal(err)
	}
	tab := New(mem, clock())
	if _, err := tab.Load(o.ID); err != nil {
		t.Fatal(err)
	}
	mem.Quota = mem.Size()
	return mem, tab
}

// Found by the simulation of issue 23: with storage full, a tab keeps the
// change the browser refused on screen, and its share page made a link
// from that, so the link carried an entry this device had not stored,
// and said the device held it. Making the change again later gives the
// entry a new ID (the change runs again), so the other person ended with
// the entry twice, or with an entry this device never got back. A link
// carries what is saved: LoadSaved.
func TestLoadSavedLeavesOutWhatWasRefused(t *testing.T) {
	o := sampleOnboarding(t0)
	mem, tab := fullAfterSaving(t, o)
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

// Found by the simulation: a link merged while storage was full stays
// pending in its tab, to be made again on what is stored when it fits.
// The tab then opened a page that reads the onboarding without its 1:1
// log, and the merge was made again on that partial copy; a merge gives a
// whole onboarding, so the next save, of any change, removed every 1:1
// and commitment the link did not carry.
func TestARefusedMergeIsNeverMadeOnACopyWithoutTheLog(t *testing.T) {
	o := withYears(1)
	mem, tab := fullAfterSaving(t, o)
	_, err := tab.Replace(o.ID, func(cur *onboarding.Onboarding) (*onboarding.Onboarding, error) {
		m := onboarding.Copy(cur)
		m.Title = "Merged"
		return m, nil
	})
	if err == nil {
		t.Fatal("the merge was not refused")
	}
	shown, err := tab.LoadWithoutLog(o.ID) // a stage page
	if err != nil {
		t.Fatal(err)
	}
	if shown.Title != "Merged" {
		t.Errorf("the refused merge is not on screen: %q", shown.Title)
	}
	mem.Quota = 0
	if _, err := tab.Change(o.ID, func(o *onboarding.Onboarding) error { o.Roles.Cadence.Social = "Lunch"; return nil }); err != nil {
		t.Fatal(err)
	}
	got, err := New(mem, clock()).Load(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Meetings) != len(o.Meetings) || len(got.Commitments) != len(o.Commitments) || got.Title != "Merged" {
		t.Errorf("after the save: %d 1:1s (want %d), %d commitments (want %d), title %q",
			len(got.Meetings), len(o.Meetings), len(got.Commitments), len(o.Commitments), got.Title)
	}
}
