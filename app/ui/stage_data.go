package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func dataSources(o *onboarding.Onboarding) *[]onboarding.DataSource { return &o.DataSources }

// dataPrompt renders the stage "Where the real data lives".
func (p *stagePage) dataPrompt(prompt string) app.UI {
	switch prompt {
	case "sources":
		var cards []card
		for _, d := range p.o.DataSources {
			set := editor[onboarding.DataSource](dataSources, d.ID)
			cards = append(cards, card{meta: d.Meta, title: d.Name, titleKey: "name", fields: []cardField{
				{key: "name", label: "Name", text: d.Name, set: func(v string) func(*onboarding.Onboarding) {
					return set(func(d *onboarding.DataSource) { d.Name = v })
				}},
				{key: "link", label: "Link", kind: linkText, text: d.Link, err: onboarding.CheckLink(d.Link), hint: "A web address starting with https://.",
					set: func(v string) func(*onboarding.Onboarding) { return set(func(d *onboarding.DataSource) { d.Link = v }) }},
				{key: "answers", label: "What it answers", kind: longText, text: d.Answers,
					set: func(v string) func(*onboarding.Onboarding) {
						return set(func(d *onboarding.DataSource) { d.Answers = v })
					}},
				{key: "owner", label: "Owner", text: d.Owner,
					set: func(v string) func(*onboarding.Onboarding) {
						return set(func(d *onboarding.DataSource) { d.Owner = v })
					}},
				{key: "checked", label: "Checked by the newcomer", kind: checkBox, checked: d.Checked,
					setBool: func(v bool) func(*onboarding.Onboarding) {
						return set(func(d *onboarding.DataSource) { d.Checked = v })
					}},
			}})
		}
		return p.renderList(listSpec{key: "sources", noun: "data source", list: listOf[onboarding.DataSource, *onboarding.DataSource]{items: dataSources}, cards: cards})

	case "checked":
		if len(p.o.DataSources) == 0 {
			return app.P().Class("muted").Text("Add data sources above; each one then gets a box here to tick once the newcomer has checked it.")
		}
		var items []app.UI
		for _, d := range p.o.DataSources {
			id, name := d.ID, d.Name
			if name == "" {
				name = "Untitled data source"
			}
			items = append(items, app.Li().Body(checkbox("checked-list-"+id, name, d.Checked, func(ctx app.Context, v bool) {
				p.edit(ctx, editor[onboarding.DataSource](dataSources, id)(func(d *onboarding.DataSource) { d.Checked = v }))
			})))
		}
		return app.Ul().Class("checklist").Body(items...)
	}
	return nil
}
