package ui

import (
	"counterpart/app/guide"
	"counterpart/app/markdown"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// md shows text as formatted HTML: the guide's own text as it was
// rendered when the app was built, anything else as typed text read the
// safe way package markdown reads it. It is the one way pages show such
// text.
func (a *App) md(source string) app.UI {
	html, ok := a.rendered[source]
	if !ok {
		if html, ok = guide.HTML(source); !ok {
			html = markdown.ToHTML(source)
		}
		if a.rendered == nil || len(a.rendered) > 2000 {
			a.rendered = map[string]string{}
		}
		a.rendered[source] = html
	}
	return app.Raw(html)
}
