package ui

import (
	"strings"

	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func workingWell(o *onboarding.Onboarding) *[]onboarding.Note { return &o.WorkingWell }

// problemsPrompt renders the stage "The first two or three problems".
func (p *stagePage) problemsPrompt(prompt string) app.UI {
	switch prompt {
	case "problems":
		type P = onboarding.Problem
		var cards []card
		for _, pr := range p.o.Problems {
			f := fieldsOf[P, *P]{list: onboarding.Lists.Problems, id: pr.ID}
			cards = append(cards, card{meta: pr.Meta, title: firstLine(pr.Problem), titleKey: "problem", fields: []cardField{
				f.text("problem", "The problem", longText, pr.Problem, func(x *P, v string) { x.Problem = v }),
				f.text("evidence", "Evidence", longText, pr.Evidence, func(x *P, v string) { x.Evidence = v }),
				f.text("first-step", "A first step", longText, pr.FirstStep, func(x *P, v string) { x.FirstStep = v }),
				f.text("who-feels-it", "Who feels it", shortText, pr.WhoFeelsIt, func(x *P, v string) { x.WhoFeelsIt = v }),
			}})
		}
		var warning app.UI
		if n := len(p.o.Problems); n > onboarding.TooManyProblems {
			warning = app.P().Class("warning").ID("too-many-problems").Role("status").Text(
				"That is " + itoa(n) + " problems. The guide asks for two or three: past that, the list has stopped setting priorities. Which ones can wait until these are under way?")
		}
		return app.Div().Body(warning, p.renderList(listSpec{key: "problems", noun: "problem", list: onboarding.Lists.Problems, cards: cards}))

	case "budget":
		return p.noteField("budget-advice", "Advice on budget and headcount", func(o *onboarding.Onboarding) *onboarding.Note { return &o.BudgetAdvice })

	case "working":
		type N = onboarding.Note
		var cards []card
		for _, n := range p.o.WorkingWell {
			f := fieldsOf[N, *N]{list: onboarding.Lists.WorkingWell, id: n.ID}
			cards = append(cards, card{meta: n.Meta, title: firstLine(n.Text), titleKey: "text", fields: []cardField{
				f.text("text", "What works, and why it matters", longText, n.Text, func(x *N, v string) { x.Text = v }),
			}})
		}
		return p.renderList(listSpec{key: "working", noun: "thing that works", list: onboarding.Lists.WorkingWell, cards: cards})
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
