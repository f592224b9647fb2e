package onboarding

import (
	"strings"
	"testing"
	"time"
)

func TestFinishAndUndoASide(t *testing.T) {
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
	if answered, total := Overall(o.Progress()); answered != 0 || total != prompts {
		t.Errorf("a new onboarding has %d of %d answered, want 0 of %d", answered, total, prompts)
	}
	if s := ResumeStage(o.Progress()); s != StageData {
		t.Errorf("a new onboarding resumes at %s", s)
	}
	id, _ := Lists.DataSources.Add(o, t0)
	Edit(o.DataSources, id, t0, func(d *DataSource) { d.Name, d.Checked = "Board deck", true })
	if s := ResumeStage(o.Progress()); s != StageProblems {
		t.Errorf("with the data stage done it resumes at %s", s)
	}
	if answered, _ := Overall(o.Progress()); answered != 2 {
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

// The grid and the written expectations are finished apart: finishing
// the grid leaves what a person writes open, and each has its own undo.
func TestTheGridAndTheExpectationsAreFinishedApart(t *testing.T) {
	o := newTest(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	EditSide(o, b, t0, func(s *Side) { s.ExpectMine, s.ExpectYours = "I own the plan.", "You own the contracts." })
	FinishSide(o, b, t0)
	if !o.Roles.IsDone(b) || o.Roles.HasWritten(b) {
		t.Fatalf("finishing the grid sealed the expectations too: %+v", o.Roles.SideOf(b))
	}
	if v := ViewFor(o, n); !v.OtherDone || v.OtherWritten {
		t.Errorf("the newcomer's view of the buddy: done %v, written %v", v.OtherDone, v.OtherWritten)
	}
	undo := FinishExpectations(o, b, t0)
	if !o.Roles.HasWritten(b) || !o.Roles.IsDone(b) {
		t.Fatalf("finishing the expectations: %+v", o.Roles.SideOf(b))
	}
	undo(o, t0.Add(time.Minute))
	if o.Roles.HasWritten(b) || !o.Roles.IsDone(b) {
		t.Errorf("the undo of finishing the expectations left %+v", o.Roles.SideOf(b))
	}
	FinishExpectations(o, b, t0)
	FinishExpectations(o, n, t0)
	if !o.Roles.BothWritten(o) || o.Roles.BothDone(o) {
		t.Errorf("both wrote, one grid open: written %v, done %v", o.Roles.BothWritten(o), o.Roles.BothDone(o))
	}
	if !o.Answered(StageRoles, "expectations") || o.Answered(StageRoles, "ownership") {
		t.Error("the expectations are in, the grids are not: the prompts say otherwise")
	}
}

// A side kept before the two seals were apart sealed its expectations
// with its grid: it still reads so, and finishing or undoing the grid
// from there keeps them as they were.
func TestASideKeptBeforeTheSplitKeepsItsExpectationsSealed(t *testing.T) {
	o := newTest(t)
	old := o.Roles.SideOf(o.Buddy.ID)
	old.Done, old.ExpectMine = true, "Written and sealed long ago."
	if !o.Roles.HasWritten(o.Buddy.ID) {
		t.Fatal("an old sealed side reads as still writing")
	}
	undo := FinishSide(o, o.Buddy.ID, t0)
	undo(o, t0)
	if !o.Roles.IsDone(o.Buddy.ID) || !o.Roles.HasWritten(o.Buddy.ID) {
		t.Errorf("finishing and undoing an old sealed side left %+v", o.Roles.SideOf(o.Buddy.ID))
	}
	fresh := o.Roles.SideOf(o.Newcomer.ID)
	FinishSide(o, o.Newcomer.ID, t0)
	if fresh.Written != WrittenOpen || o.Roles.HasWritten(o.Newcomer.ID) {
		t.Errorf("a new side's grid finished, its expectations read %q", fresh.Written)
	}
}

// A prompt written blind says where each person stands: theirs finished
// and waiting for the other, not "not answered".
func TestABlindPromptSaysWhatThisPersonHasDone(t *testing.T) {
	o := newTest(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	if o.StateOf(StageRoles, "ownership", b) != PromptOpen {
		t.Error("an unfinished grid is not open")
	}
	FinishSide(o, b, t0)
	if got := o.StateOf(StageRoles, "ownership", b); got != PromptWaiting {
		t.Errorf("the buddy's finished grid is %v, want waiting", got)
	}
	if got := o.StateOf(StageRoles, "ownership", n); got != PromptOpen {
		t.Errorf("for the newcomer the grid is %v, want open", got)
	}
	if got := o.StateOf(StageRoles, "expectations", b); got != PromptOpen {
		t.Errorf("finishing the grid made the expectations %v", got)
	}
	FinishSide(o, n, t0)
	if o.StateOf(StageRoles, "ownership", n) != PromptDone || o.StateOf(StageRoles, "ownership", b) != PromptDone {
		t.Error("both grids finished, yet the prompt is not done")
	}
	if o.StateOf(StageData, "sources", b) != PromptOpen {
		t.Error("an empty list is not open")
	}
}

// Each person's progress is their own: what the other wrote counts once
// they have opened its stage, what they wrote counts at once, and a
// prompt written blind counts their own part.
func TestProgressIsEachPersonsOwn(t *testing.T) {
	o := newTest(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	id, _ := Lists.DataSources.Add(o, t0) // by the buddy, who uses this device
	Edit(o.DataSources, id, t0, func(d *DataSource) { d.Name = "Board deck" })
	WriteNote(o, &o.BudgetAdvice, "Ask after the plan.", t0)
	FinishSide(o, b, t0)
	none := func(Stage) bool { return false }

	if got, _ := Overall(o.ProgressOf(b, none)); got != 3 {
		t.Errorf("the buddy wrote 2 prompts and finished a grid, yet has %d", got)
	}
	if got, _ := Overall(o.ProgressOf(n, none)); got != 0 {
		t.Errorf("the newcomer opened nothing and wrote nothing, yet has %d", got)
	}
	data := func(s Stage) bool { return s == StageData }
	p := o.ProgressOf(n, data)
	if p[0].Answered != 1 || p[1].Answered != 0 {
		t.Errorf("with the data stage opened the newcomer has %+v", p[:2])
	}
	if ResumeStage(p) != StageData {
		t.Errorf("the newcomer resumes at %s", ResumeStage(p))
	}
	o.Writer = n
	WriteNote(o, &o.Roles.Disagreement, "Settle it in the room.", t0)
	if got := o.ProgressOf(n, none)[4].Answered; got != 1 {
		t.Errorf("the newcomer wrote how to disagree, yet stage 5 counts %d", got)
	}
	if _, total := Overall(o.Progress()); Percent(o.ProgressOf(n, none)) != 100/total {
		t.Errorf("one prompt of %d is %d%%", total, Percent(o.ProgressOf(n, none)))
	}
}
