package onboarding

import "strings"

// Stage names one of the guide's five stages. The text of each stage lives
// in content/; the model only knows what counts as an answer.
type Stage string

// The stages, in the order the guide walks them.
const (
	StageData      Stage = "data"
	StageProblems  Stage = "problems"
	StageTeam      Stage = "team"
	StageProcesses Stage = "processes"
	StageRoles     Stage = "roles"
)

// Stages lists the stages in order.
var Stages = []Stage{StageData, StageProblems, StageTeam, StageProcesses, StageRoles}

// Prompts lists each stage's prompts, in order.
var Prompts = map[Stage][]string{
	StageData:      {"sources", "checked"},
	StageProblems:  {"problems", "budget", "working"},
	StageTeam:      {"team", "people"},
	StageProcesses: {"processes", "surprises"},
	StageRoles:     {"ownership", "expectations", "disagreement", "escalation", "cadence"},
}

// Answered reports whether a prompt of a stage has an answer.
func (o *Onboarding) Answered(stage Stage, prompt string) bool {
	has := func(s string) bool { return strings.TrimSpace(s) != "" }
	switch stage + "/" + Stage(prompt) {
	case "data/sources":
		return anyOf(o.DataSources, func(d DataSource) bool { return has(d.Name) })
	case "data/checked":
		return anyOf(o.DataSources, func(d DataSource) bool { return d.Checked && has(d.Name) })
	case "problems/problems":
		return anyOf(o.Problems, func(p Problem) bool { return has(p.Problem) })
	case "problems/budget":
		return has(o.BudgetAdvice.Text)
	case "problems/working":
		return anyOf(o.WorkingWell, func(n Note) bool { return has(n.Text) })
	case "team/team":
		return anyOf(o.TeamRead, func(t TeamMember) bool { return has(t.Person) })
	case "team/people":
		return anyOf(o.People, func(c Contact) bool { return has(c.Name) })
	case "processes/processes":
		return anyOf(o.Processes, func(p Process) bool { return has(p.Name) })
	case "processes/surprises":
		return anyOf(o.Surprises, func(s Surprise) bool { return has(s.What) })
	case "roles/ownership":
		return o.Roles.BothDone(o)
	case "roles/expectations":
		return o.Roles.side(o.Buddy.ID).hasExpectations() && o.Roles.side(o.Newcomer.ID).hasExpectations()
	case "roles/disagreement":
		return has(o.Roles.Disagreement.Text)
	case "roles/escalation":
		return anyOf(o.Roles.Escalation, func(s Step) bool { return has(s.Text) })
	case "roles/cadence":
		return o.Roles.Cadence.Day != "" && o.Roles.Cadence.Time != ""
	}
	return false
}

func anyOf[T any](list []T, ok func(T) bool) bool {
	for _, v := range list {
		if ok(v) {
			return true
		}
	}
	return false
}

// StageProgress is how many of a stage's prompts have an answer.
type StageProgress struct {
	Stage    Stage
	Answered int
	Total    int
}

// Done reports whether every prompt of the stage has an answer.
func (p StageProgress) Done() bool { return p.Answered == p.Total }

// Progress returns the progress of every stage, in order.
func (o *Onboarding) Progress() []StageProgress {
	out := make([]StageProgress, 0, len(Stages))
	for _, s := range Stages {
		p := StageProgress{Stage: s, Total: len(Prompts[s])}
		for _, prompt := range Prompts[s] {
			if o.Answered(s, prompt) {
				p.Answered++
			}
		}
		out = append(out, p)
	}
	return out
}

// Overall is the progress of the whole guide: every stage's prompts.
func (o *Onboarding) Overall() (answered, total int) {
	for _, p := range o.Progress() {
		answered += p.Answered
		total += p.Total
	}
	return answered, total
}

// Percent is the share of all prompts answered, from 0 to 100.
func (o *Onboarding) Percent() int {
	answered, total := o.Overall()
	return answered * 100 / total
}

// ResumeStage is where to pick the guide up again: the first stage with a
// prompt still open, or the first stage once all are done.
func (o *Onboarding) ResumeStage() Stage {
	for _, p := range o.Progress() {
		if !p.Done() {
			return p.Stage
		}
	}
	return Stages[0]
}

// ParseStage returns the stage named s.
func ParseStage(s string) (Stage, bool) {
	for _, st := range Stages {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// Neighbours returns the stages before and after s ("" at either end).
func Neighbours(s Stage) (prev, next Stage) {
	for i, st := range Stages {
		if st == s {
			if i > 0 {
				prev = Stages[i-1]
			}
			if i+1 < len(Stages) {
				next = Stages[i+1]
			}
		}
	}
	return prev, next
}

// TooManyProblems is the count past which the guide says the list has
// stopped being a priority list.
const TooManyProblems = 3
