package share

import (
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// BenchmarkOpenExampleLink is opening the example's complete link, the
// link a person receives first: decompressing, expanding, checking and
// normalizing what it holds. go test -bench OpenExampleLink -cpuprofile
// shows where it goes.
func BenchmarkOpenExampleLink(b *testing.B) {
	o := example(b)
	frag, _, err := EncodeLink(o, onboarding.StartLink(o, time.Now(), true), "")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Open(frag, ""); err != nil {
			b.Fatal(err)
		}
	}
}
