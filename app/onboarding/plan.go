package onboarding

import (
	"strings"
	"time"
)

// PlanItem is one item of the newcomer's plan for the first ninety days:
// what they mean to have learned, decided or changed by day 30, 60 or 90,
// and how it is going. The day-45 and day-90 checkpoints read it back.
type PlanItem struct {
	Meta
	By       PlanDay      `json:"by"`
	Text     string       `json:"text" limit:"short"`
	Progress PlanProgress `json:"progress"`
	// From is what a drafted item came from ("brief:..." or a problem's
	// ID), "" for one written by hand; drafting again skips what it has
	// already drafted.
	From string `json:"from,omitempty" limit:"short"`
}

// PlanDay is the day of the first ninety an item is due by.
type PlanDay string

// The three milestones of the plan.
const (
	By30 PlanDay = "30"
	By60 PlanDay = "60"
	By90 PlanDay = "90"
)

// PlanDays lists them in order.
var PlanDays = planDayLabels.values()

var planDayLabels = labelled[PlanDay]{
	{By30, "By day 30"},
	{By60, "By day 60"},
	{By90, "By day 90"},
}

// Label is the milestone as a person reads it.
func (d PlanDay) Label() string { return planDayLabels.label(d, "") }

// PlanProgress is how an item of the plan is going.
type PlanProgress string

// How an item can stand. A new item is planned.
const (
	PlanOpen    PlanProgress = "planned"
	PlanDone    PlanProgress = "done"
	PlanAtRisk  PlanProgress = "at-risk"
	PlanDropped PlanProgress = "dropped"
)

// PlanProgresses lists them in the order the form offers them.
var PlanProgresses = progressLabels.values()

var progressLabels = labelled[PlanProgress]{
	{PlanOpen, "Planned"},
	{PlanDone, "Done"},
	{PlanAtRisk, "At risk"},
	{PlanDropped, "Dropped"},
}

// Label is the progress as a person reads it.
func (p PlanProgress) Label() string { return progressLabels.label(p, "") }

// PlanOf is the plan's items due by day, in the order they were written,
// private ones left out when shared is set (for the document and the
// CEO's page).
func PlanOf(o *Onboarding, day PlanDay, shared bool) []*PlanItem {
	var out []*PlanItem
	for i := range o.Plan {
		it := &o.Plan[i]
		if it.By != day || shared && (it.Private || strings.TrimSpace(it.Text) == "") {
			continue
		}
		out = append(out, it)
	}
	return out
}

// AddPlanItem adds an item by day, planned, written by the person typing.
func AddPlanItem(o *Onboarding, day PlanDay, now time.Time) (string, error) {
	id, err := Lists.Plan.Add(o, now)
	if err == nil {
		it := Find(o.Plan, id)
		it.By, it.Progress = day, PlanOpen
	}
	return id, err
}

// suggestion is one item a draft would add.
type suggestion struct {
	from, text string
	by         PlanDay
}

// situationSteps are the items each kind of situation suggests for the
// first and second month: what a newcomer in it most needs to learn, then
// to decide.
var situationSteps = map[Situation][2]string{
	StartUp:           {"Name the few things that must exist by day 90, and who will build each", "Decide which of them to build now and which to buy, borrow or leave"},
	Turnaround:        {"Find what loses the most money or trust, with the numbers behind it", "Decide what to stop, and tell the people it touches"},
	AcceleratedGrowth: {"Find which process breaks first as the team grows", "Decide the few hires and the process fixes that keep up with the growth"},
	Realignment:       {"Gather the evidence that shows the team why things must change", "Agree with the team what changes first, and by when"},
	SustainingSuccess: {"Learn what made the team succeed, before changing anything", "Decide what to protect, and the one thing worth improving"},
}

// suggestions are the items a draft would add, from the brief and the
// open problems that others may read.
func suggestions(o *Onboarding) []suggestion {
	var out []suggestion
	b := o.Brief
	wrote := !b.Private && (strings.TrimSpace(b.HiredToFix) != "" || b.Situation != "")
	if wrote {
		out = append(out,
			suggestion{"brief:team", "Meet each person on my team one to one, and the peers who work most with us", By30},
			suggestion{"brief:ceo", "Take my first read and this plan to the CEO, and agree the split of the work", By30},
		)
		if steps, ok := situationSteps[b.Situation]; ok {
			out = append(out,
				suggestion{"brief:learn", steps[0], By30},
				suggestion{"brief:decide", steps[1], By60},
			)
		}
		out = append(out,
			suggestion{"brief:team-decisions", "Make my first decisions about the team: roles, gaps and who I hire", By60},
			suggestion{"brief:report", "Tell the CEO what is fixed of what I was hired to fix, and what the job is now", By90},
		)
	}
	for _, p := range o.Problems {
		if p.Private || p.Resolved || strings.TrimSpace(p.Problem) == "" {
			continue
		}
		if step := leadLine(p.FirstStep); step != "" {
			out = append(out, suggestion{p.ID, step, By30})
		}
		out = append(out, suggestion{p.ID + ":change", "Show what has changed on: " + leadLine(p.Problem), By90})
	}
	return out
}

// leadLine is the first sentence of a text, or its first line when that
// is shorter, trimmed and without its full stop: a first step often goes
// on to say what comes after, which the later items of the plan hold.
func leadLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	return Clip(strings.TrimSuffix(s, "."), MaxShort)
}

// DraftPlan adds to the plan the items suggested by the brief and the
// open problems' first steps, as planned items the newcomer then edits.
// Each suggestion has an ID made from its source, so drafting again (on
// this device or the other) adds only what is new, and a suggested item
// the person removed stays removed. It returns how many items it added;
// none with nothing to draft from is not an error, the page says so.
func DraftPlan(o *Onboarding, author string, now time.Time) (int, error) {
	added := 0
	for _, s := range suggestions(o) {
		id := NameID(o.ID, "plan", s.from)
		if Find(o.Plan, id) != nil {
			continue
		}
		if _, gone := o.Deleted[id]; gone {
			continue
		}
		it := Add(&o.Plan, author, now)
		if it == nil {
			return added, fullError(o, &o.Plan)
		}
		it.ID, it.By, it.Text, it.Progress, it.From = id, s.by, s.text, PlanOpen, s.from
		added++
	}
	return added, nil
}

// CanDraftPlan reports whether there is anything to draft the plan from:
// a brief or a problem.
func CanDraftPlan(o *Onboarding) bool { return len(suggestions(o)) > 0 }

// SetProgress changes how an item of the plan is going.
func SetProgress(o *Onboarding, id string, p PlanProgress, now time.Time) bool {
	if p.Label() == "" {
		return false
	}
	return Edit(o.Plan, id, now, func(it *PlanItem) { it.Progress = p })
}

// normalizePlanItem cleans one item read from outside.
func normalizePlanItem(it *PlanItem) {
	if it.By.Label() == "" {
		it.By = By90
	}
	if it.Progress.Label() == "" {
		it.Progress = PlanOpen
	}
}
