package document

// The role agreement and what came of it: the agreed split of the work,
// the buddy's stakes, the CEO's confirmation, what was told to whom, and
// each person's written expectations.

import (
	"strings"

	"counterpart/app/markdown"
	"counterpart/app/onboarding"
	"counterpart/app/words"
)

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
	w.sweep()

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
		what, ok := headed(s.Private, s.What, s.Note, "A stake")
		if !ok {
			continue
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
