package document

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"counterpart/app/markdown"
	"counterpart/app/onboarding"

	"golang.org/x/net/html"
)

// docTags are the elements the rendered document may hold: the structure
// the document writes itself, and the links Linkify makes of addresses.
var docTags = map[string]bool{
	"div": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true,
	"li": true, "strong": true, "br": true, "a": true,
}

// unsafeDocument checks every tag and attribute of the rendered document
// against docTags, and every link's address, and says what should not be
// there. It also returns the text a reader sees.
func unsafeDocument(out string) (problem, text string) {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return problem, b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if !docTags[tok.Data] && problem == "" {
				problem = "tag " + tok.Data
			}
			for _, a := range tok.Attr {
				switch {
				case tok.Data == "a" && a.Key == "href" && markdown.Allowed(a.Val) && webLink(a.Val):
				case tok.Data == "div" && a.Key == "class":
				default:
					if problem == "" {
						problem = "attribute " + a.Key + "=" + a.Val + " on " + tok.Data
					}
				}
			}
		case html.CommentToken, html.DoctypeToken:
			// goldmark writes a comment where it leaves raw HTML out: in
			// the document, nothing typed may ever be read as HTML.
			if problem == "" {
				problem = "raw HTML left out: " + string(z.Raw())
			}
		}
	}
}

// webLink reports whether a link goes to the web or to mail, checked on
// its own rather than trusting markdown.Allowed alone.
func webLink(href string) bool {
	h := strings.ToLower(href)
	return strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "mailto:")
}

// plainText reports whether s is text a person could type, for which the
// document must show exactly what was typed: valid UTF-8 with no control
// characters (goldmark replaces NUL, and such bytes are not typed).
func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
			return false
		}
	}
	return true
}

// everyField is an onboarding with short in every one-line field a person
// can type, long in every text area, and day and clock as the weekly
// 1:1's day and time, as stored data could hold them.
func everyField(t *testing.T, short, long, day, clock string) *onboarding.Onboarding {
	o := fresh(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	o.Title = short
	o.Buddy.Name, o.Buddy.Role = short, short
	o.Newcomer.Name, o.Newcomer.Role = short+" 2", short
	onboarding.Add(&o.Problems, b, t0).Problem = short
	o.Roles.Disagreement.Text = long
	onboarding.Add(&o.Roles.Escalation, b, t0).Text = short
	row := onboarding.Add(&o.Roles.Rows, b, t0)
	row.Area = short
	onboarding.SetAnswer(o, row, b, onboarding.Mine, t0)
	onboarding.SetAnswer(o, row, n, onboarding.Yours, t0)
	o.Roles.SideOf(b).Done = true
	o.Roles.SideOf(n).Done = true
	o.Roles.Cadence = onboarding.Cadence{Day: day, Time: clock, Minutes: 30, Zone: short, Social: short}
	sm := onboarding.Add(&o.Roles.Cadence.Shared, b, t0)
	sm.Name, sm.Cadence, sm.Debrief = short, short, true
	m, err := onboarding.StartMeeting(o, "2026-11-03", b, t0)
	if err != nil {
		t.Fatal(err)
	}
	it := onboarding.Add(&m.Items, n, t0)
	it.Text, it.Raised = short, m.Date
	m.Notes, m.Decisions = long, long
	// A commitment needs words; with none, the app would not add it.
	onboarding.AddCommitment(o, n, short, "2026-11-12", m.ID, b, t0)
	onboarding.Add(&o.Agenda, b, t0).Text = short
	return o
}

// Random text in every field a person types, and in the stored day and
// time, renders to nothing but the document's own structure and web
// links; text that could be typed reads as typed.
func FuzzDocument(f *testing.F) {
	f.Add("Dana", "Walked through the close.\n- one\n* two", "thursday", "08:30")
	for i, s := range hostileTexts {
		f.Add(s, strings.Join(hostileTexts[i:], "\n"), "monday", "09:00")
	}
	corpus, err := os.ReadFile("../../e2e/testdata/xss.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(string(corpus), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			v := strings.ReplaceAll(line, `\n`, "\n")
			f.Add(v, v, v, v)
		}
	}
	f.Fuzz(func(t *testing.T, short, long, day, clock string) {
		o := everyField(t, short, long, day, clock)
		doc := Markdown(o, today)
		out := markdown.ToHTML(doc)
		problem, text := unsafeDocument(out)
		if problem != "" {
			t.Fatalf("%s\nin the document:\n%s\nrendered:\n%s", problem, doc, out)
		}
		if want := strings.Join(strings.Fields(short), " "); plainText(short) && want != "" {
			if got := strings.Join(strings.Fields(text), " "); !strings.Contains(got, want) {
				t.Fatalf("the rendered document does not show %q as typed:\n%s\nrendered:\n%s", want, doc, out)
			}
			// The title stands alone in the heading: all of it, no more.
			_, h1, _ := strings.Cut(out, "<h1>")
			h1, _, _ = strings.Cut(h1, "</h1>")
			if _, got := unsafeDocument(h1); strings.Join(strings.Fields(got), " ") != want {
				t.Fatalf("the title %q is headed %q:\n%s", want, got, doc)
			}
		}
	})
}
