//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"counterpart/app/ui"

	"golang.org/x/net/html"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// workerTemplate replaces go-app's service worker; see the file for why.
//
//go:embed app-worker.js
var workerTemplate string

// wasmLengthHeader carries the size of app.wasm before compression, so the
// loading screen can show progress while the browser inflates it.
const wasmLengthHeader = "X-Uncompressed-Length"

// siteConfig says how to build the site.
type siteConfig struct {
	// WebDir holds app.wasm and the static files (icons, CSS).
	WebDir string
	// Prefix is the URL path the site lives under: "" when served by this
	// program, "/counterpart" for a GitHub Pages project site.
	Prefix string
	// UpdateCheck is how often an open tab looks for a newer version.
	UpdateCheck time.Duration
	// Compression picks speed or size for the compressed copies.
	Compression compressionLevel
}

// asset is one file of the site, kept in memory with its compressed copies,
// all computed once when the site is built.
type asset struct {
	Type   string
	Body   []byte
	Brotli []byte // nil when compression would not help
	Gzip   []byte
	ETag   string
}

// site is every file the app is made of, by URL path (without the prefix).
// The server answers from it and the static export writes it to disk, so
// both deliver the very same bytes.
type site struct {
	// Version is a hash of the site's content: it changes exactly when a
	// file the browser downloads changes, which is what makes the service
	// worker update.
	Version  string
	Prefix   string
	assets   map[string]*asset
	notFound *asset
}

// generatedPaths are the files go-app writes for us.
var generatedPaths = []string{"/app.js", "/app-worker.js", "/wasm_exec.js", "/manifest.webmanifest", "/app.css"}

// buildSite reads the web directory, renders go-app's files and every page,
// and derives the version from all of it.
func buildSite(cfg siteConfig) (*site, error) {
	web, precompressed, err := readWebDir(cfg.WebDir)
	if err != nil {
		return nil, err
	}
	if _, ok := web["/web/app.wasm"]; !ok {
		return nil, fmt.Errorf("%s has no app.wasm: run `make build` first, or point -web at the directory that has it", filepath.Join(cfg.WebDir, "app.wasm"))
	}

	// Render once with a placeholder version to hash what the browser will
	// download, then again with the real version.
	draft, err := renderGoApp(cfg, "draft")
	if err != nil {
		return nil, err
	}
	version := contentVersion(web, draft)
	generated, err := renderGoApp(cfg, version)
	if err != nil {
		return nil, err
	}

	s := &site{Version: version, Prefix: cfg.Prefix, assets: map[string]*asset{}}
	for p, a := range web {
		s.assets[p] = a
	}
	for p, a := range generated {
		s.assets[p] = a
	}
	s.notFound = s.assets[ui.NotFoundPath]
	delete(s.assets, ui.NotFoundPath)

	for p, a := range s.assets {
		compress(a, precompressed[p], cfg.Compression)
	}
	compress(s.notFound, precompressed[ui.NotFoundPath], cfg.Compression)
	return s, nil
}

// checkLink vets a symbolic link found in the web directory. One that leads
// outside it would publish whatever it points at, so the server refuses to
// start; one to a directory inside is skipped, since the walk reaches that
// directory's files by their own path.
func checkLink(dir, p, rel string) (skip bool, err error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false, err
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false, fmt.Errorf("%s is a link that leads nowhere: %v", rel, err)
	}
	inside, err := filepath.Rel(root, target)
	if err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) || filepath.IsAbs(inside) {
		return false, fmt.Errorf("%s is a link to %s, outside %s: the server only publishes what is in the web directory", rel, target, dir)
	}
	info, err := os.Stat(target)
	if err != nil {
		return false, err
	}
	return info.IsDir(), nil
}

// readWebDir loads every file of dir as a /web/ asset. Files ending in .br or
// .gz are compressed copies left by an earlier export; they are returned
// apart and reused only if they still match their original.
func readWebDir(dir string) (files map[string]*asset, precompressed map[string]map[string][]byte, err error) {
	files = map[string]*asset{}
	precompressed = map[string]map[string][]byte{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			skip, err := checkLink(dir, p, rel)
			if err != nil || skip {
				return err
			}
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		urlPath := "/web/" + filepath.ToSlash(rel)
		for _, enc := range []string{"br", "gzip"} {
			if orig, ok := strings.CutSuffix(urlPath, encodingSuffix[enc]); ok {
				if precompressed[orig] == nil {
					precompressed[orig] = map[string][]byte{}
				}
				precompressed[orig][enc] = body
				return nil
			}
		}
		files[urlPath] = &asset{Type: contentType(urlPath), Body: body}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading the web directory: %w", err)
	}
	return files, precompressed, nil
}

// renderGoApp asks a go-app handler for its generated files and for every
// page, the way a browser would.
func renderGoApp(cfg siteConfig, version string) (map[string]*asset, error) {
	h := newAppHandler(cfg, version)
	paths := append([]string{}, generatedPaths...)
	paths = append(paths, ui.Paths()...)
	paths = append(paths, ui.NotFoundPath)

	out := map[string]*asset{}
	for _, p := range paths {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, p, nil)
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("rendering %s: go-app answered %d", p, rec.Code)
		}
		typ, body := rec.Header().Get("Content-Type"), rec.Body.Bytes()
		if typ == "text/html" {
			var err error
			if body, err = finishPage(body); err != nil {
				return nil, fmt.Errorf("rendering %s: %w", p, err)
			}
		}
		if p == "/manifest.webmanifest" {
			var err error
			if body, err = finishManifest(body, cfg.Prefix); err != nil {
				return nil, err
			}
		}
		if p == "/app.js" {
			var err error
			if body, err = finishScript(body); err != nil {
				return nil, err
			}
		}
		if typ == "text/html" || typ == "text/css" || typ == "application/javascript" {
			typ += "; charset=utf-8"
		}
		out[p] = &asset{Type: typ, Body: body}
	}
	return out, nil
}

// newAppHandler configures go-app for Counterpart. It is only used to render
// files: the site type serves them.
func newAppHandler(cfg siteConfig, version string) *app.Handler {
	resources := app.LocalDir("")
	if cfg.Prefix != "" {
		resources = app.CustomProvider("", cfg.Prefix)
	}
	return &app.Handler{
		Name:            "Counterpart",
		ShortName:       "Counterpart",
		Title:           "Counterpart",
		Description:     "Onboard a new peer executive: real data, first problems, the team, the processes and who owns what.",
		Lang:            "en",
		BackgroundColor: "#f7f5f0",
		ThemeColor:      "#1d3557",
		LoadingLabel:    "Loading Counterpart {progress}%",
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles:             []string{"/web/app.css"},
		CacheableResources: []string{"/web/icon.svg"},
		Resources:          resources,
		Env: app.Environment{
			"COUNTERPART_UPDATE_CHECK": cfg.UpdateCheck.String(),
		},
		Version:                 version,
		WasmContentLengthHeader: wasmLengthHeader,
		ServiceWorkerTemplate:   workerTemplate,
	}
}

// pageFixes are the changes made to every page go-app renders. Each must
// match exactly once, so an upgrade of go-app that changes its markup fails
// the build loudly instead of quietly dropping a fix.
var pageFixes = []struct{ why, old, new string }{
	{
		// The policy goes in the page too, so that it holds on static hosts,
		// which cannot send headers. It must come before any script or style
		// to cover them.
		why: "content security policy",
		old: `<meta charset="UTF-8">`,
		new: `<meta charset="UTF-8">` + "\n" +
			`<meta http-equiv="Content-Security-Policy" content="` + pagePolicy + `">` + "\n" +
			`<meta name="referrer" content="no-referrer">`,
	},
	{
		// go-app forbids zooming, which people with poor eyesight need.
		why: "zoomable viewport",
		old: `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`,
		new: `content="width=device-width, initial-scale=1, viewport-fit=cover"`,
	},
}

// scriptFixes change the order in which go-app's app.js starts things,
// each matched exactly once like pageFixes. go-app starts downloading
// app.wasm, and registers the service worker, as soon as the script runs,
// before the page has painted. Here the page the server prerendered
// paints first (the download would delay it on a slow line), the app
// starts next, and the worker is registered once the app runs: its
// install caches app.wasm for offline use, and a worker installed
// earlier downloaded the whole app a second time, at the same moment.
var scriptFixes = []struct{ why, old, new string }{
	{
		why: "start after the first paint",
		old: "\ngoappInitServiceWorker();\n",
		new: "\n",
	},
	{
		why: "register the worker once the app runs",
		old: "\ngoappInitWebAssembly();\n",
		new: "\n// Counterpart: paint, then start the app, then register the worker.\n" +
			"requestAnimationFrame(() =>\n" +
			"  setTimeout(async () => {\n" +
			"    await goappInitWebAssembly();\n" +
			"    goappInitServiceWorker();\n" +
			"  })\n" +
			");\n",
	},
}

// finishScript applies scriptFixes to go-app's app.js.
func finishScript(js []byte) ([]byte, error) {
	for _, fix := range scriptFixes {
		if n := bytes.Count(js, []byte(fix.old)); n != 1 {
			return nil, fmt.Errorf("applying the %s fix to app.js: expected go-app's code once, found it %d times", fix.why, n)
		}
		js = bytes.Replace(js, []byte(fix.old), []byte(fix.new), 1)
	}
	return js, nil
}

// ogURL is go-app's og:url tag, which names the host of whatever request
// rendered the page: a made-up one here. A page shared from a private app
// has no canonical URL, so the tag goes.
var ogURL = regexp.MustCompile(`<meta content="[^"]*" property="og:url">\n?`)

// finishPage applies pageFixes to a page rendered by go-app, and puts every
// tag's attributes in a fixed order.
func finishPage(page []byte) ([]byte, error) {
	page = sortAttributes(page)
	for _, fix := range pageFixes {
		if n := bytes.Count(page, []byte(fix.old)); n != 1 {
			return nil, fmt.Errorf("applying the %s fix: expected go-app's markup once, found it %d times", fix.why, n)
		}
		page = bytes.Replace(page, []byte(fix.old), []byte(fix.new), 1)
	}
	page, err := inertUntilStarted(page)
	if err != nil {
		return nil, err
	}
	return ogURL.ReplaceAll(page, nil), nil
}

// inertUntilStarted marks the prerendered page, the first element of the
// body, inert: it shows at once (the loader is a bar above it, see
// web/app.css), but clicks and typing would be lost until the app has
// started and replaced it with its own live copy, which is not inert.
func inertUntilStarted(page []byte) ([]byte, error) {
	i := bytes.Index(page, []byte("<body>"))
	if i < 0 {
		return nil, fmt.Errorf("marking the prerendered page inert: no <body> in go-app's markup")
	}
	j := bytes.IndexByte(page[i+len("<body>"):], '<')
	k := i + len("<body>") + j
	end := bytes.IndexAny(page[k:], " >")
	if j < 0 || end < 0 || page[k+1] == '/' {
		return nil, fmt.Errorf("marking the prerendered page inert: the body has no first element")
	}
	k += end
	return append(page[:k:k], append([]byte(` inert=""`), page[k:]...)...), nil
}

// sortAttributes rewrites each tag with its attributes sorted by name.
// go-app writes them in map order, which changes from run to run; without
// this the same build would get a new version at every start.
func sortAttributes(page []byte) []byte {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			sort.SliceStable(tok.Attr, func(i, j int) bool { return tok.Attr[i].Key < tok.Attr[j].Key })
			out.WriteString(tok.String())
		default:
			out.Write(z.Raw())
		}
	}
}

// contentVersion hashes every file the browser downloads.
func contentVersion(sets ...map[string]*asset) string {
	var paths []string
	all := map[string]*asset{}
	for _, set := range sets {
		for p, a := range set {
			all[p] = a
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(all[p].Body))
		h.Write(all[p].Body)
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// contentType names the media type of a web file by its extension.
func contentType(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "application/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// lookup finds the asset for a request path, accepting the trailing slash
// that static hosts add to page URLs.
func (s *site) lookup(p string) *asset {
	if a, ok := s.assets[p]; ok {
		return a
	}
	if trimmed := strings.TrimSuffix(p, "/"); trimmed != p && trimmed != "" {
		return s.assets[trimmed]
	}
	return nil
}
