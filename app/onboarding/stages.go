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
	switch stage + "/" + Stage(prompt) {
	case "data/checked":
		return anyOf(o.DataSources, func(d DataSource) bool { return d.Checked && has(d.Name) })
	case "roles/ownership":
		return o.Roles.BothDone(o)
	case "roles/expectations":
		return o.Roles.BothWritten(o)
	case "roles/cadence":
		return o.Roles.Cadence.Day != "" && o.Roles.Cadence.Time != ""
	}
	return anyOf(o.answers(stage, prompt), func(a answer) bool { return a.says })
}

// answer is one entry or note written for a prompt: who wrote it (last,
// for a note), and whether it says something yet.
type answer struct {
	by   string
	says bool
}

// answers lists the entries or the note that answer a prompt, each with
// the text that makes it an answer; none for a prompt answered otherwise
// (the grid, the written expectations, the cadence, the checked sources).
func (o *Onboarding) answers(stage Stage, prompt string) []answer {
	switch stage + "/" + Stage(prompt) {
	case "data/sources":
		return answersOf(o.DataSources, func(d DataSource) (Meta, string) { return d.Meta, d.Name })
	case "problems/problems":
		return answersOf(o.Problems, func(p Problem) (Meta, string) { return p.Meta, p.Problem })
	case "problems/budget":
		return answersOf([]Note{o.BudgetAdvice}, func(n Note) (Meta, string) { return n.Meta, n.Text })
	case "problems/working":
		return answersOf(o.WorkingWell, func(n Note) (Meta, string) { return n.Meta, n.Text })
	case "team/team":
		return answersOf(o.TeamRead, func(t TeamMember) (Meta, string) { return t.Meta, t.Person })
	case "team/people":
		return answersOf(o.People, func(c Contact) (Meta, string) { return c.Meta, c.Name })
	case "processes/processes":
		return answersOf(o.Processes, func(p Process) (Meta, string) { return p.Meta, p.Name })
	case "processes/surprises":
		return answersOf(o.Surprises, func(s Surprise) (Meta, string) { return s.Meta, s.What })
	case "roles/disagreement":
		return answersOf([]Note{o.Roles.Disagreement}, func(n Note) (Meta, string) { return n.Meta, n.Text })
	case "roles/escalation":
		return answersOf(o.Roles.Escalation, func(s Step) (Meta, string) { return s.Meta, s.Text })
	}
	return nil
}

// answersOf is each entry of a list as an answer, by its Meta and the
// text that says something.
func answersOf[T any](list []T, of func(T) (Meta, string)) []answer {
	out := make([]answer, len(list))
	for i, e := range list {
		m, text := of(e)
		out[i] = answer{by: m.Author, says: has(text)}
	}
	return out
}

// has reports whether a text says something.
func has(s string) bool { return strings.TrimSpace(s) != "" }

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
// they added, or the note they wrote last. Who ticked a source as
// checked, or set the cadence, is not kept.
func (o *Onboarding) wrote(stage Stage, prompt, person string) bool {
	return anyOf(o.answers(stage, prompt), func(a answer) bool { return a.by == person })
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
