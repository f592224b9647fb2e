package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The two writers below read the model the same way: tidy first puts each
// line in the one form both can write exactly, so that the HTML and the
// Markdown of a text always say the same thing.

// tidy returns a line as both writers write it: runs of white space made
// one space, control characters left out, no white space at its ends or
// just inside a format, no empty spans, no link inside a link, no format
// inside the same format, and neighbours of the same format joined.
func tidy(l Line) Line {
	out := tidySpans(l, 0)
	for {
		unglued, changed := unglue(out)
		if !changed {
			break
		}
		out = tidySpans(unglued, 0)
	}
	trimEnds(&out)
	return out
}

// unglue leaves out a format that Markdown cannot write where it stands:
// a format whose text starts or ends with punctuation (a link's bracket, a
// code span's backtick) right against a letter outside it, as in
// "x*<https://a.example>*y", where no Markdown tool reads the stars as
// emphasis. Typed text reads that way only where a link was written
// differently from how it was typed ("*a@b.c*d"). Both writers leave the
// format out, so they still say the same thing.
func unglue(l Line) (Line, bool) {
	changed := false
	var out Line
	for i, sp := range l {
		switch sp.Kind {
		case Strong, Emphasis, Strike, Link:
			inner, c := unglue(sp.Inner)
			sp.Inner, changed = inner, changed || c
		}
		if sp.Kind == Strong || sp.Kind == Emphasis || sp.Kind == Strike {
			n := len(sp.Inner)
			glued := n > 0 && (i > 0 && isWord(lastRune(l[i-1])) && isPunct(firstRune(sp.Inner[0])) ||
				i+1 < len(l) && isWord(firstRune(l[i+1])) && isPunct(lastRune(sp.Inner[n-1])))
			if glued {
				out = append(out, sp.Inner...)
				changed = true
				continue
			}
		}
		out = append(out, sp)
	}
	return out, changed
}

// firstRune and lastRune are the characters a span's Markdown starts and
// ends with, as far as the rules of emphasis care: anything but text
// starts and ends with punctuation.
func firstRune(sp Span) rune {
	if sp.Kind != Plain || sp.Text == "" {
		return '*'
	}
	r, _ := utf8.DecodeRuneInString(sp.Text)
	return r
}

func lastRune(sp Span) rune {
	if sp.Kind != Plain || sp.Text == "" {
		return '*'
	}
	r, _ := utf8.DecodeLastRuneInString(sp.Text)
	return r
}

// isWord says a character is neither white space nor punctuation, where a
// delimiter's side matters.
func isWord(r rune) bool { return !isSpace(r) && !isPunct(r) }

// inside lists the formats a span is already within, as bits.
func tidySpans(l Line, inside uint) Line {
	var out Line
	var plain strings.Builder // text waiting to become the last span
	flushPlain := func() {
		if plain.Len() > 0 {
			out = append(out, Text(collapse(plain.String())))
			plain.Reset()
		}
	}
	add := func(sp Span) {
		if sp.Kind == Plain {
			plain.WriteString(sp.Text)
			return
		}
		flushPlain()
		if n := len(out); n > 0 && out[n-1].Kind == sp.Kind {
			switch sp.Kind {
			case Strong, Emphasis, Strike:
				out[n-1].Inner = tidySpans(append(append(Line{}, out[n-1].Inner...), sp.Inner...), inside|1<<sp.Kind)
				return
			}
		}
		out = append(out, sp)
	}
	for _, sp := range l {
		switch sp.Kind {
		case Plain:
			if t := collapse(clean(sp.Text)); t != "" {
				add(Text(t))
			}
		case Code:
			if t := collapse(clean(sp.Text)); t != "" {
				add(Span{Kind: Code, Text: t})
			}
		case Link:
			if inside&(1<<Link) != 0 {
				for _, c := range tidySpans(sp.Inner, inside) {
					add(c)
				}
				continue
			}
			href := safeHref(sp.Href)
			inner := tidySpans(sp.Inner, inside|1<<Link)
			lead, trail := trimEnds(&inner)
			if len(inner) == 0 {
				inner = Line{Text(href)}
			}
			if lead {
				add(Text(" "))
			}
			add(Span{Kind: Link, Href: href, Inner: inner})
			if trail {
				add(Text(" "))
			}
		case Strong, Emphasis, Strike:
			inner := tidySpans(sp.Inner, inside|1<<sp.Kind)
			if inside&(1<<sp.Kind) != 0 {
				for _, c := range inner {
					add(c)
				}
				continue
			}
			lead, trail := trimEnds(&inner)
			if lead {
				add(Text(" "))
			}
			if len(inner) > 0 {
				add(Span{Kind: sp.Kind, Inner: inner})
			}
			if trail {
				add(Text(" "))
			}
		}
	}
	flushPlain()
	return out
}

// trimEnds takes the white space off both ends of a line, saying whether
// there was some at each.
func trimEnds(l *Line) (lead, trail bool) {
	for len(*l) > 0 && (*l)[0].Kind == Plain && strings.HasPrefix((*l)[0].Text, " ") {
		lead = true
		if (*l)[0].Text = (*l)[0].Text[1:]; (*l)[0].Text == "" {
			*l = (*l)[1:]
		}
	}
	for n := len(*l); n > 0 && (*l)[n-1].Kind == Plain && strings.HasSuffix((*l)[n-1].Text, " "); n = len(*l) {
		trail = true
		if t := (*l)[n-1].Text; len(t) == 1 {
			*l = (*l)[:n-1]
		} else {
			(*l)[n-1].Text = t[:len(t)-1]
		}
	}
	return lead, trail
}

// collapse makes every run of white space one space. Only ASCII white
// space: a browser shows the other kinds (a no-break space) as they are,
// and so does Markdown.
func collapse(s string) string {
	if !strings.ContainsAny(s, "\t\n\v\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// clean leaves out control characters other than white space, which no
// one types and which HTML and Markdown treat each their own way, and
// characters that are not UTF-8.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return unicode.IsControl(r) && !strings.ContainsRune("\t\n\v\f\r", r)
}

// safeHref percent-encodes what may not stand in an address as written in
// Markdown or HTML: white space, control characters, quotes, angle
// brackets, backslashes and backticks.
func safeHref(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte("\"'<>\\`", c) >= 0 {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)+strconv.FormatUint(uint64(c)&15, 16)))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// HTML writes blocks as HTML. Text is escaped, and the only elements are
// p, br, h1 to h4, ul, ol, li, strong, em, del, code and a, with no
// attribute but a link's href (an http, https or mailto address) and a
// numbered list's start.
func HTML(blocks []Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case Paragraph:
			lines := tidyLines(bl.Lines)
			if len(lines) == 0 {
				continue
			}
			b.WriteString("<p>")
			htmlLines(&b, lines)
			b.WriteString("</p>\n")
		case Heading:
			h := "h" + strconv.Itoa(headingLevel(bl.Level))
			b.WriteString("<" + h + ">")
			if len(bl.Lines) > 0 {
				htmlLine(&b, tidy(bl.Lines[0]))
			}
			b.WriteString("</" + h + ">\n")
		case Bullets, Numbers:
			tag := "ul"
			if bl.Kind == Numbers {
				tag = "ol"
			}
			b.WriteString("<" + tag)
			if allTasks(bl.Items) {
				// Each item's box is its marker: a bullet beside it
				// would be two.
				b.WriteString(` class="tasks"`)
			}
			if start := listStart(bl.Start); bl.Kind == Numbers && start != 1 {
				b.WriteString(` start="` + strconv.Itoa(start) + `"`)
			}
			b.WriteString(">\n")
			for _, it := range bl.Items {
				b.WriteString("<li>")
				switch it.Task {
				case OpenTask:
					b.WriteString("☐ ")
				case DoneTask:
					b.WriteString("☑ ")
				}
				htmlLines(&b, tidyLines(it.Lines))
				b.WriteString("</li>\n")
			}
			b.WriteString("</" + tag + ">\n")
		}
	}
	return b.String()
}

// allTasks reports whether every item of a list is a task.
func allTasks(items []Item) bool {
	for _, it := range items {
		if it.Task == NoTask {
			return false
		}
	}
	return len(items) > 0
}

// tidyLines tidies lines and leaves out those left empty.
func tidyLines(lines []Line) []Line {
	var out []Line
	for _, l := range lines {
		if t := tidy(l); len(t) > 0 {
			out = append(out, t)
		}
	}
	return out
}

func headingLevel(n int) int { return max(1, min(n, 4)) }

// listStart keeps a list's first number to what Markdown can write.
func listStart(n int) int { return max(0, min(n, 999_999_999)) }

func htmlLines(b *strings.Builder, lines []Line) {
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<br>\n")
		}
		htmlLine(b, l)
	}
}

func htmlLine(b *strings.Builder, l Line) {
	for _, sp := range l {
		switch sp.Kind {
		case Plain:
			b.WriteString(escapeHTML(sp.Text))
		case Code:
			b.WriteString("<code>" + escapeHTML(sp.Text) + "</code>")
		case Link:
			b.WriteString(`<a href="` + escapeHTML(sp.Href) + `">`)
			htmlLine(b, sp.Inner)
			b.WriteString("</a>")
		default:
			tag := map[SpanKind]string{Strong: "strong", Emphasis: "em", Strike: "del"}[sp.Kind]
			b.WriteString("<" + tag + ">")
			htmlLine(b, sp.Inner)
			b.WriteString("</" + tag + ">")
		}
	}
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// Markdown writes blocks as CommonMark (with GitHub's task lists and
// strikethrough), escaping every character of text that Markdown could
// read as markup, so that any Markdown tool shows what the HTML writer
// shows. Paragraph lines end with a backslash, Markdown's line break.
func Markdown(blocks []Block) string {
	var b strings.Builder
	var prev Kind = 255
	alternate := false // two lists in a row need different markers to stay two
	for _, bl := range blocks {
		var text string
		switch bl.Kind {
		case Paragraph:
			lines := tidyLines(bl.Lines)
			if len(lines) == 0 {
				continue
			}
			text = mdLines(lines, "") + "\n"
		case Heading:
			var line Line
			if len(bl.Lines) > 0 {
				line = tidy(bl.Lines[0])
			}
			text = strings.TrimRight(strings.Repeat("#", headingLevel(bl.Level))+" "+mdLine(line, true), " ") + "\n"
		case Bullets, Numbers:
			alternate = prev == bl.Kind && !alternate
			var lb strings.Builder
			for i, it := range bl.Items {
				marker := "-"
				if bl.Kind == Numbers {
					marker = strconv.Itoa(listStart(bl.Start)+i) + "."
					if alternate {
						marker = marker[:len(marker)-1] + ")"
					}
				} else if alternate {
					marker = "*"
				}
				lead := marker + " "
				switch it.Task {
				case OpenTask:
					lead += "[ ] "
				case DoneTask:
					lead += "[x] "
				}
				lines := tidyLines(it.Lines)
				if len(lines) == 0 {
					lb.WriteString(strings.TrimRight(lead, " ") + "\n")
					continue
				}
				lb.WriteString(lead + mdLines(lines, strings.Repeat(" ", len(marker)+1)) + "\n")
			}
			text = lb.String()
		default:
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(text)
		prev = bl.Kind
	}
	return b.String()
}

// mdLines joins lines with Markdown's line break; indent is what a line
// after the first needs to stay in its list item.
func mdLines(lines []Line, indent string) string {
	var b strings.Builder
	for i, l := range lines {
		part := mdLine(l, true)
		if i > 0 {
			// A backslash before the line end is the break, except after
			// an escaped backslash, where goldmark misses it: there two
			// spaces are.
			if strings.HasSuffix(b.String(), "\\") {
				b.WriteString("  \n")
			} else {
				b.WriteString("\\\n")
			}
			b.WriteString(indent)
		}
		b.WriteString(part)
	}
	return b.String()
}

// mdLine writes one line; start says it begins a line of the file, where
// more characters have a meaning.
func mdLine(l Line, start bool) string {
	var b strings.Builder
	for i, sp := range l {
		atStart := start && i == 0
		switch sp.Kind {
		case Plain:
			b.WriteString(escapeMarkdown(sp.Text, atStart))
		case Code:
			b.WriteString(codeSpan(sp.Text))
		case Link:
			if len(sp.Inner) == 1 && sp.Inner[0].Kind == Plain && sp.Inner[0].Text == sp.Href && !strings.ContainsAny(sp.Href, "<> ") {
				b.WriteString("<" + sp.Href + ">")
				continue
			}
			if s := b.String(); strings.HasSuffix(s, "!") {
				// "![" would make it an image.
				b.Reset()
				b.WriteString(s[:len(s)-1] + "\\!")
			}
			b.WriteString("[" + mdLine(sp.Inner, false) + "](<" + sp.Href + ">)")
		case Strong:
			b.WriteString("**" + mdLine(sp.Inner, false) + "**")
		case Emphasis:
			b.WriteString("*" + mdLine(sp.Inner, false) + "*")
		case Strike:
			b.WriteString("~~" + mdLine(sp.Inner, false) + "~~")
		}
	}
	return b.String()
}

// codeSpan writes code between enough backticks, padded with a space
// where a backtick or a space at its ends would otherwise be lost.
func codeSpan(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " ") != "") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// escapeMarkdown escapes text so that Markdown shows it as it is: a
// backslash before every character that could be read as markup (which
// CommonMark allows before any ASCII punctuation), and at the start of a
// line before what would make a list, a heading or a numbered item.
func escapeMarkdown(s string, atStart bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	if atStart && s != "" && strings.IndexByte("+-=", s[0]) >= 0 {
		b.WriteByte('\\')
	}
	digits := 0
	if atStart {
		for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
			digits++
		}
		if digits == 0 || digits+1 < len(s) && s[digits+1] != ' ' {
			digits = 0 // "1.5" is a number, not a list
		}
	}
	for i, r := range s {
		if r < 0x80 && strings.IndexByte("\\`*_[]<>&|~#", byte(r)) >= 0 || (digits > 0 && i == digits && (r == '.' || r == ')')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
