// Package store keeps onboardings in the browser's storage, through a small
// Backend interface so the same code runs against a map in tests. It owns
// what is written and how: the layout of keys (layout.go), a schema version
// in every head, migrations, damaged records kept aside, and merging when
// two tabs save the same onboarding.
//
// A save writes what changed and nothing else, in one write (layout.go
// says how), so a keystroke costs the same in year three as on day one.
// Pages that never show the 1:1 log read an onboarding without it
// (LoadWithoutLog), so opening them costs the same too.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"
	"unsafe"
	"weak"

	"counterpart/app/onboarding"
)

// Backend holds strings by key. The browser's localStorage is one; so is
// Memory.
type Backend interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
	Keys() ([]string, error)
}

// SchemaVersion is the shape of the onboardings this build writes. Schema
// 1 is the layout before parts (one record per onboarding); schema 2 is
// the same data in parts.
const SchemaVersion = 2

// migration upgrades a decoded onboarding, as JSON, by one schema version.
type migration func(doc map[string]any) error

// migrations[i] upgrades schema i+1 to i+2. Schema 1 to 2 changed the
// layout, which the store reads either way, and not the data. The next
// change to the shape of the data adds its function here and bumps
// SchemaVersion; store_test.go shows the path.
var migrations = []migration{func(map[string]any) error { return nil }}

// Errors a caller may want to tell apart.
var (
	ErrNotFound = errors.New("there is no onboarding with this ID on this device")
	// ErrNewer means a newer version of the app wrote the record.
	ErrNewer = errors.New("this onboarding was saved by a newer version of Counterpart; reload the page to get it")
	// ErrFull is what a backend returns when the browser's storage for the
	// site is full.
	ErrFull = errors.New("the browser's storage for this site is full")
	// errLogNotRead means a page changed the 1:1 log of an onboarding it
	// read without it: a mistake in the page, caught before it costs data.
	errLogNotRead = errors.New("this page read the onboarding without its 1:1 log and cannot change the log; nothing was saved")
)

// DamagedError says a record could not be read and where it was put.
type DamagedError struct {
	Key      string
	AsideKey string // "" if it could not be moved
	Reason   string
}

// Error says, in plain words, that the record was unreadable and where it went.
func (e *DamagedError) Error() string {
	if e.AsideKey == "" {
		return "a saved onboarding could not be read (" + e.Reason + ")"
	}
	return "a saved onboarding could not be read (" + e.Reason + "); it was kept aside, unchanged"
}

// SaveError says the browser refused to save, and what was not saved. Its
// message is for the person; the browser's own words stay in Err, for the
// console.
type SaveError struct {
	Err error
	// What names what was not saved, in words ("the top problems"); empty
	// when the save was refused before the store knew.
	What string
}

// Error says what was not saved and why, and that earlier work is safe.
func (e *SaveError) Error() string {
	what := "Your last change"
	if e.What != "" {
		what = "Your last change to " + e.What
	}
	why := "the browser refused to store it; its storage for this site may be full or turned off"
	if errors.Is(e.Err, ErrFull) {
		why = "this browser's storage for Counterpart is full"
	}
	return what + " could not be saved: " + why + ". Your earlier work is safe, and what you just did is still on screen."
}

// Unwrap returns the browser's own error.
func (e *SaveError) Unwrap() error { return e.Err }

// readError is the message when the browser would not let the store read.
func readError(err error) error {
	return &plainError{msg: "the browser's storage could not be read", err: err}
}

// plainError shows msg and keeps the browser's error for errors.Is.
type plainError struct {
	msg string
	err error
}

func (e *plainError) Error() string { return e.msg }
func (e *plainError) Unwrap() error { return e.err }

// Store loads and saves onboardings. One Store serves one tab.
type Store struct {
	backend    Backend
	now        func() time.Time
	schema     int
	migrations []migration
	// open holds, per onboarding, what this tab last read or wrote.
	open map[string]*record
	// partial holds the onboardings handed out without their 1:1 log.
	partial map[weak.Pointer[onboarding.Onboarding]]bool
}

// record is what a tab knows of one stored onboarding: the base for
// finding what changed, and for merging when another tab saved meanwhile.
type record struct {
	rev    int64
	legacy bool // the head is a record of schema 1
	// stored holds the JSON of each part as stored, by part name.
	stored map[string]string
	// copies holds a deep copy of each part that is not a log, as stored.
	copies map[string]reflect.Value
	// logs holds the log fields read, by name.
	logs map[string]*logCopy
	// full means the next save writes every part: the onboarding is not
	// stored in this layout yet. fallback then holds the parts the
	// onboarding in hand lacks (its log, when read without it).
	full     bool
	fallback map[string]json.RawMessage
	// flushed holds the pending parts this tab copied to their own keys
	// after its last save; the next head leaves them out.
	flushed map[string]string
}

// logCopy is a log field as stored: the IDs of its entries in order, and a
// copy of each, in the same order, so that a save that leaves the order
// alone compares each entry with its copy without looking anything up.
type logCopy struct {
	order  []string
	copies []reflect.Value
}

func newRecord(rev int64) *record {
	return &record{rev: rev, stored: map[string]string{}, copies: map[string]reflect.Value{}, logs: map[string]*logCopy{}}
}

// New returns a store over a backend.
func New(b Backend, now func() time.Time) *Store {
	return &Store{backend: b, now: now, schema: SchemaVersion, migrations: migrations,
		open: map[string]*record{}, partial: map[weak.Pointer[onboarding.Onboarding]]bool{}}
}

// List returns every onboarding on this device, whole, most recently
// changed first, with an error for each record that could not be read.
// Damaged records are moved aside so that the rest keep working.
func (s *Store) List() ([]*onboarding.Onboarding, []error) { return s.list(true) }

// ListWithoutLog is List for pages that show no 1:1s (the home page): each
// onboarding comes without its meetings and commitments, which keeps the
// listing as quick with three years of them as with none. Such an
// onboarding can be saved; its log stays as stored.
func (s *Store) ListWithoutLog() ([]*onboarding.Onboarding, []error) { return s.list(false) }

func (s *Store) list(withLog bool) ([]*onboarding.Onboarding, []error) {
	keys, err := s.backend.Keys()
	if err != nil {
		return nil, []error{readError(err)}
	}
	heads := map[string]bool{}
	for _, key := range keys {
		if id, ok := IDOfKey(key); ok {
			heads[id] = true
		}
	}
	var out []*onboarding.Onboarding
	var errs []error
	for _, key := range keys {
		if id, ok := ownerOfPart(key); ok && !heads[id] {
			// A part left by a removal that stopped half way (the head
			// goes first): nothing reads it.
			s.backend.Remove(key)
			continue
		}
		id, ok := IDOfKey(key)
		if !ok {
			continue
		}
		o, err := s.load(id, withLog)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	return out, errs
}

// Load reads one onboarding, whole.
func (s *Store) Load(id string) (*onboarding.Onboarding, error) { return s.load(id, true) }

// LoadWithoutLog reads one onboarding without its 1:1 log: Meetings and
// Commitments come empty. It is for the pages that neither show nor change
// the log (the stages), and is as quick with three years of 1:1s as with
// none. Saving the onboarding leaves the log as stored; changing the log
// of such an onboarding is refused with an error.
func (s *Store) LoadWithoutLog(id string) (*onboarding.Onboarding, error) { return s.load(id, false) }

func (s *Store) load(id string, withLog bool) (*onboarding.Onboarding, error) {
	raw, ok, err := s.backend.Get(KeyOf(id))
	if err != nil {
		return nil, readError(err)
	}
	if !ok {
		return nil, ErrNotFound
	}
	o, rec, err := s.read(id, raw, withLog)
	var failed *plainError
	switch {
	case errors.Is(err, ErrNewer), errors.As(err, &failed):
		return nil, err
	case err != nil:
		return nil, s.keepAside(id, err.Error())
	}
	if !withLog {
		s.markPartial(o)
	}
	if rec.full {
		// Written by an older version: rewrite it in this layout now. If
		// the browser refuses, the old record stays as it is and the
		// next save tries again.
		if h, err := readHead(raw, s.schema); err == nil && s.write(o, rec, h) == nil {
			s.compact(id, rec)
		}
	}
	s.open[id] = rec
	return o, nil
}

// read decodes the onboarding whose head is raw, without writing anything.
func (s *Store) read(id, raw string, withLog bool) (*onboarding.Onboarding, *record, error) {
	h, err := readHead(raw, s.schema)
	if err != nil {
		return nil, nil, err
	}
	get := func(name string) (string, bool, error) {
		if v, ok := h.Pending[name]; ok {
			if removed(name, v) {
				return "", false, nil
			}
			return string(v), true, nil
		}
		v, ok, err := s.backend.Get(partKey(id, name))
		if err != nil {
			return "", false, readError(err)
		}
		return v, ok, nil
	}
	if h.legacy() || h.Schema < s.schema {
		return s.readOlder(id, h, withLog, get)
	}
	o := &onboarding.Onboarding{}
	rec := newRecord(h.Rev)
	for i := range parts {
		p := &parts[i]
		if p.log {
			if withLog {
				if err := readLog(o, p, rec, get); err != nil {
					return nil, nil, err
				}
			}
			continue
		}
		v, ok, err := get(p.name)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			continue // a field newer than what is stored: its zero value
		}
		if err := json.Unmarshal([]byte(v), p.value(o).Addr().Interface()); err != nil {
			return nil, nil, fmt.Errorf("its part %q is not valid: %v", p.name, err)
		}
		rec.stored[p.name] = v
	}
	if err := checkID(o, id); err != nil {
		return nil, nil, err
	}
	s.settle(o, rec)
	return o, rec, nil
}

// readLog reads the entries of a log field, in their stored order.
func readLog(o *onboarding.Onboarding, p *part, rec *record, get func(string) (string, bool, error)) error {
	lc := &logCopy{}
	rec.logs[p.name] = lc
	v, ok, err := get(p.name)
	if err != nil || !ok {
		return err
	}
	if err := json.Unmarshal([]byte(v), &lc.order); err != nil {
		return fmt.Errorf("the order of its %s is not valid: %v", p.name, err)
	}
	lc.copies = make([]reflect.Value, len(lc.order))
	rec.stored[p.name] = v
	list := reflect.MakeSlice(p.typ, len(lc.order), len(lc.order))
	for i, eid := range lc.order {
		name := entryKey(p.name, eid)
		ev, ok, err := get(name)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("one of its %s is missing", p.name)
		}
		if err := json.Unmarshal([]byte(ev), list.Index(i).Addr().Interface()); err != nil {
			return fmt.Errorf("one of its %s is not valid: %v", p.name, err)
		}
		rec.stored[name] = ev
	}
	p.value(o).Set(list)
	return nil
}

// readOlder reads a head of an older schema: the whole onboarding in one
// record (schema 1), or parts of an older shape, whose names it finds in
// storage rather than in this version's model, since a migration may
// rename them. The onboarding is upgraded through the migrations, and its
// record says the next save writes every part.
func (s *Store) readOlder(id string, h head, withLog bool, get func(string) (string, bool, error)) (*onboarding.Onboarding, *record, error) {
	doc := map[string]any{}
	if h.legacy() {
		if err := json.Unmarshal(h.Onboarding, &doc); err != nil || doc == nil {
			return nil, nil, fmt.Errorf("it is not an onboarding: %v", err)
		}
	} else if err := s.readDoc(id, h, get, doc); err != nil {
		return nil, nil, err
	}
	for v := h.Schema; v < s.schema; v++ {
		if v-1 >= len(s.migrations) {
			return nil, nil, fmt.Errorf("no way to upgrade schema %d", v)
		}
		if err := s.migrations[v-1](doc); err != nil {
			return nil, nil, fmt.Errorf("upgrading it from schema %d failed: %v", v, err)
		}
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	var o onboarding.Onboarding
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, nil, fmt.Errorf("it is not an onboarding: %v", err)
	}
	if err := checkID(&o, id); err != nil {
		return nil, nil, err
	}
	o.Normalize()
	dedupeLogs(&o)
	rec := newRecord(h.Rev)
	rec.legacy, rec.full = h.legacy(), true
	if !withLog {
		// The log is not handed out, but the rewrite needs it.
		rec.fallback = map[string]json.RawMessage{}
		for i := range parts {
			if p := &parts[i]; p.log {
				addLogParts(rec.fallback, p, &o)
				p.value(&o).Set(reflect.Zero(p.typ))
			}
		}
		o.Normalize()
	}
	return &o, rec, nil
}

// readDoc reads every part stored for an onboarding into doc, as decoded
// JSON, with each log's entries in their order.
func (s *Store) readDoc(id string, h head, get func(string) (string, bool, error), doc map[string]any) error {
	names := map[string]bool{}
	for k := range h.Pending {
		names[k] = true
	}
	keys, err := s.backend.Keys()
	if err != nil {
		return readError(err)
	}
	for _, k := range keys {
		if rest, ok := strings.CutPrefix(k, KeyOf(id)+"/"); ok {
			names[rest] = true
		}
	}
	for name := range names {
		if strings.Contains(name, "/") {
			continue
		}
		v, ok, err := get(name)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		var x any
		if json.Unmarshal([]byte(v), &x) != nil {
			return fmt.Errorf("its part %q is not valid", name)
		}
		if ids, isList := x.([]any); isList && len(ids) > 0 {
			if first, _ := ids[0].(string); names[entryKey(name, first)] {
				list := make([]any, 0, len(ids))
				for _, eid := range ids {
					e, _ := eid.(string)
					ev, ok, err := get(entryKey(name, e))
					if err != nil {
						return err
					}
					var entry any
					if !ok || json.Unmarshal([]byte(ev), &entry) != nil {
						return fmt.Errorf("one of its %s is missing or not valid", name)
					}
					list = append(list, entry)
				}
				x = list
			}
		}
		doc[name] = x
	}
	return nil
}

// addLogParts puts the order and every entry of a log field into parts.
func addLogParts(into map[string]json.RawMessage, p *part, o *onboarding.Onboarding) {
	data, n, size := p.entries(o)
	ids := make([]string, n)
	for i := 0; i < n; i++ {
		e := unsafe.Add(data, uintptr(i)*size)
		ids[i] = p.entryID(e)
		into[entryKey(p.name, ids[i])] = marshal(reflect.NewAt(p.entry.typ, e).Elem())
	}
	into[p.name] = marshal(reflect.ValueOf(ids))
}

func checkID(o *onboarding.Onboarding, id string) error {
	if !onboarding.IsID(o.ID) {
		return errors.New("it has no valid ID")
	}
	if o.ID != id {
		return fmt.Errorf("it holds onboarding %q, not %q", o.ID, id)
	}
	return nil
}

// settle keeps a copy of each part of a freshly read onboarding, as
// stored, as the base for the next save, and then makes the onboarding
// safe to use. The copies are taken before onboarding.Normalize, so what
// Normalize repairs (an ID given to an entry that had none, say) differs
// from them and is written by the next save: every tab then agrees on it.
func (s *Store) settle(o *onboarding.Onboarding, rec *record) {
	for i := range parts {
		p := &parts[i]
		if !p.log {
			if _, ok := rec.stored[p.name]; ok {
				rec.copies[p.name] = p.shape.clone(p.value(o))
			}
			continue
		}
		lc := rec.logs[p.name]
		if lc == nil {
			continue
		}
		data, n, size := p.entries(o)
		for i := 0; i < n && i < len(lc.order); i++ {
			lc.copies[i] = p.entry.clone(reflect.NewAt(p.entry.typ, unsafe.Add(data, uintptr(i)*size)).Elem())
		}
	}
	o.Normalize()
	dedupeLogs(o)
}

// dedupeLogs gives a new ID to any log entry whose ID an earlier entry
// already has: each entry is stored under its ID, and two under one key
// would lose one.
func dedupeLogs(o *onboarding.Onboarding) {
	for i := range parts {
		p := &parts[i]
		if !p.log {
			continue
		}
		data, n, size := p.entries(o)
		seen := make(map[string]bool, n)
		for i := 0; i < n; i++ {
			e := unsafe.Add(data, uintptr(i)*size)
			if id := p.entryID(e); seen[id] {
				*(*string)(unsafe.Add(e, p.idOff)) = onboarding.NewID()
			} else {
				seen[id] = true
			}
		}
	}
}

// markPartial remembers that o was handed out without its log. The store
// holds it weakly: a page that drops the onboarding lets it go.
func (s *Store) markPartial(o *onboarding.Onboarding) {
	if len(s.partial) > 64 {
		for k := range s.partial {
			if k.Value() == nil {
				delete(s.partial, k)
			}
		}
	}
	s.partial[weak.Make(o)] = true
}

func (s *Store) isPartial(o *onboarding.Onboarding) bool { return s.partial[weak.Make(o)] }

// keepAside moves a damaged onboarding, its head and every part, to a key
// of its own, untouched, so it no longer gets in the way and can still be
// recovered. A head alone is kept as it is; with parts, as a JSON object
// of key and text.
func (s *Store) keepAside(id, reason string) error {
	key := KeyOf(id)
	aside := asidePrefix + strings.TrimPrefix(key, keyPrefix) + "." + s.now().UTC().Format("20060102T150405.000Z")
	e := &DamagedError{Key: key, Reason: reason}
	keys := []string{key}
	if all, err := s.backend.Keys(); err == nil {
		for _, k := range all {
			if owner, ok := ownerOfPart(k); ok && owner == id {
				keys = append(keys, k)
			}
		}
	}
	var value string
	if len(keys) == 1 {
		v, ok, err := s.backend.Get(key)
		if !ok || err != nil {
			return e
		}
		value = v
	} else {
		bundle := map[string]string{}
		for _, k := range keys {
			if v, ok, err := s.backend.Get(k); ok && err == nil {
				bundle[k] = v
			}
		}
		b, _ := json.Marshal(bundle)
		value = string(b)
	}
	if err := s.backend.Set(aside, value); err != nil {
		return e // left where it is: better in the way than lost
	}
	if err := s.backend.Remove(key); err != nil {
		s.backend.Remove(aside)
		return e
	}
	for _, k := range keys[1:] {
		s.backend.Remove(k)
	}
	delete(s.open, id)
	e.AsideKey = aside
	return e
}

// Saved reports what happened when saving.
type Saved struct {
	// Merged is true when another tab had saved this onboarding meanwhile
	// and both sets of changes were combined.
	Merged bool
	// Conflicts counts fields both tabs changed; this tab's value was kept.
	Conflicts int
}

// Save writes what changed in an onboarding since this tab last read or
// wrote it, in one write. If another tab saved it meanwhile, the two
// versions are merged and o is updated to the result.
func (s *Store) Save(o *onboarding.Onboarding) (Saved, error) {
	var result Saved
	key := KeyOf(o.ID)
	raw, exists, err := s.backend.Get(key)
	if err != nil {
		return result, &SaveError{Err: err}
	}
	rec := s.open[o.ID]
	var h head
	if exists {
		h, err = readHead(raw, s.schema)
		switch {
		case errors.Is(err, ErrNewer):
			return result, err
		case err != nil:
			// Never overwrite what cannot be read: move it aside first.
			if s.keepAside(o.ID, err.Error()).(*DamagedError).AsideKey == "" {
				return result, &SaveError{Err: errors.New("damaged data is in the way and could not be moved")}
			}
			exists = false
		case rec == nil || h.Rev != rec.rev || h.legacy() != rec.legacy:
			// Another tab, or an older version of the app, saved it since.
			rec, result, err = s.mergeStored(o, raw, rec)
			if err != nil {
				return result, err
			}
			exists = rec != nil
		}
	}
	if !exists {
		h, rec = head{}, newRecord(0)
		rec.full = true
	}
	full := rec.full
	if err := s.write(o, rec, h); err != nil {
		return result, err
	}
	s.open[o.ID] = rec
	if full {
		s.compact(o.ID, rec)
	}
	return result, nil
}

// write writes the head that commits o's changes against rec, over h, the
// head stored now (zero if there is none), then copies to their own keys
// the parts an earlier save left pending.
func (s *Store) write(o *onboarding.Onboarding, rec *record, h head) error {
	changes, err := s.changes(o, rec)
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		return nil
	}
	pending := make(map[string]json.RawMessage, len(changes)+len(h.Pending))
	if !h.legacy() {
		for k, v := range h.Pending {
			if f, ok := rec.flushed[k]; !ok || f != string(v) {
				pending[k] = v
			}
		}
	}
	for k, v := range changes {
		pending[k] = v
	}
	rev := h.Rev + 1
	if err := s.backend.Set(KeyOf(o.ID), encodeHead(s.schema, rev, s.now(), pending)); err != nil {
		return &SaveError{Err: err, What: describe(changes)}
	}
	rec.commit(o, changes, rev)
	// The head is written: what it carries from earlier saves can go to
	// its own keys, so the next head need not carry it. A failure here
	// costs nothing: the head still has it.
	for k, v := range pending {
		if _, now := changes[k]; !now && s.flush(o.ID, k, v) == nil {
			rec.flushed[k] = string(v)
		}
	}
	return nil
}

// flush writes one pending part to its own key.
func (s *Store) flush(id, name string, v json.RawMessage) error {
	if removed(name, v) {
		return s.backend.Remove(partKey(id, name))
	}
	return s.backend.Set(partKey(id, name), string(v))
}

// compact copies every pending part of an onboarding to its own key and
// then empties the head's pending, after a save that wrote everything (a
// new onboarding, a restore, an upgrade). If the browser refuses a write,
// the head keeps what it holds and nothing is lost.
func (s *Store) compact(id string, rec *record) {
	raw, ok, err := s.backend.Get(KeyOf(id))
	if !ok || err != nil {
		return
	}
	h, err := readHead(raw, s.schema)
	if err != nil || h.legacy() || h.Rev != rec.rev || len(h.Pending) == 0 {
		return
	}
	names := make([]string, 0, len(h.Pending))
	for k := range h.Pending {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if s.flush(id, k, h.Pending[k]) != nil {
			return
		}
	}
	if s.backend.Set(KeyOf(id), encodeHead(s.schema, h.Rev, h.Saved, nil)) == nil {
		rec.flushed = map[string]string{}
	}
}

// changes finds the parts of o that differ from what rec says is stored,
// and returns their new JSON by part name (null for an entry removed).
func (s *Store) changes(o *onboarding.Onboarding, rec *record) (map[string]json.RawMessage, error) {
	partial := s.isPartial(o)
	out := map[string]json.RawMessage{}
	for i := range parts {
		p := &parts[i]
		if p.log {
			if partial {
				if _, n, _ := p.entries(o); n > 0 {
					return nil, errLogNotRead
				}
				for k, v := range rec.fallback {
					if k == p.name || strings.HasPrefix(k, p.name+"/") {
						out[k] = v
					}
				}
				continue
			}
			if err := s.logChanges(o, p, rec, out); err != nil {
				return nil, err
			}
			continue
		}
		at := p.at(o)
		c, copied := rec.copies[p.name]
		if copied && !rec.full && p.shape.same(at, c.Addr().UnsafePointer()) {
			continue
		}
		v := marshal(p.value(o))
		if old, ok := rec.stored[p.name]; ok && !rec.full && old == string(v) {
			rec.copies[p.name] = p.shape.clone(p.value(o)) // equal after all: compare quickly next time
			continue
		}
		out[p.name] = v
	}
	return out, nil
}

// logChanges adds the changes to one log field: entries changed or added,
// entries removed, and the order if it changed.
func (s *Store) logChanges(o *onboarding.Onboarding, p *part, rec *record, out map[string]json.RawMessage) error {
	lc := rec.logs[p.name]
	if lc == nil {
		// Read without its log earlier in this tab: the stored log is
		// the base.
		if !rec.full {
			if err := s.readStoredLog(o.ID, p, rec); err != nil {
				return err
			}
		}
		if lc = rec.logs[p.name]; lc == nil {
			lc = &logCopy{}
			rec.logs[p.name] = lc
		}
	}
	data, n, size := p.entries(o)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = p.entryID(unsafe.Add(data, uintptr(i)*size))
	}
	sameOrder := !rec.full && slices.Equal(ids, lc.order)
	var at map[string]int    // where each stored entry's copy is, when the order moved
	var seen map[string]bool // the IDs in o, then
	if !sameOrder {
		// Each entry is stored under its ID: a second entry with an ID
		// already used gets a new one rather than overwrite the first.
		seen = make(map[string]bool, n)
		for i, id := range ids {
			if seen[id] {
				ids[i] = onboarding.NewID()
				*(*string)(unsafe.Add(data, uintptr(i)*size+p.idOff)) = ids[i]
			}
			seen[ids[i]] = true
		}
		at = make(map[string]int, len(lc.order))
		for i, id := range lc.order {
			if _, dup := at[id]; !dup && !rec.full {
				at[id] = i
			}
		}
	}
	for i, id := range ids {
		e := unsafe.Add(data, uintptr(i)*size)
		var c reflect.Value
		if sameOrder {
			c = lc.copies[i]
		} else if j, ok := at[id]; ok {
			c = lc.copies[j]
		}
		if c.IsValid() && p.entry.same(e, c.Addr().UnsafePointer()) {
			continue
		}
		name := entryKey(p.name, id)
		v := marshal(reflect.NewAt(p.entry.typ, e).Elem())
		if old, ok := rec.stored[name]; ok && !rec.full && old == string(v) {
			if sameOrder {
				lc.copies[i] = p.entry.clone(reflect.NewAt(p.entry.typ, e).Elem()) // equal after all
			}
			continue
		}
		out[name] = v
	}
	if !sameOrder {
		out[p.name] = marshal(reflect.ValueOf(ids))
		for _, id := range lc.order {
			if !seen[id] {
				out[entryKey(p.name, id)] = null
			}
		}
	}
	return nil
}

// readStoredLog reads the stored log field into rec, as the base for
// saving a whole onboarding when this tab had read it without its log.
func (s *Store) readStoredLog(id string, p *part, rec *record) error {
	raw, ok, err := s.backend.Get(KeyOf(id))
	if err != nil || !ok {
		return &SaveError{Err: err}
	}
	h, err := readHead(raw, s.schema)
	if err != nil {
		return &SaveError{Err: err}
	}
	get := func(name string) (string, bool, error) {
		if v, ok := h.Pending[name]; ok {
			if removed(name, v) {
				return "", false, nil
			}
			return string(v), true, nil
		}
		return s.backend.Get(partKey(id, name))
	}
	var o onboarding.Onboarding
	if err := readLog(&o, p, rec, get); err != nil {
		return &SaveError{Err: err}
	}
	lc := rec.logs[p.name]
	data, n, size := p.entries(&o)
	for i := 0; i < n; i++ {
		lc.copies[i] = p.entry.clone(reflect.NewAt(p.entry.typ, unsafe.Add(data, uintptr(i)*size)).Elem())
	}
	return nil
}

// commit records in rec that the changes are stored, at revision rev.
func (rec *record) commit(o *onboarding.Onboarding, changes map[string]json.RawMessage, rev int64) {
	rec.rev, rec.legacy, rec.full, rec.fallback = rev, false, false, nil
	rec.flushed = map[string]string{}
	for name, v := range changes {
		if removed(name, v) {
			delete(rec.stored, name)
		} else {
			rec.stored[name] = string(v)
		}
	}
	for i := range parts {
		p := &parts[i]
		if !p.log {
			if _, changed := changes[p.name]; changed {
				rec.copies[p.name] = p.shape.clone(p.value(o))
			}
			continue
		}
		lc := rec.logs[p.name]
		if lc == nil {
			continue // not read: its copies are made when it is
		}
		changed := map[string]bool{}
		for name := range changes {
			if field, id, ok := strings.Cut(name, "/"); ok && field == p.name {
				changed[id] = true
			}
		}
		data, n, size := p.entries(o)
		entry := func(i int) reflect.Value {
			return p.entry.clone(reflect.NewAt(p.entry.typ, unsafe.Add(data, uintptr(i)*size)).Elem())
		}
		if _, moved := changes[p.name]; !moved {
			// Same order: refresh the copies of the entries changed.
			for i := 0; i < n && len(changed) > 0; i++ {
				if id := p.entryID(unsafe.Add(data, uintptr(i)*size)); changed[id] {
					lc.copies[i] = entry(i)
				}
			}
			continue
		}
		old := make(map[string]reflect.Value, len(lc.order))
		for i, id := range lc.order {
			if _, dup := old[id]; !dup && i < len(lc.copies) {
				old[id] = lc.copies[i]
			}
		}
		lc.order, lc.copies = make([]string, n), make([]reflect.Value, n)
		for i := 0; i < n; i++ {
			id := p.entryID(unsafe.Add(data, uintptr(i)*size))
			lc.order[i] = id
			if changed[id] || !old[id].IsValid() {
				lc.copies[i] = entry(i)
			} else {
				lc.copies[i] = old[id]
			}
		}
	}
}

// mergeStored handles a save that finds another tab's write, or an older
// version's, under the key. It returns the record of what is stored now,
// with o merged into it, or a nil record when what was stored could not be
// read and was moved aside.
func (s *Store) mergeStored(o *onboarding.Onboarding, raw string, rec *record) (*record, Saved, error) {
	partial := s.isPartial(o)
	theirs, theirRec, err := s.read(o.ID, raw, !partial)
	var failed *plainError
	switch {
	case errors.Is(err, ErrNewer):
		return nil, Saved{}, err
	case errors.As(err, &failed):
		return nil, Saved{}, &SaveError{Err: err}
	case err != nil:
		// Never overwrite what cannot be read: move it aside first.
		if s.keepAside(o.ID, err.Error()).(*DamagedError).AsideKey == "" {
			return nil, Saved{}, &SaveError{Err: errors.New("damaged data is in the way and could not be moved")}
		}
		return nil, Saved{}, nil
	}
	var base *onboarding.Onboarding
	if rec != nil && !rec.full {
		base = rec.decode(partial)
	}
	merged, conflicts, err := onboarding.Merge(base, o, theirs)
	if err != nil {
		return nil, Saved{}, err
	}
	if partial {
		for i := range parts {
			if p := &parts[i]; p.log {
				p.value(merged).Set(p.value(o))
			}
		}
	}
	*o = *merged
	return theirRec, Saved{Merged: true, Conflicts: conflicts}, nil
}

// decode rebuilds the onboarding as rec says it is stored: the common base
// when another tab saved meanwhile.
func (rec *record) decode(withoutLog bool) *onboarding.Onboarding {
	o := &onboarding.Onboarding{}
	for i := range parts {
		p := &parts[i]
		if !p.log {
			if v, ok := rec.stored[p.name]; ok {
				json.Unmarshal([]byte(v), p.value(o).Addr().Interface())
			}
			continue
		}
		lc := rec.logs[p.name]
		if withoutLog || lc == nil {
			continue
		}
		list := reflect.MakeSlice(p.typ, 0, len(lc.order))
		for _, id := range lc.order {
			e := reflect.New(p.entry.typ).Elem()
			json.Unmarshal([]byte(rec.stored[entryKey(p.name, id)]), e.Addr().Interface())
			list = reflect.Append(list, e)
		}
		p.value(o).Set(list)
	}
	return o
}

// marshal encodes a part. The model is plain data; encoding cannot fail.
func marshal(v reflect.Value) json.RawMessage {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		panic("store: the model cannot be encoded: " + err.Error())
	}
	return b
}

// Delete removes an onboarding: its head first, which makes it gone at
// once, then its parts. Keep the value to undo with Restore.
func (s *Store) Delete(id string) error {
	delete(s.open, id)
	if err := s.backend.Remove(KeyOf(id)); err != nil {
		return err
	}
	keys, err := s.backend.Keys()
	if err != nil {
		return nil // the parts are cleared on a later listing
	}
	for _, k := range keys {
		if owner, ok := ownerOfPart(k); ok && owner == id {
			s.backend.Remove(k)
		}
	}
	return nil
}

// Restore puts back an onboarding removed by Delete, exactly as it was.
func (s *Store) Restore(o *onboarding.Onboarding) error {
	if _, exists, _ := s.backend.Get(KeyOf(o.ID)); exists {
		return fmt.Errorf("an onboarding with this ID is already here")
	}
	delete(s.open, o.ID)
	_, err := s.Save(o)
	return err
}

// Aside lists the records kept aside because they could not be read.
func (s *Store) Aside() ([]string, error) {
	keys, err := s.backend.Keys()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, k := range keys {
		if strings.HasPrefix(k, asidePrefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Raw returns the stored text of a key, for downloading a damaged record.
func (s *Store) Raw(key string) (string, bool) {
	v, ok, err := s.backend.Get(key)
	return v, ok && err == nil
}

// Discard removes a record kept aside, once the person has decided.
func (s *Store) Discard(asideKey string) error {
	if !strings.HasPrefix(asideKey, asidePrefix) {
		return fmt.Errorf("%s is not a record kept aside", asideKey)
	}
	return s.backend.Remove(asideKey)
}

// Whole returns o with its 1:1 log: o itself, or, when o was read without
// its log, a copy of o with the log as stored. A backup made while a save
// is refused uses it, so that what is on screen and the stored log both
// go into the file.
func (s *Store) Whole(o *onboarding.Onboarding) (*onboarding.Onboarding, error) {
	if !s.isPartial(o) {
		return o, nil
	}
	// Read as it is, leaving this tab's record of it alone: the next save
	// must still notice what another tab wrote.
	raw, ok, err := s.backend.Get(KeyOf(o.ID))
	if err != nil {
		return nil, readError(err)
	}
	if !ok {
		return o, nil
	}
	stored, _, err := s.read(o.ID, raw, true)
	if err != nil {
		return nil, err
	}
	c := *o
	for i := range parts {
		if p := &parts[i]; p.log {
			p.value(&c).Set(p.value(stored))
		}
	}
	return &c, nil
}

// deviceKey holds what this browser remembers about keeping its data: the
// last backup, the browser's answer about persistent storage (see
// app/safekeeping). It is device-only: never in a link or a backup.
const deviceKey = keyPrefix + "device"

// ReadDevice decodes the device record into v. A missing record leaves v
// as it is; so does a damaged one, which is only advice and is rewritten
// by the next WriteDevice.
func (s *Store) ReadDevice(v any) error {
	raw, ok, err := s.backend.Get(deviceKey)
	if err != nil || !ok {
		return err
	}
	json.Unmarshal([]byte(raw), v)
	return nil
}

// WriteDevice stores v as the device record.
func (s *Store) WriteDevice(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.backend.Set(deviceKey, string(b))
}

// IsDeviceKey reports whether a storage key is the device record's, for a
// page that follows changes other tabs make to it.
func IsDeviceKey(key string) bool { return key == deviceKey }

// StoredBytes is how much text Counterpart keeps in the browser's storage,
// its keys and values together: what counts against the few megabytes a
// browser gives a site's localStorage. It reads every key, so it is for
// the page that shows it, not for every keystroke.
func (s *Store) StoredBytes() int64 {
	keys, err := s.backend.Keys()
	if err != nil {
		return 0
	}
	var n int64
	for _, k := range keys {
		if strings.HasPrefix(k, keyPrefix) {
			v, _, _ := s.backend.Get(k)
			n += int64(len(k) + len(v))
		}
	}
	return n
}
