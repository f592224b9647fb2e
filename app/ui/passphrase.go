package ui

import (
	"strings"

	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// passphraseField is where a link's passphrase is chosen: a strong one is
// suggested, ready to copy and send another way, and a person may type
// their own instead. What makes one strong enough is share's rule; this
// only shows it.
type passphraseField struct {
	app.Compo

	ID       string
	Error    string
	Disabled bool
	// OnChange gets the passphrase whenever it changes, suggested or typed.
	OnChange func(ctx app.Context, passphrase string)

	value  string
	status string
}

// OnMount suggests a passphrase.
func (f *passphraseField) OnMount(ctx app.Context) { f.suggest(ctx) }

func (f *passphraseField) suggest(ctx app.Context) {
	p, err := share.NewPassphrase()
	if err != nil {
		f.status = "No passphrase could be suggested here: type one of your own."
		return
	}
	f.value, f.status = p, ""
	if el := app.Window().GetElementByID(f.ID); el.Truthy() {
		el.Set("value", p)
	}
	if f.OnChange != nil {
		f.OnChange(ctx, p)
	}
}

func (f *passphraseField) Render() app.UI {
	hintID := f.ID + "-hint"
	return div("field passphrase-field",
		app.Label().For(f.ID).Text("Passphrase"),
		div("inline-form",
			passphraseInput(f.ID, hintID, f.Error != "", func(ctx app.Context, v string) {
				f.value, f.status = v, ""
				if f.OnChange != nil {
					f.OnChange(ctx, v)
				}
			}),
			app.Button().Type("button").Class("secondary").ID(f.ID+"-copy").Text("Copy the passphrase").Disabled(f.Disabled).OnClick(func(ctx app.Context, e app.Event) {
				copyText(ctx, f.value, func(msg string) {
					if strings.HasPrefix(msg, "Copied") {
						msg = "Copied. Send it another way than the link: by phone, or in a different app."
					}
					f.status = msg
				})
			}),
			app.Button().Type("button").Class("secondary").ID(f.ID+"-new").Text("Other words").Disabled(f.Disabled).OnClick(func(ctx app.Context, e app.Event) {
				f.suggest(ctx)
			}),
		),
		app.Div().ID(hintID).Body(
			app.If(f.Error != "", app.P().Class("field-error").Role("alert").ID(f.ID+"-error").Text(f.Error)),
			app.P().Class("field-hint").Role("status").ID(f.ID+"-status").Text(f.status),
			para("field-hint", "Five random words, suggested by this device: use them, or type at least four words of your own. Words from the EFF's word list (CC BY 3.0)."),
		),
	)
}

// passphraseInput is a field for a passphrase, shown as typed so that it
// can be checked against what was said over the phone. Browsers must not
// remember it or offer it elsewhere, and phones must not capitalise or
// correct it: capitals and spaces count.
func passphraseInput(id, describedBy string, invalid bool, onInput func(ctx app.Context, v string)) app.UI {
	return app.Input().Type("text").ID(id).
		AutoComplete(false).
		Spellcheck(false).
		Attr("autocapitalize", "none").
		Attr("autocorrect", "off").
		MaxLength(200).
		Aria("describedby", describedBy).
		Aria("invalid", invalid).
		OnInput(func(ctx app.Context, e app.Event) { onInput(ctx, ctx.JSSrc().Get("value").String()) })
}
