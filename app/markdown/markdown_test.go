package markdown_test

import (
	"strings"
	"testing"

	. "counterpart/app/markdown"
	"counterpart/app/markdown/markdowntest"
)

// What people type reads the way the field's hint promises.
func TestTypedMarkdown(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain words", "<p>plain words</p>\n"},
		{"Check **the close pack** and *the forecast*", "<p>Check <strong>the close pack</strong> and <em>the forecast</em></p>\n"},
		{"_also italic_ and ~~struck~~ and `a <b> c`", "<p><em>also italic</em> and <del>struck</del> and <code>a &lt;b&gt; c</code></p>\n"},
		{"first line\nsecond line\n\nnew paragraph", "<p>first line<br>\nsecond line</p>\n<p>new paragraph</p>\n"},
		{"- one\n- two\n* three", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ul>\n<li>three</li>\n</ul>\n"},
		{"3. three\n4. four", "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n"},
		{"Steps:\n1. first\n2. second", "<p>Steps:</p>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"},
		{"Steps:\n2. not a list", "<p>Steps:<br>\n2. not a list</p>\n"},
		{"- an item\nthat goes on", "<ul>\n<li>an item<br>\nthat goes on</li>\n</ul>\n"},
		{"[Looker](https://looker.example.com/x) and <https://a.example.com/b_c>", `<p><a href="https://looker.example.com/x">Looker</a> and <a href="https://a.example.com/b_c">https://a.example.com/b_c</a></p>` + "\n"},
		{"see https://a.example.com/x. Or www.example.com, or ops@example.com.", `<p>see <a href="https://a.example.com/x">https://a.example.com/x</a>. Or <a href="http://www.example.com">www.example.com</a>, or <a href="mailto:ops@example.com">ops@example.com</a>.</p>` + "\n"},
		{"(see https://a.example.com/x_(y))", `<p>(see <a href="https://a.example.com/x_(y)">https://a.example.com/x_(y)</a>)</p>` + "\n"},
		{`\*not italic\* and snake_case_name`, "<p>*not italic* and snake_case_name</p>\n"},
		{"# not a heading\n> not a quote", "<p># not a heading<br>\n&gt; not a quote</p>\n"},
		{"***not in the subset***", "<p>***not in the subset***</p>\n"},
	}
	for _, c := range cases {
		if got := HTML(Parse(c.in)); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// Links go only to the web and to mail; anything else stays as typed.
func TestUnsafeLinksStayText(t *testing.T) {
	for _, in := range []string{
		"[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))", "[click]( javascript:alert(1) )",
		"[click](data:text/html,x)", "[click](vbscript:msgbox(1))", "[click](file:///etc/passwd)",
		"[rel](/relative/path)", "<javascript:alert(1)>", "javascript:alert(1)", "![pixel](https://tracker.example.com/p.gif)",
		`[x](https://example.com "title")`, "[x](https://a{b}.example.com)", "https://", "mailto:",
	} {
		out := ToHTML(in)
		if strings.Contains(out, "javascript") && strings.Contains(out, "href") {
			t.Errorf("%q made a script link: %s", in, out)
		}
		if problem := unsafeTyped(out); problem != "" {
			t.Errorf("%q rendered %q: %s", in, out, problem)
		}
		if strings.Contains(in, "javascript") || strings.Contains(in, "data:") || strings.Contains(in, "/relative") {
			if strings.Contains(out, "<a") {
				t.Errorf("%q made a link: %s", in, out)
			}
			if text := textOf(out); !strings.Contains(squeezed(text), squeezed(in[strings.Index(in, "]")+1:])) && strings.HasPrefix(in, "[") {
				t.Errorf("%q does not show as typed: %q", in, text)
			}
		}
	}
	if out := ToHTML("![pixel](https://tracker.example.com/p.gif)"); strings.Contains(out, "<img") {
		t.Errorf("an image made it through: %s", out)
	}
}

// The Markdown writer escapes everything a Markdown tool could read as
// markup.
func TestMarkdownEscapes(t *testing.T) {
	cases := []struct {
		in   Line
		want string
	}{
		{Line{Text("- item")}, `\- item`},
		{Line{Text("+ item")}, `\+ item`},
		{Line{Text("# title")}, `\# title`},
		{Line{Text("Onboarding #2 ##")}, `Onboarding \#2 \#\#`},
		{Line{Text("=====")}, `\=====`},
		{Line{Text("12. twelve")}, `12\. twelve`},
		{Line{Text("3) three")}, `3\) three`},
		{Line{Text("7.")}, `7\.`},
		{Line{Text("2026-11-05 is a date")}, "2026-11-05 is a date"},
		{Line{Text("a_b*c")}, `a\_b\*c`},
		{Line{Text("1.5 stays")}, "1.5 stays"},
		{Line{Text("  many \n  spaces\t")}, "many spaces"},
		{Line{Text("<b>&amp;</b>")}, `\<b\>\&amp;\</b\>`},
		{Line{Bold(Text("Dana")), Text(": a `x`")}, "**Dana**: a \\`x\\`"},
		{Line{{Kind: Code, Text: "a`b"}}, "``a`b``"},
		{Line{{Kind: Code, Text: "`x"}}, "`` `x ``"},
		{Line{{Kind: Link, Href: "https://a.example.com", Inner: Line{Text("https://a.example.com")}}}, "<https://a.example.com>"},
		{Line{{Kind: Link, Href: "https://a.example.com/a b", Inner: Line{Text("the [deck]")}}}, `[the \[deck\]](<https://a.example.com/a%20b>)`},
	}
	for _, c := range cases {
		if got := strings.TrimSuffix(Markdown([]Block{{Kind: Paragraph, Lines: []Line{c.in}}}), "\n"); got != c.want {
			t.Errorf("%#v:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// Two lists in a row stay two lists, and items keep their task boxes.
func TestMarkdownLists(t *testing.T) {
	blocks := []Block{
		List(Line{Text("a")}),
		List(Line{Text("b")}),
		{Kind: Bullets, Items: []Item{{Task: OpenTask, Lines: []Line{{Text("open")}}}, {Task: DoneTask, Lines: []Line{{Text("done")}, {Text("two lines")}}}}},
		Numbered(Line{Text("one")}),
		Numbered(Line{Text("again")}),
	}
	want := "- a\n\n* b\n\n- [ ] open\n- [x] done\\\n  two lines\n\n1. one\n\n1) again\n"
	if got := Markdown(blocks); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := HTML(blocks[2:3]); got != "<ul class=\"tasks\">\n<li>☐ open</li>\n<li>☑ done<br>\ntwo lines</li>\n</ul>\n" {
		t.Errorf("the HTML of tasks is %q", got)
	}
}

// White space at the ends of a format moves out of it, and empty
// formats go, the same way in both writers.
func TestTidy(t *testing.T) {
	l := Line{Text("a"), Bold(Text(" b ")), {Kind: Emphasis}, Bold(Text("c")), Bold(Text("d")), {Kind: Emphasis, Inner: Line{{Kind: Emphasis, Inner: Line{Text("e")}}}}}
	if got := HTML([]Block{{Kind: Paragraph, Lines: []Line{l}}}); got != "<p>a <strong>b</strong> <strong>cd</strong><em>e</em></p>\n" {
		t.Errorf("HTML: %q", got)
	}
	if got := Markdown([]Block{{Kind: Paragraph, Lines: []Line{l}}}); got != "a **b** **cd***e*\n" {
		t.Errorf("Markdown: %q", got)
	}
}

func TestHugeInputIsQuick(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("- item with *emphasis* and [a link](https://a.example.com)\n", 5000),
		strings.Repeat("*a _b ~~c `d [e ", 4000),
		strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
		strings.Repeat("`", 20000) + "x" + strings.Repeat("``", 10000),
		strings.Repeat("a@", 20000),
	} {
		out := ToHTML(in)
		if problem := unsafeTyped(out); problem != "" {
			t.Fatal(problem)
		}
	}
}

// Every known vector renders to nothing but allowed tags, attributes and
// links, alone and all together.
func TestTypedXSSCorpus(t *testing.T) {
	vectors := xssCorpus(t)
	for _, v := range append(vectors, strings.Join(vectors, "\n\n"), strings.Join(vectors, " ")) {
		out := ToHTML(v)
		if problem := unsafeTyped(out); problem != "" {
			t.Errorf("%q rendered as %q: %s", v, out, problem)
		}
	}
}

func unsafeTyped(out string) string { return markdowntest.Unsafe(out, markdowntest.TypedTags) }

func textOf(out string) string { return markdowntest.Text(out) }

func xssCorpus(tb testing.TB) []string { return markdowntest.XSSCorpus(tb) }

func squeezed(s string) string { return strings.Join(strings.Fields(s), "") }
