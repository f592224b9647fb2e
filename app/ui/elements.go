package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Builders for the elements the pages repeat most. Each is one call where
// a chain of go-app calls would be several: Go compiles every call of a
// chain into the wasm at every place it is written, so a page written with
// these downloads about a third of the code (measured: 2.5 KB against
// 7.8 KB for ten nested elements).

// div is a <div> with a class ("" for none).
func div(class string, body ...app.UI) app.UI { return app.Div().Class(class).Body(body...) }

// para is a paragraph of text with a class ("" for none).
func para(class, text string) app.UI { return app.P().Class(class).Text(text) }

// span is a span of text with a class ("" for none).
func span(class, text string) app.UI { return app.Span().Class(class).Text(text) }

// li is a list item of text.
func li(text string) app.UI { return app.Li().Text(text) }

// textItems is a list item for each text.
func textItems(texts []string) []app.UI {
	out := make([]app.UI, len(texts))
	for i, t := range texts {
		out[i] = li(t)
	}
	return out
}

// ul is a list with a class ("" for none).
func ul(class string, items ...app.UI) app.UI { return app.Ul().Class(class).Body(items...) }

// h3 is a third-level heading.
func h3(text string) app.UI { return app.H3().Text(text) }

// card is a section of a page with its heading: the section is labelled by
// the heading, whose ID is the section's followed by "-title".
func card(id, class, title string, body ...app.UI) app.UI {
	return app.Section().Class(class).ID(id).Aria("labelledby", id+"-title").Body(
		append([]app.UI{app.H2().ID(id + "-title").Text(title)}, body...)...,
	)
}

// button is a button with a class and a click handler. scope is the data
// the handler captures (see the note on handlers in controls.go); id may
// be "".
func button(id, class, text string, onClick app.EventHandler, scope ...any) app.HTMLButton {
	b := app.Button().Class(class).Text(text).OnClick(onClick, scope...)
	if id != "" {
		b = b.ID(id)
	}
	return b
}

// submitButton is the button that sends a form.
func submitButton(id, text string) app.HTMLButton {
	return app.Button().Type("submit").ID(id).Text(text)
}

// buttonLink is a link with a class (such as "button", which makes it look
// like one) and an ID; either may be "".
func buttonLink(id, class, href, text string) app.HTMLA {
	a := app.A().Class(class).Href(href).Text(text)
	if id != "" {
		a = a.ID(id)
	}
	return a
}

// textLink is a plain link.
func textLink(href, text string) app.HTMLA { return app.A().Href(href).Text(text) }

// pick is a if cond holds, else b: a class or a label that depends on
// state.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
