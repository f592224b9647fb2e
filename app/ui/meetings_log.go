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
			line := mark + it.Text + " (raised by " + p.name(it.Author)
			if owner, ok := p.o.AgreedOwnerOf(it.Source); ok {
				line += "; agreed owner: " + p.o.OwnerLabel(owner)
			}
			items = append(items, li(line+")"))
		}
		entries = append(entries, app.Details().Class("log-entry").DataSet("meeting", m.ID).Body(
			app.Summary().Text("1:1 of "+words.LongDate(m.Date)),
			app.If(len(items) > 0, ul("plain", items...)),
			when(strings.TrimSpace(m.Notes) != "", func() app.UI {
				return div("", app.H4().Text("Notes"), p.md(m.Notes))
			}),
			when(strings.TrimSpace(m.Decisions) != "", func() app.UI {
				return div("", app.H4().Text("Decisions"), p.md(m.Decisions))
			}),
		))
	}
	return card("log", "log", "Earlier 1:1s",
		div("", entries...),
		app.If(len(entries) == 0, para("muted", "None yet.")),
	)
}
