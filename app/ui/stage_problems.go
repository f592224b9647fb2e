package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	problemsList = listSpec{key: "problems", noun: "problem", list: onboarding.Lists.Problems, fields: []field{
		{key: "problem", label: "The problem", name: "Problem", kind: longText},
		{key: "evidence", label: "Evidence", name: "Evidence", kind: longText},
		{key: "first-step", label: "A first step", name: "FirstStep", kind: longText},
		{key: "who-feels-it", label: "Who feels it", name: "WhoFeelsIt"},
	}}
	workingList = listSpec{key: "working", noun: "thing that works", list: onboarding.Lists.WorkingWell, fields: []field{
		{key: "text", label: "What works, and why it matters", name: "Text", kind: longText},
	}}
)

// problemsPrompt renders the stage "The first two or three problems".
func (p *stagePage) problemsPrompt(prompt string) app.UI {
	switch prompt {
	case "problems":
		var warning app.UI
		if n := len(p.o.Problems); n > onboarding.TooManyProblems {
			warning = app.P().Class("warning").ID("too-many-problems").Role("status").Text(
				"That is " + itoa(n) + " problems. Two or three keep it a list of priorities: which could wait until these are under way?")
		}
		return div("", warning, p.renderList(problemsList))
	case "budget":
		return p.noteField("budget-advice", "Advice on budget and headcount", func(o *onboarding.Onboarding) *onboarding.Note { return &o.BudgetAdvice })
	case "working":
		return p.renderList(workingList)
	}
	return nil
}
