package document

// The newcomer's plan for the first ninety days and the sweep of what the
// previous holder or an interim left: two lists the pair review at the
// day-45 and day-90 checkpoints.

import (
	"strings"

	"counterpart/app/markdown"
	"counterpart/app/onboarding"
)

// plan prints the newcomer's plan, milestone by milestone, each item with
// how it is going, so that the day-45 and day-90 reviews read one list.
func (w *writer) plan() {
	o := w.o
	w.heading(3, o.Newcomer.Name+"'s plan for the first ninety days")
	any := false
	for _, d := range onboarding.PlanDays {
		items := onboarding.PlanOf(o, d, true)
		if len(items) == 0 {
			continue
		}
		any = true
		w.para(bold(text(d.Label())))
		var lines []line
		for _, it := range items {
			lines = append(lines, line{bold(text(it.Progress.Label() + ":")), text(" " + it.Text)})
		}
		w.add(markdown.List(lines...))
	}
	if !any {
		w.para(text("Not drafted yet."))
	}
}

// ceoPlan is the plan on the CEO's page: what is due by each milestone,
// on one line each so that the page still prints on one sheet; dropped
// items are left out.
func (w *writer) ceoPlan() {
	var lines []line
	for _, d := range onboarding.PlanDays {
		var what []string
		for _, it := range onboarding.PlanOf(w.o, d, true) {
			if it.Progress != onboarding.PlanDropped {
				what = append(what, strings.TrimSpace(it.Text))
			}
		}
		if len(what) > 0 {
			lines = append(lines, line{bold(text(d.Label() + ": ")), text(strings.Join(what, "; ") + ".")})
		}
	}
	w.list(lines, "Not written yet.")
}

// sweep prints what the previous holder or an interim did that nobody
// owned, who did it, what happens to it, and whether it is in the grid.
// Each item says what each part is, so that it reads the same printed,
// pasted into a chat or read aloud by a screen reader.
func (w *writer) sweep() {
	o := w.o
	w.heading(3, "What the previous holder or an interim did")
	var items []line
	for i := range o.Duties {
		d := &o.Duties[i]
		what := strings.TrimSpace(d.Duty)
		if d.Private || what == "" {
			continue
		}
		parts := []string{}
		if l := d.DoneBy.Label(); l != "" {
			parts = append(parts, "done by: "+strings.ToLower(l[:1])+l[1:])
		}
		if out := d.Outcome(o); out != "" {
			parts = append(parts, "from now: "+strings.ToLower(out[:1])+out[1:])
		} else {
			parts = append(parts, "from now: not decided yet")
		}
		if row := onboarding.Find(o.Roles.Rows, d.Row); d.Row != "" && row != nil && !row.Private {
			if strings.TrimSpace(row.Area) == what {
				parts = append(parts, "added to the grid")
			} else {
				parts = append(parts, "in the grid as "+row.Area)
			}
		}
		items = append(items, line{bold(text(what)), text(" (" + strings.Join(parts, "; ") + ")")})
	}
	w.list(items, "Nothing swept yet.")
}
