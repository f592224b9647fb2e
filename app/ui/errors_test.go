package ui

import (
	"errors"
	"testing"

	"counterpart/app/share"
)

func TestErrorsInWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		got, want string
	}{
		{failed("Could not rename", errors.New("the browser's storage could not be read")), "Could not rename: the browser's storage could not be read."},
		{failed("Not saved", share.ErrDamaged), share.ErrDamaged.Error()},
		{sentence(errors.New("choose the date of the 1:1")), "Choose the date of the 1:1."},
		{sentence(share.ErrWrongPassphrase), share.ErrWrongPassphrase.Error()},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
