// Command bare is the smallest go-app program: one page, one heading. make
// bench builds it next to Counterpart to measure what Counterpart adds to
// the download. It lives under testdata so that ./... never builds it.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello") }

func main() {
	// The only addition to go-app's hello world: make bench times Go's
	// start up to here, as it does in Counterpart's main.
	app.Window().Get("performance").Call("mark", "go:main")
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
}
