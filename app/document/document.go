// Package document makes the shared 1:1 document of an onboarding: the
// latest 1:1 first, then what waits for the next one, the topics the two
// revisit every week, the commitments still open, the agreements they
// made, where the real data lives, how the company runs, and the earlier
// 1:1s, newest first. What the pair read every week comes first, and the
// record of how they got there after it.
//
// Build makes it once, as a model (package markdown's blocks); Markdown
// and HTML write that one model, so the file people download, the text
// they paste and the page they read always say the same thing.
//
// Names, titles and one-line entries are plain text: a "<script>" or a
// "*" in them reads exactly as typed. The text areas (notes, decisions,
// the way to disagree...) are read as the app reads them everywhere, with
// the little Markdown package markdown allows, so their bold and their
// lists come through. Private entries never appear: the document is made
// to be shared.
package document

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"counterpart/app/guide"
	"counterpart/app/markdown"
	"counterpart/app/onboarding"
	"counterpart/app/words"
)

// Markdown returns the shared document as Markdown. today (YYYY-MM-DD)
// dates it and decides which open commitments are overdue.
func Markdown(o *onboarding.Onboarding, today string) string {
	return markdown.Markdown(Build(o, today))
}

// HTML returns the shared document as HTML, from the same model as
// Markdown.
func HTML(o *onboarding.Onboarding, today string) string {
	return markdown.HTML(Build(o, today))
}

// Build makes the document's model.
func Build(o *onboarding.Onboarding, today string) []markdown.Block {
	w := &writer{o: o, today: today}
	w.head()
	latest := w.latest()
	w.next()
	w.standing()
	w.commitments()
	w.agreements()
	w.ninetyDays()
	w.dataSources()
	w.processes()
	w.log(latest)
	return w.blocks
}

type writer struct {
	o      *onboarding.Onboarding
	today  string
	blocks []markdown.Block
}

type (
	span = markdown.Span
	line = markdown.Line
)

var text, bold = markdown.Text, markdown.Bold

func (w *writer) add(b ...markdown.Block) { w.blocks = append(w.blocks, b...) }

func (w *writer) heading(level int, s string) { w.add(markdown.Head(level, text(s))) }

func (w *writer) para(spans ...span) { w.add(markdown.Para(spans...)) }

// list adds a bulleted list, or the placeholder when it has no item.
func (w *writer) list(items []line, none string) {
	if len(items) == 0 {
		w.para(text(none))
		return
	}
	w.add(markdown.List(items...))
}

// typed adds what a person wrote in a text area, read as the app reads
// it everywhere.
func (w *writer) typed(s string) { w.add(markdown.Parse(s)...) }

func (w *writer) name(id string) string {
	if p := w.o.PersonByID(id); p != nil {
		return p.Name
	}
	return "Someone"
}

func (w *writer) head() {
	o := w.o
	w.heading(1, o.Title)
	intro := line{}
	for i, p := range []onboarding.Person{o.Buddy, o.Newcomer} {
		if i > 0 {
			intro = append(intro, text(" and "))
		}
		intro = append(intro, bold(text(p.Name)))
		if strings.TrimSpace(p.Role) != "" {
			intro = append(intro, text(" ("+p.Role+")"))
		}
	}
	if d := words.LongDate(o.StartDate); d != "" {
		// A start date still ahead has not happened yet.
		verb := ", who joined on "
		if w.today != "" && o.StartDate > w.today {
			verb = ", who joins on "
		}
		intro = append(intro, text(verb+d))
	}
	w.para(append(intro, text("."))...)
	if d := words.LongDate(w.today); d != "" {
		w.para(text("Our shared 1:1 document, as of " + d + "."))
	}
}

// cadenceLine writes the day and time only when they are a weekday and
// an HH:MM time: they are not typed but picked, yet stored data from
// outside could hold anything there.
func cadenceLine(c onboarding.Cadence) string {
	day, ok := onboarding.Weekday(c.Day)
	if !ok {
		return "Weekly 1:1: day and time not agreed yet"
	}
	s := "Weekly 1:1 on " + day.String() + "s"
	if c.Time != "" && onboarding.CheckTime(c.Time) == "" {
		s += " at " + c.Time
		if c.Zone != "" {
			s += " (" + c.Zone + " time)"
		}
	}
	if c.Minutes > 0 {
		s += ", " + words.Duration(c.Minutes)
	}
	return s
}

func (w *writer) standing() {
	w.heading(2, "Standing topics")
	topics := onboarding.StandingTopics(w.o)
	if len(topics) == 0 {
		w.para(text("Nothing open: every top problem is resolved and every role area is agreed."))
		return
	}
	w.para(text("We come back to these every week until they are resolved."))
	var items []line
	for _, t := range topics {
		switch t.Kind {
		case onboarding.TopicProblem:
			items = append(items, line{text("Top problem: " + t.Text)})
		case onboarding.TopicRole:
			items = append(items, line{text("Who owns " + t.Text + "? (" + strings.ToLower(t.Verdict.Label()) + ")")})
		}
	}
	w.add(markdown.List(items...))
}

// ninetyDays is what the checkpoints of the first ninety days asked the
// newcomer to write down, and where each checkpoint stands, so that the
// day-45 and day-90 reviews can read the first answers back.
func (w *writer) ninetyDays() {
	o := w.o
	w.heading(2, "The first ninety days")
	b := o.Brief
	if strings.TrimSpace(b.HiredToFix) != "" {
		w.heading(3, "What "+o.Newcomer.Name+" was hired to fix")
		w.typed(b.HiredToFix)
	}
	if b.Situation.Label() != "" || strings.TrimSpace(b.Why) != "" {
		w.heading(3, "The situation")
		if b.Situation.Label() != "" {
			w.para(bold(text(b.Situation.Label())))
		}
		w.typed(b.Why)
	}
	if strings.TrimSpace(b.JobNow) != "" {
		w.heading(3, "What the job looks like now")
		w.typed(b.JobNow)
	}
	w.plan()
	w.ceo()
	w.heading(3, "Checkpoints")
	var items []line
	guideText := guide.CheckpointGuide()
	for _, s := range onboarding.CheckpointStates(o, w.today) {
		what := s.Agenda
		if sec, ok := guideText.Section(s.ID); ok {
			what = sec.Title
		}
		state := "to come"
		switch {
		case s.Done:
			state = "talked over at the 1:1 of " + words.LongDate(s.Meeting.Date)
		case s.Meeting != nil:
			state = "on the agenda of the 1:1 of " + words.LongDate(s.Meeting.Date)
		case s.Skipped:
			state = "skipped: a later checkpoint asks it again"
		case s.Date != "" && s.Date <= w.today:
			state = "due"
		}
		when := words.LongDate(s.Date)
		if when == "" {
			when = "Day " + strconv.Itoa(s.Day)
		}
		items = append(items, line{bold(text(when)), text(": " + what + " (" + state + ")")})
	}
	w.add(markdown.List(items...))
}

func (w *writer) commitments() {
	o := w.o
	w.heading(2, "Commitments")
	// Trust is built by doing what you said: say how each of us does,
	// plainly.
	w.para(text("Kept against due, for each of us:"))
	var tallies []line
	for _, t := range onboarding.Tallies(o, w.today) {
		tallies = append(tallies, line{text(t.Line())})
	}
	w.add(markdown.List(tallies...))
	var open []line
	for _, c := range o.Commitments {
		if !c.Private && c.Status == onboarding.Open {
			open = append(open, w.commitment(c))
		}
	}
	if len(open) == 0 {
		w.para(text("No open commitments."))
		return
	}
	w.para(text("Open:"))
	w.add(markdown.List(open...))
}

func (w *writer) commitment(c onboarding.Commitment) line {
	s := ": " + c.What
	if d := words.LongDate(c.Due); d != "" {
		s += ", due " + d
	}
	switch {
	case c.Overdue(w.today):
		s += " (past due)"
	case c.Status != onboarding.Open:
		s += " (" + strings.ToLower(c.Status.Label()) + ")"
	}
	return line{bold(text(w.name(c.Who))), text(s)}
}

// raisedBy says who raised a topic, after it: apart from the topic's own
// words, which may end in brackets of their own (a role area's verdict).
func (w *writer) raisedBy(topic, author string, weeks int) line {
	s := topic + " — raised by " + w.name(author)
	if weeks > 0 {
		s += ", open " + words.Count(weeks, "week", "weeks")
	}
	return line{text(s)}
}

// next lists what is queued for the next 1:1.
func (w *writer) next() {
	var items []line
	for _, a := range w.o.Agenda {
		if a.Private || a.Done || strings.TrimSpace(a.Text) == "" {
			continue
		}
		items = append(items, w.raisedBy(a.Text, a.Author, 0))
	}
	if len(items) == 0 {
		return
	}
	w.heading(2, "For the next 1:1")
	w.add(markdown.List(items...))
}

// dataSources lists where the real data lives, so that the document
// holds the map the newcomer checks stories against.
func (w *writer) dataSources() {
	w.heading(2, "Where the real data lives")
	newcomer := w.o.Newcomer.Name
	var items []line
	for _, d := range w.o.DataSources {
		name := strings.TrimSpace(d.Name)
		link, linked := d.SafeLink()
		if d.Private || name == "" && !linked && strings.TrimSpace(d.Answers) == "" {
			continue
		}
		if name == "" {
			name = "A data source"
			if linked {
				name = link
			}
		}
		var it sentences
		if linked {
			it.add(span{Kind: markdown.Link, Href: link, Inner: line{bold(text(name))}})
		} else {
			it.add(bold(text(name)))
		}
		if a := flatten(d.Answers); len(a) > 0 {
			it.l = append(it.l, text(": "))
			it.l = append(it.l, a...)
		}
		if o := strings.TrimSpace(d.Owner); o != "" {
			it.add(text("Owner: " + o))
		}
		if d.Checked {
			it.add(text("Checked by " + newcomer))
		} else {
			it.add(text("Not yet checked by " + newcomer))
		}
		items = append(items, it.end())
	}
	w.list(items, "No data sources yet.")
}

// headed is the heading of an entry in the document: its name, or
// fallback when it has none but says more (rest). ok is false for an
// entry the document leaves out: private, or with nothing written.
func headed(private bool, name, rest, fallback string) (heading string, ok bool) {
	name = strings.TrimSpace(name)
	switch {
	case private || name == "" && strings.TrimSpace(rest) == "":
		return "", false
	case name == "":
		return fallback, true
	}
	return name, true
}

// processes lists the company's key processes and what will surprise
// the newcomer.
func (w *writer) processes() {
	w.heading(2, "How the company runs")
	var items []line
	for _, p := range w.o.Processes {
		name, ok := headed(p.Private, p.Name, p.ChangeHow, "A process")
		if !ok {
			continue
		}
		var it sentences
		it.add(bold(text(name)))
		if c := strings.TrimSpace(p.Cadence); c != "" {
			it.l = append(it.l, text(": "+c))
		}
		if s := strings.TrimSpace(p.Since); s != "" {
			it.add(text("In place: " + s))
		}
		if h := p.Health.Label(); h != "" {
			it.add(text("How well it works: " + strings.ToLower(h)))
		}
		if c := flatten(p.ChangeHow); len(c) > 0 {
			it.add(append(line{text("To propose a change: ")}, c...)...)
		}
		items = append(items, it.end())
	}
	w.list(items, "No processes yet.")

	var surprises []line
	for _, s := range w.o.Surprises {
		what := flatten(s.What)
		if s.Private || len(what) == 0 {
			continue
		}
		it := sentences{l: what}
		if when := strings.TrimSpace(s.When); when != "" {
			it.add(text("When it comes around: " + when))
		}
		surprises = append(surprises, it.end())
	}
	if len(surprises) > 0 {
		w.heading(3, "What will surprise a newcomer")
		w.add(markdown.List(surprises...))
	}
}

// sentences builds a line of short sentences from the facts of an
// entry, with a full stop between two unless the first ends with one
// (typed text often does).
type sentences struct{ l line }

func (s *sentences) add(parts ...span) {
	if len(s.l) > 0 {
		if strings.ContainsRune(".!?", lastRune(s.l)) {
			s.l = append(s.l, text(" "))
		} else {
			s.l = append(s.l, text(". "))
		}
	}
	s.l = append(s.l, parts...)
}

func (s *sentences) end() line {
	if r := lastRune(s.l); r != 0 && !strings.ContainsRune(".!?:)", r) {
		s.l = append(s.l, text("."))
	}
	return s.l
}

// lastRune is the last character a line shows.
func lastRune(l line) rune {
	for i := len(l) - 1; i >= 0; i-- {
		sp := l[i]
		t := strings.TrimRight(sp.Text, " \t\n")
		if sp.Kind != markdown.Plain && sp.Kind != markdown.Code {
			if r := lastRune(sp.Inner); r != 0 {
				return r
			}
			continue
		}
		if t != "" {
			r, _ := utf8.DecodeLastRuneInString(t)
			return r
		}
	}
	return 0
}

// flatten reads typed text as the app does and puts it on one line, for
// a list item: its lines and items joined, their formats kept.
func flatten(s string) line {
	var out line
	sep := func() {
		if len(out) > 0 {
			out = append(out, text(" "))
		}
	}
	for _, b := range markdown.Parse(s) {
		for _, l := range b.Lines {
			sep()
			out = append(out, l...)
		}
		for _, it := range b.Items {
			for _, l := range it.Lines {
				sep()
				out = append(out, l...)
			}
		}
	}
	return out
}

// latest puts the latest 1:1 first, since it is what the two read every
// week, and returns it (nil when there is none).
func (w *writer) latest() *onboarding.Meeting {
	for _, m := range w.o.MeetingsByDate() {
		if !m.Private {
			w.heading(2, "The latest 1:1, "+words.LongDate(m.Date))
			w.meeting(m)
			return m
		}
	}
	return nil
}

// log lists the 1:1s before the latest, newest first.
func (w *writer) log(latest *onboarding.Meeting) {
	var earlier []*onboarding.Meeting
	for _, m := range w.o.MeetingsByDate() {
		if !m.Private && m != latest {
			earlier = append(earlier, m)
		}
	}
	if latest == nil {
		w.heading(2, "Our 1:1s")
		w.para(text("No 1:1 held yet."))
		return
	}
	if len(earlier) == 0 {
		return
	}
	w.heading(2, "Earlier 1:1s")
	for _, m := range earlier {
		w.heading(3, "1:1 of "+words.LongDate(m.Date))
		w.meeting(m)
	}
}

// meeting is what a 1:1 holds: its agenda, notes, decisions and the
// commitments made in it.
func (w *writer) meeting(m *onboarding.Meeting) {
	var items []markdown.Item
	for _, it := range m.Items {
		if it.Private || strings.TrimSpace(it.Text) == "" {
			continue
		}
		task := markdown.OpenTask
		if it.Done {
			task = markdown.DoneTask
		}
		l := w.raisedBy(it.Text, it.Author, onboarding.WeeksOpen(it, m.Date))
		if owner, ok := w.o.AgreedOwnerOf(it.Source); ok {
			l = append(l, text("; agreed owner: "+w.o.OwnerLabel(owner)))
		}
		items = append(items, markdown.Item{Task: task, Lines: []line{l}})
	}
	if len(items) > 0 {
		w.para(bold(text("Agenda")))
		w.add(markdown.Block{Kind: markdown.Bullets, Items: items})
	}
	if strings.TrimSpace(m.Notes) != "" {
		w.para(bold(text("Notes")))
		w.typed(m.Notes)
	}
	if strings.TrimSpace(m.Decisions) != "" {
		w.para(bold(text("Decisions")))
		w.typed(m.Decisions)
	}
	var made []line
	for _, c := range w.o.Commitments {
		if !c.Private && c.Meeting == m.ID {
			made = append(made, w.commitment(c))
		}
	}
	if len(made) > 0 {
		w.para(bold(text("Commitments made")))
		w.add(markdown.List(made...))
	}
	if len(items) == 0 && len(made) == 0 && strings.TrimSpace(m.Notes+m.Decisions) == "" {
		w.para(text("Nothing written."))
	}
}

// FileName turns an onboarding's title into the name its downloads
// start with (the document, the calendar): its letters and digits, in any
// script, joined by hyphens. A name like Élodie or 李娜 stays whole; the
// marks that file systems refuse are none of them.
func FileName(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	name := []rune(strings.Join(words, "-"))
	if len(name) > 60 {
		name = []rune(strings.TrimRight(string(name[:60]), "-"))
	}
	if len(name) == 0 {
		return "counterpart"
	}
	return "counterpart-" + string(name)
}
