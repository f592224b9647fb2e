package onboarding

import (
	"strings"
	"testing"
	"time"
)

func TestFinishAndReopenASide(t *testing.T) {
	o := newTest(t)
	o.Roles.SeedRows([]string{"Cloud spend", "Vendor contracts"}, o.Buddy.ID, t0)
	SetAnswer(o, &o.Roles.Rows[0], o.Buddy.ID, Mine, t0)
	if n := ViewFor(o, o.Buddy.ID).Unanswered(); n != 1 {
		t.Errorf("%d areas unanswered, want 1", n)
	}

	t1 := t0.Add(time.Hour)
	undo := FinishSide(o, o.Buddy.ID, t1)
	if !o.Roles.IsDone(o.Buddy.ID) || !o.Roles.SideOf(o.Buddy.ID).Updated.Equal(t1) {
		t.Fatalf("finishing did not seal and stamp the side: %+v", o.Roles.SideOf(o.Buddy.ID))
	}
	if o.Roles.IsDone(o.Newcomer.ID) {
		t.Error("finishing one side sealed the other")
	}
	FinishSide(o, o.Newcomer.ID, t1)
	if !o.Roles.BothDone(o) {
		t.Fatal("both sides finished, yet the comparison stays closed")
	}

	t2 := t1.Add(time.Hour)
	undo(o, t2)
	if o.Roles.IsDone(o.Buddy.ID) || !o.Roles.SideOf(o.Buddy.ID).Updated.Equal(t2) {
		t.Errorf("the undo of finishing left the side %+v", o.Roles.SideOf(o.Buddy.ID))
	}
	if !o.Roles.IsDone(o.Newcomer.ID) {
		t.Error("undoing the buddy's finish reopened the newcomer's side")
	}

	FinishSide(o, o.Buddy.ID, t2)
	reopen := ReopenSide(o, o.Buddy.ID, t2)
	if o.Roles.BothDone(o) {
		t.Error("reopening a side left the comparison open")
	}
	reopen(o, t2)
	if !o.Roles.BothDone(o) {
		t.Error("the undo of reopening did not seal the side again")
	}
}

func TestEditSideStampsAndClips(t *testing.T) {
	o := newTest(t)
	EditSide(o, o.Newcomer.ID, t0, func(s *Side) { s.ExpectMine = strings.Repeat("x", MaxText+10) })
	s := o.Roles.SideOf(o.Newcomer.ID)
	if len(s.ExpectMine) != MaxText || !s.Updated.Equal(t0) {
		t.Errorf("the side holds %d characters, stamped %v", len(s.ExpectMine), s.Updated)
	}
	if o.Roles.side(o.Buddy.ID) != nil && o.Roles.side(o.Buddy.ID).ExpectMine != "" {
		t.Error("writing one side changed the other")
	}
}

func TestWhoeverWritesANoteLastIsItsAuthor(t *testing.T) {
	o := newTest(t)
	WriteNote(o, &o.BudgetAdvice, "Ask for the plan, not the number.", t0)
	if o.BudgetAdvice.Author != o.Buddy.ID {
		t.Errorf("author %q, want the buddy, who uses this device", o.BudgetAdvice.Author)
	}
	o.Writer = o.Newcomer.ID
	t1 := t0.Add(time.Minute)
	WriteNote(o, &o.BudgetAdvice, "Ask for the plan first.", t1)
	if o.BudgetAdvice.Author != o.Newcomer.ID || !o.BudgetAdvice.Updated.Equal(t1) || o.BudgetAdvice.Text != "Ask for the plan first." {
		t.Errorf("after the newcomer wrote: %+v", o.BudgetAdvice)
	}
}

func TestAddArea(t *testing.T) {
	o := newTest(t)
	o.Writer = o.Newcomer.ID
	id, err := AddArea(o, strings.Repeat("a", MaxShort+5), t0)
	row := Find(o.Roles.Rows, id)
	if err != nil || row == nil || len(row.Area) != MaxShort || row.Author != o.Newcomer.ID {
		t.Errorf("AddArea gave %v and %+v", err, row)
	}
}

func TestCadenceSetters(t *testing.T) {
	var c Cadence
	if !c.SetDay("tuesday", "Europe/Paris") || c.Day != "tuesday" || c.Zone != "Europe/Paris" {
		t.Errorf("setting the day: %+v", c)
	}
	c.SetDay("wednesday", "America/New_York")
	if c.Zone != "Europe/Paris" {
		t.Error("choosing another day replaced the zone the pair chose")
	}
	if c.SetDay("sunday", "") || c.Day != "wednesday" {
		t.Errorf("a day the 1:1 cannot fall on was taken: %q", c.Day)
	}
	var d Cadence
	d.SetDay("monday", "not a zone!")
	if d.Zone != "" {
		t.Errorf("an invalid device zone was kept: %q", d.Zone)
	}
	if msg := c.SetTime("09:30"); msg != "" || c.Time != "09:30" {
		t.Errorf("a good time: %q, %q", msg, c.Time)
	}
	if msg := c.SetTime("25:00"); msg == "" || c.Time != "09:30" {
		t.Errorf("a bad time said %q and left %q", msg, c.Time)
	}
	if c.SetMinutes(-5) || c.SetMinutes(1000) || !c.SetMinutes(45) || c.Minutes != 45 {
		t.Errorf("minutes %d", c.Minutes)
	}
	if c.SetZone("Europe/London; x") || !c.SetZone(" Asia/Tokyo ") || c.Zone != "Asia/Tokyo" {
		t.Errorf("zone %q", c.Zone)
	}
}

func TestOverallAndResume(t *testing.T) {
	o := newTest(t)
	prompts := 0
	for _, s := range Stages {
		prompts += len(Prompts[s])
	}
	if answered, total := o.Overall(); answered != 0 || total != prompts {
		t.Errorf("a new onboarding has %d of %d answered, want 0 of %d", answered, total, prompts)
	}
	if s := o.ResumeStage(); s != StageData {
		t.Errorf("a new onboarding resumes at %s", s)
	}
	id, _ := Lists.DataSources.Add(o, t0)
	Edit(o.DataSources, id, t0, func(d *DataSource) { d.Name, d.Checked = "Board deck", true })
	if s := o.ResumeStage(); s != StageProblems {
		t.Errorf("with the data stage done it resumes at %s", s)
	}
	if answered, _ := o.Overall(); answered != 2 {
		t.Errorf("%d answered, want 2", answered)
	}
}

func TestOwnerName(t *testing.T) {
	o := newTest(t)
	for a, want := range map[Answer]string{Mine: "Priya Raman", Yours: "Dana Okafor", BothOfUs: "Shared", NotSure: "Unsure", Unanswered: "—"} {
		if got := o.OwnerName(a, o.Newcomer.ID); got != want {
			t.Errorf("the newcomer answering %q names %q, want %q", a, got, want)
		}
	}
}
