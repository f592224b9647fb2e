package ui

import (
	"strings"
	"testing"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pair is a new onboarding of two people, as the form starts one, on the
// test's device.
func pair(t *testing.T) (*device, *onboarding.Onboarding) {
	t.Helper()
	dev := newDevice(t)
	d := onboarding.Draft{MyName: "Dana Okafor", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Priya Raman", PeerRole: "CFO", PeerFunction: onboarding.Finance, StartDate: "2026-11-02"}
	return dev, dev.saved(guide.Start(d, wallNow()))
}

func TestAPageSaysWhenTheOnboardingIsNotHere(t *testing.T) {
	t.Parallel()
	d := newDevice(t)
	for _, c := range []struct {
		page app.Composer
		url  string
	}{
		{&stagePage{}, stageLink(onboarding.StageData, onboarding.NewID())},
		{&meetingsPage{}, meetingsLink("")},
		{&sharePage{}, shareLink("nope")},
		{&documentPage{}, documentLink("nope")},
	} {
		s := d.show(c.page, c.url)
		s.match("load-error", app.Div().Class("alert").ID("load-error"))
		s.expect("not on this device", `href="/"`)
	}
}

// Adding an entry opens it for editing; what is typed is saved at once and
// answers the prompt; removing it can be undone, tombstone and all.
func TestAnEntryIsAddedSavedRemovedAndPutBack(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageData, o.ID))
	s.expect("Where the real data lives", "Not answered yet")

	s.click("add-sources")
	id := d.stored(o.ID).DataSources[0].ID
	s.typeIn("name-"+id, "Board deck")
	if got := d.stored(o.ID).DataSources[0].Name; got != "Board deck" {
		t.Fatalf("the typed name was saved as %q", got)
	}
	s.expect("Answered")

	s.click("toggle-" + id)
	s.expect(`<h3 class="entry-title">Board deck</h3>`)
	s.click("toggle-" + id)

	removeButton := findByLabel(t, s, "Remove Board deck")
	s.run(removeButton, handlerOf(removeButton, "click"), nil)
	after := d.stored(o.ID)
	if len(after.DataSources) != 0 || after.Deleted[id].IsZero() {
		t.Fatalf("after Remove the device holds %d sources, tombstone %v", len(after.DataSources), after.Deleted[id])
	}
	s.expect("Removed Board deck.")
	s.match("undo", app.Button().Class("secondary").ID("undo").OnClick(func(app.Context, app.Event) {}))

	s.click("undo")
	back := d.stored(o.ID)
	if len(back.DataSources) != 1 || back.DataSources[0].Name != "Board deck" {
		t.Fatalf("the undo put back %+v", back.DataSources)
	}
	if !back.DataSources[0].Updated.After(back.Deleted[id]) {
		t.Error("the entry put back is not newer than its removal, so the next merge removes it again")
	}
	s.expect("Put back.")
	if s.exists("undo") {
		t.Error("the Undo button stays after undoing")
	}
}

// findByLabel finds a button by its accessible name.
func findByLabel(t *testing.T, s *screen, label string) app.UI {
	t.Helper()
	s.disp.Consume()
	var found app.UI
	var walk func(n app.UI)
	walk = func(n app.UI) {
		if found != nil || n == nil {
			return
		}
		if attr(n, "aria-label") == label {
			found = n
			return
		}
		for _, c := range kids(n) {
			walk(c)
		}
	}
	walk(s.root)
	if found == nil {
		t.Fatalf("no element labelled %q", label)
	}
	return found
}

func TestTheTeamReadStartsPrivate(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageTeam, o.ID))
	s.click("add-team")
	s.click("add-people")
	after := d.stored(o.ID)
	if !after.TeamRead[0].Private || after.People[0].Private {
		t.Errorf("team read private: %v, person to meet private: %v", after.TeamRead[0].Private, after.People[0].Private)
	}
	s.match("private-"+after.TeamRead[0].ID, app.Input().Type("checkbox").ID("private-"+after.TeamRead[0].ID).Checked(true).
		OnChange(func(app.Context, app.Event) {}))
	s.check("private-"+after.People[0].ID, true)
	if !d.stored(o.ID).People[0].Private {
		t.Error("ticking Private did not keep the entry on the device")
	}
}

// A note's author is whoever wrote in it last, which "Who is writing?"
// says.
func TestWhoIsWritingSetsTheAuthor(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageProblems, o.ID))
	s.check("writer-"+o.Newcomer.ID, true)
	if d.stored(o.ID).Writer != o.Newcomer.ID {
		t.Fatal("choosing the newcomer did not save the writer")
	}
	s.typeIn("budget-advice", "Bring the plan, not the number.")
	if n := d.stored(o.ID).BudgetAdvice; n.Author != o.Newcomer.ID || n.Text != "Bring the plan, not the number." {
		t.Errorf("the note is %+v", n)
	}
	s.expect("Priya Raman, the new CFO")
}

// Sealing a grid with areas unanswered asks first; once sealed, the grid
// is hidden and the expectations below it stay open. Opening it again is
// one step, offered only to whoever sealed it: once another takes the
// device, nothing opens it before both are in.
func TestSealingTheGridAsksSealsAndHoldsTheBlind(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageRoles, o.ID))
	rows := len(o.Roles.Rows)
	if rows == 0 {
		t.Fatal("a new onboarding has no role areas")
	}
	s.click("finish-side")
	s.expect(itoa(rows) + " areas have no answer from you")
	if d.stored(o.ID).Roles.IsDone(o.Buddy.ID) {
		t.Fatal("the first press sealed the grid without asking")
	}
	s.click("finish-side")
	if !d.stored(o.ID).Roles.IsDone(o.Buddy.ID) {
		t.Fatal("the second press did not seal the grid")
	}
	s.expect("Dana Okafor&#39;s grid is sealed", "Yours is in · waiting for Priya Raman")
	s.expectNot("own-grid")
	if !s.exists("expect-mine-"+o.Buddy.ID) || !s.exists("finish-written") {
		t.Error("sealing the grid closed the expectations too")
	}

	s.click("unseal")
	if d.stored(o.ID).Roles.IsDone(o.Buddy.ID) || !s.exists("own-grid") {
		t.Fatal("opening the grid again took more than one step")
	}
	s.click("finish-side")
	s.click("finish-side")

	// Priya takes the device, then hands it back: neither of them can
	// open Dana's grid now.
	s.check("writer-"+o.Newcomer.ID, true)
	s.check("writer-"+o.Buddy.ID, true)
	s.expect("Dana Okafor&#39;s grid is sealed")
	if s.exists("unseal") || s.exists("own-grid") {
		t.Error("after the device changed hands, the sealed grid can be opened")
	}
}

// Finishing what one wrote seals it apart from the grid, and both read
// each other's once both have finished.
func TestTheExpectationsAreSealedOnTheirOwn(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageRoles, o.ID))
	s.click("finish-written")
	s.expect("One of the two boxes is empty.")
	s.typeIn("expect-mine-"+o.Buddy.ID, "DANA: I own the platform.")
	s.typeIn("expect-yours-"+o.Buddy.ID, "DANA: you own the plan.")
	s.click("finish-written")
	if o := d.stored(o.ID); !o.Roles.HasWritten(o.Buddy.ID) || o.Roles.IsDone(o.Buddy.ID) {
		t.Fatalf("finishing the writing left the side %+v", o.Roles.SideOf(o.Buddy.ID))
	}
	s.expect("Dana Okafor&#39;s expectations are sealed")
	s.check("writer-"+o.Newcomer.ID, true)
	s.expectNot("DANA: I own the platform.")
	s.typeIn("expect-mine-"+o.Newcomer.ID, "PRIYA: I own cash.")
	s.typeIn("expect-yours-"+o.Newcomer.ID, "PRIYA: you own uptime.")
	s.click("finish-written")
	s.expect("DANA: I own the platform.", "PRIYA: I own cash.")
}

func TestTheWeeklyOneOnOne(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&meetingsPage{}, meetingsLink(o.ID))
	s.expect("Nothing queued yet.")
	s.typeIn("new-queued", "Hiring plan")
	s.submit("new-queued")
	if q := d.stored(o.ID).Agenda; len(q) != 1 || q[0].Text != "Hiring plan" {
		t.Fatalf("the queue is %+v", q)
	}

	// The first 1:1 also takes the checkpoints due by its date.
	checkpoints := len(onboarding.CheckpointsDue(d.stored(o.ID), "2026-11-05"))
	if checkpoints == 0 {
		t.Fatal("no checkpoint is due at the first 1:1")
	}
	s.typeIn("meeting-date", "2026-11-05")
	s.click("start-meeting")
	m := d.stored(o.ID).LatestMeeting()
	if m == nil || m.Date != "2026-11-05" || len(m.Items) != 1+checkpoints {
		t.Fatalf("starting the 1:1 made %+v", m)
	}
	s.expect("1:1 of Thursday 5 November 2026", "Hiring plan")

	s.typeIn("new-item", "Close calendar")
	s.submit("new-item")
	s.typeIn("meeting-date", "2026-11-12")
	s.expect(itoa(2+checkpoints) + " open items from the 1:1 of Thursday 5 November 2026 will carry forward.")
	s.check("done-"+d.stored(o.ID).Meetings[0].Items[0].ID, true)
	s.expect(itoa(1+checkpoints) + " open items from the 1:1 of Thursday 5 November 2026 will carry forward.")

	s.typeIn("commit-what", "Send the forecast")
	s.submit("commit-what")
	if c := d.stored(o.ID).Commitments; len(c) != 1 || c[0].Meeting != m.ID {
		t.Fatalf("commitments %+v", c)
	}
	s.typeIn("commit-what", "")
	s.submit("commit-what")
	s.expect("Say what was promised.")

	s.click("remove-meeting")
	if len(d.stored(o.ID).Meetings) != 0 {
		t.Fatal("the 1:1 is still there")
	}
	s.click("undo")
	if len(d.stored(o.ID).Meetings) != 1 {
		t.Error("the undo did not put the 1:1 back")
	}
}

func TestStartingAOneOnOneTwiceOnADateSaysWhy(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&meetingsPage{}, meetingsLink(o.ID))
	s.typeIn("meeting-date", "2026-11-05")
	s.click("start-meeting")
	s.typeIn("meeting-date", "2026-11-05")
	s.click("start-meeting")
	s.expect("There is already a 1:1 on that date.")
	if n := len(d.stored(o.ID).Meetings); n != 1 {
		t.Errorf("%d meetings", n)
	}
}

func TestHomeListsDeletesAndUndoes(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&home{}, "/")
	_, total := onboarding.Overall(o.Progress())
	s.expect(o.Title, "Dana Okafor (CTO) onboarding Priya Raman (CFO)", "0 of "+itoa(total)+" prompts answered",
		`href="`+strings.ReplaceAll(resumeLink(o), "&", "&amp;")+`"`)

	deleteButton := findByLabel(t, s, "Delete "+o.Title)
	s.run(deleteButton, handlerOf(deleteButton, "click"), nil)
	s.expect("and everything written in it?")
	s.click("confirm-delete")
	if _, err := d.app.store.Load(o.ID); err == nil {
		t.Fatal("the onboarding is still on the device")
	}
	s.expect("Deleted “" + o.Title + "”.")
	s.click("undo-delete")
	if d.stored(o.ID).Title != o.Title {
		t.Error("the undo did not bring the onboarding back")
	}
	s.expect("Restored")
}

func TestTheNewFormSaysWhatIsMissing(t *testing.T) {
	t.Parallel()
	d := newDevice(t)
	s := d.show(&newPage{}, "/new")
	s.submit("start")
	s.match("form-errors", app.Div().Class("alert").Role("alert").ID("form-errors").TabIndex(-1))
	s.expect(`href="#my-name"`, `href="#peer-name"`)
	if list, _ := d.app.store.List(); len(list) != 0 {
		t.Error("a form with errors saved an onboarding")
	}
}

func TestTheRestorePanelExplainsABadFile(t *testing.T) {
	t.Parallel()
	d := newDevice(t)
	s := d.show(&yourDataPage{}, yourDataPath)
	var panel *backupPanel
	walkComponents(s.root, func(c app.UI) {
		if b, ok := c.(*backupPanel); ok {
			panel = b
		}
	})
	if panel == nil {
		t.Fatal("the Your data page has no backup panel")
	}
	s.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: panel, Function: func(app.Context) { panel.read("{not json") }})
	s.expect("not a Counterpart backup", "Nothing was changed.")
}

func walkComponents(n app.UI, f func(app.UI)) {
	if n == nil {
		return
	}
	if n.Kind() == app.Component {
		f(n)
	}
	for _, c := range kids(n) {
		walkComponents(c, f)
	}
}

// A link carries what the device has saved: a change the browser refused
// to store stays on screen, and stays out of the link until it is saved,
// which the share page says.
func TestTheLinkLeavesOutWhatTheBrowserRefused(t *testing.T) {
	t.Parallel()
	d, o := pair(t)
	s := d.show(&stagePage{}, stageLink(onboarding.StageData, o.ID))
	s.click("add-sources")
	id := d.stored(o.ID).DataSources[0].ID
	s.typeIn("name-"+id, "Board deck")

	d.mem.Quota = 1 // the storage is full from now on
	refused := "Cap table, refused by a full storage"
	s.typeIn("name-"+id, refused)
	if !s.has("saved with your next change") {
		t.Fatal("the stage does not say the change was not saved")
	}

	p := &sharePage{}
	d.show(p, shareLink(o.ID)).expect("not saved on this device yet")
	if p.fragment == "" {
		t.Fatalf("the share page made no link: %q", p.err)
	}
	got, err := share.Decode(p.fragment, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.DataSources) != 1 || got.DataSources[0].Name != "Board deck" {
		t.Fatalf("the link carries %+v, not the saved source", got.DataSources)
	}

	// Once the storage has room and the change is saved, the warning goes.
	d.mem.Quota = 0
	s.typeIn("name-"+id, refused+".")
	d.show(&sharePage{}, shareLink(o.ID)).expectNot("not saved on this device yet")
}
