package ui

import (
	"strconv"
	"time"

	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// What the two devices have of each other's changes, in words, for the
// share and 1:1 pages; the watermarks are in package onboarding (sync.go).

// dayWords is a day as a person says it: "Tuesday 3 March", with the year
// when it is not this one.
func dayWords(t time.Time) string {
	t = t.Local()
	if t.Year() != now().Year() {
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("Monday 2 January")
}

// exchangeWords says who has what: when the other person last sent
// changes, and whether they have this device's.
func exchangeWords(o *onboarding.Onboarding) string {
	other := o.Other(o.Me).Name
	s := o.Sync
	if s.Received.IsZero() && s.Confirmed.IsZero() {
		return "You have not had a link from " + other + " yet: your next link carries everything."
	}
	var line string
	if !s.Received.IsZero() {
		line = other + " last sent you changes on " + dayWords(s.Received) + ". "
	}
	if s.Confirmed.IsZero() {
		if s.Sent.IsZero() {
			// Nothing was sent from here: there is nothing to send back.
			return line + "You have not sent " + other + " a link yet: your first one carries everything."
		}
		return line + other + " has not yet sent a link back since getting one of yours, so your next link carries everything."
	}
	line += other + " has everything you had up to " + dayWords(s.Confirmed)
	switch n := onboarding.Pending(o); n {
	case 0:
		return line + "; nothing new since."
	case 1:
		return line + "; 1 change since."
	default:
		return line + "; " + strconv.Itoa(n) + " changes since."
	}
}

// exchangeNote is exchangeWords as a paragraph, remembered per version of
// the onboarding: counting changes reads the whole onboarding, and the
// 1:1 page renders at every keystroke.
func exchangeNote(o *onboarding.Onboarding) app.UI {
	key := o.ID + o.Updated.String() + o.Sync.Confirmed.String() + o.Sync.Received.String()
	if exchangeCache.key != key {
		exchangeCache.key, exchangeCache.line = key, exchangeWords(o)
	}
	return app.P().Class("muted exchange").ID("exchange").Text(exchangeCache.line)
}

var exchangeCache struct{ key, line string }

// requestText is what a person sends to ask for a complete link.
func requestText(e *onboarding.ErrNeedsEarlier) string {
	return "Hi " + e.From + ", the Counterpart link you sent me carries only your changes since " + dayWords(e.Since) +
		", and my copy does not have what came before them. Could you send me a complete link? On the Share page, choose “Make a complete link”. Thank you!"
}

// renderNeedsEarlier explains a link of changes this device cannot take,
// and offers to write the request for a complete one.
func (p *openPage) renderNeedsEarlier() app.UI {
	e := p.earlier
	return app.Section().Class("card").ID("needs-earlier").Body(
		app.P().ID("needs-earlier-message").Text(e.Error()),
		para("", "Nothing on this device was changed."),
		app.If(p.request == "", div("actions",
			button("write-request", "", "Write the request to "+e.From, func(ctx app.Context, ev app.Event) {
				p.request = requestText(e)
				focusLater(ctx, p, "request-text")
			}),
		)),
		app.If(p.request != "", div("",
			app.Label().For("request-text").Text("Send this to "+e.From+":"),
			app.Textarea().ID("request-text").ReadOnly(true).Rows(4).Text(p.request),
			div("actions",
				button("copy-request", "", "Copy the request", func(ctx app.Context, ev app.Event) {
					copyText(ctx, p.request, func(msg string) { p.requestStatus = msg })
				}),
				app.Span().Role("status").ID("request-done").Text(p.requestStatus),
			),
		)),
	)
}
