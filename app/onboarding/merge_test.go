package onboarding

import (
	"encoding/json"
	"testing"
)

func copyOf(t *testing.T, o *Onboarding) *Onboarding {
	t.Helper()
	b, _ := json.Marshal(o)
	var c Onboarding
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func TestMergeKeepsBothSidesChanges(t *testing.T) {
	base := newTest(t)
	a := Add(&base.DataSources, base.Buddy.ID, t0)
	a.Name = "Close pack"
	b := Add(&base.DataSources, base.Buddy.ID, t0)
	b.Name = "Looker"
	gone := Add(&base.Surprises, base.Buddy.ID, t0)
	gone.What = "Board meets in the evening"

	mine, theirs := copyOf(t, base), copyOf(t, base)
	mine.DataSources[0].Owner = "Controller"                        // a field only I changed
	theirs.DataSources[1].Checked = true                            // a field only they changed
	Add(&theirs.Problems, theirs.Newcomer.ID, t0).Problem = "Churn" // an entry they added
	Add(&mine.WorkingWell, mine.Buddy.ID, t0).Text = "Planning"     // one I added
	Remove(&theirs.Surprises, gone.ID)                              // one they deleted
	theirs.BudgetAdvice.Text = "Wait a quarter"

	m, conflicts, err := Merge(base, mine, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if conflicts != 0 {
		t.Errorf("%d conflicts where there were none", conflicts)
	}
	if m.DataSources[0].Owner != "Controller" || !m.DataSources[1].Checked {
		t.Errorf("field changes lost: %+v", m.DataSources)
	}
	if len(m.Problems) != 1 || len(m.WorkingWell) != 1 || len(m.Surprises) != 0 {
		t.Errorf("entry additions or deletion lost: %d problems, %d working, %d surprises", len(m.Problems), len(m.WorkingWell), len(m.Surprises))
	}
	if m.BudgetAdvice.Text != "Wait a quarter" {
		t.Error("their text lost")
	}
}

func TestMergeConflictKeepsMineAndCounts(t *testing.T) {
	base := newTest(t)
	Add(&base.DataSources, base.Buddy.ID, t0).Name = "Close pack"
	mine, theirs := copyOf(t, base), copyOf(t, base)
	mine.DataSources[0].Name = "Monthly close pack"
	theirs.DataSources[0].Name = "Close pack (finance drive)"
	m, conflicts, err := Merge(base, mine, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if conflicts != 1 || m.DataSources[0].Name != "Monthly close pack" {
		t.Errorf("conflicts %d, name %q", conflicts, m.DataSources[0].Name)
	}
}

func TestMergeKeepsAnEntryOneSideChangedAndTheOtherDeleted(t *testing.T) {
	base := newTest(t)
	Add(&base.Processes, base.Buddy.ID, t0).Name = "Planning"
	mine, theirs := copyOf(t, base), copyOf(t, base)
	Remove(&mine.Processes, base.Processes[0].ID)
	theirs.Processes[0].Health = Broken
	m, conflicts, _ := Merge(base, mine, theirs)
	if len(m.Processes) != 1 || m.Processes[0].Health != Broken || conflicts != 1 {
		t.Errorf("a changed entry was lost to a delete: %+v, %d conflicts", m.Processes, conflicts)
	}
}

func TestMergeWithoutBaseKeepsEverything(t *testing.T) {
	mine := newTest(t)
	theirs := copyOf(t, mine)
	Add(&mine.People, mine.Buddy.ID, t0).Name = "Ana"
	Add(&theirs.People, theirs.Buddy.ID, t0).Name = "Ben"
	m, _, err := Merge(nil, mine, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.People) != 2 {
		t.Errorf("people %+v", m.People)
	}
}

func TestMergeRoleAnswersFromTwoTabs(t *testing.T) {
	base := newTest(t)
	base.Roles.SeedRows([]string{"Cloud spend"}, base.Buddy.ID, t0)
	mine, theirs := copyOf(t, base), copyOf(t, base)
	SetAnswer(mine, &mine.Roles.Rows[0], mine.Buddy.ID, Mine, t0)
	SetAnswer(theirs, &theirs.Roles.Rows[0], theirs.Newcomer.ID, Mine, t0)
	m, _, _ := Merge(base, mine, theirs)
	if Judge(m, m.Roles.Rows[0].Owners[m.Buddy.ID], m.Roles.Rows[0].Owners[m.Newcomer.ID]) != BothClaim {
		t.Errorf("answers from two tabs did not both survive: %v", m.Roles.Rows[0].Owners)
	}
}
