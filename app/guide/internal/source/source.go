// Package source reads the guide's text as its writers keep it, Markdown
// files in content/, checks it, and writes it as Go for package guide
// (Generate): the stages, the examples and the pages with their text
// already rendered to HTML. go generate runs it (see ../gen), so that the
// browser gets the guide as Go values and never parses any Markdown.
//
// Every content file has one shape: a "# Title" line, then "Key: value"
// lines, then an introduction, then "## id" sections, each with its own
// "Key: value" lines and a body. The role areas are plain lists.
package source

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"counterpart/app/onboarding"
)

// Doc is one content file as its writer wrote it: Markdown.
type Doc struct {
	Name     string // the file's path in content/
	Title    string
	Meta     map[string]string
	Intro    string
	Sections []Section
}

// Section is one "## id" part of a Doc.
type Section struct {
	ID   string
	Meta map[string]string
	Body string
}

// Content is every file of the guide, read and checked.
type Content struct {
	Stages []Doc // in order (their files are numbered)
	// Examples are the worked examples, by function ID, with "general"
	// for the functions that have none of their own.
	Examples map[string]Doc
	// Areas are the default areas of the role agreement, by file name
	// without .md: a pair of functions ("engineering+finance"), one
	// function, or "common".
	Areas       map[string][]string
	Framing     Doc
	Checkpoints Doc
	Example     []byte // example.json, the example onboarding
}

// FramingPoints are the sections the page before stage one must have, in
// order: what the buddy takes on, and what it means for the newcomer.
var FramingPoints = []string{"your-job", "ceo-moves-on", "broad-first", "make-room", "if-they-struggle", "advice-ignored", "newcomer"}

// Load reads every content file and checks it. It collects every problem
// rather than stopping at the first, so that a writer sees them all in one
// run; the error lists them.
func Load(fsys fs.FS) (Content, error) {
	c := Content{Examples: map[string]Doc{}, Areas: map[string][]string{}}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	names, _ := fs.Glob(fsys, "stages/*.md")
	sort.Strings(names)
	for _, name := range names {
		d, err := Read(fsys, name)
		if err == nil {
			err = checkStage(d)
		}
		if err != nil {
			fail("%s: %v", name, err)
			continue
		}
		c.Stages = append(c.Stages, d)
	}

	names, _ = fs.Glob(fsys, "examples/*.md")
	for _, name := range names {
		id := strings.TrimSuffix(path.Base(name), ".md")
		d, err := Read(fsys, name)
		if err != nil {
			fail("%s: %v", name, err)
			continue
		}
		if d.Meta["Who"] == "" {
			fail("%s: no \"Who:\" line naming the new executive", name)
		}
		if id != "general" && !onboarding.Function(id).Valid() {
			fail("%s: %q is not a function", name, id)
			continue
		}
		c.Examples[id] = d
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
		c.Areas[strings.TrimSuffix(path.Base(name), ".md")] = areas
	}

	var err error
	if c.Framing, err = readPage(fsys, "framing.md", FramingPoints); err != nil {
		fail("framing.md: %v", err)
	}
	if c.Checkpoints, err = readPage(fsys, "checkpoints.md", checkpointIDs()); err != nil {
		fail("checkpoints.md: %v", err)
	}
	if c.Example, err = fs.ReadFile(fsys, "example.json"); err != nil {
		fail("example.json: %v", err)
	}

	if len(errs) > 0 {
		return c, fmt.Errorf("content problems:\n  %s", strings.Join(errs, "\n  "))
	}
	return c, nil
}

// StageID is the stage a stage file is for: files are named like
// 1-data.md, where the number orders them.
func StageID(d Doc) onboarding.Stage {
	_, id, _ := strings.Cut(strings.TrimSuffix(path.Base(d.Name), ".md"), "-")
	return onboarding.Stage(id)
}

// Session is the working day of the first two weeks (1 is the start date)
// on which the pair walk a stage, and how many minutes they book.
func Session(d Doc) (day, minutes int, err error) {
	// The guide asks for every stage to be covered in the first two
	// weeks: ten working days.
	day, err = strconv.Atoi(d.Meta["SessionDay"])
	if err != nil || day < 1 || day > 10 {
		return 0, 0, fmt.Errorf("\"SessionDay:\" must be a working day from 1 to 10, not %q", d.Meta["SessionDay"])
	}
	minutes, err = strconv.Atoi(d.Meta["SessionMinutes"])
	if err != nil || minutes < 15 || minutes > 240 {
		return 0, 0, fmt.Errorf("\"SessionMinutes:\" must be from 15 to 240, not %q", d.Meta["SessionMinutes"])
	}
	return day, minutes, nil
}

func checkStage(d Doc) error {
	if _, ok := onboarding.ParseStage(string(StageID(d))); !ok {
		return fmt.Errorf("%q is not a stage the model knows", StageID(d))
	}
	_, _, err := Session(d)
	return err
}

// Read reads one content file.
func Read(fsys fs.FS, name string) (Doc, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Doc{}, err
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "# ") {
		return Doc{}, fmt.Errorf("the first line must be a \"# \" title")
	}
	d := Doc{Name: name, Title: strings.TrimSpace(lines[0][2:])}
	meta, rest := readMeta(lines[1:])
	d.Meta = meta
	var cur *Section
	var body []string
	flush := func() {
		text := strings.TrimSpace(strings.Join(body, "\n"))
		if cur == nil {
			d.Intro = text
		} else {
			cur.Body = text
			d.Sections = append(d.Sections, *cur)
		}
		body = nil
	}
	for i := 0; i < len(rest); i++ {
		line := rest[i]
		if id, ok := strings.CutPrefix(line, "## "); ok {
			flush()
			m, after := readMeta(rest[i+1:])
			cur = &Section{ID: strings.TrimSpace(id), Meta: m}
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

// readPage reads a page file (framing.md, checkpoints.md) and checks it
// has the sections it must, in order.
func readPage(fsys fs.FS, name string, want []string) (Doc, error) {
	d, err := Read(fsys, name)
	if err != nil {
		return Doc{}, err
	}
	if d.Meta["Short"] == "" || d.Intro == "" {
		return d, fmt.Errorf("needs a \"Short:\" label and an introduction")
	}
	if len(d.Sections) != len(want) {
		return d, fmt.Errorf("has %d sections, want %d: %v", len(d.Sections), len(want), want)
	}
	for i, s := range d.Sections {
		if s.ID != want[i] {
			return d, fmt.Errorf("section %d is %q, want %q", i+1, s.ID, want[i])
		}
		if s.Meta["Title"] == "" || s.Body == "" {
			return d, fmt.Errorf("section %q needs a \"Title:\" and text", s.ID)
		}
	}
	return d, nil
}

func checkpointIDs() []string {
	ids := make([]string, len(onboarding.Checkpoints))
	for i, c := range onboarding.Checkpoints {
		ids[i] = c.ID
	}
	return ids
}
