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
}

// agendaQueue and commitments point the generic list code at the 1:1's
// lists, so removing one gets the same tombstone and undo as any entry.
func agendaQueue(o *onboarding.Onboarding) *[]onboarding.AgendaItem { return &o.Agenda }
func commitments(o *onboarding.Onboarding) *[]onboarding.Commitment { return &o.Commitments }

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
	return layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			app.A().Href(link(homePath)).Text("Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			app.A().Href(stageLink(onboarding.StageData, o.ID)).Text(o.Title),
			app.Span().Aria("hidden", true).Text(" › "),
			app.Span().Text("Weekly 1:1"),
		),
		app.Div().Class("stage-head").Body(
			app.H1().Text("Weekly 1:1"),
			p.renderWriter(),
		),
		app.P().Class("lead").Text("An hour a week, around one shared document. Topics either of you raise carry forward until they are done, and the tally shows how each of you keeps the commitments you make."),
		app.Div().Class("actions").Body(
			app.A().Class("button secondary").ID("open-document").Href(documentLink(o.ID)).Text("Open the shared document"),
			app.A().Class("button secondary").ID("share-onboarding").Href(shareLink(o.ID)).Text("Share with "+o.Other(o.Me).Name),
		),
		exchangeNote(o),
		p.renderStatus(),
		p.renderTally(),
		app.Div().Class("current-slot").Body(when(latest != nil, func() app.UI { return p.renderMeeting(latest) })),
		p.renderNext(latest),
		p.renderStanding(),
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
