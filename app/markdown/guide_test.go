//go:build !wasm

package markdown_test

import (
	"strings"
	"testing"

	. "counterpart/app/markdown"
)

func TestRendersCommonMarkdown(t *testing.T) {
	got := Render("Check **the close pack** and *the forecast*:\n\n- one\n- two\n\n[Looker](https://looker.example.com/x) or mail <ops@example.com>")
	for _, want := range []string{
		`<div class="md">`, "<strong>the close pack</strong>", "<em>the forecast</em>",
		"<li>one</li>", `<a href="https://looker.example.com/x">Looker</a>`, `href="mailto:ops@example.com"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
	if !strings.HasSuffix(got, "</div>") {
		t.Error("the output must be one div")
	}
}

// Whatever a person types, nothing that runs, loads or navigates to a
// script survives.
func TestNothingDangerousSurvives(t *testing.T) {
	for _, in := range []string{
		`<img src=x onerror=alert(1)>`,
		`<script>alert(1)</script>`,
		"text <b onmouseover=alert(1)>bold</b> text",
		`<a href="javascript:alert(1)">x</a>`,
		`[click](javascript:alert(1))`,
		`[click](JAVASCRIPT:alert(1))`,
		`[click]( javascript:alert(1) )`,
		"[click](java\tscript:alert(1))",
		`[click](data:text/html,<script>alert(1)</script>)`,
		`[click](vbscript:msgbox(1))`,
		`[click](file:///etc/passwd)`,
		`[rel](/relative/path)`,
		`<javascript:alert(1)>`,
		`![pixel](https://tracker.example.com/p.gif)`,
		`![x](javascript:alert(1))`,
		"[ref]\n\n[ref]: javascript:alert(1)",
		`<iframe src="https://example.com"></iframe>`,
		"<div>\n<svg onload=alert(1)>\n</div>",
		`<style>body{display:none}</style>`,
	} {
		// The words may stay as text; no tag, attribute or link may.
		out := Render(in)
		if problem := unsafeMarkup(out, guideTags); problem != "" {
			t.Errorf("%q rendered as %q: %s", in, out, problem)
		}
	}
}

func TestUnsafeLinksKeepTheirText(t *testing.T) {
	got := Render(`[the board deck](javascript:alert(1)) and ![chart](https://x.example.com/c.png)`)
	if !strings.Contains(got, "the board deck") || !strings.Contains(got, "chart") {
		t.Errorf("the words of a dropped link or image should stay: %s", got)
	}
	if strings.Contains(got, "<a") {
		t.Errorf("no link should survive: %s", got)
	}
}

func TestAllowed(t *testing.T) {
	for dest, want := range map[string]bool{
		"https://a.example.com": true, "http://a.example.com/x?y": true, "mailto:a@example.com": true,
		"HTTPS://A.EXAMPLE.COM": true, "javascript:alert(1)": false, "https://": false, "mailto:": false,
		"http://\"": false, "https://a{b}.example.com": false, "https://[::1]:8080/x": true, "https://bücher.example/": true,
		"/path": false, "//evil.example.com": false, "ftp://a.example.com": false, "": false, "%zz": false,
	} {
		if got := Allowed(dest); got != want {
			t.Errorf("Allowed(%q) = %v, want %v", dest, got, want)
		}
	}
}

func TestHugeInputStillRenders(t *testing.T) {
	in := strings.Repeat("- item with *emphasis* and [a link](https://a.example.com)\n", 5000)
	if out := Render(in); !strings.Contains(out, "<li>") {
		t.Error("a long list did not render")
	}
}

// Every known vector renders to nothing but allowed tags, attributes and
// links, alone and all together.
func TestXSSCorpus(t *testing.T) {
	vectors := xssCorpus(t)
	if len(vectors) < 50 {
		t.Fatalf("the corpus has %d vectors, want at least 50", len(vectors))
	}
	for _, v := range append(vectors, strings.Join(vectors, "\n\n"), strings.Join(vectors, " ")) {
		out := Render(v)
		if problem := unsafeMarkup(out, guideTags); problem != "" {
			t.Errorf("%q rendered as %q: %s", v, out, problem)
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"**a**", "[x](javascript:y)", "<img src=x onerror=alert(1)>", "![a](b)", "<javascript:x>", "srC=", "```go\nx\n```"} {
		f.Add(s)
	}
	for _, s := range xssCorpus(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Render(in)
		if !strings.HasPrefix(out, `<div class="md">`) || !strings.HasSuffix(out, "</div>") {
			t.Fatalf("not one div: %q", out)
		}
		if problem := unsafeMarkup(out, guideTags); problem != "" {
			t.Fatalf("%q rendered %q: %s", in, out, problem)
		}
	})
}
