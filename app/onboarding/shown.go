package onboarding

import "slices"

// Some lists grow for as long as the two keep meeting: the earlier 1:1s,
// the commitments. A page that rendered all of them would take longer to
// open every week of the relationship (three years of weekly 1:1s made
// the 1:1 page call into JavaScript 78,168 times before it showed), while
// a person reads this week's and the last few. So such a page shows the
// latest few first, and a button shows more on demand.

// FirstShown is how many of a growing list a page shows when it opens.
const FirstShown = 5

// MoreShown is how many more each press of the list's "Show more" button
// shows: enough to reach a few months back in one press, few enough that
// the press itself answers at once.
const MoreShown = 25

// Shown is how many of a list of n a page shows after its "Show more"
// button was pressed presses times: the latest FirstShown, then MoreShown
// more per press, never more than n.
func Shown(n, presses int) int {
	return max(0, min(n, FirstShown+max(0, presses)*MoreShown))
}

// CommitmentsShown is which of the commitments (by index, in their order)
// the 1:1 page lists after its "Show more" button was pressed presses
// times: the latest FirstShown, every commitment still open however old
// it is, and MoreShown more of the others per press, newest first. An
// open commitment is something one of the two still owes the other;
// hiding it behind a button because newer ones were made since would let
// it be forgotten, which is what the list is there to prevent. hidden is
// how many are left for the button, all of them closed.
func CommitmentsShown(cs []Commitment, presses int) (shown []int, hidden int) {
	latest := len(cs) - Shown(len(cs), 0)
	more := max(0, presses) * MoreShown
	for i := len(cs) - 1; i >= 0; i-- {
		switch {
		case i >= latest || cs[i].Status == Open:
		case more > 0:
			more--
		default:
			hidden++
			continue
		}
		shown = append(shown, i)
	}
	slices.Reverse(shown)
	return shown, hidden
}
