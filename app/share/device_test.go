package share

import (
	"testing"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// What a device remembers of the stages each person opened stays on it:
// a backup and a link are the same before and after every stage of both
// people is marked opened.
func TestStagesOpenedTravelNowhere(t *testing.T) {
	o := full(t)
	s, _ := storeWith(t, o)
	before := travelling(t, s, o.ID)
	for _, st := range onboarding.Stages {
		for _, person := range []string{o.Buddy.ID, o.Newcomer.ID} {
			if err := s.MarkSeen(o.ID, person, st); err != nil {
				t.Fatal(err)
			}
		}
	}
	if seen := s.Seen(o.ID); !seen[o.Newcomer.ID].Has(onboarding.StageRoles) {
		t.Fatalf("the stages opened were not remembered: %v", seen)
	}
	if after := travelling(t, s, o.ID); after != before {
		t.Errorf("the stages opened travel:\nbefore %s\nafter  %s", before, after)
	}
}

// travelling is what leaves the device of the onboarding id: a backup of
// everything, and the onboarding as a link delivers it.
func travelling(t *testing.T, s *store.Store, id string) string {
	t.Helper()
	list, errs := s.List()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	backup, err := WriteBackup(list, t0)
	if err != nil {
		t.Fatal(err)
	}
	o, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	link, err := Encode(o, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(link, "")
	if err != nil {
		t.Fatal(err)
	}
	return string(backup) + "\n" + jsonOf(t, got)
}
