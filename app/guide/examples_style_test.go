package guide

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

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
