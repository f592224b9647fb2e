package store

import (
	"time"

	"counterpart/app/onboarding"
)

// Hooks for the simulation (sim_test.go), which lives in package
// store_test so that it can drive app/share as the pages do. They exist
// only in test builds.

// NextRelease returns a store as the next release's build would make it:
// one schema ahead of this build, with a migration that changes nothing.
// A tab of this build beside it must stop writing once it has written.
func NextRelease(b Backend, now func() time.Time) *Store {
	s := New(b, now)
	s.schema = SchemaVersion + 1
	s.migrations = append(append([]migration{}, migrations...), func(map[string]any) error { return nil })
	return s
}

// Peek reads the onboarding id as b holds it, whole, in whatever schema
// this build or the next wrote it, and writes nothing: what the
// simulation checks must not change what it checks.
func Peek(b Backend, id string) (*onboarding.Onboarding, error) {
	raw, ok, err := b.Get(KeyOf(id))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	// A reader of the schema that wrote it, so that it reads as the tabs
	// of that release do.
	s := New(b, time.Now)
	if h, err := readHead(raw, SchemaVersion+1); err == nil && h.Schema > SchemaVersion {
		s = NextRelease(b, time.Now)
	}
	o, _, err := s.read(id, raw, true)
	return o, err
}
