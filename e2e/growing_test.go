//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/sample"
)

// Three years of weekly 1:1s: the 1:1 page opens with the latest few
// earlier 1:1s, and the latest few commitments with every one still open
// (onboarding.Shown, CommitmentsShown), so that it does not take longer to
// open every week and yet hides nothing owed; an older 1:1 and an older
// closed commitment are one press away, and read in full after it.
func TestOlderOneOnOnesAreOnePressAway(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.open(srv.URL + "/")
	o := sample.Years(3, time.Now())
	b.plant(o)
	b.open(srv.URL + "/meetings?id=" + o.ID)
	b.waitFor("the earlier 1:1s", `!!document.querySelector("#log details")`)

	if n := b.count("#log details"); n != onboarding.FirstShown {
		t.Errorf("the page opens with %d earlier 1:1s, want the latest %d", n, onboarding.FirstShown)
	}
	// The commitments: the latest few and every one still open, however
	// old (the sample leaves some open from its first weeks).
	first, _ := onboarding.CommitmentsShown(o.Commitments, 0)
	if n := b.count("#commitments li.commitment"); n != len(first) || n <= onboarding.FirstShown {
		t.Errorf("the page opens with %d commitments, want %d: the latest %d and every open one", n, len(first), onboarding.FirstShown)
	}
	oldest := o.Commitments[first[0]]
	if oldest.Status != onboarding.Open || first[0] >= len(o.Commitments)-onboarding.FirstShown {
		t.Fatalf("the sample has no old open commitment to look for (first shown: %d, %s)", first[0], oldest.Status)
	}
	if got := b.text(fmt.Sprintf(`#commitments li[data-commitment=%q]`, oldest.ID)); !strings.Contains(got, oldest.What) {
		t.Errorf("the oldest open commitment %q is not on the page at first (its row says %q)", oldest.What, got)
	}
	// The first 1:1 not shown at first: after the latest, which is the
	// current one, and the FirstShown earlier ones.
	older := o.MeetingsByDate()[onboarding.FirstShown+1]
	entry := fmt.Sprintf(`#log details[data-meeting=%q]`, older.ID)
	if n := b.count(entry); n != 0 {
		t.Fatalf("the 1:1 of %s is shown before the press", older.Date)
	}
	if got := b.text("#more-log"); !strings.Contains(got, "Show 25 older 1:1s") {
		t.Errorf("the button under the log says %q", got)
	}
	b.click("#more-log")
	b.waitFor("the older 1:1s", fmt.Sprintf(`document.querySelectorAll("#log details").length === %d`, onboarding.FirstShown+onboarding.MoreShown))
	b.click(entry + " summary")
	week, _, _ := strings.Cut(older.Notes, ".")
	b.waitFor("the older 1:1's notes", fmt.Sprintf(`document.querySelector(%q).open && document.querySelector(%q).innerText.includes(%q)`, entry, entry, week))

	// The closed commitment made just before the latest few waits behind
	// the button above the list.
	var before onboarding.Commitment
	for i := len(o.Commitments) - onboarding.FirstShown - 1; i >= 0; i-- {
		if o.Commitments[i].Status != onboarding.Open {
			before = o.Commitments[i]
			break
		}
	}
	row := fmt.Sprintf(`#commitments li[data-commitment=%q]`, before.ID)
	if n := b.count(row); n != 0 {
		t.Fatalf("the commitment %q is shown before the press", before.What)
	}
	b.click("#more-commitments")
	b.waitFor("the earlier commitments", fmt.Sprintf(`!!document.querySelector(%q) && document.querySelector(%q).innerText.includes(%q)`, row, row, before.What))
	if more, _ := onboarding.CommitmentsShown(o.Commitments, 1); b.count("#commitments li.commitment") != len(more) || len(more) != len(first)+onboarding.MoreShown {
		t.Errorf("after one press the page shows %d commitments, want %d: %d more than before", b.count("#commitments li.commitment"), len(more), onboarding.MoreShown)
	}
	b.expectNoProblems("pressing Show more")
}
