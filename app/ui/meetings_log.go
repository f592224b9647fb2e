package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderLog shows the earlier 1:1s, newest first, for reading: the
// latest few, and a button for older ones, so that the page does not take
// longer to open with every week of the relationship.
func (p *meetingsPage) renderLog(latest *onboarding.Meeting) app.UI {
	var earlier []*onboarding.Meeting
	for _, m := range p.o.MeetingsByDate() {
		if latest == nil || m.ID != latest.ID {
			earlier = append(earlier, m)
		}
	}
	shown := onboarding.Shown(len(earlier), p.logMore)
	entries := make([]app.UI, 0, shown)
	for _, m := range earlier[:shown] {
		entries = append(entries, p.renderLogEntry(m))
	}
	older := len(earlier) - shown
	return card("log", "log", "Earlier 1:1s",
		div("", entries...),
		app.If(len(entries) == 0, para("muted", "None yet.")),
		when(older > 0, func() app.UI {
			return div("actions",
				button("more-log", "secondary", "Show "+words.Count(min(older, onboarding.MoreShown), "older 1:1", "older 1:1s")+" (of "+itoa(older)+")", func(ctx app.Context, e app.Event) {
					p.logMore++
				}),
			)
		}),
	)
}

// renderLogEntry is one earlier 1:1, folded to its date.
func (p *meetingsPage) renderLogEntry(m *onboarding.Meeting) app.UI {
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
	return app.Details().Class("log-entry").DataSet("meeting", m.ID).Body(
		app.Summary().Text("1:1 of "+words.LongDate(m.Date)),
		app.If(len(items) > 0, ul("plain", items...)),
		when(strings.TrimSpace(m.Notes) != "", func() app.UI {
			return div("", app.H4().Text("Notes"), p.md(m.Notes))
		}),
		when(strings.TrimSpace(m.Decisions) != "", func() app.UI {
			return div("", app.H4().Text("Decisions"), p.md(m.Decisions))
		}),
	)
}
