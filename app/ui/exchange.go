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
	if t.Year() != wallNow().Year() {
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("Monday 2 January")
}

// exchangeWords says who has what: when the other person last sent a
// link, and whether they have everything this device has.
func exchangeWords(o *onboarding.Onboarding) string {
	other := o.Other(o.Me)
	last := onboarding.LastLinkFrom(o, other.ID)
	if last.IsZero() {
		return "You have not had a link from " + other.Name + " yet: your next link carries everything."
	}
	line := other.Name + " last sent you a link on " + dayWords(last) + ". "
	switch n := onboarding.Pending(o); n {
	case 0:
		return line + "They have everything you have."
	case 1:
		return line + "Your next link carries the 1 change they do not have yet."
	default:
		return line + "Your next link carries the " + strconv.Itoa(n) + " changes they do not have yet."
	}
}

// exchangeNote is exchangeWords as a paragraph, remembered per version of
// the onboarding: counting changes reads the whole onboarding, and the
// 1:1 page renders at every keystroke.
func (a *App) exchangeNote(o *onboarding.Onboarding) app.UI {
	if key := exchangeKey(o); a.exchange.key != key {
		a.exchange.key, a.exchange.line = key, exchangeWords(o)
	}
	return app.P().Class("muted exchange").ID("exchange").Text(a.exchange.line)
}

// exchangeKey names a version of the onboarding as the exchange sees it:
// what it holds and what the other person's devices confirmed.
func exchangeKey(o *onboarding.Onboarding) string {
	key := o.ID + o.Updated.String() + o.Sync.Have.Newest().String() + strconv.Itoa(len(o.Sync.Peers))
	for _, p := range o.Sync.Peers {
		key += p.Made.String()
	}
	return key
}

// requestText is what a person sends to ask for a complete link.
func requestText(e *onboarding.ErrNeedsEarlier) string {
	return "Hi " + e.From + ", the Counterpart link you sent me carries only your latest changes, and this device of mine does not have what they build on. Could you send me a complete link? On the Share page, choose “Make a complete link”. Thank you!"
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
				p.focusLater(ctx, p, "request-text")
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
