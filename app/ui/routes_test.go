package ui

import (
	"net/url"
	"testing"

	"counterpart/app/onboarding"
)

func TestLinksEscapeWhatTheyCarry(t *testing.T) {
	id := "a&b=c #d/e?f"
	for name, got := range map[string]string{
		"stage":     stageLink(onboarding.StageRoles, id),
		"meetings":  meetingsLink(id),
		"document":  documentLink(id),
		"share":     shareLink(id),
		"worksheet": worksheetLink(id, "filled"),
	} {
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("%s: %q is not a URL: %v", name, got, err)
		}
		if u.Fragment != "" || u.Query().Get("id") != id || len(u.Query()["id"]) != 1 {
			t.Errorf("%s link %q does not carry the ID %q intact: query %v, fragment %q", name, got, id, u.Query(), u.Fragment)
		}
	}
	if u, _ := url.Parse(worksheetLink(id, "filled")); u.Query().Get("variant") != "filled" {
		t.Errorf("the worksheet link lost its variant: %s", u)
	}
}

func TestLinksUnderASubPath(t *testing.T) {
	t.Setenv("GOAPP_ROOT_PREFIX", "/counterpart")
	for got, want := range map[string]string{
		link(homePath):         "/counterpart/",
		link(aboutPath):        "/counterpart/about",
		meetingsLink("x"):      "/counterpart/meetings?id=x",
		link(openPath):         "/counterpart" + openPath,
		stageLink("data", "1"): "/counterpart/guide/data?id=1",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestEveryPageHasItsOwnPath(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Pages() {
		if seen[p.Path] {
			t.Errorf("two pages claim %s", p.Path)
		}
		seen[p.Path] = true
		if p.New() == nil {
			t.Errorf("%s makes no component", p.Path)
		}
	}
	for _, s := range onboarding.Stages {
		if !seen[stagePath(s)] {
			t.Errorf("no page for the stage %s", s)
		}
	}
}
