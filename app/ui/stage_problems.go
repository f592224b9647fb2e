package ui

import (
	"strings"

	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func problems(o *onboarding.Onboarding) *[]onboarding.Problem { return &o.Problems }
func workingWell(o *onboarding.Onboarding) *[]onboarding.Note { return &o.WorkingWell }

// problemsPrompt renders the stage "The first two or three problems".
func (p *stagePage) problemsPrompt(prompt string) app.UI {
	switch prompt {
	case "problems":
		var cards []card
		for _, pr := range p.o.Problems {
			set := editor[onboarding.Problem](problems, pr.ID)
			cards = append(cards, card{meta: pr.Meta, title: firstLine(pr.Problem), titleKey: "problem", fields: []cardField{
				{key: "problem", label: "The problem", kind: longText, text: pr.Problem,
					set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Problem) { x.Problem = v }) }},
				{key: "evidence", label: "Evidence", kind: longText, text: pr.Evidence,
					set: func(v string) func(*onboarding.Onboarding) {
						return set(func(x *onboarding.Problem) { x.Evidence = v })
					}},
				{key: "first-step", label: "A first step", kind: longText, text: pr.FirstStep,
					set: func(v string) func(*onboarding.Onboarding) {
						return set(func(x *onboarding.Problem) { x.FirstStep = v })
					}},
				{key: "who-feels-it", label: "Who feels it", text: pr.WhoFeelsIt,
					set: func(v string) func(*onboarding.Onboarding) {
						return set(func(x *onboarding.Problem) { x.WhoFeelsIt = v })
					}},
			}})
		}
		var warning app.UI
		if n := len(p.o.Problems); n > onboarding.TooManyProblems {
			warning = app.P().Class("warning").ID("too-many-problems").Role("status").Text(
				"That is " + itoa(n) + " problems. The guide asks for two or three: past that, the list has stopped setting priorities. Which ones can wait until these are under way?")
		}
		return app.Div().Body(warning, p.renderList(listSpec{key: "problems", noun: "problem", list: listOf[onboarding.Problem, *onboarding.Problem]{items: problems}, cards: cards}))

	case "budget":
		return p.noteField("budget-advice", "Advice on budget and headcount", func(o *onboarding.Onboarding) *onboarding.Note { return &o.BudgetAdvice })

	case "working":
		var cards []card
		for _, n := range p.o.WorkingWell {
			set := editor[onboarding.Note](workingWell, n.ID)
			cards = append(cards, card{meta: n.Meta, title: firstLine(n.Text), titleKey: "text", fields: []cardField{
				{key: "text", label: "What works, and why it matters", kind: longText, text: n.Text,
					set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Note) { x.Text = v }) }},
			}})
		}
		return p.renderList(listSpec{key: "working", noun: "thing that works", list: listOf[onboarding.Note, *onboarding.Note]{items: workingWell}, cards: cards})
	}
	return nil
}

// firstLine makes a card title from free text.
func firstLine(s string) string {
	title, _ := splitTitle(s)
	return title
}

// splitTitle cuts free text into a title, its first line without Markdown
// list or emphasis marks, and the body still to show under it: the lines
// after the first, or all of it when the first line was too long to be a
// title and had to be shortened.
func splitTitle(s string) (title, body string) {
	s = strings.TrimSpace(s)
	line, rest, _ := strings.Cut(s, "\n")
	line = strings.TrimLeft(line, "-*#> ")
	line = strings.NewReplacer("**", "", "__", "").Replace(line)
	if r := []rune(line); len(r) > 140 {
		return string(r[:138]) + "…", s
	}
	return line, strings.TrimSpace(rest)
}
