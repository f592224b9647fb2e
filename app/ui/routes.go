// Package ui holds Counterpart's pages and components: go-app code that
// renders the model and turns clicks and keystrokes into calls on it. The
// rules of the domain live in the plain-Go packages next to this one.
package ui

import (
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Page ties a URL path to the component that renders it.
type Page struct {
	Path string
	New  func() app.Composer
}

// Pages lists every page of the app. The browser routes with it, and the
// server prerenders each path so that a deep link, a static host and the
// offline cache all have a real page to return.
func Pages() []Page {
	return []Page{
		{Path: "/", New: func() app.Composer { return &home{} }},
		{Path: "/about", New: func() app.Composer { return &about{} }},
	}
}

// NotFoundPath is a path no page claims; the server renders it once to get
// the body of its 404 response.
const NotFoundPath = "/not-found"

// Register tells go-app about every page. Call it from main in both builds.
//
// Every path also matches with a trailing slash, because static hosts serve a
// page as dir/index.html and redirect /about to /about/. Anything else gets
// the app's own not-found page instead of go-app's default one.
func Register() {
	for _, p := range Pages() {
		if p.Path == "/" {
			app.RouteFunc("/", p.New)
			continue
		}
		app.RouteWithRegexpFunc("^"+regexp.QuoteMeta(p.Path)+"/?$", p.New)
	}
	app.RouteWithRegexpFunc(".*", func() app.Composer { return &notFound{} })
}

// link returns the URL of an app path, under the prefix the app is served
// from (empty on the server, "/counterpart" on a GitHub Pages site).
func link(path string) string {
	prefix := strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
	if path == "/" && prefix != "" {
		return prefix + "/"
	}
	return prefix + path
}
