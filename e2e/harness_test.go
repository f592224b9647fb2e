//go:build browser

package e2e

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var (
	repoRoot   string // the checkout under test
	serverBin  string // the server built from it
	builtWeb   string // web/ with the freshly built app.wasm
	chromePath string
)

// TestMain builds the server and the wasm from this tree into a temporary
// directory, so the tests never run a stale build.
func TestMain(m *testing.M) {
	os.Exit(setUp(m))
}

func setUp(m *testing.M) int {
	var err error
	if repoRoot, err = findRepoRoot(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if chromePath, err = findChromium(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "counterpart-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)

	serverBin = filepath.Join(tmp, "counterpart")
	builtWeb = filepath.Join(tmp, "web")
	if err := copyWebDir(filepath.Join(repoRoot, "web"), builtWeb); err != nil {
		fmt.Fprintln(os.Stderr, "copying web/:", err)
		return 1
	}
	builds := [][]string{
		{"go", "build", "-trimpath", "-o", serverBin, "./cmd/counterpart"},
		{"env", "GOOS=js", "GOARCH=wasm", "go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(builtWeb, "app.wasm"), "./cmd/counterpart"},
	}
	for _, args := range builds {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n%s", strings.Join(args, " "), err, out)
			return 1
		}
	}
	if err := precompress(filepath.Join(builtWeb, "app.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "compressing app.wasm:", err)
		return 1
	}
	return m.Run()
}

// precompress writes the brotli and gzip copies of a file next to it, as a
// release does. The server and the static export take copies that inflate
// back to the file instead of compressing it again, so that the tests'
// forty servers and the export do not each spend seconds on the wasm.
func precompress(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, 6)
	gw := gzip.NewWriter(&gz)
	for _, w := range []io.WriteCloser{bw, gw} {
		if _, err := w.Write(raw); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
	if err := os.WriteFile(path+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(path+".gz", gz.Bytes(), 0o644)
}

func findRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test directory")
		}
		dir = parent
	}
}

func findChromium() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("the browser tests need Chromium: run `make test`, which installs it, or set CHROMIUM to its path")
}

// copyWebDir copies the static files, leaving out any built or compressed
// app so that the tests use only what they build.
func copyWebDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasPrefix(d.Name(), "app.wasm") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return nil
		}
		return copyFile(p, target)
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// server is a running bin/counterpart.
type server struct {
	URL     string // with no trailing slash
	Version string
	cmd     *exec.Cmd
	done    chan struct{}
}

var runningLine = regexp.MustCompile(`version (\w+)\) is running at (http://\S+?)/?$`)

// runningVersion finds the version in what the server or the export prints.
var runningVersion = regexp.MustCompile(`version (\w+)`)

// startServer runs the server on addr ("127.0.0.1:0" for any free port)
// with the given web directory, and waits until it says it is ready.
func startServer(t *testing.T, web, addr string, args ...string) *server {
	t.Helper()
	return startBinary(t, serverBin, web, addr, args...)
}

// startBinary is startServer for another build of the server: an earlier
// release's (see oldRelease).
func startBinary(t *testing.T, bin, web, addr string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-addr", addr, "-web", web}, args...)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	t.Cleanup(s.Stop)

	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
	}()
	select {
	case line := <-lines:
		m := runningLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("the server said %q, not that it is running", line)
		}
		s.Version, s.URL = m[1], m[2]
	case <-s.done:
		t.Fatal("the server exited before it was ready")
	case <-time.After(60 * time.Second):
		t.Fatal("the server did not say it was ready within a minute")
	}
	return s
}

// Stop ends the server as Ctrl-C would, and waits for it.
func (s *server) Stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// freeAddr finds a loopback port nobody uses, for a server that must come
// back on the same origin after a restart. It is taken below the range the
// system hands out for port 0, so that a server another test starts while
// this one restarts cannot take it.
func freeAddr(t *testing.T) string {
	t.Helper()
	for i := 0; i < 100; i++ {
		addr := fmt.Sprintf("127.0.0.1:%d", 20000+rand.IntN(12000))
		if ln, err := net.Listen("tcp", addr); err == nil {
			ln.Close()
			return addr
		}
	}
	t.Fatal("found no free port from 20000 to 32000")
	return ""
}

// browser is one Chromium with a fresh profile, and what it saw go wrong.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string
	requests []string
}

// newBrowser starts Chromium with an empty profile. The host resolver
// refuses every name but loopback, so a request to any other origin fails
// loudly instead of leaving the machine.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromePath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	b := &browser{t: t, ctx: ctx}
	if err := chromedp.Listen(ctx, b.observe); err != nil {
		t.Fatal(err)
	}
	return b
}

// observe records every request and every sign of trouble: console errors,
// uncaught exceptions, browser log errors (failed loads, policy
// violations), failed requests and error statuses.
func (b *browser) observe(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			b.problems = append(b.problems, "console error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		b.problems = append(b.problems, "uncaught exception: "+text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			b.problems = append(b.problems, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *page.EventJavascriptDialogOpening:
		b.problems = append(b.problems, "a dialog opened: "+ev.Message)
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			b.problems = append(b.problems, fmt.Sprintf("request failed (%s): %s", ev.ErrorText, ev.RequestID))
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			b.problems = append(b.problems, fmt.Sprintf("HTTP %d for %s", int(ev.Response.Status), ev.Response.URL))
		}
	}
}

// takeProblems returns what went wrong since the last call, and forgets it.
func (b *browser) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

// takeRequests returns the URLs requested since the last call.
func (b *browser) takeRequests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	r := b.requests
	b.requests = nil
	return r
}

// expectNoProblems fails the test if anything went wrong in the page.
func (b *browser) expectNoProblems(when string) {
	b.t.Helper()
	for _, p := range b.takeProblems() {
		b.t.Errorf("%s: %s", when, p)
	}
}

// expectOnlyOrigin fails the test if any request went to another origin.
func (b *browser) expectOnlyOrigin(origin string) {
	b.t.Helper()
	reqs := b.takeRequests()
	if len(reqs) == 0 {
		b.t.Errorf("no request was observed at all; the observer is broken")
	}
	for _, r := range reqs {
		u, err := url.Parse(r)
		if err != nil || u.Scheme+"://"+u.Host != origin {
			b.t.Errorf("request to another origin: %s", r)
		}
	}
}

// do runs steps, failing the test on error.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (b *browser) waitFor(what, condition string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](condition, chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil {
			return
		}
		// A navigation in the middle of the wait (a reload the page asked
		// for) ends the poll; start it again in the new page.
		if ctx.Err() == nil && isNavigationError(err) {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		b.t.Fatalf("waiting for %s: %v", what, err)
	}
}

func isNavigationError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "navigated or closed") ||
		strings.Contains(msg, "context was destroyed") ||
		strings.Contains(msg, "Cannot find context")
}

// open loads a URL and waits until the app has started in it.
func (b *browser) open(url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url))
	b.waitForApp()
}

// reload reloads the page and waits until the app has started again.
func (b *browser) reload() {
	b.t.Helper()
	b.do(chromedp.Reload())
	b.waitForApp()
}

// waitForApp waits until go-app has loaded the wasm and mounted the page:
// it removes its loading screen only then.
func (b *browser) waitForApp() {
	b.t.Helper()
	b.waitFor("the app to start", `document.readyState === "complete" && !document.getElementById("app-wasm-loader") && !!document.querySelector("main")`)
}

// waitForOffline waits until the service worker controls the page, which
// means the app is cached and will load with no network.
func (b *browser) waitForOffline() {
	b.t.Helper()
	b.waitFor("the service worker to take control", `!!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`)
}

// text returns the text of the first element matching a CSS selector.
func (b *browser) text(css string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		b.t.Fatalf("reading %s: %v", css, err)
	}
	return s
}

// value returns the value of a form field.
func (b *browser) value(css string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(css)))
	if err != nil {
		b.t.Fatalf("reading the value of %s: %v", css, err)
	}
	return s
}

// goOffline cuts the page and its service worker off the network, as a
// person switching to airplane mode would.
func (b *browser) goOffline() {
	b.t.Helper()
	on := true
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &on,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		b.t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		b.t.Fatal(err)
	}
}
