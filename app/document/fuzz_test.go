package document

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"counterpart/app/markdown/markdowntest"
	"counterpart/app/onboarding"
)

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
// time, renders to nothing but the document's own structure, the formats
// of typed Markdown and web links; text typed in a one-line field reads
// as typed; and the Markdown file, read by goldmark, shows what the HTML
// shows.
func FuzzDocument(f *testing.F) {
	f.Add("Dana", "Walked through the close.\n- one\n* two", "thursday", "08:30")
	for i, s := range hostileTexts {
		f.Add(s, strings.Join(hostileTexts[i:], "\n"), "monday", "09:00")
	}
	for _, v := range markdowntest.XSSCorpus(f) {
		f.Add(v, v, v, v)
	}
	f.Fuzz(func(t *testing.T, short, long, day, clock string) {
		o := everyField(t, short, long, day, clock)
		blocks := Build(o, today)
		out := HTML(o, today)
		if problem := markdowntest.Unsafe(out, docTags); problem != "" {
			t.Fatalf("%s\nin the document's HTML:\n%s", problem, out)
		}
		text := markdowntest.Text(out)
		if want := strings.Join(strings.Fields(short), " "); plainText(short) && want != "" {
			if got := strings.Join(strings.Fields(text), " "); !strings.Contains(got, want) {
				t.Fatalf("the document does not show %q as typed:\n%s", want, out)
			}
			// The title stands alone in the heading: all of it, no more.
			_, h1, _ := strings.Cut(out, "<h1>")
			h1, _, _ = strings.Cut(h1, "</h1>")
			if got := markdowntest.Text(h1); strings.Join(strings.Fields(got), " ") != want {
				t.Fatalf("the title %q is headed %q:\n%s", want, got, out)
			}
		}
		// The file says what the page says.
		markdowntest.Agree(t, "the document", blocks)
	})
}
