package ui

import (
	"strings"

	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sweepPanel is the sweep of unowned duties: what the previous holder or
// an interim did that no grid lists, who did it and what happens to it
// now, each made an area of the grid in one click (onboarding.AddDutyToGrid).
// Stage 5 shows it under the grid, and the roles-45 checkpoint on the 1:1
// page comes back to it.
type sweepPanel struct {
	app.Compo
	*App

	O    *onboarding.Onboarding
	Edit func(ctx app.Context, change func(*onboarding.Onboarding))
	// Key starts the panel's element IDs.
	Key string

	panelStatus
}

func (c *sweepPanel) Render() app.UI {
	o := c.O
	if o == nil {
		return app.Div()
	}
	title := c.Key + "-title"
	var lis []app.UI
	for i := range o.Duties {
		lis = append(lis, c.duty(&o.Duties[i]))
	}
	return app.Section().Class("sweep card").ID(c.Key).Aria("labelledby", title).Body(
		app.H3().ID(title).Text("What the previous holder or an interim did"),
		para("field-hint", "Whoever held the seat before "+o.Newcomer.Name+", or covered it while it was empty, did things no grid lists: a letter answered every year, a sign-off nobody wrote down. Name each one, who did it, and what happens to it now. Put the ones that need an owner on the grid."),
		app.If(len(lis) == 0, para("muted", "Nothing swept yet.")),
		app.Ul().Class("sweep-duties").Aria("labelledby", title).Body(lis...),
		button(c.Key+"-add", "secondary add", "Add a duty", c.add),
		c.statusLine(c.Key, c.Edit, c.now),
	)
}

// duty is one duty of the sweep, to edit.
func (c *sweepPanel) duty(d *onboarding.Duty) app.UI {
	o := c.O
	id := d.ID
	named := strings.TrimSpace(d.Duty)
	if named == "" {
		named = "this duty"
	}
	set := func(change func(*onboarding.Duty)) func(*onboarding.Onboarding) {
		return func(o *onboarding.Onboarding) { onboarding.Edit(o.Duties, id, c.now(), change) }
	}
	fates := make([]choice, 0, len(onboarding.Fates))
	for _, f := range onboarding.Fates {
		fates = append(fates, choice{Value: string(f), Label: f.Label(o)})
	}
	var grid app.UI
	if o.InGrid(d) {
		grid = para("item-meta in-grid", "On the grid as “"+onboarding.Find(o.Roles.Rows, d.Row).Area+"”.")
	} else {
		grid = button(c.Key+"-grid-"+id, "secondary small", "Add to the grid", func(ctx app.Context, e app.Event) {
			c.toGrid(ctx, id)
		}, id).Aria("label", "Add to the grid: "+named)
	}
	return app.Li().Class("sweep-duty").ID(c.Key+"-duty-"+id).DataSet("fate", string(d.Fate)).Body(
		&textField{App: c.App, ID: c.Key + "-what-" + id, Label: "Duty", Value: d.Duty, Max: onboarding.Limit(d, "Duty"), OnChange: func(ctx app.Context, v string) {
			c.Edit(ctx, set(func(d *onboarding.Duty) { d.Duty = onboarding.Clip(v, onboarding.Limit(d, "Duty")) }))
		}},
		div("row-fields",
			selectField(c.Key+"-by-"+id, "Who did it", string(d.DoneBy), choicesOf(onboarding.DoneBys), func(ctx app.Context, v string) {
				c.Edit(ctx, set(func(d *onboarding.Duty) { d.DoneBy = onboarding.DoneBy(v) }))
			}),
			selectField(c.Key+"-fate-"+id, "What happens to it", string(d.Fate), fates, func(ctx app.Context, v string) {
				c.Edit(ctx, set(func(d *onboarding.Duty) { d.Fate = onboarding.Fate(v) }))
			}),
		),
		app.If(d.Fate == onboarding.ToNamed, &textField{App: c.App, ID: c.Key + "-to-" + id, Label: "Which executive", Value: d.To, Max: onboarding.Limit(d, "To"),
			Hint: "Tell them before the announcement does.", OnChange: func(ctx app.Context, v string) {
				c.Edit(ctx, set(func(d *onboarding.Duty) { d.To = onboarding.Clip(v, onboarding.Limit(d, "To")) }))
			}}),
		div("entry-tools",
			grid,
			app.Button().Class("secondary small danger-text").ID(c.Key+"-remove-"+id).Text("Remove").Aria("label", "Remove "+named).
				OnClick(func(ctx app.Context, e app.Event) { c.remove(ctx, id, named) }, id, named),
		),
	)
}

// add adds an empty duty and puts the cursor in it.
func (c *sweepPanel) add(ctx app.Context, e app.Event) {
	var id string
	var err error
	c.Edit(ctx, func(o *onboarding.Onboarding) { id, err = onboarding.Lists.Duties.Add(o, c.now()) })
	if err != nil {
		c.say(sentence(err), true)
		return
	}
	c.undo = nil
	c.say("", false)
	c.focusLater(ctx, c, c.Key+"-what-"+id)
}

// toGrid makes the duty an area of the grid, once.
func (c *sweepPanel) toGrid(ctx app.Context, id string) {
	var err error
	var area string
	c.Edit(ctx, func(o *onboarding.Onboarding) {
		var row string
		if row, err = onboarding.AddDutyToGrid(o, id, c.now()); err == nil {
			area = onboarding.Find(o.Roles.Rows, row).Area
		}
	})
	c.undo = nil
	if err != nil {
		c.say(sentence(err), true)
		return
	}
	c.say("“"+area+"” is on the grid: each of you answers who owns it there.", false)
	c.focusLater(ctx, c, c.Key+"-remove-"+id)
}

// remove takes a duty off the sweep, with an undo; an area it became
// stays on the grid.
func (c *sweepPanel) remove(ctx app.Context, id, named string) {
	c.removeFrom(ctx, c, c.App, c.Edit, onboarding.Lists.Duties, id, "Removed “"+named+"” from the sweep.", c.Key)
}
