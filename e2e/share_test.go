//go:build browser

package e2e

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"counterpart/app/share"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Two people, two browsers with their own profiles: Dana (the buddy) fills
// in an onboarding and sends a link; Priya (the newcomer) opens it on her
// device, answers her side of the role agreement and sends a link back;
// Dana then sees the comparison. The link travels only through the
// clipboard, as it would in a message.
func TestShareLinkBetweenTwoDevices(t *testing.T) {
	t.Parallel()
	shareBetweenTwoDevices(t, "")
}

// The same with both links locked by a passphrase, which travels apart.
func TestShareLockedLinkBetweenTwoDevices(t *testing.T) {
	t.Parallel()
	shareBetweenTwoDevices(t, "blue harbour seven lamps")
}

func shareBetweenTwoDevices(t *testing.T, passphrase string) {
	srv, dana := startApp(t)
	priya := newBrowser(t)
	dana.grantClipboard(srv.URL)
	priya.grantClipboard(srv.URL)

	// Dana starts the onboarding, adds a data source, a private read of a
	// team member, and answers her side of the role agreement.
	id := dana.newOnboarding(srv.URL + "/")
	dana.addSource("Month-end close pack")
	dana.goToStage("team")
	member := dana.addEntry("team")
	dana.typeInto("#person-"+member, "TEAM-SECRET Kenji")
	dana.goToStage("roles")
	rows := eval[[]string](dana, `Array.from(document.querySelectorAll("#own-grid fieldset")).map(f => f.dataset.row)`)
	dana.answer(rows[0], "mine")
	dana.answer(rows[1], "yours")
	dana.answer(rows[2], "shared")
	dana.typeInto(`[id^="expect-mine-"]`, "DANA-BLIND: I own the architecture.")
	dana.waitSaved("TEAM-SECRET Kenji", "DANA-BLIND: I own the architecture.")
	dana.finishWriting()
	dana.finishSide()

	link := dana.shareLink(passphrase)
	if want := fmt.Sprintf("/open#%d.", share.Version); passphrase != "" {
		want = fmt.Sprintf("/open#%de.", share.Version)
		if !strings.Contains(link, want) {
			t.Fatalf("the locked link %q is not marked as locked", link[:40])
		}
	} else if !strings.Contains(link, want) {
		t.Fatalf("the link %q does not open the open page", link[:40])
	}
	if strings.Contains(link, "TEAM") {
		t.Error("the link carries text in the clear")
	}

	// Priya opens it in her own browser: she sees what it holds before
	// anything is saved.
	priya.open(link)
	if passphrase != "" {
		priya.unlock(passphrase)
	}
	priya.waitFor("the preview", `!!document.getElementById("preview")`)
	priya.keep("share-preview-new" + lockedSuffix(passphrase))
	preview := priya.text("#preview")
	containsAll(t, "the preview", preview, "From Dana Okafor (CTO)", "Welcome, Priya Raman", "Priya Raman joins as CFO: Dana Okafor has prepared 1 data source and their side of who owns what.", "Your first two jobs")
	if strings.Contains(preview, "TEAM-SECRET") || strings.Contains(priya.storageDump(), "TEAM-SECRET") {
		t.Error("Dana's private team read reached Priya's device")
	}
	if len(priya.onboardingKeys()) != 0 {
		t.Fatal("something was saved before Priya said yes")
	}
	// The link names Dana as its sender, so Priya is chosen already.
	if !eval[bool](priya, `document.getElementById("me-newcomer").checked`) || !strings.Contains(priya.text("#who-am-i"), "You are Priya Raman") {
		t.Errorf("the person the link was sent to is not preselected: %q", priya.text("#who-am-i"))
	}
	priya.waitFor("the save button", `!document.getElementById("save-incoming").disabled`)
	priya.click("#save-incoming")
	priya.waitFor("the saved message", `!!document.getElementById("saved-changes")`)
	containsAll(t, "the saved message", priya.text("#saved"), "A new onboarding on this device.")
	priya.keep("share-saved-new" + lockedSuffix(passphrase))
	priya.click("#open-saved")
	priya.waitFor("the stage page", `location.pathname.includes("/guide/")`)
	priya.goToStage("roles")
	priya.waitFor("Priya's grid", `!!document.getElementById("own-grid")`)
	if !strings.HasPrefix(priya.text(".blind-note"), "Priya") {
		t.Errorf("Priya's device does not know she is Priya: %q", priya.text(".blind-note"))
	}
	if n := priya.count("#own-grid input:checked"); n != 0 || strings.Contains(priya.pageText(), "DANA-BLIND") {
		t.Error("Dana's side shows on Priya's screen before she has answered")
	}
	if !strings.Contains(priya.pageText(), "Dana Okafor has finished their side") {
		t.Error("Priya is not told that Dana has finished")
	}
	priya.answer(rows[0], "mine")   // Dana said mine too: both claim it
	priya.answer(rows[1], "mine")   // Dana said Priya's: agreed
	priya.answer(rows[2], "shared") // agreed
	priya.typeInto(`[id^="expect-mine-"]`, "I own the forecast.")
	priya.waitSaved("I own the forecast.")
	priya.finishWriting()
	priya.finishSide()
	priya.waitFor("the comparison on Priya's device", `!!document.getElementById("comparison")`)

	back := priya.shareLink(passphrase)

	// Dana opens Priya's link: her copy is merged, after she agrees.
	before := dana.storedOnboarding(id)
	dana.open(back)
	if passphrase != "" {
		dana.unlock(passphrase)
	}
	dana.waitFor("the merge preview", `!!document.getElementById("open-line")`)
	containsAll(t, "the merge preview", dana.text("#open-line"), "Priya Raman sent", "the comparison is open")
	dana.keep("share-preview-merge" + lockedSuffix(passphrase))
	if dana.storedOnboarding(id) != before {
		t.Fatal("Dana's copy changed before she said yes")
	}
	dana.click("#save-incoming")
	dana.waitFor("the saved message", `!!document.getElementById("saved-changes")`)

	// One undo puts her copy back exactly; opening the link again works.
	dana.click("#undo-open")
	dana.waitFor("the undo", `!!document.getElementById("undone")`)
	if dana.storedOnboarding(id) != before {
		t.Error("undo did not put Dana's copy back as it was")
	}
	dana.leave()
	dana.open(back)
	if passphrase != "" {
		dana.unlock(passphrase)
	}
	dana.waitFor("the merge preview", `!!document.getElementById("open-line")`)
	dana.click("#save-incoming")
	// Merging lands on the comparison it opened.
	dana.waitFor("the comparison on Dana's device", `!!document.getElementById("comparison") && !!document.getElementById("saved-changes")`)
	counts := dana.text("#verdict-counts")
	containsAll(t, "Dana's comparison", counts, "1 both claim it", "2 agreed")
	containsAll(t, "Dana's page", dana.pageText(), "I own the forecast.")
	if !strings.Contains(dana.storageDump(), "TEAM-SECRET") {
		t.Error("Dana's private entry was lost in the merge")
	}

	dana.expectNoProblems("Dana")
	priya.expectNoProblems("Priya")
	dana.expectOnlyOwnOrigin(srv.URL)
	priya.expectOnlyOwnOrigin(srv.URL)
}

// expectOnlyOwnOrigin is expectOnlyOrigin, leaving out the data: URLs of
// Chromium's own icons in date and time fields, which load nothing.
func (b *browser) expectOnlyOwnOrigin(origin string) {
	b.t.Helper()
	b.mu.Lock()
	var kept []string
	for _, r := range b.requests {
		if !strings.HasPrefix(r, "data:") {
			kept = append(kept, r)
		}
	}
	b.requests = kept
	b.mu.Unlock()
	b.expectOnlyOrigin(origin)
}

// Every way a link can go wrong gets its own message in the receiver's
// browser, and nothing saved there changes.
func TestDamagedLinksShowWhatIsWrong(t *testing.T) {
	t.Parallel()
	srv, dana := startApp(t)
	dana.grantClipboard(srv.URL)
	dana.newOnboarding(srv.URL + "/")
	link := dana.shareLink("")
	locked := dana.shareLink("the right four words")
	_, frag, _ := strings.Cut(link, "#")
	_, payload, _ := strings.Cut(frag, ".")

	// Priya has an onboarding of her own, which must survive all of it.
	// Each part below is a Priya of its own, so that they can run side by
	// side: each link is a load of the app.
	newPriya := func(t *testing.T) (*browser, string) {
		p := newBrowser(t)
		p.newOnboarding(srv.URL + "/")
		return p, p.storageDump()
	}
	base := srv.URL + "/open#"
	type damaged struct{ name, link, want string }
	for _, part := range [][]damaged{{
		{"cut off", link[:len(link)*2/3], "This link is damaged"},
		{"one character changed", base + "1." + payload[:30] + swap(payload[30]) + payload[31:], "This link is damaged"},
		{"from a future version", base + strconv.Itoa(share.Version+1) + "." + payload, "made by a newer version of Counterpart"},
		{"not a link of ours", base + "hello", "This is not a Counterpart link"},
	}, {
		{"a zip bomb", base + zipBomb(5<<20), "far more data than an onboarding can"},
		{"1.39 million empty meetings", base + bombLink(t, "bomb-flat.link"), "This link is damaged"},
		{"meetings of a thousand items", base + bombLink(t, "bomb-nested.link"), "This link is damaged"},
	}} {
		t.Run(part[0].name+" to "+part[len(part)-1].name, func(t *testing.T) {
			t.Parallel()
			priya, saved := newPriya(t)
			for _, c := range part {
				priya.leave()
				priya.open(c.link)
				priya.waitFor(c.name+": the message", `!!document.getElementById("open-error")`)
				priya.keep("share-error-" + strings.ReplaceAll(c.name, " ", "-"))
				if msg := priya.text("#open-error"); !strings.Contains(msg, c.want) || !strings.Contains(msg, "Nothing on this device was changed") {
					t.Errorf("%s: the page says %q, want %q", c.name, msg, c.want)
				}
				if priya.storageDump() != saved {
					t.Errorf("%s: storage changed", c.name)
				}
			}
			priya.expectNoProblems("Priya")
		})
	}

	t.Run("a wrong passphrase and an escaped link", func(t *testing.T) {
		t.Parallel()
		priya, saved := newPriya(t)
		// A wrong passphrase says so, and the right one still opens it.
		priya.leave()
		priya.open(locked)
		priya.waitFor("the passphrase field", `!!document.getElementById("open-passphrase")`)
		priya.typeInto("#open-passphrase", "wrong words")
		priya.click("#unlock")
		priya.waitFor("the wrong passphrase message", `document.querySelector(".open-lock") && document.querySelector(".open-lock").innerText.includes("does not open this link")`)
		if priya.storageDump() != saved {
			t.Error("a wrong passphrase changed storage")
		}

		// A mail scanner's "%23" for "#" still opens, through the server
		// and the router.
		priya.leave()
		priya.open(strings.Replace(link, "#", "%23", 1))
		priya.waitFor("the preview of the escaped link", `!!document.getElementById("preview")`)
		containsAll(t, "the escaped link's preview", priya.text("#preview"), "From Dana Okafor")
		if priya.storageDump() != saved {
			t.Error("opening a link saved something before Priya said yes")
		}
		priya.expectNoProblems("Priya")
	})
}

// The file export carries the same as the link, for links too long to send.
func TestFileExportOpensOnTheOtherDevice(t *testing.T) {
	t.Parallel()
	srv, dana := startApp(t)
	priya := newBrowser(t)
	dana.newOnboarding(srv.URL + "/")
	dana.click("#share-onboarding")
	dana.waitFor("the link", `document.getElementById("share-link").value.length > 0`)
	file := dana.captureDownload("#download-file")
	if !strings.Contains(file, `"format": "counterpart-onboarding"`) {
		t.Fatalf("the downloaded file is not an onboarding file:\n%.200s", file)
	}
	priya.open(srv.URL + "/open")
	priya.chooseFile("#open-file", "dana.counterpart.json", file)
	priya.waitFor("the preview", `!!document.getElementById("preview")`)
	containsAll(t, "the file's preview", priya.text("#preview"), "From Dana Okafor (CTO)")
	priya.expectNoProblems("Priya")
}

// A backup restores into a fresh browser, and one undo takes it back out.
func TestBackupRestoresOnAnotherDevice(t *testing.T) {
	t.Parallel()
	srv, a := startApp(t)
	b := newBrowser(t)
	a.newOnboarding(srv.URL + "/")
	a.open(srv.URL + "/your-data")
	a.waitFor("the backup panel", `!!document.getElementById("download-backup")`)
	backup := a.captureDownload("#download-backup")

	b.open(srv.URL + "/your-data")
	b.waitFor("the backup panel", `!!document.getElementById("restore-file")`)
	b.chooseFile("#restore-file", "counterpart-backup.json", backup)
	b.waitFor("the restore choice", `!!document.getElementById("restore-merge")`)
	b.keep("share-restore-choice")
	b.click("#restore-merge")
	b.waitText("Restored: 1 added")
	if got := len(b.storage().Snapshot()); got < 2 {
		t.Fatalf("after the restore, storage holds %d keys", got)
	}
	b.click("#undo-restore")
	b.waitText("back as it was")
	b.open(srv.URL + "/")
	b.waitFor("the list, empty again", `!!document.querySelector(".empty")`)
	if n := b.count(".onboardings li"); n != 0 {
		t.Errorf("after the undo, %d onboardings are listed", n)
	}
	b.open(srv.URL + "/your-data")
	b.waitFor("the backup panel", `!!document.getElementById("restore-file")`)

	b.chooseFile("#restore-file", "not-a-backup.json", `{"hello": "world"}`)
	b.waitFor("the message", `!!document.getElementById("backup-error")`)
	containsAll(t, "the backup message", b.text("#backup-error"), "not a Counterpart backup")
	b.expectNoProblems("B")
}

// grantClipboard lets the page write and read the clipboard without a
// prompt, as a person's click would.
func (b *browser) grantClipboard(origin string) {
	b.t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		cdpDo(b, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission:       &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:          cdpbrowser.PermissionSettingGranted,
			Origin:           origin,
			BrowserContextID: b.browserContext(),
		})
	}
}

// clipboardMu is held from a copy to its reading back: the browser
// contexts of one Chromium share one clipboard, so two tests copying at
// the same time could each read what the other copied.
var clipboardMu sync.Mutex

// withClipboard runs fn, which copies and reads the clipboard back, while
// no other test uses the clipboard.
func withClipboard(fn func()) {
	clipboardMu.Lock()
	defer clipboardMu.Unlock()
	fn()
}

// copyText presses a Copy button, waits until the element status says
// "Copied", and returns the text that landed on the clipboard.
func (b *browser) copyText(button, status string) string {
	b.t.Helper()
	var text string
	withClipboard(func() {
		b.click(button)
		b.waitFor("the copy", `document.querySelector(`+jsLiteral(status)+`).innerText.startsWith("Copied")`)
		text = eval[string](b, `navigator.clipboard.readText()`)
	})
	return text
}

// shareLink goes to the share page of the onboarding on screen, locks the
// link if asked, presses Copy and returns what landed on the clipboard.
func (b *browser) shareLink(passphrase string) string {
	b.t.Helper()
	if b.count("#share-link") == 0 {
		b.click("#share-onboarding")
	}
	b.waitFor("the link", `!!document.getElementById("share-link") && document.getElementById("share-link").value.length > 0`)
	size := b.text("#link-size")
	if !strings.Contains(size, "characters") {
		b.t.Errorf("the size meter says %q", size)
	}
	if passphrase != "" {
		plain := b.value("#share-link")
		b.choose("#passphrase", "") // the suggested one
		b.typeInto("#passphrase", passphrase)
		b.click("#lock-link")
		start := time.Now()
		b.waitFor("the locked link", fmt.Sprintf(`document.getElementById("share-link").value !== %q && document.getElementById("lock-state").textContent.includes("Locked")`, plain))
		b.t.Logf("locking the link took %v in Chromium (key derivation and encoding)", time.Since(start))
	}
	copied := b.copyText("#copy-link", "#share-done")
	b.keep("share-page" + lockedSuffix(passphrase))
	if copied != b.value("#share-link") {
		b.t.Fatalf("the clipboard holds %q, not the link shown", copied)
	}
	b.t.Logf("link length: %d characters (locked: %v)", len(copied), passphrase != "")
	return copied
}

// leave goes to a blank page, so that the next link loads the app afresh
// rather than changing only the part after "#".
func (b *browser) leave() {
	b.t.Helper()
	b.do(chromedp.Navigate("about:blank"))
}

// unlock types the passphrase of a locked link and waits for it to open.
func (b *browser) unlock(passphrase string) {
	b.t.Helper()
	b.waitFor("the passphrase field", `!!document.getElementById("open-passphrase")`)
	b.typeInto("#open-passphrase", passphrase)
	start := time.Now()
	b.click("#unlock")
	b.waitFor("the unlocked preview", `!!document.getElementById("preview")`)
	b.t.Logf("unlocking took %v in Chromium", time.Since(start))
}

// answer picks an answer in the role grid and waits until it is taken.
func (b *browser) answer(row, a string) {
	b.t.Helper()
	b.click(`label[for="own-` + row + `-` + a + `"]`)
	b.waitFor("the answer to be taken", `document.getElementById("own-`+row+`-`+a+`").checked`)
}

// finishSide seals the writer's side, confirming that some areas are left
// open.
func (b *browser) finishSide() {
	b.t.Helper()
	b.click("#finish-side")
	b.waitText("have no answer from you")
	b.click("#finish-side")
	b.waitFor("the side sealed", `!!document.getElementById("sealed") || !!document.getElementById("comparison")`)
}

func (b *browser) enabled(css string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`!document.querySelector(%q).disabled`, css))
}

// storageDump is everything in localStorage, in key order.
func (b *browser) storageDump() string {
	b.t.Helper()
	return eval[string](b, `JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))`)
}

func (b *browser) onboardingKeys() []string {
	b.t.Helper()
	return eval[[]string](b, `Object.keys(localStorage).filter(k => k.startsWith("counterpart.v1.onboarding."))`)
}

// zipBomb is a link whose data unpacks to n bytes of spaces: a few
// kilobytes that would fill the memory of a decoder without a limit. It
// follows the link format (raw DEFLATE, CRC-32 of "1." and the body,
// base64url), so only the size gives it away.
func zipBomb(n int) string {
	return plainLinkOf(bytes.Repeat([]byte(" "), n))
}

// plainLinkOf makes a plain link of any data, as an attacker could: raw
// DEFLATE (the app's dictionary is only needed to make links short) and
// the checksum.
func plainLinkOf(data []byte) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	body := buf.Bytes()
	sum := crc32.ChecksumIEEE(append([]byte("1."), body...))
	return "1." + base64.RawURLEncoding.EncodeToString(binary.BigEndian.AppendUint32(body, sum))
}

func lockedSuffix(passphrase string) string {
	if passphrase != "" {
		return "-locked"
	}
	return ""
}

func swap(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}
