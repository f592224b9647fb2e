package ui

import (
	"errors"
	"strconv"
	"strings"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// stagePage is the page of one stage of one onboarding: the guidance, each
// prompt with its example and its entries, and the way to the other
// stages. What each stage asks for is in the stage_*.go files.
type stagePage struct {
	app.Compo

	stage   onboarding.Stage
	o       *onboarding.Onboarding
	loadErr string
	saveErr string
	notice  string
	// undo puts back the entry removed last.
	undo func(*onboarding.Onboarding)
	// editing holds the IDs of the entries open for editing.
	editing map[string]bool
	// roles holds the state of the role agreement page.
	roles rolesState

	stopWatch func()
	// whole says p.o was read with its 1:1 log (see reload).
	whole bool
}

// OnMount follows saves made in other tabs to the onboarding on screen.
func (p *stagePage) OnMount(ctx app.Context) {
	p.stopWatch = watchOnboarding(ctx, func() *onboarding.Onboarding { return p.o }, p.reload)
}

func (p *stagePage) OnDismount() {
	if p.stopWatch != nil {
		p.stopWatch()
	}
}

// OnNav reads the stage from the path and the onboarding from ?id=.
func (p *stagePage) OnNav(ctx app.Context) {
	stage, _ := onboarding.ParseStage(strings.TrimPrefix(appPath(ctx), "/guide/"))
	if stage != p.stage {
		p.notice, p.undo = "", nil
	}
	p.stage = stage
	if p.editing == nil {
		p.editing = map[string]bool{}
	}
	id := ctx.Page().URL().Query().Get("id")
	if p.o == nil || p.o.ID != id || p.stage == onboarding.StageRoles && !p.whole {
		p.o, p.loadErr = nil, ""
		p.reload(id)
	}
	st, _ := guide.StageOf(p.stage)
	if p.o != nil {
		setTitle(ctx, st.Title+" · "+p.o.Title)
	} else {
		setTitle(ctx, st.Title)
	}
	ctx.ScrollTo("main")
}

// reload reads the onboarding from storage: on arrival, and when another
// tab saved it. The stages neither show nor change the 1:1 log, so they
// read the onboarding without it and open as quickly after three years of
// 1:1s as on day one; the role agreement reads it whole, for the 1:1
// agenda it adds mismatches to.
func (p *stagePage) reload(id string) {
	load := appStore().LoadWithoutLog
	if p.whole = p.stage == onboarding.StageRoles; p.whole {
		load = appStore().Load
	}
	o, err := load(id)
	switch {
	case err == nil:
		p.o, p.loadErr = o, ""
	case id == "" || errors.Is(err, store.ErrNotFound):
		if p.o != nil {
			p.loadErr = "This onboarding was deleted, perhaps in another tab."
		} else {
			p.loadErr = notOnDevice
		}
		p.o = nil
	default:
		p.o, p.loadErr = nil, err.Error()+"."
	}
}

// edit changes the onboarding and saves it at once, so that a reload, a
// closed tab or a crash loses nothing.
func (p *stagePage) edit(ctx app.Context, change func(*onboarding.Onboarding)) {
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

func (p *stagePage) Render() app.UI {
	st, _ := guide.StageOf(p.stage)
	if p.o == nil {
		msg := "Loading…"
		if p.loadErr != "" {
			msg = p.loadErr
		}
		return layout(
			app.H1().Text(st.Title),
			app.Div().Class(map[bool]string{true: "alert", false: "muted"}[p.loadErr != ""]).ID("load-error").Text(msg),
			app.P().Body(app.A().Href(link("/")).Text("Go to your onboardings")),
		)
	}
	o := p.o
	writerIsNew := o.IsNewcomer(o.CurrentWriter())
	prompts := make([]app.UI, 0, len(st.Prompts))
	for _, pr := range st.Prompts {
		prompts = append(prompts, p.renderPrompt(st, pr, writerIsNew))
	}
	return layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			app.A().Href(link("/")).Text("Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			app.Span().Text(o.Title),
		),
		app.If(o.Example, app.P().Class("example-note").Text("This is the example. Change anything you like: it is kept apart from your own onboardings, and you can reset it from the home page.")),
		p.renderStepper(),
		app.Nav().Class("ongoing").Aria("label", "After the first two weeks").Body(
			app.A().ID("go-meetings").Href(meetingsLink(o.ID)).Text("Weekly 1:1"),
			app.A().ID("go-document").Href(documentLink(o.ID)).Text("Shared document"),
		),
		app.Div().Class("stage-head").Body(
			app.H1().Text(st.Title),
			p.renderWriter(),
		),
		app.P().Class("share-line no-print").Body(
			app.A().ID("share-onboarding").Href(shareLink(o.ID)).Text("Share with "+o.Other(o.Me).Name),
			app.Text(": a link that brings what you wrote to their device."),
		),
		p.renderStatus(),
		app.Div().Class("guidance").Body(md(st.Guidance)),
		app.Div().Class("prompts").Body(prompts...),
		p.renderPrevNext(),
	)
}

func (p *stagePage) renderStatus() app.UI {
	return app.Div().Class("status-area").Body(
		app.If(p.saveErr != "", saveFailed(p.saveErr, p.o)),
		app.If(p.notice != "", app.Div().Class("toast").Role("status").Body(
			app.Span().Text(p.notice),
			app.If(p.undo != nil, app.Button().Class("secondary").ID("undo").Text("Undo").OnClick(func(ctx app.Context, e app.Event) {
				undo := p.undo
				p.undo, p.notice = nil, "Put back."
				p.edit(ctx, undo)
			})),
		)),
	)
}

// renderWriter lets the pair say who is typing, when they share a device:
// it sets the author of new entries and how the prompts are phrased.
func (p *stagePage) renderWriter() app.UI {
	o := p.o
	writer := o.CurrentWriter()
	option := func(person onboarding.Person) app.UI {
		label := person.Name + ", onboarding their peer"
		if o.IsNewcomer(person.ID) {
			label = person.Name + ", the new " + roleOr(person, "executive")
		}
		return radio("writer-"+person.ID, "writer", label, writer == person.ID, func(ctx app.Context) {
			// A confirmation asked of one person must not carry over to
			// the other.
			p.roles.confirmFinish, p.roles.confirmReopen = false, false
			p.edit(ctx, func(o *onboarding.Onboarding) { o.Writer = person.ID })
		})
	}
	return app.FieldSet().Class("writer choices").Body(
		app.Legend().Text("Who is writing?"),
		option(o.Buddy),
		option(o.Newcomer),
	)
}

func roleOr(p onboarding.Person, fallback string) string {
	if strings.TrimSpace(p.Role) != "" {
		return p.Role
	}
	return fallback
}

func (p *stagePage) renderStepper() app.UI {
	var steps []app.UI
	for i, prog := range p.o.Progress() {
		st, _ := guide.StageOf(prog.Stage)
		status := strconv.Itoa(prog.Answered) + "/" + strconv.Itoa(prog.Total)
		class := "step"
		if prog.Done() {
			status, class = "✓", "step done"
		}
		a := app.A().Href(stageLink(prog.Stage, p.o.ID)).Body(
			app.Span().Class("step-num").Text(strconv.Itoa(i+1)),
			app.Span().Class("step-name").Text(st.Short),
			app.Span().Class("step-status").Aria("label", strconv.Itoa(prog.Answered)+" of "+strconv.Itoa(prog.Total)+" answered").Text(status),
		)
		if prog.Stage == p.stage {
			a = a.Aria("current", "step")
			class += " current"
		}
		steps = append(steps, app.Li().Class(class).Body(a))
	}
	return app.Nav().Class("stepper").Aria("label", "Stages").Body(
		app.Ol().Body(steps...),
		progressBar(p.o.Percent(), answeredLine(p.o)),
	)
}

func (p *stagePage) renderPrompt(st guide.Stage, pr guide.Prompt, writerIsNew bool) app.UI {
	answered := p.o.Answered(st.ID, pr.ID)
	example, who := guide.ExampleFor(p.o.Newcomer.Function, pr.ID)
	state, stateClass := "Not answered yet", "badge open"
	if answered {
		state, stateClass = "Answered", "badge answered"
	}
	return app.Section().Class("prompt").ID("prompt-"+pr.ID).Aria("labelledby", "title-"+pr.ID).Body(
		app.Div().Class("prompt-head").Body(
			app.H2().ID("title-"+pr.ID).Text(pr.Title),
			app.Span().Class(stateClass).Text(state),
		),
		app.P().Class("question").Text(pr.Question(writerIsNew)),
		app.Div().Class("help").Body(md(pr.Help)),
		app.Details().Class("example").Body(
			app.Summary().Text("Example for "+who),
			md(example),
		),
		p.promptBody(st.ID, pr.ID),
	)
}

// promptBody is what the person fills in for a prompt.
func (p *stagePage) promptBody(stage onboarding.Stage, prompt string) app.UI {
	switch stage {
	case onboarding.StageData:
		return p.dataPrompt(prompt)
	case onboarding.StageProblems:
		return p.problemsPrompt(prompt)
	case onboarding.StageTeam:
		return p.teamPrompt(prompt)
	case onboarding.StageProcesses:
		return p.processesPrompt(prompt)
	case onboarding.StageRoles:
		return p.rolesPrompt(prompt)
	}
	return nil
}

func (p *stagePage) renderPrevNext() app.UI {
	prev, next := onboarding.Neighbours(p.stage)
	var links []app.UI
	if prev != "" {
		st, _ := guide.StageOf(prev)
		links = append(links, app.A().Class("button secondary").Rel("prev").Href(stageLink(prev, p.o.ID)).Text("← "+st.Short))
	}
	if next != "" {
		st, _ := guide.StageOf(next)
		links = append(links, app.A().Class("button").Rel("next").ID("next-stage").Href(stageLink(next, p.o.ID)).Text(st.Short+" →"))
	} else {
		links = append(links, app.A().Class("button").Href(link("/")).Text("Back to your onboardings"))
	}
	return app.Nav().Class("prev-next").Aria("label", "Previous and next stage").Body(links...)
}

// noteField is a single free text of a stage, such as the budget advice.
// Whoever writes in it last becomes its author.
func (p *stagePage) noteField(id, label string, note func(*onboarding.Onboarding) *onboarding.Note) app.UI {
	return &textField{
		ID: id, Label: label, Value: note(p.o).Text, Long: true, Max: onboarding.MaxText, Markdown: true,
		OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, func(o *onboarding.Onboarding) {
				n := note(o)
				n.Text = onboarding.Clip(v, onboarding.MaxText)
				n.Author = o.CurrentWriter()
				n.Updated = now().UTC()
			})
		},
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
