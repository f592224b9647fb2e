package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pageFocus is the "Skip to content" link at the top of every page, and
// the keeper of the keyboard focus across pages. go-app changes pages
// without loading a new document, so the browser leaves the focus where
// it was, often on a link that is no longer there: a person using the
// keyboard or a screen reader would have to start again from the top
// without being told the page changed. After each navigation the focus
// goes to the new page's heading instead, unless the page itself put it
// somewhere (focusLater), where the work continues.
//
// It sits in layout, so every page gets it without doing anything.
type pageFocus struct {
	app.Compo
	*App
}

// focusState is what the tab knows of the focus across pages.
type focusState struct {
	// lastShown is the path and query of the page on screen, empty before
	// the first page: the first page is the document's own, where the
	// browser starts at the top as it should.
	lastShown string
	// moves counts the times a page moved the focus itself.
	moves int
	// inPageLinks says the listener for links within the page is added:
	// once for the life of the tab.
	inPageLinks bool
	// dropTabIndex is the listener that makes an element unfocusable
	// again, made once (see dropTabIndex).
	dropTabIndex app.Func
}

func (f *pageFocus) Render() app.UI {
	return app.A().ID("skip-link").Class("skip-link").Href("#main").Text("Skip to content")
}

// OnMount starts following links within the page, such as the skip link
// and the links of an error summary.
func (f *pageFocus) OnMount(ctx app.Context) {
	if app.IsServer {
		return
	}
	if !f.focus.inPageLinks {
		f.focus.inPageLinks = true
		followInPageLinks(&f.focus)
	}
}

// OnNav moves the focus to the heading of a page that replaced another.
func (f *pageFocus) OnNav(ctx app.Context) {
	if app.IsServer {
		return // the server renders every page in turn, for no one
	}
	u := ctx.Page().URL()
	here := u.Path + "?" + u.RawQuery
	if f.focus.lastShown == "" || here == f.focus.lastShown {
		f.focus.lastShown = here
		return
	}
	f.focus.lastShown = here
	moves := f.focus.moves
	focusAfterRender(ctx, f, func() {
		if f.focus.moves != moves {
			return // the page chose where the focus goes
		}
		doc := app.Window().Get("document")
		target := doc.Call("querySelector", "main h1")
		if !target.Truthy() {
			target = doc.Call("getElementById", "main")
		}
		if target.Truthy() {
			app.Window().Call("scrollTo", 0, 0)
			focusElement(&f.focus, target)
		}
	})
}

// followInPageLinks handles every click on a link to an element of the
// same page ("#main", "#my-name"): the element gets the focus, not only
// the scroll, so the next Tab goes on from there. The listener runs
// before go-app's own, which would only scroll, and only the first time:
// go-app ignores a second click on a link to where the address already
// points. The address stays as it is, which also keeps the open page's
// "#" for the link it is opening.
func followInPageLinks(fs *focusState) {
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "click", app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("defaultPrevented").Bool() || e.Get("button").Int() != 0 {
			return nil
		}
		a := e.Get("target").Call("closest", "a[href^='#']")
		if !a.Truthy() {
			return nil
		}
		id := a.Call("getAttribute", "href").String()[1:]
		target := doc.Call("getElementById", id)
		if id == "" || !target.Truthy() {
			return nil
		}
		e.Call("preventDefault")
		e.Call("stopPropagation")
		focusElement(fs, target)
		return nil
	}))
}

// focusElement gives the focus to an element and shows it. One that takes
// no focus of its own (a heading, main) takes it from script until it
// loses it, and no longer after: a click on the page's text would
// otherwise land the focus there.
func focusElement(fs *focusState, el app.Value) {
	if el.Get("tabIndex").Int() < 0 && !el.Call("hasAttribute", "tabindex").Bool() {
		el.Call("setAttribute", "tabindex", "-1")
		el.Call("addEventListener", "blur", fs.dropTabIndexFunc(), map[string]any{"once": true})
	}
	el.Call("focus", map[string]any{"preventScroll": true})
	el.Call("scrollIntoView", map[string]any{"block": "nearest"})
}

// dropTabIndexFunc is the listener that makes an element unfocusable
// again. It is made once and kept: each element calls it once, then
// forgets it.
func (fs *focusState) dropTabIndexFunc() app.Func {
	if fs.dropTabIndex == nil {
		fs.dropTabIndex = app.FuncOf(func(this app.Value, args []app.Value) any {
			this.Call("removeAttribute", "tabindex")
			return nil
		})
	}
	return fs.dropTabIndex
}
