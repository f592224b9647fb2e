package onboarding

import (
	"testing"
	"time"
)

// LastLinkFrom is when the newest link a person sent was made, across
// their devices; a device someone else used does not count, and no link
// at all is the zero time.
func TestLastLinkFrom(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		peers map[Device]Peer
		want  time.Time
	}{
		{"no link yet", nil, time.Time{}},
		{"one device", map[Device]Peer{7: {Person: "priya", Made: day(3)}}, day(3)},
		{"the newest of two devices", map[Device]Peer{
			7: {Person: "priya", Made: day(3)},
			9: {Person: "priya", Made: day(5)},
		}, day(5)},
		{"another person's device does not count", map[Device]Peer{
			7: {Person: "priya", Made: day(3)},
			8: {Person: "dana", Made: day(6)},
		}, day(3)},
		{"only another person's device", map[Device]Peer{8: {Person: "dana", Made: day(6)}}, time.Time{}},
	}
	for _, tt := range tests {
		o := &Onboarding{Sync: Sync{Peers: tt.peers}}
		if got := LastLinkFrom(o, "priya"); !got.Equal(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
