// Command counterpart is Counterpart's one program. Compiled to WebAssembly
// (GOOS=js GOARCH=wasm) it is the app that runs in the browser. Compiled for
// the machine, it serves that app over HTTP, or writes it out as a static
// site for any static host.
package main

import (
	"counterpart/app/ui"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	if app.IsClient {
		// make bench times Go's start (the runtime and every package's
		// init) up to here, and compares it with the bare go-app program.
		app.Window().Get("performance").Call("mark", "go:main")
	}
	// Both builds need the routes: the browser to pick the page for a URL,
	// the server to prerender every page. NewApp runs before go-app
	// starts, which reads the browser's storage.
	ui.Register(ui.NewApp())

	// In the browser this never returns; on the server it returns at once.
	app.RunWhenOnBrowser()

	serve()
}
