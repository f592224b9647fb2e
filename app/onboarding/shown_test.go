package onboarding

import (
	"fmt"
	"testing"
)

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

// An old commitment still open stays on the list however many were made
// after it; closed ones wait behind the button.
func TestOpenCommitmentsAreNeverHidden(t *testing.T) {
	cs := make([]Commitment, 40)
	for i := range cs {
		cs[i].Status = Kept
	}
	cs[2].Status = Open  // months old, still owed
	cs[39].Status = Open // this week's
	shown, hidden := CommitmentsShown(cs, 0)
	want := []int{2, 35, 36, 37, 38, 39}
	if fmt.Sprint(shown) != fmt.Sprint(want) || hidden != 34 {
		t.Errorf("CommitmentsShown = %v, %d hidden; want %v, 34 hidden", shown, hidden, want)
	}
	shown, hidden = CommitmentsShown(cs, 1)
	if len(shown) != 31 || shown[0] != 2 || shown[1] != 10 || hidden != 9 {
		t.Errorf("after one press: %v, %d hidden; want 2 then 10..39, 9 hidden", shown, hidden)
	}
	if shown, hidden = CommitmentsShown(cs, 5); len(shown) != 40 || hidden != 0 {
		t.Errorf("after five presses: %d shown, %d hidden; want all 40", len(shown), hidden)
	}
	if shown, hidden = CommitmentsShown(nil, 0); len(shown) != 0 || hidden != 0 {
		t.Errorf("no commitments: %v, %d hidden", shown, hidden)
	}
}
