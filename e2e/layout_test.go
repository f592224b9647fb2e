//go:build browser

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// Every page, filled with the example, at a phone's width and a laptop's:
// nothing sticks out sideways, every field has a label, and a screenshot
// is kept when COUNTERPART_ARTIFACTS names a directory. Each width and
// each half of the pages is a part of its own, run side by side: each page
// is a load of the app.
func TestLayoutAtPhoneAndLaptopWidths(t *testing.T) {
	t.Parallel()
	pages := [][][2]string{{
		{"home", "/"},
		{"new", "/new"},
		{"about", "/about"},
		{"before", "/before?id=" + exampleID},
		{"data", "/guide/data?id=" + exampleID},
		{"problems", "/guide/problems?id=" + exampleID},
		{"team", "/guide/team?id=" + exampleID},
	}, {
		{"processes", "/guide/processes?id=" + exampleID},
		{"roles", "/guide/roles?id=" + exampleID},
		{"blank", "/worksheet?id=" + exampleID + "&variant=blank"},
		{"filled", "/worksheet?id=" + exampleID + "&variant=filled"},
		{"meetings", "/meetings?id=" + exampleID},
		{"document", "/document?id=" + exampleID},
	}}
	for _, width := range []int64{390, 1280} {
		for _, part := range pages {
			t.Run(strconv.FormatInt(width, 10)+"px, "+part[0][0]+" to "+part[len(part)-1][0], func(t *testing.T) {
				t.Parallel()
				srv, b := startApp(t)
				b.openExample(srv.URL + "/")
				b.do(chromedp.EmulateViewport(width, 900))
				for _, page := range part {
					name, path := page[0], page[1]
					b.open(srv.URL + path)
					// Open every entry for editing too, so the fields are checked.
					b.editEverything()
					if wide := eval[[]string](b, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length).slice(0, 5).map(e => e.tagName + "." + e.className)`); len(wide) > 0 {
						t.Errorf("%s at %dpx: wider than the screen: %v", name, width, wide)
					}
					if bare := eval[[]string](b, `Array.from(document.querySelectorAll("input, textarea, select")).filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label")).map(e => e.id || e.name || e.outerHTML.slice(0, 60))`); len(bare) > 0 {
						t.Errorf("%s: fields without a label: %v", name, bare)
					}
					b.keep(name + "-" + strconv.FormatInt(width, 10))
				}
				b.expectNoProblems("the pages at " + strconv.FormatInt(width, 10) + "px")
			})
		}
	}
}
