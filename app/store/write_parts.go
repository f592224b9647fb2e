package store

// The parts of a write: which parts of an onboarding changed since this
// tab last read it, how the 1:1 log's parts are compared with what is
// stored, and how a copy another tab stored in between is merged in. Only
// write.go and this file write to the backend (TestOnlyWriteGoWrites).

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"

	"counterpart/app/onboarding"
)

// changes finds the parts of o that differ from what rec says is stored,
// and returns their new JSON by part name (null for an entry removed).
func (s *Store) changes(o *onboarding.Onboarding, rec *record) (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	for i := range parts {
		p := &parts[i]
		if p.log {
			if o.Partial {
				if p.count(o) > 0 {
					return nil, ErrLogNotRead
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
		c, copied := rec.copies[p.name]
		if copied && !rec.full && p.samePart(o, c) {
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
	n := p.count(o)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = p.idAt(o, i)
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
				p.setIDAt(o, i, ids[i])
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
		var c reflect.Value
		if sameOrder {
			c = lc.copies[i]
		} else if j, ok := at[id]; ok {
			c = lc.copies[j]
		}
		if c.IsValid() && p.sameEntry(o, i, c) {
			continue
		}
		name := entryKey(p.name, id)
		v := marshal(p.entryValue(o, i))
		if old, ok := rec.stored[name]; ok && !rec.full && old == string(v) {
			if sameOrder {
				lc.copies[i] = p.entry.clone(p.entryValue(o, i)) // equal after all
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
	for i := 0; i < p.count(&o); i++ {
		lc.copies[i] = p.entry.clone(p.entryValue(&o, i))
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
		n := p.count(o)
		entry := func(i int) reflect.Value { return p.entry.clone(p.entryValue(o, i)) }
		if _, moved := changes[p.name]; !moved {
			// Same order: refresh the copies of the entries changed.
			for i := 0; i < n && len(changed) > 0; i++ {
				if id := p.idAt(o, i); changed[id] {
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
			id := p.idAt(o, i)
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
	partial := o.Partial
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
	merged.Partial = partial
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

// keepAside moves a damaged onboarding, its head and every part, to a key
// of its own, untouched, so it no longer gets in the way and can still be
// recovered. A head alone is kept as it is; with parts, as a JSON object
// of key and text.
func (s *Store) keepAside(id, reason string) error {
	key := KeyOf(id)
	aside := asidePrefix + strings.TrimPrefix(key, keyPrefix) + "." + s.wall().UTC().Format("20060102T150405.000Z")
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
