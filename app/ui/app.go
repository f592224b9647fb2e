package ui

import (
	"time"

	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// App is what every page of one browser tab shares: the store, whether the
// browser lets it save, the keeping of backups, the keyboard focus across
// pages, and the memories that outlive one page. main makes one with
// NewApp and hands it to Register; the route table gives it to each page
// it makes, and a page hands it to the components it renders (their App
// field). A test makes its own, over a store in memory.
type App struct {
	store *store.Store
	// storageOff says, when it is not empty, why this tab keeps what is
	// written in memory only: the browser refuses its storage to this
	// site. Every page shows it.
	storageOff string
	// otherTabSaves counts the changes other tabs made to localStorage,
	// so that a text field can tell a value that came from another tab
	// from the echo of its own typing.
	otherTabSaves int
	keeping       keepingState
	focus         focusState
	// landed is the link the open page just merged, until the page it
	// lands on picks it up.
	landed *arrival
	// exchange is the last line exchangeNote wrote, with the version of
	// the onboarding it was written for.
	exchange struct{ key, line string }
	// rendered caches text already turned into HTML: a page renders on
	// every keystroke, and most of what it shows has not changed.
	rendered map[string]string
	// watchingForUpdates says the tab already looks for newer builds.
	watchingForUpdates bool
}

// NewApp makes the App of this tab. In the browser it first finds out
// whether the browser lets the app save (checkStorage): call it from main,
// before app.RunWhenOnBrowser. On the server, which prerenders the pages,
// its store is in memory, so pages render (empty) without a browser.
func NewApp() *App {
	a := &App{}
	switch {
	case app.IsServer:
		a.store = store.New(store.NewMemory(), wallNow)
	case !checkStorage():
		a.storageOff = storageOffText
		a.store = store.New(store.NewMemory(), wallNow)
	default:
		a.store = store.New(localStorage{}, wallNow)
	}
	a.listenToStorage()
	return a
}

// newAppOver is an App over a store the caller made: a test's, in memory.
func newAppOver(s *store.Store) *App {
	a := &App{store: s}
	s.Heard(a.noteSave)
	return a
}

// appStore is the one store of this tab.
func (a *App) appStore() *store.Store { return a.store }

// now is the stamp of a change: this device's hybrid logical clock (see
// store.Store.Now), which comes after every stamp this tab has read, and
// names this device. Changes read it inside the function they hand to
// the store, so that a change made again after another tab wrote gets a
// new stamp.
func (a *App) now() time.Time { return a.store.Now() }
