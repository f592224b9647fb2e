package ui

import (
	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// announcePanel is the announcement of the split: for each audience, a
// note drafted from the grid (onboarding.DraftAnnouncement), edited by
// hand, copied in one click, and the day it went out. Stage 5 shows it
// under the grid, and the `announce` checkpoint on the 1:1 page.
type announcePanel struct {
	app.Compo
	*App

	O    *onboarding.Onboarding
	Edit func(ctx app.Context, change func(*onboarding.Onboarding))

	// replace is the audience whose edited note a new draft would
	// replace: the person is asked once before it does.
	replace onboarding.Audience
	status  string
	failed  bool
	// dateErr says what is wrong with a sent date typed, by audience.
	dateErr map[onboarding.Audience]string
}

func (c *announcePanel) Render() app.UI {
	o := c.O
	if o == nil {
		return app.Div()
	}
	var body []app.UI
	body = append(body, app.H3().ID("announcement-title").Text("Tell the organisation what moved"))
	if !o.Roles.BothDone(o) {
		body = append(body, para("muted", "The notes are drafted from the grid once you have both sealed it and compared your answers."))
	} else {
		body = append(body, para("field-hint", "Each note starts as a draft from the grid: the areas agreed or settled, with the ones still open named as open. Edit it until it says what changes for its reader, then copy it into an email or a chat."))
	}
	for _, a := range onboarding.Audiences {
		body = append(body, c.audience(a))
	}
	body = append(body, app.P().ID("announce-status").Class(pick(c.failed, "field-error", "item-meta")).Role("status").Text(c.status))
	return app.Section().Class("announcement card").ID("announcement").Aria("labelledby", "announcement-title").Body(body...)
}

// audience is the note for one audience, its buttons and its sent date.
func (c *announcePanel) audience(a onboarding.Audience) app.UI {
	o := c.O
	label := a.Label(o)
	note := o.Announcement.Note(a)
	draft := onboarding.DraftAnnouncement(o, a)
	id := "announce-" + string(a)
	sent := o.Announcement.Sent(a)
	state := "Not sent yet."
	if sent != "" {
		state = "Sent on " + words.LongDate(sent) + "."
	}
	return app.Div().Class("announce-audience").DataSet("audience", string(a)).Body(
		app.H4().Text(label),
		para("item-meta announce-state", state),
		&textField{App: c.App, ID: id, Label: "The note to " + a.InSentence(o), Value: note, Long: true, Max: onboarding.MaxText,
			OnChange: func(ctx app.Context, v string) {
				c.replace = ""
				c.Edit(ctx, func(o *onboarding.Onboarding) { onboarding.WriteAnnouncement(o, a, v, c.now()) })
			}},
		app.If(c.replace == a, app.P().Class("warning").Role("alert").Text(
			"A new draft replaces what is written here. Press “Draft from the grid” again to replace it.")),
		div("actions",
			button("draft-"+string(a), "secondary", "Draft from the grid", func(ctx app.Context, e app.Event) {
				if note != "" && note != draft && c.replace != a {
					c.replace = a
					return
				}
				c.replace = ""
				c.Edit(ctx, func(o *onboarding.Onboarding) { onboarding.WriteAnnouncement(o, a, draft, c.now()) })
				c.status, c.failed = "Drafted the note to "+a.InSentence(o)+" from the grid.", false
			}, a, note, draft).Disabled(draft == ""),
			button("copy-"+string(a), "", "Copy the note", func(ctx app.Context, e app.Event) {
				c.copy(ctx, id, a.InSentence(o))
			}, a),
		),
		&textField{App: c.App, ID: "sent-" + string(a), Label: "Sent on", Type: "date", Value: sent, Max: len("2006-01-02"), Error: c.dateErr[a],
			OnChange: func(ctx app.Context, v string) {
				var msg string
				c.Edit(ctx, func(o *onboarding.Onboarding) { msg = onboarding.MarkAnnounced(o, a, v, c.now()) })
				if c.dateErr == nil {
					c.dateErr = map[onboarding.Audience]string{}
				}
				c.dateErr[a] = msg
			}},
	)
}

// copy puts the note as the text area shows it on the clipboard, as
// plain text, which an email or a chat pastes as it is.
func (c *announcePanel) copy(ctx app.Context, id, inSentence string) {
	win := app.Window()
	clip := win.Get("navigator").Get("clipboard")
	el := win.GetElementByID(id)
	if !clip.Truthy() || !clip.Get("writeText").Truthy() || !el.Truthy() {
		c.status, c.failed = "This browser does not let pages copy. Select the note and copy it by hand.", true
		return
	}
	text := el.Get("value").String()
	if text == "" {
		c.status, c.failed = "The note to "+inSentence+" is empty: draft it from the grid or write it first.", true
		return
	}
	then(clip.Call("writeText", text), func(app.Value) {
		ctx.Dispatch(func(app.Context) {
			c.status, c.failed = "Copied the note to "+inSentence+". Paste it into an email or a chat.", false
		})
	}, func(app.Value) {
		ctx.Dispatch(func(app.Context) {
			c.status, c.failed = "The browser did not let the page copy. Select the note and copy it by hand.", true
		})
	})
}
