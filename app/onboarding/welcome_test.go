package onboarding

import (
	"testing"
	"time"
)

// The welcome counts what the buddy wrote and shares, in words, and
// nothing of the newcomer's or anything private.
func TestPrepared(t *testing.T) {
	now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	o := New(Draft{MyName: "Dana", MyRole: "CTO", MyFunction: "engineering", PeerName: "Priya", PeerRole: "CFO", PeerFunction: "finance", StartDate: "2027-03-01"}, now)
	b, n := o.Buddy.ID, o.Newcomer.ID
	if got := Prepared(o, b); got != "" {
		t.Errorf("a blank onboarding has %q prepared", got)
	}
	Add(&o.DataSources, b, now).Name = "Close pack"
	Add(&o.DataSources, b, now).Name = "Forecast"
	Add(&o.DataSources, n, now).Name = "The newcomer's own"
	Add(&o.TeamRead, b, now).Person = "Kenji"
	Add(&o.TeamRead, b, now).Private = true
	o.Roles.SideOf(b).Done = true
	if got, want := Prepared(o, b), "2 data sources, 1 read of someone on your team and their side of who owns what"; got != want {
		t.Errorf("Prepared says %q, want %q", got, want)
	}
	if got, want := Prepared(o, n), "1 data source"; got != want {
		t.Errorf("the newcomer's own: %q, want %q", got, want)
	}
}
