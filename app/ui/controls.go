package ui

import (
	"strconv"
	"unicode/utf8"

	"counterpart/app/onboarding"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The controls every page builds its forms from. Each takes its element
// ID, which also scopes its event handler (see the note on handlers below).

// textField is a labelled input or text area. After it first renders, the
// text belongs to the person typing: the component never writes the value
// back while they type, because go-app renders a moment later and would
// put back an older value (and trims spaces when it does). A value that
// changes from elsewhere (another tab, an undo, a reordered list) is
// written straight into the element, unless the person is typing in it.
type textField struct {
	app.Compo
	*App

	ID       string
	Label    string
	Value    string
	Long     bool   // a text area rather than one line
	Type     string // input type: "text" (default), "url", "date", "time"
	Max      int    // the most characters it takes
	Hint     string // shown under the field
	Error    string // what is wrong with the value, shown under the field
	Markdown bool   // says that Markdown works here
	OnChange func(ctx app.Context, value string)

	initial string
	// seenValue and seenGen are the value last synced and the count of
	// other tabs' saves at that moment: a value that changes along with
	// that count came from another tab.
	seenValue string
	seenGen   int
	// clash is the other tab's text, when it changed this field while the
	// person was typing in it: shown so that neither text goes unseen.
	clash string
}

// OnInit keeps the value the element is first rendered with.
func (f *textField) OnInit() {
	f.initial, f.seenValue = f.Value, f.Value
}

// OnMount writes the exact value into the element: go-app trims the value
// it renders, which would drop leading or trailing spaces and line breaks.
func (f *textField) OnMount(ctx app.Context) { f.sync(ctx) }

func (f *textField) OnUpdate(ctx app.Context) { f.sync(ctx) }

// sync puts f.Value into the element, unless the person is typing in it.
// If another tab changed the field meanwhile, the next keystroke here
// replaces that text: the field says so, and shows it.
func (f *textField) sync(ctx app.Context) {
	fromElsewhere := f.Value != f.seenValue && f.otherTabSaves != f.seenGen
	f.seenValue, f.seenGen = f.Value, f.otherTabSaves
	el := app.Window().GetElementByID(f.ID)
	if !el.Truthy() {
		return
	}
	typing := el.Equal(app.Window().Get("document").Get("activeElement"))
	clash := f.clash
	switch {
	case !typing:
		clash = ""
	case (fromElsewhere || f.clash != "") && el.Get("value").String() != f.Value:
		// Once the tabs clash, later saves from the other tab keep the
		// shown text current, even when a render in between took the
		// count of saves along with it.
		clash = f.Value
	}
	if clash != f.clash {
		ctx.Dispatch(func(app.Context) { f.clash = clash })
	}
	if typing || el.Get("value").String() == f.Value {
		return // if typing, their next keystroke saves their text
	}
	el.Set("value", f.Value)
}

func (f *textField) Render() app.UI {
	hintID := f.ID + "-hint"
	var note []app.UI
	if f.Error != "" {
		note = append(note, app.P().Class("field-error").Role("alert").Text(f.Error))
	}
	if f.Max > 0 && (f.Type == "" || f.Type == "text" || f.Type == "url") && utf8.RuneCountInString(f.Value) >= f.Max {
		note = append(note, para("field-error", "This field is full: it holds up to "+strconv.Itoa(f.Max)+" characters, and the rest was not kept."))
	}
	if f.clash != "" {
		note = append(note, app.P().Class("field-error").Role("status").Text(
			"Another tab changed this field while you were typing here; it now says “"+words.Clip(f.clash, 300)+
				"” What you type here replaces that, so copy it first if you want to keep it."))
	}
	hint := f.Hint
	if f.Markdown {
		if hint != "" {
			hint += " "
		}
		hint += "Markdown works: **bold**, *italic*, - lists, links."
	}
	if hint != "" {
		note = append(note, para("field-hint", hint))
	}

	var control app.UI
	if f.Long {
		control = app.Textarea().
			ID(f.ID).
			Rows(4).
			MaxLength(f.Max).
			Text(f.initial).
			Aria("describedby", hintID).
			Aria("invalid", f.Error != "").
			OnInput(f.onInput)
	} else {
		typ := f.Type
		if typ == "" {
			typ = "text"
		}
		control = app.Input().
			ID(f.ID).
			Type(typ).
			MaxLength(f.Max).
			Value(f.initial).
			Aria("describedby", hintID).
			Aria("invalid", f.Error != "").
			OnInput(f.onInput)
	}
	return div("field",
		app.Label().For(f.ID).Text(f.Label),
		control,
		app.Div().ID(hintID).Body(note...),
	)
}

func (f *textField) onInput(ctx app.Context, e app.Event) {
	f.Value = target(e).Get("value").String()
	if f.OnChange != nil {
		f.OnChange(ctx, f.Value)
	}
}

// onceHint hands the line that says Markdown works to the first text area
// of a page, so that it is said once rather than under every box. A page
// resets it as it starts to render, and asks it for each text area in the
// order they appear.
type onceHint struct{ given bool }

// take reports whether this text area gets the hint: only the first asks
// and gets it.
func (h *onceHint) take() bool {
	first := !h.given
	h.given = true
	return first
}

// target is the element an event happened on. The controls read what was
// typed or chosen from the event itself, so that a test can hand them an
// event as a browser would.
func target(e app.Event) app.Value { return e.Get("target") }

// A note on event handlers: go-app v9 keeps an element's old handler when
// the new one comes from the same function literal, even if it captured
// other values. Every handler that captures per-entry data therefore passes
// that data as its scope (the arguments after the handler), which makes
// go-app swap the handler when the data changes. The helpers below use the
// element's ID, which always names the entry.

// checkbox is a labelled check box.
func checkbox(id, label string, checked bool, onChange func(ctx app.Context, checked bool)) app.UI {
	return div("check",
		app.Input().Type("checkbox").ID(id).Checked(checked).OnChange(func(ctx app.Context, e app.Event) {
			onChange(ctx, target(e).Get("checked").Bool())
		}, id),
		app.Label().For(id).Text(label),
	)
}

// choice is one option of a select.
type choice struct {
	Value, Label string
}

// choicesOf makes the options of a select from the values of one of the
// model's choices, such as onboarding.Healths, in their order.
func choicesOf[T interface {
	~string
	Label() string
}](values []T) []choice {
	out := make([]choice, len(values))
	for i, v := range values {
		out[i] = choice{string(v), v.Label()}
	}
	return out
}

// selectField is a labelled drop-down list. An empty first option stands
// for "not chosen".
func selectField(id, label, value string, choices []choice, onChange func(ctx app.Context, value string)) app.UI {
	opts := make([]app.UI, 0, len(choices)+1)
	opts = append(opts, app.Option().Value("").Text("Choose…").Selected(value == ""))
	for _, c := range choices {
		opts = append(opts, app.Option().Value(c.Value).Text(c.Label).Selected(c.Value == value))
	}
	return div("field",
		app.Label().For(id).Text(label),
		app.Select().ID(id).Body(opts...).OnChange(func(ctx app.Context, e app.Event) {
			onChange(ctx, target(e).Get("value").String())
		}, id),
	)
}

// radio is one labelled radio button of a group.
func radio(id, group, label string, checked bool, onPick func(ctx app.Context)) app.UI {
	return div("check",
		app.Input().Type("radio").ID(id).Name(group).Checked(checked).OnChange(func(ctx app.Context, e app.Event) {
			if target(e).Get("checked").Bool() {
				onPick(ctx)
			}
		}, id),
		app.Label().For(id).Text(label),
	)
}

// fieldError shows a message under a field that is not a textField.
func fieldError(msg string) app.UI {
	if msg == "" {
		return nil
	}
	return app.P().Class("field-error").Role("alert").Text(msg)
}

// progressBar shows a share done, with the words for screen readers.
func progressBar(percent int, label string) app.UI {
	return div("progress",
		app.Progress().Max(100).Value(percent).Aria("label", label),
		span("progress-label", itoa(percent)+"% · "+label),
	)
}

// writerChoice asks who is typing, when the two share one device: it sets
// the author of what they add next. label names each person; picked, if
// not nil, runs with the person picked before the choice is saved.
func (s *opened) writerChoice(label func(onboarding.Person) string, picked func(ctx app.Context, person string)) app.UI {
	o := s.o
	writer := o.CurrentWriter()
	option := func(person onboarding.Person) app.UI {
		return radio("writer-"+person.ID, "writer", label(person), writer == person.ID, func(ctx app.Context) {
			if picked != nil {
				picked(ctx, person.ID)
			}
			s.edit(ctx, func(o *onboarding.Onboarding) { o.Writer = person.ID })
		})
	}
	return app.FieldSet().Class("writer choices").Body(
		app.Legend().Text("Who is writing?"),
		option(o.Buddy),
		option(o.Newcomer),
	)
}
