package guide

import (
	"encoding/json"
	"fmt"

	"counterpart/app/onboarding"
)

// ExampleID is the ID of the built-in example onboarding, so that opening
// it twice finds the same copy.
const ExampleID = "00000000-0000-4000-8000-00000000e3a1"

// ExampleOnboarding returns a fresh copy of the fictional example: a whole
// onboarding, every stage filled in, for a visitor to explore and change.
func ExampleOnboarding() (*onboarding.Onboarding, error) {
	var o onboarding.Onboarding
	if err := json.Unmarshal([]byte(exampleJSON), &o); err != nil {
		return nil, fmt.Errorf("content/example.json: %w", err)
	}
	o.ID = ExampleID
	o.Example = true
	o.Normalize()
	return &o, nil
}

// Shelf is where a device keeps its onboardings, the example among them:
// the store (store.Store), or a test's.
type Shelf interface {
	// Create stores a new onboarding, merged with one stored under its ID.
	Create(o *onboarding.Onboarding) error
	// Put stores o as it is, replacing a stored copy whole.
	Put(o *onboarding.Onboarding) error
}

// SplitExample parts a device's onboardings into the example, nil when it
// has none, and the person's own, in their order. The example is the one
// marked so (onboarding.Example): a copy of it never travels in a link,
// so no other onboarding carries the mark.
func SplitExample(all []*onboarding.Onboarding) (example *onboarding.Onboarding, own []*onboarding.Onboarding) {
	for _, o := range all {
		if o.Example {
			example = o
		} else {
			own = append(own, o)
		}
	}
	return example, own
}

// OpenExample makes sure the device holds the example before it opens:
// a fresh copy the first time; after that, stored is the copy as the
// person left it, and it is left alone.
func OpenExample(s Shelf, stored *onboarding.Onboarding) error {
	if stored != nil {
		return nil
	}
	o, err := ExampleOnboarding()
	if err != nil {
		return err
	}
	return s.Create(o)
}

// ResetExample puts the example back to how it started. It replaces the
// stored copy whole: created over it, a fresh copy would be merged with
// the person's changes, which are newer, and they would stay.
func ResetExample(s Shelf) error {
	o, err := ExampleOnboarding()
	if err != nil {
		return err
	}
	return s.Put(o)
}
