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
			app.If(t.Overdue > 0, span("badge past-due", itoa(t.Overdue)+" past due")),
		)
		lines = append(lines, line)
	}
	return card("tally", "card tally", "Commitments kept",
		ul("plain", lines...),
		para("field-hint", "Due counts what was kept, what was missed, and what is still open past its date. Dropped commitments are not counted."),
	)
}

func (p *meetingsPage) renderCommitments() app.UI {
	o := p.o
	day := today()
	statuses := make([]choice, 0, len(onboarding.Statuses))
	for _, s := range onboarding.Statuses {
		statuses = append(statuses, choice{string(s), s.Label()})
	}
	// The latest few and every open one, in the order they were made;
	// older closed ones one press away above them, where they come before.
	shown, earlier := onboarding.CommitmentsShown(o.Commitments, p.commitMore)
	var rows []app.UI
	for _, i := range shown {
		c := o.Commitments[i]
		cid, what := c.ID, c.What
		rows = append(rows, app.Li().Class("commitment status-"+string(c.Status)).DataSet("commitment", cid).Body(
			div("commitment-text",
				app.Strong().Text(p.name(c.Who)+": "),
				span("", c.What),
				span("due", dueText(c.Due)+" "),
				app.If(c.Overdue(day), span("badge past-due", "past due")),
			),
			div("commitment-tools",
				selectField("status-"+cid, "Status", string(c.Status), statuses, func(ctx app.Context, v string) {
					p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.SetStatus(o, cid, onboarding.Status(v), p.now()) })
				}),
				p.removeButton("secondary small danger-text", "Remove the commitment "+what, onboarding.Lists.Commitments, cid, "Removed the commitment “"+what+"”."),
			),
		))
	}
	return card("commitments", "card commitments", "All commitments",
		when(earlier > 0, func() app.UI {
			return div("actions",
				button("more-commitments", "secondary", "Show "+words.Count(min(earlier, onboarding.MoreShown), "earlier commitment", "earlier commitments")+" (of "+itoa(earlier)+")", func(ctx app.Context, e app.Event) {
					p.commitMore++
				}),
			)
		}),
		ul("plain", rows...),
		app.If(len(rows) == 0, para("muted", "None yet. Commitments are made in a 1:1: start one above.")),
	)
}

func dueText(due string) string {
	if d := words.LongDate(due); d != "" {
		return ", by " + d
	}
	return ""
}
