//go:build browser

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Both sides of the role agreement filled on one device, each blind to
// the other, then compared.
func TestRoleAgreementOnOneDevice(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.newOnboarding(srv.URL + "/")
	b.goToStage("roles")
	rows := eval[[]string](b, `Array.from(document.querySelectorAll("#own-grid fieldset")).map(f => f.dataset.row)`)
	if len(rows) < 8 {
		t.Fatalf("the grid starts with %d areas; the pair's defaults are missing", len(rows))
	}
	area := func(row string) string {
		return b.text(`#own-grid fieldset[data-row="` + row + `"] legend`)
	}
	areas := map[string]string{}
	for _, r := range rows[:5] {
		areas[r] = area(r)
	}

	// Dana, the buddy, answers first.
	for i, a := range []string{"mine", "mine", "yours", "shared", "unsure"} {
		b.answer(rows[i], a)
	}
	b.typeInto(`[id^="expect-mine-"]`, "DANA-SECRET: I own the architecture.")
	b.typeInto(`[id^="expect-yours-"]`, "I expect Priya to own the forecast.")
	b.waitSaved("DANA-SECRET: I own the architecture.", "I expect Priya to own the forecast.")
	b.click("#finish-written")
	b.waitFor("Dana's expectations sealed", `!!document.getElementById("written")`)

	// A confirmation asked of Dana does not carry over to Priya.
	b.click("#finish-side")
	b.waitText("have no answer from you")
	b.click(`.writer .check:nth-of-type(2) label`)
	b.waitFor("Priya's turn", `document.querySelector(".blind-note").innerText.startsWith("Priya")`)
	if strings.Contains(b.pageText(), "have no answer from you") {
		t.Error("Dana's pending confirmation shows on Priya's turn")
	}
	b.click(`.writer .check:nth-of-type(1) label`)
	b.waitFor("Dana's turn again", `document.querySelector(".blind-note").innerText.startsWith("Dana")`)
	b.finishSide() // some areas are left open on purpose
	b.waitFor("Dana's side sealed", `!!document.getElementById("sealed")`)

	// Priya takes the keyboard: nothing of Dana's side is on the screen.
	b.click(`.writer .check:nth-of-type(2) label`)
	b.waitFor("Priya's grid", `document.querySelector(".blind-note").innerText.startsWith("Priya") && !!document.getElementById("own-grid")`)
	if n := b.count("#own-grid input:checked"); n != 0 {
		t.Errorf("Priya sees %d answers before answering: Dana's side leaked", n)
	}
	if strings.Contains(b.pageText(), "DANA-SECRET") || strings.Contains(eval[string](b, `document.body.innerHTML`), "DANA-SECRET") {
		t.Error("Dana's expectations are in the page while Priya writes blind")
	}
	if !strings.Contains(b.pageText(), "Dana Okafor has finished their side") {
		t.Error("Priya is not told that Dana has finished")
	}
	for i, a := range []string{"yours", "mine", "yours", "mine", "mine"} {
		b.answer(rows[i], a)
	}
	b.typeInto(`[id^="expect-mine-"]`, "PRIYA: I own cash and the plan.")
	b.waitSaved("PRIYA: I own cash and the plan.")
	b.click("#finish-written")
	b.waitText("One of the two boxes is empty") // Priya leaves one empty on purpose
	b.click("#finish-written")
	b.finishSide()

	// Both are in: the comparison.
	b.waitFor("the comparison", `!!document.getElementById("comparison")`)
	want := []string{"Agreed", "Both claim it", "Neither claims it", "Seen differently", "Unsure"}
	for i, v := range want {
		got := b.text(`tr[data-row="` + rows[i] + `"] .verdict`)
		if got != v {
			t.Errorf("%s: verdict %q, want %q", areas[rows[i]], got, v)
		}
	}
	counts := b.text("#verdict-counts")
	for _, c := range []string{"1 both claim it", "1 neither claims it", "1 seen differently", "1 unsure", "1 agreed"} {
		if !strings.Contains(counts, c) {
			t.Errorf("the counts %q lack %q", counts, c)
		}
	}
	if first := b.text(".compare tbody tr:first-child .verdict"); first != "Both claim it" {
		t.Errorf("the first row is %q; conflicts should come first", first)
	}
	containsAll(t, "the expectations", b.text("#expectations-both"), "DANA-SECRET: I own the architecture.", "PRIYA: I own cash and the plan.")

	b.click(`tr[data-row="` + rows[1] + `"] button`)
	b.waitFor("the agenda", `!!document.getElementById("agenda")`)
	containsAll(t, "the agenda", b.text("#agenda"), "Who owns "+areas[rows[1]]+"?")
	b.reload()
	if got := b.text(`tr[data-row="` + rows[1] + `"]`); !strings.Contains(got, "On the next 1:1 agenda") {
		t.Errorf("after a reload the row says %q", got)
	}
	b.expectNoProblems("role agreement")
}

// The blind rule holds on the page too: a filled worksheet is refused
// while a side is open.
func TestFilledWorksheetWaitsForBothSides(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	id := b.newOnboarding(srv.URL + "/")
	b.open(srv.URL + "/worksheet?id=" + id + "&variant=filled")
	b.waitFor("the explanation", `!!document.getElementById("sheet-problem")`)
	if got := b.text("#sheet-problem"); !strings.Contains(got, "once both of you have finished") {
		t.Errorf("the filled worksheet of an open agreement says %q", got)
	}
	b.expectNoProblems("early filled worksheet")
}

// Print each worksheet to PDF at A4 and Letter, as the browser's print
// dialog would, and read what is on the pages. Each worksheet is a part
// of its own, run side by side: printing is most of the time.
func TestWorksheetsPrint(t *testing.T) {
	t.Parallel()
	ex := theExample(t)
	common := []string{"role definition worksheet", strings.ToLower(ex.Buddy.Name), strings.ToLower(ex.Newcomer.Name), "who owns what", strings.ToLower(ex.Roles.Rows[0].Area)}
	chrome := []string{"your answers stay in this browser", "onboardings", "← back", "print"}
	cases := []struct {
		name, path string
		want       []string
	}{
		{"blank", "/worksheet?id=" + exampleID + "&variant=blank", append([]string{"mine", "yours", "shared", "unsure", "what i expect of my role", "when we disagree in front of others", "when we cannot agree, we escalate"}, common...)},
		{"filled", "/worksheet?id=" + exampleID + "&variant=filled", append([]string{"both claim it", "agreed in a 1:1: shared", "agreed", "of their own role", "escalation", "weekly 1:1 on " + ex.Roles.Cadence.Day + "s"}, common...)},
		{"bookmark", "/worksheet?a=sales&b=legal", []string{"role definition worksheet", "sales and legal", "contract terms for enterprise deals", "person a", "person b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv, b := startApp(t)
			b.openExample(srv.URL + "/")
			b.open(srv.URL + c.path)
			b.waitFor("the sheet", `!!document.getElementById("sheet")`)
			for _, paper := range []struct {
				name string
				size chromedp.PaperSize
			}{{"a4", chromedp.PaperA4}, {"letter", chromedp.PaperLetter}} {
				pages, text := readPDF(t, b.printPDF(c.name+"-"+paper.name, chromedp.PDFPaper(paper.size), chromedp.PDFPrintBackground()))
				if pages < 1 || pages > 2 {
					t.Errorf("%s on %s: %d pages, want at most 2", c.name, paper.name, pages)
				}
				text = strings.ToLower(strings.Join(strings.Fields(text), " "))
				for _, w := range c.want {
					if !strings.Contains(text, w) {
						t.Errorf("%s on %s: the PDF lacks %q", c.name, paper.name, w)
					}
				}
				for _, w := range chrome {
					if strings.Contains(text, w) {
						t.Errorf("%s on %s: the app's own %q is printed", c.name, paper.name, w)
					}
				}
			}
			if c.name == cases[0].name {
				// The Print button opens the browser's print dialog.
				eval[bool](b, `(window.print = () => { window.__printed = true }, true)`)
				b.click("#print")
				b.waitFor("the print dialog", `window.__printed === true`)
			}
			b.expectNoProblems("printing")
		})
	}
}
