package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The browser answers many questions with a promise (the clipboard, files,
// storage, the service worker, the key derivation). Each Go function handed
// to JavaScript must be released once it has run, or it lives as long as
// the page: these two helpers are the only places that make and release
// them for a promise.

// then calls done with a promise's result, once, and fail (if not nil)
// with its error. Both run on the browser's event loop: a change to a page
// goes through ctx.Dispatch, or is dropped.
func then(promise app.Value, done func(app.Value), fail func(app.Value)) {
	var ok, ko app.Func
	release := func() { ok.Release(); ko.Release() }
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		if done != nil {
			done(argOf(args))
		}
		return nil
	})
	ko = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		if fail != nil {
			fail(argOf(args))
		}
		return nil
	})
	promise.Call("then", ok, ko)
}

// wait blocks until a promise settles and returns its result, or its
// error in words. Only code that runs apart from the event loop (in
// ctx.Async) may wait: on the loop, the promise could never settle.
func wait(promise app.Value) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	done := make(chan result, 1)
	then(promise, func(v app.Value) { done <- result{v: v} }, func(e app.Value) {
		msg := "the browser refused"
		if e.Truthy() && e.Get("message").Truthy() {
			msg += ": " + e.Get("message").String()
		}
		done <- result{err: errors.New(msg)}
	})
	r := <-done
	return r.v, r.err
}

// argOf is a callback's first argument; undefined when it has none.
func argOf(args []app.Value) app.Value {
	if len(args) == 0 {
		return app.Undefined()
	}
	return args[0]
}
