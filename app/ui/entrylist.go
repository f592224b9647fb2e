package ui

import (
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// list adapts one list of the model (data sources, problems...) to the
// generic entry cards, so every stage gets add, reorder, remove with undo
// and the private switch from the same code.
type list interface {
	add(o *onboarding.Onboarding, author string) string
	move(o *onboarding.Onboarding, id string, delta int) bool
	remove(o *onboarding.Onboarding, id string) (undo func(*onboarding.Onboarding), ok bool)
	setPrivate(o *onboarding.Onboarding, id string, private bool)
}

// listOf is the list adapter for entries of type T.
type listOf[T any, P onboarding.Entry[T]] struct {
	items func(o *onboarding.Onboarding) *[]T
	// private makes new entries private, as the team read is.
	private bool
}

func (l listOf[T, P]) add(o *onboarding.Onboarding, author string) string {
	e := onboarding.Add[T, P](l.items(o), author, now())
	if e == nil {
		return ""
	}
	P(e).Common().Private = l.private
	return P(e).Common().ID
}

func (l listOf[T, P]) move(o *onboarding.Onboarding, id string, delta int) bool {
	return onboarding.Move[T, P](*l.items(o), id, delta)
}

func (l listOf[T, P]) remove(o *onboarding.Onboarding, id string) (func(*onboarding.Onboarding), bool) {
	removed, at, ok := onboarding.Remove[T, P](l.items(o), id)
	if !ok {
		return nil, false
	}
	// The removal must be newer than the entry, even when the entry came
	// from a device whose clock runs ahead.
	o.Bury(id, onboarding.Stamp(P(&removed).Common().Updated, now()))
	return func(o *onboarding.Onboarding) {
		o.Unbury(id)
		if onboarding.Find[T, P](*l.items(o), id) == nil {
			onboarding.Insert(l.items(o), at, removed)
		}
	}, true
}

func (l listOf[T, P]) setPrivate(o *onboarding.Onboarding, id string, private bool) {
	onboarding.Edit[T, P](*l.items(o), id, now(), func(e *T) { P(e).Common().Private = private })
}

// fieldsOf makes the card fields of one entry, of type T, found by ID in
// a list of the model. Each field says how to show a value and how to put
// a new one back, so the stage files only list what an entry holds.
type fieldsOf[T any, P onboarding.Entry[T]] struct {
	items func(*onboarding.Onboarding) *[]T
	id    string
}

// edit returns the change that applies put to the entry.
func (f fieldsOf[T, P]) edit(put func(*T)) func(*onboarding.Onboarding) {
	return func(o *onboarding.Onboarding) { onboarding.Edit[T, P](*f.items(o), f.id, now(), put) }
}

// text is a field edited as text: one line, a text area or a link.
func (f fieldsOf[T, P]) text(key, label string, kind fieldKind, value string, put func(*T, string)) cardField {
	return cardField{key: key, label: label, kind: kind, text: value, set: func(v string) func(*onboarding.Onboarding) {
		return f.edit(func(e *T) { put(e, v) })
	}}
}

// check is a field edited as a check box.
func (f fieldsOf[T, P]) check(key, label string, value bool, put func(*T, bool)) cardField {
	return cardField{key: key, label: label, kind: checkBox, checked: value, setBool: func(v bool) func(*onboarding.Onboarding) {
		return f.edit(func(e *T) { put(e, v) })
	}}
}

// choose is a field edited by picking one of a few choices.
func (f fieldsOf[T, P]) choose(key, label, value string, choices []choice, put func(*T, string)) cardField {
	c := f.text(key, label, choiceBox, value, put)
	c.choices = choices
	return c
}

// fieldKind is how a card field is edited and shown.
type fieldKind int

const (
	shortText fieldKind = iota // one line
	longText                   // a text area, shown as Markdown
	linkText                   // a web address, shown as a link when safe
	checkBox
	choiceBox
)

// cardField is one field of an entry card.
type cardField struct {
	key     string
	label   string
	kind    fieldKind
	text    string
	checked bool
	choices []choice
	hint    string
	err     string
	// set and setBool change the field; they receive the model to change.
	set     func(v string) func(*onboarding.Onboarding)
	setBool func(v bool) func(*onboarding.Onboarding)
}

// card is one entry, ready to render.
type card struct {
	meta  onboarding.Meta
	title string // shown as the heading
	// titleKey names the field the title comes from; reading mode does not
	// repeat it under the heading.
	titleKey string
	fields   []cardField
}

// listSpec says how to show one list of a stage.
type listSpec struct {
	key   string // short name, used in element IDs
	noun  string // what one entry is called, e.g. "data source"
	list  list
	cards []card
	// numbered shows each entry's place, for lists whose order is the
	// point, such as the escalation steps.
	numbered bool
}

// renderList shows the entries of a list and the button that adds one.
func (p *stagePage) renderList(spec listSpec) app.UI {
	items := make([]app.UI, 0, len(spec.cards))
	for i, c := range spec.cards {
		items = append(items, p.renderCard(spec, c, i))
	}
	return app.Div().Class("entries").DataSet("list", spec.key).Body(
		// Always there, so that adding the first entry does not replace
		// the button that added it (and lose the focus).
		app.Ol().Class("entry-list").Body(items...),
		app.Button().Class("secondary add").ID("add-"+spec.key).Text("Add a "+spec.noun).OnClick(func(ctx app.Context, e app.Event) {
			p.addEntry(ctx, spec)
		}, spec.key),
	)
}

func (p *stagePage) renderCard(spec listSpec, c card, index int) app.UI {
	id := c.meta.ID
	first, last := index == 0, index == len(spec.cards)-1
	editing := p.editing[id]
	title := strings.TrimSpace(c.title)
	named := title
	if named == "" {
		named = "untitled " + spec.noun
	}
	author := "someone"
	if person := p.o.PersonByID(c.meta.Author); person != nil {
		author = person.Name
	}

	var body []app.UI
	if editing {
		for _, f := range c.fields {
			body = append(body, p.renderField(spec, id, f))
		}
		body = append(body, checkbox("private-"+id, "Private: keep this on this device, never in a share link", c.meta.Private, func(ctx app.Context, v bool) {
			p.edit(ctx, func(o *onboarding.Onboarding) { spec.list.setPrivate(o, id, v) })
		}))
	} else {
		body = append(body, app.H3().Class("entry-title").Text(named))
		shown := 0
		for _, f := range c.fields {
			if f.key == c.titleKey {
				// The heading already shows this field, or its first line.
				if f.kind != longText {
					continue
				}
				if _, f.text = splitTitle(f.text); f.text == "" {
					continue
				}
			}
			if v := viewField(f); v != nil {
				body = append(body, v)
				shown++
			}
		}
		if shown == 0 {
			body = append(body, app.P().Class("muted").Text("Nothing written yet."))
		}
	}

	return app.Li().Class("entry card").ID("entry-"+id).DataSet("entry", id).Body(
		app.Div().Class("entry-meta").Body(
			app.If(spec.numbered, app.Span().Class("entry-number").Text(words.Capitalize(spec.noun)+" "+itoa(index+1))),
			app.Span().Text("Added by "+author),
			app.If(c.meta.Private, app.Span().Class("badge private").Title("Stays on this device").Text("Private")),
		),
		app.Div().Class("entry-body").Body(body...),
		app.Div().Class("entry-tools").Body(
			app.Button().Class("secondary").ID("toggle-"+id).
				Text(map[bool]string{true: "Done", false: "Edit"}[editing]).
				Aria("label", map[bool]string{true: "Done editing ", false: "Edit "}[editing]+named).
				OnClick(func(ctx app.Context, e app.Event) {
					p.editing[id] = !editing
					if !editing && len(c.fields) > 0 {
						focusLater(ctx, p, c.fields[0].key+"-"+id)
					} else {
						focusLater(ctx, p, "toggle-"+id)
					}
				}, id, editing),
			app.Button().Class("secondary icon").Text("↑").Title("Move up").Aria("label", "Move "+named+" up").Disabled(first).
				OnClick(func(ctx app.Context, e app.Event) { p.moveEntry(ctx, spec, id, -1) }, id),
			app.Button().Class("secondary icon").Text("↓").Title("Move down").Aria("label", "Move "+named+" down").Disabled(last).
				OnClick(func(ctx app.Context, e app.Event) { p.moveEntry(ctx, spec, id, +1) }, id),
			app.Button().Class("secondary danger-text").Text("Remove").Aria("label", "Remove "+named).
				OnClick(func(ctx app.Context, e app.Event) { p.removeEntry(ctx, spec, id, named) }, id, named),
		),
	)
}

// renderField shows one field in edit mode.
func (p *stagePage) renderField(spec listSpec, id string, f cardField) app.UI {
	elemID := f.key + "-" + id
	switch f.kind {
	case checkBox:
		return checkbox(elemID, f.label, f.checked, func(ctx app.Context, v bool) { p.edit(ctx, f.setBool(v)) })
	case choiceBox:
		return selectField(elemID, f.label, f.text, f.choices, func(ctx app.Context, v string) { p.edit(ctx, f.set(v)) })
	}
	max, typ := onboarding.MaxShort, "text"
	switch f.kind {
	case longText:
		max = onboarding.MaxText
	case linkText:
		max, typ = onboarding.MaxLink, "url"
	}
	return &textField{
		ID: elemID, Label: f.label, Value: f.text, Long: f.kind == longText, Type: typ, Max: max,
		Hint: f.hint, Error: f.err, Markdown: f.kind == longText,
		OnChange: func(ctx app.Context, v string) { p.edit(ctx, f.set(onboarding.Clip(v, max))) },
	}
}

// viewField shows one field of a card in reading mode, or nil if empty.
func viewField(f cardField) app.UI {
	row := func(value app.UI) app.UI {
		return app.Div().Class("view-field").DataSet("field", f.key).Body(
			app.Span().Class("view-label").Text(f.label),
			value,
		)
	}
	switch f.kind {
	case checkBox:
		if !f.checked {
			return nil
		}
		return app.P().Class("view-check").DataSet("field", f.key).Text("✓ " + f.label)
	case choiceBox:
		for _, c := range f.choices {
			if c.Value == f.text && f.text != "" {
				return row(app.Span().Class("choice-" + c.Value).Text(c.Label))
			}
		}
		return nil
	}
	if strings.TrimSpace(f.text) == "" {
		return nil
	}
	switch f.kind {
	case longText:
		return row(md(f.text))
	case linkText:
		if onboarding.CheckLink(f.text) == "" {
			return row(app.A().Href(strings.TrimSpace(f.text)).Target("_blank").Rel("noopener noreferrer").Text(f.text))
		}
		return row(app.Span().Class("field-error").Text(f.text + " (not a web address, so not shown as a link)"))
	}
	return row(app.Span().Text(f.text))
}

func (p *stagePage) addEntry(ctx app.Context, spec listSpec) {
	var id string
	p.edit(ctx, func(o *onboarding.Onboarding) { id = spec.list.add(o, o.CurrentWriter()) })
	if id == "" {
		p.notice = "This list is full: it holds up to " + itoa(onboarding.MaxEntries) + " entries."
		return
	}
	p.editing[id] = true
	// Focus the new entry's first field, whatever its name.
	afterRender(ctx, p, func() {
		if el := app.Window().Get("document").Call("querySelector", "#entry-"+id+" input, #entry-"+id+" textarea, #entry-"+id+" select"); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (p *stagePage) moveEntry(ctx app.Context, spec listSpec, id string, delta int) {
	p.edit(ctx, func(o *onboarding.Onboarding) { spec.list.move(o, id, delta) })
	// Keep the focus on the moved card: on the same button, or on the
	// other arrow once it reaches the end of the list.
	same, other := "up", "down"
	if delta > 0 {
		same, other = other, same
	}
	afterRender(ctx, p, func() {
		for _, label := range []string{same, other} {
			el := app.Window().Get("document").Call("querySelector", "#entry-"+id+" [aria-label$=' "+label+"']")
			if el.Truthy() && !el.Get("disabled").Bool() {
				el.Call("focus")
				return
			}
		}
	})
}

func (p *stagePage) removeEntry(ctx app.Context, spec listSpec, id, named string) {
	var undo func(*onboarding.Onboarding)
	p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = spec.list.remove(o, id) })
	if undo == nil {
		return
	}
	p.undo = undo
	p.notice = "Removed " + named + "."
	focusLater(ctx, p, "undo")
}
