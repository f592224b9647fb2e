package ui

import (
	"strconv"
	"strings"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// rolesState is what the role agreement page remembers between renders.
type rolesState struct {
	manage  bool   // the list of areas is open for editing
	newArea string // the area being typed in
	// confirmFinish and confirmWritten ask once before sealing a grid with
	// areas unanswered, or expectations with nothing written.
	confirmFinish, confirmWritten bool
	// undoSeal and undoWritten open again what the person at the screen
	// has just sealed: offered right there, and only to them, since
	// nothing else opens a sealed side (onboarding.FinishSide says why).
	undoSeal, undoWritten onboarding.Undo
}

// forget drops what the page asked or offered the person writing, when
// another takes their place: a confirmation or an undo is theirs alone.
func (r *rolesState) forget() {
	r.confirmFinish, r.confirmWritten = false, false
	r.undoSeal, r.undoWritten = nil, nil
}

func steps(o *onboarding.Onboarding) *[]onboarding.Step { return &o.Roles.Escalation }

var (
	escalationList = listSpec{key: "escalation", noun: "step", numbered: true, list: onboarding.Lists.Escalation, fields: []field{
		{key: "step", label: "Step", name: "Text", kind: longText},
	}}
	sharedList = listSpec{key: "shared", noun: "shared meeting", list: onboarding.Lists.Shared, fields: []field{
		{key: "meeting", label: "Meeting", name: "Name"},
		{key: "meeting-cadence", label: "How often", name: "Cadence"},
		{key: "debrief", label: "We talk it over afterwards", name: "Debrief", kind: checkBox},
	}}
)

// rolesPrompt renders the stage "Who owns what".
func (p *stagePage) rolesPrompt(prompt string) app.UI {
	switch prompt {
	case "ownership":
		return p.ownership()
	case "expectations":
		return div("", p.expectations(), p.stakes())
	case "disagreement":
		return p.noteField("disagreement", "What we do when we disagree in front of others", func(o *onboarding.Onboarding) *onboarding.Note { return &o.Roles.Disagreement })
	case "escalation":
		return p.renderList(escalationList)
	case "cadence":
		return p.cadence()
	}
	return nil
}

// ownership is the grid while the sides are open, and the comparison once
// both are in. While open it renders only from a BlindView, which holds
// nothing of the other person's side.
func (p *stagePage) ownership() app.UI {
	o := p.o
	writer := o.CurrentWriter()
	other := o.Other(writer)
	var parts []app.UI
	if o.Roles.BothDone(o) {
		parts = append(parts, p.comparison())
	} else {
		view := onboarding.ViewFor(o, writer)
		if view.Done {
			parts = append(parts, p.sealed(view, other))
		} else {
			parts = append(parts, p.grid(view, other))
		}
	}
	// Once the grid is compared, the pair can tell the organisation.
	parts = append(parts, &sweepPanel{App: p.App, O: o, Edit: p.edit, Key: "sweep"}, &announcePanel{App: p.App, O: o, Edit: p.edit})
	parts = append(parts, app.P().Class("worksheet-links no-print").Body(
		app.Text("For the first meeting: "),
		buttonLink("worksheet-blank", "", worksheetLink(o.ID, "blank"), "print the blank worksheet"),
		app.If(o.Roles.BothDone(o), app.Text(" or "), buttonLink("worksheet-filled", "", worksheetLink(o.ID, "filled"), "print the filled worksheet")),
		app.Text("."),
	))
	return div("", parts...)
}

func (p *stagePage) grid(view onboarding.BlindView, other *onboarding.Person) app.UI {
	writer := p.o.PersonByID(view.Person)
	otherState := other.Name + " has not finished their side of the grid yet."
	if view.OtherDone {
		otherState = other.Name + " has finished their side of the grid."
	}
	var rows []app.UI
	for _, r := range view.Rows {
		rows = append(rows, p.gridRow(r))
	}
	unanswered := view.Unanswered()
	finish := button("finish-side", "", "Seal my grid", func(ctx app.Context, e app.Event) {
		if unanswered > 0 && !p.roles.confirmFinish {
			p.roles.confirmFinish = true
			return
		}
		p.roles.confirmFinish = false
		var undo onboarding.Undo
		p.edit(ctx, func(o *onboarding.Onboarding) { undo = onboarding.FinishSide(o, view.Person, p.now()) })
		p.roles.undoSeal = undo
		p.focusLater(ctx, p, "sealed-title")
	}, view.Person, unanswered)
	return div("grid-wrap",
		app.P().Class("blind-note").Body(
			app.Strong().Text(writer.Name+", you answer alone. "),
			app.Text(other.Name+" sees your answers only once you have both sealed your grids. "+otherState),
		),
		app.Div().Class("own-grid").ID("own-grid").Body(rows...),
		app.If(len(view.Rows) == 0, para("muted", "No areas yet. Add the areas of responsibility that matter between your two functions.")),
		p.manageAreas(),
		app.If(p.roles.confirmFinish, app.P().Class("warning").Role("alert").Text(
			words.Count(unanswered, "area has", "areas have")+" no answer from you, and will show as not answered. Press the button again to seal the grid anyway.")),
		div("actions seal",
			finish,
			para("field-hint", "This seals the grid only: what you expect of each role, below, stays open until you finish it."),
		),
	)
}

func (p *stagePage) gridRow(r onboarding.BlindRow) app.UI {
	id := r.ID
	writer := p.o.CurrentWriter()
	var options []app.UI
	for _, a := range onboarding.Answers {
		a := a
		inputID := "own-" + id + "-" + string(a)
		options = append(options, app.Span().Class("seg").Body(
			app.Input().Type("radio").ID(inputID).Name("own-"+id).Value(string(a)).Checked(r.Answer == a).
				OnChange(func(ctx app.Context, e app.Event) {
					p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.AnswerArea(o, id, writer, a, p.now()) })
				}, id, writer, a),
			app.Label().For(inputID).Text(a.Label()),
		))
	}
	return app.FieldSet().Class("own-row").DataSet("row", id).Body(
		app.Legend().Text(r.Area),
		div("segments", options...),
	)
}

// manageAreas lets the pair add, rename and remove areas. Areas are shared
// by both sides; only the answers are private.
func (p *stagePage) manageAreas() app.UI {
	if !p.roles.manage {
		return div("actions",
			button("manage-areas", "secondary", "Add, rename or remove areas", func(ctx app.Context, e app.Event) {
				p.roles.manage = true
				p.focusLater(ctx, p, "new-area")
			}),
		)
	}
	var items []app.UI
	for _, r := range p.o.Roles.Rows {
		id, area := r.ID, r.Area
		items = append(items, app.Li().Class("area-item").Body(
			&textField{App: p.App, ID: "area-" + id, Label: "Area", Value: area, Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) {
				p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.RenameArea(o, id, v, p.now()) })
			}},
			p.removeButton("secondary danger-text", "Remove the area "+area, onboarding.Lists.Areas, id, "Removed the area “"+area+"”."),
		))
	}
	return div("manage-areas card",
		h3("Areas"),
		ul("plain", items...),
		p.addForm("inline-form", textField{ID: "new-area", Label: "New area", Max: onboarding.MaxShort, Hint: "For example: “Vendor contracts for developer tools”."}, &p.roles.newArea,
			submitButton("add-area", "Add the area"),
			func(o *onboarding.Onboarding, area string) error {
				_, err := onboarding.AddArea(o, area, p.now())
				return err
			}),
		button("", "secondary", "Done with the areas", func(ctx app.Context, e app.Event) { p.roles.manage = false }),
	)
}

// sealed is shown to a person who has sealed their grid while the other
// has not. It offers to open the grid again only to whoever has just
// sealed it: anyone else at this device could read it.
func (p *stagePage) sealed(view onboarding.BlindView, other *onboarding.Person) app.UI {
	me := p.o.PersonByID(view.Person)
	return p.sealedCard("sealed", me.Name+"'s grid is sealed",
		"It stays hidden until "+other.Name+" has sealed theirs; then the comparison appears here, and either of you can change an answer. If "+other.Name+" is at this device, switch “Who is writing?” above to "+other.Name+".",
		&p.roles.undoSeal, "unseal", "Open my grid again", "finish-side")
}

// sealedCard says that what one person wrote blind is sealed. Right
// after they sealed it, *undo holds the way back: a button labelled
// label opens it again in one step, then focuses the element back.
func (p *stagePage) sealedCard(id, title, text string, undo *onboarding.Undo, button, label, back string) app.UI {
	return app.Section().Class("sealed card").ID(id).Aria("labelledby", id+"-title").Body(
		app.H3().ID(id+"-title").TabIndex(-1).Text(title),
		para("", text),
		app.If(*undo != nil, div("actions",
			app.Button().Class("secondary").ID(button).Text(label).OnClick(func(ctx app.Context, e app.Event) {
				put := *undo
				*undo = nil
				p.edit(ctx, func(o *onboarding.Onboarding) { put(o, p.now()) })
				p.focusLater(ctx, p, back)
			}, button),
		)),
	)
}

// comparison shows both sides of every area, mismatches first.
func (p *stagePage) comparison() app.UI {
	o := p.o
	rows, counts := onboarding.Compare(o)
	var summary []app.UI
	for _, v := range onboarding.Verdicts {
		if n := counts[v]; n > 0 {
			summary = append(summary, verdictCount(v, n))
		}
	}
	var trs []app.UI
	for _, c := range rows {
		rowID, verdict := c.Row.ID, c.Verdict
		var action app.UI
		switch {
		case c.OnAgenda:
			action = span("muted", "On the next 1:1 agenda")
		case verdict.Mismatch():
			action = app.Button().Class("secondary small").Text("Add to next 1:1").Aria("label", "Add to next 1:1: "+c.Row.Area).
				OnClick(func(ctx app.Context, e app.Event) {
					p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.AddToAgenda(o, rowID, o.CurrentWriter(), p.now()) })
				}, rowID)
		}
		trs = append(trs, app.Tr().Class("verdict-"+string(verdict)).DataSet("row", rowID).Body(
			app.Th().Scope("row").Text(c.Row.Area),
			app.Td().DataSet("label", o.Buddy.Name).Text(o.OwnerName(c.Buddy, o.Buddy.ID)),
			app.Td().DataSet("label", o.Newcomer.Name).Text(o.OwnerName(c.Newcomer, o.Newcomer.ID)),
			app.Td().Body(verdictCell(o, c)),
			app.Td().Body(action),
		))
	}
	var agenda []app.UI
	for _, item := range o.Queued() {
		agenda = append(agenda, li(item.Text))
	}
	writer := o.CurrentWriter()
	view := onboarding.ViewFor(o, writer)
	return app.Div().Class("comparison").ID("comparison").Body(
		para("", "You have both sealed your grids. Each row shows who each of you thinks owns the area, and, once you have agreed it at a 1:1, who owns it."),
		app.Ul().Class("verdict-counts").ID("verdict-counts").Body(summary...),
		div("table-wrap", app.Table().Class("compare").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Area"),
				app.Th().Scope("col").Text(o.Buddy.Name+" says"),
				app.Th().Scope("col").Text(o.Newcomer.Name+" says"),
				app.Th().Scope("col").Text("Verdict"),
				app.Th().Scope("col").Body(span("visually-hidden", "Next step")),
			)),
			app.TBody().Body(trs...),
		)),
		app.If(len(agenda) > 0, div("agenda card",
			h3("For the next 1:1"),
			app.Ul().ID("agenda").Body(agenda...),
		)),
		app.Details().Class("change-answers").Body(
			app.Summary().Text("Change "+o.PersonByID(writer).Name+"'s answers"),
			div("own-grid", app.Range(view.Rows).Slice(func(i int) app.UI { return p.gridRow(view.Rows[i]) })),
			p.manageAreas(),
		),
	)
}

// verdictCell says how an area stands: for one agreed after talking it
// over, who owns it.
func verdictCell(o *onboarding.Onboarding, c onboarding.Comparison) app.UI {
	label := c.Verdict.Label()
	if c.Verdict == onboarding.Settled {
		label += ": " + o.OwnerLabel(c.Owner)
	}
	return app.Span().Class("verdict verdict-" + string(c.Verdict)).Text(label)
}

// verdictCount says how many areas got a verdict, such as "3 both claim it".
func verdictCount(v onboarding.Verdict, n int) app.UI {
	return app.Li().Class("verdict-"+string(v)).Body(app.Strong().Text(itoa(n)), app.Text(" "+strings.ToLower(v.Label())))
}

// expectations are written blind too, sealed apart from the grid, and
// shown side by side once both people have sealed theirs.
func (p *stagePage) expectations() app.UI {
	o := p.o
	writer := o.CurrentWriter()
	if o.Roles.BothWritten(o) {
		column := func(person onboarding.Person) app.UI {
			s := o.Roles.SideOf(person.ID)
			other := o.Other(person.ID)
			return div("card expectation",
				h3(person.Name),
				app.H4().Text("Of their own role"),
				p.md(orNothing(s.ExpectMine)),
				app.H4().Text("Of "+other.Name+"'s role"),
				p.md(orNothing(s.ExpectYours)),
			)
		}
		return app.Div().Class("two-columns").ID("expectations-both").Body(column(o.Buddy), column(o.Newcomer))
	}
	view := onboarding.ViewFor(o, writer)
	other := o.Other(writer)
	if view.Written {
		me := o.PersonByID(writer)
		return p.sealedCard("written", me.Name+"'s expectations are sealed",
			"They stay hidden until "+other.Name+" has finished writing theirs; then you read both here, side by side.",
			&p.roles.undoWritten, "unseal-written", "Open what I wrote again", "finish-written")
	}
	side := func(set func(*onboarding.Side, string)) func(ctx app.Context, v string) {
		return func(ctx app.Context, v string) {
			p.edit(ctx, func(o *onboarding.Onboarding) {
				onboarding.EditSide(o, writer, p.now(), func(s *onboarding.Side) { set(s, v) })
			})
		}
	}
	empty := strings.TrimSpace(view.ExpectMine) == "" || strings.TrimSpace(view.ExpectYours) == ""
	finish := button("finish-written", "", "I have finished writing", func(ctx app.Context, e app.Event) {
		if empty && !p.roles.confirmWritten {
			p.roles.confirmWritten = true
			return
		}
		p.roles.confirmWritten = false
		var undo onboarding.Undo
		p.edit(ctx, func(o *onboarding.Onboarding) { undo = onboarding.FinishExpectations(o, writer, p.now()) })
		p.roles.undoWritten = undo
		p.focusLater(ctx, p, "written-title")
	}, writer, empty)
	otherState := other.Name + " has not finished theirs yet."
	if view.OtherWritten {
		otherState = other.Name + " has finished theirs."
	}
	return div("",
		para("blind-note", "Written alone too: "+other.Name+" reads this once you have both finished writing. "+otherState),
		&textField{App: p.App, ID: "expect-mine-" + writer, Label: "What I expect of my role", Value: view.ExpectMine, Long: true, Max: onboarding.MaxText, Markdown: p.hint.take(),
			OnChange: side(func(s *onboarding.Side, v string) { s.ExpectMine = v })},
		&textField{App: p.App, ID: "expect-yours-" + writer, Label: "What I expect of " + other.Name + "'s role", Value: view.ExpectYours, Long: true, Max: onboarding.MaxText, Markdown: p.hint.take(),
			OnChange: side(func(s *onboarding.Side, v string) { s.ExpectYours = v })},
		app.If(p.roles.confirmWritten, app.P().Class("warning").Role("alert").Text(
			"One of the two boxes is empty. Press the button again to finish anyway.")),
		div("actions seal", finish),
	)
}

func orNothing(s string) string {
	if strings.TrimSpace(s) == "" {
		return "*Nothing written.*"
	}
	return s
}

// cadence is the weekly 1:1, the time that isn't about work, and the
// meetings where both organisations meet.
func (p *stagePage) cadence() app.UI {
	c := p.o.Roles.Cadence
	days := make([]choice, 0, len(onboarding.Weekdays))
	for _, d := range onboarding.Weekdays {
		days = append(days, choice{d, words.Capitalize(d)})
	}
	lengths := []choice{{"30", "30 minutes"}, {"45", "45 minutes"}, {"60", "1 hour (recommended)"}, {"90", "90 minutes"}}
	minutes := ""
	if c.Minutes > 0 {
		minutes = itoa(c.Minutes)
	}
	setCadence := func(change func(*onboarding.Cadence)) func(*onboarding.Onboarding) {
		return func(o *onboarding.Onboarding) { change(&o.Roles.Cadence) }
	}
	timeErr := onboarding.CheckTime(c.Time)
	secondDays := make([]choice, 0, len(onboarding.Weekdays))
	for _, d := range onboarding.Weekdays {
		secondDays = append(secondDays, choice{d, "The second " + words.Capitalize(d)})
	}
	return div("cadence",
		h3("The weekly 1:1"),
		div("row-fields",
			selectField("one-on-one-day", "Day", c.Day, days, func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetDay(v, browserZone()) }))
			}),
			&textField{App: p.App, ID: "one-on-one-time", Label: "Time", Type: "time", Value: c.Time, Max: 5, Error: timeErr, OnChange: func(ctx app.Context, v string) {
				if onboarding.CheckTime(v) == "" {
					p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetTime(v) }))
				}
			}},
			selectField("one-on-one-length", "Length", minutes, lengths, func(ctx app.Context, v string) {
				n, _ := strconv.Atoi(v) // "" (not chosen) is 0
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetMinutes(n) }))
			}),
		),
		&zonePicker{ID: "one-on-one-zone", Label: "Time zone", Value: c.ZoneOr(browserZone()),
			Hint: "This device's zone unless you choose another. The calendar file keeps the 1:1 at this time here, through summer time.",
			onPick: func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetZone(v) }))
			}},
		app.If(c.ShorterThanRecommended(), para("field-hint", "An hour leaves room for two or three real problems; most pairs keep it for a few weeks before they shorten it.")),
		h3("Time that isn't about work"),
		&textField{App: p.App, ID: "social", Label: "How often, and what", Value: c.Social, Max: onboarding.MaxShort, Hint: "For example: lunch once a month, dinner each quarter.", OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetSocial(v) }))
		}},
		div("row-fields",
			selectField("social-every", "In the calendar", c.SocialEvery, []choice{{onboarding.Monthly, "Every month"}, {onboarding.Quarterly, "Every quarter"}}, func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetSocialEvery(v) }))
			}),
			selectField("social-day", "Which day", c.SocialDay, secondDays, func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetSocialDay(v) }))
			}),
			&textField{App: p.App, ID: "social-time", Label: "At", Type: "time", Value: c.SocialTime, Max: 5, OnChange: func(ctx app.Context, v string) {
				if onboarding.CheckTime(v) == "" {
					p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SetSocialTime(v) }))
				}
			}},
		),
		para("field-hint", "Choose all three to put this time in the calendar file."),
		h3("Meetings where both organisations meet"),
		p.renderList(sharedList),
		p.sessions(),
	)
}

// sessions books the working sessions for the stages of the guide, for
// the calendar file: a stage left blank stays out of it.
func (p *stagePage) sessions() app.UI {
	o := p.o
	start, _ := time.Parse("2006-01-02", o.StartDate)
	var fields []app.UI
	for _, st := range guide.Stages() {
		stage := st.ID
		hint := ""
		if !start.IsZero() && st.SessionDay > 0 {
			hint = "The guide suggests " + words.DayAndMonth(onboarding.WorkingDay(start, st.SessionDay).Format("2006-01-02")) + "."
		}
		fields = append(fields, &textField{App: p.App, ID: "session-" + string(stage), Label: st.Title, Type: "datetime-local",
			Value: o.Roles.Cadence.Sessions.At(stage), Max: 16, Hint: hint,
			OnChange: func(ctx app.Context, v string) {
				if onboarding.CheckSession(v) == "" {
					p.edit(ctx, func(o *onboarding.Onboarding) { o.Roles.Cadence.SetSession(stage, v) })
				}
			}})
	}
	return app.Details().Class("sessions").ID("sessions").Open(o.Roles.Cadence.Sessions != onboarding.Sessions{}).Body(
		app.Summary().Text("Sessions for the five stages, in your calendar"),
		para("field-hint", "Book the sessions you will hold together and they go in the calendar file, at the time you choose. A stage left blank stays out of it."),
		div("session-fields", fields...),
	)
}
