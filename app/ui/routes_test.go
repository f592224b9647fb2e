package ui

import (
	"net/url"
	"reflect"
	"testing"

	"counterpart/app/onboarding"
)

func TestLinksEscapeWhatTheyCarry(t *testing.T) {
	t.Parallel()
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
	// Not in parallel: the sub-path is go-app's, read from the
	// environment, which the test sets.
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
	t.Parallel()
	seen := map[string]bool{}
	a := newDevice(t).app
	for _, p := range Pages(a) {
		if seen[p.Path] {
			t.Errorf("two pages claim %s", p.Path)
		}
		seen[p.Path] = true
		page := p.New()
		if page == nil {
			t.Errorf("%s makes no component", p.Path)
			continue
		}
		// Every page reaches the tab's App: the route table hands it over.
		if f := reflect.ValueOf(page).Elem().FieldByName("App"); !f.IsValid() || f.Interface() != a {
			t.Errorf("%s is made without the App it was given", p.Path)
		}
	}
	for _, s := range onboarding.Stages {
		if !seen[stagePath(s)] {
			t.Errorf("no page for the stage %s", s)
		}
	}
}
