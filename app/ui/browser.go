package ui

import (
	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// watchOnboarding calls reload with the ID of the onboarding on screen
// (shown returns it, or nil) whenever another tab saves it, and returns a
// function that stops watching.
func (a *App) watchOnboarding(ctx app.Context, shown func() *onboarding.Onboarding, reload func(id string)) func() {
	return a.watchStorage(func(key string) {
		if id, ok := store.IDOfKey(key); ok {
			if o := shown(); o != nil && o.ID == id {
				ctx.Dispatch(func(app.Context) { reload(id) })
			}
		}
	})
}

// watchStorage calls changed with the key whenever another tab changes
// localStorage, and returns a function that stops watching.
func (a *App) watchStorage(changed func(key string)) func() {
	if app.IsServer {
		return func() {}
	}
	return app.Window().AddEventListener("storage", func(ctx app.Context, e app.Event) {
		if key := e.Get("key"); key.Truthy() {
			a.otherTabSaves++
			changed(key.String())
		}
	})
}

// focusLater moves the keyboard focus to an element once the page has
// rendered it, so that keyboard users land where the action continues.
// The page component anchors the wait: the element that received the event
// may itself be replaced by that render, and go-app drops work whose
// source is gone.
func (a *App) focusLater(ctx app.Context, page app.Composer, id string) {
	focusAfterRender(ctx, page, func() {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
			a.focus.moves++
		}
	})
}

// focusAfterRender runs move, which puts the focus somewhere, once the
// page has rendered its pending changes, unless the person has put the
// focus elsewhere in the meantime. On a slow device the render can come
// well after the click; a person who has clicked into the next field and
// typed on would have their keys land where the page chose, and a space
// on a button presses it. Every focus a page moves after a render goes
// through here. The focus counts as still where it was when it is on the
// same element, or on none (the body: the render removed the element).
func focusAfterRender(ctx app.Context, page app.Composer, move func()) {
	doc := app.Window().Get("document")
	before := doc.Get("activeElement")
	afterRender(ctx, page, func() {
		now := doc.Get("activeElement")
		if now.Truthy() && !now.Equal(before) && !now.Equal(doc.Get("body")) {
			return
		}
		move()
	})
}

// afterRender runs fn once the page has rendered its pending changes.
// To move the focus, use focusAfterRender.
func afterRender(ctx app.Context, page app.Composer, fn func()) {
	ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Defer, Source: page, Function: func(app.Context) { fn() }})
}

// download hands the browser a file made in the page. Nothing is sent
// anywhere: the file is built from a Blob in memory.
func download(name, mime, content string) {
	blob := app.Window().Get("Blob").New([]any{content}, map[string]any{"type": mime})
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	a := app.Window().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	app.Window().Get("URL").Call("revokeObjectURL", url)
}

// readChosenFile reads the file a person picked in an <input type=file>
// as text, and calls done with it. Nothing is uploaded: the browser hands
// the file's content to the page.
func readChosenFile(ctx app.Context, input app.Value, done func(text string)) {
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	then(files.Index(0).Call("text"), func(v app.Value) {
		text := v.String()
		ctx.Dispatch(func(app.Context) { done(text) })
	}, nil)
	input.Set("value", "") // choosing the same file again fires a change
}

// printPage opens the browser's print dialog, for paper or a PDF.
func printPage(ctx app.Context, e app.Event) { app.Window().Call("print") }
