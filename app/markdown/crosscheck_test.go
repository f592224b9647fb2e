//go:build !wasm

package markdown_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	. "counterpart/app/markdown"
	"counterpart/app/markdown/markdowntest"
)

func agree(tb testing.TB, what string, blocks []Block) {
	tb.Helper()
	markdowntest.Agree(tb, what, blocks)
}

func TestWritersAgree(t *testing.T) {
	inputs := append([]string{
		"Check **the close pack** and *the forecast*\n- one\n- two\n\n1. a\n2. b",
		"a **b *c* d** e ~~f~~ `g` [h **i**](https://a.example.com/x) https://b.example.com/y.",
		"***x***", "**a***b*", "*a***b**", "x*y*z", "**a** **b**", "_a_b", "a_b_", "*(x)*", "**(x)**y",
		"`` ` `` and ` `` ` and `  `", "\\*", "\\", "a\\\nb", "1.\n2.", "-\n- x", "- [ ] not a task",
		"<mailto:ops@example.com> and <ops@example.com>", "www.example.com/a_b_c", "[x](https://a.example.com/a(b)c)",
		"# h\n## h\n> q\n```\ncode\n```\n    indented\n---\n***\n___\n= =\n| a | b |",
		"&amp; &#60; &lt;", "\u00a0*a*\u00a0", "*\u00a0a*", "**a\u00a0**", "x\x00y\x01z",
		// Found by fuzzing: a control character beside a star, a format
		// around a link glued to a word, an exclamation mark before a link.
		"X*\x01\xb5)p 9*\xe5", "*0@.0*00", "x*https://a.example.com*y", "*https://a.example.com/x* ok", "0![0](https://0)",
	}, xssCorpus(t)...)
	for _, in := range inputs {
		agree(t, fmt.Sprintf("%q", in), Parse(in))
	}
}

// Built blocks, as the document writes them, agree too.
func TestBuiltBlocksAgree(t *testing.T) {
	agree(t, "built", []Block{
		Head(1, Text("# Title *with* [marks]")),
		Para(Bold(Text("Dana")), Text(" (CTO) and "), Bold(Text(" Priya ")), Text(".")),
		List(Line{Bold(Text("Area")), Text(": shared")}, Line{Text("1. not a number")}),
		{Kind: Bullets, Items: []Item{{Task: DoneTask, Lines: []Line{{Text("[x] done")}}}, {Task: OpenTask}}},
		Numbered(Line{Text("step")}, Line{Text("- step")}),
		{Kind: Numbers, Start: 7, Items: []Item{{Lines: []Line{{Text("seven")}}}}},
		Para(Span{Kind: Link, Href: "https://a.example.com/a b\"c", Inner: Line{Text("a link")}}),
	})
}

// subsetText makes typed text from the subset, written the way people
// write it, for comparing Parse with goldmark.
func subsetText(r *rand.Rand) string {
	words := []string{"close", "pack", "Q3", "budget", "Ines", "héllo", "1.5", "2026-11-05", "(draft)", "it's", "a/b", "50%", "x+y"}
	word := func() string { return words[r.Intn(len(words))] }
	phrase := func() string {
		n := 1 + r.Intn(3)
		var ws []string
		for range n {
			ws = append(ws, word())
		}
		return strings.Join(ws, " ")
	}
	span := func() string {
		switch r.Intn(10) {
		case 0:
			return "**" + phrase() + "**"
		case 1:
			return "*" + phrase() + "*"
		case 2:
			return "_" + phrase() + "_"
		case 3:
			return "~~" + phrase() + "~~"
		case 4:
			return "`" + phrase() + "`"
		case 5:
			return "[" + phrase() + "](https://docs.example.com/" + []string{"close", "q3-plan", "a_b", "x?y=1&z=2", "(v2)"}[r.Intn(5)] + ")"
		case 6:
			return "https://looker.example.com/d/" + fmt.Sprint(r.Intn(100))
		case 7:
			return "ops@example.com"
		}
		return phrase()
	}
	line := func() string {
		n := 1 + r.Intn(4)
		var ps []string
		for range n {
			ps = append(ps, span())
		}
		s := strings.Join(ps, " ")
		if r.Intn(3) == 0 {
			s += [...]string{".", ",", ":", "!"}[r.Intn(4)]
		}
		return s
	}
	var blocks []string
	last := -1
	for range 1 + r.Intn(4) {
		var ls []string
		// Two lists of one kind with a blank line between are one loose
		// list in CommonMark and two lists here: they look the same.
		kind := r.Intn(3)
		for kind != 0 && kind == last {
			kind = r.Intn(3)
		}
		last = kind
		switch kind {
		case 0:
			for range 1 + r.Intn(3) {
				ls = append(ls, line())
			}
		case 1:
			for range 1 + r.Intn(3) {
				ls = append(ls, "- "+line())
			}
		case 2:
			for i := range 1 + r.Intn(3) {
				ls = append(ls, fmt.Sprintf("%d. %s", i+1, line()))
			}
		}
		blocks = append(blocks, strings.Join(ls, "\n"))
	}
	return strings.Join(blocks, "\n\n")
}

// On the subset, Parse reads typed text as goldmark does.
func TestParseAgreesWithGoldmarkOnTheSubset(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	for range 3000 {
		in := subsetText(r)
		if got, want := markdowntest.Shape(HTML(Parse(in))), markdowntest.Shape(markdowntest.ReadTyped(in)); got != want {
			t.Fatalf("%q:\n ours:     %s\n goldmark: %s", in, got, want)
		}
	}
}

// Random typed text renders to nothing but the allowed elements, and its
// Markdown says what its HTML says.
func FuzzToHTML(f *testing.F) {
	for _, s := range []string{"**a**", "[x](javascript:y)", "<img src=x onerror=alert(1)>", "![a](b)", "<javascript:x>", "srC=", "```go\nx\n```", "- a\nb\n\n1. c"} {
		f.Add(s)
	}
	for _, s := range xssCorpus(f) {
		f.Add(s)
	}
	r := rand.New(rand.NewSource(1))
	for range 50 {
		f.Add(subsetText(r))
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ToHTML(in)
		if !strings.HasPrefix(out, `<div class="md">`) || !strings.HasSuffix(out, "</div>") {
			t.Fatalf("not one div: %q", out)
		}
		if problem := unsafeTyped(out); problem != "" {
			t.Fatalf("%q rendered %q: %s", in, out, problem)
		}
		agree(t, fmt.Sprintf("%q", in), Parse(in))
	})
}
