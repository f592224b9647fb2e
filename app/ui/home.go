package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// scratchKey is where the placeholder note is kept.
const scratchKey = "counterpart.scratch"

// home is the start page. For now it holds one note saved to localStorage,
// which is enough to prove that saving, reloading and offline use work.
type home struct {
	app.Compo

	// saved is the note as loaded. The field shows it once and then belongs
	// to the person typing: go-app trims the value it writes, so writing the
	// value back on every keystroke would eat trailing spaces.
	saved  string
	loaded bool
}

func (h *home) OnMount(ctx app.Context) {
	v := app.Window().Get("localStorage").Call("getItem", scratchKey)
	if v.Truthy() {
		h.saved = v.String()
	}
	h.loaded = true
}

func (h *home) Render() app.UI {
	return &shell{
		Content: []app.UI{
			app.H1().Text("Onboard a new peer executive"),
			app.Label().For("scratch").Text("A first note"),
			app.Textarea().
				ID("scratch").
				Rows(4).
				Disabled(!h.loaded).
				Text(h.saved).
				OnInput(h.onInput),
		},
	}
}

func (h *home) onInput(ctx app.Context, e app.Event) {
	app.Window().Get("localStorage").Call("setItem", scratchKey, ctx.JSSrc().Get("value").String())
}
