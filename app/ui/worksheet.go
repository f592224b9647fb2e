package ui

import (
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
	*App

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
		o, msg := w.loadOnboarding(id, false)
		if o == nil {
			w.problem = msg
			return
		}
		w.back = stageLink(onboarding.StageRoles, o.ID)
		if q.Get("variant") == "filled" {
			var err error
			w.sheet, err = worksheet.Filled(o)
			if err != nil {
				w.problem = failed("Not yet", err)
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
		div("sheet-tools no-print",
			buttonLink("", "button secondary", w.back, "← Back"),
			when(w.ready, func() app.UI { return button("print", "", "Print", printPage) }),
		),
	}
	if !w.ready {
		msg := "Loading…"
		if w.problem != "" {
			msg = w.problem
		}
		content = append(content, app.H1().Text(title), app.P().Class("alert").ID("sheet-problem").Text(msg))
		return w.layout(content...)
	}
	variant := "blank"
	if s.Filled {
		variant = "filled"
	}
	content = append(content, app.Article().Class("sheet sheet-"+variant).ID("sheet").Body(
		app.Header().Class("sheet-head").Body(app.H1().Text(title), para("sheet-sub", s.Subtitle)),
		when(!s.Filled, func() app.UI { return w.blankSheet(s) }),
		when(s.Filled, func() app.UI { return w.filledSheet(s) }),
		app.Footer().Class("sheet-foot").Text("Made with Counterpart, after Will Larson's essay “Onboarding peer executives”."),
	))
	return w.layout(content...)
}

// sheetSection is one numbered part of the worksheet.
func sheetSection(class, title string, body ...app.UI) app.UI {
	return app.Section().Class("sheet-section " + class).Body(append([]app.UI{app.H2().Text(title)}, body...)...)
}

// lines are n ruled lines to write on.
func lines(n int) app.UI {
	ls := make([]app.UI, n)
	for i := range ls {
		ls[i] = div("line")
	}
	return div("lines", ls...)
}

// orNotAgreed is a list, or says that nothing was agreed yet.
func orNotAgreed(list app.UI, items []app.UI) app.UI {
	if len(items) == 0 {
		return para("", "Not agreed yet.")
	}
	return list
}

func (a *App) blankSheet(s worksheet.Worksheet) app.UI {
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
		// A row left blank for the pen still names itself to a screen
		// reader, which reads each box by its row.
		head := app.Th().Scope("row").Text(area)
		if area == "" {
			head = app.Th().Scope("row").Body(app.Span().Class("visually-hidden").Text("An area you write in"))
		}
		cells := []app.UI{head}
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
	person := func(name, other string) app.UI {
		return div("sheet-box",
			h3(name),
			para("prompt-line", "What I expect of my role"),
			lines(6),
			para("prompt-line", "What I expect of "+other+"'s role"),
			lines(6),
		)
	}
	steps := make([]app.UI, 3)
	for i := range steps {
		steps[i] = app.Li().Body(lines(1))
	}
	return div("",
		sheetSection("", "1. Who owns what",
			para("sheet-note", "Each of you, alone: for every area, tick who you think owns it, from your own point of view. Then compare, and talk through every row where your ticks differ."),
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
		sheetSection("page-break", "2. What we expect of each role",
			para("sheet-note", "Write alone first, then read each other's."),
			div("two-columns", person(s.Names[0], s.Names[1]), person(s.Names[1], s.Names[0])),
		),
		sheetSection("", "3. When we disagree in front of others, we will…", lines(4)),
		sheetSection("", "4. When we cannot agree, we escalate", app.Ol().Class("steps").Body(steps...)),
		sheetSection("", "5. Time together",
			para("fill-line", "Weekly 1:1 (an hour is recommended): day ____________  time ________"),
			para("fill-line", "Time that isn't about work, and how often: ______________________________"),
			para("fill-line", "Meetings where both our organisations meet: ______________________________"),
		),
	)
}

func (a *App) filledSheet(s worksheet.Worksheet) app.UI {
	var counts []app.UI
	for _, c := range s.Counts {
		counts = append(counts, verdictCount(c.Verdict, c.N))
	}
	var rows []app.UI
	for _, r := range s.Rows {
		mark := ""
		if r.Verdict.Mismatch() {
			mark = "⚠ "
		}
		rows = append(rows, app.Tr().Class("verdict-"+string(r.Verdict)).Body(
			app.Th().Scope("row").Text(r.Area),
			app.Td().DataSet("label", s.Names[0]).Text(r.Answers[0]),
			app.Td().DataSet("label", s.Names[1]).Text(r.Answers[1]),
			app.Td().Class("verdict-cell").Text(mark+r.VerdictLine()),
		))
	}
	expectation := func(e worksheet.Expectation) app.UI {
		return div("sheet-box",
			h3(e.Name),
			para("prompt-line", "Of their own role"),
			a.md(orNothing(e.OfMine)),
			para("prompt-line", "Of "+e.Other+"'s role"),
			a.md(orNothing(e.OfTheirs)),
		)
	}
	var escalation []app.UI
	for _, step := range s.Escalation {
		escalation = append(escalation, app.Li().Body(a.md(step)))
	}
	cadence, agenda := textItems(s.Cadence), textItems(s.Agenda)
	heads := []app.UI{}
	for _, h := range []string{"Area", s.Names[0] + " says", s.Names[1] + " says", "Verdict"} {
		heads = append(heads, app.Th().Scope("col").Text(h))
	}
	return div("",
		sheetSection("", "1. Who owns what",
			ul("verdict-counts", counts...),
			app.Table().Class("compare-sheet").Body(
				app.THead().Body(app.Tr().Body(heads...)),
				app.TBody().Body(rows...),
			),
		),
		sheetSection("", "2. What we expect of each role",
			div("two-columns", expectation(s.Expectations[0]), expectation(s.Expectations[1])),
		),
		div("two-columns",
			sheetSection("", "3. Disagreeing in front of others", a.md(orNothing(s.Disagreement))),
			sheetSection("", "4. Escalation", orNotAgreed(app.Ol().Class("steps").Body(escalation...), escalation)),
		),
		div("two-columns",
			sheetSection("", "5. Time together", orNotAgreed(ul("", cadence...), cadence)),
			when(len(agenda) > 0, func() app.UI { return sheetSection("", "For the next 1:1", ul("", agenda...)) }),
		),
	)
}
