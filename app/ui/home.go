package ui

import (
	"errors"
	"strconv"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/store"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// home lists the onboardings kept on this device, and starts new ones.
type home struct {
	app.Compo

	loaded   bool
	list     []*onboarding.Onboarding
	example  *onboarding.Onboarding
	problems []string // plain-words reasons some records could not be read
	aside    []string // keys of records kept aside

	renaming  string // ID of the onboarding being renamed
	newTitle  string
	confirm   string                 // ID awaiting delete confirmation
	deleted   *onboarding.Onboarding // the last deletion, for undo
	message   string
	stopWatch func()
}

func (h *home) OnNav(ctx app.Context) { setTitle(ctx, "Your onboardings") }

// OnMount lists the onboardings and follows changes made in other tabs.
func (h *home) OnMount(ctx app.Context) {
	h.reload()
	ctx.Handle(restoredAction, func(ctx app.Context, a app.Action) { h.reload() })
	h.stopWatch = watchStorage(func(key string) {
		ctx.Dispatch(func(app.Context) { h.reload() })
	})
}

func (h *home) OnDismount() {
	if h.stopWatch != nil {
		h.stopWatch()
	}
}

// reload reads the list again: on mount, and when another tab changes
// storage.
func (h *home) reload() {
	s := appStore()
	all, errs := s.ListWithoutLog()
	h.list, h.example, h.problems = nil, nil, nil
	for _, o := range all {
		if o.Example {
			h.example = o
		} else {
			h.list = append(h.list, o)
		}
	}
	for _, err := range errs {
		var damaged *store.DamagedError
		if errors.As(err, &damaged) {
			continue // shown with the records kept aside
		}
		h.problems = append(h.problems, err.Error())
	}
	h.aside, _ = s.Aside()
	h.loaded = true
}

func (h *home) Render() app.UI {
	return layout(
		app.Div().Class("page-head").Body(
			app.H1().Text("Your onboardings"),
			app.Div().Class("actions").Body(
				app.A().Class("button").ID("new-onboarding").Href(link(newPath)).Text("New onboarding"),
				app.Button().Class("secondary").ID("open-example").Text("Open the example").OnClick(h.openExample),
				app.A().Class("button secondary").ID("open-link").Href(link(openPath)).Text("Open a link or file"),
			),
		),
		// Containers that are always there keep the list from being
		// re-created, and the focus from being lost, when a message comes
		// or goes.
		app.Div().Class("home-status").Body(
			app.If(h.message != "", h.renderMessage()),
			app.Range(h.problems).Slice(func(i int) app.UI {
				return app.Div().Class("alert").Role("alert").Text(h.problems[i])
			}),
			app.If(len(h.aside) > 0, h.renderAside()),
			app.If(h.loaded && len(h.list) == 0, h.renderEmpty()),
		),
		app.Ul().Class("onboardings").Body(
			app.Range(h.list).Slice(func(i int) app.UI { return h.renderItem(h.list[i]) }),
		),
		when(h.example != nil, h.renderExample),
	)
}

func (h *home) renderEmpty() app.UI {
	return app.Div().Class("empty").Body(
		app.P().Text("Nothing here yet. An onboarding walks the two of you through five stages: where the real data lives, the first problems, an honest read of the team, how the company runs, and who owns what."),
		app.P().Text("Start one for the peer you are onboarding, or the peer who is onboarding you. Or open the example to see one filled in."),
		app.P().Body(app.Text("Moving from another browser or device? "), app.A().ID("empty-restore").Href(link(yourDataPath)).Text("Restore a backup"), app.Text(" in Your data.")),
	)
}

func (h *home) renderItem(o *onboarding.Onboarding) app.UI {
	id := o.ID
	item := app.Li().Class("onboarding card").DataSet("id", id)
	switch {
	case h.confirm == id:
		return item.Body(
			app.P().Role("alert").Body(app.Text("Delete “"), app.Strong().Text(o.Title), app.Text("” and everything written in it?")),
			app.Div().Class("actions").Body(
				app.Button().Class("danger").ID("confirm-delete").Text("Delete").OnClick(func(ctx app.Context, e app.Event) { h.delete(ctx, id) }, id),
				app.Button().Class("secondary").Text("Keep it").OnClick(func(ctx app.Context, e app.Event) { h.confirm = "" }),
			),
		)
	case h.renaming == id:
		return item.Body(
			&textField{ID: "rename-" + id, Label: "New title", Value: o.Title, Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { h.newTitle = v }},
			app.Div().Class("actions").Body(
				app.Button().ID("save-title").Text("Save title").OnClick(func(ctx app.Context, e app.Event) { h.rename(ctx, id) }, id),
				app.Button().Class("secondary").Text("Cancel").OnClick(func(ctx app.Context, e app.Event) { h.renaming = "" }),
			),
		)
	}
	return item.Body(
		app.H2().Body(app.A().Href(resumeLink(o)).Text(o.Title)),
		app.P().Class("meta").Text(pairLine(o)),
		app.P().Class("meta").Text(startLine(o.StartDate)),
		progressBar(o.Percent(), answeredLine(o)),
		app.Div().Class("actions").Body(
			app.A().Class("button").Href(resumeLink(o)).Text("Open").Aria("label", "Open "+o.Title),
			app.A().Class("button secondary").Href(shareLink(id)).Text("Share").Aria("label", "Share "+o.Title),
			app.A().Class("button secondary").Href(meetingsLink(o.ID)).Text("Weekly 1:1").Aria("label", "Weekly 1:1 of "+o.Title),
			app.Button().Class("secondary").Text("Rename").Aria("label", "Rename "+o.Title).OnClick(func(ctx app.Context, e app.Event) {
				h.renaming, h.newTitle, h.confirm = id, o.Title, ""
				focusLater(ctx, h, "rename-"+id)
			}, id, o.Title),
			app.Button().Class("secondary danger-text").Text("Delete").Aria("label", "Delete "+o.Title).OnClick(func(ctx app.Context, e app.Event) {
				h.confirm, h.renaming = id, ""
				focusLater(ctx, h, "confirm-delete")
			}, id),
		),
	)
}

func (h *home) renderExample() app.UI {
	o := h.example
	return app.Section().Class("example-card card").Body(
		app.H2().Text("The example"),
		app.P().Class("meta").Text(o.Title+" · "+pairLine(o)),
		app.P().Text("A fictional onboarding, filled in. Change anything: it is kept apart from your own onboardings, and you can reset it."),
		app.Div().Class("actions").Body(
			app.A().Class("button").Href(stageLink(onboarding.StageData, o.ID)).Text("Open the example"),
			app.A().Class("button secondary").ID("example-meetings").Href(meetingsLink(o.ID)).Text("Its weekly 1:1"),
			app.Button().Class("secondary").ID("reset-example").Text("Reset the example").OnClick(h.resetExample),
		),
	)
}

func (h *home) renderMessage() app.UI {
	return app.Div().Class("toast").Role("status").Body(
		app.Span().Text(h.message),
		app.If(h.deleted != nil, app.Button().ID("undo-delete").Class("secondary").Text("Undo").OnClick(h.undoDelete)),
	)
}

func (h *home) renderAside() app.UI {
	n := len(h.aside)
	what := words.Count(n, "saved onboarding", "saved onboardings")
	return app.Div().Class("alert").Role("alert").ID("damaged").Body(
		app.P().Text(what+" could not be read: the data in this browser was damaged, perhaps by an extension or a manual edit. It has been kept aside, unchanged, so the rest of Counterpart works. You can download it to recover what is in it, or delete it."),
		app.Ul().Body(app.Range(h.aside).Slice(func(i int) app.UI {
			key := h.aside[i]
			return app.Li().Body(
				app.Button().Class("secondary").Text("Download").OnClick(func(ctx app.Context, e app.Event) {
					if raw, ok := appStore().Raw(key); ok {
						download("counterpart-damaged-"+strconv.Itoa(i+1)+".json", "application/json", raw)
					}
				}, key),
				app.Button().Class("secondary danger-text").Text("Delete for good").OnClick(func(ctx app.Context, e app.Event) {
					appStore().Discard(key)
					h.reload()
				}, key),
			)
		})),
	)
}

// rename and delete read the onboarding afresh, so that they act on what
// is stored now, including edits made in another tab.
func (h *home) rename(ctx app.Context, id string) {
	o, err := appStore().LoadWithoutLog(id)
	if err != nil {
		h.message = "Could not rename: " + err.Error()
		return
	}
	o.Rename(h.newTitle, now())
	if _, err := appStore().Save(o); err != nil {
		h.message = err.Error()
		return
	}
	h.renaming = ""
	h.reload()
}

func (h *home) delete(ctx app.Context, id string) {
	o, err := appStore().Load(id)
	if err != nil {
		h.message = "Could not delete: " + err.Error()
		return
	}
	if err := appStore().Delete(o.ID); err != nil {
		h.message = "Could not delete: " + err.Error()
		return
	}
	h.confirm, h.deleted = "", o
	h.message = "Deleted “" + o.Title + "”."
	h.reload()
	focusLater(ctx, h, "undo-delete")
}

func (h *home) undoDelete(ctx app.Context, e app.Event) {
	if h.deleted == nil {
		return
	}
	if err := appStore().Restore(h.deleted); err != nil {
		h.message = "Could not restore: " + err.Error()
		return
	}
	h.message = "Restored “" + h.deleted.Title + "”."
	h.deleted = nil
	h.reload()
}

func (h *home) openExample(ctx app.Context, e app.Event) {
	if h.example == nil {
		if err := h.saveFreshExample(); err != nil {
			h.message = err.Error()
			return
		}
	}
	ctx.Navigate(stageLink(onboarding.StageData, guide.ExampleID))
}

func (h *home) resetExample(ctx app.Context, e app.Event) {
	appStore().Delete(guide.ExampleID)
	if err := h.saveFreshExample(); err != nil {
		h.message = err.Error()
		return
	}
	h.deleted = nil
	h.message = "The example is back to how it started."
	h.reload()
}

func (h *home) saveFreshExample() error {
	o, err := guide.ExampleOnboarding()
	if err != nil {
		return err
	}
	_, err = appStore().Save(o)
	return err
}

// resumeLink opens an onboarding at its first stage with an open prompt.
func resumeLink(o *onboarding.Onboarding) string {
	for _, p := range o.Progress() {
		if !p.Done() {
			return stageLink(p.Stage, o.ID)
		}
	}
	return stageLink(onboarding.StageData, o.ID)
}

// pairLine says who onboards whom.
func pairLine(o *onboarding.Onboarding) string {
	return personLine(o.Buddy) + " onboarding " + personLine(o.Newcomer)
}

// personLine names a person with their title.
func personLine(p onboarding.Person) string { return words.NameAndRole(p.Name, p.Role) }

// startLine says when the newcomer starts or started.
func startLine(date string) string {
	when := words.Date(date)
	switch {
	case when == "":
		return ""
	case date > today():
		return "Starts " + when
	}
	return "Started " + when
}

// answeredLine says how many prompts have an answer, in words.
func answeredLine(o *onboarding.Onboarding) string {
	answered, total := 0, 0
	for _, p := range o.Progress() {
		answered += p.Answered
		total += p.Total
	}
	return strconv.Itoa(answered) + " of " + strconv.Itoa(total) + " prompts answered"
}
