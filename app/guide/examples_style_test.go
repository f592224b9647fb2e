package guide

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"counterpart/app/guide/internal/source"
	"counterpart/content"
)

// exampleFiles are the per-function examples and the example onboarding,
// by file name.
func exampleFiles(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	names, _ := fs.Glob(content.FS, "examples/*.md")
	for _, name := range append(names, "example.json") {
		b, err := fs.ReadFile(content.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		out[path.Base(name)] = string(b)
	}
	if len(out) < 10 {
		t.Fatalf("only %d example files", len(out))
	}
	return out
}

// pairLine is how each file says which pair its ownership answers are
// written for.
var pairLine = regexp.MustCompile(`(?m)^Areas between .+, as (a|any) new .+ might mark them with (the .+|their buddy) as buddy:$|^Areas between .+ might mark them with their buddy:$`)

// Every per-function file says which pair its role examples are for, right
// under the ownership heading, since "mine" and "yours" mean nothing
// without it.
func TestEveryExampleNamesItsPair(t *testing.T) {
	for name, text := range exampleFiles(t) {
		if name == "example.json" {
			continue
		}
		_, after, ok := strings.Cut(text, "## ownership\n")
		first, _, _ := strings.Cut(after, "\n")
		if !ok || !pairLine.MatchString(first) {
			t.Errorf("examples/%s: the ownership section does not start with its pair line (\"Areas between ... as buddy:\"), it starts %q", name, first)
		}
	}
}

// Stock details copied from file to file make every company sound the
// same: no run of seven words, outside the pair lines, may appear in three
// or more of the example files.
func TestExamplesDoNotShareStockDetails(t *testing.T) {
	where := map[string]map[string]bool{}
	for name, text := range exampleFiles(t) {
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "Areas between ") {
				continue
			}
			w := words(line)
			for i := 0; i+7 <= len(w); i++ {
				run := strings.Join(w[i:i+7], " ")
				if where[run] == nil {
					where[run] = map[string]bool{}
				}
				where[run][name] = true
			}
		}
	}
	var repeated []string
	for run, files := range where {
		if len(files) >= 3 {
			var names []string
			for f := range files {
				names = append(names, f)
			}
			sort.Strings(names)
			repeated = append(repeated, "“"+run+"” in "+strings.Join(names, ", "))
		}
	}
	sort.Strings(repeated)
	for _, r := range repeated {
		t.Error(r)
	}
}

// The guide is written in British English, as the rest of the product is.
var usSpelling = regexp.MustCompile(`(?i)\b(behavior\w*|favorite\w*|color\w*|labor\b|honor\w*|neighbor\w*|humor\w*|program|programs|labeled|labeling|canceled|canceling|traveled|traveling|modeled|modeling|judgment|afterward|toward|catalog|center|centers|fulfill|enroll|license[ds]?|analyz\w*|\w+iz(e|es|ed|ing|ation|ations))\b`)

// allowedZ are words that end in -ize in British English too.
var allowedZ = map[string]bool{"size": true, "sizes": true, "sized": true, "prize": true, "prizes": true, "seize": true, "seized": true, "capsize": true}

func TestBritishSpelling(t *testing.T) {
	names, _ := fs.Glob(content.FS, "*/*.md")
	more, _ := fs.Glob(content.FS, "*.md")
	for _, name := range append(append(names, more...), "example.json") {
		b, _ := fs.ReadFile(content.FS, name)
		for _, m := range usSpelling.FindAllString(string(b), -1) {
			if !allowedZ[strings.ToLower(m)] {
				t.Errorf("content/%s: %q is US spelling", name, m)
			}
		}
	}
	if !usSpelling.MatchString("We organized the program afterward.") {
		t.Error("the spelling check misses US spelling")
	}
}

// exampleSections reads each per-function example file into its
// sections, by prompt ID.
func exampleSections(t *testing.T) map[string]source.Doc {
	t.Helper()
	out := map[string]source.Doc{}
	names, _ := fs.Glob(content.FS, "examples/*.md")
	for _, name := range names {
		d, err := source.Read(content.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		out[path.Base(name)] = d
	}
	return out
}

func sectionText(d source.Doc, id string) string {
	for _, s := range d.Sections {
		if s.ID == id {
			return s.Body
		}
	}
	return ""
}

// Each example is written by the two people of its pair line: the buddy
// answers the buddy's prompts, the newcomer theirs, and the working
// agreements are "we". So the buddy never names their own role in their
// prompts or in the shared ones ("fix it with the head of Sales", when
// the head of Sales is writing), and the newcomer never names theirs in
// their own. The newcomer's prompts may name the buddy's role: that is
// how they address their peer ("what I expect of the CTO").
var (
	buddyRole     = regexp.MustCompile(`with the (.+) as buddy:`)
	buddyVoice    = []string{"sources", "problems", "budget", "working", "team", "people", "processes", "surprises"}
	newcomerVoice = []string{"checked", "ownership", "expectations"}
	sharedVoice   = []string{"disagreement", "escalation", "cadence"}
)

func selfNamed(role, text string) bool {
	return regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(role) + `\b`).MatchString(text)
}

func TestNobodyNamesTheirOwnRole(t *testing.T) {
	for name, d := range exampleSections(t) {
		pair := buddyRole.FindStringSubmatch(sectionText(d, "ownership"))
		if pair == nil {
			continue // the general example names no roles
		}
		newcomer := strings.TrimPrefix(d.Meta["Who"], "a new ")
		for _, id := range append(append(append([]string{}, buddyVoice...), sharedVoice...), newcomerVoice...) {
			text := sectionText(d, id)
			if id == "ownership" {
				_, text, _ = strings.Cut(text, "\n")
			}
			if !slices.Contains(newcomerVoice, id) && selfNamed(pair[1], text) {
				t.Errorf("examples/%s, %s: the buddy, the %s, names their own role", name, id, pair[1])
			}
			if !slices.Contains(buddyVoice, id) && selfNamed(newcomer, text) {
				t.Errorf("examples/%s, %s: the newcomer, the %s, names their own role", name, id, newcomer)
			}
		}
	}
	if !selfNamed("head of Sales", "Fix it with the head of sales, not by decree.") || selfNamed("CTO", "the CTOs' forum") {
		t.Error("the role check misreads a role named in the third person")
	}
}

// fraction is a figure like "11 of 26": the same one in two files makes
// two companies sound like one.
var fraction = regexp.MustCompile(`\b(\d+) of (?:our |the |its |their )?(\d+)\b`)

func TestFiguresBelongToOneExample(t *testing.T) {
	where := map[string][]string{}
	for name, text := range exampleFiles(t) {
		seen := map[string]bool{}
		for _, m := range fraction.FindAllStringSubmatch(text, -1) {
			f := m[1] + " of " + m[2]
			if !seen[f] {
				seen[f] = true
				where[f] = append(where[f], name)
			}
		}
	}
	for f, files := range where {
		if len(files) > 1 {
			sort.Strings(files)
			t.Errorf("%q appears in %s: give each company its own numbers", f, strings.Join(files, ", "))
		}
	}
}

// shape is how a section is laid out: "numbered 4", "bullets 3", "prose".
func shape(body string) string {
	numbered, bullets := 0, 0
	for _, line := range strings.Split(body, "\n") {
		switch {
		case regexp.MustCompile(`^\d+\. `).MatchString(line):
			numbered++
		case strings.HasPrefix(line, "- "):
			bullets++
		}
	}
	switch {
	case numbered > 0:
		return "numbered " + strconv.Itoa(numbered)
	case bullets > 0:
		return "bullets " + strconv.Itoa(bullets)
	}
	return "prose"
}

// Every example once escalated in the same four steps and read the team
// as one underperformer with a hit rate and a line saying they must hear
// it: a reader who opens two functions sees a template, not a company.
var (
	plainTalk = regexp.MustCompile(`(?i)needs? to hear|plainly|frank conversation|name it early|be honest with`)
	hitRate   = regexp.MustCompile(`(?i)\b\w+ of (?:its|her|his|their) (?:last )?\w+\b|\d+%`)
)

func TestExamplesVaryInShape(t *testing.T) {
	sections := exampleSections(t)
	shapes := map[string][]string{}
	var plain, rated []string
	for name, d := range sections {
		s := shape(sectionText(d, "escalation"))
		shapes[s] = append(shapes[s], name)
		team := sectionText(d, "team")
		if plainTalk.MatchString(team) {
			plain = append(plain, name)
		}
		if hitRate.MatchString(team) {
			rated = append(rated, name)
		}
	}
	if len(shapes) < 3 {
		t.Errorf("the escalation paths come in %d shapes: %v", len(shapes), shapes)
	}
	for s, files := range shapes {
		if len(files) > len(sections)*3/10 {
			sort.Strings(files)
			t.Errorf("%d of %d escalation paths are %s: %s", len(files), len(sections), s, strings.Join(files, ", "))
		}
	}
	if len(plain) > 1 {
		sort.Strings(plain)
		t.Errorf("team reads that say someone must hear it plainly: %s", strings.Join(plain, ", "))
	}
	if len(rated) > len(sections)/2 {
		sort.Strings(rated)
		t.Errorf("%d of %d team reads put a rate on someone's shortfall: %s", len(rated), len(sections), strings.Join(rated, ", "))
	}
	if shape("1. a\n2. b") != "numbered 2" || shape("- a") != "bullets 1" || shape("We talk.") != "prose" {
		t.Error("shape misreads a section")
	}
}

// Within each example, a count keeps its total and a person their
// history, as in the example onboarding (example_slips_test.go).
func TestExamplesKeepTheirFacts(t *testing.T) {
	lead := regexp.MustCompile(`^- \*\*([^,*]+)`)
	for name, d := range exampleSections(t) {
		var texts []string
		for _, s := range d.Sections {
			texts = append(texts, s.Body)
		}
		for _, p := range checkTotals(texts) {
			t.Errorf("examples/%s: %s", name, p)
		}
		people := map[string][]string{}
		for _, id := range []string{"team", "people"} {
			for _, line := range strings.Split(sectionText(d, id), "\n") {
				m := lead.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				person := strings.TrimSpace(m[1])
				people[person] = append(people[person], line)
				first, _, _ := strings.Cut(person, " ")
				re := regexp.MustCompile(`\b` + regexp.QuoteMeta(first) + `\b`)
				for _, text := range texts {
					for _, s := range sentences(text) {
						if re.MatchString(s) && !strings.Contains(line, s) {
							people[person] = append(people[person], s)
						}
					}
				}
			}
		}
		for _, p := range checkHistories(people, 0) {
			t.Errorf("examples/%s: %s", name, p)
		}
	}
}
