// Package guide reads the guide's content (content/) into the structures
// the pages show: the five stages with their prompts, the worked examples
// for each function, the default role areas for a pair of functions and
// the example onboarding.
package guide

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"counterpart/app/onboarding"
	"counterpart/content"
)

// Stage is one stage of the guide, as written in content/stages.
type Stage struct {
	ID       onboarding.Stage
	Title    string // the page heading
	Short    string // the label in the list of stages
	Guidance string // Markdown
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
	Help     string // Markdown
}

// Question returns the prompt phrased for the buddy or the newcomer.
func (p Prompt) Question(newcomer bool) string {
	if newcomer {
		return p.Newcomer
	}
	return p.Buddy
}

// Examples are the worked examples for one function.
type Examples struct {
	// Who is how the examples name the new executive, e.g. "a new CFO".
	Who      string
	ByPrompt map[string]string // Markdown, by prompt ID
}

// library is all the content, parsed once.
type library struct {
	stages   []Stage
	examples map[onboarding.Function]Examples
	general  Examples
	areas    map[string][]string // by file name without .md
	// framing is the page before stage one; checkpoints the text of the
	// checkpoints of the first ninety days.
	framing, checkpoints Page
	err                  error
}

var (
	once sync.Once
	lib  library
)

func load() *library {
	once.Do(func() { lib = parse(content.FS) })
	return &lib
}

// Err reports a problem with the content files, if any. The tests check
// it; the app shows whatever did parse.
func Err() error { return load().err }

// Stages returns the five stages in order.
func Stages() []Stage { return load().stages }

// StageOf returns a stage by ID.
func StageOf(id onboarding.Stage) (Stage, bool) {
	for _, s := range load().stages {
		if s.ID == id {
			return s, true
		}
	}
	return Stage{}, false
}

// ExampleFor returns the worked example of a prompt for a function, and
// how the example names the new executive. Functions without their own
// example (Other) get the general one.
func ExampleFor(f onboarding.Function, prompt string) (markdown, who string) {
	l := load()
	if ex, ok := l.examples[f]; ok {
		if md := ex.ByPrompt[prompt]; md != "" {
			return md, ex.Who
		}
	}
	return l.general.ByPrompt[prompt], l.general.Who
}

// parse reads every content file. It collects every problem rather than
// stopping at the first, so a writer sees them all in one test run.
func parse(fsys fs.FS) library {
	l := library{examples: map[onboarding.Function]Examples{}, areas: map[string][]string{}}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	names, _ := fs.Glob(fsys, "stages/*.md")
	sort.Strings(names)
	for _, name := range names {
		st, err := parseStage(fsys, name)
		if err != nil {
			fail("%s: %v", name, err)
			continue
		}
		l.stages = append(l.stages, st)
	}

	names, _ = fs.Glob(fsys, "examples/*.md")
	for _, name := range names {
		id := strings.TrimSuffix(path.Base(name), ".md")
		doc, err := readDoc(fsys, name)
		if err != nil {
			fail("%s: %v", name, err)
			continue
		}
		ex := Examples{Who: doc.meta["Who"], ByPrompt: map[string]string{}}
		for _, s := range doc.sections {
			ex.ByPrompt[s.id] = s.body
		}
		if ex.Who == "" {
			fail("%s: no \"Who:\" line naming the new executive", name)
		}
		switch {
		case id == "general":
			l.general = ex
		case onboarding.Function(id).Valid():
			l.examples[onboarding.Function(id)] = ex
		default:
			fail("%s: %q is not a function", name, id)
		}
	}

	names, _ = fs.Glob(fsys, "roles/*.md")
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			fail("%s: %v", name, err)
			continue
		}
		var areas []string
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			if item, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "- "); ok {
				areas = append(areas, strings.TrimSpace(item))
			}
		}
		if len(areas) == 0 {
			fail("%s: no areas (lines starting with \"- \")", name)
		}
		l.areas[strings.TrimSuffix(path.Base(name), ".md")] = areas
	}

	var err error
	if l.framing, err = parsePage(fsys, "framing.md", FramingPoints); err != nil {
		fail("framing.md: %v", err)
	}
	if l.checkpoints, err = parsePage(fsys, "checkpoints.md", checkpointIDs()); err != nil {
		fail("checkpoints.md: %v", err)
	}

	if len(errs) > 0 {
		l.err = fmt.Errorf("content problems:\n  %s", strings.Join(errs, "\n  "))
	}
	return l
}

func parseStage(fsys fs.FS, name string) (Stage, error) {
	doc, err := readDoc(fsys, name)
	if err != nil {
		return Stage{}, err
	}
	// Files are named like 1-data.md: the number orders them.
	base := strings.TrimSuffix(path.Base(name), ".md")
	_, id, _ := strings.Cut(base, "-")
	st := Stage{ID: onboarding.Stage(id), Title: doc.title, Short: doc.meta["Short"], Guidance: doc.intro}
	if _, ok := onboarding.ParseStage(id); !ok {
		return st, fmt.Errorf("%q is not a stage the model knows", id)
	}
	// The guide asks for every stage to be covered in the first two
	// weeks: ten working days.
	day, err := strconv.Atoi(doc.meta["SessionDay"])
	if err != nil || day < 1 || day > 10 {
		return st, fmt.Errorf("\"SessionDay:\" must be a working day from 1 to 10, not %q", doc.meta["SessionDay"])
	}
	minutes, err := strconv.Atoi(doc.meta["SessionMinutes"])
	if err != nil || minutes < 15 || minutes > 240 {
		return st, fmt.Errorf("\"SessionMinutes:\" must be from 15 to 240, not %q", doc.meta["SessionMinutes"])
	}
	st.SessionDay, st.SessionMinutes = day, minutes
	for _, s := range doc.sections {
		st.Prompts = append(st.Prompts, Prompt{ID: s.id, Title: s.meta["Title"], Buddy: s.meta["Buddy"], Newcomer: s.meta["Newcomer"], Help: s.body})
	}
	return st, nil
}

// doc is a content file: "# Title", then "Key: value" lines, then an
// introduction, then "## id" sections, each with its own "Key: value"
// lines and a body.
type doc struct {
	title    string
	meta     map[string]string
	intro    string
	sections []section
}

type section struct {
	id   string
	meta map[string]string
	body string
}

func readDoc(fsys fs.FS, name string) (doc, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return doc{}, err
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "# ") {
		return doc{}, fmt.Errorf("the first line must be a \"# \" title")
	}
	d := doc{title: strings.TrimSpace(lines[0][2:]), meta: map[string]string{}}
	meta, rest := readMeta(lines[1:])
	d.meta = meta
	var cur *section
	var body []string
	flush := func() {
		text := strings.TrimSpace(strings.Join(body, "\n"))
		if cur == nil {
			d.intro = text
		} else {
			cur.body = text
			d.sections = append(d.sections, *cur)
		}
		body = nil
	}
	for i := 0; i < len(rest); i++ {
		line := rest[i]
		if id, ok := strings.CutPrefix(line, "## "); ok {
			flush()
			m, after := readMeta(rest[i+1:])
			cur = &section{id: strings.TrimSpace(id), meta: m}
			i = len(rest) - len(after) - 1
			continue
		}
		body = append(body, line)
	}
	flush()
	return d, nil
}

// readMeta reads "Key: value" lines at the top of a block, skipping blank
// lines before them, and returns the lines after.
func readMeta(lines []string) (map[string]string, []string) {
	meta := map[string]string{}
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	for ; i < len(lines); i++ {
		key, value, ok := strings.Cut(lines[i], ": ")
		if !ok || key == "" || strings.ContainsAny(key, " #*-[`") {
			break
		}
		meta[key] = strings.TrimSpace(value)
	}
	return meta, lines[i:]
}
