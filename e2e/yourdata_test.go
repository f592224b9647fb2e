//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"counterpart/app/share"

	cdpbrowser "github.com/chromedp/cdproto/browser"
)

// The "Your data" page and the notices about keeping the data, in the
// paths headless Chromium can show: the browser agreeing or refusing to
// keep the data, how much is stored, the backup reminder's timing (with
// the page's clock moved on), a restore after storage is cleared, a backup
// file kept up to date, and Safari's seven days (with Safari's user
// agent).

// persistence makes the browser answer navigator.storage.persist as a
// person's settings would: granted or denied.
func (b *browser) persistence(origin string, granted bool) {
	b.t.Helper()
	setting := cdpbrowser.PermissionSettingDenied
	if granted {
		setting = cdpbrowser.PermissionSettingGranted
	}
	cdpDo(b, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission:       &cdpbrowser.PermissionDescriptor{Name: "persistent-storage"},
		Setting:          setting,
		Origin:           origin,
		BrowserContextID: b.browserContext(),
	})
}

// fakeClock makes the page's clock (Date, which Go's time.Now reads in the
// browser) run days ahead, from the next page load on.
func (b *browser) fakeClock() {
	b.t.Helper()
	b.beforeEveryPage(`(() => {
			const days = Number(sessionStorage.getItem("e2e.clockDays") || 0);
			if (!days) return;
			const shift = days * 86400000, Real = Date;
			class Shifted extends Real {
				constructor(...a) { if (a.length) super(...a); else super(Real.now() + shift); }
				static now() { return Real.now() + shift; }
			}
			window.Date = Shifted;
		})()`)
}

// clockDays moves the page's clock to days ahead of the real one; the next
// load takes it.
func (b *browser) clockDays(days float64) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf(`(sessionStorage.setItem("e2e.clockDays", %v), true)`, days))
}

// writeSomething types into the budget advice of a new onboarding, a
// first save of the person's own.
func writeSomething(b *browser, home, text string) string {
	b.t.Helper()
	id := b.newOnboarding(home)
	b.goToStage("problems")
	b.typeInto("#budget-advice", text)
	b.waitSaved(text)
	return id
}

// After the first save of their own, the person is offered, once, to ask
// the browser to keep the data; the answer shows on the "Your data" page
// in plain words, with how much is stored.
func TestYourDataWhenTheBrowserAgreesToKeepIt(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.open(srv.URL + "/")
	// The banner is drawn with the page, from what this device recorded:
	// with no save of the person's yet, the browser's answers, which come
	// later, cannot bring the offer.
	b.waitFor("the banner's place", `!!document.querySelector(".keeping-slot")`)
	if b.count("#keeping-notice") != 0 {
		t.Error("the offer comes before anything of the person's is saved")
	}
	writeSomething(b, srv.URL+"/", "Hold hiring until the audit.")
	b.waitFor("the offer", `!!document.getElementById("notice-persist")`)
	b.keep("keeping-offer")
	b.persistence(srv.URL, true) // the person's answer, were the browser to ask
	b.click("#notice-persist")
	b.waitFor("the offer to go", `!document.getElementById("notice-persist")`)

	b.click(`.shell-header nav a[href="/your-data"]`)
	b.waitFor("the page", `location.pathname === "/your-data" && !!document.getElementById("kept-status")`)
	b.waitFor("the answer", `document.getElementById("kept-status").innerText.includes("has agreed to keep")`)
	if b.count("#ask-persist") != 0 {
		t.Error("the page still offers to ask, after the browser agreed")
	}
	b.waitFor("the estimate", `!!document.getElementById("usage") && document.getElementById("usage").innerText.includes("In all")`)
	containsAll(t, "how much is stored", b.text("#usage"), "Your onboardings take", "KB", "this site uses")
	containsAll(t, "the backups", b.text("#backups"), "No backup yet.")
	b.keep("your-data")
	// The banner shows nothing on this page, which says it all: a page
	// with the banner, drawn from the answer this device recorded, shows
	// whether the offer comes back.
	b.open(srv.URL + "/")
	b.waitFor("the banner's place", `!!document.querySelector(".keeping-slot")`)
	if b.count("#keeping-notice") != 0 {
		t.Error("the offer came back after it was answered")
	}
	b.expectNoProblems("your data")
}

// A browser that refuses: the page says so, names the risk, and still
// offers to ask again later.
func TestYourDataWhenTheBrowserRefuses(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.persistence(srv.URL, false)
	writeSomething(b, srv.URL+"/", "Hold hiring until the audit.")
	b.open(srv.URL + "/your-data")
	b.waitFor("the button", `!!document.getElementById("ask-persist")`)
	b.click("#ask-persist")
	b.waitFor("the answer", `document.getElementById("kept-status").innerText.includes("has not agreed")`)
	containsAll(t, "the risks", b.text("#risks"), "The browser may clear it", "keep a backup")
	if b.count("#ask-persist") != 1 {
		t.Error("the page stops offering to ask after a refusal")
	}
	// The risk is said once on every page, until the person closes it.
	b.open(srv.URL + "/")
	b.waitFor("the risk, once", `!!document.querySelector('#keeping-notice[data-risk="refused"]')`)
	b.click("#notice-seen")
	b.waitFor("the notice to go", `!document.getElementById("keeping-notice")`)
	b.reload()
	// Drawn with the page from what this device recorded: the refusal
	// and that the risk was read.
	b.waitFor("the banner's place", `!!document.querySelector(".keeping-slot")`)
	if b.count("#keeping-notice") != 0 {
		t.Error("the closed risk came back")
	}
	b.open(srv.URL + "/your-data")
	b.waitText("The browser may clear it")
	b.expectNoProblems("refused")
}

// The reminder: none the day of the backup or six days on, one eight days
// on with a change since, put off by "Later" for a day, and gone for a
// week after the backup it offers.
func TestBackupReminderTiming(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.persistence(srv.URL, true)
	b.fakeClock()
	// Until the browser says it keeps the data, the banner offers to ask
	// it: the offer going is the sign that the banner shows what the
	// browser said, and with it the reminder, if one is due.
	b.beforeEveryPage(`new MutationObserver(() => { window.__offered ||= !!document.getElementById("notice-persist"); }).observe(document, {childList: true, subtree: true});`)
	home := srv.URL + "/"
	writeSomething(b, home, "Hold hiring until the audit.")
	b.open(srv.URL + "/your-data")
	b.waitFor("the backup panel", `!!document.getElementById("download-backup")`)
	b.captureDownload("#download-backup")
	b.waitText("Last backup: just now.")

	// A change a few minutes later, and the days go by.
	reminded := func(days float64, want bool) {
		t.Helper()
		b.clockDays(days)
		b.open(home)
		b.waitFor("the banner to show what the browser said", `!!document.getElementById("new-onboarding") && window.__offered && !document.getElementById("notice-persist")`)
		if got := b.count("#backup-reminder") == 1; got != want {
			t.Fatalf("%v days after the backup: reminder shown %v, want %v", days, got, want)
		}
	}
	b.clockDays(0.01)
	b.open(home)
	b.waitFor("the list", `!!document.querySelector("li.onboarding h2 a")`)
	b.click("li.onboarding h2 a")
	b.goToStage("problems")
	b.typeInto("#budget-advice", " And the board.")
	b.waitSaved("Hold hiring until the audit. And the board.")
	reminded(1, false)
	reminded(6, false)
	reminded(8, true)
	containsAll(t, "the reminder", b.text("#backup-reminder"), "8 days ago", "1 change since")
	b.keep("backup-reminder")
	b.click("#reminder-later")
	b.waitFor("the reminder to go", `!document.getElementById("backup-reminder")`)
	reminded(8.5, false)
	reminded(9.1, true)
	b.captureDownload("#reminder-download")
	b.waitFor("the reminder to go", `!document.getElementById("backup-reminder")`)
	reminded(15, false)
	b.expectNoProblems("the reminder")
}

// Storage cleared (the browser's housekeeping, or a new device): the
// backup made before puts everything back, merged into what is there.
func TestRestoreAfterStorageIsCleared(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	id := writeSomething(b, srv.URL+"/", "Hold hiring until the audit.")
	b.open(srv.URL + "/your-data")
	b.waitFor("the backup panel", `!!document.getElementById("download-backup")`)
	backup := b.captureDownload("#download-backup")

	eval[bool](b, `(localStorage.clear(), true)`)
	b.open(srv.URL + "/")
	b.waitFor("the empty list", `!!document.getElementById("empty-restore")`)
	b.click("#empty-restore")
	b.waitFor("the backup panel", `!!document.getElementById("restore-file")`)
	b.chooseFile("#restore-file", "counterpart-backup.json", backup)
	b.waitFor("the restore choice", `!!document.getElementById("restore-merge")`)
	b.click("#restore-merge")
	b.waitText("Restored: 1 added")
	if got := b.stored(id).BudgetAdvice.Text; got != "Hold hiring until the audit." {
		t.Errorf("after the restore, the advice reads %q", got)
	}
	b.goToStageOf(srv.URL, id, "problems")
	if got := b.value("#budget-advice"); got != "Hold hiring until the audit." {
		t.Errorf("the stage shows %q", got)
	}
	b.expectNoProblems("restore")
}

// Where the File System Access API exists, a backup file chosen once is
// rewritten a moment after each change. Headless Chromium cannot show the
// file picker, so the test stands in for it with a file that records what
// is written to it.
func TestABackupFileKeptUpToDate(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	id := writeSomething(b, srv.URL+"/", "First thoughts.")
	b.keepBackupFileInMemory()
	b.open(srv.URL + "/your-data")
	b.waitFor("the offer", `!!document.getElementById("keep-file")`)
	b.click("#keep-file")
	b.waitFor("the first write", `window.__backupFile.writes === 1`)
	b.waitFor("the file's name", `!!document.getElementById("file-status") && document.getElementById("file-status").innerText.includes("counterpart-backup.json")`)
	b.waitText("Last backup: just now.")
	list, _, err := share.ReadBackup([]byte(eval[string](b, `window.__backupFile.text`)))
	if err != nil || len(list) != 1 || list[0].BudgetAdvice.Text != "First thoughts." {
		t.Fatalf("the file: %v, %d onboardings", err, len(list))
	}

	// In-app navigation keeps the tab, and the file with it.
	b.click(`.shell-header nav a[href="/"]`)
	b.waitFor("the list", `!!document.querySelector("li.onboarding h2 a")`)
	b.click("li.onboarding h2 a")
	b.goToStage("problems")
	b.typeInto("#budget-advice", " Then more.")
	b.waitFor("the file rewritten", `window.__backupFile.text.includes("First thoughts. Then more.")`)
	if n := eval[int](b, `window.__backupFile.writes`); n > 3 {
		t.Errorf("typing one sentence wrote the file %d times", n)
	}
	if got := b.stored(id).BudgetAdvice.Text; got != "First thoughts. Then more." {
		t.Errorf("stored: %q", got)
	}
	b.expectNoProblems("the backup file")
}

// Safari in a tab deletes after seven days without a visit, and its Home
// Screen app starts empty: said once, with a backup first.
func TestSafariInATabIsToldOnce(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	writeSomething(b, srv.URL+"/", "Hold hiring until the audit.")
	// The page reads Safari's user agent; the browser goes on as it is.
	b.beforeEveryPage(`Object.defineProperty(navigator, "userAgent", {get: () => "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"})`)
	b.open(srv.URL + "/")
	// The offer to ask the browser comes first; then the risk.
	b.waitFor("the offer", `!!document.getElementById("notice-later")`)
	b.click("#notice-later")
	b.waitFor("the Safari notice", `!!document.querySelector('#keeping-notice[data-risk="safari-tab"]')`)
	notice := b.text("#keeping-notice")
	containsAll(t, "the Safari notice", notice, "seven days", "Home Screen", "backup first", "starts empty")
	b.keep("safari-notice")
	b.click("#notice-seen")
	b.waitFor("the notice to go", `!document.getElementById("keeping-notice")`)
	b.open(srv.URL + "/your-data")
	b.waitFor("the page", `!!document.getElementById("risks")`)
	containsAll(t, "the risks", b.text("#risks"), "Safari deletes after seven days", "Home Screen")
	if !strings.Contains(b.text("#kept-status"), "Safari deletes") && !strings.Contains(b.text("#kept-status"), "agreed") {
		t.Errorf("what the page says of Safari: %q", b.text("#kept-status"))
	}
	b.expectNoProblems("Safari")
}
