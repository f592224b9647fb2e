package guide

import (
	"encoding/json"
	"testing"

	"counterpart/app/onboarding"
	"counterpart/content"
)

// The example must show a visitor the whole app filled in, so every prompt
// of every stage has an answer, and it must be clean data.
func TestExampleIsCompleteAndClean(t *testing.T) {
	o, err := ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	if !o.Example || o.ID != ExampleID {
		t.Error("the example is not marked as the example")
	}
	for _, st := range onboarding.Stages {
		for _, p := range onboarding.Prompts[st] {
			if !o.Answered(st, p) {
				t.Errorf("the example leaves %s/%s unanswered", st, p)
			}
		}
	}
	if o.Buddy.Function == onboarding.Other || o.Newcomer.Function == onboarding.Other {
		t.Error("the example should use two real functions")
	}

	// Normalize must find nothing to fix: the file is already valid.
	b, _ := content.FS.ReadFile("example.json")
	var raw onboarding.Onboarding
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	raw.ID, raw.Example = ExampleID, true
	before, _ := json.Marshal(raw)
	raw.Normalize()
	after, _ := json.Marshal(raw)
	if string(before) != string(after) {
		t.Error("content/example.json has data Normalize had to fix (bad IDs, authors, choices or lengths)")
	}

	ids := map[string]bool{}
	check := func(id string) {
		if ids[id] {
			t.Errorf("ID %s is used twice", id)
		}
		ids[id] = true
	}
	check(o.Buddy.ID)
	check(o.Newcomer.ID)
	for _, d := range o.DataSources {
		check(d.ID)
		if d.Link != "" {
			if msg := onboarding.CheckLink(d.Link); msg != "" {
				t.Errorf("data source %q: %s", d.Name, msg)
			}
		}
	}
	for _, tm := range o.TeamRead {
		check(tm.ID)
		if !tm.Private {
			t.Errorf("team read of %s should be private, as the app makes it by default", tm.Person)
		}
	}
	for _, r := range o.Roles.Rows {
		check(r.ID)
	}
	if len(o.Problems) < 2 || len(o.Problems) > onboarding.TooManyProblems {
		t.Errorf("the example has %d problems; it should show the two or three the guide asks for", len(o.Problems))
	}

	if !o.Roles.BothDone(o) {
		t.Fatal("both sides of the role agreement should be done so the comparison shows")
	}
	// Each kind of answer is on the grid, and some of the differences
	// were settled since, at a 1:1.
	counts := gridVerdicts(o)
	for _, v := range []onboarding.Verdict{onboarding.Agreed, onboarding.BothClaim, onboarding.NeitherClaims, onboarding.OneUnsure} {
		if counts[v] == 0 {
			t.Errorf("the example's grid has no %q row; it should show each kind", v.Label())
		}
	}
	if _, compared := onboarding.Compare(o); compared[onboarding.Settled] == 0 {
		t.Error("the example settles no area at a 1:1, so its pages never show one")
	}
	if counts[onboarding.Waiting] != 0 {
		t.Error("the example has unanswered ownership rows")
	}
	if len(o.Agenda) == 0 {
		t.Error("the example should turn at least one mismatch into a 1:1 agenda item")
	}
}
