package ui

import (
	"counterpart/app/guide"
	"counterpart/app/markdown"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// rendered caches text already turned into HTML: a page renders on every
// keystroke, and most of what it shows has not changed.
var rendered = map[string]string{}

// md shows text as formatted HTML: the guide's own text as it was
// rendered when the app was built, anything else as typed text read the
// safe way package markdown reads it. It is the one way pages show such
// text.
func md(source string) app.UI {
	html, ok := rendered[source]
	if !ok {
		if html, ok = guide.HTML(source); !ok {
			html = markdown.ToHTML(source)
		}
		if len(rendered) > 2000 {
			rendered = map[string]string{}
		}
		rendered[source] = html
	}
	return app.Raw(html)
}
