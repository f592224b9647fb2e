package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shell is the frame every page sits in: the header with the product name,
// the main area, and the footer with the version. It also owns the "new
// version ready" banner, because that must show whatever page is open.
type shell struct {
	app.Compo

	// Title is the page heading, also used for the document title.
	Title string
	// Content is the page's own body.
	Content []app.UI

	updateReady bool
}

func (s *shell) OnMount(ctx app.Context) {
	s.updateReady = ctx.AppUpdateAvailable()
	watchForUpdates(ctx)
}

func (s *shell) OnNav(ctx app.Context) {
	if s.Title != "" {
		ctx.Page().SetTitle(s.Title + " · Counterpart")
	} else {
		ctx.Page().SetTitle("Counterpart")
	}
}

// OnAppUpdate is called by go-app when the service worker has installed a
// newer build of the app.
func (s *shell) OnAppUpdate(ctx app.Context) {
	s.updateReady = ctx.AppUpdateAvailable()
}

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to content"),
		app.Header().Class("shell-header").Body(
			app.A().Class("brand").Href(link("/")).Body(
				app.Img().Class("brand-mark").Src("/web/icon.svg").Alt(""),
				app.Span().Text("Counterpart"),
			),
			app.Nav().Aria("label", "Main").Body(
				app.A().Href(link("/")).Text("Onboardings"),
				app.A().Href(link("/about")).Text("About"),
			),
		),
		app.If(s.updateReady,
			app.Div().Class("update-banner").Role("status").Body(
				app.Span().Text("A new version of Counterpart is ready."),
				app.Button().ID("update-reload").Text("Reload now").OnClick(s.reload),
			),
		),
		app.Main().ID("main").Body(s.Content...),
		app.Footer().Class("shell-footer").Body(
			app.Span().Text("Your answers stay in this browser, on this device."),
			app.Span().ID("app-version").Text("Version "+shortVersion()),
		),
	)
}

func (s *shell) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// shortVersion is the build's content hash, cut to a length a person can
// read out when reporting a problem.
func shortVersion() string {
	v := app.Getenv("GOAPP_VERSION")
	if len(v) > 12 {
		v = v[:12]
	}
	return v
}
