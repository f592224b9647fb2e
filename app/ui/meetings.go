package ui

import (
	"errors"
	"strings"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// meetingsPage is the weekly 1:1 of one onboarding: the latest meeting
// with its agenda, notes, decisions and commitments; what goes on the
// next one; the topics that stay open until resolved; and the tally of
// commitments kept. The rules are in package onboarding (oneonones.go).
type meetingsPage struct {
	app.Compo

	o       *onboarding.Onboarding
	loadErr string
	saveErr string
	notice  string
	undo    func(*onboarding.Onboarding)

	// date is the date chosen for the next 1:1; empty means the next slot.
	date     string
	startErr string
	// Texts being typed in the forms, and what is wrong with them.
	queued, item   string
	who, what, due string
	commitErr      string
	held           map[string]string // shared meeting ID → date typed
	heldErr        map[string]string
	stopWatch      func()
}

// agendaQueue and commitments point the generic list code at the 1:1's
// lists, so removing one gets the same tombstone and undo as any entry.
func agendaQueue(o *onboarding.Onboarding) *[]onboarding.AgendaItem { return &o.Agenda }
func commitments(o *onboarding.Onboarding) *[]onboarding.Commitment { return &o.Commitments }

// OnMount follows saves made in other tabs.
func (p *meetingsPage) OnMount(ctx app.Context) {
	p.stopWatch = watchOnboarding(ctx, func() *onboarding.Onboarding { return p.o }, p.reload)
}

func (p *meetingsPage) OnDismount() {
	if p.stopWatch != nil {
		p.stopWatch()
	}
}

// OnNav reads the onboarding from ?id=.
func (p *meetingsPage) OnNav(ctx app.Context) {
	if p.held == nil {
		p.held, p.heldErr = map[string]string{}, map[string]string{}
	}
	id := ctx.Page().URL().Query().Get("id")
	if p.o == nil || p.o.ID != id {
		p.o, p.loadErr = nil, ""
		p.reload(id)
	}
	if p.o != nil {
		setTitle(ctx, "Weekly 1:1 · "+p.o.Title)
	} else {
		setTitle(ctx, "Weekly 1:1")
	}
}

func (p *meetingsPage) reload(id string) {
	o, err := appStore().Load(id)
	switch {
	case err == nil:
		p.o, p.loadErr = o, ""
	case id == "" || errors.Is(err, store.ErrNotFound):
		p.o, p.loadErr = nil, notOnDevice
	default:
		p.o, p.loadErr = nil, err.Error()+"."
	}
}

// edit changes the onboarding and saves it at once.
func (p *meetingsPage) edit(ctx app.Context, change func(*onboarding.Onboarding)) {
	if p.o == nil {
		return
	}
	var notice string
	p.saveErr, notice = saveChange(p.o, change)
	if notice != "" {
		p.notice = notice
	}
	p.Update()
}

func (p *meetingsPage) Render() app.UI {
	if p.o == nil {
		msg := "Loading…"
		if p.loadErr != "" {
			msg = p.loadErr
		}
		return layout(
			app.H1().Text("Weekly 1:1"),
			app.Div().Class(map[bool]string{true: "alert", false: "muted"}[p.loadErr != ""]).ID("load-error").Text(msg),
			app.P().Body(app.A().Href(link("/")).Text("Go to your onboardings")),
		)
	}
	o := p.o
	latest := o.LatestMeeting()
	return layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			app.A().Href(link("/")).Text("Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			app.A().Href(stageLink(onboarding.StageData, o.ID)).Text(o.Title),
			app.Span().Aria("hidden", true).Text(" › "),
			app.Span().Text("Weekly 1:1"),
		),
		app.Div().Class("stage-head").Body(
			app.H1().Text("Weekly 1:1"),
			p.renderWriter(),
		),
		app.P().Class("lead").Text("An hour a week, around one shared document. Topics either of you raise carry forward until they are done, and the tally shows how each of you keeps the commitments you make."),
		app.Div().Class("actions").Body(
			app.A().Class("button secondary").ID("open-document").Href(documentLink(o.ID)).Text("Open the shared document"),
		),
		app.Div().Class("status-area").Body(
			app.If(p.saveErr != "", saveFailed(p.saveErr, p.o)),
			app.If(p.notice != "", app.Div().Class("toast").Role("status").Body(
				app.Span().Text(p.notice),
				app.If(p.undo != nil, app.Button().Class("secondary").ID("undo").Text("Undo").OnClick(func(ctx app.Context, e app.Event) {
					undo := p.undo
					p.undo, p.notice = nil, "Put back."
					p.edit(ctx, undo)
				})),
			)),
		),
		p.renderTally(),
		app.Div().Class("current-slot").Body(when(latest != nil, func() app.UI { return p.renderMeeting(latest) })),
		p.renderNext(latest),
		p.renderStanding(),
		p.renderShared(),
		p.renderCommitments(),
		p.renderLog(latest),
	)
}

// renderWriter says who is typing: new items and commitments are theirs.
func (p *meetingsPage) renderWriter() app.UI {
	o := p.o
	writer := o.CurrentWriter()
	option := func(person onboarding.Person) app.UI {
		return radio("writer-"+person.ID, "writer", person.Name, writer == person.ID, func(ctx app.Context) {
			p.edit(ctx, func(o *onboarding.Onboarding) { o.Writer = person.ID })
		})
	}
	return app.FieldSet().Class("writer choices").Body(
		app.Legend().Text("Who is writing?"),
		option(o.Buddy),
		option(o.Newcomer),
	)
}

func (p *meetingsPage) name(id string) string {
	if person := p.o.PersonByID(id); person != nil {
		return person.Name
	}
	return "someone"
}

func (p *meetingsPage) renderTally() app.UI {
	var lines []app.UI
	for _, t := range onboarding.Tallies(p.o, today()) {
		line := app.Li().DataSet("person", t.Person.ID).Body(
			app.Strong().Text(t.Line()),
			app.If(t.Overdue > 0, app.Span().Class("badge overdue").Text(itoa(t.Overdue)+" overdue")),
		)
		lines = append(lines, line)
	}
	return app.Section().Class("card tally").ID("tally").Aria("labelledby", "tally-title").Body(
		app.H2().ID("tally-title").Text("Commitments kept"),
		app.Ul().Class("plain").Body(lines...),
		app.P().Class("field-hint").Text("Due counts what was kept, what was missed, and what is still open past its date. Dropped commitments are not counted."),
	)
}

// renderMeeting is the latest 1:1, open for writing.
func (p *meetingsPage) renderMeeting(m *onboarding.Meeting) app.UI {
	mid := m.ID
	var items []app.UI
	for _, it := range m.Items {
		items = append(items, p.renderItem(m, it))
	}
	var made []app.UI
	for _, c := range p.o.Commitments {
		if c.Meeting == mid {
			made = append(made, app.Li().Text(p.name(c.Who)+": "+c.What+dueText(c.Due)+" ("+strings.ToLower(c.Status.Label())+")"))
		}
	}
	setMeeting := func(change func(*onboarding.Meeting)) func(*onboarding.Onboarding) {
		return func(o *onboarding.Onboarding) { onboarding.Edit(o.Meetings, mid, now(), change) }
	}
	choices := []choice{{p.o.Buddy.ID, p.o.Buddy.Name}, {p.o.Newcomer.ID, p.o.Newcomer.Name}}
	who := p.who
	if who == "" {
		who = p.o.CurrentWriter()
	}
	return app.Section().Class("card meeting").ID("current").DataSet("date", m.Date).Aria("labelledby", "current-title").Body(
		app.Div().Class("prompt-head").Body(
			app.H2().ID("current-title").Text("1:1 of "+longDate(m.Date)),
			app.Button().Class("secondary danger-text").ID("remove-meeting").Text("Remove this 1:1").OnClick(func(ctx app.Context, e app.Event) {
				var undo func(*onboarding.Onboarding)
				p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = onboarding.RemoveMeeting(o, mid, now()) })
				if undo != nil {
					p.undo, p.notice = undo, "Removed the 1:1 of "+longDate(m.Date)+". Its open topics are back on the list for the next 1:1."
					p.date = ""
					focusLater(ctx, p, "undo")
				}
			}, mid),
		),
		app.H3().Text("Agenda"),
		app.Ul().Class("agenda-items plain").ID("items").Body(items...),
		app.If(len(items) == 0, app.P().Class("muted").Text("Nothing on the agenda yet.")),
		app.Form().Class("inline-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			text := strings.TrimSpace(p.item)
			if text == "" {
				return
			}
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if mm := onboarding.Find(o.Meetings, mid); mm != nil {
					if it := onboarding.Add(&mm.Items, o.CurrentWriter(), now()); it != nil {
						it.Text, it.Raised = onboarding.Clip(text, onboarding.MaxText), mm.Date
					}
				}
			})
			p.item = ""
			app.Window().GetElementByID("new-item").Set("value", "")
			focusLater(ctx, p, "new-item")
		}, mid).Body(
			&textField{ID: "new-item", Label: "Add an agenda item", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.item = v }},
			app.Button().Type("submit").ID("add-item").Text("Add"),
		),
		&textField{ID: "notes-" + mid, Label: "Notes", Value: m.Notes, Long: true, Max: onboarding.MaxText, Markdown: true, OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setMeeting(func(mm *onboarding.Meeting) { mm.Notes = onboarding.Clip(v, onboarding.MaxText) }))
		}},
		&textField{ID: "decisions-" + mid, Label: "Decisions", Value: m.Decisions, Long: true, Max: onboarding.MaxText, Markdown: true, OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, setMeeting(func(mm *onboarding.Meeting) { mm.Decisions = onboarding.Clip(v, onboarding.MaxText) }))
		}},
		app.H3().Text("Commitments made in this 1:1"),
		app.Ul().ID("made").Body(made...),
		app.Form().Class("commit-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			who := p.who
			if who == "" {
				who = p.o.CurrentWriter()
			}
			var err error
			p.edit(ctx, func(o *onboarding.Onboarding) {
				_, err = onboarding.AddCommitment(o, who, p.what, p.due, mid, o.CurrentWriter(), now())
			})
			if err != nil {
				p.commitErr = capitalize(err.Error()) + "."
				return
			}
			p.commitErr, p.what, p.due = "", "", ""
			app.Window().GetElementByID("commit-what").Set("value", "")
			app.Window().GetElementByID("commit-due").Set("value", "")
			focusLater(ctx, p, "commit-what")
		}, mid).Body(
			app.Div().Class("row-fields").Body(
				selectField("commit-who", "Who", who, choices, func(ctx app.Context, v string) { p.who = v }),
				&textField{ID: "commit-what", Label: "What they will do", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.what = v }},
				&textField{ID: "commit-due", Label: "By", Type: "date", Max: 10, OnChange: func(ctx app.Context, v string) { p.due = v }},
			),
			fieldError(p.commitErr),
			app.Button().Type("submit").ID("add-commitment").Text("Add the commitment"),
		),
	)
}

func (p *meetingsPage) renderItem(m *onboarding.Meeting, it onboarding.MeetingItem) app.UI {
	mid, iid := m.ID, it.ID
	weeks := onboarding.WeeksOpen(it, m.Date)
	done := it.Done
	badge := ""
	switch {
	case weeks == 1:
		badge = "open 1 week"
	case weeks > 1:
		badge = "open " + itoa(weeks) + " weeks"
	}
	return app.Li().Class(map[bool]string{true: "agenda-item done", false: "agenda-item"}[done]).DataSet("item", iid).Body(
		checkbox("done-"+iid, it.Text, done, func(ctx app.Context, v bool) {
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if mm := onboarding.Find(o.Meetings, mid); mm != nil {
					onboarding.Edit(mm.Items, iid, now(), func(x *onboarding.MeetingItem) { x.Done = v })
				}
			})
		}),
		app.Span().Class("item-meta").Body(
			app.Text("raised by "+p.name(it.Author)),
			app.If(badge != "", app.Span().Class("badge weeks").Text(badge)),
			app.If(strings.HasPrefix(it.Source, "roles:"), app.Span().Class("badge").Text("role")),
			app.If(strings.HasPrefix(it.Source, "debrief:"), app.Span().Class("badge").Text("debrief")),
		),
	)
}

// renderNext is what waits for the next 1:1, and the button that starts it.
func (p *meetingsPage) renderNext(latest *onboarding.Meeting) app.UI {
	o := p.o
	date := p.date
	if date == "" {
		date = onboarding.NextSlot(o, today())
	}
	var queued []app.UI
	for _, q := range o.Agenda {
		if q.Done {
			continue
		}
		qid, text := q.ID, q.Text
		queued = append(queued, app.Li().Class("topic").DataSet("queued", qid).Body(
			app.Span().Class("topic-text").Body(
				app.Span().Text(text+" "),
				app.Span().Class("item-meta").Text("raised by "+p.name(q.Author)),
			),
			app.Button().Class("secondary small danger-text").Text("Remove").Aria("label", "Remove "+text).OnClick(func(ctx app.Context, e app.Event) {
				var undo func(*onboarding.Onboarding)
				p.edit(ctx, func(o *onboarding.Onboarding) {
					undo, _ = listOf[onboarding.AgendaItem, *onboarding.AgendaItem]{items: agendaQueue}.remove(o, qid)
				})
				if undo != nil {
					p.notice, p.undo = "Removed “"+text+"” from the next 1:1.", undo
				}
			}, qid, text),
		))
	}
	carried := 0
	if latest != nil && latest.Date < date {
		for _, it := range latest.Items {
			if !it.Done && !o.TopicDone(it.Topic()) {
				carried++
			}
		}
	}
	carryLine := ""
	switch {
	case carried == 1:
		carryLine = "1 open item from the 1:1 of " + longDate(latest.Date) + " will carry forward."
	case carried > 1:
		carryLine = itoa(carried) + " open items from the 1:1 of " + longDate(latest.Date) + " will carry forward."
	}
	slot := "the next " + cadenceDay(o)
	if o.Roles.Cadence.Day == "" {
		slot = "a week after the last one"
	}
	return app.Section().Class("card next").ID("next").Aria("labelledby", "next-title").Body(
		app.H2().ID("next-title").Text("Next 1:1"),
		app.Ul().ID("queued").Body(queued...),
		app.If(len(queued) == 0, app.P().Class("muted").Text("Nothing queued yet.")),
		app.If(carryLine != "", app.P().ID("carry").Text(carryLine)),
		app.Form().Class("inline-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			text := strings.TrimSpace(p.queued)
			if text == "" {
				return
			}
			p.edit(ctx, func(o *onboarding.Onboarding) {
				if q := onboarding.Add(&o.Agenda, o.CurrentWriter(), now()); q != nil {
					q.Text = onboarding.Clip(text, onboarding.MaxText)
				}
			})
			p.queued = ""
			app.Window().GetElementByID("new-queued").Set("value", "")
			focusLater(ctx, p, "new-queued")
		}).Body(
			&textField{ID: "new-queued", Label: "Add a topic for the next 1:1", Max: onboarding.MaxShort, OnChange: func(ctx app.Context, v string) { p.queued = v }},
			app.Button().Type("submit").ID("add-queued").Class("secondary").Text("Add"),
		),
		app.Div().Class("inline-form date-form").Body(
			&textField{ID: "meeting-date", Label: "Date", Type: "date", Value: date, Max: 10, Hint: "It defaults to " + slot + ".", Error: p.startErr,
				OnChange: func(ctx app.Context, v string) { p.date, p.startErr = v, "" }},
			app.Button().ID("start-meeting").Text("Start this 1:1").OnClick(func(ctx app.Context, e app.Event) {
				// Read the date now: the field changes it without
				// rendering this page again.
				date := p.date
				if date == "" {
					date = onboarding.NextSlot(p.o, today())
				}
				var err error
				p.edit(ctx, func(o *onboarding.Onboarding) {
					_, err = onboarding.StartMeeting(o, date, o.CurrentWriter(), now())
				})
				if err != nil {
					p.startErr = capitalize(err.Error()) + "."
					return
				}
				p.startErr, p.date, p.notice, p.undo = "", "", "", nil
				focusLater(ctx, p, "new-item")
			}),
		),
	)
}

func cadenceDay(o *onboarding.Onboarding) string {
	d := o.Roles.Cadence.Day
	if d == "" {
		return ""
	}
	return strings.ToUpper(d[:1]) + d[1:]
}

// renderStanding lists the topics that come back until resolved.
func (p *meetingsPage) renderStanding() app.UI {
	o := p.o
	var items []app.UI
	for _, t := range onboarding.StandingTopics(o) {
		id := t.ID
		switch t.Kind {
		case onboarding.TopicProblem:
			items = append(items, app.Li().Class("topic").DataSet("topic", id).Body(
				app.Span().Class("topic-text").Body(
					app.Span().Class("badge").Text("Top problem"),
					app.Text(" "+firstLine(t.Text)),
				),
				app.Button().Class("secondary small").ID("resolve-"+id).Text("Resolved").Aria("label", "Mark “"+firstLine(t.Text)+"” resolved").OnClick(func(ctx app.Context, e app.Event) {
					p.edit(ctx, func(o *onboarding.Onboarding) {
						onboarding.Edit(o.Problems, id, now(), func(x *onboarding.Problem) { x.Resolved = true })
					})
					p.notice = "Marked resolved. It stays on the problems page."
					p.undo = func(o *onboarding.Onboarding) {
						onboarding.Edit(o.Problems, id, now(), func(x *onboarding.Problem) { x.Resolved = false })
					}
				}, id),
			))
		case onboarding.TopicRole:
			owners := []choice{{o.Buddy.ID, o.Buddy.Name}, {o.Newcomer.ID, o.Newcomer.Name}, {string(onboarding.Shared), "Shared"}}
			items = append(items, app.Li().Class("topic").DataSet("topic", id).Body(
				app.Span().Class("topic-text").Body(
					app.Span().Class("badge").Text(t.Verdict.Label()),
					app.Text(" Who owns "+t.Text+"?"),
				),
				selectField("settle-"+id, "Agreed owner", "", owners, func(ctx app.Context, v string) {
					if v == "" {
						return
					}
					p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.Settle(o, id, onboarding.Owner(v), now()) })
					p.notice = "Settled: " + t.Text + "."
					p.undo = func(o *onboarding.Onboarding) { onboarding.Settle(o, id, "", now()) }
				}),
			))
		}
	}
	return app.Section().Class("card standing").ID("standing").Aria("labelledby", "standing-title").Body(
		app.H2().ID("standing-title").Text("Standing topics"),
		app.P().Class("field-hint").Text("Your top problems, and the areas you each answered differently, come back every week until you resolve them."),
		app.Ul().Class("plain").Body(items...),
		app.If(len(items) == 0, app.P().Class("muted").Text("Nothing open.")),
	)
}

// renderShared lets the pair say when a shared meeting took place, so its
// debrief goes on the next 1:1.
func (p *meetingsPage) renderShared() app.UI {
	var items []app.UI
	for _, sm := range p.o.Roles.Cadence.Shared {
		if strings.TrimSpace(sm.Name) == "" {
			continue
		}
		sid, name := sm.ID, sm.Name
		when := p.held[sid]
		if when == "" {
			when = today()
		}
		last := "Not held yet."
		if sm.LastHeld != "" {
			last = "Last held " + longDate(sm.LastHeld) + "."
		}
		if sm.Debrief {
			last += " You talk it over at the next 1:1."
		}
		items = append(items, app.Li().Class("shared-item").DataSet("shared", sid).Body(
			app.H3().Text(name),
			app.P().Class("item-meta").Text(last),
			app.Div().Class("inline-form date-form").Body(
				&textField{ID: "held-" + sid, Label: "Held on", Type: "date", Value: when, Max: 10, Error: p.heldErr[sid],
					OnChange: func(ctx app.Context, v string) { p.held[sid] = v }},
				app.Button().Class("secondary").ID("mark-held-"+sid).Text("Mark as held").Aria("label", "Mark "+name+" as held").OnClick(func(ctx app.Context, e app.Event) {
					when := p.held[sid]
					if when == "" {
						when = today()
					}
					var err error
					p.edit(ctx, func(o *onboarding.Onboarding) { err = onboarding.MarkHeld(o, sid, when, o.CurrentWriter(), now()) })
					if err != nil {
						p.heldErr[sid] = capitalize(err.Error()) + "."
						return
					}
					delete(p.heldErr, sid)
					p.notice = name + " marked as held on " + longDate(when) + "."
				}, sid, name),
			),
		))
	}
	return app.Section().Class("card shared-meetings").ID("shared-held").Aria("labelledby", "shared-title").Body(
		app.H2().ID("shared-title").Text("Meetings you attend together"),
		app.Ul().Class("plain").Body(items...),
		app.If(len(items) == 0, app.P().Class("muted").Body(
			app.Text("None yet. Add them under "),
			app.A().Href(stageLink(onboarding.StageRoles, p.o.ID)+"#prompt-cadence").Text("Who owns what, cadence"),
			app.Text("."),
		)),
	)
}

func (p *meetingsPage) renderCommitments() app.UI {
	o := p.o
	day := today()
	statuses := make([]choice, 0, len(onboarding.Statuses))
	for _, s := range onboarding.Statuses {
		statuses = append(statuses, choice{string(s), s.Label()})
	}
	var rows []app.UI
	for _, c := range o.Commitments {
		cid, what := c.ID, c.What
		rows = append(rows, app.Li().Class("commitment status-"+string(c.Status)).DataSet("commitment", cid).Body(
			app.Div().Class("commitment-text").Body(
				app.Strong().Text(p.name(c.Who)+": "),
				app.Span().Text(c.What),
				app.Span().Class("due").Text(dueText(c.Due)+" "),
				app.If(c.Overdue(day), app.Span().Class("badge overdue").Text("overdue")),
			),
			app.Div().Class("commitment-tools").Body(
				selectField("status-"+cid, "Status", string(c.Status), statuses, func(ctx app.Context, v string) {
					if onboarding.Status(v).Label() == "" {
						return
					}
					p.edit(ctx, func(o *onboarding.Onboarding) {
						onboarding.Edit(o.Commitments, cid, now(), func(x *onboarding.Commitment) { x.Status = onboarding.Status(v) })
					})
				}),
				app.Button().Class("secondary small danger-text").Text("Remove").Aria("label", "Remove the commitment "+what).OnClick(func(ctx app.Context, e app.Event) {
					var undo func(*onboarding.Onboarding)
					p.edit(ctx, func(o *onboarding.Onboarding) {
						undo, _ = listOf[onboarding.Commitment, *onboarding.Commitment]{items: commitments}.remove(o, cid)
					})
					if undo != nil {
						p.notice, p.undo = "Removed the commitment “"+what+"”.", undo
					}
				}, cid, what),
			),
		))
	}
	return app.Section().Class("card commitments").ID("commitments").Aria("labelledby", "commitments-title").Body(
		app.H2().ID("commitments-title").Text("All commitments"),
		app.Ul().Class("plain").Body(rows...),
		app.If(len(rows) == 0, app.P().Class("muted").Text("None yet. Commitments are made in a 1:1: start one above.")),
	)
}

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
			app.Summary().Text("1:1 of "+longDate(m.Date)),
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

func dueText(due string) string {
	if d := longDate(due); d != "" {
		return ", by " + d
	}
	return ""
}

// longDate writes a YYYY-MM-DD date as "Thursday 19 November 2026".
func longDate(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return d.Format("Monday 2 January 2006")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// meetingsLink is the URL of the weekly 1:1 page of an onboarding.
func meetingsLink(id string) string { return link("/meetings") + "?id=" + id }

// documentLink is the URL of the shared document of an onboarding.
func documentLink(id string) string { return link("/document") + "?id=" + id }
