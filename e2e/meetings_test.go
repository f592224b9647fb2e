//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Three weekly 1:1s held in the browser: items carry forward with the
// weeks they have been open, a shared meeting's debrief lands on the next
// agenda, and the tally counts commitments kept against those due. Then
// the shared document goes out every way it can: .md and .ics downloads,
// rich text on the clipboard, and a PDF.
func TestWeeklyOneOnOnesAndTheSharedDocument(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	// The device is in New York: the cadence should take that zone.
	cdpDo(b, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "America/New_York"})
	id := b.newOnboarding(srv.URL + "/")

	// The cadence: Thursdays at 08:30, lunch on the second Wednesday, and
	// a monthly business review to debrief.
	b.goToStage("roles")
	b.chooseCadence()
	b.waitFor("the zone to default to the device's", `document.getElementById("one-on-one-zone").value === "America/New_York"`)
	b.choose("#one-on-one-length", "60")
	b.typeInto("#social", "Lunch, away from the office")
	shared := b.addEntry("shared")
	b.typeInto("#meeting-"+shared, "Monthly business review")
	b.click(`label[for="debrief-` + shared + `"]`)
	b.waitStored(id, "the cadence saved", func(o *onboarding.Onboarding) bool {
		c := o.Roles.Cadence
		return c.Social == "Lunch, away from the office" && len(c.Shared) == 1 && c.Shared[0].Name == "Monthly business review" && c.Shared[0].Debrief
	})

	b.click("#go-meetings")
	b.waitFor("the 1:1 page", `!!document.getElementById("start-meeting")`)
	// The date defaults to the next Thursday on the device's calendar.
	want := nextThursday(eval[string](b, `(() => { const d = new Date(); return d.getFullYear() + "-" + String(d.getMonth()+1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0") })()`))
	if got := b.value("#meeting-date"); got != want {
		t.Errorf("the next 1:1 defaults to %s, want %s", got, want)
	}

	dana, priya := `.writer .check:nth-of-type(1) label`, `.writer .check:nth-of-type(2) label`
	startMeeting := func(date string) {
		b.choose("#meeting-date", date)
		b.click("#start-meeting")
		b.waitFor("the 1:1 of "+date, `!!document.querySelector('#current[data-date="`+date+`"]')`)
	}
	addItem := func(text string) {
		n := b.count("#items li")
		b.typeInto("#new-item", text)
		b.click("#add-item")
		b.waitFor("the item "+text, fmt.Sprintf(`document.querySelectorAll("#items li").length > %d`, n))
	}
	item := func(text string) string { // the item's text, badge and author
		return eval[string](b, fmt.Sprintf(`(Array.from(document.querySelectorAll("#items li")).find(li => li.querySelector("label").textContent === %q) || {textContent: "missing"}).textContent`, text))
	}
	tick := func(text string) {
		eval[bool](b, fmt.Sprintf(`(Array.from(document.querySelectorAll("#items li")).find(li => li.querySelector("label").textContent === %q).querySelector("label").click(), true)`, text))
		b.waitFor(text+" ticked", fmt.Sprintf(`Array.from(document.querySelectorAll("#items li.done label")).some(l => l.textContent === %q)`, text))
	}
	commit := func(who, what, due string) {
		n := b.count("#made li")
		b.choose("#commit-who", who)
		b.typeInto("#commit-what", what)
		b.choose("#commit-due", due)
		b.click("#add-commitment")
		b.waitFor("the commitment "+what, fmt.Sprintf(`document.querySelectorAll("#made li").length > %d`, n))
	}
	setStatus := func(what, status string) {
		sel := eval[string](b, fmt.Sprintf(`Array.from(document.querySelectorAll("#commitments li")).find(li => li.innerText.includes(%q)).querySelector("select").id`, what))
		b.choose("#"+sel, status)
		b.waitFor(what+" "+status, fmt.Sprintf(`!!Array.from(document.querySelectorAll("#commitments li.status-%s")).find(li => li.innerText.includes(%q))`, status, what))
	}
	danaID := eval[string](b, `document.querySelector(".writer input").id.replace("writer-", "")`)
	priyaID := eval[string](b, `document.querySelectorAll(".writer input")[1].id.replace("writer-", "")`)

	// Week 1. Due dates are far in the past or future, so the tally does
	// not depend on the day the test runs.
	startMeeting("2026-11-05")
	addItem("Month-end close walkthrough")
	b.click(priya)
	b.waitFor("Priya writing", `document.querySelectorAll(".writer input")[1].checked`)
	addItem("Headcount already promised")
	addItem("Board deck review")
	tick("Board deck review")
	if got := item("Headcount already promised"); !strings.Contains(got, "raised by Priya Raman") {
		t.Errorf("week 1 item reads %q", got)
	}
	// The start date's checkpoints joined the first 1:1; talked over, they
	// do not carry.
	for _, c := range onboarding.CheckpointsDue(&onboarding.Onboarding{StartDate: "2026-11-02"}, "2026-11-05") {
		if got := item(c.Agenda); !strings.Contains(got, "checkpoint") {
			t.Errorf("week 1: the checkpoint %s reads %q", c.ID, got)
		}
		tick(c.Agenda)
	}
	b.typeInto(`[id^="notes-"]`, "Walked through the close.\n<script>alert(1)</script> stays text")
	b.typeInto(`[id^="decisions-"]`, "Keep *Thursday* mornings.")
	commit(danaID, "Share the billing export", "2020-01-06")
	commit(priyaID, "Read the board reports", "2020-01-07")
	commit(priyaID, "Meet the payments team", "2020-01-08")
	b.waitSaved("Walked through the close.\n<script>alert(1)</script> stays text", "Keep *Thursday* mornings.", "Meet the payments team")

	// The business review happens; its debrief waits for the next 1:1.
	b.choose("#held-"+shared, "2026-11-10")
	b.click("#mark-held-" + shared)
	b.waitText("Debrief: Monthly business review of Tuesday 10 November")
	if got := b.text("#carry"); !strings.Contains(got, "2 open items") {
		t.Errorf("the next 1:1 says %q about carried items", got)
	}

	// Week 2: two items carried, one week open; the debrief is on.
	startMeeting("2026-11-12")
	for _, text := range []string{"Month-end close walkthrough", "Headcount already promised"} {
		if got := item(text); !strings.Contains(got, "open 1 week") {
			t.Errorf("week 2: %q reads %q, want it open 1 week", text, got)
		}
	}
	if got := item("Board deck review"); got != "missing" {
		t.Errorf("a done item was carried: %q", got)
	}
	if got := item("Debrief: Monthly business review of Tuesday 10 November"); got == "missing" {
		t.Error("the debrief is not on week 2's agenda")
	}
	if n := b.count("#queued li"); n != 0 {
		t.Errorf("%d items still queued after the 1:1 started", n)
	}
	tick("Month-end close walkthrough")
	tick("Debrief: Monthly business review of Tuesday 10 November")
	setStatus("Share the billing export", "kept")
	setStatus("Read the board reports", "missed")
	setStatus("Meet the payments team", "kept")
	b.click(dana)
	b.waitFor("Dana writing", `document.querySelectorAll(".writer input")[0].checked`)
	commit(danaID, "Send the hosting costs", "2099-01-01")     // not due yet
	commit(priyaID, "Draft the budget calendar", "2020-02-01") // open and late

	// Week 3: the headcount item is two weeks open.
	startMeeting("2026-11-19")
	if got := item("Headcount already promised"); !strings.Contains(got, "open 2 weeks") {
		t.Errorf("week 3: the headcount item reads %q, want it open 2 weeks", got)
	}
	if got := item("Month-end close walkthrough"); got != "missing" {
		t.Error("an item done in week 2 came back in week 3")
	}
	tally := func() string { return b.text("#tally") }
	containsAll(t, "the tally", tally(), "Dana Okafor: kept 1 of 1 due", "Priya Raman: kept 1 of 3 due")
	containsAll(t, "the tally", strings.ToLower(tally()), "1 past due")

	// All of it survives a reload.
	b.reload()
	b.waitFor("the 1:1 page", `!!document.querySelector('#current[data-date="2026-11-19"]')`)
	containsAll(t, "the tally after a reload", tally(), "Dana Okafor: kept 1 of 1 due", "Priya Raman: kept 1 of 3 due")
	if n := b.count("#log details"); n != 2 {
		t.Errorf("the log shows %d earlier 1:1s, want 2", n)
	}
	b.expectNoProblems("three weekly 1:1s")

	// The shared document.
	b.click("#open-document")
	b.waitFor("the document", `!!document.querySelector("#document h1")`)
	doc := b.text("#document")
	containsAll(t, "the document", doc, "Priya Raman joins as CFO", "Standing topics", "Earlier 1:1s",
		"Headcount already promised — raised by Priya Raman, open 2 weeks",
		"<script>alert(1)</script> stays text", "Keep Thursday mornings.",
		"Dana Okafor: kept 1 of 1 due", "Weekly 1:1 on Thursdays at 08:30 (America/New_York time), one hour")
	// The latest 1:1 opens the document; the earlier ones close it,
	// newest first. (The first ninety days name the 1:1s too.)
	log := doc[strings.Index(doc, "Earlier 1:1s"):]
	i19, i12, i05 := strings.Index(doc, "The latest 1:1, Thursday 19 November 2026"), strings.Index(log, "12 November 2026"), strings.Index(log, "5 November 2026")
	if !(i19 >= 0 && i19 < strings.Index(doc, "Our agreements") && i12 >= 0 && i12 < i05) {
		t.Errorf("the 1:1s are not latest first, then newest first (%d, %d, %d)", i19, i12, i05)
	}
	if n := b.count("#document script, #document a"); n != 0 {
		t.Errorf("typed text became %d live elements in the document", n)
	}
	// The decisions' *Thursday* reads as it does on the 1:1 page.
	if got := b.text("#document em"); got != "Thursday" {
		t.Errorf("the decisions' emphasis shows as %q, want Thursday in italics", got)
	}

	// Downloads land in a directory the test reads.
	files := b.allowDownloads()
	b.click("#download-md")
	md := files.next(".md")
	containsAll(t, "the .md file", md, "# Priya Raman joins as CFO\n",
		"- [ ] Headcount already promised — raised by Priya Raman, open 2 weeks",
		`\<script\>alert(1)\</script\> stays text`, `Keep *Thursday* mornings.`,
		"- Dana Okafor: kept 1 of 1 due", "## The latest 1:1, Thursday 19 November 2026")

	b.click("#download-ics")
	ics := files.next(".ics")
	containsAll(t, "the .ics file", ics, "BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:",
		"UID:"+id+"-weekly@counterpart\r\n", "UID:"+id+"-social@counterpart\r\n",
		// A reminder the day before each 1:1.
		"BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P1D\r\n",
		"TZID:America/New_York\r\n", "DTSTART;TZID=America/New_York:20261105T083000\r\n",
		"RRULE:FREQ=WEEKLY;BYDAY=TH\r\n", "RRULE:FREQ=MONTHLY;BYDAY=2WE\r\n",
		// New York's summer time, worked out from the browser's Intl.
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n",
		"TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n", "SUMMARY:Time together: Dana Okafor and Priya Raman",
		"END:VCALENDAR\r\n")
	if strings.Contains(ics, "-stage-") {
		t.Error("the .ics books a session for a stage nobody chose a time for")
	}
	for _, l := range strings.Split(ics, "\r\n") {
		if len(l) > 75 || strings.Contains(l, "\n") {
			t.Errorf("the .ics has a line that breaks RFC 5545: %q", l)
		}
	}

	// Copy as rich text, then read the clipboard back.
	b.grantClipboard(srv.URL)
	cdpDo(b, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	type clip struct {
		Types []string `json:"types"`
		HTML  string   `json:"html"`
		Plain string   `json:"plain"`
	}
	var c clip
	withClipboard(func() {
		b.click("#copy-rich")
		b.waitFor("the copy to finish", `!!document.getElementById("document-status") && !document.getElementById("document-status").innerText.startsWith("Downloaded")`)
		if got := b.text("#document-status"); !strings.HasPrefix(got, "Copied") {
			t.Fatalf("copying says %q", got)
		}
		c = eval[clip](b, `(async () => {
			const [item] = await navigator.clipboard.read();
			const text = async t => item.types.includes(t) ? await (await item.getType(t)).text() : "";
			return {types: item.types, html: await text("text/html"), plain: await text("text/plain")};
		})()`)
	})
	if !strings.Contains(strings.Join(c.Types, " "), "text/html") || !strings.Contains(strings.Join(c.Types, " "), "text/plain") {
		t.Errorf("the clipboard holds %v, want text/html and text/plain", c.Types)
	}
	containsAll(t, "the clipboard's HTML", c.HTML, "<h1>Priya Raman joins as CFO</h1>", "&lt;script&gt;alert(1)&lt;/script&gt; stays text", "open 2 weeks")
	if strings.Contains(c.HTML, "<script>") {
		t.Error("the clipboard's HTML carries a live script tag")
	}
	containsAll(t, "the clipboard's text", c.Plain, "# Priya Raman joins as CFO", "open 2 weeks")
	if md != c.Plain {
		t.Error("the clipboard's plain text is not the Markdown that was downloaded")
	}

	// Print: the PDF holds the document and none of the app around it.
	_, text := readPDF(t, b.printPDF("document-a4", chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
	text = strings.Join(strings.Fields(text), " ")
	containsAll(t, "the PDF", text, "Priya Raman joins as CFO", "Our agreements", "Standing topics", "Earlier 1:1s", "Page 1 of",
		"open 2 weeks", "<script>alert(1)</script> stays text", "Dana Okafor: kept 1 of 1 due")
	for _, chrome := range []string{"Download .md", "Copy as rich text", "Your answers stay in this browser", "Onboardings"} {
		if strings.Contains(text, chrome) {
			t.Errorf("the PDF prints the app's own %q", chrome)
		}
	}
	eval[bool](b, `(window.print = () => { window.__printed = true }, true)`)
	b.click("#print-document")
	b.waitFor("the print dialog", `window.__printed === true`)
	b.expectNoProblems("the shared document")
}

// A browser without the async clipboard gets told how to copy instead.
func TestCopyWithoutClipboardSupport(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.open(srv.URL + "/document?id=" + exampleID)
	b.waitFor("the document", `!!document.querySelector("#document h1")`)
	eval[bool](b, `(delete window.ClipboardItem, window.ClipboardItem = undefined, true)`)
	b.click("#copy-rich")
	b.waitFor("the explanation", `!!document.getElementById("document-status")`)
	if got := b.text("#document-status"); !strings.Contains(got, "does not let pages copy formatted text") {
		t.Errorf("without clipboard support the page says %q", got)
	}
	b.expectNoProblems("copy without clipboard support")
}

// chooseCadence sets, on the role agreements stage, the weekly 1:1 on
// Thursdays at 08:30 and the time together on the second Wednesday of
// each month at 12:30.
func (b *browser) chooseCadence() {
	b.t.Helper()
	b.choose("#one-on-one-day", "thursday")
	b.choose("#one-on-one-time", "08:30")
	b.choose("#social-every", "monthly")
	b.choose("#social-day", "wednesday")
	b.choose("#social-time", "12:30")
}

// nextThursday is the first Thursday on or after a YYYY-MM-DD date.
func nextThursday(today string) string {
	d, err := time.Parse("2006-01-02", today)
	if err != nil {
		return "bad date " + today
	}
	for d.Weekday() != time.Thursday {
		d = d.AddDate(0, 0, 1)
	}
	return d.Format("2006-01-02")
}
