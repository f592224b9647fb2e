package ui

import (
	"fmt"
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
		*err = fmt.Errorf("%v", r)
	}
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

var theStore *store.Store

// appStore is the one store of this tab. Server-side prerendering gets a
// store in memory, so pages render (empty) without a browser.
func appStore() *store.Store {
	if theStore == nil {
		var b store.Backend = localStorage{}
		if app.IsServer {
			b = store.NewMemory()
		}
		theStore = store.New(b, now)
	}
	return theStore
}

// now is the time used to stamp changes.
func now() time.Time { return time.Now() }
