package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// notFound is shown for any path no page claims, such as a mistyped link.
type notFound struct{ textPage }

func newNotFound(a *App) app.Composer {
	return &notFound{textPage{App: a, title: "Page not found", body: notFoundBody}}
}

func notFoundBody() []app.UI {
	return []app.UI{
		app.H1().Text("This page does not exist"),
		app.P().Body(
			app.Text("The link may be mistyped or from a newer version of Counterpart. "),
			textLink(link(homePath), "Go to your onboardings"),
			app.Text("."),
		),
	}
}
