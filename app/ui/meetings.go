package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// meetingsPage is the weekly 1:1 of one onboarding: the latest meeting
// with its agenda, notes, decisions and commitments; what goes on the
// next one; the topics that stay open until resolved; and the tally of
// commitments kept. The rules are in package onboarding (oneonones.go).
type meetingsPage struct {
	app.Compo
	opened

	// date is the date chosen for the next 1:1; empty means the next slot.
	date     string
	startErr string
	// Texts being typed in the forms, and what is wrong with them.
	queued, item   string
	who, what, due string
	commitErr      string
	held           map[string]string // shared meeting ID → date typed
	heldErr        map[string]string
	// How many times "Show more" was pressed under the earlier 1:1s and
	// under the commitments: both lists grow with the relationship, so
	// the page shows their latest few first (onboarding.Shown).
	logMore, commitMore int
	send                sendBar
}

func (p *meetingsPage) OnMount(ctx app.Context) { p.mount(ctx, p) }
func (p *meetingsPage) OnDismount()             { p.dismount() }

// OnNav reads the onboarding from ?id=.
func (p *meetingsPage) OnNav(ctx app.Context) {
	if p.held == nil {
		p.held, p.heldErr = map[string]string{}, map[string]string{}
	}
	p.open(ctx, "Weekly 1:1")
}

func (p *meetingsPage) Render() app.UI {
	if p.o == nil {
		return p.renderMissing("Weekly 1:1")
	}
	o := p.o
	latest := o.LatestMeeting()
	return p.layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			textLink(link(homePath), "Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			textLink(stageLink(onboarding.StageData, o.ID), o.Title),
			app.Span().Aria("hidden", true).Text(" › "),
			span("", "Weekly 1:1"),
		),
		div("stage-head",
			app.H1().Text("Weekly 1:1"),
			p.renderWriter(),
		),
		// The 1:1 itself first, and what waits for the next one: what the
		// two open this page for every week. The rest follows.
		p.renderStatus(),
		div("current-slot", when(latest != nil, func() app.UI { return p.renderMeeting(latest) })),
		p.renderNext(latest),
		// After the 1:1, what it changed goes to the other person from
		// here, in one click.
		p.send.render(p.App, p, o),
		div("actions page-links",
			buttonLink("open-document", "button secondary", documentLink(o.ID), "Open the shared document"),
		),
		p.renderTally(),
		p.renderStanding(),
		&checkpointsPanel{App: p.App, O: o, Next: p.nextDate(), Edit: p.edit},
		p.renderShared(),
		p.renderCommitments(),
		p.renderLog(latest),
	)
}

// renderWriter says who is typing: new items and commitments are theirs.
func (p *meetingsPage) renderWriter() app.UI {
	return p.writerChoice(func(person onboarding.Person) string { return person.Name }, nil)
}

func (p *meetingsPage) name(id string) string {
	if person := p.o.PersonByID(id); person != nil {
		return person.Name
	}
	return "someone"
}

// ongoingLinks leads on from the guide and the share page to what the
// pair keeps using once the first weeks are over.
func ongoingLinks(id string) app.UI {
	return app.Nav().Class("ongoing").Aria("label", "After the first two weeks").Body(
		buttonLink("go-meetings", "", meetingsLink(id), "Weekly 1:1"),
		buttonLink("go-document", "", documentLink(id), "Shared document"),
	)
}
