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
		return o.Roles.BothWritten(o)
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

// Written blind: the prompts each person finishes alone.
func blind(stage Stage, prompt string) bool {
	return stage == StageRoles && (prompt == "ownership" || prompt == "expectations")
}

// PromptState is where a prompt stands for one of the two.
type PromptState int

// The states of a prompt.
const (
	// PromptOpen: no answer yet, or, for a prompt written blind, this
	// person has not finished their part.
	PromptOpen PromptState = iota
	// PromptWaiting: this person has finished their part of a prompt
	// written blind, and the other has not.
	PromptWaiting
	// PromptDone: answered; for a prompt written blind, by both.
	PromptDone
)

// StateOf is where a prompt stands for person: a prompt written blind
// says what this person has done, not just what the two have.
func (o *Onboarding) StateOf(stage Stage, prompt, person string) PromptState {
	switch {
	case o.Answered(stage, prompt):
		return PromptDone
	case !blind(stage, prompt):
		return PromptOpen
	case prompt == "ownership" && o.Roles.IsDone(person), prompt == "expectations" && o.Roles.HasWritten(person):
		return PromptWaiting
	}
	return PromptOpen
}

// Progress returns the progress of every stage, in order, whoever
// answered.
func (o *Onboarding) Progress() []StageProgress {
	return o.progress(func(s Stage, prompt string) bool { return o.Answered(s, prompt) })
}

// ProgressOf is person's own progress through the guide: a prompt counts
// when it has an answer this person has taken part in. That is a part of
// it they wrote, or, for what the other wrote, the stage opened since
// (opened says whether they have); for a prompt written blind, their own
// part finished. A newcomer who takes in the buddy's link then does not
// find ticks on stages they have never opened.
func (o *Onboarding) ProgressOf(person string, opened func(Stage) bool) []StageProgress {
	return o.progress(func(s Stage, prompt string) bool {
		if blind(s, prompt) {
			return o.StateOf(s, prompt, person) != PromptOpen
		}
		return o.Answered(s, prompt) && (opened(s) || o.wrote(s, prompt, person))
	})
}

func (o *Onboarding) progress(counts func(Stage, string) bool) []StageProgress {
	out := make([]StageProgress, 0, len(Stages))
	for _, s := range Stages {
		p := StageProgress{Stage: s, Total: len(Prompts[s])}
		for _, prompt := range Prompts[s] {
			if counts(s, prompt) {
				p.Answered++
			}
		}
		out = append(out, p)
	}
	return out
}

// wrote reports whether person wrote some of a prompt's answer: an entry
// they added, or the note they wrote last.
func (o *Onboarding) wrote(stage Stage, prompt, person string) bool {
	by := func(m Meta) bool { return m.Author == person }
	switch stage + "/" + Stage(prompt) {
	case "data/sources":
		return anyOf(o.DataSources, func(d DataSource) bool { return by(d.Meta) })
	case "problems/problems":
		return anyOf(o.Problems, func(p Problem) bool { return by(p.Meta) })
	case "problems/budget":
		return by(o.BudgetAdvice.Meta)
	case "problems/working":
		return anyOf(o.WorkingWell, func(n Note) bool { return by(n.Meta) })
	case "team/team":
		return anyOf(o.TeamRead, func(t TeamMember) bool { return by(t.Meta) })
	case "team/people":
		return anyOf(o.People, func(c Contact) bool { return by(c.Meta) })
	case "processes/processes":
		return anyOf(o.Processes, func(p Process) bool { return by(p.Meta) })
	case "processes/surprises":
		return anyOf(o.Surprises, func(s Surprise) bool { return by(s.Meta) })
	case "roles/disagreement":
		return by(o.Roles.Disagreement.Meta)
	case "roles/escalation":
		return anyOf(o.Roles.Escalation, func(s Step) bool { return by(s.Meta) })
	}
	// Who ticked a source as checked, or set the cadence, is not kept.
	return false
}

// Overall adds up a progress: the prompts answered, of all of them.
func Overall(progress []StageProgress) (answered, total int) {
	for _, p := range progress {
		answered += p.Answered
		total += p.Total
	}
	return answered, total
}

// Percent is the share of all prompts a progress has answered, from 0 to
// 100.
func Percent(progress []StageProgress) int {
	answered, total := Overall(progress)
	if total == 0 {
		return 0
	}
	return answered * 100 / total
}

// ResumeStage is where to pick the guide up again: the first stage with a
// prompt still open in progress, or the first stage once all are done.
func ResumeStage(progress []StageProgress) Stage {
	for _, p := range progress {
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
