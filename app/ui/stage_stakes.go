package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// stakesList is the buddy's stakes. Its choices of area are the grid's,
// filled in when the list renders (stakesFor).
var stakesList = listSpec{key: "stakes", noun: "stake", list: onboarding.Lists.Stakes, fields: []field{
	{key: "stake-what", label: "What I hold", name: "What", hint: "For example: this year's outside counsel budget."},
	{key: "stake-kind", label: "Kind", name: "Kind", kind: choiceBox, choices: stakeKinds()},
	{key: "stake-note", label: "How it colours my advice", name: "Note", kind: longText},
	{key: "stake-row", label: "Area of the grid", name: "Row", kind: choiceBox},
}}

func stakeKinds() []choice {
	out := make([]choice, 0, len(onboarding.StakeKinds))
	for _, k := range onboarding.StakeKinds {
		out = append(out, choice{Value: string(k), Label: k.Label()})
	}
	return out
}

// stakesFor is stakesList with the areas of o's grid to link to.
func stakesFor(o *onboarding.Onboarding) listSpec {
	spec := stakesList
	spec.fields = append([]field(nil), stakesList.fields...)
	var rows []choice
	for _, r := range o.Roles.Rows {
		if !r.Private && r.Area != "" {
			rows = append(rows, choice{Value: r.ID, Label: r.Area})
		}
	}
	spec.fields[3].choices = rows
	return spec
}

// stakes is where the buddy says what they own among what they advise
// on, under the expectations of each role.
func (p *stagePage) stakes() app.UI {
	o := p.o
	return app.Div().Class("stakes").ID("stakes").Body(
		app.H3().ID("stakes-title").Text("What "+o.Buddy.Name+" has at stake"),
		para("field-hint", o.Buddy.Name+" lists what they own among what they advise "+o.Newcomer.Name+" on: a budget they hold, people who report to them, decisions that were theirs while the seat was empty. Link each to its area of the grid where there is one."),
		p.renderList(stakesFor(o)),
	)
}
