package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func people(o *onboarding.Onboarding) *[]onboarding.Contact { return &o.People }

// teamPrompt renders the stage "An honest read of the team".
func (p *stagePage) teamPrompt(prompt string) app.UI {
	switch prompt {
	case "team":
		type T = onboarding.TeamMember
		var cards []card
		for _, t := range p.o.TeamRead {
			f := fieldsOf[T, *T]{list: onboarding.Lists.TeamRead, id: t.ID}
			cards = append(cards, card{meta: t.Meta, title: t.Person, titleKey: "person", fields: []cardField{
				f.text("person", "Person", shortText, t.Person, func(x *T, v string) { x.Person = v }),
				f.text("role", "Role", shortText, t.Role, func(x *T, v string) { x.Role = v }),
				f.text("strengths", "Strengths", longText, t.Strengths, func(x *T, v string) { x.Strengths = v }),
				f.text("watch-outs", "Watch-outs", longText, t.WatchOuts, func(x *T, v string) { x.WatchOuts = v }),
				f.text("history", "History", longText, t.History, func(x *T, v string) { x.History = v }),
			}})
		}
		return app.Div().Body(
			app.P().Class("private-note").Body(
				app.Span().Class("badge private").Text("Private"),
				app.Text(" New entries here are private: they stay on this device and are never shared."),
			),
			p.renderList(listSpec{key: "team", noun: "person on the team", list: onboarding.Lists.TeamRead, cards: cards}),
		)

	case "people":
		reasons := make([]choice, 0, len(onboarding.Reasons))
		for _, r := range onboarding.Reasons {
			reasons = append(reasons, choice{string(r), r.Label()})
		}
		type C = onboarding.Contact
		var cards []card
		for _, c := range p.o.People {
			f := fieldsOf[C, *C]{list: onboarding.Lists.People, id: c.ID}
			cards = append(cards, card{meta: c.Meta, title: c.Name, titleKey: "name", fields: []cardField{
				f.text("name", "Name", shortText, c.Name, func(x *C, v string) { x.Name = v }),
				f.text("role", "Role", shortText, c.Role, func(x *C, v string) { x.Role = v }),
				f.choose("reason", "Why they matter", string(c.Reason), reasons, func(x *C, v string) { x.Reason = onboarding.Reason(v) }),
				f.text("why", "In a few words", longText, c.Why, func(x *C, v string) { x.Why = v }),
				f.check("met", "Met", c.Met, func(x *C, v bool) { x.Met = v }),
			}})
		}
		return p.renderList(listSpec{key: "people", noun: "person to meet", list: onboarding.Lists.People, cards: cards})
	}
	return nil
}
