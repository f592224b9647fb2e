package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var sourcesList = listSpec{key: "sources", noun: "data source", list: onboarding.Lists.DataSources, fields: []field{
	{key: "name", label: "Name", name: "Name"},
	{key: "link", label: "Link", name: "Link", kind: linkText, hint: "A web address starting with https://."},
	{key: "answers", label: "What it answers", name: "Answers", kind: longText},
	{key: "owner", label: "Owner", name: "Owner"},
	{key: "checked", label: "Checked by the newcomer", name: "Checked", kind: checkBox},
}}

// dataPrompt renders the stage "Where the real data lives".
func (p *stagePage) dataPrompt(prompt string) app.UI {
	switch prompt {
	case "sources":
		return p.renderList(sourcesList)

	case "checked":
		if len(p.o.DataSources) == 0 {
			return para("muted", "Add data sources above; each one then gets a box here to tick once the newcomer has checked it.")
		}
		checked := sourcesList.fields[4]
		var items []app.UI
		for _, d := range p.o.DataSources {
			id, name := d.ID, d.Name
			if name == "" {
				name = "Untitled data source"
			}
			items = append(items, app.Li().Body(checkbox("checked-list-"+id, name, d.Checked, func(ctx app.Context, v bool) {
				p.edit(ctx, sourcesList.set(id, checked, v, p.now))
			})))
		}
		return ul("checklist", items...)
	}
	return nil
}
