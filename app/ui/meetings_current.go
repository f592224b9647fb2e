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
	for _, c := range p.o.CommitmentsOf(mid) {
		made = append(made, li(p.name(c.Who)+": "+c.What+dueText(c.Due)+" ("+strings.ToLower(c.Status.Label())+")"))
	}
	setMeeting := func(change func(*onboarding.Meeting)) func(*onboarding.Onboarding) {
		return func(o *onboarding.Onboarding) { onboarding.EditMeeting(o, mid, p.now(), change) }
	}
	choices := []choice{{p.o.Buddy.ID, p.o.Buddy.Name}, {p.o.Newcomer.ID, p.o.Newcomer.Name}}
	who := p.who
	if who == "" {
		who = p.o.CurrentWriter()
	}
	return app.Section().Class("card meeting").ID("current").DataSet("date", m.Date).Aria("labelledby", "current-title").Body(
		app.H2().ID("current-title").Text("1:1 of "+words.LongDate(m.Date)),
		h3("Agenda"),
		app.Ul().Class("agenda-items plain").ID("items").Body(items...),
		app.If(len(items) == 0, para("muted", "Nothing on the agenda yet.")),
		p.addForm("inline-form", textField{ID: "new-item", Label: "Add an agenda item", Max: onboarding.MaxShort}, &p.item,
			submitButton("add-item", "Add"),
			func(o *onboarding.Onboarding, text string) error { return onboarding.AddItem(o, mid, text, p.now()) }, mid),
		&textField{App: p.App, ID: "notes-" + mid, Label: "Notes", Value: m.Notes, Long: true, Max: onboarding.MaxText, Markdown: true, OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setMeeting(func(mm *onboarding.Meeting) { mm.Notes = v }))
		}},
		&textField{App: p.App, ID: "decisions-" + mid, Label: "Decisions", Value: m.Decisions, Long: true, Max: onboarding.MaxText, OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setMeeting(func(mm *onboarding.Meeting) { mm.Decisions = v }))
		}},
		h3("Commitments made in this 1:1"),
		app.Ul().ID("made").Body(made...),
		app.Form().Class("commit-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			who := p.who
			if who == "" {
				who = p.o.CurrentWriter()
			}
			var err error
			p.edit(ctx, func(o *onboarding.Onboarding) {
				_, err = onboarding.AddCommitment(o, who, p.what, p.due, mid, o.CurrentWriter(), p.now())
			})
			if err != nil {
				p.commitErr = sentence(err)
				return
			}
			p.commitErr, p.what, p.due = "", "", ""
			app.Window().GetElementByID("commit-what").Set("value", "")
			app.Window().GetElementByID("commit-due").Set("value", "")
			p.focusLater(ctx, p, "commit-what")
		}, mid).Body(
			div("row-fields",
				selectField("commit-who", "Who", who, choices, func(ctx app.Context, v string) { p.who = v }),
				&textField{App: p.App, ID: "commit-what", Label: "What they will do", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.what = v }},
				&textField{App: p.App, ID: "commit-due", Label: "By", Type: "date", Max: 10, OnChange: func(ctx app.Context, v string) { p.due = v }},
			),
			fieldError(p.commitErr),
			submitButton("add-commitment", "Add the commitment"),
		),
		// Removing a 1:1 is rare, and undone in one step: it waits at
		// the end of the 1:1 rather than beside its title.
		div("actions meeting-end",
			button("remove-meeting", "secondary small danger-text", "Remove this 1:1", func(ctx app.Context, e app.Event) {
				var undo onboarding.Undo
				p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = onboarding.RemoveMeeting(o, mid, p.now()) })
				if undo != nil {
					p.did("Removed the 1:1 of "+words.LongDate(m.Date)+". Its open topics are back on the list for the next 1:1.", undo)
					p.date = ""
					p.focusLater(ctx, p, "undo")
				}
			}, mid),
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
	return app.Li().Class(pick(done, "agenda-item done", "agenda-item")).DataSet("item", iid).Body(
		checkbox("done-"+iid, it.Text, done, func(ctx app.Context, v bool) {
			p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.SetItemDone(o, mid, iid, v, p.now()) })
		}),
		app.Span().Class("item-meta").Body(
			app.Text("raised by "+p.name(it.Author)),
			app.If(badge != "", span("badge weeks", badge)),
			app.If(it.Kind() != onboarding.RaisedByPerson, span("badge", string(it.Kind()))),
		),
		p.agreedOwner(it.Source),
		p.renderSettle(it.Source, it.Done),
	)
}

// agreedOwner says who owns the role area an agenda item asks about, once
// the two have agreed it, wherever they did.
func (p *meetingsPage) agreedOwner(source string) app.UI {
	owner, ok := p.o.AgreedOwnerOf(source)
	if !ok {
		return nil
	}
	return app.Span().Class("agreed-owner").Body(app.Text("Agreed owner: "), app.Strong().Text(p.o.OwnerLabel(owner)))
}

// renderSettle lets the pair record the owner they agree on, next to the
// agenda item of a role area (queued or on the 1:1), since the area is not
// listed under the standing topics while it is on the agenda.
func (p *meetingsPage) renderSettle(source string, done bool) app.UI {
	if row := p.o.AreaToSettle(source, done); row != nil {
		return p.settleField(row.ID, row.Area)
	}
	return nil
}
