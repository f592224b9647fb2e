//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"image"
	"net/url"
	"slices"
	"strings"
	"testing"

	"counterpart/app/guide"
	"counterpart/app/onboarding"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The skip link is the first stop of the keyboard, and Enter puts the
// focus in the page's content: the next Tab goes to the content's first
// link, not to the header. The address stays as it is, which matters on
// the open page, where what follows "#" is the link being opened.
func TestSkipLinkMovesTheFocusIntoTheContent(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.open(srv.URL + "/share?id=" + guide.ExampleID)
	b.waitFor("the link", `!!document.getElementById("share-link") && document.getElementById("share-link").value.length > 0`)
	shared := b.value("#share-link")

	for _, path := range []string{"/guide/problems?id=" + guide.ExampleID, strings.TrimPrefix(shared, srv.URL)} {
		b.open(srv.URL + path)
		before := eval[string](b, `location.href`)
		b.press("\t")
		if got := b.focused(); !strings.HasPrefix(got, "#skip-link") {
			t.Fatalf("%s: the first Tab went to %q, not the skip link", path, got)
		}
		if !eval[bool](b, `(r => r.top >= 0 && r.left >= 0 && r.width > 0 && r.bottom <= innerHeight)(document.getElementById("skip-link").getBoundingClientRect())`) {
			t.Errorf("%s: the focused skip link is not on the screen", path)
		}
		b.press("\r")
		b.waitFor("the focus in main", `document.activeElement && document.activeElement.id === "main"`)
		b.press("\t")
		if !eval[bool](b, `!!document.activeElement.closest("main")`) {
			t.Errorf("%s: after the skip link, Tab went to %q, outside the content", path, b.focused())
		}
		if got := eval[string](b, `location.href`); got != before {
			t.Errorf("%s: the skip link changed the address to %s", path, got)
		}
		// main takes the focus from the skip link only: a click on the
		// page's text does not put it there later.
		if eval[bool](b, `document.getElementById("main").hasAttribute("tabindex")`) {
			t.Errorf("%s: main stays focusable once the focus has left it", path)
		}
	}
	b.waitFor("the link's preview, still there", `!!document.getElementById("preview")`)
	b.expectNoProblems("the skip link")
}

// Every page reached with the keyboard gets the focus on its heading, so
// a screen reader says where the person is and the next Tab goes on from
// there; a page opened from the address bar starts at the top as usual.
// The pages come from the routes, so a new page is checked too.
func TestFocusGoesToTheHeadingOfEachNewPage(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.open(srv.URL + "/about")
	if got := eval[string](b, `document.activeElement === document.body ? "" : document.activeElement.outerHTML.slice(0, 60)`); got != "" {
		t.Errorf("a page opened from the address bar has the focus on %s", got)
	}
	// A link of the page's own, outside go-app's tree so that it stays
	// through every page: Enter on it navigates as any link would.
	goTo := func(path string) {
		t.Helper()
		eval[bool](b, fmt.Sprintf(`(() => {
			let a = document.getElementById("test-link");
			if (!a) { a = document.createElement("a"); a.id = "test-link"; a.textContent = "go"; document.body.append(a); }
			a.href = %q;
			a.focus();
			return true;
		})()`, path))
		b.press("\r")
		b.waitFor("the page at "+path, fmt.Sprintf(`location.pathname + location.search === %q`, path))
	}
	onHeading := func(path string) {
		t.Helper()
		b.waitFor("the focus on the heading of "+path, `!!document.querySelector("main h1") && document.activeElement === document.querySelector("main h1")`)
		b.press("\t")
		if eval[bool](b, `document.activeElement.id === "skip-link" || !!document.activeElement.closest(".shell-header")`) {
			t.Errorf("%s: Tab from the heading went back to the top, to %q", path, b.focused())
		}
	}
	for _, s := range axeStates(t) {
		if s.setUp != nil || strings.Contains(s.Path, "#") {
			continue
		}
		goTo(s.Path)
		onHeading(s.Path)
	}
	// The same page with another onboarding's stage, and the browser's Back.
	goTo("/guide/data?id=" + guide.ExampleID)
	onHeading("the data stage")
	b.click(`.stepper a[href*="/guide/team?"]`)
	onHeading("the team stage, from the stepper")
	if got := b.text("main h1"); !strings.Contains(got, "team") {
		t.Errorf("the heading after the stepper says %q", got)
	}
	b.do(chromedp.NavigateBack())
	onHeading("the data stage, after Back")
	b.expectNoProblems("focus across pages")
}

// A page that puts the focus where the work continues keeps it there,
// rather than on its heading: here, the new entry a keyboard user adds and
// the first stage after "Start the onboarding".
func TestFocusThatAPageMovesStaysWhereItWent(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	id := b.newOnboarding(srv.URL + "/")
	b.waitFor("the focus on the heading of the first stage", `document.activeElement === document.querySelector("main h1")`)
	eval[bool](b, `(document.getElementById("add-sources").focus(), true)`)
	b.press("\r")
	b.waitFor("the focus in the new entry", `document.activeElement && document.activeElement.id.startsWith("name-")`)
	// The key adds the entry, saves it, shows it and moves the focus, in
	// that order: once the entry is stored as well, nothing the key set
	// off is left to take the focus elsewhere.
	entry := strings.TrimPrefix(eval[string](b, `document.activeElement.id`), "name-")
	b.waitStored(id, "the new entry saved", func(o *onboarding.Onboarding) bool {
		return slices.ContainsFunc(o.DataSources, func(s onboarding.DataSource) bool { return s.ID == entry })
	})
	if !strings.HasPrefix(b.focused(), "#name-"+entry) {
		t.Errorf("the focus left the new entry for %q", b.focused())
	}
	b.expectNoProblems("focus a page moves")
}

// Where a page moves the focus once it has drawn a change, it leaves it
// alone if the person put it elsewhere in the meantime. On a slow device
// the drawing can come well after the click: in a whole make test, the
// focus a closed entry sends back to its Edit button came after the test
// had clicked into the next field and typed its first letter, so the
// rest went to the button, a space opened the entry again and the last
// letters landed in the entry's field. Here the click and the move to
// the next field happen at once, before the page can draw anything.
func TestFocusAPersonMovedIsNotTakenBack(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.newOnboarding(srv.URL + "/")
	b.goToStage("problems")
	problem := b.addEntry("problems")
	b.typeInto("#problem-"+problem, "Close is slow")
	b.waitSaved("Close is slow")

	// Closing the entry, then the next field at once. A click on a
	// button gives it the focus first; a script's click does not.
	click := func(id string) string {
		return `(document.getElementById("` + id + `").focus(), document.getElementById("` + id + `").click(), document.getElementById("budget-advice").focus(), true)`
	}
	eval[bool](b, click("toggle-"+problem))
	b.waitFor("the entry closed", `document.getElementById("toggle-`+problem+`").textContent === "Edit"`)
	// go-app draws and then moves the focus in one go, so once the entry
	// shows closed the page has had its say.
	if got := b.focused(); !strings.HasPrefix(got, "#budget-advice") {
		t.Errorf("after closing an entry and clicking into the next field, the focus is on %s", got)
	}

	// Adding an entry, then another field at once.
	eval[bool](b, click("add-problems"))
	b.waitFor("the new entry", `document.querySelectorAll('[data-list="problems"] li.entry').length === 2`)
	if got := b.focused(); !strings.HasPrefix(got, "#budget-advice") {
		t.Errorf("after adding an entry and clicking into another field, the focus is on %s", got)
	}
	b.expectNoProblems("focus a person moved")
}

// Each date field shows a ring while it has the keyboard focus, clear
// against what is around it (3:1 at least) and not cut off by a box
// around it, in both schemes.
func TestDateFieldsShowTheirFocus(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	for _, path := range []string{"/new", "/meetings?id=" + guide.ExampleID} {
		b.open(srv.URL + path)
		// A date field in a part folded away (a checkpoint's step) is
		// reached as a person does: the part opened first.
		eval[bool](b, `(Array.from(document.querySelectorAll("main details:not([open])")).filter(d => d.querySelector("input[type=date]")).forEach(d => d.querySelector("summary").click()), true)`)
		b.waitFor("every date field shown", `Array.from(document.querySelectorAll("input[type=date]")).every(e => e.offsetParent !== null)`)
		ids := eval[[]string](b, `Array.from(document.querySelectorAll("input[type=date]")).map(e => e.id)`)
		if len(ids) == 0 {
			t.Fatalf("%s has no date field", path)
		}
		for _, scheme := range []string{"light", "dark"} {
			b.emulate(1280, scheme, "")
			for _, id := range ids {
				// Reach it with the keyboard: from it, back one and on one.
				eval[bool](b, `(document.getElementById("`+id+`").focus(), true)`)
				b.do(chromedp.KeyEvent("\t", chromedp.KeyModifiers(chromedp.ModifierShift)))
				b.press("\t")
				if got := eval[string](b, `document.activeElement.id`); got != id {
					t.Fatalf("%s: Tab went to %q, not back to %s", path, got, id)
				}
				if problem := eval[string](b, focusRingProblem); problem != "" {
					t.Errorf("%s, %s scheme, #%s: %s", path, scheme, id, problem)
				}
			}
		}
		b.emulate(1280, "light", "")
	}
	b.expectNoProblems("date fields")
}

// focusRingProblem says what is wrong with the focus ring of the focused
// element, or "".
const focusRingProblem = `(() => {
	const el = document.activeElement, s = getComputedStyle(el);
	const width = parseFloat(s.outlineWidth), offset = parseFloat(s.outlineOffset) || 0;
	if (s.outlineStyle === "none" || !(width >= 2)) return "no focus ring (outline " + s.outlineStyle + " " + s.outlineWidth + ")";
	const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
	const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	let bg = "rgb(255, 255, 255)";
	for (let p = el.parentElement; p; p = p.parentElement) {
		const c = getComputedStyle(p).backgroundColor, a = rgb(c);
		if (a.length === 3 || (a.length === 4 && a[3] > 0)) { bg = c; break; }
	}
	const [hi, lo] = [lum(s.outlineColor), lum(bg)].sort((x, y) => y - x);
	const ratio = (hi + 0.05) / (lo + 0.05);
	if (ratio < 3) return "the ring (" + s.outlineColor + ") is " + ratio.toFixed(2) + ":1 against " + bg;
	const r = el.getBoundingClientRect(), out = width + offset;
	for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
		const ps = getComputedStyle(p);
		if (ps.overflowX === "visible" && ps.overflowY === "visible") continue;
		const q = p.getBoundingClientRect();
		if (r.left - out < q.left || r.right + out > q.right || r.top - out < q.top || r.bottom + out > q.bottom)
			return "the ring is cut off by " + p.tagName.toLowerCase() + "." + p.className;
	}
	return "";
})()`

// After a wrong start, each field's error goes as soon as the field is
// right, and the summary at the top lists only what is still wrong.
func TestNewOnboardingClearsEachErrorOnceFixed(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.open(srv.URL + "/new")
	b.click("#start")
	b.waitFor("the error summary", `!!document.getElementById("form-errors")`)
	fields := []string{"my-name", "my-role", "my-function", "peer-name", "peer-role", "peer-function", "start-date"}
	shown := func(field string) bool {
		return eval[bool](b, `!!document.querySelector('#form-errors a[href="#`+field+`"]')`)
	}
	for _, f := range fields {
		if !shown(f) {
			t.Fatalf("the summary of an empty form does not list %s", f)
		}
	}
	fix := map[string]func(){
		"my-name":       func() { b.typeInto("#my-name", "Dana Okafor") },
		"my-role":       func() { b.typeInto("#my-role", "CTO") },
		"my-function":   func() { b.choose("#my-function", "engineering") },
		"peer-name":     func() { b.typeInto("#peer-name", "Priya Raman") },
		"peer-role":     func() { b.typeInto("#peer-role", "CFO") },
		"peer-function": func() { b.choose("#peer-function", "finance") },
		"start-date":    func() { b.choose("#start-date", "2026-11-02") },
	}
	for i, f := range fields {
		fix[f]()
		b.waitFor(f+"'s error to go", `!document.querySelector('#form-errors a[href="#`+f+`"]')`)
		if eval[bool](b, `(el => el.getAttribute("aria-invalid") === "true" || !!(document.getElementById("`+f+`-hint") || el.parentElement).querySelector(".field-error"))(document.getElementById("`+f+`"))`) {
			t.Errorf("%s is right but still marked wrong", f)
		}
		for _, later := range fields[i+1:] {
			if !shown(later) {
				t.Errorf("fixing %s also cleared the error of %s, which is still empty", f, later)
			}
		}
	}
	if b.count("#form-errors, .field-error") != 0 {
		t.Errorf("a correct form still shows errors: %s", b.pageText())
	}
	if keys := b.storageKeys(); len(keys) != 0 {
		t.Errorf("fixing the form saved something before Start: %v", keys)
	}
	b.click("#start")
	b.waitFor("the first stage", `location.pathname.endsWith("/guide/data")`)
	b.expectNoProblems("fixing the form")
}

// With "reduce motion" set, go-app's loading spinner stands still, and
// nothing else on the page moves; without it, the spinner turns (which
// shows the check can see it turn).
func TestReducedMotionStopsTheSpinner(t *testing.T) {
	t.Parallel()
	srv := shared.get(t)
	for _, reduce := range []bool{false, true} {
		b := newBrowser(t)
		if reduce {
			b.emulateMedia("", "prefers-reduced-motion", "reduce")
		}
		// Hold app.wasm back, so the loading screen stays up.
		b.holdRequests("*app.wasm*")
		b.do(chromedp.Navigate(srv.URL + "/"))
		// The spinner turns by go-app's stylesheet and stands still by
		// the app's: both must have loaded before either check means
		// anything.
		b.waitFor("the loading screen, styled", `!!document.querySelector(".goapp-spin") && document.readyState === "complete" &&
			Array.from(document.querySelectorAll('link[rel~="stylesheet"]')).every(l => !!l.sheet)`)
		spin := eval[string](b, `getComputedStyle(document.querySelector(".goapp-spin")).animationName`)
		moving := eval[int](b, `document.getAnimations().filter(a => a.playState === "running").length`)
		if reduce && (spin != "none" || moving != 0) {
			t.Errorf("with less motion asked for, the spinner's animation is %q and %d animations run", spin, moving)
		}
		if !reduce && (spin == "none" || moving == 0) {
			t.Errorf("without a motion setting the spinner does not turn (animation %q, %d running): the check cannot see motion", spin, moving)
		}
	}
}

// holdRequests pauses every request matching a pattern and never lets it
// go: the page waits for it as it would on a very slow network.
func (b *browser) holdRequests(pattern string) {
	b.t.Helper()
	cdpDo(b, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: pattern}}})
}

// Printed, the worksheets and the document are the same light paper
// whichever scheme the screen asks for. (That the screen is dark in the
// dark scheme, every page checks with axe-core: see checkAxe.)
func TestPrintStaysLightInTheDarkScheme(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	for _, doc := range []struct{ name, path, shown string }{
		{"worksheet-filled", "/worksheet?id=" + guide.ExampleID + "&variant=filled", "#sheet"},
		{"worksheet-blank", "/worksheet?id=" + guide.ExampleID + "&variant=blank", "#sheet"},
		{"document", "/document?id=" + guide.ExampleID, "#document h1"},
	} {
		b.open(srv.URL + doc.path)
		b.waitFor("the "+doc.name+" and its fonts", fmt.Sprintf(`!!document.querySelector(%q) && document.fonts.status === "loaded"`, doc.shown))
		var pages [2][]image.Image
		for i, scheme := range []string{"light", "dark"} {
			b.emulate(1280, scheme, "")
			pages[i] = pdfPages(t, b.printPDF("print-"+doc.name+"-"+scheme, chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
		}
		if len(pages[0]) != len(pages[1]) {
			t.Errorf("%s: %d pages printed from the light scheme, %d from the dark", doc.name, len(pages[0]), len(pages[1]))
			continue
		}
		for i := range pages[0] {
			light, dark := pages[0][i], pages[1][i]
			if m := meanLuminance(dark); m < 0.85 {
				t.Errorf("%s, page %d printed from the dark scheme is dark: mean luminance %.2f", doc.name, i+1, m)
			}
			if d := pixelsApart(light, dark); d > 0.001 {
				t.Errorf("%s, page %d: %.1f%% of the page differs between the light and the dark scheme", doc.name, i+1, 100*d)
			}
		}
	}
	b.expectNoProblems("dark scheme and print")
}

// meanLuminance is the average brightness of an image, 0 for black and 1
// for white.
func meanLuminance(img image.Image) float64 {
	b := img.Bounds()
	var sum float64
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum += (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(bl)) / 0xffff
		}
	}
	return sum / float64(b.Dx()*b.Dy())
}

// pixelsApart is the share of pixels that differ between two images of
// the same size (1 if the sizes differ).
func pixelsApart(a, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	r := a.Bounds()
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

// The share page leads on to the weekly 1:1 and the shared document.
func TestSharePageLeadsToTheOneOnOneAndTheDocument(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	example, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []struct{ link, path, heading string }{
		{"#go-meetings", "/meetings", "Weekly 1:1"},
		{"#go-document", "/document", example.Title}, // the document's own title
	} {
		b.open(srv.URL + "/share?id=" + guide.ExampleID)
		b.waitFor("the share page", `!!document.getElementById("share-link")`)
		b.click(to.link)
		b.waitFor(to.path, fmt.Sprintf(`location.pathname === %q && location.search.includes(%q) && !!document.querySelector("main h1")`, to.path, guide.ExampleID))
		if got := b.text("main h1"); got != to.heading {
			t.Errorf("%s leads to a page headed %q, want %q", to.link, got, to.heading)
		}
	}
	b.expectNoProblems("leading on from the share page")
}

// Chromium reads the manifest without a complaint, and finds its id and
// its maskable icons.
func TestManifestIsReadWithItsIDAndMaskableIcons(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.open(srv.URL + "/")
	res := cdpDo(b, page.GetAppManifest, page.GetAppManifestParams{})
	for _, e := range res.Errors {
		t.Errorf("the manifest: %s (line %d)", e.Message, e.Line)
	}
	if res.Manifest == nil {
		t.Fatalf("Chromium found no manifest at %s", res.URL)
	}
	if res.Manifest.ID != srv.URL+"/" {
		t.Errorf("the manifest's id is %q, want %q", res.Manifest.ID, srv.URL+"/")
	}
	var manifest struct {
		Icons []struct{ Src, Purpose string }
	}
	if err := json.Unmarshal([]byte(res.Data), &manifest); err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(res.URL)
	var maskable []string
	for _, icon := range manifest.Icons {
		if icon.Purpose == "maskable" {
			u, _ := base.Parse(icon.Src)
			maskable = append(maskable, u.String())
		}
	}
	if len(maskable) == 0 {
		t.Fatalf("no maskable icon among %d", len(manifest.Icons))
	}
	for _, u := range maskable {
		// Fetched and decoded by the page, as a launcher would.
		size := eval[string](b, fmt.Sprintf(`fetch(%q).then(r => r.ok ? r.blob() : Promise.reject(r.status)).then(createImageBitmap).then(i => i.width + "x" + i.height, e => "failed: " + e)`, u))
		if strings.HasPrefix(size, "failed") || size == "0x0" {
			t.Errorf("the maskable icon %s does not load: %s", u, size)
		}
	}
	b.expectNoProblems("the manifest")
}
