package ui

import (
	"counterpart/app/document"
	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ceoPage is the one-page summary for the CEO (the `ceo` checkpoint), made
// from the onboarding as it stands and laid out to print on one page. The
// checkpoint on the 1:1 page links here and keeps when it went, when the
// CEO confirmed it, and the CEO's corrections (ceoStep).
type ceoPage struct {
	app.Compo
	opened

	html string
}

func (p *ceoPage) OnNav(ctx app.Context) {
	p.o = nil // made afresh on every visit
	if p.open(ctx, "One page for the CEO"); p.o == nil {
		return
	}
	p.html = `<div class="md">` + document.CEOSummaryHTML(p.o, today()) + `</div>`
}

func (p *ceoPage) Render() app.UI {
	if p.o == nil {
		return p.renderMissing("One page for the CEO")
	}
	return p.layout(
		div("sheet-tools no-print",
			buttonLink("", "button secondary", meetingsLink(p.o.ID), "← Weekly 1:1"),
			button("print-ceo", "", "Print or save as PDF", printPage),
		),
		para("field-hint no-print", "Made from what you have written: the brief, the top problems, what works, the grid and the escalation path. Change any of them and this page follows. It is laid out to print on one page; with two or three problems, it does."),
		app.Article().Class("document ceo-summary").ID("ceo-summary").Body(app.Raw(p.html)),
	)
}

// ceoStep is the `ceo` checkpoint's tool on the 1:1 page: the way to the
// one page, and what became of it.
type ceoStep struct {
	app.Compo
	*App

	O    *onboarding.Onboarding
	Edit func(ctx app.Context, change func(*onboarding.Onboarding))

	sentErr, confirmedErr string
}

func (c *ceoStep) Render() app.UI {
	o := c.O
	if o == nil {
		return app.Div()
	}
	step := o.CEO
	state := "Not sent yet."
	switch {
	case step.Confirmed != "":
		state = "Sent on " + words.LongDate(step.Sent) + "; the CEO confirmed it on " + words.LongDate(step.Confirmed) + "."
	case step.Sent != "":
		state = "Sent on " + words.LongDate(step.Sent) + "; not confirmed yet."
	}
	date := func(id, label, value, problem string, mark func(*onboarding.Onboarding, string) string, keep func(string)) app.UI {
		return &textField{App: c.App, ID: id, Label: label, Type: "date", Value: value, Max: len("2006-01-02"), Error: problem,
			OnChange: func(ctx app.Context, v string) {
				var msg string
				c.Edit(ctx, func(o *onboarding.Onboarding) { msg = mark(o, v) })
				keep(msg)
			}}
	}
	return app.Div().Class("ceo-step").ID("ceo-step").Body(
		app.P().Body(buttonLink("open-ceo", "button", ceoLink(o.ID), "Open the one page for the CEO")),
		para("item-meta", state),
		div("row-fields",
			date("ceo-sent", "Sent to the CEO on", step.Sent, c.sentErr, func(o *onboarding.Onboarding, v string) string {
				return onboarding.MarkCEOSent(o, v, c.now())
			}, func(m string) { c.sentErr = m }),
			date("ceo-confirmed", "The CEO confirmed the split on", step.Confirmed, c.confirmedErr, func(o *onboarding.Onboarding, v string) string {
				return onboarding.MarkCEOConfirmed(o, v, c.now())
			}, func(m string) { c.confirmedErr = m }),
		),
		&textField{App: c.App, ID: "ceo-corrections", Label: "What the CEO saw differently", Value: step.Corrections, Long: true, Max: onboarding.MaxText,
			Hint: "Change the grid or the plan to match, then write here what changed and why.",
			OnChange: func(ctx app.Context, v string) {
				c.Edit(ctx, func(o *onboarding.Onboarding) { onboarding.WriteCEOCorrections(o, v, c.now()) })
			}},
	)
}
