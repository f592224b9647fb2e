package ui

import (
	"strings"
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
	noticeLateUpdates()
}

// noticeLateUpdates announces a newer build that go-app's own notice
// missed. go-app announces one only as the new worker finishes installing,
// to a tab already listening; a tab opened during an update loads the old
// build from the old worker, and its Go code starts after that moment, at
// times after the new worker has taken it over too. Without this, the
// person works on in the old build, and nothing says so. So a tab the
// service worker controls announces a newer worker waiting or installing
// when it starts, a new worker taking control of it later, and a newer
// build found in control once a worker finishes activating. A tab no
// worker controlled at its start was loaded from the network, the newest
// build, and has nothing to reload for.
func noticeLateUpdates() {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() || !sw.Get("controller").Truthy() {
		return
	}
	sw.Call("addEventListener", "controllerchange", app.FuncOf(func(app.Value, []app.Value) any {
		announceUpdate()
		return nil
	}))
	announceIfTakenOver()
	then(sw.Call("getRegistration"), func(reg app.Value) {
		if !reg.Truthy() {
			return
		}
		// A worker that finishes installing is newer than the build this
		// tab runs. One that finishes activating has dropped the caches
		// of older builds: the tab's own is then gone if it is one.
		watch := func(w app.Value) {
			if !w.Truthy() {
				return
			}
			w.Call("addEventListener", "statechange", app.FuncOf(func(app.Value, []app.Value) any {
				switch w.Get("state").String() {
				case "installed":
					announceUpdate()
				case "activated":
					announceIfTakenOver()
				}
				return nil
			}))
		}
		if reg.Get("waiting").Truthy() {
			announceUpdate()
		}
		watch(reg.Get("installing"))
		watch(reg.Get("waiting"))
		if active := reg.Get("active"); active.Truthy() && active.Get("state").String() != "activated" {
			watch(active)
		}
		reg.Call("addEventListener", "updatefound", app.FuncOf(func(app.Value, []app.Value) any {
			watch(reg.Get("installing"))
			return nil
		}))
	}, nil)
}

// announceIfTakenOver announces a newer build if one has taken this tab
// over (see takenOver).
func announceIfTakenOver() {
	then(app.Window().Get("caches").Call("keys"), func(keys app.Value) {
		names := make([]string, keys.Length())
		for i := range names {
			names[i] = keys.Index(i).String()
		}
		if takenOver(names, app.Getenv("GOAPP_VERSION")) {
			announceUpdate()
		}
	}, nil)
}

// takenOver tells from the names of the browser's caches whether a newer
// build than version is in control. The worker of each build keeps its
// files in a cache named for the build (WorkerCachePrefix and the
// version), and drops the others as it takes over: the cache of another
// build and none of this one's means a newer worker is in control. With
// no cache at all (the browser evicted them) it cannot tell, and says no.
func takenOver(caches []string, version string) bool {
	mine, other := false, false
	for _, name := range caches {
		switch {
		case name == WorkerCachePrefix+version:
			mine = true
		case strings.HasPrefix(name, WorkerCachePrefix):
			other = true
		}
	}
	return other && !mine
}

// WorkerCachePrefix begins the name of the cache where the service worker
// of each build keeps its files; the build's version ends it. The worker
// (cmd/counterpart/app-worker.js) names its cache so, and a test there
// checks it.
const WorkerCachePrefix = "counterpart-"

// announceUpdate tells go-app a newer build is ready, as its own notice
// does: the shell's banner shows. Announcing twice shows it once.
func announceUpdate() {
	app.Window().Call("goappOnUpdate")
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
