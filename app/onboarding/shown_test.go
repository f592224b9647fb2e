package onboarding

import "testing"

func TestShownGrowsByPressNotByList(t *testing.T) {
	for _, c := range []struct{ n, presses, want int }{
		{0, 0, 0},
		{3, 0, 3},                           // a short list shows whole
		{FirstShown, 0, FirstShown},         // exactly the first few
		{156, 0, FirstShown},                // three years of 1:1s: still the first few
		{156, 1, FirstShown + MoreShown},    // one press shows MoreShown more
		{156, 100, 156},                     // never more than there is
		{FirstShown + 1, 1, FirstShown + 1}, // the last press shows what is left
		{10, -1, FirstShown},                // a stray negative count is no press
	} {
		if got := Shown(c.n, c.presses); got != c.want {
			t.Errorf("Shown(%d, %d) = %d, want %d", c.n, c.presses, got, c.want)
		}
	}
}
