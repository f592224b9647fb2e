package document

import (
	"strings"

	"counterpart/app/markdown"
	"counterpart/app/onboarding"
	"counterpart/app/words"
)

// CEOSummary is the one page the pair send the CEO at the `ceo`
// checkpoint: what the newcomer was hired to fix and the situation, the
// top problems with their evidence and first steps, what already works,
// the split of the work with the areas still open, and how the two
// escalate. It is made from the onboarding as it stands, so it never
// goes stale; what is private stays out, as in the shared document.
// today (YYYY-MM-DD) dates it.
func CEOSummary(o *onboarding.Onboarding, today string) []markdown.Block {
	w := &writer{o: o, today: today}
	n, b := o.Newcomer, o.Buddy
	w.heading(1, n.Name+": a first read, for the CEO")
	from := "From " + n.Name + withRole(n) + ", with " + b.Name + withRole(b)
	if d := words.LongDate(today); d != "" {
		from += ", " + d
	}
	w.para(text(from + "."))

	brief := o.Brief
	if brief.Private {
		brief = onboarding.Brief{}
	}
	w.heading(2, "What I was hired to fix")
	w.typedOr(brief.HiredToFix, "Not written yet.")
	if l := brief.Situation.Label(); l != "" || strings.TrimSpace(brief.Why) != "" {
		if l != "" {
			w.para(bold(text("The situation: " + strings.ToLower(l) + ".")))
		}
		w.typed(brief.Why)
	}

	w.heading(2, "The problems to work on first")
	var problems []line
	for _, p := range o.Problems {
		what := flatten(p.Problem)
		if p.Private || p.Resolved || len(what) == 0 {
			continue
		}
		it := sentences{l: line{bold(what...)}}
		if e := flatten(p.Evidence); len(e) > 0 {
			it.add(append(line{text("Evidence: ")}, e...)...)
		}
		if f := flatten(p.FirstStep); len(f) > 0 {
			it.add(append(line{text("First step: ")}, f...)...)
		}
		problems = append(problems, it.end())
	}
	if len(problems) == 0 {
		w.para(text("Not written yet."))
	} else {
		w.add(markdown.Numbered(problems...))
	}

	w.heading(2, "My plan for the first ninety days")
	w.ceoPlan()

	w.heading(2, "What already works, and stays")
	var working []line
	for _, n := range o.WorkingWell {
		if l := flatten(n.Text); !n.Private && len(l) > 0 {
			working = append(working, l)
		}
	}
	w.list(working, "Not written yet.")

	w.heading(2, "Who owns what between "+n.Name+" and "+b.Name)
	s := onboarding.SplitOf(o)
	if !s.Decided() && len(s.Open) == 0 {
		w.para(text("Not compared yet: each of us is still answering alone."))
	} else {
		var split []line
		group := func(who string, areas []string) {
			if len(areas) > 0 {
				split = append(split, line{bold(text(who + ": ")), text(strings.Join(areas, "; ") + ".")})
			}
		}
		group(n.Name, s.Newcomer)
		group(b.Name, s.Buddy)
		group("Shared", s.Shared)
		group("Still open", s.Open)
		w.add(markdown.List(split...))
	}

	w.heading(2, "When we cannot agree")
	var steps []line
	for _, st := range o.Roles.Escalation {
		if l := flatten(st.Text); !st.Private && len(l) > 0 {
			steps = append(steps, l)
		}
	}
	if len(steps) == 0 {
		w.para(text("Not agreed yet."))
	} else {
		w.add(markdown.Numbered(steps...))
	}
	w.para(text("Please confirm the split, or tell us what you see differently."))
	return w.blocks
}

// CEOSummaryHTML is the one page as HTML.
func CEOSummaryHTML(o *onboarding.Onboarding, today string) string {
	return markdown.HTML(CEOSummary(o, today))
}

// withRole is " (CFO)" for a person with a role, else "".
func withRole(p onboarding.Person) string {
	if r := strings.TrimSpace(p.Role); r != "" {
		return " (" + r + ")"
	}
	return ""
}
