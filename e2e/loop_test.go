//go:build browser

package e2e

import (
	"strings"
	"testing"
	"time"
)

// The weekly loop, measured: after a 1:1, Dana sends what it changed
// from the 1:1 page in one click, and Priya, in her own browser, takes it
// with the link and one button, landing on that 1:1, with the undo one
// click away. Before it, each sends from a stage page the same way.
func TestTheWeeklyLoopInThreeActions(t *testing.T) {
	t.Parallel()
	srv, dana := startApp(t)
	priya := newBrowser(t)
	dana.grantClipboard(srv.URL)
	priya.grantClipboard(srv.URL)

	// Dana starts the onboarding and sends it from the first stage.
	dana.newOnboarding(srv.URL + "/")
	source := dana.addEntry("sources")
	dana.typeInto("#name-"+source, "Month-end close pack")
	dana.waitFor("the line to say what the link carries", `document.getElementById("send-what").textContent.includes("Everything you share")`)
	first := dana.sendLink()

	// Priya takes it, adds a source of her own and sends it back from the
	// stage she is on.
	// Her first link welcomes her: what this is, what Dana prepared,
	// her first two jobs, in ten seconds of reading.
	priya.open(first)
	priya.waitFor("the welcome", `!!document.getElementById("welcome")`)
	priya.keep("loop-welcome")
	priya.checkAxe("open, the newcomer's first link")
	welcome := priya.text("#preview")
	containsAll(t, "the welcome", welcome, "Welcome, Priya Raman", "Counterpart is where you and Dana Okafor", "Dana Okafor has prepared 1 data source.", "Your first two jobs", "who owns what", "weekly 1:1")
	if n := priya.count("#welcome-jobs li"); n != 2 {
		t.Errorf("the welcome gives %d jobs, want 2", n)
	}
	if n := len(strings.Fields(welcome)); n > 90 {
		t.Errorf("the welcome is %d words long, more than ten seconds of reading", n)
	} else {
		t.Logf("the welcome is %d words long", n)
	}
	priya.waitFor("the save button", `!!document.getElementById("save-incoming") && !document.getElementById("save-incoming").disabled`)
	priya.click("#save-incoming")
	priya.waitFor("the saved message", `!!document.getElementById("open-saved")`)
	priya.click("#open-saved")
	priya.waitFor("the stage page", `location.pathname.includes("/guide/")`)
	entry := priya.addEntry("sources")
	priya.typeInto("#name-"+entry, "Forecast model")
	priya.waitFor("the line to count Priya's source", `document.getElementById("send-what").textContent.includes("Dana Okafor does not have yet")`)
	if got := priya.text("#send-what"); got != "1 change Dana Okafor does not have yet: real data." {
		t.Errorf("Priya's line says %q", got)
	}
	back := priya.sendLink()

	// Dana takes it: one line, one button, and the stage that changed.
	dana.open(back)
	dana.waitFor("the line", `!!document.getElementById("open-line")`)
	if got := dana.text("#open-line"); got != "Priya Raman sent 1 change: real data." {
		t.Errorf("Dana's page says %q", got)
	}
	dana.click("#save-incoming")
	dana.waitFor("the data stage with what the link brought", `location.pathname.endsWith("/guide/data") && !!document.getElementById("saved-changes")`)
	containsAll(t, "the stage Dana lands on", dana.pageText(), "Forecast model", "Merged. Priya Raman sent 1 change: real data.")

	// Dana holds this week's 1:1.
	today := eval[string](dana, `(() => { const d = new Date(); return d.getFullYear() + "-" + String(d.getMonth()+1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0") })()`)
	dana.click("#go-meetings")
	dana.waitFor("the 1:1 page", `!!document.getElementById("start-meeting")`)
	dana.choose("#meeting-date", today)
	dana.click("#start-meeting")
	dana.waitFor("this week's 1:1", `!!document.querySelector('#current[data-date="`+today+`"]')`)
	dana.typeInto("#new-item", "Hiring plan for the finance team")
	dana.click("#add-item")
	dana.waitFor("the item", `document.getElementById("items").textContent.includes("Hiring plan")`)
	dana.typeInto(`[id^="notes-"]`, "Agreed to hire two analysts.")
	dana.waitFor("the line to name the 1:1", `/^\d+ changes? Priya Raman does not have yet: this week's 1:1/.test(document.getElementById("send-what").textContent)`)
	dana.keep("loop-send-1on1")
	dana.checkAxe("the 1:1, ready to send")

	// Sending: one click, no page change.
	clicks, pages := 0, 0
	at := dana.location()
	clicks++
	link := dana.sendLink()
	if dana.location() != at {
		pages++
	}
	t.Logf("sending after the 1:1: %d click, %d page changes", clicks, pages)
	if clicks != 1 || pages != 0 {
		t.Errorf("sending took %d clicks and %d page changes, want 1 and 0", clicks, pages)
	}

	// Receiving: the link opens a page, one button lands on the 1:1.
	clicks, pages = 0, 0
	start := time.Now()
	priya.open(link)
	pages++
	priya.waitFor("the line", `!!document.getElementById("open-line")`)
	t.Logf("the link showed its line %v after it was opened, the app loading included", time.Since(start).Round(time.Millisecond))
	line := priya.text("#open-line")
	if !strings.HasPrefix(line, "Dana Okafor sent this week's 1:1") {
		t.Errorf("Priya's page says %q", line)
	}
	if n := priya.count("main button"); n != 1 {
		t.Errorf("the page of the link has %d buttons, want one", n)
	}
	priya.keep("loop-receive-1on1")
	priya.checkAxe("open, a link of changes")
	before := priya.location()
	priya.click("#save-incoming")
	clicks++
	priya.waitFor("the 1:1 with what it brought", `location.pathname.endsWith("/meetings") && !!document.querySelector('#current[data-date="`+today+`"]') && !!document.getElementById("saved-changes")`)
	if priya.location() != before {
		pages++
	}
	t.Logf("receiving after the 1:1: %d click, %d page changes (the link, then the 1:1)", clicks, pages)
	if clicks != 1 || pages != 2 {
		t.Errorf("receiving took %d clicks and %d page changes, want 1 and 2", clicks, pages)
	}
	containsAll(t, "the 1:1 Priya lands on", priya.text("main"), "Hiring plan for the finance team", "Merged. "+line)
	if got := priya.value(`[id^="notes-"]`); got != "Agreed to hire two analysts." {
		t.Errorf("Priya's notes field holds %q", got)
	}
	priya.keep("loop-landed-1on1")
	priya.checkAxe("the 1:1, a link just merged")

	// The undo is one click away, on the 1:1.
	priya.click("#undo-open")
	priya.waitFor("the undo", `!!document.getElementById("undone")`)
	containsAll(t, "the undo", priya.text("#undone"), "back as it was")
	priya.waitFor("the 1:1 to go", `!document.querySelector('#current[data-date="`+today+`"]')`)
	if strings.Contains(priya.text("main"), "Hiring plan") {
		t.Error("after the undo, Dana's 1:1 is still on Priya's page")
	}
	dana.expectNoProblems("Dana")
	priya.expectNoProblems("Priya")
}

// sendLink presses "Send to …" on the page on screen and returns what
// landed on the clipboard.
func (b *browser) sendLink() string {
	b.t.Helper()
	link := b.copyText("#send-link", "#send-done")
	if !strings.Contains(link, "/open#") {
		b.t.Fatalf("the clipboard holds %q, not a link", link)
	}
	return link
}

// location is the page's path and query.
func (b *browser) location() string {
	return eval[string](b, `location.pathname + location.search`)
}
