package ui

import (
	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// nextDate is the date chosen for the next 1:1, or its default slot.
func (p *meetingsPage) nextDate() string {
	if p.date != "" {
		return p.date
	}
	return onboarding.NextSlot(p.o, today())
}

// renderNext is what waits for the next 1:1, and the button that starts it.
func (p *meetingsPage) renderNext(latest *onboarding.Meeting) app.UI {
	o := p.o
	date := p.nextDate()
	var queued []app.UI
	for _, q := range o.Queued() {
		qid, text := q.ID, q.Text
		queued = append(queued, app.Li().Class("topic").DataSet("queued", qid).Body(
			app.Span().Class("topic-text").Body(
				span("", text+" "),
				span("item-meta", "raised by "+p.name(q.Author)),
			),
			p.renderSettle(q.Source, q.Done),
			p.removeButton("secondary small danger-text", "Remove "+text, onboarding.Lists.Agenda, qid, "Removed “"+text+"” from the next 1:1."),
		))
	}
	carryLine := ""
	if from, carried := onboarding.Carried(o, date); len(carried) > 0 {
		carryLine = words.Count(len(carried), "open item", "open items") + " from the 1:1 of " + words.LongDate(from.Date) + " will carry forward."
	}
	slot := "the next " + words.Capitalize(o.Roles.Cadence.Day)
	if o.Roles.Cadence.Day == "" {
		slot = "a week after the last one"
	}
	return card("next", "card next", "Next 1:1",
		app.Ul().ID("queued").Body(queued...),
		app.If(len(queued) == 0, para("muted", "Nothing queued yet.")),
		app.If(carryLine != "", app.P().ID("carry").Text(carryLine)),
		p.addForm("inline-form", textField{ID: "new-queued", Label: "Add a topic for the next 1:1", Max: onboarding.MaxShort}, &p.queued,
			submitButton("add-queued", "Add").Class("secondary"),
			func(o *onboarding.Onboarding, text string) error { return onboarding.QueueTopic(o, text, p.now()) }),
		p.renderStart(latest, date, slot),
	)
}

// renderStart is the date of the next 1:1 and the button that starts it.
// Right after a 1:1 is started, the next one is not due: the page says
// when it is, and keeps the form behind a disclosure for a 1:1 on
// another date.
func (p *meetingsPage) renderStart(latest *onboarding.Meeting, date, slot string) app.UI {
	form := div("inline-form date-form",
		&textField{App: p.App, ID: "meeting-date", Label: "Date", Type: "date", Value: date, Max: 10, Hint: "It defaults to " + slot + ".", Error: p.startErr,
			OnChange: func(ctx app.Context, v string) { p.date, p.startErr = v, "" }},
		button("start-meeting", "", "Start this 1:1", func(ctx app.Context, e app.Event) {
			// Read the date now: the field changes it without
			// rendering this page again.
			date := p.nextDate()
			var err error
			p.edit(ctx, func(o *onboarding.Onboarding) {
				_, err = onboarding.StartMeeting(o, date, o.CurrentWriter(), p.now())
			})
			if err != nil {
				p.startErr = sentence(err)
				return
			}
			p.startErr, p.date = "", ""
			p.did("", nil)
			p.focusLater(ctx, p, "new-item")
		}),
	)
	if onboarding.StartDue(p.o, today()) || p.startErr != "" {
		return form
	}
	return div("next-due",
		app.P().ID("next-due").Text("The 1:1 of "+words.LongDate(latest.Date)+" is the one above. The next is on "+words.LongDate(date)+": start it here once this one is past."),
		app.Details().ID("start-other").Body(
			app.Summary().Text("Start a 1:1 on another date"),
			form,
		),
	)
}
