package onboarding

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// Drafting adds items from the brief and each open problem's first step,
// planned; drafting again adds nothing twice, and an item the person
// removed does not come back.
func TestDraftPlanFromTheBriefAndProblems(t *testing.T) {
	o := newTest(t)
	if CanDraftPlan(o) {
		t.Fatal("an empty onboarding offers a draft")
	}
	if n, err := DraftPlan(o, o.Newcomer.ID, t0); n != 0 || err != nil {
		t.Fatalf("with nothing to draft from: %d items, %v", n, err)
	}
	o.EditBrief(o.Newcomer.ID, t0, func(b *Brief) { b.HiredToFix, b.Situation = "Fix the contracts.", Turnaround })
	p := Add(&o.Problems, o.Newcomer.ID, t0)
	p.Problem, p.FirstStep = "Legal spend is twice its budget.", "Ask each firm for an estimate per matter. Then compare monthly."
	gone := Add(&o.Problems, o.Newcomer.ID, t0)
	gone.Problem, gone.FirstStep, gone.Resolved = "Solved already", "Nothing", true
	hidden := Add(&o.Problems, o.Newcomer.ID, t0)
	hidden.Problem, hidden.FirstStep, hidden.Private = "A private worry", "Private step", true

	n, err := DraftPlan(o, o.Newcomer.ID, t0)
	if err != nil || n == 0 {
		t.Fatalf("DraftPlan = %d, %v", n, err)
	}
	if len(o.Plan) != n {
		t.Fatalf("%d items in the plan after adding %d", len(o.Plan), n)
	}
	var step, situation bool
	for _, it := range o.Plan {
		if it.Progress != PlanOpen || it.Author != o.Newcomer.ID || it.By.Label() == "" {
			t.Errorf("a drafted item: %+v", it)
		}
		if it.Text == "Ask each firm for an estimate per matter" && it.By == By30 {
			step = true
		}
		if it.Text == situationSteps[Turnaround][0] {
			situation = true
		}
		if strings.Contains(it.Text, "Solved") || strings.Contains(it.Text, "Private") || strings.Contains(it.Text, "private") {
			t.Errorf("drafted from a resolved or private problem: %q", it.Text)
		}
	}
	if !step || !situation {
		t.Errorf("the draft lacks the problem's first step (%v) or the situation's item (%v): %+v", step, situation, o.Plan)
	}
	for _, d := range PlanDays {
		if len(PlanOf(o, d, true)) == 0 {
			t.Errorf("nothing drafted %s", d.Label())
		}
	}

	if again, _ := DraftPlan(o, o.Newcomer.ID, t0.Add(time.Minute)); again != 0 || len(o.Plan) != n {
		t.Errorf("drafting twice added %d (plan holds %d, was %d)", again, len(o.Plan), n)
	}
	first := o.Plan[0].ID
	Lists.Plan.Remove(o, first, t0.Add(2*time.Minute))
	if again, _ := DraftPlan(o, o.Newcomer.ID, t0.Add(3*time.Minute)); again != 0 || Find(o.Plan, first) != nil {
		t.Errorf("a removed item came back on drafting again (%d added)", again)
	}

	// A second problem adds only its own items.
	q := Add(&o.Problems, o.Newcomer.ID, t0)
	q.Problem, q.FirstStep = "Data protection is behind.", "Assess the occupancy data"
	if more, _ := DraftPlan(o, o.Newcomer.ID, t0.Add(4*time.Minute)); more != 2 {
		t.Errorf("a new problem drafted %d items, want its first step and its day-90 item", more)
	}
}

// The same draft made on both devices gives the same items, so a merge
// holds each once.
func TestDraftsOnTwoDevicesAreOneItem(t *testing.T) {
	a := newTest(t)
	a.EditBrief(a.Newcomer.ID, t0, func(b *Brief) { b.Situation = StartUp })
	var b Onboarding
	data, _ := json.Marshal(a)
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	DraftPlan(a, a.Newcomer.ID, t0)
	DraftPlan(&b, b.Buddy.ID, t0.Add(time.Minute))
	for i := range a.Plan {
		if a.Plan[i].ID != b.Plan[i].ID {
			t.Fatalf("item %d has two IDs: %s and %s", i, a.Plan[i].ID, b.Plan[i].ID)
		}
	}
}

func TestProgressAndDaysHaveWords(t *testing.T) {
	for _, p := range PlanProgresses {
		if p.Label() == "" {
			t.Errorf("%q has no words", p)
		}
	}
	if PlanOpen.Label() != "Planned" {
		t.Errorf("a new item reads %q", PlanOpen.Label())
	}
	if got := PlanAtRisk.Label(); got != "At risk" {
		t.Errorf("at risk reads %q", got)
	}
	o := newTest(t)
	id, err := AddPlanItem(o, By60, t0)
	if err != nil {
		t.Fatal(err)
	}
	if !SetProgress(o, id, PlanDone, t0.Add(time.Minute)) || Find(o.Plan, id).Progress != PlanDone {
		t.Error("the item is not done")
	}
	if SetProgress(o, id, "finished", t0.Add(2*time.Minute)) || Find(o.Plan, id).Progress != PlanDone {
		t.Error("a progress the form does not offer was kept")
	}
}

func TestNormalizeKeepsThePlanSound(t *testing.T) {
	o := newTest(t)
	o.Plan = []PlanItem{{Text: "Meet\nthe team", By: "45", Progress: "finished"}, {Text: "Decide", By: By30, Progress: PlanAtRisk}}
	o.Normalize()
	a, b := o.Plan[0], o.Plan[1]
	if a.Text != "Meet the team" || a.By != By90 || a.Progress != PlanOpen || !IsID(a.ID) {
		t.Errorf("the first item after Normalize: %+v", a)
	}
	if b.By != By30 || b.Progress != PlanAtRisk {
		t.Errorf("a sound item changed: %+v", b)
	}
}
