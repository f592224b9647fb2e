//go:build browser

package e2e

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
)

// Tags that end a block of text, and any tag.
var (
	blockTag = regexp.MustCompile(`</?(p|li|ul|ol|div|h[1-6]|br|blockquote|pre)\b[^>]*>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
)

// plainText is what a piece of the guide's HTML reads as on the page:
// its text without tags, entities decoded, spaces collapsed.
func plainText(h string) string {
	text := html.UnescapeString(anyTag.ReplaceAllString(blockTag.ReplaceAllString(h, " "), ""))
	return strings.Join(strings.Fields(text), " ")
}

// The guide's text, written as Go when the app is built, shows on the
// pages as formatted text: every stage's guidance, each prompt's help and
// the worked example for the newcomer's function (Finance here), and the
// page before stage one.
func TestTheGuideShowsOnEveryStage(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.newOnboarding(srv.URL + "/")
	shown := func(css string) string {
		b.t.Helper()
		return eval[string](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; })()`, css))
	}
	for _, st := range guide.Stages() {
		b.goToStage(string(st.ID))
		if got, want := shown(".guidance .md"), plainText(st.Guidance); got != want {
			t.Errorf("%s: the guidance reads\n%q\nwant\n%q", st.ID, got, want)
		}
		if n := b.count(".guidance .md p"); n < 2 {
			t.Errorf("%s: the guidance shows %d paragraphs: it is not formatted", st.ID, n)
		}
		for _, p := range st.Prompts {
			if got, want := shown("#prompt-"+p.ID+" .help .md"), plainText(p.Help); got != want {
				t.Errorf("%s/%s: the help reads %q, want %q", st.ID, p.ID, got, want)
			}
			example, who := guide.ExampleFor(onboarding.Finance, p.ID)
			if got, want := shown("#prompt-"+p.ID+" details.example .md"), plainText(example); got != want {
				t.Errorf("%s/%s: the example reads %q, want %q", st.ID, p.ID, got, want)
			}
			if got := shown("#prompt-" + p.ID + " details.example summary"); got != "Example for "+who {
				t.Errorf("%s/%s: the example is titled %q, want it for %s", st.ID, p.ID, got, who)
			}
		}
	}
	if n := b.count("details.example .md strong, details.example .md li"); n == 0 {
		t.Error("no example shows any formatting")
	}

	b.open(srv.URL + "/before")
	b.waitFor("the page before stage one", `!!document.getElementById("point-newcomer")`)
	f := guide.Framing()
	for _, s := range f.Sections {
		if got, want := shown("#point-"+s.ID+" .md"), plainText(s.Body); got != want {
			t.Errorf("the point %s reads %q, want %q", s.ID, got, want)
		}
	}
	b.expectNoProblems("reading the guide")
}
