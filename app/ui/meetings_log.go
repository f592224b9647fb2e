package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderLog shows the earlier 1:1s, newest first, for reading.
func (p *meetingsPage) renderLog(latest *onboarding.Meeting) app.UI {
	var entries []app.UI
	for _, m := range p.o.MeetingsByDate() {
		if latest != nil && m.ID == latest.ID {
			continue
		}
		var items []app.UI
		for _, it := range m.Items {
			mark := "○ "
			if it.Done {
				mark = "✓ "
			}
			items = append(items, app.Li().Text(mark+it.Text+" (raised by "+p.name(it.Author)+")"))
		}
		entries = append(entries, app.Details().Class("log-entry").DataSet("meeting", m.ID).Body(
			app.Summary().Text("1:1 of "+words.LongDate(m.Date)),
			app.If(len(items) > 0, app.Ul().Class("plain").Body(items...)),
			when(strings.TrimSpace(m.Notes) != "", func() app.UI {
				return app.Div().Body(app.H4().Text("Notes"), md(m.Notes))
			}),
			when(strings.TrimSpace(m.Decisions) != "", func() app.UI {
				return app.Div().Body(app.H4().Text("Decisions"), md(m.Decisions))
			}),
		))
	}
	return app.Section().Class("log").ID("log").Aria("labelledby", "log-title").Body(
		app.H2().ID("log-title").Text("Earlier 1:1s"),
		app.Div().Body(entries...),
		app.If(len(entries) == 0, app.P().Class("muted").Text("None yet.")),
	)
}
