package ui

import (
	"counterpart/app/guide"
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// newPage is the "New onboarding" form.
type newPage struct {
	app.Compo
	*App

	draft  onboarding.Draft
	errs   map[string]string
	failed string
}

func (p *newPage) OnNav(ctx app.Context) { setTitle(ctx, "New onboarding") }

// The fields of the form, by the Draft field each fills in.
var (
	functionChoices = choicesOf(onboarding.Functions)
	myFields        = []field{
		{key: "my-name", label: "Your name", name: "MyName"},
		{key: "my-role", label: "Your role", name: "MyRole", hint: "Your title, such as CTO or VP Engineering."},
		{key: "my-function", label: "Your function", name: "MyFunction", kind: choiceBox, choices: functionChoices},
	}
	peerFields = []field{
		{key: "peer-name", label: "Their name", name: "PeerName"},
		{key: "peer-role", label: "Their role", name: "PeerRole", hint: "Their title, such as CFO or head of Sales."},
		{key: "peer-function", label: "Their function", name: "PeerFunction", kind: choiceBox, choices: functionChoices},
	}
	startField = field{key: "start-date", label: "The new executive's start date", name: "StartDate", kind: dateText}
)

// fields are the controls of some fields of the draft, in order, each
// with its error from errs.
func (p *newPage) fields(errs map[string]string, fs ...field) []app.UI {
	out := make([]app.UI, len(fs))
	for i, f := range fs {
		out[i] = p.control(f.key, f, fieldOf(&p.draft, f.name), onboarding.Limit(&p.draft, f.name), errs[f.key], func(ctx app.Context, v any) {
			fieldOf(&p.draft, f.name).SetString(v.(string))
		})
	}
	return out
}

func (p *newPage) Render() app.UI {
	// The errors show once the person asks to start, and each goes away
	// as soon as its field is right: the draft is checked again at every
	// render, and only the fields flagged at the last try are shown.
	errs := map[string]string{}
	var summary []app.UI
	for _, e := range p.draft.Check() {
		if p.errs[e.Field] != "" {
			errs[e.Field] = e.Message
			summary = append(summary, app.Li().Body(textLink("#"+e.Field, e.Message)))
		}
	}
	return p.layout(
		app.H1().Text("New onboarding"),
		para("lede", "Two people, one start date. Everything stays in this browser."),
		// The messages sit in a container that is always there, so that
		// showing them does not re-create the form and what was typed.
		div("form-status",
			app.If(len(summary) > 0, app.Div().Class("alert").Role("alert").ID("form-errors").TabIndex(-1).Body(
				para("", "Please fix these before starting:"),
				ul("", summary...),
			)),
			app.If(p.failed != "", app.Div().Class("alert").Role("alert").Text(p.failed)),
		),
		app.Form().Class("new-form").OnSubmit(p.submit).Body(
			app.FieldSet().Body(append([]app.UI{app.Legend().Text("You")}, p.fields(errs, myFields...)...)...),
			app.FieldSet().Body(append([]app.UI{app.Legend().Text("Your peer")}, p.fields(errs, peerFields...)...)...),
			app.FieldSet().Class("choices").Body(
				app.Legend().Text("Which of you is new?"),
				radio("new-peer", "who-is-new", "My peer is the new executive; I am onboarding them", !p.draft.IAmNew, func(ctx app.Context) { p.draft.IAmNew = false }),
				radio("new-me", "who-is-new", "I am the new executive; my peer is onboarding me", p.draft.IAmNew, func(ctx app.Context) { p.draft.IAmNew = true }),
			),
			p.fields(errs, startField)[0],
			div("actions",
				submitButton("start", "Start the onboarding"),
				buttonLink("", "button secondary", link(homePath), "Cancel"),
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
		p.focusLater(ctx, p, "form-errors")
		return
	}
	o := guide.Start(p.draft, p.now())
	if err := p.appStore().Create(o); err != nil {
		p.failed = failed("The onboarding could not be saved", err)
		return
	}
	ctx.Navigate(stageLink(onboarding.StageData, o.ID))
}
