package onboarding

import (
	"strings"
	"unicode"
)

// Text that cannot mislead. A name or a title is read at a glance, in a
// link's preview ("From Ann Bob") or a heading, so invisible characters
// have no place in it: a right-to-left override makes the rest of the
// line read backwards, and zero-width characters make two different
// names look the same. Free text is different: people who write Arabic
// or Hebrew need the direction marks, and emoji need the zero-width
// joiner, so free text keeps them, but a direction change that is not
// closed within its own line is taken out, so that it cannot run on into
// what the page shows after it.

// hidden reports whether r draws nothing and has no place in a name:
// direction controls, zero-width and other invisible characters.
func hidden(r rune) bool {
	switch {
	case r == '\u061C', r == '\u200E', r == '\u200F': // Arabic letter mark, LRM, RLM
		return true
	case r >= '\u202A' && r <= '\u202E': // embeddings and overrides
		return true
	case r >= '\u2066' && r <= '\u2069': // isolates
		return true
	case r == '\u200B', r >= '\u2060' && r <= '\u2064', r == '\uFEFF': // zero-width space, word joiner, invisible operators, BOM
		return true
	case r >= '\u206A' && r <= '\u206F', r >= '\uFFF9' && r <= '\uFFFB': // deprecated format controls, annotation marks
		return true
	case r == '\u180E', r == '\u00AD', r == '\u034F': // Mongolian vowel separator, soft hyphen, grapheme joiner
		return true
	case r == '\u115F', r == '\u1160', r == '\u3164', r == '\uFFA0': // Hangul fillers, which draw as blanks
		return true
	}
	return false
}

// joiner reports whether r is the zero-width joiner or non-joiner, which
// shape letters in Persian and Indic scripts and build emoji sequences.
func joiner(r rune) bool { return r == '\u200C' || r == '\u200D' }

// lineBreak reports whether r ends a line somewhere: in a name it becomes
// a space.
func lineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\t', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// CleanLine makes a one-line field safe to show as a name or a title:
// line breaks become spaces; control characters, direction controls and
// invisible characters are dropped; a zero-width joiner or non-joiner is
// kept only between two visible characters, where it shapes them.
func CleanLine(s string) string {
	if isClean(s) {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	visible := func(i int) bool {
		return i >= 0 && i < len(rs) && !unicode.IsSpace(rs[i]) && !unicode.IsControl(rs[i]) && !hidden(rs[i]) && !joiner(rs[i])
	}
	for i, r := range rs {
		switch {
		case lineBreak(r):
			b.WriteByte(' ')
		case unicode.IsControl(r), hidden(r):
		case joiner(r):
			if visible(i-1) && visible(i+1) {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is CleanLine's quick answer for the usual case.
func isClean(s string) bool {
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && (unicode.IsControl(r) || hidden(r) || joiner(r) || lineBreak(r)) {
			return false
		}
	}
	return true
}

// CleanText keeps free text as written, but for direction changes left
// open at the end of a line, and closing marks with nothing to close:
// those are dropped, so that no field changes the direction of the text
// after it.
func CleanText(s string) string {
	if !strings.ContainsFunc(s, isDirectionChange) {
		return s
	}
	rs := []rune(s)
	drop := make([]bool, len(rs))
	var open []int // positions of the openings not yet closed on this line
	endLine := func() {
		for _, i := range open {
			drop[i] = true
		}
		open = open[:0]
	}
	for i, r := range rs {
		switch {
		case r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			endLine()
		case r >= '\u202A' && r <= '\u202E' && r != '\u202C', r >= '\u2066' && r <= '\u2068':
			open = append(open, i)
		case r == '\u202C': // closes the last embedding, unless an isolate is open after it
			if n := len(open); n > 0 && !isIsolate(rs[open[n-1]]) {
				open = open[:n-1]
			} else {
				drop[i] = true
			}
		case r == '\u2069': // closes the last isolate and what opened inside it
			j := len(open) - 1
			for j >= 0 && !isIsolate(rs[open[j]]) {
				j--
			}
			if j >= 0 {
				open = open[:j]
			} else {
				drop[i] = true
			}
		}
	}
	endLine()
	var b strings.Builder
	for i, r := range rs {
		if !drop[i] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isIsolate(r rune) bool { return r >= '\u2066' && r <= '\u2068' }

func isDirectionChange(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}
