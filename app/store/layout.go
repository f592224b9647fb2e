package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"counterpart/app/onboarding"
)

// The layout. An onboarding is stored as parts, one key each, so that a
// save writes what changed and nothing else:
//
//	counterpart.v1.onboarding.<id>              the head
//	counterpart.v1.part.<id>/<field>            one per field of the model
//	counterpart.v1.part.<id>/meetings           the order of the 1:1s (their IDs)
//	counterpart.v1.part.<id>/meetings/<entry>   one per 1:1
//	counterpart.v1.format                       the newest schema written here
//	counterpart.v1.clock                        this browser's device number
//	counterpart.v1.device                       the device record (device.go)
//	counterpart.seen                            the stages each person opened (device.go)
//
// The parts have a prefix of their own because the releases before them
// take every key under counterpart.v1.onboarding. for a head, and a tab
// of such a release still open during an upgrade would move them aside
// as damaged. Those releases read a head of a newer schema as "saved by a
// newer version" and leave it alone; the format marker tells the tabs of
// this release and later ones that a newer version has written, and they
// stop writing (see Store.Outside).
//
// The parts are the top-level fields of onboarding.Onboarding, found by
// reflection under their JSON names, so a field added to the model gets its
// own key with no change here. The log fields, which grow every week, are
// stored one entry per key.
//
// The head is the commit record. Every save writes the head, once: its
// "pending" holds the new value of each part the save changed (null for an
// entry removed). A part's value is the head's pending one if there is
// one, else its own key's. One write is all-or-nothing in every browser, so
// a crash, a closed tab or a full disk in the middle of a save leaves
// either the old onboarding or the new one, never a mix. Pending parts are
// copied to their own keys after the head is written, when a later save
// changes other parts (see Save), and the head then stops carrying them;
// typing in one field therefore writes a head that holds that field and
// the time of the change, whatever the history holds.
//
// A record of schema 1 is the layout before parts: the whole onboarding in
// one record under the head's key. Schema 2 had the parts under the
// head's key (counterpart.v1.onboarding.<id>/...). Both are read as they
// are and rewritten in this layout, in one write of the head, on first
// load; schema 2's part keys are removed after.

// logFields are the fields stored one entry per key and read only when
// asked for: the 1:1s and the commitments, which grow every week.
var logFields = map[string]bool{"meetings": true, "commitments": true}

// part is one top-level field of the onboarding.
type part struct {
	name  string // its JSON name, the end of its key
	off   uintptr
	typ   reflect.Type
	shape *shape
	// For a log field: the shape of one entry, and where its ID is.
	log   bool
	entry *shape
	idOff uintptr
}

// parts are the fields of the model, in order.
var parts = partsOf(reflect.TypeOf(onboarding.Onboarding{}))

func partsOf(t reflect.Type) []part {
	var out []part
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue // encoding/json does not write it either
		}
		if name == "" {
			name = f.Name
		}
		p := part{name: name, off: f.Offset, typ: f.Type, shape: shapeOf(f.Type)}
		if logFields[name] && f.Type.Kind() == reflect.Slice {
			if meta, ok := f.Type.Elem().FieldByName("Meta"); ok && meta.Type == reflect.TypeOf(onboarding.Meta{}) {
				id, _ := meta.Type.FieldByName("ID")
				p.log, p.entry, p.idOff = true, shapeOf(f.Type.Elem()), meta.Offset+id.Offset
			}
		}
		out = append(out, p)
	}
	return out
}

// partByName finds a part; the second result is false for a name this
// version does not know.
func partByName(name string) (*part, bool) {
	for i := range parts {
		if parts[i].name == name {
			return &parts[i], true
		}
	}
	return nil, false
}

// entryKey names one entry of a log field among the parts.
func entryKey(field, id string) string { return field + "/" + id }

// The keys.
const (
	keyPrefix        = "counterpart.v1."
	onboardingPrefix = keyPrefix + "onboarding."
	partPrefix       = keyPrefix + "part."
	asidePrefix      = keyPrefix + "aside."
	formatKey        = keyPrefix + "format"
)

// KeyOf is the storage key of an onboarding's head: the one key that
// changes on every save, and the one other tabs watch.
func KeyOf(id string) string { return onboardingPrefix + id }

// partKey is the storage key of one part of an onboarding.
func partKey(id, name string) string { return partPrefix + id + "/" + name }

// partKeyOf is the key of a part in the layout of a schema: under the
// head's key before schema 3.
func partKeyOf(id, name string, schema int) string {
	if schema < 3 {
		return KeyOf(id) + "/" + name
	}
	return partKey(id, name)
}

// IDOfKey returns the onboarding ID whose head a storage key is, if it is one.
func IDOfKey(key string) (string, bool) {
	id, ok := strings.CutPrefix(key, onboardingPrefix)
	return id, ok && id != "" && !strings.Contains(id, "/")
}

// ownerOfPart returns the onboarding ID a part's key belongs to, in this
// layout or schema 2's.
func ownerOfPart(key string) (string, bool) {
	rest, ok := strings.CutPrefix(key, partPrefix)
	if !ok {
		rest, ok = strings.CutPrefix(key, onboardingPrefix)
	}
	id, _, isPart := strings.Cut(rest, "/")
	return id, ok && isPart && id != ""
}

// head is the record under an onboarding's key.
type head struct {
	Schema int       `json:"schema"`
	Rev    int64     `json:"rev"` // counts saves, to notice other tabs
	Saved  time.Time `json:"saved"`
	// Pending holds parts newer than their own keys: null for a log
	// entry removed (a field's own value may be null too).
	Pending map[string]json.RawMessage `json:"pending,omitempty"`
	// Onboarding is the whole onboarding, in a record of schema 1.
	Onboarding json.RawMessage `json:"onboarding,omitempty"`
}

// legacy reports whether the head is a whole record of the layout before
// parts.
func (h *head) legacy() bool { return h.Schema == 1 }

// null is the pending value of a log entry removed. Entries are objects,
// so it cannot be an entry's value; a field's value can be null, and is
// stored as such.
var null = json.RawMessage("null")

// removed reports whether a pending part says a log entry was removed.
func removed(name string, v json.RawMessage) bool {
	return strings.Contains(name, "/") && bytes.Equal(v, null)
}

// readHead decodes a head, checking what a damaged one would get wrong.
func readHead(raw string, schema int) (head, error) {
	var h head
	if err := json.Unmarshal([]byte(raw), &h); err != nil {
		return h, fmt.Errorf("it is not valid JSON: %v", err)
	}
	switch {
	case h.Schema > schema:
		return h, ErrNewer
	case h.Schema < 1:
		return h, errors.New("it has no schema version")
	case h.legacy() && len(h.Onboarding) == 0:
		return h, errors.New("it holds no onboarding")
	}
	return h, nil
}

// encodeHead writes a head with its pending parts in key order, so that
// the same content always makes the same text.
func encodeHead(schema int, rev int64, saved time.Time, pending map[string]json.RawMessage) string {
	n := 96
	names := make([]string, 0, len(pending))
	for k, v := range pending {
		names = append(names, k)
		n += len(k) + len(v) + 4
	}
	sort.Strings(names)
	b := make([]byte, 0, n)
	b = fmt.Appendf(b, `{"schema":%d,"rev":%d,"saved":%q`, schema, rev, saved.UTC().Format(time.RFC3339Nano))
	if len(names) > 0 {
		b = append(b, `,"pending":{`...)
		for i, k := range names {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k)
			b = append(b, ':')
			b = append(b, pending[k]...)
		}
		b = append(b, '}')
	}
	return string(append(b, '}'))
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// partWords says what each part holds, for telling a person what was not
// saved. A part missing here is named "your last change", which is true
// if vague; parts that change with everything else (the time of the last
// change, say) have no words of their own.
var partWords = map[string]string{
	"title": "the title", "buddy": "the names and roles", "newcomer": "the names and roles",
	"startDate": "the start date", "dataSources": "the data sources", "problems": "the top problems",
	"budgetAdvice": "the budget and headcount advice", "workingWell": "what already works",
	"teamRead": "the team read", "people": "the people to meet", "processes": "the processes",
	"surprises": "what will surprise", "roles": "the role agreement", "agenda": "the agenda of the next 1:1",
	"meetings": "the weekly 1:1s", "commitments": "the commitments",
}

// describe names the parts of a save in words: "the top problems and the
// weekly 1:1s".
func describe(changes map[string]json.RawMessage) string {
	seen := map[string]bool{}
	var words []string
	for _, p := range parts {
		for name := range changes {
			field, _, _ := strings.Cut(name, "/")
			if w := partWords[field]; field == p.name && w != "" && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
