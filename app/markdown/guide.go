// Package markdown turns the Markdown people type, and the guide's own
// text, into HTML that is safe to put in the page: no raw HTML, no images
// (they would fetch from other sites), and no links but http, https and
// mailto.
package markdown

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is the one configured converter. goldmark leaves raw HTML out by
// default; the transformer below deals with links and images.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Linkify, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safeLinks{}, 100))),
)

// ToHTML renders Markdown to HTML. The result is always one <div>, which is
// what go-app's Raw element needs.
func ToHTML(source string) string {
	var b bytes.Buffer
	b.WriteString(`<div class="md">`)
	if err := md.Convert([]byte(source), &b); err != nil {
		// goldmark only fails when writing fails, and a bytes.Buffer does
		// not; show the text escaped rather than nothing.
		b.Reset()
		b.WriteString(`<div class="md"><p>`)
		b.WriteString(escape(source))
		b.WriteString(`</p>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// safeLinks rewrites the tree before rendering: links with a scheme other
// than http, https or mailto become plain text, and images become their
// alt text, so nothing in a note can run script or fetch from elsewhere.
type safeLinks struct{}

// Transform implements goldmark's parser.ASTTransformer.
func (safeLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var unsafe []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !Allowed(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			// An address in angle brackets is rendered as a mailto:
			// link, so that is what gets checked.
			dest := string(n.URL(reader.Source()))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			if !Allowed(dest) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			unsafe = append(unsafe, n)
		case *ast.RawHTML, *ast.HTMLBlock:
			unsafe = append(unsafe, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		switch n := n.(type) {
		case *ast.AutoLink:
			parent.ReplaceChild(parent, n, ast.NewString(n.Label(reader.Source())))
		case *ast.RawHTML, *ast.HTMLBlock:
			parent.RemoveChild(parent, n)
		default:
			// Keep the link's or image's text where the node was.
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
			parent.RemoveChild(parent, n)
		}
	}
}

// Allowed reports whether a link may stay clickable: an absolute http,
// https or mailto URL.
func Allowed(dest string) bool {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return hostname(u.Hostname())
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// hostname reports whether h can name a host: letters (of any script),
// digits, dots and hyphens, or the hex digits and colons of an IPv6
// address. The URL parser takes more (quotes, braces), which goldmark then
// renders percent-encoded: the link on the page would not be the one
// checked here.
func hostname(h string) bool {
	if h == "" {
		return false
	}
	ipv6 := strings.Contains(h, ":")
	for _, r := range h {
		switch {
		case ipv6 && (r == ':' || r == '.' || strings.ContainsRune("0123456789abcdefABCDEF", r)):
		case !ipv6 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return true
}

func escape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}
