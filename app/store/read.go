package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"counterpart/app/onboarding"
)

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
			s.dropOrphan(key)
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
// none. While this tab holds changes the browser refused, it reads the
// onboarding whole, as Load does (see load). Saving the onboarding leaves the log as stored; changing the log
// of such an onboarding is refused with an error.
func (s *Store) LoadWithoutLog(id string) (*onboarding.Onboarding, error) { return s.load(id, false) }

// LoadSaved reads one onboarding, whole, as this device has it saved:
// without this tab's changes the browser refused, which Load puts on top
// (see Change). It is what a link may carry: a refused change is made
// again, with new stamps and IDs, when it is saved, so a link that
// carried it would give the other person an entry this device may never
// hold, or two of it. It writes nothing and leaves the tab's copy as it
// is.
func (s *Store) LoadSaved(id string) (*onboarding.Onboarding, error) {
	raw, err := s.record(id)
	if err != nil {
		return nil, err
	}
	o, _, err := s.read(id, raw, true)
	if err != nil {
		return nil, err
	}
	s.seeAll(o)
	return o, nil
}

func (s *Store) load(id string, withLog bool) (*onboarding.Onboarding, error) {
	if len(s.pending[id]) > 0 {
		// This tab's refused changes are made again on what is read: a
		// merge gives a whole onboarding, and an edit made on one with
		// its log may change the log, so they need the log read too, or
		// the next save would take it for empty.
		withLog = true
	}
	raw, err := s.record(id)
	if err != nil {
		return nil, err
	}
	o, rec, err := s.read(id, raw, withLog)
	var failed *plainError
	switch {
	case errors.Is(err, ErrNewer), errors.As(err, &failed):
		return nil, err
	case err != nil:
		return nil, s.keepAside(id, err.Error())
	}
	if rec.full {
		// Written by an older version: rewrite it in this layout now. If
		// the browser refuses, the old record stays as it is and the
		// next save tries again.
		s.upgrade(o, rec, raw)
	}
	s.open[id] = rec
	s.seeAll(o)
	s.replay(o)
	s.objs[id] = o
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
		v, ok, err := s.backend.Get(partKeyOf(id, name, h.Schema))
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
	o.Partial = !withLog
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
	var oldParts []string
	if h.legacy() {
		if err := json.Unmarshal(h.Onboarding, &doc); err != nil || doc == nil {
			return nil, nil, fmt.Errorf("it is not an onboarding: %v", err)
		}
	} else if err := s.readDoc(id, h, get, doc, &oldParts); err != nil {
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
	rec.legacy, rec.full, rec.oldParts = h.legacy(), true, oldParts
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
		o.Partial = true
	}
	return &o, rec, nil
}

// readDoc reads every part stored for an onboarding into doc, as decoded
// JSON, with each log's entries in their order.
func (s *Store) readDoc(id string, h head, get func(string) (string, bool, error), doc map[string]any, oldParts *[]string) error {
	names := map[string]bool{}
	for k := range h.Pending {
		names[k] = true
	}
	keys, err := s.backend.Keys()
	if err != nil {
		return readError(err)
	}
	prefix := partKeyOf(id, "", h.Schema)
	for _, k := range keys {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			names[rest] = true
			if h.Schema < s.schema {
				*oldParts = append(*oldParts, k)
			}
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
	n := p.count(o)
	ids := make([]string, n)
	for i := 0; i < n; i++ {
		ids[i] = p.idAt(o, i)
		into[entryKey(p.name, ids[i])] = marshal(p.entryValue(o, i))
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
		for i := 0; i < p.count(o) && i < len(lc.order); i++ {
			lc.copies[i] = p.entry.clone(p.entryValue(o, i))
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
		n := p.count(o)
		seen := make(map[string]bool, n)
		for i := 0; i < n; i++ {
			if id := p.idAt(o, i); seen[id] {
				p.setIDAt(o, i, onboarding.NewID())
			} else {
				seen[id] = true
			}
		}
	}
}

// Whole returns o with its 1:1 log: o itself, or, when o was read without
// its log, a copy of o with the log as stored. A backup made while a save
// is refused uses it, so that what is on screen and the stored log both
// go into the file.
func (s *Store) Whole(o *onboarding.Onboarding) (*onboarding.Onboarding, error) {
	if !o.Partial {
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
	c.Partial = false
	return &c, nil
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
		if strings.HasPrefix(k, keyPrefix) || k == seenKey {
			v, _, _ := s.backend.Get(k)
			n += int64(len(k) + len(v))
		}
	}
	return n
}

// record is the stored record of the onboarding id, as the backend holds
// it, or ErrNotFound.
func (s *Store) record(id string) (string, error) {
	raw, ok, err := s.backend.Get(KeyOf(id))
	if err != nil {
		return "", readError(err)
	}
	if !ok {
		return "", ErrNotFound
	}
	return raw, nil
}
