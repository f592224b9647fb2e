package share

import (
	"errors"
	"reflect"
	"time"

	"counterpart/app/onboarding"
)

// Every decoder of outside input (a link, a file, a backup, and any later
// link format) counts what it reads against one budget before it builds
// the model, so that a few kilobytes cannot make it build millions of
// entries. A link of 5,690 characters used to inflate to 1.4 million empty
// entries and take seconds and a gigabyte to decode; it now stops at the
// first list longer than any list an onboarding can hold.
//
// The limits come from the model itself: its nesting, read off the
// Onboarding type, and its list caps in package onboarding (Cap and
// MaxTombstones). Nothing here repeats a number of the model's.
//
// The total is not onboarding.MaxListEntries, which counts every
// meeting's agenda full: 200,000 items, which a link of a few hundred
// bytes could make the app build. Here every list counts full once, a
// meeting's agenda included, which is ten times what ten years of weekly
// 1:1s hold; Encode refuses what is over it, so the app never makes a
// link it cannot open.
var (
	onboardingType = reflect.TypeFor[onboarding.Onboarding]()
	// modelDepth is how deeply lists and objects nest in an onboarding.
	modelDepth = depthOf(onboardingType)
	// maxList is the most entries in one list: the largest cap.
	maxList = largestCap(onboardingType)
	// maxEntries is the most entries in all the lists together.
	maxEntries = capsIn(onboardingType)
	// maxMembers is the most keys in one object: the tombstones of
	// removed entries are the largest object.
	maxMembers = max(onboarding.MaxTombstones, fieldsOf(onboardingType))
	// maxValues is the most list entries and object keys together: every
	// entry with every field of the widest type in the model, and every
	// tombstone.
	maxValues = maxEntries*(fieldsOf(onboardingType)+1) + onboarding.MaxTombstones
	// maxString is the most bytes one string may take as JSON: the
	// longest text, with every character escaped as \uXXXX.
	maxString = onboarding.MaxText * len(`\u0000`)
)

// errOverBudget is what a budget says; each decoder turns it into its own
// "damaged" message, since no onboarding the app writes goes over it.
var errOverBudget = errors.New("share: more than an onboarding can hold")

// budget counts what a decoder has read so far. A decoder calls enter
// when a list or an object begins, next for each entry of a list or key
// of an object, leave when it ends, and text for each string, and stops
// at the first error. It costs no allocation.
type budget struct {
	limit   int // the deepest nesting allowed
	depth   int
	open    [24]budgetFrame // frames deeper than the model are refused first
	entries int
	values  int
}

type budgetFrame struct {
	object bool
	n      int
}

// newBudget is a fresh budget for one onboarding, wrapped in extra
// levels of objects (a link's envelope).
func newBudget(extra int) budget {
	return budget{limit: modelDepth + extra}
}

// enter opens a list or, with object set, an object.
func (b *budget) enter(object bool) error {
	if b.depth >= b.limit || b.depth >= len(b.open) {
		return errOverBudget
	}
	b.open[b.depth] = budgetFrame{object: object}
	b.depth++
	return nil
}

// leave closes the innermost list or object.
func (b *budget) leave() error {
	if b.depth == 0 {
		return errOverBudget
	}
	b.depth--
	return nil
}

// next counts one more entry of the innermost list, or key of the
// innermost object.
func (b *budget) next() error {
	if b.depth == 0 {
		return nil
	}
	f := &b.open[b.depth-1]
	f.n++
	b.values++
	if !f.object {
		b.entries++
	}
	switch {
	case !f.object && f.n > maxList,
		f.object && f.n > maxMembers,
		b.entries > maxEntries,
		b.values > maxValues:
		return errOverBudget
	}
	return nil
}

// text counts a string of n bytes, as a decoder reads its length.
func (b *budget) text(n int) error {
	if n > maxString {
		return errOverBudget
	}
	return nil
}

// checkJSON reads JSON as far as its structure goes, counting against a
// fresh budget, without decoding or allocating anything. It does not
// validate: malformed JSON within the budget is left for the decoder to
// refuse.
func checkJSON(data []byte) error {
	_, err := scanJSON(data)
	return err
}

// scanJSON is checkJSON, returning the counts too.
func scanJSON(data []byte) (budget, error) {
	s := jsonScanner{budget: newBudget(0)}
	_, err := s.Write(data)
	return s.budget, err
}

// jsonScanner is checkJSON as an io.Writer, so that a link is checked as
// it inflates and a bomb stops at its first excess, long before 4 MiB.
type jsonScanner struct {
	budget
	wantKey  bool // in an object, before a key
	inString bool
	escaped  bool // after a backslash in a string
	key      bool // the string is a key
	strLen   int
	literal  bool // in a number, true, false or null
}

// Write scans the next part of the JSON.
func (s *jsonScanner) Write(data []byte) (int, error) {
	for i, c := range data {
		if err := s.step(c); err != nil {
			return i, err
		}
	}
	return len(data), nil
}

func (s *jsonScanner) step(c byte) error {
	if s.inString {
		switch {
		case s.escaped:
			s.escaped = false
		case c == '\\':
			s.escaped = true
		case c == '"':
			s.inString = false
			return s.text(s.strLen)
		}
		s.strLen++
		if s.strLen > maxString {
			return errOverBudget
		}
		return nil
	}
	if s.literal {
		if !isDelimiter(c) {
			return nil
		}
		s.literal = false
	}
	inObject := s.depth > 0 && s.open[s.depth-1].object
	switch c {
	case ' ', '\t', '\n', '\r', ':':
		return nil
	case ',':
		s.wantKey = inObject
		return nil
	case '[', '{':
		if !inObject {
			if err := s.next(); err != nil {
				return err
			}
		}
		s.wantKey = c == '{'
		return s.enter(c == '{')
	case ']', '}':
		s.wantKey = false
		return s.leave()
	case '"':
		s.inString, s.strLen = true, 0
		counts := s.wantKey || !inObject
		s.wantKey = false
		if counts {
			return s.next()
		}
		return nil
	}
	// A number, true, false or null.
	s.literal = true
	if !inObject {
		return s.next()
	}
	return nil
}

func isDelimiter(c byte) bool {
	switch c {
	case ',', ']', '}', ':', '"', '[', '{', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

var timeType = reflect.TypeFor[time.Time]()

// depthOf is how many lists and objects nest in t's JSON.
func depthOf(t reflect.Type) int {
	switch t.Kind() {
	case reflect.Pointer:
		return depthOf(t.Elem())
	case reflect.Slice, reflect.Map:
		return 1 + depthOf(t.Elem())
	case reflect.Struct:
		if t == timeType {
			return 0
		}
		deepest := 0
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() {
				d := depthOf(f.Type)
				if f.Anonymous {
					d-- // an embedded struct's fields are the parent's
				}
				deepest = max(deepest, d)
			}
		}
		return 1 + deepest
	}
	return 0
}

// capsIn adds up the caps of the lists of entries in t, each nested one
// once.
func capsIn(t reflect.Type) int {
	return sumLists(t, func(elem reflect.Type) int { return onboarding.Cap(elem) }, func(a, b int) int { return a + b })
}

// largestCap is the largest cap of a list of entries in t.
func largestCap(t reflect.Type) int {
	return sumLists(t, func(elem reflect.Type) int { return onboarding.Cap(elem) }, func(a, b int) int { return max(a, b) })
}

// sumLists combines, with add, the value of each list's element type in
// t, nested lists included, each once.
func sumLists(t reflect.Type, value func(elem reflect.Type) int, add func(a, b int) int) int {
	switch t.Kind() {
	case reflect.Pointer, reflect.Map:
		return sumLists(t.Elem(), value, add)
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Struct {
			return 0 // []byte and lists of strings are not lists of entries
		}
		return add(value(t.Elem()), sumLists(t.Elem(), value, add))
	case reflect.Struct:
		n := 0
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				n = add(n, sumLists(t.Field(i).Type, value, add))
			}
		}
		return n
	}
	return 0
}

// fieldsOf is the most JSON fields of any object type in t, embedded
// fields counted in their parent.
func fieldsOf(t reflect.Type) int {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return fieldsOf(t.Elem())
	case reflect.Struct:
		if t == timeType {
			return 0
		}
		own, widest := 0, 0
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Anonymous {
				own += fieldsOf(f.Type)
				continue
			}
			own++
			widest = max(widest, fieldsOf(f.Type))
		}
		return max(own, widest)
	}
	return 0
}
