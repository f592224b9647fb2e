package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func surprises(o *onboarding.Onboarding) *[]onboarding.Surprise { return &o.Surprises }

// processesPrompt renders the stage "How the company runs".
func (p *stagePage) processesPrompt(prompt string) app.UI {
	switch prompt {
	case "processes":
		healths := make([]choice, 0, len(onboarding.Healths))
		for _, h := range onboarding.Healths {
			healths = append(healths, choice{string(h), h.Label()})
		}
		type P = onboarding.Process
		var cards []card
		for _, pr := range p.o.Processes {
			f := fieldsOf[P, *P]{list: onboarding.Lists.Processes, id: pr.ID}
			cards = append(cards, card{meta: pr.Meta, title: pr.Name, titleKey: "name", fields: []cardField{
				f.text("name", "Process", shortText, pr.Name, func(x *P, v string) { x.Name = v }),
				f.text("cadence", "Cadence", shortText, pr.Cadence, func(x *P, v string) { x.Cadence = v }),
				f.text("since", "In place since", shortText, pr.Since, func(x *P, v string) { x.Since = v }),
				f.choose("health", "How well it works", string(pr.Health), healths, func(x *P, v string) { x.Health = onboarding.Health(v) }),
				f.text("change-how", "How to propose a change", longText, pr.ChangeHow, func(x *P, v string) { x.ChangeHow = v }),
			}})
		}
		return p.renderList(listSpec{key: "processes", noun: "process", list: onboarding.Lists.Processes, cards: cards})

	case "surprises":
		type S = onboarding.Surprise
		var cards []card
		for _, su := range p.o.Surprises {
			f := fieldsOf[S, *S]{list: onboarding.Lists.Surprises, id: su.ID}
			cards = append(cards, card{meta: su.Meta, title: firstLine(su.What), titleKey: "what", fields: []cardField{
				f.text("what", "What will surprise them", longText, su.What, func(x *S, v string) { x.What = v }),
				f.text("when", "When it comes around", shortText, su.When, func(x *S, v string) { x.When = v }),
			}})
		}
		return p.renderList(listSpec{key: "surprises", noun: "surprise", list: onboarding.Lists.Surprises, cards: cards})
	}
	return nil
}
