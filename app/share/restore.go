package share

import (
	"errors"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// Before holds, for each onboarding a change to this device's storage
// wrote or removed, its copy from before the change (nil when it was not
// on the device). PutBack undoes the change with it.
type Before map[string]*onboarding.Onboarding

// PutBack returns every onboarding in before to how it was: the copy from
// before, exactly, or no copy at all. It goes on past a failure, so that
// as much as can be is put back, and returns every failure.
func PutBack(s *store.Store, before Before) error {
	var errs []error
	for id, o := range before {
		if err := s.Delete(id); err != nil {
			errs = append(errs, err)
			continue
		}
		if o != nil {
			if err := s.Restore(o); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// ApplyRestore writes a restore plan made from here, what the device
// held. It stops at the first failure (a full storage fails the same way
// for every onboarding), and the Before it returns holds what it changed
// until then, so that PutBack undoes a restore that stopped half way as
// well as a whole one.
func ApplyRestore(s *store.Store, here []*onboarding.Onboarding, plan RestorePlan, replace bool) (Before, error) {
	byID := map[string]*onboarding.Onboarding{}
	for _, o := range here {
		byID[o.ID] = o
	}
	before := Before{}
	for _, id := range plan.Delete {
		if err := s.Delete(id); err != nil {
			return before, err
		}
		before[id] = byID[id]
	}
	for _, o := range plan.Save {
		if byID[o.ID] != nil && replace {
			// Replaced whole, not merged with what is here.
			if err := s.Delete(o.ID); err != nil {
				return before, err
			}
		}
		before[o.ID] = byID[o.ID]
		if _, err := s.Save(o); err != nil {
			return before, err
		}
	}
	return before, nil
}

// SaveIncoming saves the copy made from a link or file (merged with this
// device's copy, local, or new when local is nil), and returns what
// PutBack needs to undo it.
func SaveIncoming(s *store.Store, merged, local *onboarding.Onboarding) (Before, error) {
	before := Before{merged.ID: local}
	_, err := s.Save(merged)
	return before, err
}
