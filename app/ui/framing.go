package ui

import (
	"counterpart/app/guide"
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// framingPage shows content/framing.md: what the buddy takes on, why it
// falls to a peer, where the buddy's part ends, and what it means for the
// newcomer.
type framingPage struct {
	app.Compo
	*App
	id string
}

func (p *framingPage) OnNav(ctx app.Context) {
	p.id = ctx.Page().URL().Query().Get("id")
	if !onboarding.IsID(p.id) {
		p.id = ""
	}
	setTitle(ctx, guide.Framing().Title)
}

func (p *framingPage) Render() app.UI {
	f := guide.Framing()
	points := make([]app.UI, 0, len(f.Sections))
	for _, s := range f.Sections {
		points = append(points, app.Section().Class("card framing-point").ID("point-"+s.ID).Aria("labelledby", "point-"+s.ID+"-title").Body(
			app.H2().ID("point-"+s.ID+"-title").Text(s.Title),
			p.md(s.Body),
		))
	}
	next := app.A().Class("button").ID("framing-next").Href(link(newPath)).Text("Start an onboarding")
	if p.id != "" {
		next = app.A().Class("button").ID("framing-next").Href(stageLink(onboarding.StageData, p.id)).Text("Go to stage one")
	}
	return p.layout(
		app.H1().Text(f.Title),
		app.Div().Class("guidance lead").Body(p.md(f.Intro)),
		app.Div().Class("framing").Body(points...),
		app.Div().Class("actions").Body(next),
	)
}

// framingNote points to the framing page from the home page and the
// first stage. It says whom the page is for, as the page itself does: the
// buddy, but for its last section, which is the newcomer's.
func framingNote(id string) app.UI {
	f := guide.Framing()
	return app.P().Class("framing-note").Body(
		app.Strong().Text("Before you start: "),
		app.A().ID("go-framing").Href(framingLink(id)).Text("“"+f.Title+"”"),
		app.Text(" is mostly for the buddy: what they take on, and where their part ends. Its last section is for the newcomer. Five minutes."),
	)
}
