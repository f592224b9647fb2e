package ui

import (
	"strconv"
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// rolesState is what the role agreement page remembers between renders.
type rolesState struct {
	manage        bool   // the list of areas is open for editing
	newArea       string // the area being typed in
	confirmReopen bool
	confirmFinish bool
	zoneErr       string // what is wrong with the time zone typed
}

func roleRows(o *onboarding.Onboarding) *[]onboarding.RoleRow     { return &o.Roles.Rows }
func steps(o *onboarding.Onboarding) *[]onboarding.Step           { return &o.Roles.Escalation }
func shared(o *onboarding.Onboarding) *[]onboarding.SharedMeeting { return &o.Roles.Cadence.Shared }

// rolesPrompt renders the stage "Who owns what".
func (p *stagePage) rolesPrompt(prompt string) app.UI {
	switch prompt {
	case "ownership":
		return p.ownership()
	case "expectations":
		return p.expectations()
	case "disagreement":
		return p.noteField("disagreement", "What we do when we disagree in front of others", func(o *onboarding.Onboarding) *onboarding.Note { return &o.Roles.Disagreement })
	case "escalation":
		type S = onboarding.Step
		var cards []card
		for _, st := range p.o.Roles.Escalation {
			f := fieldsOf[S, *S]{items: steps, id: st.ID}
			cards = append(cards, card{meta: st.Meta, title: firstLine(st.Text), titleKey: "step", fields: []cardField{
				f.text("step", "Step", longText, st.Text, func(x *S, v string) { x.Text = v }),
			}})
		}
		return p.renderList(listSpec{key: "escalation", noun: "step", numbered: true, list: listOf[onboarding.Step, *onboarding.Step]{items: steps}, cards: cards})
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
	parts = append(parts, app.P().Class("worksheet-links no-print").Body(
		app.Text("For the first meeting: "),
		app.A().ID("worksheet-blank").Href(worksheetLink(o.ID, "blank")).Text("print the blank worksheet"),
		app.If(o.Roles.BothDone(o), app.Text(" or "), app.A().ID("worksheet-filled").Href(worksheetLink(o.ID, "filled")).Text("print the filled worksheet")),
		app.Text("."),
	))
	return app.Div().Body(parts...)
}

func (p *stagePage) grid(view onboarding.BlindView, other *onboarding.Person) app.UI {
	writer := p.o.PersonByID(view.Person)
	otherState := other.Name + " has not finished their side yet."
	if view.OtherDone {
		otherState = other.Name + " has finished their side; their answers stay hidden until you finish yours."
	}
	var rows []app.UI
	unanswered := 0
	for _, r := range view.Rows {
		if r.Answer == onboarding.Unanswered {
			unanswered++
		}
		rows = append(rows, p.gridRow(r))
	}
	finish := app.Button().ID("finish-side").Text("I have finished my side").OnClick(func(ctx app.Context, e app.Event) {
		if unanswered > 0 && !p.roles.confirmFinish {
			p.roles.confirmFinish = true
			return
		}
		p.roles.confirmFinish = false
		p.edit(ctx, func(o *onboarding.Onboarding) {
			s := o.Roles.SideOf(view.Person)
			s.Done, s.Updated = true, now().UTC()
		})
	}, view.Person, unanswered)
	return app.Div().Class("grid-wrap").Body(
		app.P().Class("blind-note").Body(
			app.Strong().Text(writer.Name+", you are answering alone. "),
			app.Text(otherState+" Sitting together? When it is "+other.Name+"'s turn, switch “Who is writing?” above: your answers stay hidden from them."),
		),
		app.Div().Class("own-grid").ID("own-grid").Body(rows...),
		app.If(len(view.Rows) == 0, app.P().Class("muted").Text("No areas yet. Add the areas of responsibility that matter between your two functions.")),
		p.manageAreas(),
		app.If(p.roles.confirmFinish, app.P().Class("warning").Role("alert").Text(
			itoa(unanswered)+" of the areas have no answer from you. They will show as not answered in the comparison. Press the button again to finish anyway.")),
		app.Div().Class("actions").Body(finish),
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
					p.edit(ctx, func(o *onboarding.Onboarding) {
						if row := onboarding.Find(o.Roles.Rows, id); row != nil {
							onboarding.SetAnswer(o, row, writer, a, now())
						}
					})
				}, id, writer, a),
			app.Label().For(inputID).Text(a.Label()),
		))
	}
	return app.FieldSet().Class("own-row").DataSet("row", id).Body(
		app.Legend().Text(r.Area),
		app.Div().Class("segments").Body(options...),
	)
}

// manageAreas lets the pair add, rename and remove areas. Areas are shared
// by both sides; only the answers are private.
func (p *stagePage) manageAreas() app.UI {
	if !p.roles.manage {
		return app.Div().Class("actions").Body(
			app.Button().Class("secondary").ID("manage-areas").Text("Add, rename or remove areas").OnClick(func(ctx app.Context, e app.Event) {
				p.roles.manage = true
				focusLater(ctx, p, "new-area")
			}),
		)
	}
	var items []app.UI
	for _, r := range p.o.Roles.Rows {
		id, area := r.ID, r.Area
		f := fieldsOf[onboarding.RoleRow, *onboarding.RoleRow]{items: roleRows, id: id}
		items = append(items, app.Li().Class("area-item").Body(
			&textField{ID: "area-" + id, Label: "Area", Value: area, Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) {
				p.edit(ctx, f.edit(func(x *onboarding.RoleRow) { x.Area = onboarding.Clip(v, onboarding.MaxShort) }))
			}},
			app.Button().Class("secondary danger-text").Text("Remove").Aria("label", "Remove the area "+area).OnClick(func(ctx app.Context, e app.Event) {
				var undo func(*onboarding.Onboarding)
				p.edit(ctx, func(o *onboarding.Onboarding) {
					undo, _ = listOf[onboarding.RoleRow, *onboarding.RoleRow]{items: roleRows}.remove(o, id)
				})
				p.undo, p.notice = undo, "Removed the area “"+area+"”."
			}, id, area),
		))
	}
	return app.Div().Class("manage-areas card").Body(
		app.H3().Text("Areas"),
		app.Ul().Class("plain").Body(items...),
		app.Form().Class("inline-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			area := strings.TrimSpace(p.roles.newArea)
			if area == "" {
				return
			}
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if row := onboarding.Add(&o.Roles.Rows, o.CurrentWriter(), now()); row != nil {
					row.Area = onboarding.Clip(area, onboarding.MaxShort)
				}
			})
			p.roles.newArea = ""
			app.Window().GetElementByID("new-area").Set("value", "")
			focusLater(ctx, p, "new-area")
		}).Body(
			&textField{ID: "new-area", Label: "New area", Max: onboarding.MaxShort, Hint: "For example: “Vendor contracts for developer tools”.", OnChange: func(ctx app.Context, v string) { p.roles.newArea = v }},
			app.Button().Type("submit").ID("add-area").Text("Add the area"),
		),
		app.Button().Class("secondary").Text("Done with the areas").OnClick(func(ctx app.Context, e app.Event) { p.roles.manage = false }),
	)
}

// sealed is shown to a person who has finished while the other has not.
func (p *stagePage) sealed(view onboarding.BlindView, other *onboarding.Person) app.UI {
	me := p.o.PersonByID(view.Person)
	reopen := app.Button().Class("secondary").ID("reopen-side").Text("Reopen "+me.Name+"'s answers").OnClick(func(ctx app.Context, e app.Event) {
		if !p.roles.confirmReopen {
			p.roles.confirmReopen = true
			return
		}
		p.roles.confirmReopen = false
		p.edit(ctx, func(o *onboarding.Onboarding) {
			s := o.Roles.SideOf(view.Person)
			s.Done, s.Updated = false, now().UTC()
		})
	}, view.Person)
	return app.Div().Class("sealed card").ID("sealed").Body(
		app.P().Body(app.Strong().Text(me.Name+" has finished.")),
		app.P().Text("These answers stay hidden until "+other.Name+" has finished too; then the comparison appears here. If "+other.Name+" is at this device, switch “Who is writing?” above to "+other.Name+"."),
		app.If(p.roles.confirmReopen, app.P().Class("warning").Role("alert").Text("Reopening shows "+me.Name+"'s answers on this screen. Make sure "+other.Name+" is not looking, then press the button again.")),
		reopen,
	)
}

// comparison shows both sides of every area, mismatches first.
func (p *stagePage) comparison() app.UI {
	o := p.o
	rows, counts := onboarding.Compare(o)
	var summary []app.UI
	for _, v := range onboarding.Verdicts {
		if n := counts[v]; n > 0 {
			summary = append(summary, app.Li().Class("verdict-"+string(v)).Body(
				app.Strong().Text(itoa(n)), app.Text(" "+strings.ToLower(v.Label())),
			))
		}
	}
	owner := func(a onboarding.Answer, person onboarding.Person) string {
		switch a {
		case onboarding.Mine:
			return person.Name
		case onboarding.Yours:
			return o.Other(person.ID).Name
		}
		return a.Label()
	}
	var trs []app.UI
	for _, c := range rows {
		rowID, verdict := c.Row.ID, c.Verdict
		var action app.UI
		switch {
		case c.OnAgenda:
			action = app.Span().Class("muted").Text("On the next 1:1 agenda")
		case verdict.Mismatch():
			action = app.Button().Class("secondary small").Text("Add to next 1:1").Aria("label", "Add "+c.Row.Area+" to the next 1:1 agenda").
				OnClick(func(ctx app.Context, e app.Event) {
					p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.AddToAgenda(o, rowID, o.CurrentWriter(), now()) })
				}, rowID)
		}
		trs = append(trs, app.Tr().Class("verdict-"+string(verdict)).DataSet("row", rowID).Body(
			app.Th().Scope("row").Text(c.Row.Area),
			app.Td().DataSet("label", o.Buddy.Name).Text(owner(c.Buddy, o.Buddy)),
			app.Td().DataSet("label", o.Newcomer.Name).Text(owner(c.Newcomer, o.Newcomer)),
			app.Td().Body(app.Span().Class("verdict verdict-"+string(verdict)).Text(verdict.Label())),
			app.Td().Body(action),
		))
	}
	var agenda []app.UI
	for _, item := range o.Agenda {
		agenda = append(agenda, app.Li().Text(item.Text))
	}
	writer := o.CurrentWriter()
	view := onboarding.ViewFor(o, writer)
	return app.Div().Class("comparison").ID("comparison").Body(
		app.P().Text("You have both finished. Each row shows who each of you thinks owns the area."),
		app.Ul().Class("verdict-counts").ID("verdict-counts").Body(summary...),
		app.Div().Class("table-wrap").Body(app.Table().Class("compare").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Area"),
				app.Th().Scope("col").Text(o.Buddy.Name+" says"),
				app.Th().Scope("col").Text(o.Newcomer.Name+" says"),
				app.Th().Scope("col").Text("Verdict"),
				app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text("Next step")),
			)),
			app.TBody().Body(trs...),
		)),
		app.If(len(agenda) > 0, app.Div().Class("agenda card").Body(
			app.H3().Text("For the next 1:1"),
			app.Ul().ID("agenda").Body(agenda...),
		)),
		app.Details().Class("change-answers").Body(
			app.Summary().Text("Change "+o.PersonByID(writer).Name+"'s answers"),
			app.Div().Class("own-grid").Body(app.Range(view.Rows).Slice(func(i int) app.UI { return p.gridRow(view.Rows[i]) })),
			p.manageAreas(),
		),
	)
}

// expectations are written blind too, and shown side by side once both
// sides are in.
func (p *stagePage) expectations() app.UI {
	o := p.o
	writer := o.CurrentWriter()
	if o.Roles.BothDone(o) {
		column := func(person onboarding.Person) app.UI {
			s := o.Roles.SideOf(person.ID)
			other := o.Other(person.ID)
			return app.Div().Class("card expectation").Body(
				app.H3().Text(person.Name),
				app.H4().Text("Of their own role"),
				md(orNothing(s.ExpectMine)),
				app.H4().Text("Of "+other.Name+"'s role"),
				md(orNothing(s.ExpectYours)),
			)
		}
		return app.Div().Class("two-columns").ID("expectations-both").Body(column(o.Buddy), column(o.Newcomer))
	}
	view := onboarding.ViewFor(o, writer)
	if view.Done {
		return app.P().Class("muted").Text("Hidden until you have both finished.")
	}
	other := o.Other(writer)
	side := func(set func(*onboarding.Side, string)) func(ctx app.Context, v string) {
		return func(ctx app.Context, v string) {
			p.edit(ctx, func(o *onboarding.Onboarding) {
				s := o.Roles.SideOf(writer)
				set(s, onboarding.Clip(v, onboarding.MaxText))
				s.Updated = now().UTC()
			})
		}
	}
	return app.Div().Body(
		&textField{ID: "expect-mine-" + writer, Label: "What I expect of my role", Value: view.ExpectMine, Long: true, Max: onboarding.MaxText, Markdown: true,
			OnChange: side(func(s *onboarding.Side, v string) { s.ExpectMine = v })},
		&textField{ID: "expect-yours-" + writer, Label: "What I expect of " + other.Name + "'s role", Value: view.ExpectYours, Long: true, Max: onboarding.MaxText, Markdown: true,
			OnChange: side(func(s *onboarding.Side, v string) { s.ExpectYours = v })},
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
	type M = onboarding.SharedMeeting
	var cards []card
	for _, m := range c.Shared {
		f := fieldsOf[M, *M]{items: shared, id: m.ID}
		cards = append(cards, card{meta: m.Meta, title: m.Name, titleKey: "meeting", fields: []cardField{
			f.text("meeting", "Meeting", shortText, m.Name, func(x *M, v string) { x.Name = v }),
			f.text("meeting-cadence", "How often", shortText, m.Cadence, func(x *M, v string) { x.Cadence = v }),
			f.check("debrief", "We talk it over afterwards", m.Debrief, func(x *M, v bool) { x.Debrief = v }),
		}})
	}
	timeErr := onboarding.CheckTime(c.Time)
	return app.Div().Class("cadence").Body(
		app.H3().Text("The weekly 1:1"),
		app.Div().Class("row-fields").Body(
			selectField("one-on-one-day", "Day", c.Day, days, func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) {
					c.Day = v
					if c.Zone == "" {
						// The calendar needs a zone; this device's is
						// the likeliest, and can be changed below.
						if z := browserZone(); onboarding.ValidZoneName(z) {
							c.Zone = z
						}
					}
				}))
			}),
			&textField{ID: "one-on-one-time", Label: "Time", Type: "time", Value: c.Time, Max: 5, Error: timeErr, OnChange: func(ctx app.Context, v string) {
				if onboarding.CheckTime(v) == "" {
					p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.Time = v }))
				}
			}},
			selectField("one-on-one-length", "Length", minutes, lengths, func(ctx app.Context, v string) {
				n, _ := strconv.Atoi(v) // "" (not chosen) is 0
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.Minutes = n }))
			}),
		),
		&textField{ID: "one-on-one-zone", Label: "Time zone", Value: c.Zone, Max: 64, Error: p.roles.zoneErr,
			Hint: "A name such as Europe/London or America/New_York. The calendar file uses it to keep the time right through summer time.",
			OnChange: func(ctx app.Context, v string) {
				v = strings.TrimSpace(v)
				if v != "" && (!onboarding.ValidZoneName(v) || zoneFor(v) == nil) {
					p.roles.zoneErr = "This browser does not know the time zone “" + v + "”. Use a name such as Europe/London."
					return
				}
				p.roles.zoneErr = ""
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.Zone = v }))
			}},
		app.If(c.Minutes > 0 && c.Minutes < onboarding.RecommendedMinutes, app.P().Class("field-hint").Text("The guide recommends an hour: enough to get into two or three real problems. Try it for a few weeks before cutting it down.")),
		app.H3().Text("Time that isn't about work"),
		&textField{ID: "social", Label: "How often, and what", Value: c.Social, Max: onboarding.MaxShort, Hint: "For example: lunch once a month, dinner each quarter.", OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.Social = onboarding.Clip(v, onboarding.MaxShort) }))
		}},
		app.Div().Class("row-fields").Body(
			selectField("social-every", "In the calendar", c.SocialEvery, []choice{{onboarding.Monthly, "Every month"}, {onboarding.Quarterly, "Every quarter"}}, func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SocialEvery = v }))
			}),
			selectField("social-day", "On the second", c.SocialDay, days, func(ctx app.Context, v string) {
				p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SocialDay = v }))
			}),
			&textField{ID: "social-time", Label: "At", Type: "time", Value: c.SocialTime, Max: 5, OnChange: func(ctx app.Context, v string) {
				if onboarding.CheckTime(v) == "" {
					p.edit(ctx, setCadence(func(c *onboarding.Cadence) { c.SocialTime = v }))
				}
			}},
		),
		app.P().Class("field-hint").Text("Choose all three to put this time in the calendar file, on the second chosen weekday of the month."),
		app.H3().Text("Meetings where both organisations meet"),
		p.renderList(listSpec{key: "shared", noun: "shared meeting", list: listOf[onboarding.SharedMeeting, *onboarding.SharedMeeting]{items: shared}, cards: cards}),
	)
}
