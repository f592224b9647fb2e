//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/ui"

	"github.com/andybalholm/brotli"
	"golang.org/x/net/html"
)

func TestMain(m *testing.M) {
	ui.Register(ui.NewApp())
	os.Exit(m.Run())
}

// testWeb makes a web directory with the real static files and a stand-in
// app.wasm, which the server treats as opaque bytes.
func testWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../web")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "app.wasm") {
			continue
		}
		b, err := os.ReadFile(filepath.Join("../../web", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), b)
	}
	wasm := bytes.Repeat([]byte("\x00asm pretend module, compressible "), 4000)
	writeFile(t, filepath.Join(dir, "app.wasm"), wasm)
	return dir
}

func itoa(n int) string { return strconv.Itoa(n) }

// runningAt finds the URL in the line the server prints when it is ready.
var runningAt = regexp.MustCompile(`running at (http://\S+?)/?\s*$`)

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func testSite(t *testing.T, web string) *site {
	t.Helper()
	s, err := buildSite(siteConfig{WebDir: web, UpdateCheck: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, h http.Handler, method, path string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestNegotiate(t *testing.T) {
	cases := map[string]string{
		"":                          "",
		"identity":                  "",
		"gzip":                      "gzip",
		"br":                        "br",
		"gzip, deflate, br, zstd":   "br",
		"br;q=0, gzip":              "gzip",
		"br;q=0.5, gzip;q=0.9":      "gzip",
		"br;q=0.9, gzip;q=0.9":      "br",
		"gzip;q=0":                  "",
		"*":                         "br",
		"*;q=0, gzip":               "gzip",
		"BR":                        "br",
		"x-gzip":                    "gzip",
		" gzip ; q=1.0 , br ; q=0 ": "gzip",
		"deflate":                   "",
		"br;q=nonsense":             "br",
	}
	for header, want := range cases {
		if got := negotiate(header); got != want {
			t.Errorf("negotiate(%q) = %q, want %q", header, got, want)
		}
	}
}

func TestCompressedResponses(t *testing.T) {
	web := testWeb(t)
	s := testSite(t, web)
	raw, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		accept, encoding string
		inflate          func(io.Reader) io.Reader
	}{
		{"br, gzip", "br", func(r io.Reader) io.Reader { return brotli.NewReader(r) }},
		{"gzip", "gzip", func(r io.Reader) io.Reader {
			z, err := gzip.NewReader(r)
			if err != nil {
				t.Fatal(err)
			}
			return z
		}},
		{"", "", func(r io.Reader) io.Reader { return r }},
	} {
		res := get(t, s, "GET", "/web/app.wasm", "Accept-Encoding", tc.accept)
		if res.StatusCode != 200 {
			t.Fatalf("%q: status %d", tc.accept, res.StatusCode)
		}
		if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%q: Content-Encoding %q, want %q", tc.accept, got, tc.encoding)
		}
		if got := res.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("%q: Content-Type %q", tc.accept, got)
		}
		if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("%q: Vary %q", tc.accept, got)
		}
		if got := res.Header.Get(wasmLengthHeader); got != itoa(len(raw)) {
			t.Errorf("%q: %s %q, want %d", tc.accept, wasmLengthHeader, got, len(raw))
		}
		body, _ := io.ReadAll(res.Body)
		if got := res.Header.Get("Content-Length"); got != itoa(len(body)) {
			t.Errorf("%q: Content-Length %s for a body of %d", tc.accept, got, len(body))
		}
		if tc.encoding != "" && len(body) >= len(raw) {
			t.Errorf("%q: %d compressed bytes for %d raw", tc.accept, len(body), len(raw))
		}
		plain, err := io.ReadAll(tc.inflate(bytes.NewReader(body)))
		if err != nil || !bytes.Equal(plain, raw) {
			t.Errorf("%q: the body does not inflate to app.wasm (err %v)", tc.accept, err)
		}
	}
}

func TestCompressionIsComputedOnce(t *testing.T) {
	s := testSite(t, testWeb(t))
	a := s.assets["/web/app.wasm"]
	before := a.Brotli
	get(t, s, "GET", "/web/app.wasm", "Accept-Encoding", "br")
	get(t, s, "GET", "/web/app.wasm", "Accept-Encoding", "br")
	if &a.Brotli[0] != &before[0] {
		t.Error("the brotli copy was recomputed for a request")
	}
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/web/app.css", "/manifest.webmanifest"} {
		if s.lookup(p) == nil || s.lookup(p).Brotli == nil {
			t.Errorf("%s has no precomputed brotli copy", p)
		}
	}
	if s.lookup("/web/icon-512.png").Brotli != nil {
		t.Error("a PNG was compressed again")
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s := testSite(t, testWeb(t))
	etag := get(t, s, "GET", "/web/app.css").Header.Get("ETag")
	for _, tc := range []struct {
		method, path string
		header       []string
		status       int
	}{
		{"GET", "/", nil, 200},
		{"GET", "/about", nil, 200},
		{"GET", "/about/", nil, 200},
		{"HEAD", "/", nil, 200},
		{"GET", "/web/app.css", nil, 200},
		{"GET", "/web/app.css", []string{"If-None-Match", etag}, 304},
		{"GET", "/no/such/page", nil, 404},
		{"GET", "/open%231.AAAA", nil, 200}, // a share link whose # was escaped
		{"GET", "/web/missing.css", nil, 404},
		{"POST", "/", nil, 405},
	} {
		res := get(t, s, tc.method, tc.path, tc.header...)
		if res.StatusCode != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, res.StatusCode, tc.status)
		}
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s %s: CSP %q lacks %q", tc.method, tc.path, csp, want)
			}
		}
		for _, bad := range []string{"unsafe-inline", "'unsafe-eval'", "*", "http:", "https:", "data:"} {
			if strings.Contains(strings.ReplaceAll(csp, "'wasm-unsafe-eval'", ""), bad) {
				t.Errorf("%s %s: CSP %q allows %q", tc.method, tc.path, csp, bad)
			}
		}
		for name, want := range map[string]string{
			"X-Content-Type-Options":       "nosniff",
			"Referrer-Policy":              "no-referrer",
			"X-Frame-Options":              "DENY",
			"Cross-Origin-Opener-Policy":   "same-origin",
			"Cross-Origin-Resource-Policy": "same-origin",
		} {
			if got := h.Get(name); got != want {
				t.Errorf("%s %s: %s %q, want %q", tc.method, tc.path, name, got, want)
			}
		}
	}
}

func TestNotFoundServesTheAppWithStatus404(t *testing.T) {
	s := testSite(t, testWeb(t))
	res := get(t, s, "GET", "/no/such/page")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 404 || !bytes.Contains(body, []byte("app.js")) {
		t.Errorf("status %d; the body should boot the app so it can say what is wrong", res.StatusCode)
	}
}

func TestPagesCarryThePolicyBeforeAnyScript(t *testing.T) {
	s := testSite(t, testWeb(t))
	for _, p := range []string{"/", "/about"} {
		page := string(s.lookup(p).Body)
		csp := strings.Index(page, `http-equiv="Content-Security-Policy"`)
		firstLoad := min(strings.Index(page, "<script"), strings.Index(page, "<link"))
		if csp < 0 || csp > firstLoad {
			t.Errorf("%s: the policy meta tag must come before the first script or link", p)
		}
		if strings.Contains(page, "frame-ancestors") {
			t.Errorf("%s: frame-ancestors is not allowed in a meta policy", p)
		}
		if strings.Contains(page, "user-scalable=0") {
			t.Errorf("%s: the page forbids zooming", p)
		}
		if strings.Contains(page, "og:url") {
			t.Errorf("%s: the page still names a made-up host in og:url", p)
		}
		for _, res := range loadedResources(page) {
			if strings.Contains(res, "//") {
				t.Errorf("%s: the page loads %s from another origin", p, res)
			}
		}
	}
}

// Every prerendered page shows under a loading bar, not a cover, and is
// inert until the app replaces it: a click or a key before then would be
// lost.
func TestPrerenderedPagesAreInertUntilTheAppStarts(t *testing.T) {
	s := testSite(t, testWeb(t))
	pages := []string{ui.NotFoundPath}
	pages = append(pages, ui.Paths()...)
	for _, p := range pages {
		a := s.lookup(p)
		if p == ui.NotFoundPath {
			a = s.notFound
		}
		page := string(a.Body)
		_, body, _ := strings.Cut(page, "<body>")
		first, _, _ := strings.Cut(strings.TrimSpace(body), ">")
		if !strings.Contains(first, ` inert=""`) {
			t.Errorf("%s: the prerendered page is not inert: %s>", p, first)
		}
		if strings.Count(page, "inert") != 1 || !strings.Contains(page, `<aside class="goapp-app-info" id="app-wasm-loader">`) {
			t.Errorf("%s: the loader must stay live, and only the page be inert", p)
		}
	}
	css := string(s.lookup("/web/app.css").Body)
	if !strings.Contains(css, ".goapp-app-info {\n  top: 0;") || !strings.Contains(css, "height: auto;") {
		t.Error("the stylesheet no longer makes go-app's loader a bar: it would cover the prerendered page")
	}
}

// app.js paints the page before it downloads the app, and registers the
// service worker (which caches the app) only once the app runs, so that a
// first visit downloads app.wasm once.
func TestTheAppStartsAfterTheFirstPaint(t *testing.T) {
	s := testSite(t, testWeb(t))
	js := string(s.lookup("/app.js").Body)
	start := strings.Index(js, "requestAnimationFrame(() =>")
	run, worker := strings.Index(js, "await goappInitWebAssembly();"), strings.Index(js, "goappInitServiceWorker();")
	if start < 0 || !(start < run && run < worker) || strings.Count(js, "goappInitServiceWorker();") != 1 || strings.Count(js, "goappInitWebAssembly();") != 1 {
		t.Errorf("app.js does not start the app after the first paint and the worker after the app:\n%s", js[:min(len(js), 800)])
	}
	worker2 := string(s.lookup("/app-worker.js").Body)
	if strings.Contains(worker2, `cache: "reload"`) || !strings.Contains(worker2, `cache: "no-cache"`) {
		t.Error("the service worker downloads the files again instead of checking the browser's copy")
	}
}

// loadedResources lists what a page makes the browser fetch: the URLs in
// src and srcset attributes, and in href attributes of link elements.
// Links a person may follow (<a href>) are not requests.
func loadedResources(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key == "src" || a.Key == "srcset" || (a.Key == "href" && tok.Data == "link") {
					out = append(out, a.Val)
				}
			}
		}
	}
}

func TestVersionFollowsContent(t *testing.T) {
	web := testWeb(t)
	v1 := testSite(t, web).Version
	if v2 := testSite(t, web).Version; v2 != v1 {
		t.Fatalf("the same files gave versions %s and %s", v1, v2)
	}
	wasm := filepath.Join(web, "app.wasm")
	b, _ := os.ReadFile(wasm)
	b[len(b)-1] ^= 1
	writeFile(t, wasm, b)
	v3 := testSite(t, web).Version
	if v3 == v1 {
		t.Error("a changed app.wasm kept the version")
	}
	f, _ := os.OpenFile(filepath.Join(web, "app.css"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("/* changed */")
	f.Close()
	if v4 := testSite(t, web).Version; v4 == v3 {
		t.Error("a changed stylesheet kept the version")
	}
	worker := string(testSite(t, web).lookup("/app-worker.js").Body)
	if !strings.Contains(worker, testSite(t, web).Version) {
		t.Error("the service worker does not carry the version, so browsers would not update")
	}
}

// A tab finds out that a newer build took it over from the name of the
// worker's cache (ui.WorkerCachePrefix and the version): the worker must
// name it so.
func TestWorkerCacheIsNamedForTheBuild(t *testing.T) {
	s := testSite(t, testWeb(t))
	worker := string(s.lookup("/app-worker.js").Body)
	for _, want := range []string{`const cachePrefix = "` + ui.WorkerCachePrefix + `";`, `const cacheName = cachePrefix + "` + s.Version + `";`} {
		if !strings.Contains(worker, want) {
			t.Errorf("the service worker does not declare %s", want)
		}
	}
}

func TestStaleCompressedCopiesAreNotServed(t *testing.T) {
	web := testWeb(t)
	writeFile(t, filepath.Join(web, "app.wasm.br"), brotliBytes([]byte("an older build"), fastCompression))
	writeFile(t, filepath.Join(web, "app.wasm.gz"), []byte("not even gzip"))
	s := testSite(t, web)
	raw, _ := os.ReadFile(filepath.Join(web, "app.wasm"))
	a := s.lookup("/web/app.wasm")
	plain, err := io.ReadAll(brotli.NewReader(bytes.NewReader(a.Brotli)))
	if err != nil || !bytes.Equal(plain, raw) {
		t.Error("a stale app.wasm.br was reused")
	}
	if s.lookup("/web/app.wasm.br") != nil {
		t.Error("a compressed copy is served as a file of its own")
	}

	// A matching copy is reused as it is.
	good := gzipBytes(raw, bestCompression)
	writeFile(t, filepath.Join(web, "app.wasm.gz"), good)
	if got := testSite(t, web).lookup("/web/app.wasm").Gzip; !bytes.Equal(got, good) {
		t.Error("a matching app.wasm.gz was not reused")
	}
}

func TestMissingWasmIsExplained(t *testing.T) {
	web := testWeb(t)
	os.Remove(filepath.Join(web, "app.wasm"))
	_, err := buildSite(siteConfig{WebDir: web})
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("error %v should tell the person to run make build", err)
	}
}

func TestCleanPrefix(t *testing.T) {
	good := map[string]string{"": "", "/": "", "/counterpart": "/counterpart", "/counterpart/": "/counterpart", "/a/b": "/a/b"}
	for in, want := range good {
		if got, err := cleanPrefix(in); err != nil || got != want {
			t.Errorf("cleanPrefix(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"counterpart", "/a/../b", "/a b", "/a?x", "//a", "/a#b"} {
		if _, err := cleanPrefix(bad); err == nil {
			t.Errorf("cleanPrefix(%q) accepted a bad prefix", bad)
		}
	}
}

func TestExportWritesACompleteSite(t *testing.T) {
	web := testWeb(t)
	dir := t.TempDir()
	var out bytes.Buffer
	err := exportStatic(dir, siteConfig{WebDir: web, Prefix: "/counterpart", Compression: fastCompression}, &out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "about/index.html", "404.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css", "web/app.css", "web/icon.svg", "web/icon-192.png", "web/icon-512.png", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	for _, want := range []string{`src="/counterpart/app.js"`, `href="/counterpart/web/app.css"`, `href="/counterpart/manifest.webmanifest"`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, "manifest.webmanifest"))
	for _, want := range []string{`"scope": "/counterpart/"`, `"start_url": "/counterpart/"`, `"/counterpart/web/icon-512.png"`} {
		if !bytes.Contains(manifest, []byte(want)) {
			t.Errorf("the manifest lacks %s:\n%s", want, manifest)
		}
	}
	if !strings.Contains(out.String(), "/counterpart/") {
		t.Errorf("the export should say where the site goes: %q", out.String())
	}
}

func TestServerStartsAndStops(t *testing.T) {
	web := testWeb(t)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-web", web}, pw, io.Discard) }()
	line := make([]byte, 200)
	n, _ := pr.Read(line)
	m := runningAt.FindStringSubmatch(string(line[:n]))
	if m == nil {
		t.Fatalf("the server printed %q", line[:n])
	}
	res, err := http.Get(m[1] + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("status %d", res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

func TestBadFlagsAreRefused(t *testing.T) {
	for _, args := range [][]string{
		{"-base", "/x"},
		{"-static", t.TempDir(), "-base", "x"},
		{"stray"},
		{"-no-such-flag"},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) accepted bad arguments", args)
		}
	}
}
