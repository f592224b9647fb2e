package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	processesList = listSpec{key: "processes", noun: "process", list: onboarding.Lists.Processes, fields: []field{
		{key: "name", label: "Process", name: "Name"},
		{key: "cadence", label: "Cadence", name: "Cadence"},
		{key: "since", label: "In place since", name: "Since"},
		{key: "health", label: "How well it works", name: "Health", kind: choiceBox, choices: choicesOf(onboarding.Healths)},
		{key: "change-how", label: "How to propose a change", name: "ChangeHow", kind: longText},
	}}
	surprisesList = listSpec{key: "surprises", noun: "surprise", list: onboarding.Lists.Surprises, fields: []field{
		{key: "what", label: "What will surprise them", name: "What", kind: longText},
		{key: "when", label: "When it comes around", name: "When"},
	}}
)

// processesPrompt renders the stage "How the company runs".
func (p *stagePage) processesPrompt(prompt string) app.UI {
	switch prompt {
	case "processes":
		return p.renderList(processesList)
	case "surprises":
		return p.renderList(surprisesList)
	}
	return nil
}
