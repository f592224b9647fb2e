//go:build browser

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// lighthouseVersion is the Lighthouse release the bench runs, pinned so
// that its scores mean the same from run to run: the last of version 12,
// which runs on Node.js 18 and 20 (13 needs 22).
const lighthouseVersion = "12.8.2"

// lighthouse installs Lighthouse with npm into the user's cache the first
// time, and returns the command to run it, or why it cannot.
func lighthouse() (string, error) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", fmt.Errorf("node is not installed")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("npm is not installed")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "counterpart-bench", "lighthouse-"+lighthouseVersion)
	bin := filepath.Join(dir, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		cmd := exec.Command(npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "--silent", "lighthouse@"+lighthouseVersion)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("npm install lighthouse: %v: %s", err, strings.TrimSpace(string(out)))
		}
	}
	return bin, nil
}

// lighthouseCategories are the four Lighthouse scores, in its order.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// lighthouseRun is what one Lighthouse run found on one page.
type lighthouseRun struct {
	Scores   map[string]float64 // 0 to 100
	LCP, TBT float64            // milliseconds, as Lighthouse simulates them
	Failing  []string           // titles of the audits that failed, for accessibility and best practices
}

// runLighthouse runs Lighthouse (mobile, simulated slow 4G and a 4× slower
// CPU, its defaults) on a page in the Chromium listening on port. Warm
// keeps what the browser already has (cache, service worker, storage);
// otherwise Lighthouse clears the site's storage first, as for a first
// visit.
func runLighthouse(t *testing.T, bin string, port int, url string, warm bool) (lighthouseRun, error) {
	out := filepath.Join(t.TempDir(), "report.json")
	args := []string{url, "--port=" + strconv.Itoa(port), "--output=json", "--output-path=" + out, "--quiet",
		"--only-categories=" + strings.Join(lighthouseCategories, ","), "--max-wait-for-load=90000"}
	if warm {
		args = append(args, "--disable-storage-reset")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if b, err := exec.CommandContext(ctx, bin, args...).CombinedOutput(); err != nil {
		return lighthouseRun{}, fmt.Errorf("lighthouse %s: %v: %s", url, err, lastLines(string(b), 5))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return lighthouseRun{}, err
	}
	var rep struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
			Refs  []struct {
				ID string `json:"id"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title        string   `json:"title"`
			Score        *float64 `json:"score"`
			NumericValue float64  `json:"numericValue"`
			Mode         string   `json:"scoreDisplayMode"`
		} `json:"audits"`
		RuntimeError *struct{ Message string } `json:"runtimeError"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return lighthouseRun{}, err
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Message != "" {
		return lighthouseRun{}, fmt.Errorf("lighthouse %s: %s", url, rep.RuntimeError.Message)
	}
	r := lighthouseRun{Scores: map[string]float64{}, LCP: rep.Audits["largest-contentful-paint"].NumericValue, TBT: rep.Audits["total-blocking-time"].NumericValue}
	for _, c := range lighthouseCategories {
		if s := rep.Categories[c].Score; s != nil {
			r.Scores[c] = *s * 100
		}
		if c == "performance" {
			continue
		}
		for _, ref := range rep.Categories[c].Refs {
			a := rep.Audits[ref.ID]
			if a.Score != nil && *a.Score < 1 && (a.Mode == "binary" || a.Mode == "numeric") {
				r.Failing = append(r.Failing, a.Title)
			}
		}
	}
	return r, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// debuggedChromium starts headless Chromium with a profile of its own and
// returns its DevTools port, for Lighthouse to drive, and a chromedp
// context on it, to prepare the profile.
func debuggedChromium(t *testing.T) (int, context.Context) {
	t.Helper()
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no Chromium: install it (make browser-deps) to run Lighthouse")
	}
	dir := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		// chromedp talks to Chromium through a pipe unless it is given a
		// websocket dialer. Lighthouse needs a port, which Chromium then
		// names in DevToolsActivePort.
		remote.WebSocket,
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "DevToolsActivePort"))
	if err != nil {
		t.Fatal(err)
	}
	port, err := strconv.Atoi(strings.SplitN(string(b), "\n", 2)[0])
	if err != nil {
		t.Fatalf("reading Chromium's DevTools port: %v", err)
	}
	return port, ctx
}

// exampleID is the example onboarding's ID, which the pages that open an
// onboarding open.
var exampleID string

// lighthousePage is a page the bench scores, with what it opens.
type lighthousePage struct{ name, path string }

// lighthousePages are every page of the app, as the server lists them
// (the bench cannot import the ui package, which is go-app's); the ones
// that open an onboarding open the example, and the others ignore its ID.
func lighthousePages(t *testing.T) []lighthousePage {
	out, err := exec.Command(builds.server, "-pages").Output()
	if err != nil {
		t.Fatalf("%s -pages: %v", builds.server, err)
	}
	var pages []lighthousePage
	for _, p := range strings.Fields(string(out)) {
		path := p
		if p != "/" {
			path += "?id=" + exampleID
		}
		pages = append(pages, lighthousePage{name: p, path: path})
	}
	return pages
}

// Lighthouse's four scores on every page, cold (a first visit: nothing
// cached, nothing stored) and warm (a returning visitor: the service
// worker's cache, and the example open on this device), with the bare
// go-app program's home page as the baseline of the same run.
func TestLighthouseAgainstBareGoApp(t *testing.T) {
	bin, err := lighthouse()
	s := reportSection("Lighthouse",
		"Lighthouse "+lighthouseVersion+" with its defaults (a phone on a slow 4G line with a CPU four times slower, simulated), in headless Chromium. Cold is a first visit: Lighthouse clears the site's storage, so pages that open an onboarding say it is not on this device. Warm is a returning visitor: the service worker's cache, and the example open on this device. The baseline is the bare go-app program, served the same way. Largest paint (LCP) and blocking time (TBT) are Lighthouse's simulated figures, which scale with the host's speed: on a busy machine the blocking time of any wasm app is large.")
	if err != nil {
		s.add(figure{Name: "Lighthouse", Skipped: err.Error()})
		t.Skip(err)
	}
	build(t)
	app, bare := serve(t, builds.appWeb), serve(t, builds.bareWeb)
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	exampleID = o.ID

	measure := func(base string, pages []lighthousePage, warm bool) map[string]lighthouseRun {
		port, ctx := debuggedChromium(t)
		if warm {
			// A visit that opens the example and lets the service worker
			// take the app in.
			tb := &tab{t: t, ctx: ctx, close: func() {}}
			tb.do(chromedp.Navigate(base + "/"))
			tb.waitFor("the app", `!document.getElementById("app-wasm-loader")`)
			if base == app {
				tb.waitFor("the example button", `!!document.getElementById("open-example")`)
				tb.do(chromedp.Click(chromedp.CSS("#open-example")))
				tb.waitFor("the example, stored", fmt.Sprintf(`Object.keys(localStorage).some(k => k.includes(%q))`, exampleID))
			}
			tb.waitForWorker()
		}
		out := map[string]lighthouseRun{}
		for _, p := range pages {
			r, err := runLighthouse(t, bin, port, base+p.path, warm)
			if err != nil {
				t.Errorf("%s: %v", p.name, err)
				continue
			}
			out[p.name] = r
		}
		return out
	}
	pages := lighthousePages(t)
	home := []lighthousePage{{name: "/", path: "/"}}
	cold, warm := measure(app, pages, false), measure(app, pages, true)
	bareCold, bareWarm := measure(bare, home, false), measure(bare, home, true)

	for _, c := range []struct {
		name       string
		app, bare  map[string]lighthouseRun
		key        string
		value      func(lighthouseRun) float64
		unit, mean string
	}{
		{"home page, cold: largest paint", cold, bareCold, "/", func(r lighthouseRun) float64 { return r.LCP }, "ms", "when the home page's largest text paints on a first visit; the goal is that it paints as early as the bare program's."},
		{"home page, cold: performance", cold, bareCold, "/", func(r lighthouseRun) float64 { return r.Scores["performance"] }, "points", "Lighthouse's performance score, out of 100; the goal is at least 90 on every page."},
		{"home page, warm: performance", warm, bareWarm, "/", func(r lighthouseRun) float64 { return r.Scores["performance"] }, "points", "the same for a returning visitor."},
		{"home page, cold: blocking time", cold, bareCold, "/", func(r lighthouseRun) float64 { return r.TBT }, "ms", "how long the page cannot answer a tap while the app starts, as Lighthouse simulates it: the wasm's start, compiled and run on the page's thread."},
	} {
		a, okA := c.app[c.key]
		b, okB := c.bare[c.key]
		if !okA || !okB {
			s.add(figure{Name: c.name, Skipped: "Lighthouse did not finish on one of the two"})
			continue
		}
		s.add(figure{Name: c.name, Value: c.value(a), Base: c.value(b), BaseName: "bare go-app", Unit: c.unit, Meaning: c.mean})
	}

	head := []string{"Page"}
	for _, mode := range []string{"cold", "warm"} {
		for _, c := range lighthouseCategories {
			head = append(head, c+", "+mode)
		}
		head = append(head, "LCP, "+mode)
	}
	row := func(name string, runs ...map[string]lighthouseRun) []string {
		out := []string{name}
		for _, m := range runs {
			r, ok := m[name]
			for _, c := range lighthouseCategories {
				if !ok {
					out = append(out, "–")
					continue
				}
				out = append(out, fmt.Sprintf("%.0f", r.Scores[c]))
			}
			if ok {
				out = append(out, fmt.Sprintf("%.1f s", r.LCP/1000))
			} else {
				out = append(out, "–")
			}
		}
		return out
	}
	var rows [][]string
	for _, p := range pages {
		rows = append(rows, row(p.name, cold, warm))
	}
	bareRow := row("/", bareCold, bareWarm)
	bareRow[0] = "bare go-app, /"
	rows = append(rows, bareRow)
	s.table(head, rows)

	failing := map[string]bool{}
	for _, m := range []map[string]lighthouseRun{cold, warm} {
		for _, r := range m {
			for _, f := range r.Failing {
				failing[f] = true
			}
		}
	}
	if len(failing) > 0 {
		var rows [][]string
		for f := range failing {
			rows = append(rows, []string{f})
		}
		s.table([]string{"Accessibility and best-practice audits that failed on some page"}, rows)
	}
}
