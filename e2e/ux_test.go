//go:build browser

package e2e

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"counterpart/app/onboarding"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// What issue 24 asked of the pages, checked as a person sees them: the
// role agreement's seals, one truth for an agreed area, each person's own
// progress, guide text that steps aside, the phone, the calendar file and
// the document.

// textOf is the text of an element as written, whatever case the page
// shows it in (innerText follows text-transform).
func (b *browser) textOf(css string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`(e => e ? e.textContent.trim() : "")(document.querySelector(%q))`, css))
}

// finishWriting seals what the writer expects of both roles, confirming
// that one of the two boxes is left empty.
func (b *browser) finishWriting() {
	b.t.Helper()
	b.click("#finish-written")
	b.waitText("One of the two boxes is empty")
	b.click("#finish-written")
	b.waitFor("the expectations sealed", `!!document.getElementById("written") || !!document.getElementById("expectations-both")`)
}

// Sealing the grid seals the grid and nothing else; opening it again is
// one step; the badge says your part is in. On a device the two share,
// neither switching "Who is writing?" nor a reload opens a sealed grid.
func TestTheGridIsSealedApartAndTheBlindHolds(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.newOnboarding(srv.URL + "/")
	b.goToStage("roles")
	rows := eval[[]string](b, `Array.from(document.querySelectorAll("#own-grid fieldset")).map(f => f.dataset.row)`)
	b.answer(rows[0], "mine")
	b.typeInto(`[id^="expect-mine-"]`, "DANA-OPEN: still writing this.")
	b.waitSaved("DANA-OPEN: still writing this.")
	if got := b.textOf("#prompt-ownership .badge"); got != "Not answered yet" {
		t.Errorf("before sealing, the grid's badge says %q", got)
	}
	if got := b.text("#finish-side"); got != "Seal my grid" {
		t.Errorf("the button under the grid says %q", got)
	}

	b.finishSide()
	containsAll(t, "the sealed grid", b.text("#sealed"), "Dana Okafor's grid is sealed")
	if got := b.textOf("#prompt-ownership .badge"); got != "Yours is in · waiting for Priya Raman" {
		t.Errorf("after sealing, the grid's badge says %q", got)
	}
	if got := b.value(`[id^="expect-mine-"]`); got != "DANA-OPEN: still writing this." || b.count("#finish-written") != 1 {
		t.Errorf("sealing the grid sealed what Dana is writing too (%q)", got)
	}

	// Back in one step, answers kept.
	b.click("#unseal")
	b.waitFor("the grid again", `!!document.getElementById("own-grid")`)
	if !eval[bool](b, `document.getElementById("own-`+rows[0]+`-mine").checked`) {
		t.Error("opening the grid again lost Dana's answer")
	}
	b.finishSide()

	// Priya takes the device: her own empty grid, nothing of Dana's.
	b.click(`.writer .check:nth-of-type(2) label`)
	b.waitFor("Priya's turn", `!!document.querySelector(".blind-note") && document.querySelector(".blind-note").innerText.startsWith("Priya")`)
	if n := b.count("#own-grid input:checked"); n != 0 {
		t.Errorf("Priya sees %d answers on her turn", n)
	}
	if strings.Contains(eval[string](b, `document.body.innerHTML`), "DANA-OPEN") {
		t.Error("what Dana wrote is in the page on Priya's turn")
	}
	// Whoever switches back to Dana finds her grid sealed, with no way
	// to open it, and a reload changes nothing.
	b.click(`.writer .check:nth-of-type(1) label`)
	b.waitFor("Dana's sealed grid", `!!document.getElementById("sealed")`)
	if b.count("#unseal, #own-grid") != 0 {
		t.Error("after the device changed hands, Dana's sealed grid can be opened")
	}
	b.reload()
	b.waitFor("the sealed grid after a reload", `!!document.getElementById("sealed")`)
	if b.count("#unseal, #own-grid") != 0 {
		t.Error("after a reload, Dana's sealed grid can be opened")
	}
	b.expectNoProblems("sealing the grid")
}

// An area settled at a 1:1 shows its agreed owner everywhere: the 1:1,
// the comparison on stage 5 (verdict and counts, and no "Add to next
// 1:1"), the filled worksheet and the document.
func TestASettledAreaShowsItsOwnerEverywhere(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.open(srv.URL + "/meetings?id=" + exampleID)
	b.waitFor("the 1:1", `!!document.getElementById("current")`)
	const area = "Equity grants and the cap table"
	sel := eval[string](b, `(() => {
		const li = Array.from(document.querySelectorAll("#current .agenda-item")).find(li => li.innerText.includes("`+area+`"));
		return li ? li.querySelector("select[id^=settle-]").id : "";
	})()`)
	if sel == "" {
		t.Fatal("the example's 1:1 has no open agenda item for " + area)
	}
	farah := eval[string](b, `Array.from(document.querySelectorAll("#`+sel+` option")).find(o => o.text === "Farah Qureshi").value`)
	b.choose("#"+sel, farah)
	b.waitFor("the agreed owner on the agenda", `Array.from(document.querySelectorAll("#current .agenda-item")).some(li => li.innerText.includes("`+area+`") && li.innerText.includes("Agreed owner: Farah Qureshi"))`)

	b.open(srv.URL + "/guide/roles?id=" + exampleID)
	b.waitFor("the comparison", `!!document.getElementById("comparison")`)
	row := `Array.from(document.querySelectorAll(".compare tbody tr")).find(tr => tr.querySelector("th").innerText === "` + area + `")`
	if got := eval[string](b, row+`.querySelector(".verdict").innerText`); got != "Agreed in a 1:1: Farah Qureshi" {
		t.Errorf("stage 5 says %q for the settled area", got)
	}
	if n := eval[int](b, row+`.querySelectorAll("button").length`); n != 0 {
		t.Error("stage 5 offers to add a settled area to the next 1:1")
	}
	if counts := b.text("#verdict-counts"); strings.Contains(counts, "both claim it") || !strings.Contains(counts, "3 agreed in a 1:1") {
		t.Errorf("stage 5 counts %q", counts)
	}

	b.open(srv.URL + "/worksheet?id=" + exampleID + "&variant=filled")
	b.waitFor("the filled worksheet", `!!document.querySelector(".compare-sheet")`)
	sheet := b.text("#sheet")
	if !strings.Contains(sheet, "Agreed in a 1:1: Farah Qureshi") || strings.Contains(sheet, "Both claim it") {
		t.Errorf("the filled worksheet does not say the area is agreed:\n%s", sheet)
	}

	b.open(srv.URL + "/document?id=" + exampleID)
	b.waitFor("the document", `!!document.querySelector("#document h1")`)
	containsAll(t, "the document", b.text("#document"), area+": Farah Qureshi, agreed after talking it over")
	b.expectNoProblems("an area settled at a 1:1")
}

// Each person sees their own progress: the newcomer, at the device the
// buddy filled in, finds no tick and no count on a stage she has not
// opened, and the overall share is hers.
func TestEachPersonSeesTheirOwnProgress(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.newOnboarding(srv.URL + "/")
	b.addSource("Month-end close pack")
	b.goToStage("problems")
	problem := b.addEntry("problems")
	b.typeInto("#problem-"+problem, "The close takes twelve days.")
	b.waitSaved("The close takes twelve days.")
	b.drawn()
	status := func(n int) string { return b.text(fmt.Sprintf(".stepper li:nth-child(%d) .step-status", n)) }
	if status(1) != "1/2" || status(2) != "1/3" || !strings.Contains(b.text(".progress-label"), "2 of 14 prompts answered") {
		t.Errorf("Dana's progress: %s, %s, %q", status(1), status(2), b.text(".progress-label"))
	}

	// Priya takes the device on stage 2: stage 1, which she has not
	// opened, counts nothing for her.
	b.click(`.writer .check:nth-of-type(2) label`)
	b.waitFor("Priya's progress", `document.querySelector(".progress-label").innerText.includes("1 of 14")`)
	if status(1) != "0/2" || status(2) != "1/3" {
		t.Errorf("Priya's progress: stage 1 %s, stage 2 %s", status(1), status(2))
	}
	b.goToStage("data")
	b.waitFor("stage 1 counted once Priya has opened it", `document.querySelector(".stepper li:nth-child(1) .step-status").innerText === "1/2"`)
	b.expectNoProblems("each person's progress")
}

// The guide's text steps aside once read; the Markdown hint is said once
// a page; entries are compact and an entry left blank is dropped; a list
// of one text shows it once; a text area grows with its text.
func TestGuideTextStepsAside(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.newOnboarding(srv.URL + "/")
	if b.count("#guidance") != 0 || !eval[bool](b, `document.querySelector(".guidance").offsetHeight > 100`) {
		t.Error("on the first visit, the stage's guidance is not there in full")
	}

	// An entry added and closed blank is dropped, not left nameless.
	blank := b.addEntry("sources")
	b.click("#toggle-" + blank)
	b.waitFor("the blank entry to go", `!document.getElementById("entry-`+blank+`")`)
	if text := b.pageText(); strings.Contains(strings.ToLower(text), "untitled") || strings.Contains(text, "Nothing written yet") {
		t.Error("a blank entry left a row behind")
	}

	// A data source read is compact: one button, no tall card.
	source := b.addEntry("sources")
	b.typeInto("#name-"+source, "Month-end close pack")
	b.typeInto("#link-"+source, "https://finance.example/close")
	b.typeInto("#answers-"+source, "Every number in the close, by day, and who signs each off.")
	b.typeInto("#owner-"+source, "Ana, the controller")
	b.click("#toggle-" + source)
	b.waitFor("the source read", `document.getElementById("toggle-`+source+`").textContent === "Edit"`)
	if n := b.count("#entry-" + source + " button"); n != 1 {
		t.Errorf("a data source read has %d buttons, want one", n)
	}
	if h := eval[int](b, `document.getElementById("entry-`+source+`").offsetHeight`); h > 180 {
		t.Errorf("a data source read is %d px tall", h)
	}

	// Back on the stage after another: the guidance is one line, folded,
	// and stays so after a reload; it opens again from that line.
	b.goToStage("problems")
	b.goToStage("data")
	folded := `!!document.getElementById("guidance") && !document.getElementById("guidance").open && document.querySelector("#guidance summary").innerText === "About this stage"`
	b.waitFor("the guidance folded", folded)
	b.reload()
	b.waitFor("the guidance folded after a reload", folded)
	b.click("#guidance summary")
	b.waitFor("the guidance open", `document.getElementById("guidance").open`)

	// One hint on a page with four text areas.
	b.goToStage("problems")
	b.addEntry("problems")
	if n := strings.Count(b.pageText(), "Markdown works"); n != 1 || b.count(".prompts textarea") < 4 {
		t.Errorf("the Markdown hint shows %d times over %d text areas", n, b.count(".prompts textarea"))
	}

	// A list of one text shows it once.
	working := b.addEntry("working")
	b.typeInto("#text-"+working, "**The month-end close.** It runs in six days and nobody fights over it, so leave it alone.")
	b.click("#toggle-" + working)
	b.waitFor("the item read", `document.getElementById("toggle-`+working+`").textContent === "Edit"`)
	if n := strings.Count(b.text("#entry-"+working), "It runs in six days"); n != 1 {
		t.Errorf("the item's text shows %d times", n)
	}

	// The budget advice grows with what is written: no scrolling inside.
	advice := strings.Repeat("A line of advice.\n", 14)
	b.typeInto("#budget-advice", advice)
	b.waitSaved(strings.TrimSpace(advice))
	b.drawn()
	if inner := eval[int](b, `(e => e.scrollHeight - e.clientHeight)(document.getElementById("budget-advice"))`); inner > 2 {
		t.Errorf("the text area scrolls %d px inside itself", inner)
	}

	// An escalation step says no "Nothing written yet." under its text.
	b.goToStage("roles")
	step := b.addEntry("escalation")
	b.typeInto("#step-"+step, "Talk it through the same day.")
	b.click("#toggle-" + step)
	b.waitFor("the step read", `document.getElementById("toggle-`+step+`").textContent === "Edit"`)
	if text := b.text("#entry-" + step); strings.Contains(text, "Nothing written yet") || strings.Count(text, "Talk it through") != 1 {
		t.Errorf("the step reads %q", text)
	}
	b.expectNoProblems("guide text that steps aside")
}

// At a phone's width: the stages on one line, the 1:1 first on its page,
// and the filled worksheet's cells whole words, on screen and on paper.
func TestThePhone(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.do(chromedp.EmulateViewport(390, 844))

	b.open(srv.URL + "/guide/problems?id=" + exampleID)
	b.waitFor("the stepper", `document.querySelectorAll(".stepper li").length === 5`)
	if tops := eval[[]int](b, `Array.from(document.querySelectorAll(".stepper li")).map(li => Math.round(li.getBoundingClientRect().top))`); tops[0] != tops[4] {
		t.Errorf("the stages are not on one line: tops %v", tops)
	}
	if h := eval[int](b, `document.querySelector(".stepper ol").offsetHeight`); h > 60 {
		t.Errorf("the stage navigation is %d px tall", h)
	}

	b.open(srv.URL + "/meetings?id=" + exampleID)
	b.waitFor("the 1:1", `!!document.getElementById("current")`)
	if first := eval[string](b, `document.querySelector("main .card").id`); first != "current" {
		t.Errorf("the 1:1 page opens on #%s, not the 1:1", first)
	}
	if !eval[bool](b, `document.getElementById("current").getBoundingClientRect().top < document.getElementById("send").getBoundingClientRect().top`) {
		t.Error("the status line comes before the 1:1")
	}

	// A cell broken inside a word takes more lines than it has words.
	broken := `Array.from(document.querySelectorAll(".compare-sheet th, .compare-sheet td")).filter(c => {
		if (!c.offsetHeight) return false;
		const lines = Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight));
		return lines > c.textContent.trim().split(/\s+/).length;
	}).map(c => c.textContent.trim())`
	b.open(srv.URL + "/worksheet?id=" + exampleID + "&variant=filled")
	b.waitFor("the filled worksheet", `!!document.querySelector(".compare-sheet")`)
	if cells := eval[[]string](b, broken); len(cells) > 0 {
		t.Errorf("at 390 px these cells break inside a word: %q", cells)
	}
	// Printed from the phone, every area and name is whole on paper.
	words := eval[[]string](b, `Array.from(document.querySelectorAll(".compare-sheet th, .compare-sheet td")).map(c => c.textContent.trim())`)
	raw, err := exec.Command("pdftotext", "-raw", b.printPDF("worksheet-from-a-phone", chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	paper := strings.ToLower(strings.Join(strings.Fields(string(raw)), " "))
	for _, w := range words {
		if !strings.Contains(paper, strings.ToLower(strings.Join(strings.Fields(w), " "))) {
			t.Errorf("on paper, %q is not whole", w)
		}
	}
	b.expectNoProblems("the phone")
}

// The calendar file: the zone is the device's unless chosen from the
// list, every 1:1 and checkpoint has a reminder the day before, and a
// stage's session is there only once the pair book it.
func TestTheCalendarFile(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	cdpDo(b, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "America/New_York"})
	id := b.newOnboarding(srv.URL + "/")
	b.goToStage("roles")
	if tag := eval[string](b, `document.getElementById("one-on-one-zone").tagName`); tag != "SELECT" {
		t.Fatalf("the time zone is a %s, not a list", tag)
	}
	if got := b.value("#one-on-one-zone"); got != "America/New_York" {
		t.Errorf("the zone is %q before anything is chosen, not the device's", got)
	}
	if n := b.count("#one-on-one-zone option"); n < 100 {
		t.Errorf("the list holds %d zones", n)
	}
	if got := b.text(`label[for="social-day"]`); got == "On the second" {
		t.Error(`a field is still labelled "On the second"`)
	}
	b.choose("#one-on-one-zone", "Asia/Tokyo")
	b.choose("#one-on-one-day", "tuesday")
	b.choose("#one-on-one-time", "09:00")
	b.waitStored(id, "the weekly 1:1 to be saved", func(o *onboarding.Onboarding) bool {
		c := o.Roles.Cadence
		return c.Zone == "Asia/Tokyo" && c.Day == "tuesday" && c.Time == "09:00"
	})

	files := b.allowDownloads()
	download := func() string {
		b.open(srv.URL + "/document?id=" + id)
		b.waitFor("the document", `!!document.querySelector("#document h1")`)
		b.click("#download-ics")
		return files.next(".ics")
	}
	ics := download()
	containsAll(t, "the .ics", ics, "TZID:Asia/Tokyo\r\n", "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n",
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n", "RECURRENCE-ID;TZID=Asia/Tokyo:")
	if strings.Contains(ics, "-stage-") {
		t.Error("the .ics books a session nobody chose")
	}
	if got, want := strings.Count(ics, "BEGIN:VALARM"), strings.Count(ics, "RECURRENCE-ID")+1; got != want {
		t.Errorf("%d reminders, want one for the weekly 1:1 and one for each of the %d 1:1s that take a checkpoint", got, want-1)
	}

	b.open(srv.URL + "/guide/roles?id=" + id)
	b.waitFor("the sessions", `!!document.getElementById("sessions")`)
	b.click("#sessions summary")
	b.choose("#session-data", "2026-11-03T14:00")
	b.waitStored(id, "the session to be saved", func(o *onboarding.Onboarding) bool {
		return o.Roles.Cadence.Sessions.Data == "2026-11-03T14:00"
	})
	ics = download()
	containsAll(t, "the .ics with a session booked", ics, "UID:"+id+"-stage-data@counterpart\r\n", "DTSTART;TZID=Asia/Tokyo:20261103T140000\r\n")
	if n := strings.Count(ics, "-stage-"); n != 1 {
		t.Errorf("%d sessions in the file, want the one booked", n)
	}
	b.expectNoProblems("the calendar file")
}

// The document: one button stands out, the latest 1:1 comes first, both
// people's expectations are in, an agenda has one marker per item, and
// printed pages are numbered. Commitments past their date are said
// calmly.
func TestTheDocumentAndTheCalmerTally(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")

	b.open(srv.URL + "/meetings?id=" + exampleID)
	b.waitFor("the tally", `!!document.getElementById("tally")`)
	if b.count(".badge.overdue") != 0 || b.count(".badge.past-due") == 0 {
		t.Error("the tally does not say calmly what is past due")
	}
	red := eval[string](b, `(() => { const s = document.createElement("span"); s.style.color = "var(--red)"; document.body.append(s); const c = getComputedStyle(s).color; s.remove(); return c })()`)
	if got := eval[string](b, `getComputedStyle(document.querySelector(".badge.past-due")).color`); got == red {
		t.Error("a commitment past due is in alarm red")
	}

	b.open(srv.URL + "/document?id=" + exampleID)
	b.waitFor("the document", `!!document.querySelector("#document h1")`)
	if primary := eval[[]string](b, `Array.from(document.querySelectorAll(".sheet-tools button, .sheet-tools .button")).filter(e => !e.classList.contains("secondary")).map(e => e.innerText)`); len(primary) != 1 {
		t.Errorf("the document page has %d primary buttons: %q", len(primary), primary)
	}
	if first := b.text("#document h2"); !strings.HasPrefix(first, "The latest 1:1") {
		t.Errorf("the document's first section is %q", first)
	}
	containsAll(t, "the document", b.text("#document"), "What we expect of each role", "Callum Reid, of their own role", "Farah Qureshi, of Callum Reid's role")
	if style := eval[[]string](b, `Array.from(document.querySelectorAll("#document li")).filter(li => li.textContent.startsWith("☐") || li.textContent.startsWith("☑")).map(li => getComputedStyle(li.parentElement).listStyleType)`); len(style) == 0 || strings.Join(style, "") != strings.Repeat("none", len(style)) {
		t.Errorf("agenda items carry a bullet beside their box: %v", style)
	}

	pages, text := readPDF(t, b.printPDF("document-numbered", chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
	containsAll(t, "the printed document", text, "Page 1 of "+fmt.Sprint(pages), fmt.Sprintf("Page %d of %d", pages, pages))
	b.expectNoProblems("the document")
}
