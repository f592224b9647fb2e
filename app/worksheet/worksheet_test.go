package worksheet

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func TestBlankUsesTheOnboardingsAreas(t *testing.T) {
	o := guide.Start(onboarding.Draft{MyName: "Dana", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Priya", PeerRole: "CFO", PeerFunction: onboarding.Finance, StartDate: "2026-11-02"}, t0)
	w := Blank(o)
	want := guide.DefaultAreas(onboarding.Engineering, onboarding.Finance)
	if strings.Join(w.Areas, "|") != strings.Join(want, "|") || w.Filled {
		t.Errorf("areas %v, want %v", w.Areas, want)
	}
	if w.WriteIns != min(4, MaxBlankAreas-len(want)) {
		t.Errorf("%d empty rows for areas added in the room", w.WriteIns)
	}
	if w.Names != [2]string{"Dana", "Priya"} || w.Subtitle != "Dana (CTO) and Priya (CFO)" {
		t.Errorf("names %v, subtitle %q", w.Names, w.Subtitle)
	}
	onboarding.Add(&o.Roles.Rows, o.Me, t0).Area = "Our own area"
	if w := Blank(o); w.Areas[len(w.Areas)-1] != "Our own area" {
		t.Error("an area the pair added is missing from the blank sheet")
	}
	for i := 0; i < 30; i++ {
		onboarding.Add(&o.Roles.Rows, o.Me, t0).Area = "More"
	}
	if w := Blank(o); len(w.Areas) != MaxBlankAreas || w.WriteIns != 0 {
		t.Errorf("%d rows and %d empty ones would not fit the page", len(w.Areas), w.WriteIns)
	}
}

func TestBlankForFunctions(t *testing.T) {
	w := BlankFor(onboarding.Sales, onboarding.Legal)
	if w.Subtitle != "Sales and Legal" || len(w.Areas) < 8 {
		t.Errorf("%+v", w)
	}
}

// A filled sheet is refused while a side is open, so printing cannot leak
// a side written blind.
func TestFilledNeedsBothSides(t *testing.T) {
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	o.Roles.SideOf(o.Newcomer.ID).Done = false
	if _, err := Filled(o); !errors.Is(err, ErrNotBothDone) {
		t.Errorf("error %v", err)
	}
}

func TestFilledFromTheExample(t *testing.T) {
	o, _ := guide.ExampleOnboarding()
	w, err := Filled(o)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Rows) != len(o.Roles.Rows) || !w.Rows[0].Verdict.Mismatch() || w.Rows[len(w.Rows)-1].Verdict != onboarding.Agreed {
		t.Errorf("rows should hold every area, mismatches first: %+v", w.Rows)
	}
	total := 0
	for _, c := range w.Counts {
		total += c.N
	}
	if total != len(w.Rows) {
		t.Errorf("counts add up to %d of %d rows", total, len(w.Rows))
	}
	for _, r := range w.Rows {
		for _, a := range r.Answers {
			if a != o.Buddy.Name && a != o.Newcomer.Name && a != "Shared" && a != "Unsure" {
				t.Errorf("answer %q should name an owner", a)
			}
		}
	}
	b, _ := json.Marshal(w)
	for _, want := range []string{o.Roles.Disagreement.Text[:20], "Weekly 1:1 on "} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the filled sheet lacks %q", want)
		}
	}
	if len(w.Escalation) != len(o.Roles.Escalation) || w.Expectations[0].Name != o.Buddy.Name {
		t.Error("escalation or expectations missing")
	}
	// The example settled two areas at a 1:1: the sheet says so, and who
	// owns each, rather than how the two answered on the grid.
	settled := 0
	for _, r := range w.Rows {
		if r.Verdict == onboarding.Settled {
			settled++
			if r.Owner == "" || r.VerdictLine() != "Agreed in a 1:1: "+r.Owner {
				t.Errorf("a settled area prints %q", r.VerdictLine())
			}
		}
	}
	if settled != 2 {
		t.Errorf("%d areas settled at a 1:1 on the sheet, want the example's 2", settled)
	}
}

func TestCadenceLines(t *testing.T) {
	c := onboarding.Cadence{Day: "tuesday", Time: "09:30", Minutes: 60, Social: "Lunch monthly",
		Shared: []onboarding.SharedMeeting{{Name: "Business review", Cadence: "monthly", Debrief: true}, {Name: ""}}}
	got := strings.Join(CadenceLines(c), " / ")
	want := "Weekly 1:1 on Tuesdays at 09:30, one hour / Outside work: Lunch monthly / Together at Business review (monthly), and we talk it over afterwards"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := CadenceLines(onboarding.Cadence{Day: "friday", Minutes: 90}); got[0] != "Weekly 1:1 on Fridays, 90 minutes" {
		t.Errorf("%v", got)
	}
}
