//go:build browser

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"counterpart/app/share"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
)

// bombLink reads one of the decode bombs of issue 18, kept as fixtures by
// the share package's tests.
func bombLink(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../app/share/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// history is the URL of every entry of the tab's history.
func (b *browser) history() []string {
	b.t.Helper()
	h := cdpDo(b, page.GetNavigationHistory, cdp.Empty{})
	var urls []string
	for _, e := range h.Entries {
		urls = append(urls, e.URL)
	}
	return urls
}

// expectLinkForgotten checks that no entry of the history, and not the
// address bar, still holds the link's data.
func (b *browser) expectLinkForgotten(what, data string) {
	b.t.Helper()
	if href := eval[string](b, `location.href`); strings.Contains(href, "#") || strings.Contains(href, data) {
		b.t.Errorf("%s: the address still holds the link: %.80s", what, href)
	}
	for _, u := range b.history() {
		if strings.Contains(u, data) {
			b.t.Errorf("%s: the history still holds the link: %.80s", what, u)
		}
	}
}

// A link made to harm: the two decode bombs are refused as damaged links
// at once, and a sender whose name hides a right-to-left override shows
// as the plain name. Each link leaves the history once it has been read,
// and nothing saved on the device changes.
func TestHostileLinksInTheBrowser(t *testing.T) {
	t.Parallel()
	srv, priya := startApp(t)
	priya.newOnboarding(srv.URL + "/")
	saved := priya.storageDump()
	for _, name := range []string{"bomb-flat.link", "bomb-nested.link"} {
		link := bombLink(t, name)
		priya.leave()
		start := time.Now()
		priya.open(srv.URL + "/open#" + link)
		priya.waitFor(name+": the message", `!!document.getElementById("open-error")`)
		t.Logf("%s (%d characters): refused %v after the navigation started", name, len(link), time.Since(start))
		priya.keep("share-bomb-refused")
		if msg := priya.text("#open-error"); !strings.Contains(msg, "This link is damaged") || !strings.Contains(msg, "Nothing on this device was changed") {
			t.Errorf("%s: the page says %q", name, msg)
		}
		if priya.storageDump() != saved {
			t.Errorf("%s: storage changed", name)
		}
		priya.expectLinkForgotten(name, link[2:60])
	}

	// The sender's name and role hide direction controls and invisible
	// characters: the preview shows them plainly.
	const ann, bob = "00000000-0000-4000-8000-0000000a0001", "00000000-0000-4000-8000-0000000a0002"
	spoof := plainLinkOf([]byte(fmt.Sprintf(`{"id":"00000000-0000-4000-8000-0000000a0000","title":"Q3\u2028plan\u202e","me":%q,
		"buddy":{"id":%q,"name":"Ann Bob\u202ekcilc\u200b","role":"\u2067CFO"},
		"newcomer":{"id":%q,"name":"Cy\u2066 Dee","role":"VP Sales"}}`, ann, ann, bob)))
	priya.leave()
	priya.open(srv.URL + "/open#" + spoof)
	priya.waitFor("the preview", `!!document.getElementById("preview")`)
	priya.keep("share-spoof-preview")
	if got := priya.text("#preview-from"); got != "Ann Bobkcilc (CFO)" {
		t.Errorf("the preview says it is from %q", got)
	}
	if eval[bool](priya, `/[\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/.test(document.getElementById("preview").innerText)`) {
		t.Errorf("the preview holds direction or invisible characters: %q", priya.text("#preview"))
	}
	priya.expectLinkForgotten("the spoofed link", spoof[2:60])
	// Reading the page again finds no link: the data lives only in the
	// page that read it.
	priya.reload()
	priya.waitFor("the open page without a link", `!!document.getElementById("paste-link")`)
	if priya.storageDump() != saved {
		t.Error("opening the links saved something before Priya said yes")
	}
	priya.expectNoProblems("Priya")
}

// The share page suggests a passphrase of five words, copies it in one
// click, and refuses a weak one with the reason; the other device opens
// the link with the suggested words. No passphrase field lets the browser
// remember or correct what is typed.
func TestSuggestedPassphraseLocksTheLink(t *testing.T) {
	t.Parallel()
	srv, dana := startApp(t)
	priya := newBrowser(t)
	dana.grantClipboard(srv.URL)
	dana.newOnboarding(srv.URL + "/")
	dana.click("#share-onboarding")
	dana.waitFor("a suggested passphrase", `document.getElementById("passphrase").value.split(" ").length === 5`)
	dana.expectPassphraseField("#passphrase")
	first := dana.value("#passphrase")
	dana.click("#passphrase-new")
	dana.waitFor("other words", fmt.Sprintf(`document.getElementById("passphrase").value !== %q`, first))
	suggested := dana.value("#passphrase")
	if got := dana.copyText("#passphrase-copy", "#passphrase-status"); got != suggested {
		t.Errorf("the clipboard holds %q, not the passphrase %q", got, suggested)
	}

	// A weak passphrase is refused, and the link stays as it was.
	plain := dana.value("#share-link")
	for weak, reason := range map[string]string{"a": "use at least 12", "onlyonelongword": "at least 4 words"} {
		dana.choose("#passphrase", "")
		dana.typeInto("#passphrase", weak)
		dana.click("#lock-link")
		dana.waitFor("the reason", `!!document.getElementById("passphrase-error")`)
		if msg := dana.text("#passphrase-error"); !strings.Contains(msg, reason) {
			t.Errorf("%q: the page says %q, want %q", weak, msg, reason)
		}
		dana.keep("share-passphrase-refused")
		if dana.value("#share-link") != plain || strings.Contains(dana.text("#lock-state"), "Locked") {
			t.Errorf("%q locked the link", weak)
		}
	}

	dana.choose("#passphrase", "")
	dana.typeInto("#passphrase", suggested)
	dana.click("#lock-link")
	dana.waitFor("the locked link", fmt.Sprintf(`document.getElementById("share-link").value !== %q && document.getElementById("lock-state").textContent.includes("Locked")`, plain))
	link := dana.shareLink("")
	if info, err := share.Inspect(link); err != nil || !info.Locked {
		t.Fatalf("the link is not locked (%v): %.60s", err, link)
	}
	// Locked with the browser's own key derivation, it opens natively.
	if _, err := share.Decode(link, suggested); err != nil {
		t.Errorf("the link the browser locked does not open in Go: %v", err)
	}
	priya.open(link)
	priya.waitFor("the passphrase field", `!!document.getElementById("open-passphrase")`)
	priya.expectPassphraseField("#open-passphrase")
	priya.unlock(suggested)
	containsAll(t, "the unlocked preview", priya.text("#preview"), "From Dana Okafor")
	dana.expectNoProblems("Dana")
	priya.expectNoProblems("Priya")
}

// A link locked by Go (the first release's golden link) opens in the
// browser, which derives the key with its own PBKDF2 (Web Crypto): the two
// give the same key, and the slow one in WebAssembly is not used.
func TestGoLockedLinkOpensWithTheBrowsersCrypto(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.beforeEveryPage(`(() => {
		const derive = crypto.subtle.deriveBits.bind(crypto.subtle);
		window.__derived = 0;
		crypto.subtle.deriveBits = (...args) => { window.__derived++; return derive(...args); };
	})()`)
	raw, err := os.ReadFile("../app/share/testdata/golden-v1-locked.link")
	if err != nil {
		t.Fatal(err)
	}
	_, frag, _ := strings.Cut(strings.TrimSpace(string(raw)), "#")
	b.open(srv.URL + "/open#" + frag)
	b.waitFor("the passphrase field", `!!document.getElementById("open-passphrase")`)
	b.typeInto("#open-passphrase", "not the golden one")
	b.click("#unlock")
	b.waitFor("the wrong passphrase message", `document.querySelector(".open-lock").innerText.includes("does not open this link")`)
	eval[bool](b, `(document.getElementById("open-passphrase").value = "", true)`)
	b.unlock("golden passphrase")
	if n := eval[int](b, `window.__derived`); n != 2 {
		t.Errorf("the browser's PBKDF2 derived %d keys for two tries", n)
	}
	b.expectNoProblems("the golden link")
}

// expectPassphraseField checks the attributes that keep a passphrase out
// of the browser's memory and away from a phone's corrections.
func (b *browser) expectPassphraseField(css string) {
	b.t.Helper()
	for attr, want := range map[string]string{"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none", "autocorrect": "off"} {
		if got := eval[string](b, fmt.Sprintf(`document.querySelector(%q).getAttribute(%q) || ""`, css, attr)); got != want {
			b.t.Errorf("%s: %s=%q, want %q", css, attr, got, want)
		}
	}
}

// On the example's 1:1 page a role area on the agenda is not repeated
// under the standing topics, and can be settled where it is. Starting a
// 1:1 does not offer to start the next one straight away.
func TestOneOnOnePageShowsEachThingOnce(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.open(srv.URL + "/meetings?id=" + exampleID)
	b.waitFor("the 1:1 page", `!!document.getElementById("standing")`)
	// Role areas wait on the agenda of the next 1:1, or open on the
	// latest's (one ticked off there was settled already).
	roleAreas := func() []string {
		return eval[[]string](b, `Array.from(document.querySelectorAll("#items li:not(.done) label, #queued .topic-text > span:first-child")).map(l => l.textContent).filter(t => t.startsWith("Who owns ")).map(t => t.slice(9, t.indexOf("?")))`)
	}
	checkOnce := func(when string) {
		areas := roleAreas()
		if len(areas) == 0 {
			t.Fatalf("%s: the example has no role area on an agenda, so this test checks nothing; give it one", when)
		}
		standing := b.text("#standing")
		for _, area := range areas {
			if strings.Contains(standing, area) {
				t.Errorf("%s: %q is on the agenda and under the standing topics", when, area)
			}
		}
		if n := b.count(`#items li select[id^="settle-"], #queued li select[id^="settle-"]`); n != len(areas) {
			t.Errorf("%s: %d of the %d role areas on the agenda can be settled there", when, n, len(areas))
		}
	}
	checkOnce("before the 1:1")
	if !eval[bool](b, `!!document.getElementById("start-meeting") && document.getElementById("start-meeting").checkVisibility()`) {
		t.Fatal("the page does not offer to start the next 1:1")
	}
	date := b.value("#meeting-date")
	b.click("#start-meeting")
	b.waitFor("the new 1:1", `!!document.querySelector('#current[data-date="`+date+`"]')`)
	b.waitFor("the next one's date", `!!document.getElementById("next-due")`)
	if eval[bool](b, `document.getElementById("start-meeting").checkVisibility()`) {
		t.Error("right after starting a 1:1, the page offers to start another")
	}
	if !strings.Contains(b.text("#next-due"), "The next is on") {
		t.Errorf("the page says %q about the next 1:1", b.text("#next-due"))
	}
	checkOnce("in the 1:1")
	b.keep("share-one-on-one-started")
	b.expectNoProblems("the 1:1 page")
}
