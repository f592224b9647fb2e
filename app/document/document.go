// Package document writes the shared 1:1 document of an onboarding as
// Markdown: the agreements the two made, the topics they revisit every
// week, the commitments still open and the log of their 1:1s, newest
// first. The page renders it with the safe goldmark renderer, and people
// download it, paste it into a docs tool or print it.
//
// Everything a person typed is escaped, so that it reads exactly as typed
// and can never become markup: a "<script>" in a note is text, a "*" is
// a star, and "[x](javascript:…)" is not a link. Private entries never
// appear: the document is made to be shared.
package document

import (
	"strconv"
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/words"
)

// Markdown returns the shared document. today (YYYY-MM-DD) dates it and
// decides which open commitments are overdue.
func Markdown(o *onboarding.Onboarding, today string) string {
	w := &writer{o: o, today: today}
	w.head()
	w.agreements()
	w.standing()
	w.commitments()
	w.next()
	w.log()
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

type writer struct {
	o     *onboarding.Onboarding
	today string
	b     strings.Builder
}

// line writes one line of Markdown; the parts are already escaped.
func (w *writer) line(parts ...string) {
	for _, p := range parts {
		w.b.WriteString(p)
	}
	w.b.WriteByte('\n')
}

// para writes a block followed by a blank line.
func (w *writer) para(parts ...string) {
	w.line(parts...)
	w.b.WriteByte('\n')
}

func (w *writer) name(id string) string {
	if p := w.o.PersonByID(id); p != nil {
		return Inline(p.Name)
	}
	return "Someone"
}

func (w *writer) head() {
	o := w.o
	w.para("# ", Inline(o.Title))
	person := func(p onboarding.Person) string {
		s := "**" + Inline(p.Name) + "**"
		if strings.TrimSpace(p.Role) != "" {
			s += " (" + Inline(p.Role) + ")"
		}
		return s
	}
	intro := person(o.Buddy) + " and " + person(o.Newcomer)
	if d := words.LongDate(o.StartDate); d != "" {
		intro += ", who joined on " + d
	}
	w.para(intro, ".")
	if d := words.LongDate(w.today); d != "" {
		w.para("Our shared 1:1 document, as of ", d, ".")
	}
}

func (w *writer) agreements() {
	o := w.o
	w.para("## Our agreements")

	w.para("### Who owns what")
	if !o.Roles.BothDone(o) {
		// The answers are written blind: nothing of one side may show
		// before both are in.
		w.para("Each of us is still answering alone; the comparison appears here once we have both finished.")
	} else {
		rows, _ := onboarding.Compare(o)
		n := 0
		for _, c := range rows {
			if c.Row.Private || strings.TrimSpace(c.Row.Area) == "" {
				continue
			}
			w.line("- **", Inline(c.Row.Area), "**: ", w.ownership(c))
			n++
		}
		if n == 0 {
			w.line("No areas yet.")
		}
		w.line()
	}

	w.para("### When we disagree in front of others")
	if d := o.Roles.Disagreement; !d.Private && strings.TrimSpace(d.Text) != "" {
		w.block(d.Text)
	} else {
		w.para("Not agreed yet.")
	}

	w.para("### When we cannot agree")
	n := 0
	for _, s := range o.Roles.Escalation {
		if s.Private || strings.TrimSpace(s.Text) == "" {
			continue
		}
		n++
		w.line(strconv.Itoa(n), ". ", Inline(s.Text))
	}
	if n == 0 {
		w.line("Not agreed yet.")
	}
	w.line()

	w.para("### How we meet")
	c := o.Roles.Cadence
	w.line("- ", cadenceLine(c))
	if s := strings.TrimSpace(c.Social); s != "" {
		w.line("- Time together, not about work: ", Inline(s))
	}
	for _, m := range c.Shared {
		if m.Private || strings.TrimSpace(m.Name) == "" {
			continue
		}
		s := "- We both attend **" + Inline(m.Name) + "**"
		if strings.TrimSpace(m.Cadence) != "" {
			s += " (" + Inline(m.Cadence) + ")"
		}
		if m.Debrief {
			s += " and talk it over at the next 1:1"
		}
		if d := words.LongDate(m.LastHeld); d != "" {
			s += "; last held " + d
		}
		w.line(s)
	}
	w.line()
}

// ownership says who owns an area, or how the two answers differ.
func (w *writer) ownership(c onboarding.Comparison) string {
	o := w.o
	owner := func(x onboarding.Owner) string {
		switch x {
		case onboarding.Shared:
			return "shared"
		case onboarding.Unsure:
			return "unsure"
		}
		return w.name(string(x))
	}
	if s := c.Row.Settled; s != "" {
		if c.Verdict == onboarding.Agreed {
			return owner(s)
		}
		return owner(s) + ", agreed after talking it over"
	}
	b, n := c.Row.Owners[o.Buddy.ID], c.Row.Owners[o.Newcomer.ID]
	if c.Verdict == onboarding.Agreed {
		return owner(b)
	}
	if c.Verdict == onboarding.Waiting {
		return "not answered by both of us"
	}
	verdict := strings.ToLower(c.Verdict.Label())
	if c.Verdict == onboarding.BothClaim || c.Verdict == onboarding.NeitherClaims {
		return verdict // the verdict says who thinks what
	}
	says := func(id string, x onboarding.Owner) string {
		switch x {
		case "":
			return w.name(id) + " did not answer"
		case onboarding.Unsure:
			return w.name(id) + " is unsure"
		}
		return w.name(id) + " says " + owner(x)
	}
	return verdict + " (" + says(o.Buddy.ID, b) + "; " + says(o.Newcomer.ID, n) + ")"
}

// cadenceLine writes the day and time only when they are a weekday and
// an HH:MM time: they are not typed but picked, yet stored data from
// outside could hold anything there, and they are written unescaped.
func cadenceLine(c onboarding.Cadence) string {
	day, ok := onboarding.Weekday(c.Day)
	if !ok {
		return "Weekly 1:1: day and time not agreed yet"
	}
	s := "Weekly 1:1 on " + day.String() + "s"
	if c.Time != "" && onboarding.CheckTime(c.Time) == "" {
		s += " at " + c.Time
		if c.Zone != "" {
			s += " (" + Inline(c.Zone) + " time)"
		}
	}
	if c.Minutes > 0 {
		s += ", " + words.Duration(c.Minutes)
	}
	return s
}

func (w *writer) standing() {
	w.para("## Standing topics")
	topics := onboarding.StandingTopics(w.o)
	if len(topics) == 0 {
		w.para("Nothing open: every top problem is resolved and every role area is agreed.")
		return
	}
	w.para("We come back to these every week until they are resolved.")
	for _, t := range topics {
		switch t.Kind {
		case onboarding.TopicProblem:
			w.line("- Top problem: ", Inline(t.Text))
		case onboarding.TopicRole:
			w.line("- Who owns ", Inline(t.Text), "? (", strings.ToLower(t.Verdict.Label()), ")")
		}
	}
	w.line()
}

func (w *writer) commitments() {
	o := w.o
	w.para("## Commitments")
	// Trust is built by doing what you said: say how each of us does,
	// plainly.
	w.para("Kept against due, for each of us:")
	for _, t := range onboarding.Tallies(o, w.today) {
		w.line("- ", Inline(t.Line()))
	}
	w.line()
	n := 0
	for _, c := range o.Commitments {
		if c.Private || c.Status != onboarding.Open {
			continue
		}
		if n == 0 {
			w.para("Open:")
		}
		n++
		w.line("- ", w.commitment(c))
	}
	if n == 0 {
		w.para("No open commitments.")
		return
	}
	w.line()
}

func (w *writer) commitment(c onboarding.Commitment) string {
	s := "**" + w.name(c.Who) + "**: " + Inline(c.What)
	if d := words.LongDate(c.Due); d != "" {
		s += ", due " + d
	}
	switch {
	case c.Overdue(w.today):
		s += " (overdue)"
	case c.Status != onboarding.Open:
		s += " (" + strings.ToLower(c.Status.Label()) + ")"
	}
	return s
}

// next lists what is queued for the next 1:1.
func (w *writer) next() {
	var items []string
	for _, a := range w.o.Agenda {
		if a.Private || a.Done || strings.TrimSpace(a.Text) == "" {
			continue
		}
		items = append(items, "- "+Inline(a.Text)+" (raised by "+w.name(a.Author)+")")
	}
	if len(items) == 0 {
		return
	}
	w.para("## For the next 1:1")
	for _, it := range items {
		w.line(it)
	}
	w.line()
}

func (w *writer) log() {
	w.para("## Meeting log")
	n := 0
	for _, m := range w.o.MeetingsByDate() {
		if m.Private {
			continue
		}
		n++
		w.meeting(m)
	}
	if n == 0 {
		w.para("No 1:1 held yet.")
	}
}

func (w *writer) meeting(m *onboarding.Meeting) {
	w.para("### 1:1 of ", words.LongDate(m.Date))
	var items []string
	for _, it := range m.Items {
		if it.Private || strings.TrimSpace(it.Text) == "" {
			continue
		}
		box := "[ ]"
		if it.Done {
			box = "[x]"
		}
		s := "- " + box + " " + Inline(it.Text) + " (raised by " + w.name(it.Author)
		if weeks := onboarding.WeeksOpen(it, m.Date); weeks > 0 {
			s += ", open " + words.Count(weeks, "week", "weeks")
		}
		items = append(items, s+")")
	}
	if len(items) > 0 {
		w.para("**Agenda**")
		for _, s := range items {
			w.line(s)
		}
		w.line()
	}
	if strings.TrimSpace(m.Notes) != "" {
		w.para("**Notes**")
		w.block(m.Notes)
	}
	if strings.TrimSpace(m.Decisions) != "" {
		w.para("**Decisions**")
		w.block(m.Decisions)
	}
	var made []string
	for _, c := range w.o.Commitments {
		if !c.Private && c.Meeting == m.ID {
			made = append(made, "- "+w.commitment(c))
		}
	}
	if len(made) > 0 {
		w.para("**Commitments made**")
		for _, s := range made {
			w.line(s)
		}
		w.line()
	}
	if len(items) == 0 && len(made) == 0 && strings.TrimSpace(m.Notes+m.Decisions) == "" {
		w.para("Nothing written.")
	}
}

// block writes free text that may run over several lines. Its line
// breaks are kept, and lines starting with "- " or "* " stay list items,
// since that is how people write notes; everything else is escaped.
func (w *writer) block(text string) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var run []string
	inList := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		if inList {
			for _, l := range run {
				w.line("- ", l)
			}
		} else {
			// A backslash at the end of a line is a hard line break.
			w.line(strings.Join(run, "\\\n"))
		}
		w.line()
		run = nil
	}
	for _, raw := range strings.Split(text, "\n") {
		l := strings.TrimSpace(raw)
		if l == "" {
			flush()
			continue
		}
		item, isItem := strings.CutPrefix(l, "- ")
		if !isItem {
			item, isItem = strings.CutPrefix(l, "* ")
		}
		if isItem != inList {
			flush()
			inList = isItem
		}
		if isItem {
			l = item
		}
		run = append(run, Inline(l))
	}
	flush()
}

// Inline escapes a piece of text so that Markdown shows it as typed, on
// one line. Every character Markdown could read as markup is escaped with
// a backslash, which CommonMark allows before any ASCII punctuation;
// characters that only matter at the start of a line are escaped there.
func Inline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	// At the start of a line: lists, quotes, setext underlines and
	// numbered lists ("1." or "1)"). A "#" is escaped everywhere, since
	// "#"s at the end of a heading close it and would vanish.
	if s != "" && strings.ContainsRune("+-=", rune(s[0])) {
		b.WriteByte('\\')
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits+1 < len(s) && s[digits+1] != ' ' {
		digits = 0 // "1.5" is a number, not a list
	}
	for i, r := range s {
		if strings.ContainsRune("\\`*_[]<>&|~#", r) || (digits > 0 && i == digits && (r == '.' || r == ')')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
