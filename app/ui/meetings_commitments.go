package ui

import (
	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (p *meetingsPage) renderTally() app.UI {
	var lines []app.UI
	for _, t := range onboarding.Tallies(p.o, today()) {
		line := app.Li().DataSet("person", t.Person.ID).Body(
			app.Strong().Text(t.Line()),
			app.If(t.Overdue > 0, app.Span().Class("badge overdue").Text(itoa(t.Overdue)+" overdue")),
		)
		lines = append(lines, line)
	}
	return app.Section().Class("card tally").ID("tally").Aria("labelledby", "tally-title").Body(
		app.H2().ID("tally-title").Text("Commitments kept"),
		app.Ul().Class("plain").Body(lines...),
		app.P().Class("field-hint").Text("Due counts what was kept, what was missed, and what is still open past its date. Dropped commitments are not counted."),
	)
}

func (p *meetingsPage) renderCommitments() app.UI {
	o := p.o
	day := today()
	statuses := make([]choice, 0, len(onboarding.Statuses))
	for _, s := range onboarding.Statuses {
		statuses = append(statuses, choice{string(s), s.Label()})
	}
	var rows []app.UI
	for _, c := range o.Commitments {
		cid, what := c.ID, c.What
		rows = append(rows, app.Li().Class("commitment status-"+string(c.Status)).DataSet("commitment", cid).Body(
			app.Div().Class("commitment-text").Body(
				app.Strong().Text(p.name(c.Who)+": "),
				app.Span().Text(c.What),
				app.Span().Class("due").Text(dueText(c.Due)+" "),
				app.If(c.Overdue(day), app.Span().Class("badge overdue").Text("overdue")),
			),
			app.Div().Class("commitment-tools").Body(
				selectField("status-"+cid, "Status", string(c.Status), statuses, func(ctx app.Context, v string) {
					if onboarding.Status(v).Label() == "" {
						return
					}
					p.edit(ctx, func(o *onboarding.Onboarding) {
						onboarding.Edit(o.Commitments, cid, now(), func(x *onboarding.Commitment) { x.Status = onboarding.Status(v) })
					})
				}),
				app.Button().Class("secondary small danger-text").Text("Remove").Aria("label", "Remove the commitment "+what).OnClick(func(ctx app.Context, e app.Event) {
					var undo func(*onboarding.Onboarding)
					p.edit(ctx, func(o *onboarding.Onboarding) {
						undo, _ = listOf[onboarding.Commitment, *onboarding.Commitment]{items: commitments}.remove(o, cid)
					})
					if undo != nil {
						p.notice, p.undo = "Removed the commitment “"+what+"”.", undo
					}
				}, cid, what),
			),
		))
	}
	return app.Section().Class("card commitments").ID("commitments").Aria("labelledby", "commitments-title").Body(
		app.H2().ID("commitments-title").Text("All commitments"),
		app.Ul().Class("plain").Body(rows...),
		app.If(len(rows) == 0, app.P().Class("muted").Text("None yet. Commitments are made in a 1:1: start one above.")),
	)
}

func dueText(due string) string {
	if d := words.LongDate(due); d != "" {
		return ", by " + d
	}
	return ""
}
