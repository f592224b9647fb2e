package store

import (
	"errors"
)

// Errors a caller may want to tell apart.
var (
	ErrNotFound = errors.New("there is no onboarding with this ID on this device")
	// ErrNewer means a newer version of the app wrote the record.
	ErrNewer = errors.New("this onboarding was saved by a newer version of Counterpart; reload the page to get it")
	// ErrOutdated means a newer version of the app has written to this
	// browser's storage since this tab started: this tab stops writing,
	// so that its older code cannot harm what the newer one wrote.
	ErrOutdated = errors.New("Counterpart was updated in another tab, so this tab has stopped saving. Reload the page to go on: everything saved so far is kept")
	// ErrFull is what a backend returns when the browser's storage for the
	// site is full.
	ErrFull = errors.New("the browser's storage for this site is full")
	// ErrLogNotRead means a page changed the 1:1 log of an onboarding it
	// read without it: a mistake in the page, caught before it costs data.
	ErrLogNotRead = errors.New("this page read the onboarding without its 1:1 log and cannot change the log; nothing was saved")
)

// DamagedError says a record could not be read and where it was put.
type DamagedError struct {
	Key      string
	AsideKey string // "" if it could not be moved
	Reason   string
}

// Error says, in plain words, that the record was unreadable and where it went.
func (e *DamagedError) Error() string {
	if e.AsideKey == "" {
		return "a saved onboarding could not be read (" + e.Reason + ")"
	}
	return "a saved onboarding could not be read (" + e.Reason + "); it was kept aside, unchanged"
}

// SaveError says the browser refused to save, and what was not saved. Its
// message is for the person; the browser's own words stay in Err, for the
// console.
type SaveError struct {
	Err error
	// What names what was not saved, in words ("the top problems"); empty
	// when the save was refused before the store knew.
	What string
}

// Error says what was not saved and why, and that earlier work is safe.
func (e *SaveError) Error() string {
	what := "Your last change"
	if e.What != "" {
		what = "Your last change to " + e.What
	}
	why := "the browser refused to store it; its storage for this site may be full or turned off"
	if errors.Is(e.Err, ErrFull) {
		why = "this browser's storage for Counterpart is full"
	}
	return what + " could not be saved: " + why + ". Your earlier work is safe. What you just did is still on screen in this tab, and is saved with your next change as soon as the browser lets it."
}

// Unwrap returns the browser's own error.
func (e *SaveError) Unwrap() error { return e.Err }

// readError is the message when the browser would not let the store read.
func readError(err error) error {
	return &plainError{msg: "the browser's storage could not be read", err: err}
}

// plainError shows msg and keeps the browser's error for errors.Is.
type plainError struct {
	msg string
	err error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.err }
