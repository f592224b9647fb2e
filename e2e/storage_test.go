//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/share"
	"counterpart/app/store"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// beforeEveryPage runs a script in every page before the page's own.
func (b *browser) beforeEveryPage(script string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		b.t.Fatal(err)
	}
}

// keepScreenshot saves a picture of the page in $COUNTERPART_ARTIFACTS, if
// set, for a person to look at.
func (b *browser) keepScreenshot(name string) {
	b.t.Helper()
	dir := os.Getenv("COUNTERPART_ARTIFACTS")
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

// Where the browser turns storage off, the app still starts, says on every
// page that nothing will be kept, and can be used in the tab.
func TestStorageTurnedOffIsExplained(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, script string }{
		// Storage turned off for the site: reading localStorage throws.
		{"reading throws", `Object.defineProperty(window, "localStorage", {configurable: true, get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }});`},
		// Some private windows: it reads, empty, but refuses every write.
		{"writing throws", `Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := startServer(t, builtWeb, "127.0.0.1:0")
			b := newBrowser(t)
			b.beforeEveryPage(tc.script)
			b.open(srv.URL + "/")
			b.waitFor("the notice", `!!document.getElementById("storage-off")`)
			containsAll(t, "the notice", b.text("#storage-off"), "not letting Counterpart save", "gone when you close this tab")
			b.keepScreenshot("storage-off-" + strings.ReplaceAll(tc.name, " ", "-"))

			// The example opens and can be changed in this tab.
			b.click("#open-example")
			b.waitFor("the example", `!!document.querySelector(".example-note")`)
			containsAll(t, "the example", b.pageText(), theExample(t).Title)
			if b.count("#storage-off") != 1 {
				t.Error("the stage page does not say that nothing is kept")
			}
			b.goToStage("problems")
			b.typeInto("#budget-advice", " Typed with storage off.")
			b.settle()
			b.goToStage("data")
			b.goToStage("problems")
			if got := b.value("#budget-advice"); !strings.HasSuffix(got, "Typed with storage off.") {
				t.Errorf("in the same tab, the advice ends %q", got[max(0, len(got)-30):])
			}
			if b.count("#save-error") != 0 {
				t.Errorf("a save error shows as well: %q", b.text("#save-error"))
			}

			// A new onboarding can be started, and the form says it too.
			b.click(`.shell-header a[href="/"]`)
			b.waitFor("home", `!!document.getElementById("new-onboarding")`)
			b.click("#new-onboarding")
			b.waitFor("the form", `!!document.getElementById("my-name")`)
			if b.count("#storage-off") != 1 {
				t.Error("the new onboarding form does not say that nothing is kept")
			}
			b.expectNoProblems("storage turned off")
		})
	}
}

// A record written by a newer version of the app is left exactly as it is,
// and the person is told to reload to get the newer version.
func TestNewerRecordIsLeftAloneAndExplained(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	home := srv.URL + "/"
	id := b.newOnboarding(home)
	key := "counterpart.v1.onboarding." + id
	eval[string](b, fmt.Sprintf(`(() => {
		const rec = JSON.parse(localStorage.getItem(%q));
		rec.schema = 99;
		rec.futureField = {"kept": true};
		const s = JSON.stringify(rec);
		localStorage.setItem(%q, s);
		return s;
	})()`, key, key))
	future := b.appStorage()

	b.open(home)
	b.waitText("newer version of Counterpart")
	b.open(home + "guide/data?id=" + id)
	b.waitFor("the explanation", `!!document.getElementById("load-error")`)
	containsAll(t, "the stage page", b.text("#load-error"), "newer version of Counterpart", "reload")
	if b.count("#add-sources") != 0 {
		t.Error("the page offers to edit a record it cannot read")
	}
	if got := b.appStorage(); !maps.Equal(got, future) {
		t.Errorf("the newer record was changed, moved or added to:\n%v\nwant\n%v", got, future)
	}
	b.expectNoProblems("a newer record")
}

// fillStorage fills this origin's storage to the last byte with someone
// else's data, and reports whether it is full.
func (b *browser) fillStorage() {
	b.t.Helper()
	full := eval[bool](b, `(() => {
		let n = 0;
		for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
			const chunk = "z".repeat(size);
			try { for (let i = 0; i < 100000; i++) localStorage.setItem("filler." + n++, chunk); } catch (e) {}
		}
		try { localStorage.setItem("filler.probe", "z"); return false; } catch (e) { return true; }
	})()`)
	if !full {
		b.t.Fatal("storage never filled up; the test cannot run")
	}
}

// With storage full, every action that saves says so in plain words and
// leaves what was saved before as it was: starting an onboarding, opening
// the example, renaming.
func TestFullStorageOnEveryPageThatSaves(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	home := srv.URL + "/"
	id := b.newOnboarding(home)
	before := b.appStorage()
	b.open(home)
	b.fillStorage()

	b.click("#open-example")
	b.waitText("could not be saved")
	if got := eval[string](b, `location.pathname`); got != "/" {
		t.Errorf("opening the example with full storage went to %s", got)
	}

	b.open(home)
	if strings.Contains(b.pageText(), "could not be saved") {
		t.Fatal("the message outlived a reload; the next checks would prove nothing")
	}
	b.click(`li.onboarding[data-id="` + id + `"] button[aria-label^="Rename"]`)
	b.waitFor("the title field", `!!document.getElementById("rename-`+id+`")`)
	b.typeInto("#rename-"+id, " renamed")
	b.click("#save-title")
	b.waitText("could not be saved")

	b.click("#new-onboarding")
	b.waitFor("the form", `!!document.getElementById("my-name")`)
	b.typeInto("#my-name", "Dana Okafor")
	b.typeInto("#my-role", "CTO")
	b.choose("#my-function", "engineering")
	b.typeInto("#peer-name", "Sam Lee")
	b.typeInto("#peer-role", "CMO")
	b.choose("#peer-function", "marketing")
	b.choose("#start-date", "2026-11-02")
	b.click("#start")
	b.waitText("could not be saved")
	if got := eval[string](b, `location.pathname`); got != "/new" {
		t.Errorf("a new onboarding that could not be saved went on to %s", got)
	}

	if got := b.appStorage(); !maps.Equal(got, before) {
		t.Errorf("what the app stored before the storage filled up changed: %d keys, had %d", len(got), len(before))
	}
	b.takeProblems() // the browser logs the refused writes; the app handled them
}

// When storage is full, the message says in the person's words what was
// not saved, never the browser's ("JavaScript error: Failed to execute
// 'setItem'..."), and offers a backup at once that holds what is on
// screen, the unsaved text included.
func TestFullStorageOffersABackupAtOnce(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	id := writeSomething(b, srv.URL+"/", "Saved before.")
	b.fillStorage()

	b.typeInto("#budget-advice", " Typed when full.")
	b.waitFor("the warning", `!!document.getElementById("save-error")`)
	msg := b.text("#save-error")
	containsAll(t, "the warning", msg, "budget and headcount advice", "could not be saved", "storage for Counterpart is full", "earlier work is safe", "Download a backup now")
	for _, raw := range []string{"JavaScript", "setItem", "Failed to execute", "quota", "exceeded"} {
		if strings.Contains(msg, raw) {
			t.Errorf("the warning shows the browser's words %q: %s", raw, msg)
		}
	}
	file := b.captureDownload("#save-error-backup")
	list, _, err := share.ReadBackup([]byte(file))
	if err != nil || len(list) != 1 || list[0].ID != id {
		t.Fatalf("the backup: %v, %d onboardings", err, len(list))
	}
	if got := list[0].BudgetAdvice.Text; got != "Saved before. Typed when full." {
		t.Errorf("the backup holds %q, want what is on screen", got)
	}
	// The last bytes the browser had left may have taken a keystroke or
	// two: what is stored is what was on screen a moment before.
	if got := b.stored(id).BudgetAdvice.Text; !strings.HasPrefix(got, "Saved before.") || !strings.HasPrefix("Saved before. Typed when full.", got) || got == "Saved before. Typed when full." {
		t.Errorf("stored after the storage filled up: %q", got)
	}
	b.takeProblems() // the browser logs the refused writes; the app handled them
}

// A record written by the version before parts opens as it was, on the
// home page, a stage and the weekly 1:1, and is stored in parts from then
// on.
func TestAnOldRecordOpensAfterTheUpgrade(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "app/store/testdata/v1/quarter.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec struct{ Onboarding onboarding.Onboarding }
	json.Unmarshal(raw, &rec)
	old := &rec.Onboarding
	// What a person sees is the record as the app reads it: a name or a
	// title loses its bidi controls on the way in (issue 20).
	old.Normalize()
	srv := startServer(t, builtWeb, "127.0.0.1:0")
	b := newBrowser(t)
	b.open(srv.URL + "/")
	eval[bool](b, fmt.Sprintf(`(localStorage.setItem(%q, %q), true)`, store.KeyOf(old.ID), string(raw)))

	b.open(srv.URL + "/")
	b.waitFor("the old onboarding", `!!document.querySelector('li.onboarding[data-id="`+old.ID+`"]')`)
	b.goToStageOf(srv.URL, old.ID, "data")
	b.waitText("Close pack")
	latest := old.LatestMeeting()
	b.open(srv.URL + "/meetings?id=" + old.ID)
	b.waitFor("the latest 1:1", `!!document.getElementById("notes-`+latest.ID+`")`)
	if got := b.value("#notes-" + latest.ID); got != latest.Notes {
		t.Errorf("the latest 1:1's notes read %q, want %q", got, latest.Notes)
	}
	head := eval[string](b, fmt.Sprintf(`localStorage.getItem(%q)`, store.KeyOf(old.ID)))
	if !strings.HasPrefix(head, fmt.Sprintf(`{"schema":%d,`, store.SchemaVersion)) {
		t.Errorf("not stored in parts after opening: %.80s", head)
	}
	got := b.stored(old.ID)
	if len(got.Meetings) != len(old.Meetings) || len(got.Commitments) != len(old.Commitments) || got.Title != old.Title {
		t.Errorf("after the upgrade: %d meetings, %d commitments, %q", len(got.Meetings), len(got.Commitments), got.Title)
	}
	b.expectNoProblems("an old record")
}
