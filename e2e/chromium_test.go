//go:build browser

package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The tests share one Chromium, each in a browser context of its own: a
// browser, a tab, another device each start empty and separate, in a
// window of the tests' size.
func TestEachBrowserIsAFreshProfile(t *testing.T) {
	t.Parallel()
	srv, a := startApp(t)
	tab := a.newTab(t)
	other := a.otherDevice(t)
	b := newBrowser(t)
	all := map[string]*browser{"the first browser": a, "its tab": tab, "the other device": other, "another browser": b}
	for name, x := range all {
		x.open(srv.URL + "/")
		if size := eval[[]int](x, `[innerWidth, innerHeight]`); size[0] != windowWidth {
			t.Errorf("%s's window is %v wide and high, not %d wide", name, size, windowWidth)
		}
	}
	eval[bool](a, `(localStorage.setItem("e2e-mark", "a"), true)`)
	tab.reload()
	if got := eval[string](tab, `localStorage.getItem("e2e-mark") || ""`); got != "a" {
		t.Errorf("a tab of the same browser reads %q from storage, not what the first tab wrote", got)
	}
	for _, x := range []*browser{other, b} {
		x.reload()
		if got := eval[string](x, `localStorage.getItem("e2e-mark") || ""`); got != "" {
			t.Errorf("a browser of its own reads %q from storage that another wrote", got)
		}
	}
	for _, x := range all {
		x.expectNoProblems("opening the app")
	}
}

// When the shared Chromium dies, the next browser a test asks for is in a
// new one. It uses a Chromium of its own, which it kills: the one the
// other tests share must stay up.
func TestANewChromiumWhenOneDies(t *testing.T) {
	t.Parallel()
	srv := shared.get(t)
	c := &sharedChromium{dir: t.TempDir()}
	t.Cleanup(c.stop)
	first := newBrowserOf(t, c)
	first.open(srv.URL + "/")
	root, err := c.get()
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.FromContext(root).Browser.Process().Kill(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-root.Done():
	case <-time.After(step):
		t.Fatal("the Chromium's context goes on after it was killed")
	}
	if first.ctx.Err() != context.Canceled {
		t.Errorf("a tab of the dead Chromium still runs: %v", first.ctx.Err())
	}
	again := newBrowserOf(t, c)
	again.open(srv.URL + "/")
	again.expectNoProblems("opening the app in the new Chromium")
	if c.started != 2 {
		t.Errorf("started %d Chromiums, want 2", c.started)
	}
}
