package ui

import (
	"counterpart/app/guide"
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// newPage is the "New onboarding" form.
type newPage struct {
	app.Compo

	draft  onboarding.Draft
	errs   map[string]string
	failed string
}

func (p *newPage) OnNav(ctx app.Context) { setTitle(ctx, "New onboarding") }

func (p *newPage) Render() app.UI {
	errs := p.errs
	functions := make([]choice, 0, len(onboarding.Functions))
	for _, f := range onboarding.Functions {
		functions = append(functions, choice{string(f), f.Label()})
	}
	var summary []app.UI
	for _, e := range p.draft.Check() {
		if errs[e.Field] != "" {
			summary = append(summary, app.Li().Body(app.A().Href("#"+e.Field).Text(e.Message)))
		}
	}
	return layout(
		app.H1().Text("New onboarding"),
		app.P().Class("lede").Text("Two people, one start date. Everything stays in this browser."),
		// The messages sit in a container that is always there, so that
		// showing them does not re-create the form and what was typed.
		app.Div().Class("form-status").Body(
			app.If(len(summary) > 0, app.Div().Class("alert").Role("alert").ID("form-errors").TabIndex(-1).Body(
				app.P().Text("Please fix these before starting:"),
				app.Ul().Body(summary...),
			)),
			app.If(p.failed != "", app.Div().Class("alert").Role("alert").Text(p.failed)),
		),
		app.Form().Class("new-form").OnSubmit(p.submit).Body(
			app.FieldSet().Body(
				app.Legend().Text("You"),
				&textField{ID: "my-name", Value: p.draft.MyName, Label: "Your name", Max: onboarding.MaxShort, Error: errs["my-name"], OnChange: func(ctx app.Context, v string) { p.draft.MyName = v }},
				&textField{ID: "my-role", Value: p.draft.MyRole, Label: "Your role", Hint: "Your title, such as CTO or VP Engineering.", Max: onboarding.MaxShort, Error: errs["my-role"], OnChange: func(ctx app.Context, v string) { p.draft.MyRole = v }},
				selectField("my-function", "Your function", string(p.draft.MyFunction), functions, func(ctx app.Context, v string) { p.draft.MyFunction = onboarding.Function(v) }),
				fieldError(errs["my-function"]),
			),
			app.FieldSet().Body(
				app.Legend().Text("Your peer"),
				&textField{ID: "peer-name", Value: p.draft.PeerName, Label: "Their name", Max: onboarding.MaxShort, Error: errs["peer-name"], OnChange: func(ctx app.Context, v string) { p.draft.PeerName = v }},
				&textField{ID: "peer-role", Value: p.draft.PeerRole, Label: "Their role", Hint: "Their title, such as CFO or head of Sales.", Max: onboarding.MaxShort, Error: errs["peer-role"], OnChange: func(ctx app.Context, v string) { p.draft.PeerRole = v }},
				selectField("peer-function", "Their function", string(p.draft.PeerFunction), functions, func(ctx app.Context, v string) { p.draft.PeerFunction = onboarding.Function(v) }),
				fieldError(errs["peer-function"]),
			),
			app.FieldSet().Class("choices").Body(
				app.Legend().Text("Which of you is new?"),
				radio("new-peer", "who-is-new", "My peer is the new executive; I am onboarding them", !p.draft.IAmNew, func(ctx app.Context) { p.draft.IAmNew = false }),
				radio("new-me", "who-is-new", "I am the new executive; my peer is onboarding me", p.draft.IAmNew, func(ctx app.Context) { p.draft.IAmNew = true }),
			),
			&textField{ID: "start-date", Value: p.draft.StartDate, Label: "The new executive's start date", Type: "date", Max: 10, Error: errs["start-date"], OnChange: func(ctx app.Context, v string) { p.draft.StartDate = v }},
			app.Div().Class("actions").Body(
				app.Button().Type("submit").ID("start").Text("Start the onboarding"),
				app.A().Class("button secondary").Href(link(homePath)).Text("Cancel"),
			),
		),
	)
}

func (p *newPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs = map[string]string{}
	problems := p.draft.Check()
	for _, fe := range problems {
		p.errs[fe.Field] = fe.Message
	}
	if len(problems) > 0 {
		focusLater(ctx, p, "form-errors")
		return
	}
	o := guide.Start(p.draft, now())
	if _, err := appStore().Save(o); err != nil {
		p.failed = err.Error()
		return
	}
	ctx.Navigate(stageLink(onboarding.StageData, o.ID))
}
