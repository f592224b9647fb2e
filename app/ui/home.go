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
	*App

	loaded   bool
	list     []*onboarding.Onboarding
	example  *onboarding.Onboarding
	problems []string // plain-words reasons some records could not be read
	aside    []string // keys of records kept aside
	// seen is, by onboarding ID, the stages each person has opened on
	// this device, for the progress each onboarding shows.
	seen map[string]map[string]store.Opened

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
	h.readSeen()
	ctx.Handle(restoredAction, func(ctx app.Context, a app.Action) { h.reload() })
	h.stopWatch = h.watchStorage(func(key string) {
		ctx.Dispatch(func(ctx app.Context) { h.reload(); h.readSeen() })
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
	s := h.appStore()
	all, errs := s.ListWithoutLog()
	h.example, h.list = guide.SplitExample(all)
	h.problems = nil
	for _, err := range errs {
		var damaged *store.DamagedError
		if errors.As(err, &damaged) {
			continue // shown with the records kept aside
		}
		h.problems = append(h.problems, sentence(err))
	}
	h.aside, _ = s.Aside()
	h.loaded = true
}

// readSeen reads what this device remembers of the stages each person
// has opened, for every onboarding listed.
func (h *home) readSeen() {
	h.seen = map[string]map[string]store.Opened{}
	for _, o := range h.list {
		h.seen[o.ID] = h.appStore().Seen(o.ID)
	}
}

func (h *home) Render() app.UI {
	return h.layout(
		div("page-head",
			app.H1().Text("Your onboardings"),
			div("actions",
				buttonLink("new-onboarding", "button", link(newPath), "New onboarding"),
				button("open-example", "secondary", "Open the example", h.openExample),
				buttonLink("open-link", "button secondary", link(openPath), "Open a link or file"),
			),
		),
		// The same for everyone, so the page the server prerenders shows
		// it before the app has started: it must stay the page's largest
		// text, which is what paints first (see web/app.css).
		app.P().Class("lede").ID("home-intro").Text("An onboarding walks the two of you through five stages: where the real data lives, the first problems, an honest read of the team, how the company runs, and who owns what."),
		framingNote(""),
		// Containers that are always there keep the list from being
		// re-created, and the focus from being lost, when a message comes
		// or goes.
		div("home-status",
			app.If(h.message != "", h.renderMessage()),
			app.Range(h.problems).Slice(func(i int) app.UI {
				return app.Div().Class("alert").Role("alert").Text(h.problems[i])
			}),
			app.If(len(h.aside) > 0, h.renderAside()),
			app.If(h.loaded && len(h.list) == 0, h.renderEmpty()),
		),
		ul("onboardings",
			app.Range(h.list).Slice(func(i int) app.UI { return h.renderItem(h.list[i]) }),
		),
		when(h.example != nil, h.renderExample),
	)
}

func (h *home) renderEmpty() app.UI {
	// Short: a text larger than the introduction would paint only once
	// the app has started, and be the page's largest paint.
	return div("empty",
		para("", "Nothing here yet: start one for your peer, or open the example to see one filled in."),
		app.P().Body(app.Text("From another device? "), app.A().ID("empty-restore").Href(link(yourDataPath)).Text("Restore a backup"), app.Text(".")),
	)
}

func (h *home) renderItem(o *onboarding.Onboarding) app.UI {
	id := o.ID
	// The progress of the person who uses this device.
	progress := o.ProgressOf(o.Me, h.seen[id][o.Me].Has)
	item := app.Li().Class("onboarding card").DataSet("id", id)
	switch {
	case h.confirm == id:
		return item.Body(
			app.P().Role("alert").Body(app.Text("Delete “"), app.Strong().Text(o.Title), app.Text("” and everything written in it?")),
			div("actions",
				button("confirm-delete", "danger", "Delete", func(ctx app.Context, e app.Event) { h.delete(ctx, id) }, id),
				button("", "secondary", "Keep it", func(ctx app.Context, e app.Event) { h.confirm = "" }),
			),
		)
	case h.renaming == id:
		return item.Body(
			&textField{App: h.App, ID: "rename-" + id, Label: "New title", Value: o.Title, Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { h.newTitle = v }},
			div("actions",
				button("save-title", "", "Save title", func(ctx app.Context, e app.Event) { h.rename(ctx, id) }, id),
				button("", "secondary", "Cancel", func(ctx app.Context, e app.Event) { h.renaming = "" }),
			),
		)
	}
	return item.Body(
		app.H2().Body(textLink(resumeAt(o, progress), o.Title)),
		para("meta", pairLine(o)),
		para("meta", startLine(o.StartDate)),
		progressBar(onboarding.Percent(progress), answeredLine(progress)),
		div("actions",
			buttonLink("", "button", resumeAt(o, progress), "Open").Aria("label", "Open "+o.Title),
			buttonLink("", "button secondary", shareLink(id), "Share").Aria("label", "Share "+o.Title),
			buttonLink("", "button secondary", meetingsLink(o.ID), "Weekly 1:1").Aria("label", "Weekly 1:1 of "+o.Title),
			app.Button().Class("secondary").Text("Rename").Aria("label", "Rename "+o.Title).OnClick(func(ctx app.Context, e app.Event) {
				h.renaming, h.newTitle, h.confirm = id, o.Title, ""
				h.focusLater(ctx, h, "rename-"+id)
			}, id, o.Title),
			app.Button().Class("secondary danger-text").Text("Delete").Aria("label", "Delete "+o.Title).OnClick(func(ctx app.Context, e app.Event) {
				h.confirm, h.renaming = id, ""
				h.focusLater(ctx, h, "confirm-delete")
			}, id),
		),
	)
}

func (h *home) renderExample() app.UI {
	o := h.example
	return app.Section().Class("example-card card").Body(
		app.H2().Text("The example"),
		para("meta", o.Title+" · "+pairLine(o)),
		para("", "A fictional onboarding, filled in. Change anything: it is kept apart from your own onboardings, and you can reset it."),
		div("actions",
			buttonLink("", "button", stageLink(onboarding.StageData, o.ID), "Open the example"),
			buttonLink("example-meetings", "button secondary", meetingsLink(o.ID), "Its weekly 1:1"),
			button("reset-example", "secondary", "Reset the example", h.resetExample),
		),
	)
}

func (h *home) renderMessage() app.UI {
	return app.Div().Class("toast").Role("status").Body(
		span("", h.message),
		app.If(h.deleted != nil, button("undo-delete", "secondary", "Undo", h.undoDelete)),
	)
}

func (h *home) renderAside() app.UI {
	n := len(h.aside)
	what := words.Count(n, "saved onboarding", "saved onboardings")
	return app.Div().Class("alert").Role("alert").ID("damaged").Body(
		para("", what+" could not be read: the data in this browser was damaged, perhaps by an extension or a manual edit. It has been kept aside, unchanged, so the rest of Counterpart works. You can download it to recover what is in it, or delete it."),
		ul("", app.Range(h.aside).Slice(func(i int) app.UI {
			key := h.aside[i]
			return app.Li().Body(
				button("", "secondary", "Download", func(ctx app.Context, e app.Event) {
					if raw, ok := h.appStore().Raw(key); ok {
						download("counterpart-damaged-"+strconv.Itoa(i+1)+".json", "application/json", raw)
					}
				}, key),
				button("", "secondary danger-text", "Delete for good", func(ctx app.Context, e app.Event) {
					h.appStore().Discard(key)
					h.reload()
				}, key),
			)
		})),
	)
}

// rename and delete act on what is stored now, including edits made in
// another tab.
func (h *home) rename(ctx app.Context, id string) {
	title := h.newTitle
	if _, err := h.saveChange(id, func(o *onboarding.Onboarding) { o.Rename(title, h.now()) }); err != nil {
		h.message = failed("Could not rename", err)
		return
	}
	h.renaming = ""
	h.reload()
}

func (h *home) delete(ctx app.Context, id string) {
	o, err := h.appStore().Load(id)
	if err != nil {
		h.message = failed("Could not delete", err)
		return
	}
	if err := h.appStore().Delete(o.ID); err != nil {
		h.message = failed("Could not delete", err)
		return
	}
	h.confirm, h.deleted = "", o
	h.message = "Deleted “" + o.Title + "”."
	h.reload()
	h.focusLater(ctx, h, "undo-delete")
}

func (h *home) undoDelete(ctx app.Context, e app.Event) {
	if h.deleted == nil {
		return
	}
	if err := h.appStore().Restore(h.deleted); err != nil {
		h.message = failed("Could not restore", err)
		return
	}
	h.message = "Restored “" + h.deleted.Title + "”."
	h.deleted = nil
	h.reload()
}

func (h *home) openExample(ctx app.Context, e app.Event) {
	if err := guide.OpenExample(h.appStore(), h.example); err != nil {
		h.message = sentence(err)
		return
	}
	ctx.Navigate(stageLink(onboarding.StageData, guide.ExampleID))
}

func (h *home) resetExample(ctx app.Context, e app.Event) {
	if err := guide.ResetExample(h.appStore()); err != nil {
		h.message = failed("Could not reset the example", err)
		return
	}
	h.deleted = nil
	h.message = "The example is back to how it started."
	h.reload()
}

// resumeLink opens an onboarding where its guide is to be picked up.
func resumeLink(o *onboarding.Onboarding) string { return resumeAt(o, o.Progress()) }

// resumeAt opens an onboarding where a person's progress says to pick
// the guide up.
func resumeAt(o *onboarding.Onboarding, progress []onboarding.StageProgress) string {
	return stageLink(onboarding.ResumeStage(progress), o.ID)
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

// answeredLine says how many prompts a person's progress has answered, in
// words.
func answeredLine(progress []onboarding.StageProgress) string {
	answered, total := onboarding.Overall(progress)
	return strconv.Itoa(answered) + " of " + strconv.Itoa(total) + " prompts answered"
}
