package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderStanding lists the topics that come back until resolved.
func (p *meetingsPage) renderStanding() app.UI {
	o := p.o
	var items []app.UI
	for _, t := range onboarding.StandingTopics(o) {
		id := t.ID
		switch t.Kind {
		case onboarding.TopicProblem:
			items = append(items, app.Li().Class("topic").DataSet("topic", id).Body(
				app.Span().Class("topic-text").Body(
					app.Span().Class("badge").Text("Top problem"),
					app.Text(" "+firstLine(t.Text)),
				),
				app.Button().Class("secondary small").ID("resolve-"+id).Text("Resolved").Aria("label", "Mark “"+firstLine(t.Text)+"” resolved").OnClick(func(ctx app.Context, e app.Event) {
					p.edit(ctx, func(o *onboarding.Onboarding) {
						onboarding.Edit(o.Problems, id, now(), func(x *onboarding.Problem) { x.Resolved = true })
					})
					p.notice = "Marked resolved. It stays on the problems page."
					p.undo = func(o *onboarding.Onboarding) {
						onboarding.Edit(o.Problems, id, now(), func(x *onboarding.Problem) { x.Resolved = false })
					}
				}, id),
			))
		case onboarding.TopicRole:
			owners := []choice{{o.Buddy.ID, o.Buddy.Name}, {o.Newcomer.ID, o.Newcomer.Name}, {string(onboarding.Shared), "Shared"}}
			items = append(items, app.Li().Class("topic").DataSet("topic", id).Body(
				app.Span().Class("topic-text").Body(
					app.Span().Class("badge").Text(t.Verdict.Label()),
					app.Text(" Who owns "+t.Text+"?"),
				),
				selectField("settle-"+id, "Agreed owner", "", owners, func(ctx app.Context, v string) {
					if v == "" {
						return
					}
					p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.Settle(o, id, onboarding.Owner(v), now()) })
					p.notice = "Settled: " + t.Text + "."
					p.undo = func(o *onboarding.Onboarding) { onboarding.Settle(o, id, "", now()) }
				}),
			))
		}
	}
	return app.Section().Class("card standing").ID("standing").Aria("labelledby", "standing-title").Body(
		app.H2().ID("standing-title").Text("Standing topics"),
		app.P().Class("field-hint").Text("Your top problems, and the areas you each answered differently, come back every week until you resolve them."),
		app.Ul().Class("plain").Body(items...),
		app.If(len(items) == 0, app.P().Class("muted").Text("Nothing open.")),
	)
}

// renderShared lets the pair say when a shared meeting took place, so its
// debrief goes on the next 1:1.
func (p *meetingsPage) renderShared() app.UI {
	var items []app.UI
	for _, sm := range p.o.Roles.Cadence.Shared {
		if strings.TrimSpace(sm.Name) == "" {
			continue
		}
		sid, name := sm.ID, sm.Name
		when := p.held[sid]
		if when == "" {
			when = today()
		}
		last := "Not held yet."
		if sm.LastHeld != "" {
			last = "Last held " + words.LongDate(sm.LastHeld) + "."
		}
		if sm.Debrief {
			last += " You talk it over at the next 1:1."
		}
		items = append(items, app.Li().Class("shared-item").DataSet("shared", sid).Body(
			app.H3().Text(name),
			app.P().Class("item-meta").Text(last),
			app.Div().Class("inline-form date-form").Body(
				&textField{ID: "held-" + sid, Label: "Held on", Type: "date", Value: when, Max: 10, Error: p.heldErr[sid],
					OnChange: func(ctx app.Context, v string) { p.held[sid] = v }},
				app.Button().Class("secondary").ID("mark-held-"+sid).Text("Mark as held").Aria("label", "Mark "+name+" as held").OnClick(func(ctx app.Context, e app.Event) {
					when := p.held[sid]
					if when == "" {
						when = today()
					}
					var err error
					p.edit(ctx, func(o *onboarding.Onboarding) { err = onboarding.MarkHeld(o, sid, when, o.CurrentWriter(), now()) })
					if err != nil {
						p.heldErr[sid] = words.Sentence(err.Error())
						return
					}
					delete(p.heldErr, sid)
					p.notice = name + " marked as held on " + words.LongDate(when) + "."
				}, sid, name),
			),
		))
	}
	return app.Section().Class("card shared-meetings").ID("shared-held").Aria("labelledby", "shared-title").Body(
		app.H2().ID("shared-title").Text("Meetings you attend together"),
		app.Ul().Class("plain").Body(items...),
		app.If(len(items) == 0, app.P().Class("muted").Body(
			app.Text("None yet. Add them under "),
			app.A().Href(stageLink(onboarding.StageRoles, p.o.ID)+"#prompt-cadence").Text("Who owns what, cadence"),
			app.Text("."),
		)),
	)
}
