package ui

import (
	"fmt"
	"strings"
	"time"

	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// localStorage is the store's Backend in the browser. Every call is
// guarded: the browser throws when storage is full or turned off, and that
// must become an error the page can show, not a crash.
type localStorage struct{}

func (localStorage) js() app.Value {
	return app.Window().Get("localStorage")
}

func guard(err *error) {
	if r := recover(); r != nil {
		*err = &browserError{msg: fmt.Sprint(r)}
	}
}

// browserError is an exception the browser threw at a storage call. Its
// text is the browser's and stays out of what the person reads; a full
// storage is recognised (every browser says "quota": QuotaExceededError,
// NS_ERROR_DOM_QUOTA_REACHED) and reported as store.ErrFull.
type browserError struct{ msg string }

func (e *browserError) Error() string { return e.msg }

// Is makes errors.Is(err, store.ErrFull) true for a full storage.
func (e *browserError) Is(target error) bool {
	return target == store.ErrFull && strings.Contains(strings.ToLower(e.msg), "quota")
}

// Get, Set, Remove and Keys implement store.Backend over window.localStorage.
func (l localStorage) Get(key string) (value string, ok bool, err error) {
	defer guard(&err)
	v := l.js().Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	return v.String(), true, nil
}

func (l localStorage) Set(key, value string) (err error) {
	defer guard(&err)
	l.js().Call("setItem", key, value)
	return nil
}

func (l localStorage) Remove(key string) (err error) {
	defer guard(&err)
	l.js().Call("removeItem", key)
	return nil
}

func (l localStorage) Keys() (keys []string, err error) {
	defer guard(&err)
	s := l.js()
	n := s.Get("length").Int()
	for i := 0; i < n; i++ {
		if k := s.Call("key", i); k.Truthy() {
			keys = append(keys, k.String())
		}
	}
	return keys, nil
}

// storageOffText is what every page says when the browser refuses the
// app its storage.
const storageOffText = "This browser is not letting Counterpart save anything on this device: its storage is turned off for this site, as in some private windows or with strict privacy settings. You can look around and try the example, but what you write here will be gone when you close this tab. To keep your work, allow this site to store data, or open Counterpart in a normal window."

// probeKey is written and removed once per tab to see if saving works.
const probeKey = "counterpart.v1.probe"

// checkStorage reports whether the browser lets the app save, and must run
// before go-app starts: go-app reads window.localStorage as it starts and
// would crash where reading it throws (storage turned off for the site,
// some private windows). There it puts an empty stand-in in its place;
// the App then keeps this tab's data in memory, and every page says so.
func checkStorage() bool {
	readable, writable := probeStorage()
	switch {
	case !readable:
		// What go-app reads: an object with no keys.
		app.Window().Get("Object").Call("defineProperty", app.Window(), "localStorage", map[string]any{"value": map[string]any{}, "configurable": true})
		return false
	case !writable:
		// Reading works but nothing can be written, and nothing is
		// there: the private windows of some browsers.
		return false
	}
	return true
}

// probeStorage tries localStorage. A storage that has data but refuses a
// write is full, not off: it keeps being used, and each save that fails
// says so.
func probeStorage() (readable, writable bool) {
	defer func() { recover() }()
	// Through Reflect.get, a call: Go can recover from a JavaScript
	// exception thrown in a call, while one thrown by a plain property
	// read unwinds through the wasm and ends the program.
	ls := app.Window().Get("Reflect").Call("get", app.Window(), "localStorage")
	if !ls.Truthy() {
		return false, false
	}
	n := ls.Get("length").Int()
	readable = true
	if n > 0 {
		return true, true
	}
	ls.Call("setItem", probeKey, "1")
	ls.Call("removeItem", probeKey)
	return true, true
}

// listenToStorage has the store hear what other tabs write (the
// browser's storage event), for as long as the tab lives: the backup kept
// up to date and the reminder to back up count every change, whichever
// tab made it, and a tab whose code is older than what another tab wrote
// reloads itself, which fetches the new version.
func (a *App) listenToStorage() {
	s := a.store
	s.Heard(a.noteSave)
	if app.IsServer {
		return
	}
	// A listener of the browser's own, not go-app's Window().AddEventListener:
	// the App is made before go-app starts, and go-app's listener needs
	// the page go-app has not mounted yet. Added first, it runs before the
	// pages' own listeners, so the store knows of the write when they read.
	app.Window().Call("addEventListener", "storage", app.FuncOf(func(this app.Value, args []app.Value) any {
		key := args[0].Get("key")
		if !key.Truthy() {
			return nil
		}
		if _, newer := s.Outside(key.String()); newer {
			app.Window().Get("location").Call("reload")
		}
		return nil
	}))
}

// storageNotice is the message every page shows when nothing can be saved,
// and the one thing about keeping the data that needs the person now (see
// keepingBanner). Its container is always there, so the page keeps its
// shape.
func (a *App) storageNotice() app.UI {
	return div("storage-slot",
		app.If(a.storageOff != "", app.Div().Class("alert").Role("alert").ID("storage-off").Text(a.storageOff)),
		&keepingBanner{App: a, Gen: a.keeping.gen},
	)
}

// wallNow is the time by this device's clock, to the millisecond: for
// what a person reads (dates, file names, reminders), never to stamp a
// change.
func wallNow() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }
