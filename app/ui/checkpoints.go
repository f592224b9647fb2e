package ui

import (
	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// checkpointsPanel is the "first ninety days" part of the weekly 1:1
// page: the brief the first checkpoints ask the newcomer to write, and
// where each checkpoint stands. The rules (which checkpoint is due when,
// and which 1:1 takes it) are in package onboarding (checkpoints.go);
// the words are content/checkpoints.md.
type checkpointsPanel struct {
	app.Compo
	*App

	O *onboarding.Onboarding
	// Next is the date of the next 1:1, for "goes on the next 1:1".
	Next string
	Edit func(ctx app.Context, change func(*onboarding.Onboarding))

	// Which checkpoint tools are open, and which were ever opened (see
	// tool), by the ID of their fold.
	opened, made map[string]bool
}

func (c *checkpointsPanel) Render() app.UI {
	o := c.O
	if o == nil {
		return app.Div()
	}
	if c.opened == nil {
		c.opened, c.made = map[string]bool{}, map[string]bool{}
	}
	g := guide.CheckpointGuide()
	brief := func(id, label, value, hint string, set func(*onboarding.Brief, string)) app.UI {
		return &textField{App: c.App, ID: id, Label: label, Value: value, Long: true, Max: onboarding.MaxText, Hint: hint, OnChange: func(ctx app.Context, v string) {
			c.Edit(ctx, func(o *onboarding.Onboarding) {
				o.EditBrief(o.CurrentWriter(), c.now(), func(b *onboarding.Brief) { set(b, v) })
			})
		}}
	}
	situations := make([]choice, 0, len(onboarding.Situations))
	for _, s := range onboarding.Situations {
		situations = append(situations, choice{Value: string(s), Label: s.Label()})
	}
	var items []app.UI
	for _, s := range onboarding.CheckpointStates(o, c.Next) {
		text, _ := g.Section(s.ID)
		items = append(items, app.Li().Class("checkpoint").DataSet("checkpoint", s.ID).Body(
			app.P().Class("checkpoint-head").Body(
				app.Strong().Text(text.Title),
				app.Span().Class("item-meta").Text(" · "+checkpointDay(s)),
			),
			app.P().Class("item-meta checkpoint-status").Text(words.Capitalize(checkpointStatus(s))+"."),
			app.Details().Body(
				app.Summary().Text("What to talk about"),
				c.md(text.Body),
			),
			c.tool(s.ID),
		))
	}
	return app.Section().Class("card checkpoints").ID("checkpoints").Aria("labelledby", "checkpoints-title").Body(
		app.H2().ID("checkpoints-title").Text(g.Title),
		app.Div().Class("guidance").Body(c.md(g.Intro)),
		app.Div().Class("brief").Body(
			brief("brief-hired", "What did the CEO say "+o.Newcomer.Name+" was hired to fix?", o.Brief.HiredToFix,
				"In the newcomer's words, in the first week.", func(b *onboarding.Brief, v string) { b.HiredToFix = v }),
			selectField("brief-situation", "Which situation is this?", string(o.Brief.Situation), situations, func(ctx app.Context, v string) {
				c.Edit(ctx, func(o *onboarding.Onboarding) {
					o.EditBrief(o.CurrentWriter(), c.now(), func(b *onboarding.Brief) { b.Situation = onboarding.Situation(v) })
				})
			}),
			brief("brief-why", "What makes it that situation?", o.Brief.Why, "", func(b *onboarding.Brief, v string) { b.Why = v }),
			brief("brief-now", "What does the job look like now?", o.Brief.JobNow,
				"At day 45 and day 90: read the first answer again, then write what has changed.", func(b *onboarding.Brief, v string) { b.JobNow = v }),
		),
		&planPanel{App: c.App, O: o, Edit: c.Edit, Key: "plan"},
		app.Ol().Class("checkpoint-list").Body(items...),
	)
}

// tool is what a checkpoint asks the pair to make, where it has one: the
// one page for the CEO at `ceo`, the announcement of the split at
// `announce`, the plan to review at day 45 and day 90, and the sweep of
// unowned duties again at `roles-45`. Each is folded, and made only once
// it is opened: together they were most of the page's first render (some
// 6,000 calls into JavaScript), for forms a person opens at one
// checkpoint each. Once opened, a tool stays made when it is folded
// again, so that nothing typed in it is lost; its forms' labels are not
// found by the browser's find-in-page until then, which costs little, as
// the summary names the tool.
func (c *checkpointsPanel) tool(id string) app.UI {
	var summary, key string
	var build func() app.UI
	switch id {
	case "ceo":
		summary, key = "The one page for the CEO", "checkpoint-ceo"
		build = func() app.UI { return &ceoStep{App: c.App, O: c.O, Edit: c.Edit} }
	case "hired-to-fix-45", "hired-to-fix-90":
		summary, key = "Review the plan", "checkpoint-"+id
		build = func() app.UI {
			return &planPanel{App: c.App, O: c.O, Edit: c.Edit, Key: "plan-" + id, Review: true}
		}
	case "roles-45":
		summary, key = "What the previous holder or an interim did", "checkpoint-roles-45"
		build = func() app.UI { return &sweepPanel{App: c.App, O: c.O, Edit: c.Edit, Key: "sweep-45"} }
	case "announce":
		summary, key = "Write the announcement", "checkpoint-announce"
		build = func() app.UI { return &announcePanel{App: c.App, O: c.O, Edit: c.Edit} }
	default:
		return nil
	}
	return app.Details().Class("checkpoint-tool").ID(key).Open(c.opened[key]).
		OnToggle(func(ctx app.Context, e app.Event) {
			open := ctx.JSSrc().Get("open").Bool()
			if open != c.opened[key] {
				c.opened[key] = open
				c.made[key] = c.made[key] || open
			}
		}, key).
		Body(
			app.Summary().Text(summary),
			when(c.made[key], build),
		)
}

// checkpointDay says when a checkpoint falls, such as "day 45, Wednesday
// 16 December 2026".
func checkpointDay(s onboarding.CheckpointState) string {
	day := "day " + itoa(s.Day)
	if s.Working {
		day = "working day " + itoa(s.Day)
	}
	if s.Date == "" {
		return day
	}
	return day + ", " + words.LongDate(s.Date)
}

// checkpointStatus says where a checkpoint stands, in words.
func checkpointStatus(s onboarding.CheckpointState) string {
	switch {
	case s.Done:
		return "talked over at the 1:1 of " + words.LongDate(s.Meeting.Date)
	case s.Meeting != nil:
		return "on the agenda of the 1:1 of " + words.LongDate(s.Meeting.Date)
	case s.Next:
		return "goes on the next 1:1"
	case s.Skipped:
		return "skipped: a later checkpoint asks it again"
	}
	return "to come"
}
