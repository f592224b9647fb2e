package share

import (
	"testing"

	"counterpart/app/onboarding"
)

// Who opens a link is the one of the two who did not send it; a link
// that names neither leaves the question to the person.
func TestRecipient(t *testing.T) {
	o := &onboarding.Onboarding{
		Buddy:    onboarding.Person{ID: "b-1", Name: "Dana"},
		Newcomer: onboarding.Person{ID: "n-1", Name: "Sam"},
	}
	for _, tc := range []struct {
		name     string
		from     string
		me       string // who the person opening it says they are
		to       string // Recipient's ID, "" for nil
		welcomes bool
	}{
		{"the buddy's link", "b-1", "n-1", "n-1", true},
		{"the buddy's link, opened by the buddy", "b-1", "b-1", "n-1", false},
		{"the newcomer's link", "n-1", "b-1", "b-1", false},
		{"the newcomer's link, opened by the newcomer", "n-1", "n-1", "b-1", false},
		{"no sender", "", "n-1", "", false},
		{"a sender of neither", "x-9", "n-1", "", false},
		{"the buddy's link, nobody chosen", "b-1", "", "n-1", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Packet{Onboarding: o, Header: onboarding.Header{From: tc.from}}
			got := ""
			if r := p.Recipient(); r != nil {
				got = r.ID
			}
			if got != tc.to {
				t.Errorf("Recipient = %q, want %q", got, tc.to)
			}
			if w := p.Welcomes(tc.me); w != tc.welcomes {
				t.Errorf("Welcomes(%q) = %v, want %v", tc.me, w, tc.welcomes)
			}
		})
	}
}
