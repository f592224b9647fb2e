package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// xssVectors reads testdata/xss.txt: one vector a line, "\n" for a line
// break, "#" for a comment.
func xssVectors(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/xss.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(line, `\n`, "\n"))
	}
	if len(out) < 50 {
		t.Fatalf("the corpus has %d vectors, want at least 50", len(out))
	}
	return out
}

// xssTrap runs before every page: a dialog or a vector's code that ever
// ran leaves its mark in window.__xss instead of blocking the page.
const xssTrap = `for (const f of ["alert", "confirm", "prompt", "print"]) {
	window[f] = (...args) => { window.__xss = f + "(" + args.join(",") + ")"; };
}`

// inertCheck lists, in the page as it is, everything a vector could have
// made live: its mark, elements that run or load something, event handler
// attributes, links and sources to anything but the web and mail.
const inertCheck = `(() => {
	const bad = [];
	if (window.__xss !== undefined) bad.push("a vector ran: " + window.__xss);
	for (const el of document.querySelectorAll("main script, main iframe, main frame, main object, main embed, main svg, main math, main img, main video, main audio, main source, main style, main link, main meta, main base, main template, main marquee, main applet, main isindex, main xss, head base, meta[http-equiv=refresh]")) {
		bad.push("element " + el.outerHTML.slice(0, 80));
	}
	for (const el of document.querySelectorAll("*")) {
		for (const a of el.attributes) {
			const name = a.name.toLowerCase(), value = a.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
			if (name.startsWith("on") || name === "srcdoc" || name === "formaction" || name === "xlink:href") bad.push("attribute " + name + " on " + el.tagName);
			if (/^(javascript|vbscript|data):/.test(value)) bad.push("attribute " + name + "=" + a.value.slice(0, 40) + " on " + el.tagName);
		}
	}
	for (const a of document.querySelectorAll("main a[href]")) {
		if (!["http:", "https:", "mailto:"].includes(a.protocol)) bad.push("link to " + a.href.slice(0, 60));
	}
	return bad;
})()`

// expectInert fails the test for anything live on the page.
func (b *browser) expectInert(where string) {
	b.t.Helper()
	for _, p := range eval[[]string](b, inertCheck) {
		b.t.Errorf("%s: %s", where, p)
	}
}

// fillEveryField opens one entry in every list of the page (and one role
// area), then puts a vector in each text field: every text area gets long,
// each one-line field the next vector of shorts from start. It returns
// how many of shorts it used.
func (b *browser) fillEveryField(shorts []string, start int, long string) int {
	b.t.Helper()
	args, _ := json.Marshal([]any{shorts, start, long})
	return eval[int](b, `(async ([shorts, start, long]) => {
		const sleep = ms => new Promise(r => setTimeout(r, ms));
		let next = start;
		const set = async (el, v) => {
			el.focus();
			el.value = v;
			el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertText"}));
			await sleep(40);
			el.blur();
		};
		const manage = document.getElementById("manage-areas");
		if (manage) {
			manage.click();
			await sleep(150);
			await set(document.getElementById("new-area"), shorts[next++ % shorts.length]);
			document.getElementById("add-area").click();
			await sleep(150);
		}
		for (const button of document.querySelectorAll('main button[id^="add-"]')) {
			if (button.id === "add-area") continue;
			button.click();
			await sleep(150);
		}
		const fields = document.querySelectorAll('main textarea, main input[type="text"], main input[type="url"]');
		for (const el of fields) {
			if (el.id === "new-area") continue;
			await set(el, el.tagName === "TEXTAREA" ? long : shorts[next++ % shorts.length]);
		}
		return next - start;
	})(`+string(args)+`)`)
}

// set types a value into a field in one go, as a paste does.
func (b *browser) set(css, value string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		el.focus();
		el.value = %s;
		el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"}));
		return true;
	})()`, css, jsString(value)))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// xssExports are the ways text leaves the app other than the page. Each
// gets the onboarding full of vectors and the vectors in its names and
// areas, and checks that they arrive as text and nothing in them is live.
// The Markdown document, the rich-text copy, the .ics calendar and the
// share link round trip each add one entry here when they land.
var xssExports = []struct {
	name  string
	check func(t *testing.T, b *browser, base, id string, texts []string)
}{
	{"the printed worksheet", checkPrintedWorksheet},
}

func checkPrintedWorksheet(t *testing.T, b *browser, base, id string, texts []string) {
	b.open(base + "/worksheet?id=" + id + "&variant=blank")
	b.waitFor("the sheet", `!!document.getElementById("sheet")`)
	b.expectInert("the worksheet")
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(artifactDir(t), "xss-worksheet.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	text := squeeze(string(out))
	for _, v := range texts {
		if !strings.Contains(text, squeeze(v)) {
			t.Errorf("the printed worksheet does not show %q as text", v)
		}
	}
}

// xssRounds is how many onboardings the corpus is spread over: each text
// area gets every vector once over the rounds, and the one-line fields
// share the vectors between them.
const xssRounds = 3

// Every known vector, typed into every kind of text field, shows as text
// on every page and in every export: none runs, and none leaves a live
// element, attribute or link behind.
func TestXSSCorpusStaysText(t *testing.T) {
	vectors := xssVectors(t)
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	b.beforeEveryPage(xssTrap)
	home := srv.URL + "/"
	used := 0
	for round := 0; round < xssRounds; round++ {
		var long []string
		for i, v := range vectors {
			if i%xssRounds == round {
				long = append(long, v)
			}
		}
		name := func() string { v := vectors[used%len(vectors)]; used++; return v }

		// The names and roles of the new onboarding form.
		b.open(home + "new")
		b.waitFor("the form", `!!document.getElementById("my-name")`)
		names := []string{name(), name(), name(), name()}
		for i, id := range []string{"#my-name", "#my-role", "#peer-name", "#peer-role"} {
			b.set(id, names[i])
		}
		b.choose("#my-function", "engineering")
		b.choose("#peer-function", "finance")
		b.choose("#start-date", "2026-11-02")
		b.click("#start")
		b.waitFor("the first stage", `location.pathname.endsWith("/guide/data")`)
		id := b.pageID()

		// Every field of every stage.
		for _, stage := range []string{"data", "problems", "team", "processes", "roles"} {
			if stage != "data" {
				b.goToStage(stage)
			}
			used += b.fillEveryField(vectors, used, strings.Join(long, "\n\n"))
			b.expectInert("the " + stage + " stage while editing")
		}

		// Renaming it from the home page.
		b.open(home)
		title := name()
		b.click(`li.onboarding[data-id="` + id + `"] button[aria-label^="Rename"]`)
		b.waitFor("the title field", `!!document.getElementById("rename-`+id+`")`)
		b.set("#rename-"+id, title)
		b.click("#save-title")
		b.waitFor("the new title", `!document.getElementById("rename-`+id+`")`)

		// Every page, as it shows what was saved.
		b.open(home)
		b.expectInert("home")
		item := b.text(`li.onboarding[data-id="` + id + `"]`)
		for _, v := range []string{title, names[0], names[2]} {
			if v = strings.TrimSpace(v); !strings.Contains(item, v) {
				t.Errorf("home shows %q, not the name %q as text", item, v)
			}
		}
		for _, stage := range []string{"data", "problems", "team", "processes", "roles"} {
			b.open(home + "guide/" + stage + "?id=" + id)
			b.waitFor("the stage", `!!document.querySelector(".prompts")`)
			b.expectInert("the " + stage + " stage")
			if round == 0 {
				b.keepScreenshot("xss-" + stage)
			}
		}
		for _, ex := range xssExports {
			ex.check(t, b, srv.URL, id, []string{names[0], names[2]})
		}
	}
	if used < len(vectors) {
		t.Errorf("only %d of %d vectors went through a one-line field", used, len(vectors))
	}
	b.expectNoProblems("the corpus") // a policy violation is logged: markup went live
}
