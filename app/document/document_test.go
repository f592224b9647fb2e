package document

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/markdown"
	"counterpart/app/onboarding"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

const today = "2026-11-21"

func fresh(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	return onboarding.New(onboarding.Draft{
		MyName: "Dana Okafor", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Priya Raman", PeerRole: "CFO", PeerFunction: onboarding.Finance,
		StartDate: "2026-11-02",
	}, t0)
}

// hostileTexts are things people may well type, and things an attacker
// might put in a shared onboarding. Each must come out exactly as typed.
var hostileTexts = []string{
	`<script>alert("x")</script>`,
	`[click me](javascript:alert(1))`,
	`*not italic* and _not either_ and **not bold**`,
	`<img src=x onerror=alert(1)>`,
	"# not a heading",
	"1. not a list",
	"> not a quote",
	"a | table | row",
	"&lt; stays as typed &amp;",
	"~~not struck~~ and `not code`",
	`back\slash and [brackets] and <angle>`,
}

// hostile is an onboarding whose every shared text is one of hostileTexts.
func hostile(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o := fresh(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	h := func(i int) string { return hostileTexts[i%len(hostileTexts)] }
	o.Title = h(0)
	o.Newcomer.Name = "Priya <b>Raman</b>"
	o.Newcomer.Role = "C*F*O"
	p := onboarding.Add(&o.Problems, b, t0)
	p.Problem = h(1)
	o.Roles.Disagreement.Text = h(2) + "\n" + h(4) + "\n\n- " + h(3) + "\n* " + h(5) + "\n" + h(6)
	onboarding.Add(&o.Roles.Escalation, b, t0).Text = h(7)
	row := onboarding.Add(&o.Roles.Rows, b, t0)
	row.Area = h(8)
	onboarding.SetAnswer(o, row, b, onboarding.Mine, t0)
	onboarding.SetAnswer(o, row, n, onboarding.Mine, t0)
	o.Roles.SideOf(b).Done = true
	o.Roles.SideOf(n).Done = true
	o.Roles.Cadence = onboarding.Cadence{Day: "tuesday", Time: "09:00", Minutes: 60, Zone: "Europe/Paris", Social: h(9)}
	sm := onboarding.Add(&o.Roles.Cadence.Shared, b, t0)
	sm.Name, sm.Cadence, sm.Debrief = h(10), h(0), true
	m, err := onboarding.StartMeeting(o, "2026-11-03", b, t0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range hostileTexts {
		it := onboarding.Add(&m.Items, []string{b, n}[i%2], t0)
		it.Text, it.Raised, it.Done = h(i), m.Date, i%3 == 0
	}
	m.Notes = strings.Join(hostileTexts, "\n")
	m.Decisions = h(3) + "\n\n" + h(1)
	mID := m.ID
	if _, err := onboarding.StartMeeting(o, "2026-11-10", b, t0); err != nil {
		t.Fatal(err)
	}
	for i, s := range []onboarding.Status{onboarding.Open, onboarding.Kept, onboarding.Missed} {
		c, err := onboarding.AddCommitment(o, []string{b, n}[i%2], h(i+4), "2026-11-12", mID, b, t0)
		if err != nil {
			t.Fatal(err)
		}
		c.Status = s
	}
	q := onboarding.Add(&o.Agenda, n, t0)
	q.Text = h(5)
	return o
}

// example is the built-in example onboarding.
func example(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestGolden(t *testing.T) {
	cases := map[string]*onboarding.Onboarding{
		"fresh":   fresh(t),
		"example": example(t),
		"hostile": hostile(t),
	}
	for name, o := range cases {
		got := Markdown(o, today)
		file := filepath.Join("testdata", name+".md")
		if *update {
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test ./app/document -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%s: the document differs from %s (run with -update if the change is intended):\n%s", name, file, firstDiff(string(want), got))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + w + "\n  got  " + g
		}
	}
	return ""
}

// renderedText renders a document as the page does and returns its text.
// It fails the test on any tag but the structure the document itself
// writes, and on any attribute: nothing typed may become markup.
func renderedText(t *testing.T, name, doc string) string {
	t.Helper()
	out := markdown.ToHTML(doc)
	allowed := map[string]bool{"div": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true, "strong": true, "br": true}
	var text strings.Builder
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			if !allowed[tok.Data] {
				t.Errorf("%s: the rendered document has a <%s> tag", name, tok.Data)
			}
			for _, a := range tok.Attr {
				if !(tok.Data == "div" && a.Key == "class") {
					t.Errorf("%s: the rendered document has an attribute %s on <%s>", name, a.Key, tok.Data)
				}
			}
		case html.TextToken:
			text.WriteString(tok.Data)
		}
	}
	return text.String()
}

// Every golden input renders with no live tag.
func TestGoldenInputsRenderInert(t *testing.T) {
	for name, o := range map[string]*onboarding.Onboarding{"fresh": fresh(t), "example": example(t), "hostile": hostile(t)} {
		renderedText(t, name, Markdown(o, today))
	}
}

// Every hostile text reads exactly as typed once rendered.
func TestUserTextIsInert(t *testing.T) {
	doc := Markdown(hostile(t), today)
	out := markdown.ToHTML(doc)
	plain := renderedText(t, "hostile", doc)
	for _, s := range hostileTexts {
		if !strings.Contains(plain, s) {
			t.Errorf("the document does not show %q as typed", s)
		}
	}
	for _, s := range []string{"Priya <b>Raman</b>", "C*F*O"} {
		if !strings.Contains(plain, s) {
			t.Errorf("the document does not show the name %q as typed", s)
		}
	}
	// Line breaks and list items in notes survive.
	if !strings.Contains(out, "<li>"+html.EscapeString(hostileTexts[3])+"</li>") {
		t.Error("a note's list item did not stay a list item")
	}
}

func TestInline(t *testing.T) {
	cases := map[string]string{
		"plain words":          "plain words",
		"  many \n  spaces\t":  "many spaces",
		"- item":               `\- item`,
		"+ item":               `\+ item`,
		"# title":              `\# title`,
		"Onboarding #2 ##":     `Onboarding \#2 \#\#`,
		"=====":                `\=====`,
		"12. twelve":           `12\. twelve`,
		"3) three":             `3\) three`,
		"2026-11-05 is a date": "2026-11-05 is a date",
		"a_b*c":                `a\_b\*c`,
		"1.5 stays":            "1.5 stays",
	}
	for in, want := range cases {
		if got := Inline(in); got != want {
			t.Errorf("Inline(%q) = %q, want %q", in, got, want)
		}
	}
}

// Nothing marked private reaches the document, whatever kind it is.
func TestPrivateNeverAppears(t *testing.T) {
	o := hostile(t)
	b := o.Buddy.ID
	secret := "SECRET-"
	p := onboarding.Add(&o.Problems, b, t0)
	p.Problem, p.Private = secret+"problem", true
	st := onboarding.Add(&o.Roles.Escalation, b, t0)
	st.Text, st.Private = secret+"step", true
	row := onboarding.Add(&o.Roles.Rows, b, t0)
	row.Area, row.Private = secret+"area", true
	onboarding.SetAnswer(o, row, b, onboarding.Mine, t0)
	onboarding.SetAnswer(o, row, o.Newcomer.ID, onboarding.Mine, t0)
	sm := onboarding.Add(&o.Roles.Cadence.Shared, b, t0)
	sm.Name, sm.Private = secret+"shared", true
	q := onboarding.Add(&o.Agenda, b, t0)
	q.Text, q.Private = secret+"queued", true
	m := o.LatestMeeting()
	it := onboarding.Add(&m.Items, b, t0)
	it.Text, it.Private = secret+"item", true
	c, _ := onboarding.AddCommitment(o, b, secret+"commitment", "", m.ID, b, t0)
	c.Private = true
	hidden, err := onboarding.StartMeeting(o, "2026-11-17", b, t0)
	if err != nil {
		t.Fatal(err)
	}
	hidden.Private, hidden.Notes = true, secret+"meeting"
	tm := onboarding.Add(&o.TeamRead, b, t0)
	tm.Person, tm.Private = secret+"team", true
	o.Roles.Disagreement.Text, o.Roles.Disagreement.Private = secret+"disagreement", true

	doc := Markdown(o, today)
	for _, l := range strings.Split(doc, "\n") {
		if strings.Contains(l, secret) {
			t.Errorf("a private entry is in the document: %s", l)
		}
	}
	if !strings.Contains(doc, "Not agreed yet.") {
		t.Error("the private disagreement note left no placeholder")
	}
}

// While the role sides are written blind, the document shows no answer.
func TestBlindAnswersStayOut(t *testing.T) {
	o := hostile(t)
	o.Roles.SideOf(o.Newcomer.ID).Done = false
	doc := Markdown(o, today)
	if !strings.Contains(doc, "Each of us is still answering alone") {
		t.Error("the document does not say the comparison is waiting")
	}
	for _, s := range []string{"says", "both claim", "Both claim", "Who owns \\&lt;"} {
		if strings.Contains(doc, s) {
			t.Errorf("the document shows %q while a side is still open", s)
		}
	}
}

// The log reads newest first, with the weeks an item has been open.
func TestLogOrderAndWeeksOpen(t *testing.T) {
	o := fresh(t)
	b := o.Buddy.ID
	m1, _ := onboarding.StartMeeting(o, "2026-11-05", b, t0)
	it := onboarding.Add(&m1.Items, b, t0)
	it.Text, it.Raised = "Close calendar", m1.Date
	onboarding.StartMeeting(o, "2026-11-12", b, t0)
	onboarding.StartMeeting(o, "2026-11-19", b, t0)
	doc := Markdown(o, today)
	i19 := strings.Index(doc, "### 1:1 of Thursday 19 November 2026")
	i12 := strings.Index(doc, "### 1:1 of Thursday 12 November 2026")
	i05 := strings.Index(doc, "### 1:1 of Thursday 5 November 2026")
	if i19 < 0 || !(i19 < i12 && i12 < i05) {
		t.Errorf("the log is not newest first: %d %d %d", i19, i12, i05)
	}
	if !strings.Contains(doc[i19:i12], "- [ ] Close calendar (raised by Dana Okafor, open 2 weeks)") {
		t.Errorf("week 3 does not show the item open 2 weeks:\n%s", doc[i19:i12])
	}
}
