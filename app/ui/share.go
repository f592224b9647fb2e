package ui

import (
	"strings"
	"time"

	"counterpart/app/document"
	"counterpart/app/onboarding"
	"counterpart/app/qr"
	"counterpart/app/share"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sharePage makes the link that carries an onboarding to the other
// person's device, and the file for when the link is too long.
type sharePage struct {
	app.Compo
	opened

	passErr    string // why the passphrase was refused
	lockedWith string // the passphrase the link is locked with, if any
	// complete asks for a link with everything, even when one with only
	// the changes since the other person's last link would do.
	complete bool
	header   onboarding.Header // what the link says about itself
	changes  int               // how many changes a link of changes carries
	what     string            // what they are, in words ("this week's 1:1")
	fragment string
	qr       string // the link as a QR code (SVG), when it fits
	busy     string // what is being done, while the key is derived
	status   string // after copying or downloading
	err      string
	// unsaved says this tab holds changes the browser refused to store,
	// which the link leaves out until they are saved.
	unsaved bool
}

// OnNav loads the onboarding from ?id= and makes its plain link.
func (p *sharePage) OnNav(ctx app.Context) {
	p.open(ctx, "Share")
	p.passErr, p.lockedWith, p.status, p.err, p.complete = "", "", "", "", false
	if p.o != nil {
		p.encode(ctx, "")
	}
}

// encode makes the link, locked if a passphrase is given: after the
// first exchange, only the changes the other person lacks, unless a
// complete link is asked for. Locking takes about a second on purpose, so
// it runs after the page says so.
func (p *sharePage) encode(ctx app.Context, passphrase string) {
	// The link carries what this device has saved, not the tab's copy: a
	// change the browser refused to store is made again when it is saved,
	// with new stamps, so a link that carried it would hand the other
	// person an entry this device may never hold (store.LoadSaved).
	o, err := p.appStore().LoadSaved(p.o.ID)
	if err != nil {
		p.fragment, p.changes, p.qr = "", 0, ""
		p.err = "The link could not be made: " + sentence(err)
		return
	}
	p.unsaved = p.appStore().Unsaved(p.o.ID)
	// Making a link changes nothing stored: the stamp names this device,
	// and what the other person's devices hold is already recorded.
	h := onboarding.StartLink(o, p.now(), p.complete)
	p.header = h
	if h.Partial() {
		g, _ := onboarding.Outgoing(o)
		p.what = ""
		if g.N > 0 {
			p.what = g.What(today())
		}
	}
	if passphrase == "" {
		p.fragment, p.changes, p.err = encodeOrErr(o, h, "")
		p.lockedWith = ""
		p.drawQR()
		return
	}
	p.busy = "Locking the link…"
	ctx.Async(func() {
		time.Sleep(30 * time.Millisecond) // let the page show it is busy
		frag, n, err := encodeOrErr(o, h, passphrase)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy, p.fragment, p.changes, p.err, p.lockedWith = "", frag, n, err, passphrase
			p.drawQR()
		})
	})
}

func encodeOrErr(o *onboarding.Onboarding, h onboarding.Header, passphrase string) (string, int, string) {
	frag, n, err := share.EncodeLink(o, h, passphrase)
	if err != nil {
		return "", 0, failed("The link could not be made", err)
	}
	return frag, n, ""
}

// drawQR makes the QR code of the link when it fits in one.
func (p *sharePage) drawQR() {
	p.qr = ""
	if full := p.fullLink(); full != "" && len(full) <= qr.MaxBytes {
		if c, err := qr.Encode(full); err == nil {
			p.qr = c.SVG("QR code of the link to " + p.o.Other(p.o.Me).Name)
		}
	}
}

// fullLink is the link as the other person receives it.
func (p *sharePage) fullLink() string {
	if p.fragment == "" || app.IsServer {
		return ""
	}
	origin := app.Window().Get("location").Get("origin").String()
	return share.Link(origin+rootPrefix(), p.fragment)
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
	return p.layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			textLink(link(homePath), "Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			textLink(resumeLink(o), o.Title),
		),
		ongoingLinks(o.ID),
		app.H1().Text("Share with "+other.Name),
		para("lede", "Send this link to "+other.Name+": opening it shows what it holds, then merges it into their copy. "+kept+" No server ever receives it."),
		para("muted", "Sent as "+me.Name+"."),
		p.exchangeNote(o),
		div("share-status",
			app.If(p.err != "", app.Div().Class("alert").Role("alert").ID("share-error").Text(p.err)),
			app.If(p.unsaved, app.P().Class("warning").ID("share-unsaved").Text("Your last changes are not saved on this device yet, because the browser refused to store them. The link carries what is saved; make it again once they are.")),
		),
		p.renderScope(),
		p.renderLink(),
		p.renderQR(),
		p.renderLock(),
		app.Section().Class("card share-file").ID("share-file").Body(
			app.H2().Text("As a file"),
			para("", "For a long link, or a channel that breaks links: download the file and send it as an attachment. "+other.Name+" opens it with “Open a link or file”. It holds the same as the link, locked the same way."),
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
		also := " Sitting together? " + p.o.Other(p.o.Me).Name + " can scan the QR code below with a phone."
		if p.qr == "" {
			also = ""
		}
		meter = app.Div().Class("warning").Role("status").ID("link-size").Body(
			para("", words.Thousands(n)+" characters. That is longer than some email programs let through (about 2,000): if the link arrives cut off, send the file instead. Chat apps and most mail apps take it."+also),
			div("actions",
				app.Button().ID("download-file-instead").Class("secondary").Text("Download the file instead").Disabled(p.busy != "").OnClick(p.downloadFile),
				app.If(p.qr != "", buttonLink("show-qr", "button secondary", "#share-qr", "Show the QR code")),
			),
		)
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
		div("actions",
			app.Button().ID("copy-link").Text("Copy the link").Disabled(show == "" || p.busy != "").OnClick(p.copy),
			app.Span().Role("status").ID("share-done").Text(p.status),
		),
	)
}

// renderScope says whether the link carries everything or only the
// changes, with the other choice one click away.
func (p *sharePage) renderScope() app.UI {
	other := p.o.Other(p.o.Me).Name
	h := p.header
	if !h.Partial() {
		msg := "This link carries everything you share."
		if p.complete {
			msg = "A complete link: everything you share, for a device that has none of it yet."
		}
		body := []app.UI{app.P().ID("link-scope").Text(msg)}
		if p.complete && onboarding.BaseFor(p.o) != nil {
			body = append(body, button("changes-link", "secondary", "Only the changes", func(ctx app.Context, e app.Event) {
				p.complete, p.status = false, ""
				p.encode(ctx, p.lockedWith)
			}))
		}
		return div("share-scope", body...)
	}
	what := "nothing new: it tells " + other + " that you have their changes"
	if p.changes > 0 && p.what != "" {
		what = p.what
	}
	return div("share-scope",
		app.P().ID("link-scope").Text("This link carries only what "+other+" does not have yet: "+what+". On a device without your earlier links, they need a complete one."),
		button("complete-link", "secondary", "Make a complete link", func(ctx app.Context, e app.Event) {
			p.complete, p.status = true, ""
			p.encode(ctx, p.lockedWith)
		}),
	)
}

// renderQR shows the link as a QR code when it fits in one, for the two
// sitting together: the other person's phone camera opens it.
func (p *sharePage) renderQR() app.UI {
	if p.qr == "" || p.busy != "" {
		return app.Text("")
	}
	return app.Section().Class("card share-qr").ID("share-qr").Body(
		app.H2().Text("As a QR code"),
		para("", "Sitting together? "+p.o.Other(p.o.Me).Name+" points a phone's camera at it to open the link. It holds the same as the link above."),
		div("qr", app.Raw(p.qr)),
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
		para("", "A mail or chat provider keeps a copy of what you send. With a passphrase, the link is useless without it. Give "+other.Name+" the passphrase another way than the link, for example by phone or in person, never in the same message."),
		state,
		app.Form().Class("lock-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			// What the field holds is what gets used, suggested or typed.
			pass := app.Window().GetElementByID("passphrase").Get("value").String()
			if err := share.CheckPassphrase(pass); err != nil {
				p.passErr = sentence(err)
				return
			}
			p.passErr, p.err, p.status = "", "", ""
			p.encode(ctx, pass)
		}).Body(
			&passphraseField{ID: "passphrase", Error: p.passErr, Disabled: p.busy != "", OnChange: func(ctx app.Context, v string) { p.passErr = "" }},
			submitButton("lock-link", "Lock the link").Disabled(p.busy != ""),
		),
		app.If(p.lockedWith != "", button("unlock-link", "secondary", "Remove the lock", func(ctx app.Context, e app.Event) {
			p.status = ""
			p.encode(ctx, "")
		})),
	)
}

func (p *sharePage) copy(ctx app.Context, e app.Event) {
	copyText(ctx, p.fullLink(), func(msg string) {
		if strings.HasPrefix(msg, "Copied") {
			msg = "Copied. Paste it in a message to " + p.o.Other(p.o.Me).Name + "."
		}
		p.status = msg
	})
}

// copyText puts text on the clipboard and reports in words how it went:
// "Copied." or why not.
func copyText(ctx app.Context, text string, report func(string)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		report("This browser does not let the app copy. Select the text and copy it yourself.")
		return
	}
	then(clip.Call("writeText", text), func(app.Value) {
		ctx.Dispatch(func(app.Context) { report("Copied.") })
	}, func(app.Value) {
		ctx.Dispatch(func(app.Context) {
			report("The browser did not let the app copy. Select the text and copy it yourself.")
		})
	})
}

func (p *sharePage) downloadFile(ctx app.Context, e app.Event) {
	file, err := share.FileOf(p.fragment)
	if err != nil {
		p.err = failed("The file could not be made", err)
		return
	}
	download(document.FileName(p.o.Title)+share.FileExtension, "application/json", string(file))
	p.status = "Downloaded. Send the file to " + p.o.Other(p.o.Me).Name + "."
}
