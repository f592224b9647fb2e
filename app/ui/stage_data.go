package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// dataPrompt renders the stage "Where the real data lives".
func (p *stagePage) dataPrompt(prompt string) app.UI {
	switch prompt {
	case "sources":
		type D = onboarding.DataSource
		var cards []card
		for _, d := range p.o.DataSources {
			f := fieldsOf[D, *D]{list: onboarding.Lists.DataSources, id: d.ID}
			link := f.text("link", "Link", linkText, d.Link, func(x *D, v string) { x.Link = v })
			link.err, link.hint = onboarding.CheckLink(d.Link), "A web address starting with https://."
			cards = append(cards, card{meta: d.Meta, title: d.Name, titleKey: "name", fields: []cardField{
				f.text("name", "Name", shortText, d.Name, func(x *D, v string) { x.Name = v }),
				link,
				f.text("answers", "What it answers", longText, d.Answers, func(x *D, v string) { x.Answers = v }),
				f.text("owner", "Owner", shortText, d.Owner, func(x *D, v string) { x.Owner = v }),
				f.check("checked", "Checked by the newcomer", d.Checked, func(x *D, v bool) { x.Checked = v }),
			}})
		}
		return p.renderList(listSpec{key: "sources", noun: "data source", list: onboarding.Lists.DataSources, cards: cards})

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
			f := fieldsOf[onboarding.DataSource, *onboarding.DataSource]{list: onboarding.Lists.DataSources, id: id}
			items = append(items, app.Li().Body(checkbox("checked-list-"+id, name, d.Checked, func(ctx app.Context, v bool) {
				p.edit(ctx, f.edit(func(d *onboarding.DataSource) { d.Checked = v }))
			})))
		}
		return app.Ul().Class("checklist").Body(items...)
	}
	return nil
}
