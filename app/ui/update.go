package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// defaultUpdateCheck is how often an open tab asks whether a newer build has
// been published. The server can shorten it (its -update-check flag) so the
// browser tests need not wait half an hour.
const defaultUpdateCheck = 30 * time.Minute

// watchForUpdates asks the browser to look for a newer service worker every
// so often, when the tab comes back into view and when the network returns.
// The browser already checks on every page load; these checks are for a tab
// that stays open for days. When a newer worker is installed, go-app calls
// OnAppUpdate on the mounted components and the shell shows its banner.
func (a *App) watchForUpdates(ctx app.Context) {
	if a.watchingForUpdates || app.IsServer {
		return
	}
	a.watchingForUpdates = true

	every, err := time.ParseDuration(app.Getenv("COUNTERPART_UPDATE_CHECK"))
	if err != nil || every <= 0 {
		every = defaultUpdateCheck
	}

	check := app.FuncOf(func(app.Value, []app.Value) any {
		checkForUpdate()
		return nil
	})
	app.Window().Call("addEventListener", "online", check)
	app.Window().Get("document").Call("addEventListener", "visibilitychange", check)

	ctx.Async(func() {
		for range time.Tick(every) {
			ctx.Dispatch(func(app.Context) { checkForUpdate() })
		}
	})
}

// checkForUpdate asks the service worker registration to fetch the worker
// script again. A failure (offline, server down) is expected and silent: the
// next check will try again.
func checkForUpdate() {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	then(sw.Call("getRegistration"), func(reg app.Value) {
		if reg.Truthy() {
			then(reg.Call("update"), nil, nil)
		}
	}, nil)
}
