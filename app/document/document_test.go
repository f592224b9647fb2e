package document

import (
	"flag"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/markdown"
	"counterpart/app/markdown/markdowntest"
	"counterpart/app/onboarding"
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
	onboarding.WriteAnnouncement(o, onboarding.ToExec, h(11), t0)
	onboarding.MarkAnnounced(o, onboarding.ToExec, "2026-11-24", t0)
	onboarding.WriteAnnouncement(o, onboarding.ToNewcomerTeam, h(6), t0)
	onboarding.MarkCEOSent(o, "2026-11-16", t0)
	onboarding.WriteCEOCorrections(o, h(4)+"\n\n- "+h(1), t0)
	st := onboarding.Add(&o.Stakes, b, t0)
	st.What, st.Kind, st.Note, st.Row = h(12), onboarding.StakeBudget, h(2), row.ID
	pi := onboarding.Add(&o.Plan, n, t0)
	pi.Text, pi.By, pi.Progress = h(13), onboarding.By60, onboarding.PlanAtRisk
	du := onboarding.Add(&o.Duties, b, t0)
	du.Duty, du.DoneBy, du.Fate, du.To, du.Row = h(14), onboarding.ByInterim, onboarding.ToNamed, h(15), row.ID
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
		for ext, got := range map[string]string{".md": Markdown(o, today), ".html": HTML(o, today)} {
			file := filepath.Join("testdata", name+ext)
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

// docTags are the elements the document's HTML may hold: its own
// structure, and what the text areas' Markdown makes.
var docTags = map[string]bool{
	"div": true, "h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true,
	"strong": true, "em": true, "del": true, "code": true, "br": true, "a": true,
}

// renderedText is the text of a document's HTML, as the page shows it.
// It fails the test on any tag or attribute but the allowed ones.
func renderedText(t *testing.T, name string, o *onboarding.Onboarding) string {
	t.Helper()
	out := HTML(o, today)
	if problem := markdowntest.Unsafe(out, docTags); problem != "" {
		t.Errorf("%s: the document's HTML has %s", name, problem)
	}
	return markdowntest.Text(out)
}

// Every golden input renders with no live tag, and its Markdown says what
// its HTML says.
func TestGoldenInputsRenderInert(t *testing.T) {
	for name, o := range map[string]*onboarding.Onboarding{"fresh": fresh(t), "example": example(t), "hostile": hostile(t)} {
		renderedText(t, name, o)
		markdowntest.Agree(t, name, Build(o, today))
	}
}

// Every hostile text reads exactly as typed in a one-line field, and as
// the app shows it everywhere in a text area.
func TestUserTextIsInert(t *testing.T) {
	o := hostile(t)
	plain := renderedText(t, "hostile", o)
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), " ") }
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
	for _, s := range []string{o.LatestMeeting().Notes, o.Roles.Disagreement.Text} {
		if shown := squeeze(markdowntest.Text(markdown.ToHTML(s))); !strings.Contains(squeeze(plain), shown) {
			t.Errorf("the document does not show the text area %q as the app does (%q)", s, shown)
		}
	}
	// Line breaks and list items in notes survive.
	if out := HTML(o, today); !strings.Contains(out, "<li>"+html.EscapeString(hostileTexts[3])+"</li>") {
		t.Error("a note's list item did not stay a list item")
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
	onboarding.WriteAnnouncement(o, onboarding.ToOutside, secret+"announcement", t0)
	onboarding.WriteCEOCorrections(o, secret+"corrections", t0)
	o.CEO.Private = true
	stake := onboarding.Add(&o.Stakes, b, t0)
	stake.What, stake.Private = secret+"stake", true
	linked := onboarding.Add(&o.Stakes, b, t0)
	linked.What, linked.Row = "A shared stake", row.ID // its area is private
	hiddenItem := onboarding.Add(&o.Plan, b, t0)
	hiddenItem.Text, hiddenItem.By, hiddenItem.Private = secret+"plan", onboarding.By30, true
	hiddenDuty := onboarding.Add(&o.Duties, b, t0)
	hiddenDuty.Duty, hiddenDuty.Private = secret+"duty", true
	swept := onboarding.Add(&o.Duties, b, t0)
	swept.Duty, swept.Row = "A shared duty", row.ID // its area is private
	o.Announcement.Private = true

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
	// The latest first of all, then the earlier ones.
	i19 := strings.Index(doc, "## The latest 1:1, Thursday 19 November 2026")
	agreements := strings.Index(doc, "## Our agreements")
	i12 := strings.Index(doc, "### 1:1 of Thursday 12 November 2026")
	i05 := strings.Index(doc, "### 1:1 of Thursday 5 November 2026")
	if i19 < 0 || !(i19 < agreements && agreements < i12 && i12 < i05) {
		t.Errorf("the 1:1s are not latest first, then newest first: %d %d %d %d", i19, agreements, i12, i05)
	}
	if strings.Contains(doc, "### 1:1 of Thursday 19 November 2026") {
		t.Error("the latest 1:1 is in the document twice")
	}
	if !strings.Contains(doc[i19:agreements], "- [ ] Close calendar — raised by Dana Okafor, open 2 weeks") {
		t.Errorf("week 3 does not show the item open 2 weeks:\n%s", doc[i19:agreements])
	}
}

// The meeting log's agenda shows a box for each item, ticked when it was
// covered, and never the "[ ]" of the Markdown it is written in.
func TestAgendaBoxes(t *testing.T) {
	o := hostile(t)
	page := renderedText(t, "hostile", o)
	if strings.Contains(page, "[ ]") || strings.Contains(page, "[x]") {
		t.Errorf("the page shows Markdown's task boxes as text:\n%s", page)
	}
	if !strings.Contains(page, "☐ ") || !strings.Contains(page, "☑ ") {
		t.Errorf("the page shows no box for open and covered items:\n%s", page)
	}
	md := Markdown(o, today)
	if !strings.Contains(md, "- [ ] ") || !strings.Contains(md, "- [x] ") {
		t.Error("the Markdown file has no task list for the agenda")
	}
}

// Who raised a topic is said apart from its words, so a topic that ends
// in brackets (a role area's verdict) is not followed by a second pair.
func TestNoDoubledBrackets(t *testing.T) {
	o := fresh(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	row := onboarding.Add(&o.Roles.Rows, b, t0)
	row.Area = "Cloud spend"
	onboarding.SetAnswer(o, row, b, onboarding.Mine, t0)
	onboarding.SetAnswer(o, row, n, onboarding.Mine, t0)
	o.Roles.SideOf(b).Done = true
	o.Roles.SideOf(n).Done = true
	q := onboarding.Add(&o.Agenda, b, t0)
	q.Text = "Who owns Cloud spend? (Both claim it)"
	m, err := onboarding.StartMeeting(o, "2026-11-05", b, t0)
	if err != nil {
		t.Fatal(err)
	}
	it := onboarding.Add(&m.Items, n, t0)
	it.Text, it.Raised = "Budget (Q1)", "2026-10-29"
	for _, out := range []string{renderedText(t, "fresh", o), Markdown(o, today)} {
		if strings.Contains(out, ") (") {
			t.Errorf("a topic is followed by a second pair of brackets:\n%s", out)
		}
		for _, want := range []string{"(Both claim it) — raised by Dana Okafor", "Budget (Q1) — raised by Priya Raman, open 1 week"} {
			if !strings.Contains(out, want) {
				t.Errorf("the document does not say %q:\n%s", want, out)
			}
		}
	}
}

// The document carries where the real data lives and how the company
// runs, the shared entries only.
func TestDataSourcesAndProcesses(t *testing.T) {
	o := fresh(t)
	b := o.Buddy.ID
	d := onboarding.Add(&o.DataSources, b, t0)
	d.Name, d.Link, d.Answers, d.Owner, d.Checked = "Close pack", "https://drive.example.com/close", "Actuals against **budget**", "Ines", true
	d2 := onboarding.Add(&o.DataSources, b, t0)
	d2.Name, d2.Link = "Board deck", "javascript:alert(1)"
	hidden := onboarding.Add(&o.DataSources, b, t0)
	hidden.Name, hidden.Private = "SECRET source", true
	p := onboarding.Add(&o.Processes, b, t0)
	p.Name, p.Cadence, p.Since, p.Health, p.ChangeHow = "Month-end close", "Monthly", "2019", onboarding.Strained, "Ask Ines first"
	hp := onboarding.Add(&o.Processes, b, t0)
	hp.Name, hp.Private = "SECRET process", true
	su := onboarding.Add(&o.Surprises, b, t0)
	su.What, su.When = "Budgets are set bottom-up", "every October"

	md := Markdown(o, today)
	for _, want := range []string{
		"## Where the real data lives", "[**Close pack**](<https://drive.example.com/close>): Actuals against **budget**. Owner: Ines. Checked by Priya Raman.",
		"**Board deck**. Not yet checked by Priya Raman.",
		"## How the company runs", "**Month-end close**: Monthly. In place: 2019. How well it works: strained. To propose a change: Ask Ines first.",
		"Budgets are set bottom-up. When it comes around: every October.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown does not have %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "SECRET") {
		t.Error("a private data source or process is in the document")
	}
	if out := HTML(o, today); !strings.Contains(out, `<a href="https://drive.example.com/close"><strong>Close pack</strong></a>`) || strings.Contains(out, "javascript") {
		t.Errorf("the data sources' links are wrong:\n%s", out)
	}
	markdowntest.Agree(t, "data and processes", Build(o, today))
}

// A start date still ahead is not written as past.
func TestStartDateAhead(t *testing.T) {
	o := fresh(t)
	o.StartDate = "2026-12-10"
	if md := Markdown(o, today); !strings.Contains(md, "who joins on Thursday 10 December 2026") || strings.Contains(md, "joined") {
		t.Errorf("a start date after today reads:\n%s", md[:200])
	}
	o.StartDate = today
	if md := Markdown(o, today); !strings.Contains(md, "who joined on Saturday 21 November 2026") {
		t.Errorf("a start date of today reads:\n%s", md[:200])
	}
}

// Both people's written expectations are in the document once both have
// finished writing, and not a word of either before.
func TestExpectationsOnceBothHaveWritten(t *testing.T) {
	o := fresh(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	onboarding.EditSide(o, b, t0, func(s *onboarding.Side) {
		s.ExpectMine, s.ExpectYours = "DANA-MINE: the platform.", "DANA-YOURS: the plan."
	})
	onboarding.EditSide(o, n, t0, func(s *onboarding.Side) { s.ExpectMine = "PRIYA-MINE: cash." })
	onboarding.FinishExpectations(o, b, t0)
	doc := Markdown(o, today)
	if strings.Contains(doc, "DANA-") || strings.Contains(doc, "PRIYA-") || !strings.Contains(doc, "still writing alone") {
		t.Errorf("with one side still writing, the document shows:\n%s", doc)
	}
	onboarding.FinishExpectations(o, n, t0)
	doc = Markdown(o, today)
	for _, want := range []string{"### What we expect of each role", "**Dana Okafor, of their own role**\n\nDANA-MINE: the platform.",
		"**Priya Raman, of Dana Okafor's role**\n\nNothing written.", "PRIYA-MINE: cash."} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q:\n%s", want, doc)
		}
	}
}

// The announcement says what was told to whom, and when: each note
// written, sent or still a draft, and nothing for an audience not told.
func TestWhatWeToldWhom(t *testing.T) {
	o := fresh(t)
	if doc := Markdown(o, today); !strings.Contains(doc, "### What we told whom\n\nNothing announced yet.") {
		t.Errorf("with nothing written, the document says:\n%s", doc)
	}
	onboarding.WriteAnnouncement(o, onboarding.ToExec, "From today **Priya** owns the close.", t0)
	onboarding.MarkAnnounced(o, onboarding.ToExec, "2026-11-24", t0)
	onboarding.WriteAnnouncement(o, onboarding.ToBuddyTeam, "The close moves to Priya.", t0)
	doc := Markdown(o, today)
	containsAll := func(want ...string) {
		for _, w := range want {
			if !strings.Contains(doc, w) {
				t.Errorf("the document lacks %q:\n%s", w, doc)
			}
		}
	}
	containsAll("**The exec team**: sent on Tuesday 24 November 2026.\n\nFrom today **Priya** owns the close.",
		"**"+o.Buddy.Name+"'s team**: drafted, not sent yet.\n\nThe close moves to Priya.")
	if strings.Contains(doc, o.Newcomer.Name+"'s team**") || strings.Contains(doc, "Nothing announced yet.") {
		t.Errorf("the document names an audience nobody wrote to:\n%s", doc)
	}
}

// The buddy's stakes print as their own section: what, which kind, the
// note, and the area of the grid it touches; one that names a removed
// area prints without it.
func TestTheBuddysStakes(t *testing.T) {
	o := fresh(t)
	b := o.Buddy.ID
	if doc := Markdown(o, today); !strings.Contains(doc, "### What "+o.Buddy.Name+" has at stake\n\nNothing written yet.") {
		t.Errorf("with no stakes, the document says:\n%s", doc)
	}
	row, err := onboarding.AddArea(o, "Developer tools budget", t0)
	if err != nil {
		t.Fatal(err)
	}
	s := onboarding.Add(&o.Stakes, b, t0)
	s.What, s.Kind, s.Note, s.Row = "The tools budget", onboarding.StakeBudget, "I hold it **this year**.", row
	gone := onboarding.Add(&o.Stakes, b, t0)
	gone.What, gone.Kind, gone.Row = "Two engineers", onboarding.StakeReports, onboarding.NewID()
	doc := Markdown(o, today)
	for _, want := range []string{
		"- **The tools budget** (a budget " + o.Buddy.Name + " holds): I hold it **this year**. Area of the grid: Developer tools budget.",
		"- **Two engineers** (people who report to " + o.Buddy.Name + ")\n",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q:\n%s", want, doc)
		}
	}
}

// The one page for the CEO holds what the CEO needs and nothing private;
// the shared document says when it went, when it was confirmed, and what
// the CEO corrected.
func TestTheOnePageForTheCEO(t *testing.T) {
	o := example(t)
	page := markdown.Markdown(CEOSummary(o, today))
	for _, want := range []string{
		"# Farah Qureshi: a first read, for the CEO",
		"## What I was hired to fix", o.Brief.HiredToFix, "**The situation: realignment.**",
		"1. **Too many council contracts promise what we cannot deliver or insure.** Evidence: 24 of the 79",
		"First step: Rank the 24 by exposure",
		"## My plan for the first ninety days\n\n- **By day 30:** Meet Bethan, Tom and Joanne one to one;",
		"- **By day 90:** Tell Martin what is fixed, and what the job is now;",
		"## What already works, and stays",
		"- **Still open:** Equity grants and the cap table; Signing authority and approval matrix; Tax and regulatory filings.",
		"3. Take the page to Martin together",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the one page lacks %q:\n%s", want, page)
		}
	}
	// Private and resolved problems stay off it.
	o.Problems[0].Private = true
	o.Problems[1].Resolved = true
	page = markdown.Markdown(CEOSummary(o, today))
	if strings.Contains(page, "council contracts promise") || strings.Contains(page, "**Outside legal spend") || !strings.Contains(page, "1. **Our data protection work") {
		t.Errorf("a private or resolved problem is on the page:\n%s", page)
	}

	if doc := Markdown(o, today); !strings.Contains(doc, "### The CEO\n\nOur one page has not gone to the CEO yet.") {
		t.Errorf("the document does not say the page has not gone:\n%s", doc)
	}
	onboarding.MarkCEOSent(o, "2026-11-23", t0)
	onboarding.MarkCEOConfirmed(o, "2026-11-25", t0)
	onboarding.WriteCEOCorrections(o, "Tenders stay with Callum until March.", t0)
	doc := Markdown(o, today)
	want := "### The CEO\n\nOur one page went to the CEO on Monday 23 November 2026; the CEO confirmed the split on Wednesday 25 November 2026.\n\n**What the CEO saw differently**\n\nTenders stay with Callum until March."
	if !strings.Contains(doc, want) {
		t.Errorf("the document lacks\n%s\nin\n%s", want, doc)
	}
}

// The plan prints milestone by milestone, each item with how it is
// going; the CEO's page lists what is due, without the dropped items.
func TestThePlanPrintsWithEachStatus(t *testing.T) {
	o := fresh(t)
	if doc := Markdown(o, today); !strings.Contains(doc, "### "+o.Newcomer.Name+"'s plan for the first ninety days\n\nNot drafted yet.") {
		t.Errorf("with no plan, the document says:\n%s", doc)
	}
	add := func(day onboarding.PlanDay, what string, p onboarding.PlanProgress) {
		it := onboarding.Add(&o.Plan, o.Newcomer.ID, t0)
		it.By, it.Text, it.Progress = day, what, p
	}
	add(onboarding.By30, "Meet the team", onboarding.PlanDone)
	add(onboarding.By60, "Decide the reserves", onboarding.PlanAtRisk)
	add(onboarding.By60, "Rewrite the playbook", onboarding.PlanDropped)
	add(onboarding.By90, "Report to the CEO", onboarding.PlanOpen)
	doc := Markdown(o, today)
	for _, want := range []string{
		"**By day 30**\n\n- **Done:** Meet the team\n",
		"**By day 60**\n\n- **At risk:** Decide the reserves\n- **Dropped:** Rewrite the playbook",
		"**By day 90**\n\n- **Planned:** Report to the CEO\n",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q:\n%s", want, doc)
		}
	}
	ceo := markdown.Markdown(CEOSummary(o, today))
	if !strings.Contains(ceo, "- **By day 60:** Decide the reserves.\n") || strings.Contains(ceo, "playbook") {
		t.Errorf("the CEO's page shows the plan as:\n%s", ceo)
	}
}

// The sweep prints each duty with who did it, what happens to it and the
// area of the grid it became.
func TestTheSweepPrints(t *testing.T) {
	o := fresh(t)
	if doc := Markdown(o, today); !strings.Contains(doc, "### What the previous holder or an interim did\n\nNothing swept yet.") {
		t.Errorf("with no duty, the document says:\n%s", doc)
	}
	d := onboarding.Add(&o.Duties, o.Buddy.ID, t0)
	d.Duty, d.DoneBy, d.Fate, d.To = "The board minutes", onboarding.ByPrevious, onboarding.ToNamed, "Martin Hale"
	e := onboarding.Add(&o.Duties, o.Buddy.ID, t0)
	e.Duty, e.DoneBy = "The insurance renewal", onboarding.ByNobody
	if _, err := onboarding.AddDutyToGrid(o, e.ID, t0); err != nil {
		t.Fatal(err)
	}
	doc := Markdown(o, today)
	for _, want := range []string{
		"- **The board minutes** (done by: the previous holder; from now: goes to Martin Hale)\n",
		"- **The insurance renewal** (done by: nobody officially; from now: not decided yet; added to the grid)\n",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q:\n%s", want, doc)
		}
	}
}

func TestFileName(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Ana joins as CFO", "counterpart-ana-joins-as-cfo"},
		{"  Q3: Sales & Ops!  ", "counterpart-q3-sales-ops"},
		{"Élodie joins", "counterpart-élodie-joins"},
		{"李娜, CFO", "counterpart-李娜-cfo"},
		{"a/b\\c:d*e?f\"g<h>i|j", "counterpart-a-b-c-d-e-f-g-h-i-j"},
		{strings.Repeat("é", 70), "counterpart-" + strings.Repeat("é", 60)},
		{"<script>", "counterpart-script"},
		{"", "counterpart"},
		{"!!!", "counterpart"},
		{strings.Repeat("ab ", 40), "counterpart-" + strings.TrimRight(strings.Repeat("ab-", 20), "-")},
	} {
		if got := FileName(c.title); got != c.want {
			t.Errorf("FileName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}
