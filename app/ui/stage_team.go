package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func teamRead(o *onboarding.Onboarding) *[]onboarding.TeamMember { return &o.TeamRead }
func people(o *onboarding.Onboarding) *[]onboarding.Contact      { return &o.People }

// teamPrompt renders the stage "An honest read of the team".
func (p *stagePage) teamPrompt(prompt string) app.UI {
	switch prompt {
	case "team":
		var cards []card
		for _, t := range p.o.TeamRead {
			set := editor[onboarding.TeamMember](teamRead, t.ID)
			text := func(key, label string, kind fieldKind, value string, put func(*onboarding.TeamMember, string)) cardField {
				return cardField{key: key, label: label, kind: kind, text: value, set: func(v string) func(*onboarding.Onboarding) {
					return set(func(x *onboarding.TeamMember) { put(x, v) })
				}}
			}
			cards = append(cards, card{meta: t.Meta, title: t.Person, titleKey: "person", fields: []cardField{
				text("person", "Person", shortText, t.Person, func(x *onboarding.TeamMember, v string) { x.Person = v }),
				text("role", "Role", shortText, t.Role, func(x *onboarding.TeamMember, v string) { x.Role = v }),
				text("strengths", "Strengths", longText, t.Strengths, func(x *onboarding.TeamMember, v string) { x.Strengths = v }),
				text("watch-outs", "Watch-outs", longText, t.WatchOuts, func(x *onboarding.TeamMember, v string) { x.WatchOuts = v }),
				text("history", "History", longText, t.History, func(x *onboarding.TeamMember, v string) { x.History = v }),
			}})
		}
		return app.Div().Body(
			app.P().Class("private-note").Body(
				app.Span().Class("badge private").Text("Private"),
				app.Text(" New entries here are private: they stay on this device and are never shared."),
			),
			p.renderList(listSpec{key: "team", noun: "person on the team", list: listOf[onboarding.TeamMember, *onboarding.TeamMember]{items: teamRead, private: true}, cards: cards}),
		)

	case "people":
		reasons := make([]choice, 0, len(onboarding.Reasons))
		for _, r := range onboarding.Reasons {
			reasons = append(reasons, choice{string(r), r.Label()})
		}
		var cards []card
		for _, c := range p.o.People {
			set := editor[onboarding.Contact](people, c.ID)
			cards = append(cards, card{meta: c.Meta, title: c.Name, titleKey: "name", fields: []cardField{
				{key: "name", label: "Name", text: c.Name, set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Contact) { x.Name = v }) }},
				{key: "role", label: "Role", text: c.Role, set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Contact) { x.Role = v }) }},
				{key: "reason", label: "Why they matter", kind: choiceBox, text: string(c.Reason), choices: reasons,
					set: func(v string) func(*onboarding.Onboarding) {
						return set(func(x *onboarding.Contact) { x.Reason = onboarding.Reason(v) })
					}},
				{key: "why", label: "In a few words", kind: longText, text: c.Why, set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Contact) { x.Why = v }) }},
				{key: "met", label: "Met", kind: checkBox, checked: c.Met, setBool: func(v bool) func(*onboarding.Onboarding) { return set(func(x *onboarding.Contact) { x.Met = v }) }},
			}})
		}
		return p.renderList(listSpec{key: "people", noun: "person to meet", list: listOf[onboarding.Contact, *onboarding.Contact]{items: people}, cards: cards})
	}
	return nil
}
