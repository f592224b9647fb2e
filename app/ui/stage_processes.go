package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func processes(o *onboarding.Onboarding) *[]onboarding.Process  { return &o.Processes }
func surprises(o *onboarding.Onboarding) *[]onboarding.Surprise { return &o.Surprises }

// processesPrompt renders the stage "How the company runs".
func (p *stagePage) processesPrompt(prompt string) app.UI {
	switch prompt {
	case "processes":
		healths := make([]choice, 0, len(onboarding.Healths))
		for _, h := range onboarding.Healths {
			healths = append(healths, choice{string(h), h.Label()})
		}
		var cards []card
		for _, pr := range p.o.Processes {
			set := editor[onboarding.Process](processes, pr.ID)
			text := func(key, label string, kind fieldKind, value string, put func(*onboarding.Process, string)) cardField {
				return cardField{key: key, label: label, kind: kind, text: value, set: func(v string) func(*onboarding.Onboarding) {
					return set(func(x *onboarding.Process) { put(x, v) })
				}}
			}
			health := text("health", "How well it works", choiceBox, string(pr.Health), func(x *onboarding.Process, v string) { x.Health = onboarding.Health(v) })
			health.choices = healths
			cards = append(cards, card{meta: pr.Meta, title: pr.Name, titleKey: "name", fields: []cardField{
				text("name", "Process", shortText, pr.Name, func(x *onboarding.Process, v string) { x.Name = v }),
				text("cadence", "Cadence", shortText, pr.Cadence, func(x *onboarding.Process, v string) { x.Cadence = v }),
				text("since", "In place since", shortText, pr.Since, func(x *onboarding.Process, v string) { x.Since = v }),
				health,
				text("change-how", "How to propose a change", longText, pr.ChangeHow, func(x *onboarding.Process, v string) { x.ChangeHow = v }),
			}})
		}
		return p.renderList(listSpec{key: "processes", noun: "process", list: listOf[onboarding.Process, *onboarding.Process]{items: processes}, cards: cards})

	case "surprises":
		var cards []card
		for _, s := range p.o.Surprises {
			set := editor[onboarding.Surprise](surprises, s.ID)
			cards = append(cards, card{meta: s.Meta, title: firstLine(s.What), titleKey: "what", fields: []cardField{
				{key: "what", label: "What will surprise them", kind: longText, text: s.What,
					set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Surprise) { x.What = v }) }},
				{key: "when", label: "When it comes around", text: s.When,
					set: func(v string) func(*onboarding.Onboarding) { return set(func(x *onboarding.Surprise) { x.When = v }) }},
			}})
		}
		return p.renderList(listSpec{key: "surprises", noun: "surprise", list: listOf[onboarding.Surprise, *onboarding.Surprise]{items: surprises}, cards: cards})
	}
	return nil
}
