//go:build !wasm

package guide

import (
	"flag"
	"os"
	"strings"
	"testing"

	"counterpart/app/markdown"
	"counterpart/app/onboarding"
	"counterpart/content"
)

var update = flag.Bool("update", false, "write rendered.go again from content/")

// The HTML the browser shows is the HTML of today's content/.
func TestRenderedGuide(t *testing.T) {
	want, err := renderAll(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(RenderedFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(RenderedFile)
	if err != nil || string(got) != string(want) {
		t.Fatalf("app/guide/%s is out of date with content/: run `make content` and commit it", RenderedFile)
	}
}

// Every piece of guide text the pages show has its HTML.
func TestEveryGuideTextIsRendered(t *testing.T) {
	check := func(where, md string) {
		t.Helper()
		if strings.TrimSpace(md) == "" {
			return
		}
		html, ok := HTML(md)
		if !ok {
			t.Errorf("%s has no rendered HTML: run `make content`", where)
			return
		}
		if html != markdown.Render(md) {
			t.Errorf("%s: its rendered HTML is not what goldmark makes of it now", where)
		}
	}
	for _, st := range Stages() {
		check(string(st.ID), st.Guidance)
		for _, p := range st.Prompts {
			check(string(st.ID)+"/"+p.ID, p.Help)
			for _, f := range onboarding.Functions {
				ex, _ := ExampleFor(f, p.ID)
				check(string(f)+" example of "+p.ID, ex)
			}
		}
	}
	if _, ok := HTML("Something a person typed."); ok {
		t.Error("typed text found rendered as the guide's")
	}
}
