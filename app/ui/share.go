package ui

import (
	"strings"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/share"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sharePage makes the link that carries an onboarding to the other
// person's device, and the file for when the link is too long.
type sharePage struct {
	app.Compo
	opened

	passphrase string // as typed
	lockedWith string // the passphrase the link is locked with, if any
	fragment   string
	busy       string // what is being done, while the key is derived
	status     string // after copying or downloading
	err        string
}

// OnNav loads the onboarding from ?id= and makes its plain link.
func (p *sharePage) OnNav(ctx app.Context) {
	p.open(ctx, "Share")
	p.passphrase, p.lockedWith, p.status, p.err = "", "", "", ""
	if p.o != nil {
		p.encode(ctx, "")
	}
}

// encode makes the link, locked if a passphrase is given. Locking takes
// about a second on purpose, so it runs after the page says so.
func (p *sharePage) encode(ctx app.Context, passphrase string) {
	o := p.o
	if passphrase == "" {
		p.fragment, p.err = encodeOrErr(o, "")
		p.lockedWith = ""
		return
	}
	p.busy = "Locking the link…"
	ctx.Async(func() {
		time.Sleep(30 * time.Millisecond) // let the page show it is busy
		frag, err := encodeOrErr(o, passphrase)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy, p.fragment, p.err, p.lockedWith = "", frag, err, passphrase
		})
	})
}

func encodeOrErr(o *onboarding.Onboarding, passphrase string) (string, string) {
	frag, err := share.Encode(o, passphrase)
	if err != nil {
		return "", "The link could not be made: " + err.Error()
	}
	return frag, ""
}

// fullLink is the link as the other person receives it.
func (p *sharePage) fullLink() string {
	if p.fragment == "" || app.IsServer {
		return ""
	}
	origin := app.Window().Get("location").Get("origin").String()
	return share.Link(origin+strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/"), p.fragment)
}

func (p *sharePage) Render() app.UI {
	if p.o == nil {
		return p.renderMissing("Share")
	}
	o := p.o
	me := o.PersonByID(o.Me)
	other := o.Other(o.Me)
	withheld := share.Withheld(o)
	kept := "Everything you wrote goes in it."
	if withheld > 0 {
		kept = words.Count(withheld, "private entry stays", "private entries stay") + " on this device."
	}
	return layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			app.A().Href(link(homePath)).Text("Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			app.A().Href(resumeLink(o)).Text(o.Title),
		),
		app.H1().Text("Share with "+other.Name),
		app.P().Class("lede").Text("Send this link to "+other.Name+". Opening it shows "+other.Name+" what it holds and merges it into their copy, on their device. "+kept+" The link carries the onboarding itself: no server ever receives it, and there is no account."),
		app.P().Class("muted").Text("Sent as "+me.Name+". When "+other.Name+" has added to it, they send you a link back the same way."),
		app.Div().Class("share-status").Body(
			app.If(p.err != "", app.Div().Class("alert").Role("alert").ID("share-error").Text(p.err)),
		),
		p.renderLink(),
		p.renderLock(),
		app.Section().Class("card share-file").Body(
			app.H2().Text("As a file"),
			app.P().Text("For a long link, or a channel that breaks links: download the file and send it as an attachment. "+other.Name+" opens it with “Open a link or file”. It holds the same as the link, locked the same way."),
			app.Button().ID("download-file").Class("secondary").Text("Download the file").Disabled(p.fragment == "" || p.busy != "").OnClick(p.downloadFile),
		),
	)
}

func (p *sharePage) renderLink() app.UI {
	full := p.fullLink()
	n := len(full)
	var meter app.UI
	switch {
	case p.busy != "":
		meter = app.P().Class("muted").Role("status").ID("link-size").Text(p.busy)
	case n > share.MaxLength:
		meter = app.P().Class("warning").Role("status").ID("link-size").Text("This onboarding is too long for a link (" + words.Thousands(n) + " characters). Download the file below and send it as an attachment.")
	case n > share.WarnLength:
		meter = app.P().Class("warning").Role("status").ID("link-size").Text(words.Thousands(n) + " characters. That is longer than some email programs let through (about 2,000): if the link arrives cut off, send the file below instead. Chat apps and most mail apps take it.")
	default:
		meter = app.P().Class("muted").Role("status").ID("link-size").Text(words.Thousands(n) + " characters: short enough for email and chat.")
	}
	show := full
	if n > share.MaxLength {
		show = ""
	}
	return app.Section().Class("card share-link").Body(
		app.H2().Text("The link"),
		app.Label().For("share-link").Class("visually-hidden").Text("Link to send"),
		app.Textarea().ID("share-link").Class("share-link-field").ReadOnly(true).Rows(4).Text(show),
		meter,
		app.Div().Class("actions").Body(
			app.Button().ID("copy-link").Text("Copy the link").Disabled(show == "" || p.busy != "").OnClick(p.copy),
			app.Span().Role("status").ID("share-done").Text(p.status),
		),
	)
}

func (p *sharePage) renderLock() app.UI {
	other := p.o.Other(p.o.Me)
	state := app.P().ID("lock-state").Class("muted").Text("Not locked: anyone who gets the link can read it.")
	if p.lockedWith != "" {
		state = app.P().ID("lock-state").Class("badge answered").Text("Locked with a passphrase")
	}
	return app.Section().Class("card share-lock").Body(
		app.H2().Text("Lock it with a passphrase (optional)"),
		app.P().Text("A mail or chat provider keeps a copy of what you send. With a passphrase, the link is useless without it. Give "+other.Name+" the passphrase another way than the link, for example by phone or in person, never in the same message."),
		state,
		app.Form().Class("inline-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			if strings.TrimSpace(p.passphrase) == "" {
				p.err = "Type a passphrase first: a few words are easier to say and to type than a jumble of characters."
				return
			}
			p.err, p.status = "", ""
			p.encode(ctx, p.passphrase)
		}).Body(
			&textField{ID: "passphrase", Label: "Passphrase", Max: 200, Hint: "A few words you can say out loud, such as four random words.", OnChange: func(ctx app.Context, v string) { p.passphrase = v }},
			app.Button().Type("submit").ID("lock-link").Text("Lock the link").Disabled(p.busy != ""),
		),
		app.If(p.lockedWith != "", app.Button().ID("unlock-link").Class("secondary").Text("Remove the lock").OnClick(func(ctx app.Context, e app.Event) {
			p.status = ""
			p.encode(ctx, "")
		})),
	)
}

func (p *sharePage) copy(ctx app.Context, e app.Event) {
	text := p.fullLink()
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		p.status = "This browser does not let the app copy. Select the link and copy it yourself."
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) { p.status = "Copied. Paste it in a message to " + p.o.Other(p.o.Me).Name + "." })
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(app.Context) {
			p.status = "The browser did not let the app copy. Select the link and copy it yourself."
		})
		release()
		return nil
	})
	clip.Call("writeText", text).Call("then", done, failed)
}

func (p *sharePage) downloadFile(ctx app.Context, e app.Event) {
	file, err := share.FileOf(p.fragment)
	if err != nil {
		p.err = "The file could not be made: " + err.Error()
		return
	}
	download(fileName(p.o.Title)+share.FileExtension, "application/json", string(file))
	p.status = "Downloaded. Send the file to " + p.o.Other(p.o.Me).Name + "."
}
