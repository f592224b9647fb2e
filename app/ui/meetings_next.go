package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderNext is what waits for the next 1:1, and the button that starts it.
func (p *meetingsPage) renderNext(latest *onboarding.Meeting) app.UI {
	o := p.o
	date := p.date
	if date == "" {
		date = onboarding.NextSlot(o, today())
	}
	var queued []app.UI
	for _, q := range o.Agenda {
		if q.Done {
			continue
		}
		qid, text := q.ID, q.Text
		queued = append(queued, app.Li().Class("topic").DataSet("queued", qid).Body(
			app.Span().Class("topic-text").Body(
				app.Span().Text(text+" "),
				app.Span().Class("item-meta").Text("raised by "+p.name(q.Author)),
			),
			app.Button().Class("secondary small danger-text").Text("Remove").Aria("label", "Remove "+text).OnClick(func(ctx app.Context, e app.Event) {
				var undo func(*onboarding.Onboarding)
				p.edit(ctx, func(o *onboarding.Onboarding) {
					undo, _ = listOf[onboarding.AgendaItem, *onboarding.AgendaItem]{items: agendaQueue}.remove(o, qid)
				})
				if undo != nil {
					p.notice, p.undo = "Removed “"+text+"” from the next 1:1.", undo
				}
			}, qid, text),
		))
	}
	carried := 0
	if latest != nil && latest.Date < date {
		for _, it := range latest.Items {
			if !it.Done && !o.TopicDone(it.Topic()) {
				carried++
			}
		}
	}
	carryLine := ""
	if carried > 0 {
		carryLine = words.Count(carried, "open item", "open items") + " from the 1:1 of " + words.LongDate(latest.Date) + " will carry forward."
	}
	slot := "the next " + words.Capitalize(o.Roles.Cadence.Day)
	if o.Roles.Cadence.Day == "" {
		slot = "a week after the last one"
	}
	return app.Section().Class("card next").ID("next").Aria("labelledby", "next-title").Body(
		app.H2().ID("next-title").Text("Next 1:1"),
		app.Ul().ID("queued").Body(queued...),
		app.If(len(queued) == 0, app.P().Class("muted").Text("Nothing queued yet.")),
		app.If(carryLine != "", app.P().ID("carry").Text(carryLine)),
		app.Form().Class("inline-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			text := strings.TrimSpace(p.queued)
			if text == "" {
				return
			}
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if q := onboarding.Add(&o.Agenda, o.CurrentWriter(), now()); q != nil {
					q.Text = onboarding.Clip(text, onboarding.MaxText)
				}
			})
			p.queued = ""
			app.Window().GetElementByID("new-queued").Set("value", "")
			focusLater(ctx, p, "new-queued")
		}).Body(
			&textField{ID: "new-queued", Label: "Add a topic for the next 1:1", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.queued = v }},
			app.Button().Type("submit").ID("add-queued").Class("secondary").Text("Add"),
		),
		app.Div().Class("inline-form date-form").Body(
			&textField{ID: "meeting-date", Label: "Date", Type: "date", Value: date, Max: 10, Hint: "It defaults to " + slot + ".", Error: p.startErr,
				OnChange: func(ctx app.Context, v string) { p.date, p.startErr = v, "" }},
			app.Button().ID("start-meeting").Text("Start this 1:1").OnClick(func(ctx app.Context, e app.Event) {
				// Read the date now: the field changes it without
				// rendering this page again.
				date := p.date
				if date == "" {
					date = onboarding.NextSlot(p.o, today())
				}
				var err error
				p.edit(ctx, func(o *onboarding.Onboarding) {
					_, err = onboarding.StartMeeting(o, date, o.CurrentWriter(), now())
				})
				if err != nil {
					p.startErr = words.Sentence(err.Error())
					return
				}
				p.startErr, p.date, p.notice, p.undo = "", "", "", nil
				focusLater(ctx, p, "new-item")
			}),
		),
	)
}
