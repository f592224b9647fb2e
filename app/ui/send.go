package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sendBar sends the other person what they lack from where the person
// is, the 1:1 or a stage: one button copies the link of changes, and one
// line says what it carries. Where the browser refuses to copy, the link
// is shown ready to copy. The share page stays for a lock, the QR code
// and the file. What the words say is decided in package onboarding
// (gist.go).
//
// A page holds one and renders it with render at every render of its
// own: the line follows each change the page saves. The link and its line
// are made from what this device has saved (store.LoadSaved), which is
// what the link carries, not from the tab's copy.
type sendBar struct {
	*App
	page app.Composer
	o    *onboarding.Onboarding

	key    string // the version of O the line was made for
	line   string // what the next link carries, in words
	status string // after pressing the button
	shown  string // the link, when the browser did not let the app copy it
}

// render is the bar for o, the onboarding on page, in the tab's App a.
func (b *sendBar) render(a *App, page app.Composer, o *onboarding.Onboarding) app.UI {
	b.App, b.page, b.o = a, page, o
	b.describe(o)
	other := o.Other(o.Me).Name
	return app.Section().Class("send no-print").ID("send").Aria("label", "Send to "+other).Body(
		div("send-row",
			button("send-link", "", "Send to "+other, b.send),
			app.P().Class("send-what").ID("send-what").Text(b.line),
		),
		app.P().Role("status").ID("send-done").Class("send-done").Text(b.status),
		app.If(b.shown != "",
			app.Label().For("send-link-text").Class("visually-hidden").Text("Link to send to "+other),
			app.Textarea().ID("send-link-text").Class("share-link-field").ReadOnly(true).Rows(3).Text(b.shown),
		),
		app.P().Class("send-more").Body(
			buttonLink("share-onboarding", "", shareLink(o.ID), "Other ways to send"),
			app.Text(": a lock, a QR code, a file."),
		),
	)
}

// describe makes the line for the version of the onboarding on screen,
// once per version: it reads what is saved, and the 1:1 page renders at
// every keystroke.
func (b *sendBar) describe(o *onboarding.Onboarding) {
	key := exchangeKey(o)
	if key == b.key {
		return
	}
	b.key, b.status, b.shown = key, "", ""
	saved, err := b.appStore().LoadSaved(o.ID)
	if err != nil {
		b.line = "The link cannot be made: " + sentence(err)
		return
	}
	g, complete := onboarding.Outgoing(saved)
	b.line = onboarding.SendLine(g, complete, o.Other(o.Me).Name, today())
	if b.appStore().Unsaved(o.ID) {
		b.line += " Your last changes are not saved on this device yet, so the link leaves them out."
	}
}

// send makes the link of changes from what this device has saved and
// copies it, in the click itself: browsers let a page copy only then.
func (b *sendBar) send(ctx app.Context, e app.Event) {
	o := b.o
	other := o.Other(o.Me).Name
	b.status, b.shown = "", ""
	saved, err := b.appStore().LoadSaved(o.ID)
	if err != nil {
		b.status = "The link could not be made: " + sentence(err)
		return
	}
	frag, _, err := share.EncodeLink(saved, onboarding.StartLink(saved, b.now(), false), "")
	if err != nil {
		b.status = failed("The link could not be made", err)
		return
	}
	origin := app.Window().Get("location").Get("origin").String()
	full := share.Link(origin+rootPrefix(), frag)
	if len(full) > share.MaxLength {
		b.status = "This is too long for a link. Send the file instead, from “Other ways to send”."
		return
	}
	copyText(ctx, full, func(msg string) {
		if strings.HasPrefix(msg, "Copied") {
			b.status = "Copied. Paste it in a message to " + other + "."
			return
		}
		b.status, b.shown = "The browser did not let the app copy. Copy the link below and send it to "+other+".", full
		focusAfterRender(ctx, b.page, func() {
			if el := app.Window().GetElementByID("send-link-text"); el.Truthy() {
				el.Call("focus")
				el.Call("select")
			}
		})
	})
}
