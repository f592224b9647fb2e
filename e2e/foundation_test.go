//go:build browser

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func TestHomePageRendersCleanly(t *testing.T) {
	t.Parallel()
	srv, b := shared.get(t), newOwnBrowser(t) // installability: see newOwnBrowser
	firstVisit(t, b, srv.URL+"/", srv.URL, srv.Version)
}

func TestNoteSurvivesReload(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	noteSurvivesReload(t, b, srv.URL+"/")
}

func TestWorksOfflineAfterFirstVisit(t *testing.T) {
	t.Parallel()
	srv := startServer(t, builtWeb, "127.0.0.1:0") // its own: the test stops it
	b := newBrowser(t)
	worksOffline(t, b, srv.URL+"/", srv.Stop)
}

func TestUpdateIsAnnouncedAndApplied(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	first := startServer(t, builtWeb, addr, "-update-check", "1s")
	b := newBrowser(t)
	b.open(first.URL + "/")
	b.waitForOffline()
	if got := b.text("#app-version"); !strings.Contains(got, first.Version[:12]) {
		t.Fatalf("footer shows %q, want version %s", got, first.Version[:12])
	}
	if eval[bool](b, `!!document.getElementById("update-reload")`) {
		t.Fatal("an update is announced before there is one")
	}
	// Another app on the same origin (project sites on one host share
	// it) keeps its cache through the update: the worker drops only the
	// caches of Counterpart's older builds.
	eval[bool](b, `(async () => { await (await caches.open("another-app")).put("/another-app/", new Response("its page")); return true; })()`)

	// Release a new build: same wasm, one changed stylesheet.
	first.Stop()
	second := startServer(t, nextRelease(t), addr, "-update-check", "1s")
	if second.Version == first.Version {
		t.Fatalf("a changed stylesheet kept version %s", first.Version)
	}

	b.waitFor("the update banner", `!!document.getElementById("update-reload")`)
	if got := b.text(".update-banner"); !strings.Contains(got, "new version") {
		t.Errorf("the banner says %q", got)
	}
	b.takeProblems() // the checks made while the server was down failed, as they should
	b.do(chromedp.Click(chromedp.ID("update-reload")))
	b.waitForApp()
	b.waitFor("the new version in the footer", `!!document.getElementById("app-version") && document.getElementById("app-version").textContent.includes("`+second.Version[:12]+`")`)
	if !eval[bool](b, `caches.has("another-app")`) {
		t.Error("the update deleted the cache of another app on the same origin")
	}
	b.expectNoProblems("after the update")
}

// nextRelease makes the web directory of a next release of this build:
// the same wasm, one changed stylesheet, so a new version.
func nextRelease(t *testing.T) string {
	t.Helper()
	next := filepath.Join(t.TempDir(), "web")
	if err := copyWebDir(builtWeb, next); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		if err := copyFile(filepath.Join(builtWeb, name), filepath.Join(next, name)); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(filepath.Join(next, "app.css"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\n/* the next release */\n"); err != nil {
		t.Fatal(err)
	}
	return next
}

// A tab opened while an update installs loads the old build from the old
// worker, and its Go code starts after the new worker has installed: too
// late to hear go-app's notice, which comes once, as the worker installs.
// When the new worker then takes over, the tab must still say that a new
// version is ready (or already run it), or the person works on in the old
// build without knowing.
func TestATabOpenedDuringAnUpdateSaysSo(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	first := startServer(t, builtWeb, addr, "-update-check", "1s")
	a := newBrowser(t)
	a.open(first.URL + "/")
	a.waitForOffline()

	first.Stop()
	second := startServer(t, nextRelease(t), addr, "-update-check", "1s")
	b := a.newTab(t)
	b.open(second.URL + "/")
	isNew := `!!document.getElementById("app-version") && document.getElementById("app-version").textContent.includes("` + second.Version[:12] + `")`
	said := isNew + ` || !!document.getElementById("update-reload")`
	// Once the new worker is in control, a tab on the old build has had
	// every chance to hear of it.
	b.waitFor("the new worker in control", `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		return !!(reg && reg.active && reg.active.state === "activated" && !reg.installing && !reg.waiting && reg.active === navigator.serviceWorker.controller) &&
			(await caches.keys()).length === 1;
	})()`)
	b.waitFor("the tab opened during the update to run the new version or say there is one", said)
	a.waitFor("the tab open before the update to say there is one", said)
	b.takeProblems() // checks made while the server restarted failed, as they should
	a.takeProblems()
}

func TestStaticSiteUnderSubPath(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	out, err := exec.Command(serverBin, "-static", filepath.Join(root, "counterpart"), "-base", "/counterpart", "-web", builtWeb).CombinedOutput()
	if err != nil {
		t.Fatalf("exporting the static site: %v\n%s", err, out)
	}
	m := runningVersion.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("the export did not report its version: %s", out)
	}
	version := m[1]
	for _, name := range []string{"index.html", "404.html", "about/index.html", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(root, "counterpart", name)); err != nil {
			t.Errorf("the static site lacks %s", name)
		}
	}

	// A plain file server: no special headers, no rewriting, no fallback.
	serve := func(t *testing.T) *httptest.Server {
		fs := httptest.NewServer(http.FileServer(http.Dir(root)))
		t.Cleanup(fs.Close)
		return fs
	}
	t.Run("renders", func(t *testing.T) {
		t.Parallel()
		fs := serve(t)
		firstVisit(t, newOwnBrowser(t), fs.URL+"/counterpart/", fs.URL, version) // installability: see newOwnBrowser
	})
	t.Run("note survives reload", func(t *testing.T) {
		t.Parallel()
		fs := serve(t)
		noteSurvivesReload(t, newBrowser(t), fs.URL+"/counterpart/")
	})
	t.Run("works offline", func(t *testing.T) {
		t.Parallel()
		fs := serve(t)
		worksOffline(t, newBrowser(t), fs.URL+"/counterpart/", fs.Close)
	})
}

// firstVisit opens the app and checks what a first-time visitor gets: the
// page, the version, an installable app, no error and no outside request.
func firstVisit(t *testing.T, b *browser, home, origin, version string) {
	t.Helper()
	b.open(home)
	if got := b.text(".brand"); got != "Counterpart" {
		t.Errorf("the header says %q, want Counterpart", got)
	}
	if got := b.text("main h1"); got == "" {
		t.Error("the page has no heading")
	}
	if got := b.text("#app-version"); !strings.Contains(got, version[:12]) {
		t.Errorf("the footer says %q, want version %s", got, version[:12])
	}
	b.waitForOffline()

	inst := cdpDo(b, page.GetInstallabilityErrors, cdp.Empty{})
	for _, e := range inst.InstallabilityErrors {
		t.Errorf("not installable: %s", e.ErrorID)
	}
	b.expectNoProblems("first visit")
	b.expectOnlyOrigin(origin)
}

// noteSurvivesReload starts an onboarding, types the budget advice and
// checks it after a reload.
func noteSurvivesReload(t *testing.T, b *browser, home string) {
	t.Helper()
	const note = "Ask Dana about the Q3 board deck <b>draft</b> before any hiring request.  "
	b.newOnboarding(home)
	b.goToStage("problems")
	b.typeInto("#budget-advice", note)
	b.waitSaved(note)
	b.reload()
	if got := b.value("#budget-advice"); got != note {
		t.Errorf("after a reload the advice is %q, want %q", got, note)
	}
	b.expectNoProblems("typing and reloading")
}

// worksOffline visits once, cuts the network, then checks that the root and
// deep links load and that writing still saves.
func worksOffline(t *testing.T, b *browser, home string, cut func()) {
	t.Helper()
	id := b.newOnboarding(home)
	b.waitForOffline()
	cut()
	b.goOffline()
	b.takeProblems()

	b.open(home + "guide/problems?id=" + id)
	b.typeInto("#budget-advice", "written offline")
	b.waitSaved("written offline")
	b.reload()
	if got := b.value("#budget-advice"); got != "written offline" {
		t.Errorf("offline, the advice is %q after a reload", got)
	}

	b.open(home + "about?from=offline")
	if got := b.text("main h1"); got != "About Counterpart" {
		t.Errorf("offline deep link shows %q", got)
	}
	b.open(home + "no/such/page")
	if got := b.text("main h1"); got != "This page does not exist" {
		t.Errorf("offline unknown link shows %q", got)
	}
	b.open(home)
	b.waitText("Priya Raman joins as CFO")
	b.expectNoProblems("offline")
}

// The loading screen counts up to 100% while the compressed wasm arrives:
// the server tells the page the size before compression, which is what the
// browser's progress counts.
func TestLoadingProgressCountsUncompressedBytes(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	// Record every label the loading screen shows, before the page starts.
	b.beforeEveryPage(`
		window.__labels = [];
		new MutationObserver(() => {
			const l = document.getElementById("app-wasm-loader-label");
			if (l) window.__labels.push(l.textContent);
		}).observe(document, {subtree: true, childList: true, characterData: true});`)
	b.open(srv.URL + "/")
	labels := eval[[]string](b, `window.__labels`)
	var seen []int
	for _, l := range labels {
		var n int
		if _, err := fmt.Sscanf(strings.TrimPrefix(l, "Loading Counterpart "), "%d%%", &n); err == nil {
			seen = append(seen, n)
		}
	}
	if len(seen) < 2 {
		t.Fatalf("the loading screen showed no progress: %q", labels)
	}
	between := false
	for _, n := range seen {
		if n > 100 {
			t.Fatalf("the progress went past 100%%: %v", seen)
		}
		between = between || (n > 0 && n < 100)
	}
	if !between || seen[len(seen)-1] != 100 {
		t.Errorf("the progress should climb to 100%%: %v", seen)
	}
	b.expectNoProblems("loading")
}
