// Package markdown is Counterpart's formatted text. It has a small model
// (blocks of lines of spans), a parser for the little Markdown people type
// in the app's text areas, and two writers that say the same thing from
// the same model: HTML for the page, Markdown for files and for pasting.
//
// What people type is read as a small, safe subset of Markdown:
// paragraphs, line breaks (kept as typed), "- " and "1. " lists,
// **bold**, *italic*, ~~struck~~, `code`, links to http, https and mailto
// addresses written [like this](https://example.com), and web and mail
// addresses on their own. Everything else shows exactly as typed: no raw
// HTML, no images, no headings, no quotes.
//
// The guide's own text (content/) is fixed when the app is built and is
// rendered then, with goldmark (guide.go, which the browser build leaves
// out), so the browser carries no Markdown parser but this one.
package markdown

// Block is one block of text: a paragraph, a heading or a list.
type Block struct {
	Kind  Kind
	Level int    // a heading's level, 1 to 4
	Start int    // the first number of a numbered list
	Lines []Line // a paragraph's lines, shown with line breaks; a heading's one line
	Items []Item // a list's items
}

// Kind is what a block is.
type Kind uint8

// The kinds of block.
const (
	Paragraph Kind = iota
	Heading
	Bullets
	Numbers
)

// Item is one item of a list. Its lines are shown with line breaks.
type Item struct {
	Task  Task
	Lines []Line
}

// Task marks a list item as a task, open or done.
type Task uint8

// Whether an item is a task, and its state.
const (
	NoTask Task = iota
	OpenTask
	DoneTask
)

// Line is a run of spans, shown on one line.
type Line []Span

// Span is a piece of a line: plain text, or text with a format.
type Span struct {
	Kind  SpanKind
	Text  string // what a Plain or Code span shows
	Href  string // where a Link goes: always an address that Allowed accepts
	Inner Line   // what a Strong, Emphasis, Strike or Link span holds
}

// SpanKind is the format of a span.
type SpanKind uint8

// The formats of a span.
const (
	Plain SpanKind = iota
	Strong
	Emphasis
	Strike
	Code
	Link
)

// Text is plain text: it shows exactly as given, with runs of white space
// shown as one space.
func Text(s string) Span { return Span{Kind: Plain, Text: s} }

// Bold is strong text.
func Bold(inner ...Span) Span { return Span{Kind: Strong, Inner: inner} }

// Para is a paragraph of one line.
func Para(spans ...Span) Block { return Block{Kind: Paragraph, Lines: []Line{spans}} }

// Head is a heading.
func Head(level int, spans ...Span) Block {
	return Block{Kind: Heading, Level: level, Lines: []Line{spans}}
}

// List is a bulleted list of one-line items.
func List(items ...Line) Block {
	b := Block{Kind: Bullets}
	for _, it := range items {
		b.Items = append(b.Items, Item{Lines: []Line{it}})
	}
	return b
}

// Numbered is a numbered list of one-line items, from 1.
func Numbered(items ...Line) Block {
	b := List(items...)
	b.Kind, b.Start = Numbers, 1
	return b
}

// ToHTML renders what a person typed (see Parse) as safe HTML, in one
// <div class="md">, which is what go-app's Raw element needs.
func ToHTML(typed string) string {
	return `<div class="md">` + HTML(Parse(typed)) + `</div>`
}
