package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The latest 1:1, open for writing: its agenda, notes, decisions and the
// commitments made in it.

// renderMeeting is the latest 1:1, open for writing.
func (p *meetingsPage) renderMeeting(m *onboarding.Meeting) app.UI {
	mid := m.ID
	var items []app.UI
	for _, it := range m.Items {
		items = append(items, p.renderItem(m, it))
	}
	var made []app.UI
	for _, c := range p.o.Commitments {
		if c.Meeting == mid {
			made = append(made, app.Li().Text(p.name(c.Who)+": "+c.What+dueText(c.Due)+" ("+strings.ToLower(c.Status.Label())+")"))
		}
	}
	setMeeting := func(change func(*onboarding.Meeting)) func(*onboarding.Onboarding) {
		return func(o *onboarding.Onboarding) { onboarding.Edit(o.Meetings, mid, now(), change) }
	}
	choices := []choice{{p.o.Buddy.ID, p.o.Buddy.Name}, {p.o.Newcomer.ID, p.o.Newcomer.Name}}
	who := p.who
	if who == "" {
		who = p.o.CurrentWriter()
	}
	return app.Section().Class("card meeting").ID("current").DataSet("date", m.Date).Aria("labelledby", "current-title").Body(
		app.Div().Class("prompt-head").Body(
			app.H2().ID("current-title").Text("1:1 of "+words.LongDate(m.Date)),
			app.Button().Class("secondary danger-text").ID("remove-meeting").Text("Remove this 1:1").OnClick(func(ctx app.Context, e app.Event) {
				var undo func(*onboarding.Onboarding)
				p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = onboarding.RemoveMeeting(o, mid, now()) })
				if undo != nil {
					p.undo, p.notice = undo, "Removed the 1:1 of "+words.LongDate(m.Date)+". Its open topics are back on the list for the next 1:1."
					p.date = ""
					focusLater(ctx, p, "undo")
				}
			}, mid),
		),
		app.H3().Text("Agenda"),
		app.Ul().Class("agenda-items plain").ID("items").Body(items...),
		app.If(len(items) == 0, app.P().Class("muted").Text("Nothing on the agenda yet.")),
		app.Form().Class("inline-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			text := strings.TrimSpace(p.item)
			if text == "" {
				return
			}
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if mm := onboarding.Find(o.Meetings, mid); mm != nil {
					if it := onboarding.Add(&mm.Items, o.CurrentWriter(), now()); it != nil {
						it.Text, it.Raised = onboarding.Clip(text, onboarding.MaxText), mm.Date
					}
				}
			})
			p.item = ""
			app.Window().GetElementByID("new-item").Set("value", "")
			focusLater(ctx, p, "new-item")
		}, mid).Body(
			&textField{ID: "new-item", Label: "Add an agenda item", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.item = v }},
			app.Button().Type("submit").ID("add-item").Text("Add"),
		),
		&textField{ID: "notes-" + mid, Label: "Notes", Value: m.Notes, Long: true, Max: onboarding.MaxText, Markdown: true, OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setMeeting(func(mm *onboarding.Meeting) { mm.Notes = onboarding.Clip(v, onboarding.MaxText) }))
		}},
		&textField{ID: "decisions-" + mid, Label: "Decisions", Value: m.Decisions, Long: true, Max: onboarding.MaxText, Markdown: true, OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setMeeting(func(mm *onboarding.Meeting) { mm.Decisions = onboarding.Clip(v, onboarding.MaxText) }))
		}},
		app.H3().Text("Commitments made in this 1:1"),
		app.Ul().ID("made").Body(made...),
		app.Form().Class("commit-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			who := p.who
			if who == "" {
				who = p.o.CurrentWriter()
			}
			var err error
			p.edit(ctx, func(o *onboarding.Onboarding) {
				_, err = onboarding.AddCommitment(o, who, p.what, p.due, mid, o.CurrentWriter(), now())
			})
			if err != nil {
				p.commitErr = words.Sentence(err.Error())
				return
			}
			p.commitErr, p.what, p.due = "", "", ""
			app.Window().GetElementByID("commit-what").Set("value", "")
			app.Window().GetElementByID("commit-due").Set("value", "")
			focusLater(ctx, p, "commit-what")
		}, mid).Body(
			app.Div().Class("row-fields").Body(
				selectField("commit-who", "Who", who, choices, func(ctx app.Context, v string) { p.who = v }),
				&textField{ID: "commit-what", Label: "What they will do", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.what = v }},
				&textField{ID: "commit-due", Label: "By", Type: "date", Max: 10, OnChange: func(ctx app.Context, v string) { p.due = v }},
			),
			fieldError(p.commitErr),
			app.Button().Type("submit").ID("add-commitment").Text("Add the commitment"),
		),
	)
}

func (p *meetingsPage) renderItem(m *onboarding.Meeting, it onboarding.MeetingItem) app.UI {
	mid, iid := m.ID, it.ID
	weeks := onboarding.WeeksOpen(it, m.Date)
	done := it.Done
	badge := ""
	if weeks > 0 {
		badge = "open " + words.Count(weeks, "week", "weeks")
	}
	return app.Li().Class(map[bool]string{true: "agenda-item done", false: "agenda-item"}[done]).DataSet("item", iid).Body(
		checkbox("done-"+iid, it.Text, done, func(ctx app.Context, v bool) {
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if mm := onboarding.Find(o.Meetings, mid); mm != nil {
					onboarding.Edit(mm.Items, iid, now(), func(x *onboarding.MeetingItem) { x.Done = v })
				}
			})
		}),
		app.Span().Class("item-meta").Body(
			app.Text("raised by "+p.name(it.Author)),
			app.If(badge != "", app.Span().Class("badge weeks").Text(badge)),
			app.If(strings.HasPrefix(it.Source, "roles:"), app.Span().Class("badge").Text("role")),
			app.If(strings.HasPrefix(it.Source, "debrief:"), app.Span().Class("badge").Text("debrief")),
		),
	)
}
