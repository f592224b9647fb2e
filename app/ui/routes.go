package ui

import (
	"net/url"
	"regexp"
	"strings"
	"sync"

	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The app's paths. Pages() routes them and the link functions below build
// every URL to them, so a path is written once.
const (
	homePath      = "/"
	newPath       = "/new"
	aboutPath     = "/about"
	framingPath   = "/before"
	worksheetPath = "/worksheet"
	meetingsPath  = "/meetings"
	documentPath  = "/document"
	ceoPath       = "/ceo"
	sharePath     = "/share"
	openPath      = share.OpenPath
	guidePath     = "/guide/"
	yourDataPath  = "/your-data"
)

// Page ties a URL path to the component that renders it.
type Page struct {
	Path string
	New  func() app.Composer
}

// Pages lists every page of the app, each made with the tab's App. The
// browser routes with it, and the server prerenders each path so that a
// deep link, a static host and the offline cache all have a real page to
// return.
func Pages(a *App) []Page {
	pages := []Page{
		{Path: homePath, New: func() app.Composer { return &home{App: a} }},
		{Path: newPath, New: func() app.Composer { return &newPage{App: a} }},
		{Path: worksheetPath, New: func() app.Composer { return &worksheetPage{App: a} }},
		{Path: meetingsPath, New: func() app.Composer { return &meetingsPage{opened: opened{App: a}} }},
		{Path: documentPath, New: func() app.Composer { return &documentPage{opened: opened{App: a}} }},
		{Path: ceoPath, New: func() app.Composer { return &ceoPage{opened: opened{App: a}} }},
		{Path: aboutPath, New: func() app.Composer { return newAbout(a) }},
		{Path: framingPath, New: func() app.Composer { return &framingPage{App: a} }},
		{Path: sharePath, New: func() app.Composer { return &sharePage{opened: opened{App: a}} }},
		{Path: openPath, New: func() app.Composer { return &openPage{App: a} }},
		{Path: yourDataPath, New: func() app.Composer { return &yourDataPage{App: a} }},
	}
	for _, s := range onboarding.Stages {
		pages = append(pages, Page{Path: stagePath(s), New: func() app.Composer { return &stagePage{opened: opened{App: a}} }})
	}
	return pages
}

// Paths lists the path of every page, in the order of Pages: what the
// server prerenders and a static host must serve.
func Paths() []string {
	var paths []string
	for _, p := range Pages(nil) { // the pages are not made: no App needed
		paths = append(paths, p.Path)
	}
	return paths
}

// stagePath is the path of a stage's page, such as /guide/data.
func stagePath(s onboarding.Stage) string { return guidePath + string(s) }

// stageLink is the URL of a stage of one onboarding.
func stageLink(s onboarding.Stage, id string) string { return link(stagePath(s), "id", id) }

// meetingsLink is the URL of the weekly 1:1 page of an onboarding.
func meetingsLink(id string) string { return link(meetingsPath, "id", id) }

// documentLink is the URL of the shared document of an onboarding.
func documentLink(id string) string { return link(documentPath, "id", id) }

// ceoLink is the URL of the one-page summary for the CEO.
func ceoLink(id string) string { return link(ceoPath, "id", id) }

// framingLink is the URL of the page before stage one; with an
// onboarding's ID, its last link goes on to that onboarding's first stage.
func framingLink(id string) string {
	if id == "" {
		return link(framingPath)
	}
	return link(framingPath, "id", id)
}

// shareLink is the URL of the share page of an onboarding.
func shareLink(id string) string { return link(sharePath, "id", id) }

// worksheetLink is the URL of the printable worksheet of an onboarding,
// "blank" or "filled".
func worksheetLink(id, variant string) string {
	return link(worksheetPath, "id", id, "variant", variant)
}

// NotFoundPath is a path no page claims; the server renders it once to get
// the body of its 404 response.
const NotFoundPath = "/not-found"

// Register tells go-app about every page, each made with a, the tab's
// App. Call it from main in both builds.
//
// Every path also matches with a trailing slash, because static hosts serve a
// page as dir/index.html and redirect /about to /about/. Anything else gets
// the app's own not-found page instead of go-app's default one.
//
// Pages are exact routes (a map lookup), not regular expressions: go-app
// compiles every regexp route when it is registered, which cost about
// 30 ms of each start in the browser (../shared/measurements/start-profile.md).
func Register(a *App) {
	for _, p := range Pages(a) {
		app.RouteFunc(p.Path, p.New)
		if p.Path != homePath {
			app.RouteFunc(p.Path+"/", p.New)
		}
	}
	// A mail scanner that escapes the "#" of a share link as "%23" moves
	// the link's data into the path: /open%231.… still opens it.
	app.RouteWithRegexpFunc("^"+regexp.QuoteMeta(openPath)+"(#|%23)", func() app.Composer { return &openPage{App: a} })
	app.RouteWithRegexpFunc(".*", func() app.Composer { return newNotFound(a) })
}

// appPath is the path of the current page inside the app, without the
// prefix of a sub-path site and without a trailing slash.
func appPath(ctx app.Context) string {
	p := strings.TrimPrefix(ctx.Page().URL().Path, rootPrefix())
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	if p == "" {
		p = "/"
	}
	return p
}

// rootPrefix is the path the app is served under, without its trailing
// slash: empty from the server, "/counterpart" on a GitHub Pages site.
// In the browser it is read once: go-app's Getenv is a round of calls
// into JavaScript, and every link a page renders asked again (a fifth of
// the calls of the home page's first render). The server reads it each
// time, as it is cheap there and a test changes it.
func rootPrefix() string {
	if app.IsClient {
		return browserPrefix()
	}
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
}

// browserPrefix is rootPrefix, read once: a page's prefix does not change
// while it is open.
var browserPrefix = sync.OnceValue(func() string { return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") })

// link returns the URL of an app path, under the prefix the app is served
// from (empty on the server, "/counterpart" on a GitHub Pages site), with
// the query parameters given as name, value pairs, escaped.
func link(path string, query ...string) string {
	prefix := rootPrefix()
	u := prefix + path
	if path == homePath && prefix != "" {
		u = prefix + "/"
	}
	if len(query) == 0 {
		return u
	}
	q := url.Values{}
	for i := 0; i+1 < len(query); i += 2 {
		q.Set(query[i], query[i+1])
	}
	return u + "?" + q.Encode()
}
