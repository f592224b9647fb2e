package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var (
	teamList = listSpec{key: "team", noun: "person on the team", list: onboarding.Lists.TeamRead, fields: []field{
		{key: "person", label: "Person", name: "Person"},
		{key: "role", label: "Role", name: "Role"},
		{key: "strengths", label: "Strengths", name: "Strengths", kind: longText},
		{key: "watch-outs", label: "Watch-outs", name: "WatchOuts", kind: longText},
		{key: "history", label: "History", name: "History", kind: longText},
	}}
	peopleList = listSpec{key: "people", noun: "person to meet", list: onboarding.Lists.People, fields: []field{
		{key: "name", label: "Name", name: "Name"},
		{key: "role", label: "Role", name: "Role"},
		{key: "reason", label: "Why they matter", name: "Reason", kind: choiceBox, choices: choicesOf(onboarding.Reasons)},
		{key: "why", label: "In a few words", name: "Why", kind: longText},
		{key: "met", label: "Met", name: "Met", kind: checkBox},
	}}
)

// teamPrompt renders the stage "An honest read of the team".
func (p *stagePage) teamPrompt(prompt string) app.UI {
	switch prompt {
	case "team":
		return div("",
			app.P().Class("private-note").Body(
				span("badge private", "Private"),
				app.Text(" What is added here stays on this device, in no link and no document, unless you untick Private."),
			),
			p.renderList(teamList),
		)
	case "people":
		return p.renderList(peopleList)
	}
	return nil
}
