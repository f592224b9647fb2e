package ui

import (
	"counterpart/app/calendar"
	"counterpart/app/document"
	"counterpart/app/markdown"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// documentPage shows the shared 1:1 document of an onboarding, and hands
// it over the ways people share such things: a Markdown file, formatted
// text on the clipboard, paper or PDF, and the cadence as a calendar file.
// Everything is made here in the browser; nothing is sent anywhere.
type documentPage struct {
	app.Compo
	opened

	zone    calendar.Zone // nil when no zone is set or the browser does not know it
	source  string        // the Markdown
	html    string        // the same document as HTML
	message string
	failed  bool // the message reports a failure
}

// OnNav builds the document from the onboarding in ?id=.
func (p *documentPage) OnNav(ctx app.Context) {
	p.message = ""
	p.o = nil // made afresh on every visit
	if p.open(ctx, "Shared 1:1 document"); p.o == nil {
		return
	}
	p.zone = zoneFor(p.o.Roles.Cadence.ZoneOr(browserZone()))
	doc := document.Build(p.o, today())
	p.source = markdown.Markdown(doc)
	p.html = `<div class="md">` + markdown.HTML(doc) + `</div>`
}

func (p *documentPage) Render() app.UI {
	if p.o == nil {
		return p.renderMissing("Shared 1:1 document")
	}
	o := p.o
	zoneNote := "The calendar file has your weekly 1:1 and your time together once their day and time are agreed, the sessions you booked, and the checkpoints of the first ninety days, with a reminder the day before each 1:1."
	if p.zone != nil {
		zoneNote += " Its times are in " + p.zone.Name() + " time."
	}
	// One way to share it stands out, paper or PDF, the way a document
	// reaches a CEO; the others sit beside it.
	return p.layout(
		div("sheet-tools no-print",
			buttonLink("", "button secondary", meetingsLink(o.ID), "← Weekly 1:1"),
			button("print-document", "", "Print or save as PDF", printPage),
			button("copy-rich", "secondary", "Copy as rich text", p.copyRich),
			button("download-md", "secondary", "Download .md", p.downloadMarkdown),
			button("download-ics", "secondary", "Download calendar (.ics)", p.downloadCalendar),
		),
		div("status-area no-print",
			app.If(p.message != "", app.P().Class(pick(p.failed, "alert", "toast")).Role("status").ID("document-status").Text(p.message)),
		),
		app.P().Class("field-hint no-print").ID("zone-note").Text(zoneNote),
		app.Article().Class("document").ID("document").Body(app.Raw(p.html)),
	)
}

func (p *documentPage) downloadMarkdown(ctx app.Context, e app.Event) {
	download(document.FileName(p.o.Title)+".md", "text/markdown;charset=utf-8", p.source)
	p.message, p.failed = "Downloaded the document as Markdown.", false
}

func (p *documentPage) downloadCalendar(ctx app.Context, e app.Event) {
	ics := calendar.ICS(p.o, p.zone, wallNow())
	download(document.FileName(p.o.Title)+".ics", "text/calendar;charset=utf-8", ics)
	p.message, p.failed = "Downloaded the calendar file. Open it, or import it into your calendar app.", false
}

// copyRich puts the document on the clipboard twice over: as HTML, which a
// docs tool pastes formatted, and as Markdown text, which a chat pastes
// as it is.
func (p *documentPage) copyRich(ctx app.Context, e app.Event) {
	win := app.Window()
	clip := win.Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("write").Truthy() || !win.Get("ClipboardItem").Truthy() {
		p.message, p.failed = "This browser does not let pages copy formatted text. Select the document below and copy it, or download the .md file.", true
		return
	}
	blob := func(s, mime string) app.Value {
		return win.Get("Blob").New([]any{s}, map[string]any{"type": mime})
	}
	item := win.Get("ClipboardItem").New(map[string]any{
		"text/html":  blob(p.html, "text/html"),
		"text/plain": blob(p.source, "text/plain"),
	})
	// Array.of, not a Go slice: go-app passes a slice's elements on
	// unconverted, and a JS object inside one cannot cross.
	then(clip.Call("write", win.Get("Array").Call("of", item)), func(app.Value) {
		ctx.Dispatch(func(app.Context) {
			p.message, p.failed = "Copied. Paste it into a document for the formatting, or into a chat as plain text.", false
		})
	}, func(app.Value) {
		ctx.Dispatch(func(app.Context) {
			p.message, p.failed = "The browser did not allow copying. Select the document below and copy it, or download the .md file.", true
		})
	})
}
