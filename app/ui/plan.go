package ui

import (
	"strings"
	"time"

	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// planPanel is the newcomer's plan for the first ninety days, next to the
// brief on the 1:1 page: items by day 30, 60 and 90, each with how it is
// going, drafted from the brief and the problems' first steps
// (onboarding.DraftPlan) and then edited. With Review set it is the
// day-45 or day-90 checkpoint's look at the same plan: each item with its
// status, to change there.
type planPanel struct {
	app.Compo
	*App

	O    *onboarding.Onboarding
	Edit func(ctx app.Context, change func(*onboarding.Onboarding))
	// Key starts the panel's element IDs: the plan and its reviews are on
	// one page.
	Key    string
	Review bool

	panelStatus
	// editing holds the items open for editing; the others read as one
	// line each, so that a plan of a dozen items fits on a phone.
	editing map[string]bool
}

func (c *planPanel) Render() app.UI {
	o := c.O
	if o == nil {
		return app.Div()
	}
	if c.Review {
		return c.review()
	}
	title := c.Key + "-title"
	body := []app.UI{
		app.H3().ID(title).Text(o.Newcomer.Name + "'s plan for the first ninety days"),
		para("field-hint", "What "+o.Newcomer.Name+" means to have learned by day 30, decided by day 60 and changed by day 90. Draft it from the brief and the problems' first steps, then make each item your own: the draft is a start, not the plan. It goes on the page for the CEO, and day 45 and day 90 come back to it."),
		app.P().Body(button(c.Key+"-draft", "secondary", "Draft from the brief and problems", c.draft)),
	}
	for _, d := range onboarding.PlanDays {
		items := onboarding.PlanOf(o, d, false)
		var lis []app.UI
		for _, it := range items {
			lis = append(lis, c.item(it))
		}
		body = append(body, app.Div().Class("plan-day").DataSet("day", string(d)).Body(
			app.H4().ID(c.Key+"-day-"+string(d)).Text(d.Label()),
			app.If(len(lis) == 0, para("muted", "Nothing planned yet.")),
			app.Ul().Class("plan-items").Aria("labelledby", c.Key+"-day-"+string(d)).Body(lis...),
			button(c.Key+"-add-"+string(d), "secondary small", "Add an item "+strings.ToLower(d.Label()), func(ctx app.Context, e app.Event) {
				c.add(ctx, d)
			}, d),
		))
	}
	body = append(body, c.statusLine(c.Key, c.Edit, c.now))
	return app.Div().Class("plan").ID(c.Key).Aria("labelledby", title).Body(body...)
}

// item is one item of the plan: one line with how it is going and an
// Edit button, or, open for editing, its fields.
func (c *planPanel) item(it *onboarding.PlanItem) app.UI {
	id := it.ID
	named := strings.TrimSpace(it.Text)
	if named == "" {
		named = "this item"
	}
	li := app.Li().Class("plan-item").ID(c.Key+"-item-"+id).DataSet("progress", string(it.Progress))
	if !c.editing[id] {
		return li.Body(
			div("plan-line",
				span("badge plan-progress progress-"+string(it.Progress), it.Progress.Label()),
				span("plan-text", pick(strings.TrimSpace(it.Text) == "", "Nothing written yet.", it.Text)),
				app.Button().Class("secondary small").ID(c.Key+"-edit-"+id).Text("Edit").Aria("label", "Edit "+named).
					OnClick(func(ctx app.Context, e app.Event) { c.open(ctx, id, true) }, id),
			),
		)
	}
	return li.Class("plan-item editing").Body(
		&textField{App: c.App, ID: c.Key + "-text-" + id, Label: "What", Value: it.Text, Max: onboarding.Limit(it, "Text"), OnChange: func(ctx app.Context, v string) {
			c.Edit(ctx, func(o *onboarding.Onboarding) {
				onboarding.Edit(o.Plan, id, c.now(), func(it *onboarding.PlanItem) { it.Text = onboarding.Clip(v, onboarding.Limit(it, "Text")) })
			})
		}},
		div("row-fields",
			selectField(c.Key+"-by-"+id, "By", string(it.By), choicesOf(onboarding.PlanDays), func(ctx app.Context, v string) {
				if onboarding.PlanDay(v).Label() == "" {
					return
				}
				c.Edit(ctx, func(o *onboarding.Onboarding) {
					onboarding.Edit(o.Plan, id, c.now(), func(it *onboarding.PlanItem) { it.By = onboarding.PlanDay(v) })
				})
				c.focusLater(ctx, c, c.Key+"-by-"+id)
			}),
			c.progress(c.Key+"-progress-"+id, "How it is going", it),
		),
		div("entry-tools",
			app.Button().Class("secondary small").ID(c.Key+"-done-"+id).Text("Done").Aria("label", "Done editing "+named).
				OnClick(func(ctx app.Context, e app.Event) { c.open(ctx, id, false) }, id),
			app.Button().Class("secondary small danger-text").ID(c.Key+"-remove-"+id).Text("Remove").Aria("label", "Remove "+named).
				OnClick(func(ctx app.Context, e app.Event) { c.remove(ctx, id, named) }, id, named),
		),
	)
}

// open opens an item for editing, or closes it, and keeps the focus on
// the item.
func (c *planPanel) open(ctx app.Context, id string, on bool) {
	if c.editing == nil {
		c.editing = map[string]bool{}
	}
	c.editing[id] = on
	c.focusLater(ctx, c, pick(on, c.Key+"-text-"+id, c.Key+"-edit-"+id))
}

// progress is the select of how an item is going.
func (c *planPanel) progress(id, label string, it *onboarding.PlanItem) app.UI {
	item := it.ID
	return selectField(id, label, string(it.Progress), choicesOf(onboarding.PlanProgresses), func(ctx app.Context, v string) {
		c.Edit(ctx, func(o *onboarding.Onboarding) { onboarding.SetProgress(o, item, onboarding.PlanProgress(v), c.now()) })
	})
}

// review is the plan at a checkpoint: each item, by milestone, with the
// select of how it is going, labelled by the item itself.
func (c *planPanel) review() app.UI {
	o := c.O
	var body []app.UI
	for _, d := range onboarding.PlanDays {
		items := onboarding.PlanOf(o, d, false)
		if len(items) == 0 {
			continue
		}
		var lis []app.UI
		for _, it := range items {
			text := strings.TrimSpace(it.Text)
			if text == "" {
				text = "An item with nothing written"
			}
			lis = append(lis, app.Li().Class("plan-item").DataSet("progress", string(it.Progress)).Body(
				c.progress(c.Key+"-progress-"+it.ID, text, it),
			))
		}
		body = append(body, app.Div().Class("plan-day").Body(
			app.H4().ID(c.Key+"-day-"+string(d)).Text(d.Label()),
			app.Ul().Class("plan-items").Aria("labelledby", c.Key+"-day-"+string(d)).Body(lis...),
		))
	}
	if len(body) == 0 {
		body = append(body, para("muted", "No plan yet: draft it next to the brief, above."))
	} else {
		body = append([]app.UI{para("field-hint", "Mark what is done, what is at risk and what you dropped, and say why at the 1:1. Edit the items themselves next to the brief, above.")}, body...)
	}
	return app.Div().Class("plan plan-review").ID(c.Key).Body(body...)
}

// draft adds the suggested items, and says how many, or why none.
func (c *planPanel) draft(ctx app.Context, e app.Event) {
	var added int
	var err error
	can := onboarding.CanDraftPlan(c.O)
	c.Edit(ctx, func(o *onboarding.Onboarding) { added, err = onboarding.DraftPlan(o, o.CurrentWriter(), c.now()) })
	c.undo = nil
	switch {
	case err != nil:
		c.say(sentence(err), true)
	case !can:
		c.say("Nothing to draft from yet: write what "+c.O.Newcomer.Name+" was hired to fix and the situation above, or the top problems on stage 2.", true)
	case added == 0:
		c.say("Nothing new to add: the plan already holds every suggestion from the brief and the problems, or you removed it.", false)
	case added == 1:
		c.say("Added 1 item to the plan. Edit it to make it yours.", false)
	default:
		c.say("Added "+itoa(added)+" items to the plan. Edit them to make them yours.", false)
	}
}

// add adds an empty item by day d and puts the cursor in it.
func (c *planPanel) add(ctx app.Context, d onboarding.PlanDay) {
	var id string
	var err error
	c.Edit(ctx, func(o *onboarding.Onboarding) { id, err = onboarding.AddPlanItem(o, d, c.now()) })
	if err != nil {
		c.say(sentence(err), true)
		return
	}
	c.open(ctx, id, true)
}

// remove takes an item off the plan, with an undo.
func (c *planPanel) remove(ctx app.Context, id, named string) {
	c.removeFrom(ctx, c, c.App, c.Edit, onboarding.Lists.Plan, id, "Removed “"+named+"” from the plan.", c.Key)
}

// panelStatus is what the plan's and the sweep's panels say about the
// last action, with the undo of a removal while it is on offer.
type panelStatus struct {
	status string
	failed bool
	undo   onboarding.Undo
}

func (s *panelStatus) say(msg string, failed bool) { s.status, s.failed = msg, failed }

// removeFrom takes the entry id off the list through edit, says so with
// the undo on offer, and moves the focus to the Undo button of the panel
// whose IDs start with key.
func (s *panelStatus) removeFrom(ctx app.Context, panel app.Composer, a *App, edit func(ctx app.Context, change func(*onboarding.Onboarding)), list onboarding.List, id, said, key string) {
	var undo onboarding.Undo
	edit(ctx, func(o *onboarding.Onboarding) { undo, _ = list.Remove(o, id, a.now()) })
	s.undo = undo
	s.say(said, false)
	a.focusLater(ctx, panel, key+"-undo")
}

// statusLine is the status line, with the Undo button; edit applies the
// undo through the store's one write path.
func (s *panelStatus) statusLine(key string, edit func(ctx app.Context, change func(*onboarding.Onboarding)), now func() time.Time) app.UI {
	return app.P().ID(key+"-status").Class(pick(s.failed, "field-error", "item-meta")).Role("status").Body(
		app.Text(s.status),
		app.If(s.undo != nil, app.Text(" "), button(key+"-undo", "secondary small", "Undo", func(ctx app.Context, e app.Event) {
			if undo := s.undo; undo != nil {
				s.undo = nil
				edit(ctx, func(o *onboarding.Onboarding) { undo(o, now()) })
				s.say("Put back.", false)
			}
		})),
	)
}
