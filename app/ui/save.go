package ui

import (
	"errors"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// saveChange makes a person's change to the onboarding id through the
// store's one write path (store.Store.Change), which saves it at once, so
// that a reload, a closed tab or a crash loses nothing. It returns the
// onboarding as it now is, which the page shows from then on, and the
// error to show when the change was not saved: it then stays on screen
// and goes with the next change that fits.
func (a *App) saveChange(id string, change func(*onboarding.Onboarding)) (*onboarding.Onboarding, error) {
	return a.appStore().Change(id, func(o *onboarding.Onboarding) error {
		change(o)
		return nil
	})
}

// saveFailure says in plain words why a change was not saved, or "".
func saveFailure(err error) string {
	var refused *store.SaveError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, store.ErrFull):
		return failed("Not saved", err) + fullAdvice
	case errors.As(err, &refused):
		return failed("Not saved yet", err)
	}
	return failed("Not saved", err)
}
