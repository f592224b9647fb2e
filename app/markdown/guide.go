//go:build !wasm

package markdown

// This file renders the guide's own text (content/) when the app is
// built: all of CommonMark, with goldmark, made safe the same way as what
// people type (no raw HTML, no images, no links but http, https and
// mailto). The browser build leaves it out, and goldmark with it.

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// full is the one configured converter. goldmark leaves raw HTML out by
// default; the transformer below deals with links and images.
var full = goldmark.New(
	goldmark.WithExtensions(extension.Linkify, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safeLinks{}, 100))),
)

// Render renders the guide's Markdown to HTML, in one <div class="md">
// like ToHTML.
func Render(source string) string {
	var b bytes.Buffer
	b.WriteString(`<div class="md">`)
	if err := full.Convert([]byte(source), &b); err != nil {
		// goldmark only fails when writing fails, and a bytes.Buffer does
		// not; show the text escaped rather than nothing.
		b.Reset()
		b.WriteString(`<div class="md"><p>`)
		b.WriteString(escapeHTML(source))
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
