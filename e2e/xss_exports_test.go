//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"counterpart/app/markdown/markdowntest"
	"counterpart/app/onboarding"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The exports of the shared 1:1 document and the share link, each checked
// with an onboarding full of vectors. They are listed in xssExports.

// openDocument opens the shared document of the round's onboarding.
func openDocument(b *browser, base, id string) {
	b.t.Helper()
	b.open(base + "/document?id=" + id)
	b.waitFor("the document", `!!document.querySelector("#document h1")`)
}

// The document page shows every vector typed anywhere as text.
func checkDocumentPage(t *testing.T, b *browser, base string, r *xssRound) {
	openDocument(b, base, r.id)
	b.expectInert("the document page")
	r.doc = b.text("#document")
	r.docHTML = eval[string](b, `document.getElementById("document").innerHTML`)
	expectShown(t, "the document page", r.doc, r.shown())
}

// docTags are the elements the document's HTML may hold.
var docTags = map[string]bool{
	"div": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true,
	"strong": true, "em": true, "del": true, "code": true, "br": true, "a": true,
}

// expectSameDocument checks Markdown the document wrote, as a Markdown
// tool reads it (goldmark): nothing in it is live, and it shows what the
// page shows, block for block and format for format.
func expectSameDocument(t *testing.T, where, md, pageHTML string) {
	t.Helper()
	read := markdowntest.ReadMarkdown(md)
	tags := map[string]bool{"input": true} // the agenda's task boxes
	for t := range docTags {
		tags[t] = true
	}
	if problem := markdowntest.Unsafe(read, tags); problem != "" {
		t.Errorf("%s, read as Markdown, has %s", where, problem)
	}
	if got, want := markdowntest.Shape(read), markdowntest.Shape(pageHTML); got != want {
		t.Errorf("%s reads differently from the page:\n%s", where, firstDifference(want, got))
	}
}

// The downloaded .md, read by a Markdown tool, holds nothing live and
// shows what the page shows.
func checkMarkdownFile(t *testing.T, b *browser, base string, r *xssRound) {
	openDocument(b, base, r.id)
	files := b.allowDownloads()
	b.click("#download-md")
	md := files.next(".md")
	expectSameDocument(t, "the .md file", md, r.docHTML)
}

// liveInHTML parses HTML in the page, without running it, and lists what
// in it is not the document's own structure, as inertCheck does for the
// page. It returns the problems and the text.
const liveInHTML = `((html) => {
	const doc = new DOMParser().parseFromString(html, "text/html");
	const allowed = new Set(["HTML", "HEAD", "BODY", "META", "DIV", "H1", "H2", "H3", "P", "UL", "OL", "LI", "STRONG", "EM", "DEL", "CODE", "BR", "A"]);
	const bad = [];
	for (const el of doc.querySelectorAll("*")) {
		if (!allowed.has(el.tagName)) bad.push("element " + el.outerHTML.slice(0, 80));
		if (el.tagName === "META" && el.attributes.length && el.getAttribute("charset") === null) bad.push("element " + el.outerHTML.slice(0, 80));
		for (const a of el.attributes) {
			const name = a.name.toLowerCase();
			if (name.startsWith("on") || name === "style" || name === "src" || name === "srcdoc" || name === "formaction") bad.push("attribute " + name + " on " + el.tagName);
		}
		if (el.tagName === "A" && !/^(https?|mailto):/i.test((el.getAttribute("href") || "").trim())) bad.push("link to " + (el.getAttribute("href") || "").slice(0, 60));
	}
	return {bad, text: doc.body.innerText || doc.body.textContent};
})`

// The rich-text copy, read back from the clipboard: its HTML holds
// nothing live and shows the vectors as the page does; its plain text is
// the Markdown, which reads as the page does.
func checkRichCopy(t *testing.T, b *browser, base string, r *xssRound) {
	openDocument(b, base, r.id)
	cdpDo(b, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	type clip struct {
		HTML  string `json:"html"`
		Plain string `json:"plain"`
		Bad   []string
		Text  string
	}
	var c clip
	withClipboard(func() {
		b.click("#copy-rich")
		b.waitFor("the copy", `!!document.getElementById("document-status")`)
		if got := b.text("#document-status"); !strings.HasPrefix(got, "Copied") {
			t.Fatalf("copying says %q", got)
		}
		c = eval[clip](b, `(async () => {
			const [item] = await navigator.clipboard.read();
			const text = async t => item.types.includes(t) ? await (await item.getType(t)).text() : "";
			const html = await text("text/html");
			const {bad, text: shown} = (`+liveInHTML+`)(html);
			return {html, plain: await text("text/plain"), Bad: bad, Text: shown};
		})()`)
	})
	if c.HTML == "" {
		t.Fatal("the clipboard holds no HTML")
	}
	for _, p := range c.Bad {
		t.Errorf("the clipboard's HTML: %s", p)
	}
	expectShown(t, "the clipboard's HTML", c.Text, r.shown())
	expectSameDocument(t, "the clipboard's plain text", c.Plain, r.docHTML)
	b.expectInert("the document page after copying")
}

// The printed document shows the vectors as text.
func checkPrintedDocument(t *testing.T, b *browser, base string, r *xssRound) {
	openDocument(b, base, r.id)
	_, text := readPDF(t, b.printPDF("xss-document-"+r.name, chromedp.PDFPaper(chromedp.PaperA4)))
	var texts []string
	for _, v := range r.shown() {
		texts = append(texts, printable(v))
	}
	expectShown(t, "the printed document", printable(text), texts)
}

// printable drops the full-width and CJK characters, which the fonts of
// the test machine (DejaVu and Liberation) cannot draw: Chromium prints a
// box for them, and the PDF has no text there to read back.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x3000 {
			return -1
		}
		return r
	}, s)
}

// The share link carries the vectors to a browser of its own: its
// preview, its pages and its document stay inert, and its document reads
// the same as the sender's.
func checkShareRoundTrip(t *testing.T, b *browser, base string, r *xssRound) {
	b.open(base + "/guide/data?id=" + r.id)
	b.waitFor("the stage", `!!document.getElementById("share-onboarding")`)
	link := b.shareLink("")
	b.expectInert("the share page")

	p := r.peer
	p.leave()
	p.open(link)
	p.waitFor("the preview", `!!document.getElementById("preview")`)
	p.expectInert("the link's preview")
	expectShown(t, "the link's preview", p.text("#preview"), []string{r.names[0], r.title})
	p.click(`label[for="me-newcomer"]`)
	p.waitFor("the save button", `!document.getElementById("save-incoming").disabled`)
	p.click("#save-incoming")
	p.waitFor("the saved message", `!!document.getElementById("saved-changes")`)
	p.expectInert("the saved message")
	for _, stage := range []string{"data", "problems", "team", "processes", "roles"} {
		p.open(base + "/guide/" + stage + "?id=" + r.id)
		p.waitFor("the stage", `!!document.querySelector(".prompts")`)
		p.expectInert("the receiver's " + stage + " stage")
	}
	p.open(base + "/meetings?id=" + r.id)
	p.waitFor("the 1:1 page", `!!document.getElementById("current")`)
	p.expectInert("the receiver's 1:1 page")
	openDocument(p, base, r.id)
	p.expectInert("the receiver's document")
	if got := p.text("#document"); got != r.doc {
		t.Errorf("the document reads differently after the link:\n%s", firstDifference(r.doc, got))
	}
}

// firstDifference shows where two texts part.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-40)
	return "sent:     …" + want[from:min(len(want), i+60)] + "\nreceived: …" + got[from:min(len(got), i+60)]
}

// icsText escapes text for an iCalendar property value (RFC 5545 3.3.11).
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// icsLine is one unfolded content line: a property name, its parameters
// and its value.
var icsLine = regexp.MustCompile(`^([A-Z][A-Z0-9-]*)(;[^:]*)?:(.*)$`)

// icsShape is what the calendar writes: for each component, the
// properties it may hold and the components it may hold. A vector that
// made a line of its own would show up as a property or a component out
// of its place.
var icsShape = map[string]struct{ props, parts []string }{
	"":          {parts: []string{"VCALENDAR"}},
	"VCALENDAR": {props: []string{"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"}, parts: []string{"VTIMEZONE", "VEVENT"}},
	"VTIMEZONE": {props: []string{"TZID", "X-LIC-LOCATION"}, parts: []string{"STANDARD", "DAYLIGHT"}},
	"STANDARD":  {props: []string{"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "RRULE"}},
	"DAYLIGHT":  {props: []string{"DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "RRULE"}},
	"VEVENT": {props: []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "TRANSP", "RECURRENCE-ID", "RRULE", "SUMMARY", "DESCRIPTION"},
		parts: []string{"VALARM"}},
	// A reminder the day before: shown on screen, never a sound, a mail
	// or a program to run.
	"VALARM": {props: []string{"ACTION", "TRIGGER", "DESCRIPTION"}},
}

// icsTrigger is when a reminder goes off: a time before the event.
var icsTrigger = regexp.MustCompile(`^-P(\d+D)?(T(\d+H)?(\d+M)?)?$`)

// icsRequired are the properties a component must hold: an event
// without them is a piece of another, ended early by a planted line.
var icsRequired = map[string][]string{
	"VEVENT": {"UID", "DTSTAMP", "DTSTART", "SUMMARY"},
	"VALARM": {"ACTION", "TRIGGER", "DESCRIPTION"},
}

// icsProblems unfolds a calendar file and lists each line that is not
// where the calendar writes it: a property or a component out of its
// place or twice in one, a component without what it must hold, a
// reminder that is not one the calendar writes (shown on screen, a time
// before the event, after the rest of the event), and a component left
// open. It also returns the values of each property.
func icsProblems(ics string) (problems []string, values map[string][]string) {
	if strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\r") {
		problems = append(problems, "a line break that is not CRLF")
	}
	unfolded := strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(ics)
	values = map[string][]string{}
	type open struct {
		name string
		seen map[string]bool // its properties and the components it held
	}
	stack := []open{{seen: map[string]bool{}}}
	for _, l := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		in := &stack[len(stack)-1]
		m := icsLine.FindStringSubmatch(l)
		if m == nil {
			problems = append(problems, fmt.Sprintf("a line that is not a property: %q", l))
			continue
		}
		name, value := m[1], m[3]
		values[name] = append(values[name], value)
		switch {
		case name == "BEGIN":
			if !slices.Contains(icsShape[in.name].parts, value) {
				problems = append(problems, fmt.Sprintf("a %s inside %q: %q", value, in.name, l))
			}
			in.seen[value] = true
			stack = append(stack, open{name: value, seen: map[string]bool{}})
		case name == "END":
			if value != in.name || len(stack) == 1 {
				problems = append(problems, fmt.Sprintf("%q ends what is not open (%q is)", l, in.name))
				continue
			}
			for _, p := range icsRequired[in.name] {
				if !in.seen[p] {
					problems = append(problems, fmt.Sprintf("a %s without its %s", in.name, p))
				}
			}
			stack = stack[:len(stack)-1]
		case !slices.Contains(icsShape[in.name].props, name):
			problems = append(problems, fmt.Sprintf("a line that is not one of the properties of %q: %q", in.name, l))
		case in.seen[name]:
			problems = append(problems, fmt.Sprintf("a second %s in one %s: %q", name, in.name, l))
		case in.name == "VEVENT" && in.seen["VALARM"]:
			problems = append(problems, fmt.Sprintf("a property of the event after its reminders: %q", l))
		case in.name == "VALARM" && name == "ACTION" && value != "DISPLAY",
			in.name == "VALARM" && name == "TRIGGER" && (m[2] != "" || !icsTrigger.MatchString(value)):
			problems = append(problems, fmt.Sprintf("a reminder that is not one the calendar writes: %q", l))
		}
		in.seen[name] = true
	}
	if len(stack) > 1 {
		problems = append(problems, fmt.Sprintf("%q is left open", stack[len(stack)-1].name))
	}
	return problems, values
}

// checkICS checks that every line of a calendar file is where the
// calendar writes it (icsProblems), and that each text shows, escaped,
// in a SUMMARY or a DESCRIPTION.
func checkICS(t *testing.T, where, ics string, summaries, descriptions []string) {
	t.Helper()
	problems, values := icsProblems(ics)
	for _, p := range problems {
		t.Errorf("%s has %s", where, p)
	}
	find := func(prop string, texts []string) {
		all := strings.Join(values[prop], "\n")
		for _, s := range texts {
			if !strings.Contains(all, icsText(s)) {
				t.Errorf("%s has no %s with %q escaped as %q", where, prop, s, icsText(s))
			}
		}
	}
	find("SUMMARY", summaries)
	find("DESCRIPTION", descriptions)
}

// TestTheCalendarCheckFindsPlantedLines shows that icsProblems passes a
// calendar as the app writes it, reminders and all, and finds a line
// planted anywhere in it, even one that looks like the app's own.
func TestTheCalendarCheckFindsPlantedLines(t *testing.T) {
	t.Parallel()
	goldens, _ := filepath.Glob(filepath.Join(repoRoot, "app/calendar/testdata/*.ics"))
	if len(goldens) < 3 {
		t.Fatalf("found %d of the calendar's golden files", len(goldens))
	}
	for _, file := range goldens {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if problems, _ := icsProblems(string(raw)); len(problems) > 0 {
			t.Errorf("%s, as the app writes it: %q", filepath.Base(file), problems)
		}
	}
	raw, err := os.ReadFile(filepath.Join(repoRoot, "app/calendar/testdata/example-london.ics"))
	if err != nil {
		t.Fatal(err)
	}
	ics := string(raw)
	if !strings.Contains(ics, "BEGIN:VALARM") || !strings.Contains(ics, "BEGIN:VTIMEZONE") {
		t.Fatal("the calendar's golden file has no reminder or no time zone: it no longer shows what the check must pass")
	}
	// Each case plants whole lines before the first line that starts
	// with a property.
	alarm := "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\nDESCRIPTION:x\r\nEND:VALARM\r\n"
	for _, c := range []struct{ name, before, planted string }{
		{"an attachment in an event", "SUMMARY:", "ATTACH:https://127.0.0.1/x.exe\r\n"},
		{"a property in the calendar", "METHOD:", "ATTACH:https://127.0.0.1/x.exe\r\n"},
		{"a second summary", "DTSTAMP:", "SUMMARY:injected\r\n"},
		{"a reminder that plays a sound", "END:VEVENT", strings.Replace(alarm, "DISPLAY", "AUDIO", 1)},
		{"a reminder that sends mail", "END:VEVENT", strings.Replace(alarm, "DISPLAY", "EMAIL", 1)},
		{"a reminder at a date", "END:VEVENT", strings.Replace(alarm, "TRIGGER:-P1D", "TRIGGER;VALUE=DATE-TIME:20261101T000000Z", 1)},
		{"a reminder after the event", "END:VEVENT", strings.Replace(alarm, "-P1D", "P1D", 1)},
		{"a reminder without its text", "END:VEVENT", strings.Replace(alarm, "DESCRIPTION:x\r\n", "", 1)},
		{"a reminder with two actions", "END:VALARM", "ACTION:DISPLAY\r\n"},
		{"a reminder as the app's, in the middle of an event", "DTSTART", alarm},
		{"a property of the event after its reminders", "END:VEVENT", alarm + "ATTACH:https://127.0.0.1/x.exe\r\n"},
		{"an event inside an event", "SUMMARY:", "BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:x\r\nDTSTART:x\r\nSUMMARY:injected\r\nEND:VEVENT\r\n"},
		{"an event ended early", "SUMMARY:", "END:VEVENT\r\nBEGIN:VEVENT\r\n"},
		{"an event left open", "END:VCALENDAR", "BEGIN:VEVENT\r\n"},
		{"a to-do", "BEGIN:VEVENT", "BEGIN:VTODO\r\nSUMMARY:injected\r\nEND:VTODO\r\n"},
		{"a bare line break", "SUMMARY:", "X\nSUMMARY:x\r\n"},
		{"a line of no property", "SUMMARY:", "<script>window.__xss=1</script>\r\n"},
	} {
		i := strings.Index(ics, "\r\n"+c.before)
		if i < 0 {
			t.Fatalf("%s: the golden file has no line that starts with %q", c.name, c.before)
		}
		i += len("\r\n")
		if problems, _ := icsProblems(ics[:i] + c.planted + ics[i:]); len(problems) == 0 {
			t.Errorf("%s: the check found nothing", c.name)
		}
	}
}

// The calendar file carries the names and the time together, escaped;
// then names and a time together with line breaks in them, planted in
// the stored copy as a link or a damaged store could, make no property
// of their own.
func checkCalendarFile(t *testing.T, b *browser, base string, r *xssRound) {
	openDocument(b, base, r.id)
	files := b.allowDownloads()
	b.click("#download-ics")
	clean := files.next(".ics")
	checkICS(t, "the .ics file", clean, r.names, []string{r.social})

	planted := []string{
		"Dana\r\nATTACH:https://127.0.0.1/x.exe\u2028SUMMARY:INJECTED",
		"Priya\nBEGIN:VALARM\nACTION:AUDIO\u0085END:VALARM",
		"Lunch\r\nEND:VEVENT\r\nBEGIN:VEVENT\u2029SUMMARY:injected;\\, <script>window.__xss=1</script>",
	}
	b.change(r.id, func(o *onboarding.Onboarding) {
		o.Buddy.Name, o.Newcomer.Name, o.Roles.Cadence.Social = planted[0], planted[1], planted[2]
	})
	openDocument(b, base, r.id)
	b.expectInert("the document of planted line breaks")
	b.click("#download-ics")
	ics := files.next(".ics")
	// Names and the time together are one-line fields: the app reads
	// the planted line breaks as spaces.
	var kept []string
	for _, p := range planted {
		kept = append(kept, onboarding.CleanLine(p))
	}
	checkICS(t, "the .ics of planted line breaks", ics, kept[:2], kept[2:])
	// The names change no date: the file holds the events and the
	// reminders of the file before, and no other.
	// (A line starts after a CRLF; the planted words are in the text too.)
	if strings.Count(ics, "\r\nBEGIN:VEVENT") != strings.Count(clean, "\r\nBEGIN:VEVENT") || strings.Count(ics, "\r\nBEGIN:VALARM") != strings.Count(clean, "\r\nBEGIN:VALARM") ||
		strings.Contains(ics, "\r\nATTACH") || strings.Contains(ics, "\r\nACTION:AUDIO") || strings.ContainsAny(ics, "\u0085\u2028\u2029") {
		t.Errorf("a planted line break made a property of its own:\n%s", ics)
	}
}
