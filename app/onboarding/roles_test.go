package onboarding

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// Every pair of answers, as each person gives it from their own point of
// view, gets the right verdict.
func TestVerdictForEveryPairOfAnswers(t *testing.T) {
	o := newTest(t)
	all := append([]Answer{Unanswered}, Answers...)
	want := map[[2]Answer]Verdict{}
	for _, b := range all {
		for _, n := range all {
			switch {
			case b == Unanswered || n == Unanswered:
				want[[2]Answer{b, n}] = Waiting
			case b == NotSure || n == NotSure:
				want[[2]Answer{b, n}] = OneUnsure
			}
		}
	}
	// The buddy's answer first, then the newcomer's, each from their side.
	want[[2]Answer{Mine, Yours}] = Agreed         // both say the buddy
	want[[2]Answer{Yours, Mine}] = Agreed         // both say the newcomer
	want[[2]Answer{BothOfUs, BothOfUs}] = Agreed  // both say shared
	want[[2]Answer{Mine, Mine}] = BothClaim       // each says "mine"
	want[[2]Answer{Yours, Yours}] = NeitherClaims // each says "yours"
	want[[2]Answer{Mine, BothOfUs}] = SeenDifferent
	want[[2]Answer{Yours, BothOfUs}] = SeenDifferent
	want[[2]Answer{BothOfUs, Mine}] = SeenDifferent
	want[[2]Answer{BothOfUs, Yours}] = SeenDifferent
	if len(want) != len(all)*len(all) {
		t.Fatalf("the table covers %d of %d pairs", len(want), len(all)*len(all))
	}

	row := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	for pair, verdict := range want {
		SetAnswer(o, row, o.Buddy.ID, pair[0], t0)
		SetAnswer(o, row, o.Newcomer.ID, pair[1], t0)
		if got := Judge(o, row.Owners[o.Buddy.ID], row.Owners[o.Newcomer.ID]); got != verdict {
			t.Errorf("buddy %q, newcomer %q: %q, want %q", pair[0], pair[1], got, verdict)
		}
		if AnswerOf(o, row, o.Buddy.ID) != pair[0] || AnswerOf(o, row, o.Newcomer.ID) != pair[1] {
			t.Errorf("answers %q/%q did not round-trip", pair[0], pair[1])
		}
	}
}

func TestAnswersAreStoredAsOwners(t *testing.T) {
	o := newTest(t)
	row := Add(&o.Roles.Rows, o.Buddy.ID, t0)
	SetAnswer(o, row, o.Buddy.ID, Mine, t0)
	SetAnswer(o, row, o.Newcomer.ID, Yours, t0)
	if row.Owners[o.Buddy.ID] != Owner(o.Buddy.ID) || row.Owners[o.Newcomer.ID] != Owner(o.Buddy.ID) {
		t.Errorf("owners %v", row.Owners)
	}
	SetAnswer(o, row, o.Buddy.ID, Unanswered, t0)
	if _, ok := row.Owners[o.Buddy.ID]; ok {
		t.Error("clearing an answer should remove it")
	}
}

// While writing blind, the view given to the renderer holds nothing of the
// other person's side.
func TestBlindViewHidesTheOtherSide(t *testing.T) {
	o := newTest(t)
	o.Roles.SeedRows([]string{"Cloud spend", "Vendor contracts"}, o.Buddy.ID, t0)
	for i := range o.Roles.Rows {
		SetAnswer(o, &o.Roles.Rows[i], o.Buddy.ID, Mine, t0)
		SetAnswer(o, &o.Roles.Rows[i], o.Newcomer.ID, BothOfUs, t0)
	}
	o.Roles.SideOf(o.Buddy.ID).ExpectMine = "BUDDY-SECRET-MINE"
	o.Roles.SideOf(o.Buddy.ID).ExpectYours = "BUDDY-SECRET-YOURS"
	o.Roles.SideOf(o.Buddy.ID).Done = true
	o.Roles.SideOf(o.Newcomer.ID).ExpectMine = "newcomer's own words"

	v := ViewFor(o, o.Newcomer.ID)
	b, _ := json.Marshal(v)
	for _, secret := range []string{"BUDDY-SECRET", `"mine"`, o.Buddy.ID} {
		if strings.Contains(string(b), secret) {
			t.Errorf("the newcomer's view contains %s: %s", secret, b)
		}
	}
	if !v.OtherDone || v.Done || v.ExpectMine != "newcomer's own words" {
		t.Errorf("view %+v", v)
	}
	for _, r := range v.Rows {
		if r.Answer != BothOfUs {
			t.Errorf("the newcomer's own answer is missing: %+v", r)
		}
	}
	if o.Roles.BothDone(o) {
		t.Error("both done with one side open")
	}
}

func TestSeedRowsOnlyOnce(t *testing.T) {
	o := newTest(t)
	o.Roles.SeedRows([]string{"A", "B"}, o.Buddy.ID, t0)
	Remove(&o.Roles.Rows, o.Roles.Rows[0].ID)
	o.Roles.SeedRows([]string{"A", "B"}, o.Buddy.ID, t0)
	if len(o.Roles.Rows) != 1 {
		t.Errorf("%d rows: removed defaults came back", len(o.Roles.Rows))
	}
}

func TestCompareSortsMismatchesFirstAndCounts(t *testing.T) {
	o := newTest(t)
	o.Roles.SeedRows([]string{"agreed", "both", "neither", "unsure", "different"}, o.Buddy.ID, t0)
	set := func(i int, b, n Answer) {
		SetAnswer(o, &o.Roles.Rows[i], o.Buddy.ID, b, t0)
		SetAnswer(o, &o.Roles.Rows[i], o.Newcomer.ID, n, t0)
	}
	set(0, Mine, Yours)
	set(1, Mine, Mine)
	set(2, Yours, Yours)
	set(3, NotSure, Mine)
	set(4, BothOfUs, Mine)
	rows, counts := Compare(o)
	var order []string
	for _, r := range rows {
		order = append(order, r.Row.Area)
	}
	if got := strings.Join(order, ","); got != "both,neither,different,unsure,agreed" {
		t.Errorf("order %s", got)
	}
	for v, n := range map[Verdict]int{Agreed: 1, BothClaim: 1, NeitherClaims: 1, OneUnsure: 1, SeenDifferent: 1} {
		if counts[v] != n {
			t.Errorf("count of %s = %d", v, counts[v])
		}
	}
	if rows[0].Buddy != Mine || rows[0].Newcomer != Mine {
		t.Errorf("answers shown from each side: %+v", rows[0])
	}
}

func TestAddToAgendaOnce(t *testing.T) {
	o := newTest(t)
	o.Roles.SeedRows([]string{"Cloud spend"}, o.Buddy.ID, t0)
	row := &o.Roles.Rows[0]
	SetAnswer(o, row, o.Buddy.ID, Mine, t0)
	SetAnswer(o, row, o.Newcomer.ID, Mine, t0)
	first := AddToAgenda(o, row.ID, o.Newcomer.ID, t0)
	again := AddToAgenda(o, row.ID, o.Buddy.ID, t0)
	if first == nil || again == nil || first.ID != again.ID || len(o.Agenda) != 1 {
		t.Fatalf("agenda %+v", o.Agenda)
	}
	if !strings.Contains(first.Text, "Cloud spend") || first.Author != o.Newcomer.ID {
		t.Errorf("item %+v", first)
	}
	rows, _ := Compare(o)
	if !rows[0].OnAgenda {
		t.Error("the comparison does not know the row is on the agenda")
	}
	if AddToAgenda(o, "missing", o.Buddy.ID, t0) != nil {
		t.Error("an agenda item for a missing row")
	}
}

// An area settled after talking it over reads as settled wherever the
// comparison is read: its verdict, its owner, the counts, and no offer
// to put it on the agenda again.
func TestASettledAreaShowsItsOwnerEverywhere(t *testing.T) {
	o := newTest(t)
	claimed, _ := AddArea(o, "Pricing", t0)
	AnswerArea(o, claimed, o.Buddy.ID, Mine, t0)
	AnswerArea(o, claimed, o.Newcomer.ID, Mine, t0)
	agreed, _ := AddArea(o, "Hiring", t0)
	AnswerArea(o, agreed, o.Buddy.ID, BothOfUs, t0)
	AnswerArea(o, agreed, o.Newcomer.ID, BothOfUs, t0)
	FinishSide(o, o.Buddy.ID, t0)
	FinishSide(o, o.Newcomer.ID, t0)

	if q := AddToAgenda(o, claimed, o.Buddy.ID, t0); q == nil {
		t.Fatal("a row both claim could not go on the agenda")
	}
	if _, ok := o.AgreedOwnerOf(rowSource(claimed)); ok {
		t.Error("an area both claim has an agreed owner")
	}
	Settle(o, claimed, Owner(o.Newcomer.ID), t0)

	rows, counts := Compare(o)
	for _, c := range rows {
		switch c.Row.ID {
		case claimed:
			if c.Verdict != Settled || c.Owner != Owner(o.Newcomer.ID) || c.OnAgenda || c.Verdict.Mismatch() {
				t.Errorf("the settled row compares as %+v", c)
			}
		case agreed:
			if c.Verdict != Agreed || c.Owner != Shared {
				t.Errorf("the agreed row compares as %+v", c)
			}
		}
	}
	if counts[BothClaim] != 0 || counts[Settled] != 1 || counts[Agreed] != 1 {
		t.Errorf("counts %v", counts)
	}
	if owner, ok := o.AgreedOwnerOf(rowSource(claimed)); !ok || o.OwnerLabel(owner) != "Priya Raman" {
		t.Errorf("the agenda item's owner is %q, %v", owner, ok)
	}
	if q := AddToAgenda(o, claimed, o.Buddy.ID, t0.Add(time.Hour)); q != nil && !q.Done {
		t.Errorf("a settled area went back on the agenda: %+v", q)
	}
	for _, topic := range StandingTopics(o) {
		if topic.ID == claimed {
			t.Error("a settled area is still a standing topic")
		}
	}

	// Settled on the owner the grid agrees on, it is simply agreed.
	Settle(o, agreed, Shared, t0)
	if v, owner := VerdictOf(o, Find(o.Roles.Rows, agreed)); v != Agreed || owner != Shared {
		t.Errorf("a row settled as the grid agrees reads %s, %q", v, owner)
	}
}

func TestOwnerLabel(t *testing.T) {
	o := newTest(t)
	for owner, want := range map[Owner]string{Owner(o.Buddy.ID): "Dana Okafor", Owner(o.Newcomer.ID): "Priya Raman", Shared: "Shared", Unsure: "Unsure", "": "", "someone": ""} {
		if got := o.OwnerLabel(owner); got != want {
			t.Errorf("OwnerLabel(%q) = %q, want %q", owner, got, want)
		}
	}
}
