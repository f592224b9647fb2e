package ui

import (
	"errors"
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// notOnDevice is what a page says when the onboarding in its link is not
// in this browser's storage.
const notOnDevice = "This onboarding is not on this device. It may have been deleted, or the link was made in another browser: onboardings live only in the browser where they were written."

// loadOnboarding reads the onboarding of id from this device, or says in
// plain words why it cannot. Without the log, it comes without its 1:1s
// and commitments (store.LoadWithoutLog).
func (a *App) loadOnboarding(id string, withoutLog bool) (*onboarding.Onboarding, string) {
	load := a.appStore().Load
	if withoutLog {
		load = a.appStore().LoadWithoutLog
	}
	o, err := load(id)
	switch {
	case err == nil:
		return o, ""
	case id == "" || errors.Is(err, store.ErrNotFound):
		return nil, notOnDevice
	}
	return nil, sentence(err)
}

// opened is the scaffold of every page that shows one onboarding, named
// by ?id=: it loads it, follows saves other tabs make to it, saves each
// edit at once, and keeps the status line with its undo. A page embeds
// it, calls mount and dismount from OnMount and OnDismount, open from
// OnNav, and renders renderMissing while there is no onboarding.
type opened struct {
	*App
	page app.Composer
	o    *onboarding.Onboarding
	// loadErr says why there is no onboarding; empty while loading.
	loadErr string
	// saveErr says that the last change was not saved, or that the last
	// action failed.
	saveErr string
	notice  string
	// undo puts back what the last action changed, shown with notice.
	undo      onboarding.Undo
	stopWatch func()
	// noLog, set by the page before open, says it neither shows nor
	// changes the 1:1 log: the onboarding is then read without it, and
	// opens as quickly after years of 1:1s as on day one. hasLog says s.o
	// was read with it.
	noLog, hasLog bool
	// arrival is the link just merged that brought the person here.
	arrival *arrival
}

// mount follows saves made in other tabs to the onboarding on screen.
func (s *opened) mount(ctx app.Context, page app.Composer) {
	s.page = page
	s.stopWatch = s.watchOnboarding(ctx, func() *onboarding.Onboarding { return s.o }, s.refresh)
}

func (s *opened) dismount() {
	if s.stopWatch != nil {
		s.stopWatch()
	}
}

// open loads the onboarding in ?id= unless it is the one on screen, and
// names the browser tab after it. It reports whether it loaded another.
func (s *opened) open(ctx app.Context, title string) bool {
	id := ctx.Page().URL().Query().Get("id")
	changed := s.o == nil || s.o.ID != id || !s.noLog && !s.hasLog
	// A link just merged is said once, on the page it lands on.
	s.arrival = nil
	s.pickArrival(id)
	if changed || s.arrival != nil {
		s.o, s.loadErr, s.saveErr, s.notice, s.undo = nil, "", "", "", nil
		s.load(id)
	}
	if s.o != nil {
		title += " · " + s.o.Title
	}
	setTitle(ctx, title)
	return changed
}

// load reads the onboarding from storage, on arrival.
func (s *opened) load(id string) {
	o, msg := s.loadOnboarding(id, s.noLog)
	s.hasLog = !s.noLog
	s.o, s.loadErr = o, msg
}

// refresh reads the onboarding again when another tab saved it, with
// this tab's unsaved changes (a save the browser refused) still on top.
func (s *opened) refresh(id string) {
	o, _, err := s.appStore().Refresh(id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.o, s.loadErr = nil, "This onboarding was deleted, perhaps in another tab."
	case err != nil:
		s.loadErr = sentence(err)
	case o != nil:
		s.o = o
	}
}

// edit makes a change through the store's one write path, which saves it
// at once, so that a reload, a closed tab or a crash loses nothing, then
// renders the page again (a text field's event renders only the field).
func (s *opened) edit(ctx app.Context, change func(*onboarding.Onboarding)) {
	if s.o == nil {
		return
	}
	o, err := s.saveChange(s.o.ID, change)
	s.saveErr = saveFailure(err)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.o, s.loadErr, s.saveErr = nil, "This onboarding was deleted, perhaps in another tab.", ""
	case o != nil:
		s.o = o
	}
	if s.page != nil {
		s.page.Update()
	}
}

// did shows what an action did, with the undo that puts it back (nil
// when it cannot be undone).
func (s *opened) did(notice string, undo onboarding.Undo) {
	s.notice, s.undo = notice, undo
}

// fail shows, as an alert, that an action could not be done.
func (s *opened) fail(msg string) { s.saveErr = msg }

// renderMissing is the page while the onboarding loads, or when it
// cannot be shown.
func (s *opened) renderMissing(title string) app.UI {
	msg, class := "Loading…", "muted"
	if s.loadErr != "" {
		msg, class = s.loadErr, "alert"
	}
	return s.layout(
		app.H1().Text(title),
		app.Div().Class(class).ID("load-error").Text(msg),
		app.P().Body(textLink(link(homePath), "Go to your onboardings")),
	)
}

// renderStatus is the save error and the notice with its undo. Its
// container is always there, so that a message coming or going does not
// re-create the page below it.
func (s *opened) renderStatus() app.UI {
	return div("status-area",
		s.renderArrival(),
		app.If(s.saveErr != "", s.saveFailed(s.saveErr, s.o)),
		app.If(s.notice != "", app.Div().Class("toast").Role("status").Body(
			span("", s.notice),
			app.If(s.undo != nil, button("undo", "secondary", "Undo", func(ctx app.Context, e app.Event) {
				undo := s.undo
				s.did("Put back.", nil)
				s.edit(ctx, func(o *onboarding.Onboarding) { undo(o, s.now()) })
			})),
		)),
	)
}

// removeButton removes the entry id of a list, and says so with an undo.
func (s *opened) removeButton(class, label string, l onboarding.List, id, notice string) app.UI {
	return app.Button().Class(class).Text("Remove").Aria("label", label).OnClick(func(ctx app.Context, e app.Event) {
		var undo onboarding.Undo
		s.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = l.Remove(o, id, s.now()) })
		if undo != nil {
			s.did(notice, undo)
		}
	}, id, notice)
}

// addForm is a form of one line that adds what is typed to the onboarding
// with add, then empties the line for the next one. typed holds the text
// as it is typed; the field's ID is in.ID.
func (s *opened) addForm(class string, in textField, typed *string, submit app.UI, add func(o *onboarding.Onboarding, text string) error, scope ...any) app.UI {
	in.App, in.OnChange = s.App, func(ctx app.Context, v string) { *typed = v }
	return app.Form().Class(class).OnSubmit(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		text := strings.TrimSpace(*typed)
		if text == "" {
			return
		}
		var err error
		s.edit(ctx, func(o *onboarding.Onboarding) { err = add(o, text) })
		if err != nil {
			s.fail(sentence(err))
			return
		}
		*typed = ""
		app.Window().GetElementByID(in.ID).Set("value", "")
		s.focusLater(ctx, s.page, in.ID)
	}, scope...).Body(&in, submit)
}
