package ui

import (
	"errors"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// notOnDevice is what a page says when the onboarding in its link is not
// in this browser's storage.
const notOnDevice = "This onboarding is not on this device. It may have been deleted, or the link was made in another browser: onboardings live only in the browser where they were written."

// saveChange applies change to o and saves it at once, so that a reload, a
// closed tab or a crash loses nothing. It returns what the page shows: an
// error when nothing was saved, or a notice when another tab's changes had
// to be merged in.
func saveChange(o *onboarding.Onboarding, change func(*onboarding.Onboarding)) (saveErr, notice string) {
	change(o)
	o.Touch(now())
	res, err := appStore().Save(o)
	switch {
	case errors.Is(err, store.ErrNewer):
		return "Not saved: " + err.Error() + ".", ""
	case errors.Is(err, store.ErrFull):
		return err.Error() + fullAdvice, ""
	case err != nil:
		return err.Error(), ""
	case res.Conflicts > 0:
		return "", "This onboarding was also being changed in another tab. Both sets of changes are kept; where you both changed the same thing, your version was kept."
	}
	return "", ""
}
