package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads what a person typed. Lines stay lines (a line break shows as
// one), a blank line starts a new paragraph, and lines that start with
// "- ", "* ", "+ " or a number and ". " or ") " are list items; a line
// right after an item, not itself an item, belongs to it. Within lines it
// reads the spans listed in the package comment, with the rules
// CommonMark gives them, so that what reads as bold here reads as bold in
// any Markdown tool. Anything else is text.
func Parse(typed string) []Block {
	// The writers leave control characters out, so the rules of emphasis
	// must not see them either: "*\x01" would open here and not there.
	typed = clean(typed)
	typed = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(typed)
	var blocks []Block
	open := false   // whether the last block can take the next line
	var marker byte // the marker of the open list
	for _, raw := range strings.Split(typed, "\n") {
		l := strings.Trim(raw, " \t\v\f")
		if l == "" {
			open = false
			continue
		}
		last := len(blocks) - 1
		inPara := open && blocks[last].Kind == Paragraph
		if kind, m, num, rest, ok := listItem(l); ok && !(inPara && (rest == "" || kind == Numbers && num != 1)) {
			// CommonMark: a list breaks into a paragraph only with an item
			// that has text and, if numbered, starts at 1.
			var lines []Line
			if rest != "" {
				lines = []Line{parseLine(rest)}
			}
			if open && blocks[last].Kind == kind && marker == m {
				blocks[last].Items = append(blocks[last].Items, Item{Lines: lines})
			} else {
				blocks = append(blocks, Block{Kind: kind, Start: num, Items: []Item{{Lines: lines}}})
				open, marker = true, m
			}
			continue
		}
		line := parseLine(l)
		switch {
		case !open:
			blocks = append(blocks, Block{Kind: Paragraph, Lines: []Line{line}})
			open = true
		case inPara:
			blocks[last].Lines = append(blocks[last].Lines, line)
		default: // a line after an item continues it
			it := &blocks[last].Items[len(blocks[last].Items)-1]
			it.Lines = append(it.Lines, line)
		}
	}
	return blocks
}

// listItem reads a list item's marker: "-", "*" or "+" for a bullet, or up
// to nine digits and "." or ")" for a number, followed by white space or
// the end of the line.
func listItem(l string) (kind Kind, marker byte, num int, rest string, ok bool) {
	switch l[0] {
	case '-', '*', '+':
		kind, marker, rest = Bullets, l[0], l[1:]
	default:
		n := 0
		for n < len(l) && n < 10 && l[n] >= '0' && l[n] <= '9' {
			num = num*10 + int(l[n]-'0')
			n++
		}
		if n == 0 || n > 9 || n == len(l) || (l[n] != '.' && l[n] != ')') {
			return 0, 0, 0, "", false
		}
		kind, marker, rest = Numbers, l[n], l[n+1:]
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, 0, 0, "", false
	}
	return kind, marker, num, strings.Trim(rest, " \t"), true
}

// token is a piece of a line on its way to spans: text, a span already
// complete (code or a link), or a run of delimiters ("*", "_", "~") that
// may open or close a format.
type token struct {
	text    string
	span    *Span
	delim   byte // '*', '_' or '~' for a delimiter run
	n       int  // the run's length
	canOpen bool
	canShut bool
}

// parseLine reads the spans of one line.
func parseLine(s string) Line { return spans(tokenize(s, true)) }

// tokenize cuts a line into tokens. links says whether [text](address)
// and bare addresses become links: not inside a link's own text.
func tokenize(s string, links bool) []token {
	var out []token
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, token{text: text.String()})
			text.Reset()
		}
	}
	emit := func(sp Span) {
		flush()
		out = append(out, token{span: &sp})
	}
	var closers map[int]int
	if links {
		closers = matchBrackets(s)
	}
	prev := '\n' // what comes before the line counts as white space
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			text.WriteByte(s[i+1])
			prev = rune(s[i+1])
			i += 2
			continue
		case c == '`':
			n := runOf(s, i, '`')
			if end := closingRun(s, i+n, n); end >= 0 {
				emit(Span{Kind: Code, Text: codeText(s[i+n : end])})
				i, prev = end+n, '`'
				continue
			}
			text.WriteString(s[i : i+n])
			i, prev = i+n, '`'
			continue
		case c == '<':
			if href, label, n := angleLink(s[i:]); n > 0 && links {
				emit(Span{Kind: Link, Href: href, Inner: Line{Text(label)}})
				i, prev = i+n, '>'
				continue
			}
		case c == '[' && links:
			if sp, n := bracketLink(s[i:], closers[i]-i); closers[i] > 0 && n > 0 {
				emit(sp)
				i, prev = i+n, ')'
				continue
			}
		case c == '*' || c == '_' || c == '~':
			n := runOf(s, i, c)
			after := ' '
			if i+n < len(s) {
				after, _ = utf8.DecodeRuneInString(s[i+n:])
			}
			if n <= 2 {
				open, shut := flanking(c, prev, after)
				flush()
				out = append(out, token{text: s[i : i+n], delim: c, n: n, canOpen: open, canShut: shut})
			} else {
				text.WriteString(s[i : i+n]) // "***" and longer are not in the subset
			}
			i, prev = i+n, rune(c)
			continue
		}
		if links && (prev == '\n' || isSpace(prev) || strings.ContainsRune("*_~(", prev)) {
			if href, n := bareLink(s[i:]); n > 0 {
				emit(Span{Kind: Link, Href: href, Inner: Line{Text(s[i : i+n])}})
				i += n
				prev, _ = utf8.DecodeLastRuneInString(s[:i])
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		text.WriteString(s[i : i+size])
		i, prev = i+size, r
	}
	flush()
	return out
}

// flanking says whether a delimiter run can open and close a format, by
// CommonMark's rules: it opens when it leans on the text after it, closes
// when it leans on the text before it, and "_" does neither inside a word.
func flanking(c byte, before, after rune) (open, shut bool) {
	bSpace, aSpace := isSpace(before) || before == '\n', isSpace(after)
	bPunct, aPunct := isPunct(before), isPunct(after)
	left := !aSpace && (!aPunct || bSpace || bPunct)
	right := !bSpace && (!bPunct || aSpace || aPunct)
	if c == '_' {
		return left && (!right || bPunct), right && (!left || aPunct)
	}
	return left, right
}

// spans pairs delimiter runs, nearest first as CommonMark does, and
// builds the spans. Runs that find no partner are text.
func spans(toks []token) Line {
	var stack []int // indexes of runs that may still open
	pairs := map[int]int{}
	for i, t := range toks {
		if t.delim == 0 {
			continue
		}
		if t.canShut {
			matched := false
			for k := len(stack) - 1; k >= 0; k-- {
				o := toks[stack[k]]
				if o.delim == t.delim && o.n == t.n {
					pairs[stack[k]] = i
					stack = stack[:k]
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if t.canOpen {
			stack = append(stack, i)
		}
	}
	var build func(from, to int) Line
	build = func(from, to int) Line {
		var line Line
		for i := from; i < to; i++ {
			t := toks[i]
			switch {
			case t.span != nil:
				line = append(line, *t.span)
			case t.delim != 0:
				if shut, ok := pairs[i]; ok && shut < to {
					line = append(line, Span{Kind: formatOf(t.delim, t.n), Inner: build(i+1, shut)})
					i = shut
					continue
				}
				line = append(line, Text(t.text))
			default:
				line = append(line, Text(t.text))
			}
		}
		return line
	}
	return build(0, len(toks))
}

func formatOf(c byte, n int) SpanKind {
	switch {
	case c == '~':
		return Strike
	case n == 2:
		return Strong
	}
	return Emphasis
}

// runOf is the length of the run of c at s[i].
func runOf(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingRun finds a run of exactly n backticks from s[i], or -1.
func closingRun(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		m := runOf(s, j, '`')
		if m == n {
			return j
		}
		i = j + m
	}
	return -1
}

// codeText is what a code span shows: one space is taken off each end
// when both have one, as CommonMark does, so that “ `x` “ can be written.
func codeText(s string) string {
	if len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		return s[1 : len(s)-1]
	}
	return s
}

// bracketLink reads [text](address) at the start of s: the text may hold
// formats and code but no link, the address must be one Allowed accepts,
// written without spaces or brackets. It returns the link and its length, or 0.
func bracketLink(s string, end int) (Span, int) {
	if end <= 0 || end+1 >= len(s) || s[end+1] != '(' {
		return Span{}, 0
	}
	rest := s[end+2:]
	depth, k := 0, 0
	for ; k < len(rest) && k < maxAddress; k++ {
		c := rest[k]
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		if !urlByte(c) || c == '[' || c == ']' {
			return Span{}, 0 // and a scan never runs into the next link
		}
	}
	if k == 0 || k == len(rest) || rest[k] != ')' {
		return Span{}, 0
	}
	href := rest[:k]
	if !Allowed(href) {
		return Span{}, 0
	}
	inner := spans(tokenize(s[1:end], false))
	return Span{Kind: Link, Href: href, Inner: inner}, end + 2 + k + 1
}

// maxAddress is the longest address read in text; longer runs are text.
// It keeps a line of thousands of "[a](" from taking quadratic time.
const maxAddress = 2048

// matchBrackets pairs each "[" of a line with the "]" that closes it,
// skipping escaped brackets and code spans, in one pass.
func matchBrackets(s string) map[int]int {
	out := map[int]int{}
	var open []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i++
			}
		case '`':
			n := runOf(s, i, '`')
			if end := closingRun(s, i+n, n); end >= 0 {
				i = end + n - 1
			} else {
				i += n - 1
			}
		case '[':
			open = append(open, i)
		case ']':
			if k := len(open) - 1; k >= 0 {
				out[open[k]] = i
				open = open[:k]
			}
		}
	}
	return out
}

// angleLink reads <https://…>, <mailto:…> or <name@host> at the start of
// s. It returns where the link goes, what it shows, and its length, or 0.
func angleLink(s string) (href, label string, n int) {
	end := strings.IndexByte(s[:min(len(s), maxAddress)], '>')
	if end < 2 {
		return "", "", 0
	}
	inner := s[1:end]
	for i := 0; i < len(inner); i++ {
		if !urlByte(inner[i]) || inner[i] == '<' {
			return "", "", 0
		}
	}
	href = inner
	if email(inner) == len(inner) && !strings.Contains(inner, ":") {
		href = "mailto:" + inner
	}
	if !Allowed(href) {
		return "", "", 0
	}
	return href, inner, end + 1
}

// bareLink finds a web or mail address written on its own at the start of
// s, as GitHub's Markdown does: http:// and https:// addresses, www.
// addresses (which go to http://) and e-mail addresses. Punctuation at the
// end belongs to the sentence, not the address. It returns where the link
// goes and how much of s it takes, or 0.
func bareLink(s string) (href string, n int) {
	switch {
	case strings.HasPrefix(s, "http://"), strings.HasPrefix(s, "https://"), strings.HasPrefix(s, "www."):
		for n < len(s) && n < maxAddress && urlByte(s[n]) {
			n++
		}
		n = trimTrailing(s[:n])
		href = s[:n]
		if strings.HasPrefix(href, "www.") {
			href = "http://" + href
		}
		host := strings.TrimPrefix(strings.TrimPrefix(href, "http://"), "https://")
		if i := strings.IndexAny(host, "/?#"); i >= 0 {
			host = host[:i]
		}
		if !strings.Contains(host, ".") || !Allowed(href) {
			return "", 0
		}
		return href, n
	}
	if n = email(s); n > 0 {
		return "mailto:" + s[:n], n
	}
	return "", 0
}

// trimTrailing takes punctuation off the end of an address: what ends a
// sentence, and a ")" that closes a bracket opened before the address.
func trimTrailing(s string) int {
	open, shut := strings.Count(s, "("), strings.Count(s, ")")
	n := len(s)
	for n > 1 {
		switch s[n-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~', '\'':
			n--
			continue
		case ')':
			if shut > open {
				shut--
				n--
				continue
			}
		}
		break
	}
	return n
}

// email is the length of the e-mail address at the start of s, or 0: a
// name of letters, digits and ".+-_", an "@", and a host name with a dot.
func email(s string) int {
	i := 0
	for i < len(s) && (isAlnum(s[i]) || strings.IndexByte(".+-_", s[i]) >= 0) {
		i++
	}
	if i == 0 || i >= len(s) || s[i] != '@' {
		return 0
	}
	at := i
	i++
	for i < len(s) && (isAlnum(s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.') {
		i++
	}
	if s[i-1] == '.' {
		i--
	}
	host := s[at+1 : i]
	if host == "" || !strings.Contains(host, ".") || strings.HasSuffix(host, "-") || strings.HasSuffix(host, "_") {
		return 0
	}
	if i < len(s) && (s[i] == '-' || s[i] == '_' || s[i] == '@') {
		return 0
	}
	return i
}

// urlByte reports whether c may be part of an address written in text:
// the characters URLs are made of, without quotes, brackets of HTML, or
// anything else a browser or a Markdown tool would read differently.
func urlByte(c byte) bool { return urlBytes[c] }

var urlBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isAlnum(byte(c)) || strings.IndexByte("-._~:/?#[]@!$&()*+,;=%", byte(c)) >= 0
	}
	return t
}()

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// isSpace and isPunct are CommonMark's white space and punctuation, as
// goldmark reads them for the rules of emphasis.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || unicode.IsSpace(r)
}

func isPunct(r rune) bool {
	if r < 0x80 {
		return isASCIIPunct(byte(r))
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
