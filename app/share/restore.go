package share

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// Done records, for each onboarding a merge or a restore wrote, how it
// was just before (nil when it was not on this device) and just after,
// so that Undo can take out exactly what it did.
type Done map[string]Step

// Step is one onboarding's before and after.
type Step struct{ Before, After *onboarding.Onboarding }

// Undo takes out what a merge or a restore did, through the store's one
// write path: for each onboarding it touched, what it changed goes back
// to how it was, and whatever changed since (in another tab, by a link)
// stays. An onboarding it added is removed only if nothing changed it
// since. It goes on past a failure, so that as much as can be is undone,
// and returns every failure.
func Undo(s *store.Store, done Done) error {
	var errs []error
	for id, st := range done {
		if st.Before == nil {
			cur, err := s.Load(id)
			switch {
			case errors.Is(err, store.ErrNotFound):
				continue
			case err != nil:
				errs = append(errs, err)
			case sameContent(cur, st.After):
				if err := s.Delete(id); err != nil {
					errs = append(errs, err)
				}
			}
			continue
		}
		_, err := s.Replace(id, func(cur *onboarding.Onboarding) (*onboarding.Onboarding, error) {
			return onboarding.Revert(cur, st.Before, st.After, s.Now())
		})
		if errors.Is(err, store.ErrNotFound) {
			err = s.Create(st.Before)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Kept returns, after Undo, the onboardings the merge or the restore
// added that are still on this device, by title: Undo leaves one that
// changed since (another tab wrote to it), with what it brought, rather
// than take away what was written to it. A page then says it stayed, not
// that it is gone.
func Kept(s *store.Store, done Done) []*onboarding.Onboarding {
	var kept []*onboarding.Onboarding
	for id, st := range done {
		if st.Before != nil {
			continue
		}
		if o, err := s.LoadWithoutLog(id); err == nil {
			kept = append(kept, o)
		}
	}
	slices.SortFunc(kept, func(a, b *onboarding.Onboarding) int { return strings.Compare(a.Title, b.Title) })
	return kept
}

// sameContent reports whether two copies hold the same content.
func sameContent(a, b *onboarding.Onboarding) bool {
	x, err1 := json.Marshal(onboarding.Shareable(a))
	y, err2 := json.Marshal(onboarding.Shareable(b))
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// TakeLink merges what a link or file carries into this device, through
// the store's one write path: onto the copy stored now, whatever another
// tab wrote since the preview, or as a new onboarding for the person me.
// It returns what the merge did and what Undo needs.
func TakeLink(s *store.Store, p *Packet, me string) (Changes, Done, error) {
	var ch Changes
	var before *onboarding.Onboarding
	after, err := s.Replace(p.Onboarding.ID, func(cur *onboarding.Onboarding) (*onboarding.Onboarding, error) {
		m, c, err := Take(cur, p, me)
		before, ch = onboarding.Copy(cur), c
		return m, err
	})
	if errors.Is(err, store.ErrNotFound) {
		var m *onboarding.Onboarding
		if m, ch, err = Take(nil, p, me); err != nil {
			return ch, nil, err
		}
		if err = s.Create(m); err != nil {
			return ch, nil, err
		}
		return ch, Done{m.ID: {After: onboarding.Copy(m)}}, nil
	}
	if err != nil {
		return ch, nil, err
	}
	return ch, Done{after.ID: {Before: before, After: onboarding.Copy(after)}}, nil
}

// ApplyRestore restores a backup onto this device, through the store's one
// write path: each onboarding of the backup is merged into the copy stored
// now (or replaces it, when replace is set), and, when replacing, the
// onboardings the backup does not hold are removed. It stops at the first
// failure (a full storage fails the same way for every onboarding); the
// Done it returns holds what it changed until then, so that Undo undoes a
// restore that stopped half way as well as a whole one.
func ApplyRestore(s *store.Store, plan RestorePlan, replace bool) (Done, error) {
	done := Done{}
	for _, id := range plan.Delete {
		before, err := s.Load(id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return done, err
		}
		if err := s.Delete(id); err != nil {
			return done, err
		}
		done[id] = Step{Before: before}
	}
	for _, b := range plan.Save {
		var before *onboarding.Onboarding
		after, err := s.Replace(b.ID, func(cur *onboarding.Onboarding) (*onboarding.Onboarding, error) {
			before = onboarding.Copy(cur)
			if replace {
				c := onboarding.Copy(b)
				c.Me, c.Writer = cur.Me, cur.Writer
				return c, nil
			}
			m, _, err := Merge(cur, b)
			return m, err
		})
		if errors.Is(err, store.ErrNotFound) {
			if err = s.Create(b); err == nil {
				done[b.ID] = Step{After: onboarding.Copy(b)}
			}
		} else if err == nil {
			done[b.ID] = Step{Before: before, After: onboarding.Copy(after)}
		}
		if err != nil {
			return done, err
		}
	}
	return done, nil
}
