//go:build !wasm

package guide

import (
	"os"
	"strings"
	"testing"

	"counterpart/app/guide/internal/source"
	"counterpart/app/markdown"
	"counterpart/app/onboarding"
	"counterpart/content"
)

// The guide the app shows is today's content/: content_gen.go is what go
// generate writes from it now.
func TestGeneratedGuideIsCurrent(t *testing.T) {
	want, err := source.Generate(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(source.GeneratedFile)
	if err != nil || string(got) != string(want) {
		t.Fatalf("app/guide/%s is out of date with content/: run `go generate ./app/guide` (or make content) and commit it", source.GeneratedFile)
	}
}

// Every piece of the guide's text is its Markdown rendered by goldmark,
// and is known as the guide's own; text a person typed is not, even the
// same HTML with a byte changed.
func TestGuideTextIsRenderedAndKnown(t *testing.T) {
	c, err := source.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	check := func(where, html, md string) {
		t.Helper()
		if html != markdown.Render(md) {
			t.Errorf("%s is not its Markdown rendered", where)
		}
		if got, ok := HTML(html); !ok || got != html {
			t.Errorf("%s is not known as the guide's", where)
		}
		forged := strings.Replace(html, `<div class="md">`, `<div class="md" onclick="x">`, 1)
		if _, ok := HTML(forged); ok {
			t.Errorf("%s, changed, still passes as the guide's", where)
		}
	}
	for i, st := range Stages() {
		src := c.Stages[i]
		check(string(st.ID), st.Guidance, src.Intro)
		for j, p := range st.Prompts {
			check(string(st.ID)+"/"+p.ID, p.Help, src.Sections[j].Body)
			for _, f := range onboarding.Functions {
				html, _ := ExampleFor(f, p.ID)
				ex, ok := c.Examples[string(f)]
				if !ok {
					ex = c.Examples["general"]
				}
				for _, s := range ex.Sections {
					if s.ID == p.ID {
						check(string(f)+" example of "+p.ID, html, s.Body)
					}
				}
			}
		}
	}
	for _, p := range []struct {
		page Page
		src  source.Doc
	}{{Framing(), c.Framing}, {CheckpointGuide(), c.Checkpoints}} {
		check(p.src.Name, p.page.Intro, p.src.Intro)
		for i, s := range p.page.Sections {
			check(p.src.Name+"#"+s.ID, s.Body, p.src.Sections[i].Body)
		}
	}
	if _, ok := HTML("Something a person typed."); ok {
		t.Error("typed text passes as the guide's")
	}
}
