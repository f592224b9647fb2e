//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"counterpart/app/guide"
	"counterpart/app/share"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeRules are the rule sets every page must pass: WCAG 2.0, 2.1 and 2.2
// at levels A and AA, and axe's own best practices.
var axeRules = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"}

var (
	axeOnce   sync.Once
	axeScript string
	axeErr    error
)

// axeSource is axe-core's script, at the version e2e/package-lock.json
// pins; `make test` installs it with npm ci.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(filepath.Join(repoRoot, "e2e", "node_modules", "axe-core", "axe.min.js"))
		axeScript = string(b)
	})
	if axeErr != nil {
		t.Fatalf("the accessibility checks need axe-core: run `make test`, which installs it with npm (%v)", axeErr)
	}
	return axeScript
}

// axeViolation is the part of axe's report a person needs to fix a page.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s): %s, on %d element(s)", v.ID, v.Impact, v.Help, len(v.Nodes))
	for i, n := range v.Nodes {
		if i == 3 {
			s.WriteString("\n    …")
			break
		}
		fmt.Fprintf(&s, "\n    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return s.String()
}

// axe runs axe-core on the page as it is now, with axeRules or only the
// rules named. It is injected over the DevTools protocol: the page itself
// never loads it, so the app's own origin is still the only one it talks
// to.
func (b *browser) axe(rules ...string) []axeViolation {
	b.t.Helper()
	src := axeSource(b.t)
	run(b, "loading axe-core into the page", chromedp.Evaluate[bool](`typeof axe !== "undefined" || (()=>{`+src+`; return true})()`))
	only := map[string]any{"type": "tag", "values": axeRules}
	if len(rules) > 0 {
		only = map[string]any{"type": "rule", "values": rules}
	}
	options, _ := json.Marshal(map[string]any{"runOnly": only, "resultTypes": []string{"violations"}})
	out := run(b, "running axe-core", chromedp.Evaluate[string](`axe.run(document, `+string(options)+`).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		b.t.Fatalf("reading axe-core's report: %v", err)
	}
	return vs
}

// emulate sets the width of the window, the colour scheme the system asks
// for ("light" or "dark") and the medium ("print", or "" for the screen),
// as a person's phone, laptop or printer would.
func (b *browser) emulate(width int64, scheme, media string) {
	b.t.Helper()
	b.do(chromedp.EmulateViewport(width, 900))
	b.emulateMedia(media, "prefers-color-scheme", scheme)
}

// emulateMedia sets the medium and the media features (pairs of name and
// value) the page sees; the ones not named go back to the system's.
func (b *browser) emulateMedia(media string, features ...string) {
	b.t.Helper()
	var fs []*emulation.MediaFeature
	for i := 0; i+1 < len(features); i += 2 {
		fs = append(fs, &emulation.MediaFeature{Name: features[i], Value: features[i+1]})
	}
	cdpDo(b, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media, Features: fs})
}

// axeState is one page in one state a person meets it in.
type axeState struct {
	Name string
	Path string // with the query; "" for a state that setUp reaches
	// setUp brings the page to this state, after it has loaded.
	setUp func(b *browser)
}

// appPages are the paths of every page the app routes, as the server
// lists them (the tests cannot import the ui package, which is go-app's).
func appPages(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command(serverBin, "-pages").Output()
	if err != nil {
		t.Fatalf("%s -pages: %v", serverBin, err)
	}
	pages := strings.Fields(string(out))
	if len(pages) < 5 {
		t.Fatalf("the server lists only %d pages: %q", len(pages), out)
	}
	return pages
}

// axeStates lists every page of the app, from the routes themselves, in
// the states a person meets: each with the example's ID (pages that need
// none ignore it), and as many more states as a page has. A page added to
// the routes is checked without anyone adding it here.
func axeStates(t *testing.T) []axeState {
	more := map[string][]axeState{
		"/": {
			{Name: "home"},
		},
		"/new": {
			{Name: "new"},
			{Name: "new, after a wrong start", setUp: func(b *browser) {
				b.click("#start")
				b.waitFor("the error summary", `!!document.getElementById("form-errors")`)
			}},
		},
		"/worksheet": {
			{Name: "worksheet, blank", Path: "/worksheet?id=" + guide.ExampleID + "&variant=blank"},
			{Name: "worksheet, filled", Path: "/worksheet?id=" + guide.ExampleID + "&variant=filled"},
			{Name: "worksheet, bookmark", Path: "/worksheet?a=sales&b=legal"},
		},
		share.OpenPath: {
			{Name: "open"},
			{Name: "open, a link this device has", Path: "/share?id=" + guide.ExampleID, setUp: func(b *browser) {
				b.waitFor("the link", `!!document.getElementById("share-link") && document.getElementById("share-link").value.length > 0`)
				b.open(b.value("#share-link"))
				b.waitFor("the preview", `!!document.getElementById("preview")`)
			}},
		},
	}
	var states []axeState
	for _, path := range appPages(t) {
		list, ok := more[path]
		delete(more, path)
		if !ok {
			list = []axeState{{Name: strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", " ")}}
		}
		for _, s := range list {
			if s.Path == "" {
				s.Path = path + "?id=" + guide.ExampleID
			}
			states = append(states, s)
		}
	}
	for path := range more {
		t.Errorf("the accessibility checks name %s, which is no longer a page", path)
	}
	return append(states, axeState{Name: "not found", Path: "/no-such-page"})
}

// axeGroups is how many browsers check the pages' states side by side,
// each its part of them in a profile of its own with the example: one
// browser through all of them took as long as the rest of the tests.
const axeGroups = 4

// Every page and state of the example, at a laptop's width and a phone's,
// in the light and the dark scheme, and printed, passes axe-core's WCAG 2.2
// AA and best-practice rules. Entries that can be edited are checked open
// for editing too.
func TestEveryPagePassesAxe(t *testing.T) {
	t.Parallel()
	states := axeStates(t)
	per := (len(states) + axeGroups - 1) / axeGroups
	for from := 0; from < len(states); from += per {
		part := states[from:min(from+per, len(states))]
		t.Run(part[0].Name+" to "+part[len(part)-1].Name, func(t *testing.T) {
			t.Parallel()
			srv, b := startApp(t)
			b.openExample(srv.URL + "/")
			for _, s := range part {
				b.open(srv.URL + s.Path)
				if s.setUp != nil {
					s.setUp(b)
				}
				b.checkAxe(s.Name)
				if b.editEverything() {
					b.checkAxe(s.Name + ", editing")
				}
			}
			b.expectNoProblems("the pages through axe-core")
		})
	}

	// The home page before there is anything on it, and a link arriving
	// on a device that has never seen the onboarding, which asks who you
	// are.
	t.Run("before the example, and on another device", func(t *testing.T) {
		t.Parallel()
		srv, b := startApp(t)
		b.open(srv.URL + "/")
		b.checkAxe("home, with no onboarding yet")
		b.openExample(srv.URL + "/")
		b.open(srv.URL + "/share?id=" + guide.ExampleID)
		b.waitFor("the link", `!!document.getElementById("share-link") && document.getElementById("share-link").value.length > 0`)
		link := b.value("#share-link")
		other := b.otherDevice(t)
		other.open(link)
		other.waitFor("the question", `!!document.getElementById("who-am-i")`)
		other.checkAxe("open, a link new to this device")
		other.click("#me-newcomer")
		other.waitFor("the save button", `!document.getElementById("save-incoming").disabled`)
		other.checkAxe("open, a link new to this device, person chosen")
		b.expectNoProblems("the home page through axe-core")
		other.expectNoProblems("the other device through axe-core")
	})
}

// checkAxe runs axe-core on the page as it is, at a laptop's width and a
// phone's, in the light and the dark scheme; and a page made for printing
// (it has a Print button) is checked printed too, with the dark scheme
// asked for: paper stays light, and its contrast is checked on paper.
func (b *browser) checkAxe(what string) {
	b.t.Helper()
	for _, width := range []int64{1280, 390} {
		for _, scheme := range []string{"light", "dark"} {
			b.emulate(width, scheme, "")
			b.expectScheme(what, scheme)
			b.keep(strings.NewReplacer(" ", "-", ",", "").Replace(fmt.Sprintf("axe-%s-%d-%s", what, width, scheme)))
			for _, v := range b.axe() {
				b.t.Errorf("%s at %dpx, %s scheme: %s", what, width, scheme, v)
			}
		}
	}
	b.emulate(1280, "light", "")
	if !eval[bool](b, `!!document.querySelector("#print, #print-document")`) {
		return
	}
	b.emulate(1280, "dark", "print")
	for _, v := range b.axe("color-contrast") {
		b.t.Errorf("%s, printed: %s", what, v)
	}
	b.emulate(1280, "light", "")
}

// expectScheme fails the test unless the page shows the scheme: a dark
// background and light headings in the dark one, the other way round in
// the light one. Without it, a page that never turned dark would pass
// axe-core twice over.
func (b *browser) expectScheme(what, scheme string) {
	b.t.Helper()
	got := eval[[]float64](b, `(() => {
		const lum = c => { const [r, g, b] = (c.match(/[\d.]+/g) || []).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
		const h = document.querySelector("main h1");
		return [lum(getComputedStyle(document.body).backgroundColor), h ? lum(getComputedStyle(h).color) : -1];
	})()`)
	if dark := scheme == "dark"; got[1] < 0 || dark != (got[0] < 0.05) || dark != (got[1] > 0.4) {
		b.t.Errorf("%s in the %s scheme: the background's luminance is %.2f, the heading's %.2f", what, scheme, got[0], got[1])
	}
}
