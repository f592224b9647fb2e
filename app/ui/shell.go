package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// layout is the frame every page sits in: the header with the product name,
// the main area and the footer with the version.
//
// It is a function, not a component, on purpose: a component that takes
// the page's content as a field would compare the whole page with
// reflect.DeepEqual on every render, and go-app filters such a slice in
// place, which corrupts it once it holds an If or a Range.
func (a *App) layout(content ...app.UI) app.UI {
	return div("shell",
		&pageFocus{App: a},
		app.Header().Class("shell-header").Body(
			app.A().Class("brand").Href(link(homePath)).Body(
				app.Img().Class("brand-mark").Src("/web/icon.svg").Alt(""),
				span("", "Counterpart"),
			),
			app.Nav().Aria("label", "Main").Body(
				textLink(link(homePath), "Onboardings"),
				textLink(link(yourDataPath), "Your data"),
				textLink(link(aboutPath), "About"),
			),
		),
		&updateBanner{App: a},
		a.storageNotice(),
		app.Main().ID("main").Body(content...),
		app.Footer().Class("shell-footer").Body(
			span("", "Your answers stay in this browser, on this device."),
			app.Span().ID("app-version").Text("Version "+shortVersion()),
		),
	)
}

// setTitle names the page in the browser's tab and history.
func setTitle(ctx app.Context, title string) {
	if title == "" {
		ctx.Page().SetTitle("Counterpart")
		return
	}
	ctx.Page().SetTitle(title + " · Counterpart")
}

// updateBanner tells the person that a newer build is ready, whatever page
// is open, and offers to reload.
type updateBanner struct {
	app.Compo
	*App

	ready bool
}

// OnMount shows an update found before this page mounted, and starts
// looking for newer builds.
func (b *updateBanner) OnMount(ctx app.Context) {
	b.ready = ctx.AppUpdateAvailable()
	b.watchForUpdates(ctx)
}

// OnAppUpdate is called by go-app when the service worker has installed a
// newer build of the app.
func (b *updateBanner) OnAppUpdate(ctx app.Context) {
	b.ready = ctx.AppUpdateAvailable()
}

func (b *updateBanner) Render() app.UI {
	if !b.ready {
		return app.Div().Class("update-slot")
	}
	return app.Div().Class("update-slot update-banner").Role("status").Body(
		span("", "A new version of Counterpart is ready."),
		button("update-reload", "", "Reload now", func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
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

// when renders only if cond holds. go-app's If builds its elements even
// when the condition is false, which breaks on nil data.
func when(cond bool, render func() app.UI) app.UI {
	if !cond {
		return nil
	}
	return render()
}
