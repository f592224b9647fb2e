package ui

import (
	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// arrival is a link just merged in this tab: the page it lands on (the
// 1:1, or the stage that changed) says what it brought, with the undo one
// click away.
type arrival struct {
	id     string     // the onboarding it merged into
	line   string     // what it brought, in words
	done   share.Done // what undoes it
	undone string     // after the undo, what the undo did
	err    string     // why the undo failed
}

// landOn merges nothing itself: it hands what a merge did to the page at
// url, and goes there.
func (a *App) landOn(ctx app.Context, url string, arr *arrival) {
	a.landed = arr
	ctx.Navigate(url)
}

// pickArrival takes the link just merged into the onboarding id, if any:
// the page on screen shows it.
func (s *opened) pickArrival(id string) {
	if s.landed != nil && s.landed.id == id {
		s.arrival, s.landed = s.landed, nil
	}
}

// renderArrival says what the link just merged brought, with its undo.
func (s *opened) renderArrival() app.UI {
	a := s.arrival
	if a == nil {
		return nil
	}
	if a.undone != "" || a.err != "" {
		return app.Div().Class("toast arrival no-print").ID("saved").Role("status").Body(
			app.If(a.err != "", app.P().Class("alert").Role("alert").ID("save-error").Text(a.err)),
			app.If(a.undone != "", app.P().ID("undone").Text(a.undone)),
		)
	}
	return app.Div().Class("toast arrival no-print").ID("saved").Role("status").Body(
		app.P().ID("saved-changes").Text("Merged. "+a.line),
		button("undo-open", "secondary", "Undo", func(ctx app.Context, e app.Event) { s.undoArrival(ctx) }),
	)
}

// undoArrival takes out what the merge did; whatever changed since stays.
// A merge lands here only into a copy that was on this device before, so
// the undo never takes the onboarding away.
func (s *opened) undoArrival(ctx app.Context) {
	a := s.arrival
	if err := share.Undo(s.appStore(), a.done); err != nil {
		a.err = failed("Could not undo", err)
		return
	}
	a.undone = "Undone: your copy is back as it was."
	s.refresh(a.id)
}

// arrivalFor describes what a merge did for the page it lands on: what it
// brought, and the page that shows it (the 1:1 for 1:1 changes, the stage
// for a stage's changes, the comparison when it opened).
func arrivalFor(before, after *onboarding.Onboarding, ch share.Changes, done share.Done, sender string) (*arrival, string) {
	a := &arrival{id: after.ID, done: done}
	g, ok := onboarding.Received(before, after)
	if ok {
		a.line = onboarding.ReceivedLine(g, sender, today())
	} else {
		a.line = joinLines(changeLines(ch, after))
	}
	url := resumeLink(after)
	switch {
	case ch.Unlocked:
		a.line += " You have both finished the role agreement: the comparison is open."
		url = stageLink(onboarding.StageRoles, after.ID)
	case !ok:
	case g.Where() == onboarding.Meetings1on1:
		url = meetingsLink(after.ID)
	case g.Where() != "":
		url = stageLink(onboarding.Stage(g.Where()), after.ID)
	}
	return a, url
}

// joinLines joins lines of words into one paragraph.
func joinLines(lines []string) string {
	s := ""
	for i, l := range lines {
		if i > 0 {
			s += " "
		}
		s += l
	}
	return s
}
