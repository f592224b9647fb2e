package ui

import (
	"reflect"
	"strings"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// list is one list of the model (data sources, problems...), as
// onboarding.Lists has them, so every stage gets add, reorder, remove with
// undo and the private switch from the same code.
type list interface {
	Add(o *onboarding.Onboarding, now time.Time) (string, error)
	Find(o *onboarding.Onboarding, id string) any
	Move(o *onboarding.Onboarding, id string, delta int) bool
	Remove(o *onboarding.Onboarding, id string, now time.Time) (onboarding.Undo, bool)
	SetPrivate(o *onboarding.Onboarding, id string, private bool, now time.Time) bool
	Entries(o *onboarding.Onboarding) []any
	Edit(o *onboarding.Onboarding, id string, now time.Time, change func(entry any)) bool
}

// fieldKind is how a field is edited and shown.
type fieldKind int

const (
	shortText fieldKind = iota // one line
	longText                   // a text area, shown as Markdown
	linkText                   // a web address, shown as a link when safe
	checkBox
	choiceBox
	dateText // a date, YYYY-MM-DD
)

// field describes one field of the entries of a list: its label, how it is
// edited and shown, and which field of the entry holds it. Every form and
// card is made from these tables, so a stage says what an entry holds and
// nothing more; a test checks each table against the model.
type field struct {
	key     string // names the field in element IDs
	label   string
	name    string // the entry's Go field
	kind    fieldKind
	hint    string
	choices []choice
}

// listSpec says how to show one list of a stage. Its first field gives
// each card its heading.
type listSpec struct {
	key    string // short name, used in element IDs
	noun   string // what one entry is called, e.g. "data source"
	list   list
	fields []field
	// numbered shows each entry's place, for lists whose order is the
	// point, such as the escalation steps.
	numbered bool
}

// stageLists are the lists the stages edit entry by entry.
var stageLists = []listSpec{sourcesList, problemsList, workingList, teamList, peopleList, processesList, surprisesList, escalationList, sharedList, stakesList}

// fieldOf is the value of a field of an entry (a pointer to a struct).
func fieldOf(entry any, name string) reflect.Value {
	return reflect.ValueOf(entry).Elem().FieldByName(name)
}

// metaOf is an entry's ID, author and private flag.
func metaOf(entry any) *onboarding.Meta {
	return entry.(interface{ Common() *onboarding.Meta }).Common()
}

// set returns the change that puts v in the field of the entry id,
// stamped with now.
func (spec listSpec) set(id string, f field, v any, now func() time.Time) func(*onboarding.Onboarding) {
	return func(o *onboarding.Onboarding) {
		spec.list.Edit(o, id, now(), func(e any) {
			switch v := v.(type) {
			case bool:
				fieldOf(e, f.name).SetBool(v)
			case string:
				// The model says how much each text holds; a choice
				// has no limit, only its values.
				if max := onboarding.Limit(e, f.name); max > 0 {
					v = onboarding.Clip(v, max)
				}
				fieldOf(e, f.name).SetString(v)
			}
		})
	}
}

// title is the heading of an entry's card: its first field, or the first
// line of it.
func (spec listSpec) title(entry any) string {
	f := spec.fields[0]
	v := fieldOf(entry, f.name).String()
	if f.kind == longText {
		return words.Title(v)
	}
	return strings.TrimSpace(v)
}

// renderList shows the entries of a list and the button that adds one.
func (p *stagePage) renderList(spec listSpec) app.UI {
	entries := spec.list.Entries(p.o)
	items := make([]app.UI, 0, len(entries))
	for i, e := range entries {
		items = append(items, p.renderCard(spec, e, i, i == len(entries)-1))
	}
	return app.Div().Class("entries").DataSet("list", spec.key).Body(
		// Always there, so that adding the first entry does not replace
		// the button that added it (and lose the focus).
		app.Ol().Class("entry-list").Body(items...),
		button("add-"+spec.key, "secondary add", "Add a "+spec.noun, func(ctx app.Context, e app.Event) {
			p.addEntry(ctx, spec)
		}, spec.key),
	)
}

// renderCard is one entry of a list. Read, it is compact: its heading
// (or, for a list of one text, the text itself), each field that holds
// something on a line with its label, and who added it, with one button
// to edit it in place. Opened for editing, it holds the form and the
// tools that move and remove it.
func (p *stagePage) renderCard(spec listSpec, entry any, index int, last bool) app.UI {
	meta := metaOf(entry)
	id := meta.ID
	editing := p.editing[id]
	named := spec.title(entry)
	if named == "" {
		named = "this " + spec.noun
	}
	author := "someone"
	if person := p.o.PersonByID(meta.Author); person != nil {
		author = person.Name
	}
	toggle := app.Button().Class("secondary small entry-toggle").ID("toggle-"+id).
		Text(pick(editing, "Done", "Edit")).
		Aria("label", pick(editing, "Done editing ", "Edit ")+named).
		OnClick(func(ctx app.Context, e app.Event) { p.toggleEntry(ctx, spec, id, !editing) }, id, editing)
	number := app.If(spec.numbered, span("entry-number", itoa(index+1)+"."))
	byLine := div("entry-meta",
		span("", "Added by "+author),
		app.If(meta.Private, app.Span().Class("badge private").Title("Stays on this device").Text("Private")),
	)

	if editing {
		body := []app.UI{div("entry-head", number, app.H3().Class("entry-title").Text(pick(named == "this "+spec.noun, words.Capitalize("new "+spec.noun), named)))}
		for _, f := range spec.fields {
			body = append(body, p.renderField(spec, entry, f))
		}
		body = append(body,
			checkbox("private-"+id, "Private: keep this on this device, never in a share link", meta.Private, func(ctx app.Context, v bool) {
				p.edit(ctx, func(o *onboarding.Onboarding) { spec.list.SetPrivate(o, id, v, p.now()) })
			}),
			byLine,
			div("entry-tools",
				toggle,
				app.Button().Class("secondary icon").Text("↑").Title("Move up").Aria("label", "Move "+named+" up").Disabled(index == 0).
					OnClick(func(ctx app.Context, e app.Event) { p.moveEntry(ctx, spec, id, -1) }, id),
				app.Button().Class("secondary icon").Text("↓").Title("Move down").Aria("label", "Move "+named+" down").Disabled(last).
					OnClick(func(ctx app.Context, e app.Event) { p.moveEntry(ctx, spec, id, +1) }, id),
				app.Button().Class("secondary danger-text").Text("Remove").Aria("label", "Remove "+named).
					OnClick(func(ctx app.Context, e app.Event) { p.removeEntry(ctx, spec, id, named) }, id, named),
			),
		)
		return app.Li().Class("entry card editing").ID("entry-"+id).DataSet("entry", id).Body(body...)
	}

	first := spec.fields[0]
	firstText := strings.TrimSpace(fieldOf(entry, first.name).String())
	var head app.UI
	var body []app.UI
	switch {
	case onboarding.IsBlank(entry):
		head = para("muted entry-title", "Nothing written yet.")
	case first.kind == longText && len(spec.fields) == 1:
		// The text is the whole entry: shown once, in full.
		head = div("entry-text", p.md(firstText))
	case first.kind == longText:
		title, rest := words.SplitTitle(firstText)
		if rest == firstText {
			// Too long a first line for a heading: the text in full.
			head = div("entry-text", p.md(firstText))
		} else {
			head = app.H3().Class("entry-title").Text(title)
			if rest != "" {
				body = append(body, div("entry-text", p.md(rest)))
			}
		}
	default:
		head = app.H3().Class("entry-title").Text(firstText)
		if href, ok := linkOf(spec, entry); ok && firstText != "" {
			// The name links to the source, which saves a line.
			head = app.H3().Class("entry-title").Body(
				app.A().Href(href).Target("_blank").Rel("noopener noreferrer").Text(firstText))
		}
	}
	for _, f := range spec.fields[1:] {
		if _, ok := linkOf(spec, entry); ok && f.kind == linkText && firstText != "" {
			continue // the heading is the link
		}
		v := fieldOf(entry, f.name)
		var view app.UI
		if f.kind == checkBox {
			view = p.viewField(f, "", v.Bool())
		} else {
			view = p.viewField(f, v.String(), false)
		}
		if view != nil {
			body = append(body, view)
		}
	}
	body = append(body, byLine)
	return app.Li().Class("entry card").ID("entry-"+id).DataSet("entry", id).Body(
		append([]app.UI{div("entry-head", number, head, toggle)}, body...)...,
	)
}

// linkOf is the web address of an entry's link field, when it has one
// that is safe to follow.
func linkOf(spec listSpec, entry any) (string, bool) {
	for _, f := range spec.fields {
		if f.kind == linkText {
			v := strings.TrimSpace(fieldOf(entry, f.name).String())
			return v, v != "" && onboarding.CheckLink(v) == ""
		}
	}
	return "", false
}

// toggleEntry opens an entry for editing, or closes it. An entry closed
// with nothing in it is dropped: a row with no name helps nobody, and
// there is nothing to undo.
func (p *stagePage) toggleEntry(ctx app.Context, spec listSpec, id string, open bool) {
	if open {
		p.editing[id] = true
		p.focusLater(ctx, p, spec.fields[0].key+"-"+id)
		return
	}
	delete(p.editing, id)
	if p.dropBlank(ctx, spec, id) {
		p.focusLater(ctx, p, "add-"+spec.key)
		return
	}
	p.focusLater(ctx, p, "toggle-"+id)
}

// dropBlank removes an entry that holds nothing, and reports whether it
// did.
func (p *stagePage) dropBlank(ctx app.Context, spec listSpec, id string) bool {
	e := spec.list.Find(p.o, id)
	if e == nil || !onboarding.IsBlank(e) {
		return false
	}
	p.edit(ctx, func(o *onboarding.Onboarding) { spec.list.Remove(o, id, p.now()) })
	return true
}

// dropBlanks removes the entries this page opened for editing and left
// blank, when the person moves on to another stage.
func (p *stagePage) dropBlanks(ctx app.Context) {
	if p.o == nil {
		return
	}
	for _, spec := range stageLists {
		for id := range p.editing {
			if spec.list.Find(p.o, id) != nil {
				p.dropBlank(ctx, spec, id)
			}
		}
	}
	clear(p.editing)
}

// renderField shows one field of an entry in edit mode.
func (p *stagePage) renderField(spec listSpec, entry any, f field) app.UI {
	id := metaOf(entry).ID
	v := fieldOf(entry, f.name)
	problem := ""
	if f.kind == linkText {
		problem = onboarding.CheckLink(v.String())
	}
	c := p.control(f.key+"-"+id, f, v, onboarding.Limit(entry, f.name), problem, func(ctx app.Context, v any) { p.edit(ctx, spec.set(id, f, v, p.now)) })
	if tf, ok := c.(*textField); ok && tf.Markdown {
		tf.Markdown = p.hint.take()
	}
	return c
}

// control is the form control of a field whose value is v and whose text
// the model limits to max characters (onboarding.Limit), with what is
// wrong with it (or ""). onChange gets a string, or a bool for a check box.
func (a *App) control(id string, f field, v reflect.Value, max int, problem string, onChange func(ctx app.Context, v any)) app.UI {
	switch f.kind {
	case checkBox:
		return checkbox(id, f.label, v.Bool(), func(ctx app.Context, on bool) { onChange(ctx, on) })
	case choiceBox:
		sel := selectField(id, f.label, v.String(), f.choices, func(ctx app.Context, s string) { onChange(ctx, s) })
		if problem == "" {
			return sel
		}
		return div("", sel, fieldError(problem))
	}
	typ := "text"
	switch f.kind {
	case linkText:
		typ = "url"
	case dateText:
		typ = "date"
	}
	return &textField{
		App: a, ID: id, Label: f.label, Value: v.String(), Long: f.kind == longText, Type: typ, Max: max,
		Hint: f.hint, Error: problem, Markdown: f.kind == longText,
		OnChange: func(ctx app.Context, s string) { onChange(ctx, s) },
	}
}

// viewField shows one field of a card in reading mode, or nil if empty.
func (a *App) viewField(f field, text string, checked bool) app.UI {
	row := func(value app.UI) app.UI {
		return app.Div().Class("view-field").DataSet("field", f.key).Body(
			span("view-label", f.label),
			value,
		)
	}
	switch f.kind {
	case checkBox:
		if !checked {
			return nil
		}
		return app.P().Class("view-check").DataSet("field", f.key).Text("✓ " + f.label)
	case choiceBox:
		for _, c := range f.choices {
			if c.Value == text && text != "" {
				return row(app.Span().Class("choice-" + c.Value).Text(c.Label))
			}
		}
		return nil
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	switch f.kind {
	case longText:
		return row(a.md(text))
	case linkText:
		if onboarding.CheckLink(text) == "" {
			return row(app.A().Href(strings.TrimSpace(text)).Target("_blank").Rel("noopener noreferrer").Text(text))
		}
		return row(span("field-error", text+" (not a web address, so not shown as a link)"))
	}
	return row(span("", text))
}

func (p *stagePage) addEntry(ctx app.Context, spec listSpec) {
	var id string
	var err error
	p.edit(ctx, func(o *onboarding.Onboarding) { id, err = spec.list.Add(o, p.now()) })
	if err != nil {
		p.fail(sentence(err))
		return
	}
	p.editing[id] = true
	// Focus the new entry's first field, whatever its name.
	focusAfterRender(ctx, p, func() {
		if el := app.Window().Get("document").Call("querySelector", "#entry-"+id+" input, #entry-"+id+" textarea, #entry-"+id+" select"); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (p *stagePage) moveEntry(ctx app.Context, spec listSpec, id string, delta int) {
	p.edit(ctx, func(o *onboarding.Onboarding) { spec.list.Move(o, id, delta) })
	// Keep the focus on the moved card: on the same button, or on the
	// other arrow once it reaches the end of the list.
	same, other := "up", "down"
	if delta > 0 {
		same, other = other, same
	}
	focusAfterRender(ctx, p, func() {
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
	var undo onboarding.Undo
	p.edit(ctx, func(o *onboarding.Onboarding) { undo, _ = spec.list.Remove(o, id, p.now()) })
	if undo == nil {
		return
	}
	p.did("Removed "+named+".", undo)
	p.focusLater(ctx, p, "undo")
}
