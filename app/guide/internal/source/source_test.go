//go:build !wasm

package source

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A writer sees every problem of the content in one run, each with its
// file.
func TestLoadReportsBadFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"stages/1-nope.md":      {Data: []byte("# A stage\n\nText.\n")},
		"stages/2-data.md":      {Data: []byte("no title\n")},
		"stages/3-team.md":      {Data: []byte("# Team\nShort: Team\n\nIntro.\n")},
		"examples/finance.md":   {Data: []byte("# Finance\n\n## sources\nText.\n")},
		"examples/chemistry.md": {Data: []byte("# Chemistry\nWho: a chemist\n")},
		"roles/common.md":       {Data: []byte("# Common\n\nNo list here.\n")},
		"framing.md":            {Data: []byte("# Before\nShort: Before\n\nIntro.\n\n## your-job\nTitle: Yours\n\nText.\n")},
		"checkpoints.md":        {Data: []byte("# Checks\nShort: Checks\n\nIntro.\n\n## nobody-knows-me\nTitle: What\n\nText.\n")},
	}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("bad content loaded without complaint")
	}
	for _, want := range []string{"1-nope.md", "2-data.md", "3-team.md: \"SessionDay:\"", "finance.md: no \"Who:\"", "chemistry", "common.md: no areas",
		"framing.md: has 1 sections", "checkpoints.md", "example.json"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not mention %s:\n%v", want, err)
		}
	}
	if _, err := Generate(fsys); err == nil {
		t.Error("bad content generated Go")
	}
}

func TestReadSplitsSections(t *testing.T) {
	fsys := fstest.MapFS{"a.md": {Data: []byte("# Title\nShort: Tiny\n\nIntro line.\n\n## first\nTitle: One\nBuddy: Why?\n\nBody *one*.\n\n## second\nBody two.\nKey: not meta, it follows text\n")}}
	d, err := Read(fsys, "a.md")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Title" || d.Meta["Short"] != "Tiny" || d.Intro != "Intro line." {
		t.Errorf("header: %+v", d)
	}
	if len(d.Sections) != 2 || d.Sections[0].ID != "first" || d.Sections[0].Meta["Buddy"] != "Why?" || d.Sections[0].Body != "Body *one*." {
		t.Fatalf("sections: %+v", d.Sections)
	}
	if d.Sections[1].Body != "Body two.\nKey: not meta, it follows text" {
		t.Errorf("second body: %q", d.Sections[1].Body)
	}
}
