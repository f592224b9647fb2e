package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/worksheet"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// worksheetPage is the printable role-definition worksheet, blank or
// filled. Its URL says everything it needs, so it can be bookmarked and
// printed directly: /worksheet?id=…&variant=blank, or for a pair of
// functions with no onboarding, /worksheet?a=engineering&b=finance.
type worksheetPage struct {
	app.Compo

	sheet   worksheet.Worksheet
	ready   bool
	problem string
	back    string
}

// OnNav builds the sheet from the URL alone, so a bookmark prints it.
func (w *worksheetPage) OnNav(ctx app.Context) {
	q := ctx.Page().URL().Query()
	setTitle(ctx, "Role definition worksheet")
	w.ready, w.problem, w.back = false, "", link(homePath)
	if id := q.Get("id"); id != "" {
		o, msg := loadOnboarding(id, false)
		if o == nil {
			w.problem = msg
			return
		}
		w.back = stageLink(onboarding.StageRoles, o.ID)
		if q.Get("variant") == "filled" {
			var err error
			w.sheet, err = worksheet.Filled(o)
			if err != nil {
				w.problem = "Not yet: " + err.Error() + "."
				return
			}
		} else {
			w.sheet = worksheet.Blank(o)
		}
		w.ready = true
		return
	}
	a, b := onboarding.Function(q.Get("a")), onboarding.Function(q.Get("b"))
	if !a.Valid() || !b.Valid() {
		a, b = onboarding.Other, onboarding.Other
	}
	w.sheet, w.ready = worksheet.BlankFor(a, b), true
}

func (w *worksheetPage) Render() app.UI {
	s := w.sheet
	title := "Role definition worksheet"
	content := []app.UI{
		app.Div().Class("sheet-tools no-print").Body(
			app.A().Class("button secondary").Href(w.back).Text("← Back"),
			app.If(w.ready, app.Button().ID("print").Text("Print").OnClick(func(ctx app.Context, e app.Event) {
				app.Window().Call("print")
			})),
		),
	}
	if !w.ready {
		msg := "Loading…"
		if w.problem != "" {
			msg = w.problem
		}
		content = append(content, app.H1().Text(title), app.P().Class("alert").ID("sheet-problem").Text(msg))
		return layout(content...)
	}
	variant := "blank"
	if s.Filled {
		variant = "filled"
	}
	content = append(content, app.Article().Class("sheet sheet-"+variant).ID("sheet").Body(
		app.Header().Class("sheet-head").Body(
			app.H1().Text(title),
			app.P().Class("sheet-sub").Text(s.Subtitle),
		),
		when(!s.Filled, func() app.UI { return blankSheet(s) }),
		when(s.Filled, func() app.UI { return filledSheet(s) }),
		app.Footer().Class("sheet-foot").Text("Made with Counterpart, after Will Larson's essay “Onboarding peer executives”."),
	))
	return layout(content...)
}

func blankSheet(s worksheet.Worksheet) app.UI {
	answers := []string{"Mine", "Yours", "Shared", "Unsure"}
	var head2, rows []app.UI
	for range s.Names {
		for _, a := range answers {
			head2 = append(head2, app.Th().Scope("col").Class("box-col").Text(a))
		}
	}
	areas := s.Areas
	for i := 0; i < s.WriteIns; i++ {
		areas = append(areas[:len(areas):len(areas)], "")
	}
	for _, area := range areas {
		cells := []app.UI{app.Th().Scope("row").Text(area)}
		for i := range s.Names {
			for j := range answers {
				cls := "box-cell"
				if i == 1 && j == 0 {
					cls += " split"
				}
				cells = append(cells, app.Td().Class(cls).Body(app.Span().Class("box").Aria("hidden", true)))
			}
		}
		rows = append(rows, app.Tr().Body(cells...))
	}
	lines := func(n int) app.UI {
		var ls []app.UI
		for i := 0; i < n; i++ {
			ls = append(ls, app.Div().Class("line"))
		}
		return app.Div().Class("lines").Body(ls...)
	}
	person := func(name, other string) app.UI {
		return app.Div().Class("sheet-box").Body(
			app.H3().Text(name),
			app.P().Class("prompt-line").Text("What I expect of my role"),
			lines(6),
			app.P().Class("prompt-line").Text("What I expect of "+other+"'s role"),
			lines(6),
		)
	}
	return app.Div().Body(
		app.Section().Class("sheet-section").Body(
			app.H2().Text("1. Who owns what"),
			app.P().Class("sheet-note").Text("Each of you, alone: for every area, tick who you think owns it, from your own point of view. Then compare, and talk through every row where your ticks differ."),
			app.Table().Class("grid-sheet").Body(
				app.THead().Body(
					app.Tr().Body(
						app.Th().Scope("col").Rowspan(2).Text("Area"),
						app.Th().Scope("colgroup").ColSpan(4).Class("person-col").Text(s.Names[0]),
						app.Th().Scope("colgroup").ColSpan(4).Class("person-col split").Text(s.Names[1]),
					),
					app.Tr().Body(head2...),
				),
				app.TBody().Body(rows...),
			),
		),
		app.Section().Class("sheet-section page-break").Body(
			app.H2().Text("2. What we expect of each role"),
			app.P().Class("sheet-note").Text("Write alone first, then read each other's."),
			app.Div().Class("two-columns").Body(person(s.Names[0], s.Names[1]), person(s.Names[1], s.Names[0])),
		),
		app.Section().Class("sheet-section").Body(
			app.H2().Text("3. When we disagree in front of others, we will…"),
			lines(4),
		),
		app.Section().Class("sheet-section").Body(
			app.H2().Text("4. When we cannot agree, we escalate"),
			app.Ol().Class("steps").Body(
				app.Li().Body(lines(1)), app.Li().Body(lines(1)), app.Li().Body(lines(1)),
			),
		),
		app.Section().Class("sheet-section").Body(
			app.H2().Text("5. Time together"),
			app.P().Class("fill-line").Text("Weekly 1:1 (an hour is recommended): day ____________  time ________"),
			app.P().Class("fill-line").Text("Time that isn't about work, and how often: ______________________________"),
			app.P().Class("fill-line").Text("Meetings where both our organisations meet: ______________________________"),
		),
	)
}

func filledSheet(s worksheet.Worksheet) app.UI {
	var counts []app.UI
	for _, c := range s.Counts {
		counts = append(counts, app.Li().Class("verdict-"+string(c.Verdict)).Body(
			app.Strong().Text(itoa(c.N)), app.Text(" "+strings.ToLower(c.Verdict.Label())),
		))
	}
	var rows []app.UI
	for _, r := range s.Rows {
		mark := ""
		if r.Verdict.Mismatch() {
			mark = "⚠ "
		}
		rows = append(rows, app.Tr().Class("verdict-"+string(r.Verdict)).Body(
			app.Th().Scope("row").Text(r.Area),
			app.Td().Text(r.Answers[0]),
			app.Td().Text(r.Answers[1]),
			app.Td().Class("verdict-cell").Text(mark+r.Verdict.Label()),
		))
	}
	expectation := func(e worksheet.Expectation) app.UI {
		return app.Div().Class("sheet-box").Body(
			app.H3().Text(e.Name),
			app.P().Class("prompt-line").Text("Of their own role"),
			md(orNothing(e.OfMine)),
			app.P().Class("prompt-line").Text("Of "+e.Other+"'s role"),
			md(orNothing(e.OfTheirs)),
		)
	}
	var escalation []app.UI
	for _, step := range s.Escalation {
		escalation = append(escalation, app.Li().Body(md(step)))
	}
	var cadence []app.UI
	for _, line := range s.Cadence {
		cadence = append(cadence, app.Li().Text(line))
	}
	var agenda []app.UI
	for _, item := range s.Agenda {
		agenda = append(agenda, app.Li().Text(item))
	}
	return app.Div().Body(
		app.Section().Class("sheet-section").Body(
			app.H2().Text("1. Who owns what"),
			app.Ul().Class("verdict-counts").Body(counts...),
			app.Table().Class("compare-sheet").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Area"),
					app.Th().Scope("col").Text(s.Names[0]+" says"),
					app.Th().Scope("col").Text(s.Names[1]+" says"),
					app.Th().Scope("col").Text("Verdict"),
				)),
				app.TBody().Body(rows...),
			),
		),
		app.Section().Class("sheet-section").Body(
			app.H2().Text("2. What we expect of each role"),
			app.Div().Class("two-columns").Body(expectation(s.Expectations[0]), expectation(s.Expectations[1])),
		),
		app.Div().Class("two-columns").Body(
			app.Section().Class("sheet-section").Body(
				app.H2().Text("3. Disagreeing in front of others"),
				md(orNothing(s.Disagreement)),
			),
			app.Section().Class("sheet-section").Body(
				app.H2().Text("4. Escalation"),
				app.If(len(escalation) > 0, app.Ol().Class("steps").Body(escalation...)),
				app.If(len(escalation) == 0, app.P().Text("Not agreed yet.")),
			),
		),
		app.Div().Class("two-columns").Body(
			app.Section().Class("sheet-section").Body(
				app.H2().Text("5. Time together"),
				app.If(len(cadence) > 0, app.Ul().Body(cadence...)),
				app.If(len(cadence) == 0, app.P().Text("Not agreed yet.")),
			),
			app.If(len(agenda) > 0, app.Section().Class("sheet-section").Body(
				app.H2().Text("For the next 1:1"),
				app.Ul().Body(agenda...),
			)),
		),
	)
}
