package ui

import (
	"counterpart/app/markdown"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// rendered caches Markdown already turned into HTML: the guide's text is
// the same on every render, and a page renders on every keystroke.
var rendered = map[string]string{}

// md shows Markdown, rendered safely (see package markdown).
func md(source string) app.UI {
	html, ok := rendered[source]
	if !ok {
		html = markdown.ToHTML(source)
		if len(rendered) > 2000 {
			rendered = map[string]string{}
		}
		rendered[source] = html
	}
	return app.Raw(html)
}
