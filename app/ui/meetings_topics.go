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
					span("badge", "Top problem"),
					app.Text(" "+words.Title(t.Text)),
				),
				app.Button().Class("secondary small").ID("resolve-"+id).Text("Resolved").Aria("label", "Mark “"+words.Title(t.Text)+"” resolved").OnClick(func(ctx app.Context, e app.Event) {
					var undo onboarding.Undo
					p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = onboarding.ResolveProblem(o, id, p.now()) })
					p.did("Marked resolved. It stays on the problems page.", undo)
				}, id),
			))
		case onboarding.TopicRole:
			items = append(items, app.Li().Class("topic").DataSet("topic", id).Body(
				app.Span().Class("topic-text").Body(
					span("badge", t.Verdict.Label()),
					app.Text(" Who owns "+t.Text+"?"),
				),
				p.settleField(id, t.Text),
			))
		}
	}
	return card("standing", "card standing", "Standing topics",
		para("field-hint", "Your top problems, and the areas you each answered differently, come back every week until you resolve them."),
		ul("plain", items...),
		app.If(len(items) == 0, para("muted", "Nothing open.")),
	)
}

// settleField records the owner agreed for a role area.
func (p *meetingsPage) settleField(rowID, area string) app.UI {
	o := p.o
	owners := []choice{{o.Buddy.ID, o.Buddy.Name}, {o.Newcomer.ID, o.Newcomer.Name}, {string(onboarding.Shared), "Shared"}}
	return selectField("settle-"+rowID, "Agreed owner", "", owners, func(ctx app.Context, v string) {
		if v == "" {
			return
		}
		var undo onboarding.Undo
		p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = onboarding.Settle(o, rowID, onboarding.Owner(v), p.now()) })
		p.did("Settled: "+area+".", undo)
	})
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
			h3(name),
			para("item-meta", last),
			div("inline-form date-form",
				&textField{App: p.App, ID: "held-" + sid, Label: "Held on", Type: "date", Value: when, Max: 10, Error: p.heldErr[sid],
					OnChange: func(ctx app.Context, v string) { p.held[sid] = v }},
				app.Button().Class("secondary").ID("mark-held-"+sid).Text("Mark as held").Aria("label", "Mark as held: "+name).OnClick(func(ctx app.Context, e app.Event) {
					when := p.held[sid]
					if when == "" {
						when = today()
					}
					var err error
					p.edit(ctx, func(o *onboarding.Onboarding) { err = onboarding.MarkHeld(o, sid, when, o.CurrentWriter(), p.now()) })
					if err != nil {
						p.heldErr[sid] = sentence(err)
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
		ul("plain", items...),
		app.If(len(items) == 0, app.P().Class("muted").Body(
			app.Text("None yet. Add them under "),
			textLink(stageLink(onboarding.StageRoles, p.o.ID)+"#prompt-cadence", "Who owns what, cadence"),
			app.Text("."),
		)),
	)
}
