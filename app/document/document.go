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

func (w *writer) agreements() {
	o := w.o
	w.heading(2, "Our agreements")

	w.heading(3, "Who owns what")
	if !o.Roles.BothDone(o) {
		// The answers are written blind: nothing of one side may show
		// before both are in.
		w.para(text("Each of us is still answering alone; the comparison appears here once we have both finished."))
	} else {
		rows, _ := onboarding.Compare(o)
		var items []line
		for _, c := range rows {
			if c.Row.Private || strings.TrimSpace(c.Row.Area) == "" {
				continue
			}
			items = append(items, line{bold(text(c.Row.Area)), text(": " + w.ownership(c))})
		}
		w.list(items, "No areas yet.")
	}

	w.expectations()
	w.stakes()

	w.heading(3, "When we disagree in front of others")
	if d := o.Roles.Disagreement; !d.Private && strings.TrimSpace(d.Text) != "" {
		w.typed(d.Text)
	} else {
		w.para(text("Not agreed yet."))
	}

	w.heading(3, "When we cannot agree")
	var steps []line
	for _, s := range o.Roles.Escalation {
		if !s.Private && strings.TrimSpace(s.Text) != "" {
			steps = append(steps, line{text(s.Text)})
		}
	}
	if len(steps) == 0 {
		w.para(text("Not agreed yet."))
	} else {
		w.add(markdown.Numbered(steps...))
	}

	w.announced()

	w.heading(3, "How we meet")
	c := o.Roles.Cadence
	items := []line{{text(cadenceLine(c))}}
	if s := strings.TrimSpace(c.Social); s != "" {
		items = append(items, line{text("Time together, not about work: " + s)})
	}
	for _, m := range c.Shared {
		if m.Private || strings.TrimSpace(m.Name) == "" {
			continue
		}
		it := line{text("We both attend "), bold(text(m.Name))}
		s := ""
		if strings.TrimSpace(m.Cadence) != "" {
			s += " (" + m.Cadence + ")"
		}
		if m.Debrief {
			s += " and talk it over at the next 1:1"
		}
		if d := words.LongDate(m.LastHeld); d != "" {
			s += "; last held " + d
		}
		items = append(items, append(it, text(s)))
	}
	w.add(markdown.List(items...))
}

// stakes is what the buddy owns among what they advise on, said out loud
// so that the newcomer can weigh the advice.
func (w *writer) stakes() {
	o := w.o
	w.heading(3, "What "+o.Buddy.Name+" has at stake")
	var items []line
	for i := range o.Stakes {
		s := &o.Stakes[i]
		what := strings.TrimSpace(s.What)
		if s.Private || what == "" && strings.TrimSpace(s.Note) == "" {
			continue
		}
		if what == "" {
			what = "A stake"
		}
		var it sentences
		it.add(bold(text(what)))
		if k := s.Kind.Of(o.Buddy.Name); k != "" {
			it.l = append(it.l, text(" ("+k+")"))
		}
		if n := flatten(s.Note); len(n) > 0 {
			it.l = append(it.l, text(": "))
			it.l = append(it.l, n...)
		}
		if area := o.AreaOf(s); area != "" {
			it.add(text("Area of the grid: " + area))
		}
		items = append(items, it.end())
	}
	w.list(items, "Nothing written yet.")
}

// ceo says when the one page went to the CEO, when the CEO confirmed the
// split, and what the CEO saw differently.
func (w *writer) ceo() {
	c := w.o.CEO
	if c.Private {
		c = onboarding.CEOStep{}
	}
	w.heading(3, "The CEO")
	switch sent, confirmed := words.LongDate(c.Sent), words.LongDate(c.Confirmed); {
	case sent != "" && confirmed != "":
		w.para(text("Our one page went to the CEO on " + sent + "; the CEO confirmed the split on " + confirmed + "."))
	case sent != "":
		w.para(text("Our one page went to the CEO on " + sent + "; not confirmed yet."))
	default:
		w.para(text("Our one page has not gone to the CEO yet."))
	}
	if strings.TrimSpace(c.Corrections) != "" {
		w.para(bold(text("What the CEO saw differently")))
		w.typed(c.Corrections)
	}
}

// announced says what the two told whom about the split, and when: each
// note as it was written, sent or still a draft.
func (w *writer) announced() {
	o := w.o
	w.heading(3, "What we told whom")
	n := o.Announcement
	told := false
	if !n.Private {
		for _, a := range onboarding.Audiences {
			note := n.Note(a)
			if strings.TrimSpace(note) == "" {
				continue
			}
			told = true
			state := "drafted, not sent yet"
			if d := words.LongDate(n.Sent(a)); d != "" {
				state = "sent on " + d
			}
			w.para(bold(text(a.Label(o))), text(": "+state+"."))
			w.typed(note)
		}
	}
	if !told {
		w.para(text("Nothing announced yet."))
	}
}

// expectations are what each of the two wrote of both roles, once both
// have finished writing: before, each is still writing blind.
func (w *writer) expectations() {
	o := w.o
	w.heading(3, "What we expect of each role")
	if !o.Roles.BothWritten(o) {
		w.para(text("Each of us is still writing alone; both appear here once we have both finished."))
		return
	}
	for _, p := range []onboarding.Person{o.Buddy, o.Newcomer} {
		s := o.Roles.SideOf(p.ID)
		w.para(bold(text(p.Name + ", of their own role")))
		w.typedOr(s.ExpectMine, "Nothing written.")
		w.para(bold(text(p.Name + ", of " + o.Other(p.ID).Name + "'s role")))
		w.typedOr(s.ExpectYours, "Nothing written.")
	}
}

// typedOr adds typed text, or says there is none.
func (w *writer) typedOr(s, none string) {
	if strings.TrimSpace(s) == "" {
		w.para(text(none))
		return
	}
	w.typed(s)
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
	switch c.Verdict {
	case onboarding.Settled:
		return owner(c.Owner) + ", agreed after talking it over"
	case onboarding.Agreed:
		return owner(c.Owner)
	}
	b, n := c.Row.Owners[o.Buddy.ID], c.Row.Owners[o.Newcomer.ID]
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

// processes lists the company's key processes and what will surprise
// the newcomer.
func (w *writer) processes() {
	w.heading(2, "How the company runs")
	var items []line
	for _, p := range w.o.Processes {
		name := strings.TrimSpace(p.Name)
		if p.Private || name == "" && strings.TrimSpace(p.ChangeHow) == "" {
			continue
		}
		if name == "" {
			name = "A process"
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
