//go:build browser

package e2e

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
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
	defer shared.stop()
	chromium.dir = tmp
	defer chromium.stop()
	flag.Parse()
	startInBackground(flag.Lookup("test.run").Value.String())
	code := m.Run()
	// How many pages the tests loaded, one thing to look at when the
	// suite takes longer: it is bound by CPU, and each load costs a
	// compile of app.wasm and Go's start.
	// go test shows what a passing package printed only with -v, so the
	// line also goes to the file E2E_SUMMARY names, which make prints.
	summary := pageLoads.String()
	fmt.Fprintln(os.Stderr, summary)
	if f := os.Getenv("E2E_SUMMARY"); f != "" {
		os.WriteFile(f, []byte(summary+"\n"), 0o644)
	}
	return code
}

// pageLoads counts the documents loaded in the tabs' main frames, by test.
var pageLoads = loadCount{byTest: map[string]int{}}

// loadCount is a count of page loads by test.
type loadCount struct {
	mu     sync.Mutex
	byTest map[string]int
}

// add counts a page load of the test named name (a subtest counts for its
// test).
func (c *loadCount) add(name string) {
	name, _, _ = strings.Cut(name, "/")
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byTest[name]++
}

// String says how many pages the tests loaded, and which loaded most.
func (c *loadCount) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	names := slices.Collect(maps.Keys(c.byTest))
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(c.byTest[b]-c.byTest[a], strings.Compare(a, b)) })
	total := 0
	for _, n := range c.byTest {
		total += n
	}
	var most []string
	for _, name := range names[:min(8, len(names))] {
		most = append(most, fmt.Sprintf("%s %d", name, c.byTest[name]))
	}
	return fmt.Sprintf("e2e: %d page loads; the most: %s", total, strings.Join(most, ", "))
}

// background is work a test needs that takes long and can start before
// the test does: setUp starts it, when the run includes the test, so that
// it is done or under way by the time the test asks for it. The test
// still calls start itself (it must be safe to call twice, as with a
// sync.Once), and waits there for what is left.
type background struct {
	test  string
	start func()
}

// inBackground lists the work setUp starts; a test file adds to it in
// its init.
var inBackground []background

// startInBackground starts the work of the tests that -run selects (by
// its top-level part; all of them when it is not a valid pattern).
func startInBackground(pattern string) {
	run, err := regexp.Compile(strings.SplitN(pattern, "/", 2)[0])
	for _, w := range inBackground {
		if err != nil || run.MatchString(w.test) {
			go w.start()
		}
	}
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

// startServer runs a server of its own for one test, on addr
// ("127.0.0.1:0" for any free port) with the given web directory, and
// stops it when the test ends. Most tests share one instead (startApp);
// a test that stops, restarts or changes its server starts its own.
func startServer(t *testing.T, web, addr string, args ...string) *server {
	t.Helper()
	return startBinary(t, serverBin, web, addr, args...)
}

// startBinary is startServer for another build of the server: an earlier
// release's (see oldRelease).
func startBinary(t *testing.T, bin, web, addr string, args ...string) *server {
	t.Helper()
	s, err := runServer(bin, web, addr, args...)
	if s != nil {
		t.Cleanup(s.Stop)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// shared is the server that every test without a server of its own
// uses. The server only hands out files, and each test's browser has a
// profile of its own, so nothing one test does there reaches another; one
// server spares each test building and compressing the site again.
var shared lazyServer

// lazyServer is a server started the first time a test asks for it, and
// stopped when all the tests are done.
type lazyServer struct {
	once sync.Once
	srv  *server
	err  error
}

func (l *lazyServer) get(t *testing.T) *server {
	t.Helper()
	l.once.Do(func() { l.srv, l.err = runServer(serverBin, builtWeb, "127.0.0.1:0") })
	if l.err != nil {
		t.Fatal(l.err)
	}
	return l.srv
}

func (l *lazyServer) stop() {
	if l.srv != nil {
		l.srv.Stop()
	}
}

// runServer runs the server built at bin and waits until it says it is
// ready. When it fails after starting, it returns the server too, for the
// caller to stop.
func runServer(bin, web, addr string, args ...string) (*server, error) {
	cmd := exec.Command(bin, append([]string{"-addr", addr, "-web", web}, args...)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()

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
			return s, fmt.Errorf("the server said %q, not that it is running", line)
		}
		s.Version, s.URL = m[1], m[2]
		return s, nil
	case <-s.done:
		return s, fmt.Errorf("the server exited before it was ready")
	case <-time.After(time.Minute):
		return s, fmt.Errorf("the server did not say it was ready within a minute")
	}
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

// browser is one tab of the tests' Chromium, in a browser context of its
// own (storage, cookies, cache, service workers, permissions, downloads),
// and what it saw go wrong.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	problems []string
	requests []string
}

// startApp is how a test begins: the server the tests share, and a
// browser with a profile of its own.
func startApp(t *testing.T) (*server, *browser) {
	t.Helper()
	return shared.get(t), newBrowser(t)
}

// newBrowser opens a tab in a new browser context of the Chromium the
// tests share: as empty as a new profile, and as separate from every
// other test's, at a fraction of the cost of starting a Chromium (about
// two seconds of CPU each, ninety times a run).
func newBrowser(t *testing.T) *browser {
	t.Helper()
	return newBrowserOf(t, &chromium)
}

// newBrowserOf is newBrowser in the given Chromium.
func newBrowserOf(t *testing.T, c *sharedChromium) *browser {
	t.Helper()
	root, err := c.get()
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	ctx, cancel := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return attach(t, ctx, "opening a browser context")
}

// newOwnBrowser starts a Chromium of the test's own and opens its first
// tab, in the default browser context of a real profile. A browser
// context that newBrowser opens is off the record, as a private window
// is: Chromium will not install the app from it (installability says
// "in-incognito"), and its storage is in memory. A test that needs what
// only a real profile does starts its own Chromium, at the old cost.
func newOwnBrowser(t *testing.T) *browser {
	t.Helper()
	ctx, cancel := startChromium(t.TempDir())
	t.Cleanup(cancel)
	return attach(t, ctx, "starting Chromium")
}

// chromium is the Chromium the tests share. It starts when the first test
// asks for it, and setUp closes it when all the tests are done.
var chromium sharedChromium

// sharedChromium is a Chromium started on first use. When it dies, the
// next test to ask gets a new one, rather than every later test failing.
type sharedChromium struct {
	mu      sync.Mutex
	dir     string // where its profiles go, under setUp's temporary directory
	ctx     context.Context
	cancel  context.CancelFunc
	profile string // the profile folder of the one running
	started int    // how many Chromiums it has started, for the log
}

// get returns the context of the shared Chromium's first tab, from which
// each test opens its browser context.
func (c *sharedChromium) get() (context.Context, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx != nil && c.ctx.Err() == nil {
		return c.ctx, nil
	}
	if c.cancel != nil {
		// What is left of one that died: say why, for whoever reads
		// the failures of the tests that were using it.
		why := "its process had ended"
		if b := chromedp.FromContext(c.ctx).Browser; b != nil && b.Process() != nil && b.Process().Signal(syscall.Signal(0)) == nil {
			why = "the connection to it broke, its process still ran"
		}
		c.cancel()
		out, _ := os.ReadFile(filepath.Join(c.profile, chromiumOutput))
		if len(out) > 4000 {
			out = out[len(out)-4000:]
		}
		fmt.Fprintf(os.Stderr, "e2e: the shared Chromium died (%s); the end of its output:\n%s\n", why, out)
	}
	dir, err := os.MkdirTemp(c.dir, "chromium-")
	if err != nil {
		return nil, err
	}
	ctx, cancel := startChromium(dir)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		c.ctx, c.cancel = nil, nil
		return nil, err
	}
	c.ctx, c.cancel, c.profile = ctx, cancel, dir
	c.started++
	if c.started > 1 {
		fmt.Fprintf(os.Stderr, "e2e: the shared Chromium died; started number %d\n", c.started)
	}
	return ctx, nil
}

// stop closes the shared Chromium, if it started.
func (c *sharedChromium) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cancel != nil {
		c.cancel()
	}
}

// startChromium starts a Chromium with its profile in dir. The host
// resolver refuses every name but loopback, so a request to any other
// origin fails loudly instead of leaving the machine.
func startChromium(dir string) (context.Context, context.CancelFunc) {
	// What Chromium prints goes to a file in its profile, read when it
	// dies. A file that cannot be created leaves the output unread.
	out, err := os.Create(filepath.Join(dir, chromiumOutput))
	if err != nil {
		out = nil
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromePath),
		chromedp.UserDataDir(dir),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(windowWidth, windowHeight),
	)
	if out != nil {
		opts = append(opts, chromedp.CombinedOutput(out))
	}
	// V8 compiles app.wasm twice by default: quickly (Liftoff), then again
	// with its optimizing compiler in the background, for the functions
	// that run often. The tests load the app hundreds of times on two
	// cores, and that second compile is CPU they wait for; the code it
	// makes is faster, which no test needs. E2E_JS_FLAGS sets other V8
	// flags ("" for Chromium's own), to compare. make bench starts its
	// own Chromium, with no such flag: its figures are what people get.
	jsFlags, set := os.LookupEnv("E2E_JS_FLAGS")
	if !set {
		jsFlags = "--liftoff-only"
	}
	if jsFlags != "" {
		opts = append(opts, chromedp.Flag("js-flags", jsFlags))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	var browserOpts []chromedp.ContextOption
	if out != nil {
		// chromedp's own complaints (a message it could not read, a
		// tab it lost) go beside Chromium's output.
		browserOpts = append(browserOpts, chromedp.WithBrowserOption(chromedp.WithBrowserErrorf(func(format string, args ...any) {
			fmt.Fprintf(out, "chromedp: "+format+"\n", args...)
		})))
	}
	ctx, cancel := chromedp.NewContext(allocCtx, browserOpts...)
	return ctx, func() {
		cancel()
		cancelAlloc()
		if out != nil {
			out.Close()
		}
	}
}

// chromiumOutput is the file in a Chromium's profile folder that holds
// what it printed.
const chromiumOutput = "e2e-chromium-output.log"

// The size of every tab's window, unless a test emulates another.
const windowWidth, windowHeight = 1280, 900

// newTab opens a second tab in the same browser context: same storage,
// as a person opening the app twice.
func (b *browser) newTab(t *testing.T) *browser {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	return attach(t, ctx, "opening a tab")
}

// otherDevice opens a tab with storage of its own, as the other person's
// device would have: a new browser context of the same Chromium.
func (b *browser) otherDevice(t *testing.T) *browser {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return attach(t, ctx, "opening another browser context")
}

// attach opens the tab of ctx, gives its window the tests' size (a
// window a test opens after Chromium started does not take the size
// Chromium was started with) and starts observing it.
func attach(t *testing.T, ctx context.Context, what string) *browser {
	t.Helper()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	b := &browser{t: t, ctx: ctx}
	win := cdpBrowser(b, cdpbrowser.GetWindowForTarget, cdpbrowser.GetWindowForTargetParams{TargetID: chromedp.FromContext(ctx).Target.TargetID})
	cdpBrowser(b, cdpbrowser.SetWindowBounds, cdpbrowser.SetWindowBoundsParams{WindowID: win.WindowID, Bounds: &cdpbrowser.Bounds{Width: windowWidth, Height: windowHeight}})
	if err := chromedp.Listen(ctx, b.observe); err != nil {
		t.Fatal(err)
	}
	b.beforeEveryPage(storageWatch)
	return b
}

// browserContext is the browser context of b's tab, which the Browser
// domain's commands that hold for one context (downloads, permissions)
// name.
func (b *browser) browserContext() cdp.BrowserContextID {
	return chromedp.FromContext(b.ctx).BrowserContextID
}

// storageWatch counts, in window.__e2eWrites, the changes to the page's
// localStorage: its own writes, and those of other tabs (the storage
// event), so that a test can wait for the next one (waitStored).
const storageWatch = `(() => {
	window.__e2eWrites = 0;
	for (const name of ["setItem", "removeItem", "clear"]) {
		const real = Storage.prototype[name];
		Storage.prototype[name] = function (...args) {
			try { return real.apply(this, args); } finally { window.__e2eWrites++; }
		};
	}
	addEventListener("storage", () => { window.__e2eWrites++; });
})()`

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
	case *page.EventFrameNavigated:
		if ev.Frame.ParentID == "" && strings.HasPrefix(ev.Frame.URL, "http") {
			pageLoads.add(b.t.Name())
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

// step is the longest any one step may take: a click, a script, a
// protocol command, one wait for a condition. A machine busy with other
// tests can make a step that is quick alone take some seconds.
const step = 90 * time.Second

// do runs steps, failing the test on error.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// run runs one action that gives a value (a screenshot, a PDF, a text),
// failing the test on error.
func run[T any](b *browser, what string, action chromedp.Action[T]) T {
	b.t.Helper()
	v, err := tryRun(b, action)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// pageState says where a page stands, for a failure's message: its
// address, whether it is loaded and shown, go-app's loading screen, the
// version in its footer and its service worker.
const pageState = `(async () => {
	const reg = navigator.serviceWorker ? await navigator.serviceWorker.getRegistration() : null;
	const version = document.getElementById("app-version");
	return JSON.stringify({
		url: location.href, readyState: document.readyState, visibility: document.visibilityState,
		loader: !!document.getElementById("app-wasm-loader"),
		loaderText: (document.getElementById("app-wasm-loader-label") || {}).textContent,
		main: !!document.querySelector("main"), version: version && version.textContent,
		worker: reg ? {active: reg.active && reg.active.state, installing: !!reg.installing, waiting: !!reg.waiting} : null,
		controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
	});
})()`

// tryRunFor is tryRun with a time limit of its own.
func tryRunFor[T any](b *browser, limit time.Duration, action chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, limit)
	defer cancel()
	return chromedp.Run(ctx, action)
}

// tryRun runs one action that gives a value, and says whether it failed.
func tryRun[T any](b *browser, action chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	return chromedp.Run(ctx, action)
}

// cdpDo sends one DevTools protocol command to the page's target and
// returns its answer.
func cdpDo[P, R any](b *browser, cmd cdp.Command[P, R], params P) R {
	b.t.Helper()
	return cdpSend(b, chromedp.Call[P, R], cmd, params)
}

// cdpBrowser sends one DevTools protocol command to the browser itself,
// for what holds for every tab, such as where downloads go.
func cdpBrowser[P, R any](b *browser, cmd cdp.Command[P, R], params P) R {
	b.t.Helper()
	return cdpSend(b, chromedp.CallBrowser[P, R], cmd, params)
}

func cdpSend[P, R any](b *browser, call func(context.Context, cdp.Command[P, R], P) (R, error), cmd cdp.Command[P, R], params P) R {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, step)
	defer cancel()
	r, err := call(ctx, cmd, params)
	if err != nil {
		b.t.Fatal(err)
	}
	return r
}

// beforeEveryPage runs a script in every page before the page's own.
func (b *browser) beforeEveryPage(script string) {
	b.t.Helper()
	cdpDo(b, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
}

// eval evaluates a JavaScript expression in the page, and waits for the
// promise it gives, if it gives one.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	return run(b, "evaluating "+expr, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// jsLiteral writes a Go value as JavaScript, for a script to take.
func jsLiteral(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only strings and lists of them are written
	}
	return string(b)
}

// waitFor waits until a JavaScript condition holds in the page, checking
// it every few milliseconds. Every wait in these tests is one: for what
// the page shows, what it stored, where the focus is, never for a time.
// A condition that throws (an element not drawn yet) does not hold yet; a
// condition may be a promise (of what only a promise tells, such as the
// caches), and holds once it resolves to true.
func (b *browser) waitFor(what, condition string) {
	b.t.Helper()
	if err := b.waitUpTo(step, condition); err != nil {
		b.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// waitUpTo is waitFor with a time limit of its own, for what takes longer
// than a step on a busy machine; it says why it gave up, for the caller
// to add where things stand.
func (b *browser) waitUpTo(limit time.Duration, condition string) error {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, limit)
	defer cancel()
	guarded := `(async () => { try { return !!(await (` + condition + `)); } catch (e) { return false; } })()`
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](guarded, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(0)))
		if err == nil {
			return nil
		}
		// A navigation in the middle of the wait (a reload the page asked
		// for) ends the poll: wait for the new page's document, and poll
		// again there.
		if ctx.Err() == nil && isNavigationError(err) {
			chromedp.Run(ctx, chromedp.WaitReady(chromedp.CSS("html")))
			continue
		}
		// What the condition says now, or the error it throws, and where
		// the page stands help whoever reads the failure.
		now, nowErr := tryRunFor(b, 10*time.Second, chromedp.Evaluate[bool](guarded, chromedp.EvalAwaitPromise))
		if nowErr != nil {
			err = fmt.Errorf("%v; the condition now: %v", err, nowErr)
		} else {
			err = fmt.Errorf("%v; the condition now: %v", err, now)
		}
		state, stateErr := tryRunFor(b, 10*time.Second, chromedp.Evaluate[string](pageState, chromedp.EvalAwaitPromise))
		if stateErr != nil {
			state = "unreadable: " + stateErr.Error()
		}
		return fmt.Errorf("%w; the page: %s", err, state)
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

// appStarted holds once go-app has loaded the wasm and mounted the page
// (it removes its loading screen only then), and the page shows what it
// is about: a page of one onboarding says "Loading…" until it has read
// it.
const appStarted = `document.readyState === "complete" && !document.getElementById("app-wasm-loader") && !!document.querySelector("main") &&
	!Array.from(document.querySelectorAll("#load-error, #sheet-problem")).some(e => e.textContent === "Loading…")`

// waitForApp waits until the app has started and the page shows what it
// is about.
func (b *browser) waitForApp() {
	b.t.Helper()
	b.waitFor("the app to start", appStarted)
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
	return run(b, "reading "+css, chromedp.Text(chromedp.CSS(css)))
}

// value returns the value of a form field.
func (b *browser) value(css string) string {
	b.t.Helper()
	return run(b, "reading the value of "+css, chromedp.Value(chromedp.CSS(css)))
}

// goOffline cuts the page and its service worker off the network, as a
// person switching to airplane mode would.
func (b *browser) goOffline() {
	b.t.Helper()
	on := true
	cdpDo(b, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &on,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	})
	cdpDo(b, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	})
}
