package share

import "counterpart/app/onboarding"

// The rules for combining two copies live in app/onboarding (combine.go);
// these names keep the package's API for its callers.

// Changes is what merging an incoming copy did (onboarding.Changes).
type Changes = onboarding.Changes

// Section is a part of an onboarding a person recognises.
type Section = onboarding.Section

// Meetings1on1 is the section of the weekly 1:1s and commitments.
const Meetings1on1 = onboarding.Meetings1on1

// Sections lists the sections in the order the guide shows them.
var Sections = onboarding.Sections

// Receive takes in an onboarding this device does not have yet, for the
// person me, who said which of the two they are.
func Receive(incoming *onboarding.Onboarding, me string) (*onboarding.Onboarding, Changes) {
	return onboarding.Receive(incoming, me)
}

// Merge combines the copy kept on this device with an incoming one, from
// the other person or from a backup, and returns the result without
// touching either, by the rules of onboarding.Combine. The incoming copy
// must be the same onboarding with the same two people (else
// ErrOtherPair); a result past a list's cap is refused with an
// *onboarding.FullError and nothing changes.
func Merge(local, incoming *onboarding.Onboarding) (*onboarding.Onboarding, Changes, error) {
	return onboarding.Combine(local, incoming)
}

// Counts returns how many entries each section holds.
func Counts(o *onboarding.Onboarding) map[Section]int { return onboarding.Counts(o) }
