package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// notFound is shown for any path no page claims, such as a mistyped link.
type notFound struct {
	app.Compo
	*App
}

func (n *notFound) OnNav(ctx app.Context) { setTitle(ctx, "Page not found") }

func (n *notFound) Render() app.UI {
	return n.layout(
		app.H1().Text("This page does not exist"),
		app.P().Body(
			app.Text("The link may be mistyped or from a newer version of Counterpart. "),
			textLink(link(homePath), "Go to your onboardings"),
			app.Text("."),
		),
	)
}
