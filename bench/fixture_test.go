//go:build browser

package bench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/sample"
	"counterpart/app/store"
)

// exampleOnboarding is the built-in example, as the home page saves it.
func exampleOnboarding(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// yearOfOneOnes is the example after a year of weekly 1:1s: 52 meetings,
// each with five agenda items, notes and decisions, and 104 commitments.
// It is the largest onboarding a pair is likely to keep.
func yearOfOneOnes(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	return yearsOfOneOnes(t, 1)
}

// yearsOfOneOnes is the example after years of weekly 1:1s, in place of
// its own few (sample.AddYears: five agenda items, notes and decisions,
// and two commitments a week); zero years is the example with no 1:1s.
func yearsOfOneOnes(t *testing.T, years int) *onboarding.Onboarding {
	t.Helper()
	o := exampleOnboarding(t)
	first, _, _ := strings.Cut(o.Newcomer.Name, " ")
	o.ID, o.Example, o.Title = onboarding.NewID(), false, fmt.Sprintf("%s, %d years in", first, years)
	sample.AddYears(o, years)
	o.Normalize()
	if len(o.Meetings) != 52*years || len(o.Commitments) != 104*years {
		t.Fatalf("%d years have %d meetings and %d commitments", years, len(o.Meetings), len(o.Commitments))
	}
	return o
}

// emptyOnboarding is one just started from the form.
func emptyOnboarding() *onboarding.Onboarding { return sample.New(time.Now()) }

// stored is exactly what the app keeps in localStorage for o, made by the
// app's own store code: every key with its value.
func stored(t *testing.T, o *onboarding.Onboarding) map[string]string {
	t.Helper()
	mem := store.NewMemory()
	if _, err := store.New(mem, time.Now).Save(o); err != nil {
		t.Fatal(err)
	}
	return mem.Snapshot()
}

// size is how many bytes a set of keys and values holds.
func size(kv map[string]string) int {
	n := 0
	for k, v := range kv {
		n += len(k) + len(v)
	}
	return n
}
