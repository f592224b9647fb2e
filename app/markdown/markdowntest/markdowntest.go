// Package markdowntest checks formatted text for the tests of the
// packages that write it: what may be in its HTML, and whether its HTML
// and its Markdown say the same thing, with goldmark as the judge of
// Markdown. Only tests import it, so goldmark stays out of the app.
package markdowntest

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"counterpart/app/markdown"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

var (
	// written reads Markdown files as a Markdown tool of GitHub's
	// flavour does.
	written = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.TaskList))
	// typed reads typed text as the app promises: line breaks kept and
	// addresses made links.
	typed = goldmark.New(
		goldmark.WithExtensions(extension.Linkify, extension.Strikethrough),
		goldmark.WithRendererOptions(gmhtml.WithHardWraps()),
	)
)

func convert(md goldmark.Markdown, src string) string {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		panic(err) // goldmark fails only when writing fails
	}
	return b.String()
}

// ReadMarkdown is what a Markdown tool shows of a Markdown file, as HTML.
func ReadMarkdown(md string) string { return convert(written, md) }

// ReadTyped is what goldmark makes of typed text, with line breaks kept
// and addresses made links.
func ReadTyped(s string) string { return convert(typed, s) }

// Agree fails the test when goldmark, reading the Markdown writer's
// output, does not show what the HTML writer wrote.
func Agree(tb testing.TB, what string, blocks []markdown.Block) {
	tb.Helper()
	h, md := markdown.HTML(blocks), markdown.Markdown(blocks)
	read := ReadMarkdown(md)
	if got, want := Shape(read), Shape(h); got != want {
		tb.Fatalf("%s: the Markdown reads differently from the HTML\nMarkdown: %q\nHTML:     %q\ngoldmark: %q\n shape of goldmark: %s\n shape of HTML:     %s", what, md, h, read, got, want)
	}
}

// Shape is what a reader takes from HTML: its blocks, its line breaks,
// and for each character of text the formats it has, whatever their
// order of nesting, links with where they go. Runs of white space count
// as one space, and none counts at the ends of a block or next to a line
// break. A task box reads as ☐ or ☑.
func Shape(out string) string {
	type piece struct {
		mark string // a block's tag or "br"; "" for text
		key  string // the text's formats
		text string
	}
	var pieces []piece
	var formats []string
	addText := func(s string) {
		fs := append([]string(nil), formats...)
		sort.Strings(fs)
		pieces = append(pieces, piece{key: strings.Join(fs, ","), text: s})
	}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		attr := func(name, def string) string {
			for _, a := range tok.Attr {
				if a.Key == name {
					return a.Val
				}
			}
			return def
		}
		switch tt {
		case html.TextToken:
			addText(tok.Data)
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.Data {
			case "strong", "em", "del", "code":
				formats = append(formats, tok.Data)
			case "a":
				href, _ := url.PathUnescape(attr("href", ""))
				formats = append(formats, "a="+href)
			case "input":
				if attr("checked", "no") != "no" {
					addText("☑ ")
				} else {
					addText("☐ ")
				}
			case "ol":
				pieces = append(pieces, piece{mark: "ol " + attr("start", "1")})
			case "div", "article":
			default:
				pieces = append(pieces, piece{mark: tok.Data})
			}
		case html.EndTagToken:
			switch tok.Data {
			case "strong", "em", "del", "code", "a":
				if n := len(formats); n > 0 {
					formats = formats[:n-1]
				}
			case "div", "article":
			default:
				pieces = append(pieces, piece{mark: "/" + tok.Data})
			}
		}
	}
	var b strings.Builder
	var run []piece // text between two marks
	flush := func() {
		// Per character, so that trimming keeps the formats right.
		type ch struct {
			r   rune
			key string
		}
		var chars []ch
		for _, p := range run {
			for _, r := range p.text {
				chars = append(chars, ch{r, p.key})
			}
		}
		var kept []ch
		for i, c := range chars {
			if strings.ContainsRune(" \t\n\r\f", c.r) {
				if len(kept) == 0 || kept[len(kept)-1].r == ' ' || i == len(chars)-1 {
					continue
				}
				c.r = ' '
			}
			kept = append(kept, c)
		}
		for len(kept) > 0 && kept[len(kept)-1].r == ' ' {
			kept = kept[:len(kept)-1]
		}
		key := "\x00"
		for _, c := range kept {
			if c.key != key {
				b.WriteString("{" + c.key + "}")
				key = c.key
			}
			b.WriteRune(c.r)
		}
		run = nil
	}
	for _, p := range pieces {
		if p.mark == "" {
			run = append(run, p)
			continue
		}
		flush()
		b.WriteString("<" + p.mark + ">")
	}
	flush()
	return b.String()
}

// TypedTags are the elements what people type may become.
var TypedTags = map[string]bool{
	"div": true, "p": true, "br": true, "ul": true, "ol": true, "li": true,
	"strong": true, "em": true, "del": true, "code": true, "a": true,
}

// Unsafe checks HTML that package markdown wrote, or that a Markdown tool
// made of its Markdown: only the tags given, no attribute but a web or
// mail link's href, a numbered list's start, the wrapper's class, a task
// list's class and a task's box, and no comment. It says what should not be there,
// or "".
func Unsafe(out string, tags map[string]bool) string {
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.CommentToken, html.DoctypeToken:
			return "raw markup: " + string(z.Raw())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if !tags[tok.Data] {
				return "tag " + tok.Data
			}
			for _, a := range tok.Attr {
				switch {
				case tok.Data == "a" && a.Key == "href" && markdown.Allowed(a.Val) && webOrMail(a.Val):
				case tok.Data == "ol" && a.Key == "start":
				case tok.Data == "div" && a.Key == "class" && a.Val == "md":
				case tok.Data == "ul" && a.Key == "class" && a.Val == "tasks":
				// A Markdown tool shows a task as a box that cannot be
				// ticked.
				case tok.Data == "input" && (a.Key == "type" && a.Val == "checkbox" || a.Key == "disabled" || a.Key == "checked"):
				default:
					return "attribute " + a.Key + "=" + a.Val + " on " + tok.Data
				}
			}
		}
	}
}

// webOrMail checks a link's scheme on its own, not trusting Allowed
// alone.
func webOrMail(href string) bool {
	h := strings.ToLower(href)
	return strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "mailto:")
}

// Text is the text a reader sees in HTML.
func Text(out string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// XSSCorpus reads the shared list of known cross-site scripting vectors
// (e2e/testdata/xss.txt), which the browser tests also put through every
// field and export.
func XSSCorpus(tb testing.TB) []string {
	tb.Helper()
	// The tests of any package run in its directory: the corpus is found
	// from the module's root.
	dir, err := os.Getwd()
	for err == nil {
		if _, e := os.Stat(filepath.Join(dir, "go.mod")); e == nil {
			break
		}
		if up := filepath.Dir(dir); up != dir {
			dir = up
		} else {
			err = os.ErrNotExist
		}
	}
	if err != nil {
		tb.Fatalf("finding the module's root: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "e2e", "testdata", "xss.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(line, `\n`, "\n"))
	}
	if len(out) < 50 {
		tb.Fatalf("the corpus has %d vectors, want at least 50", len(out))
	}
	return out
}
