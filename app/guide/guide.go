// Package guide is the guide's content as the pages show it: the five
// stages with their prompts, the worked examples for each function, the
// default role areas for a pair of functions, the page before stage one,
// the checkpoints and the example onboarding.
//
// Writers keep the text as Markdown in content/. go generate turns it into
// Go values with the Markdown already rendered to HTML, in content_gen.go
// (internal/source reads and checks the files, internal/gen writes them),
// so that the browser parses nothing to show the guide. After editing
// content/, run `go generate ./app/guide` (make content) and commit the
// result; a test fails while it is out of date.
//
// All of it rides in the wasm, the examples of every function included,
// though one onboarding shows those of one function only: measured, they
// are 122 KB of the wasm raw and 24 KB of its 2.1 MB brotli (1.1%, about
// 120 ms of a first visit on a slow 4G line). Fetching them when a stage
// page opens would save that much and cost a request on the first stage
// page of every start, an example that shows late, and a second way to
// fail offline; the role areas and the example onboarding are smaller
// still. So they stay embedded.
package guide

//go:generate go run ./internal/gen

import "counterpart/app/onboarding"

// Stage is one stage of the guide, as written in content/stages.
type Stage struct {
	ID       onboarding.Stage
	Title    string // the page heading
	Short    string // the label in the list of stages
	Guidance string // HTML
	Prompts  []Prompt
	// SessionDay is the working day of the first two weeks (1 is the
	// start date) on which the pair sit down to walk this stage, and
	// SessionMinutes how long they book; the calendar file schedules them.
	SessionDay     int
	SessionMinutes int
}

// Prompt is one question of a stage, phrased for each of the two people.
type Prompt struct {
	ID       string
	Title    string
	Buddy    string // the question as the buddy reads it
	Newcomer string // the question as the newcomer reads it
	Help     string // HTML
}

// Question returns the prompt phrased for the buddy or the newcomer.
func (p Prompt) Question(newcomer bool) string {
	if newcomer {
		return p.Newcomer
	}
	return p.Buddy
}

// functionExamples are the worked examples for one function.
type functionExamples struct {
	function string // empty for the general examples
	// who is how the examples name the new executive, e.g. "a new CFO".
	who     string
	prompts []example
}

// example is the worked example of one prompt.
type example struct {
	prompt string
	html   string
}

// Stages returns the five stages in order.
func Stages() []Stage { return stages }

// StageOf returns a stage by ID.
func StageOf(id onboarding.Stage) (Stage, bool) {
	for _, s := range stages {
		if s.ID == id {
			return s, true
		}
	}
	return Stage{}, false
}

// ExampleFor returns the worked example of a prompt for a function, as
// HTML, and how the example names the new executive. Functions without
// their own example (Other) get the general one.
func ExampleFor(f onboarding.Function, prompt string) (html, who string) {
	if ex, ok := examplesOf(string(f)); ok {
		if html := ex.of(prompt); html != "" {
			return html, ex.who
		}
	}
	general, _ := examplesOf("general")
	return general.of(prompt), general.who
}

// examplesOf returns the examples of a function ("general" for the
// general ones).
func examplesOf(function string) (functionExamples, bool) {
	for _, ex := range examples {
		if ex.function == function {
			return ex, true
		}
	}
	return functionExamples{}, false
}

// of returns the example of a prompt, or "".
func (ex functionExamples) of(prompt string) string {
	for _, e := range ex.prompts {
		if e.prompt == prompt {
			return e.html
		}
	}
	return ""
}
