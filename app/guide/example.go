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
