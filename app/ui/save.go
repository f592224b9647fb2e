package ui

import (
	"errors"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// saveChange applies change to o and saves it at once, so that a reload, a
// closed tab or a crash loses nothing. It returns what the page shows: an
// error when nothing was saved, or a notice when another tab's changes had
// to be merged in.
func saveChange(o *onboarding.Onboarding, change func(*onboarding.Onboarding)) (saveErr, notice string) {
	onboarding.Apply(o, now(), change)
	res, err := appStore().Save(o)
	switch {
	case errors.Is(err, store.ErrFull):
		return failed("Not saved", err) + fullAdvice, ""
	case err != nil:
		return failed("Not saved", err), ""
	}
	noteSave(o)
	if res.Conflicts > 0 {
		return "", "This onboarding was also being changed in another tab. Both sets of changes are kept; where you both changed the same thing, your version was kept."
	}
	return "", ""
}
