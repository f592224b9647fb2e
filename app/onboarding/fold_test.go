package onboarding_test

import (
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// Before a 1:1's ID came from its date, both people starting this week's
// 1:1 on their own devices ended, after merging, with two 1:1s of that
// date, one person's notes buried under "Earlier 1:1s". Copies that still
// hold two are read as one.
func TestTwoOneOnOnesOfADateReadAsOne(t *testing.T) {
	base := onboarding.New(onboarding.Draft{MyName: "Dana", MyRole: "CTO", PeerName: "Priya", PeerRole: "CFO",
		IAmNew: false, StartDate: "2027-01-04", MyFunction: onboarding.Engineering, PeerFunction: onboarding.Finance}, t1)
	mine, theirs := onboarding.Copy(base), onboarding.Copy(base)
	add := func(o *onboarding.Onboarding, who, id string, at time.Time) {
		m := onboarding.Add(&o.Meetings, who, at)
		m.ID, m.Date, m.Notes = id, "2027-01-12", "notes of "+id
		onboarding.Add(&m.Items, who, at).Text = "topic of " + id
		c := onboarding.Add(&o.Commitments, who, at)
		c.Who, c.What, c.Meeting = who, "commitment of "+id, id
	}
	// Random IDs, as the releases before gave them.
	idA, idB := "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
	add(mine, base.Buddy.ID, idB, t1.Add(time.Hour))
	add(theirs, base.Newcomer.ID, idA, t1.Add(2*time.Hour))
	for _, pair := range [][2]*onboarding.Onboarding{{mine, theirs}, {theirs, mine}} {
		m, _, err := onboarding.Combine(pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Meetings) != 1 {
			t.Fatalf("%d 1:1s of one date", len(m.Meetings))
		}
		got := m.Meetings[0]
		if got.ID != idA || !strings.Contains(got.Notes, "notes of "+idA) || !strings.Contains(got.Notes, "notes of "+idB) || len(got.Items) != 2 {
			t.Errorf("the 1:1 read as one: %s, %q, %d items", got.ID, got.Notes, len(got.Items))
		}
		for _, c := range m.Commitments {
			if c.Meeting != idA {
				t.Errorf("%q points at %s, not the 1:1 kept", c.What, c.Meeting)
			}
		}
		// Reading it again changes nothing.
		again := onboarding.Copy(m)
		again.Normalize()
		if jsonOf(t, again) != jsonOf(t, m) {
			t.Error("folding is not stable")
		}
	}
}
