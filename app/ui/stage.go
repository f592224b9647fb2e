package ui

import (
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
	opened

	stage onboarding.Stage
	// editing holds the IDs of the entries open for editing.
	editing map[string]bool
	// roles holds the state of the role agreement page.
	roles rolesState
	// seen is the stages each person has opened on this device; read
	// says whether the person writing had read this stage before this
	// visit, and so has its guidance folded away.
	seen map[string]store.Opened
	read bool
	// hint says Markdown works under the page's first text area only.
	hint onceHint
	send sendBar
}

func (p *stagePage) OnMount(ctx app.Context) { p.mount(ctx, p) }
func (p *stagePage) OnDismount()             { p.dismount() }

// OnNav reads the stage from the path and the onboarding from ?id=.
func (p *stagePage) OnNav(ctx app.Context) {
	stage, _ := onboarding.ParseStage(strings.TrimPrefix(appPath(ctx), guidePath))
	if stage != p.stage {
		p.did("", nil)
		p.dropBlanks(ctx)
	}
	p.stage = stage
	if p.editing == nil {
		p.editing = map[string]bool{}
	}
	p.roles.forget()
	st, _ := guide.StageOf(p.stage)
	// The stages neither show nor change the 1:1 log, but for the role
	// agreement, which adds its mismatches to the next 1:1's agenda.
	p.noLog = p.stage != onboarding.StageRoles
	p.open(ctx, st.Title)
	if p.o != nil {
		p.seen = p.appStore().Seen(p.o.ID)
		writer := p.o.CurrentWriter()
		p.read = p.seen[writer][p.stage]
		p.markSeen(ctx, writer)
	}
	ctx.ScrollTo("main")
}

// markSeen remembers that person has this stage open. A failure to
// remember is not worth a word: the guide's text shows in full again
// next time, and that is all.
func (p *stagePage) markSeen(ctx app.Context, person string) {
	p.appStore().MarkSeen(p.o.ID, person, p.stage)
	if p.seen[person] == nil {
		p.seen[person] = store.Opened{}
	}
	p.seen[person][p.stage] = true
}

func (p *stagePage) Render() app.UI {
	p.hint = onceHint{}
	st, _ := guide.StageOf(p.stage)
	if p.o == nil {
		return p.renderMissing(st.Title)
	}
	o := p.o
	writerIsNew := o.IsNewcomer(o.CurrentWriter())
	prompts := make([]app.UI, 0, len(st.Prompts))
	for _, pr := range st.Prompts {
		prompts = append(prompts, p.renderPrompt(st, pr, writerIsNew))
	}
	return p.layout(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			textLink(link(homePath), "Your onboardings"),
			app.Span().Aria("hidden", true).Text(" › "),
			span("", o.Title),
		),
		app.If(o.Example, para("example-note", "This is the example. Change anything you like: it is kept apart from your own onboardings, and you can reset it from the home page.")),
		p.renderStepper(),
		ongoingLinks(o.ID),
		div("stage-head",
			app.H1().Text(st.Title),
			p.renderWriter(),
		),
		p.send.render(p.App, p, o),
		p.renderStatus(),
		p.renderGuidance(st),
		div("prompts", prompts...),
		p.renderPrevNext(),
	)
}

// renderGuidance is the stage's guidance: in full on a person's first
// visit, then folded away behind one line, for whoever has read it.
func (p *stagePage) renderGuidance(st guide.Stage) app.UI {
	body := []app.UI{
		app.If(st.ID == onboarding.StageData, framingNote(p.o.ID)),
		div("guidance", p.md(st.Guidance)),
	}
	if !p.read {
		return div("", body...)
	}
	return app.Details().Class("guidance-fold").ID("guidance").Body(
		append([]app.UI{app.Summary().Text("About this stage")}, body...)...,
	)
}

// renderWriter lets the pair say who is typing, when they share a device:
// it sets the author of new entries and how the prompts are phrased.
func (p *stagePage) renderWriter() app.UI {
	return p.writerChoice(func(person onboarding.Person) string {
		if p.o.IsNewcomer(person.ID) {
			return person.Name + ", the new " + roleOr(person, "executive")
		}
		return person.Name + ", onboarding their peer"
	}, func(ctx app.Context, person string) {
		p.roles.forget()
		p.markSeen(ctx, person)
	})
}

func roleOr(p onboarding.Person, fallback string) string {
	if strings.TrimSpace(p.Role) != "" {
		return p.Role
	}
	return fallback
}

// renderStepper is the way to the other stages, with the progress of the
// person writing: their own, not the two of them added up.
func (p *stagePage) renderStepper() app.UI {
	writer := p.o.CurrentWriter()
	progress := p.o.ProgressOf(writer, p.seen[writer].Has)
	var steps []app.UI
	for i, prog := range progress {
		st, _ := guide.StageOf(prog.Stage)
		status := strconv.Itoa(prog.Answered) + "/" + strconv.Itoa(prog.Total)
		class := "step"
		if prog.Done() {
			status, class = "✓", "step done"
		}
		a := app.A().Href(stageLink(prog.Stage, p.o.ID)).Body(
			span("step-num", strconv.Itoa(i+1)),
			span("step-name", st.Short),
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
		progressBar(onboarding.Percent(progress), answeredLine(progress)),
	)
}

func (p *stagePage) renderPrompt(st guide.Stage, pr guide.Prompt, writerIsNew bool) app.UI {
	example, who := guide.ExampleFor(p.o.Newcomer.Function, pr.ID)
	state, stateClass := "Not answered yet", "badge open"
	switch p.o.StateOf(st.ID, pr.ID, p.o.CurrentWriter()) {
	case onboarding.PromptDone:
		state, stateClass = "Answered", "badge answered"
	case onboarding.PromptWaiting:
		state, stateClass = "Yours is in · waiting for "+p.o.Other(p.o.CurrentWriter()).Name, "badge waiting"
	}
	return app.Section().Class("prompt").ID("prompt-"+pr.ID).Aria("labelledby", "title-"+pr.ID).Body(
		div("prompt-head",
			app.H2().ID("title-"+pr.ID).Text(pr.Title),
			app.Span().Class(stateClass).Text(state),
		),
		para("question", pr.Question(writerIsNew)),
		div("help", p.md(pr.Help)),
		app.Details().Class("example").Body(
			app.Summary().Text("Example for "+who),
			p.md(example),
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
		links = append(links, buttonLink("", "button", link(homePath), "Back to your onboardings"))
	}
	return app.Nav().Class("prev-next").Aria("label", "Previous and next stage").Body(links...)
}

// noteField is a single free text of a stage, such as the budget advice.
// Whoever writes in it last becomes its author.
func (p *stagePage) noteField(id, label string, note func(*onboarding.Onboarding) *onboarding.Note) app.UI {
	return &textField{App: p.App,
		ID: id, Label: label, Value: note(p.o).Text, Long: true, Max: onboarding.MaxText, Markdown: p.hint.take(),
		OnChange: func(ctx app.Context, v string) {
			p.edit(ctx, func(o *onboarding.Onboarding) { onboarding.WriteNote(o, note(o), v, p.now()) })
		},
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
