package markdown

import (
	"net/url"
	"strings"
	"unicode"
)

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
