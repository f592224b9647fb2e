package onboarding

import (
	"net/url"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits keep one field from filling the browser's storage, and keep a
// pasted novel from freezing the page. The limits on how many entries a
// list holds are in caps.go.
const (
	MaxShort = 200    // names, roles, titles
	MaxLink  = 2000   // a URL
	MaxText  = 20_000 // free text, in characters
)

// Entry is a pointer to any list item: a struct that embeds Meta.
type Entry[T any] interface {
	*T
	Common() *Meta
}

// Add appends a new entry written by author and returns a pointer to it, or
// nil when the list is full (see Cap).
func Add[T any, P Entry[T]](list *[]T, author string, now time.Time) *T {
	if len(*list) >= Cap(reflect.TypeFor[T]()) {
		return nil
	}
	var v T
	m := P(&v).Common()
	m.ID = NewID()
	m.Author = author
	m.Updated = Stamp(time.Time{}, now)
	*list = append(*list, v)
	return &(*list)[len(*list)-1]
}

// Find returns the entry with the ID, or nil.
func Find[T any, P Entry[T]](list []T, id string) *T {
	for i := range list {
		if P(&list[i]).Common().ID == id {
			return &list[i]
		}
	}
	return nil
}

// Index returns the position of the entry with the ID, or -1.
func Index[T any, P Entry[T]](list []T, id string) int {
	for i := range list {
		if P(&list[i]).Common().ID == id {
			return i
		}
	}
	return -1
}

// Edit changes the entry with the ID and stamps it; it reports whether the
// entry was found.
func Edit[T any, P Entry[T]](list []T, id string, now time.Time, change func(*T)) bool {
	e := Find[T, P](list, id)
	if e == nil {
		return false
	}
	change(e)
	m := P(e).Common()
	m.Updated = Stamp(m.Updated, now)
	return true
}

// Move shifts the entry with the ID by delta places (-1 is up), and
// reports whether it moved.
func Move[T any, P Entry[T]](list []T, id string, delta int) bool {
	i := Index[T, P](list, id)
	j := i + delta
	if i < 0 || j < 0 || j >= len(list) {
		return false
	}
	list[i], list[j] = list[j], list[i]
	return true
}

// Remove deletes the entry with the ID. It returns the removed entry and
// where it was, so that the removal can be undone with Insert.
func Remove[T any, P Entry[T]](list *[]T, id string) (removed T, at int, ok bool) {
	i := Index[T, P](*list, id)
	if i < 0 {
		return removed, -1, false
	}
	removed = (*list)[i]
	*list = append((*list)[:i], (*list)[i+1:]...)
	return removed, i, true
}

// Insert puts an entry back at a position, clamped to the list.
func Insert[T any](list *[]T, at int, v T) {
	at = max(0, min(at, len(*list)))
	*list = append(*list, v)
	copy((*list)[at+1:], (*list)[at:])
	(*list)[at] = v
}

// Clip cuts s to at most max characters, on a character boundary, and
// drops bytes that are not UTF-8.
func Clip(s string, max int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i]
		}
		n++
	}
	return s
}

// CheckLink says what is wrong with a link a person typed, or "" when it
// can be shown as a link. Only web addresses are allowed: a javascript: or
// file: link must never become clickable.
func CheckLink(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "A link must be a web address starting with https:// or http://."
	}
	if u.Host == "" {
		return "This link has no site name after https://."
	}
	return ""
}

// SafeLink returns the source's link if it may be shown as a link.
func (d *DataSource) SafeLink() (string, bool) {
	link := strings.TrimSpace(d.Link)
	if link == "" || CheckLink(link) != "" {
		return "", false
	}
	return link, true
}
