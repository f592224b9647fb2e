package store

import (
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"

	"counterpart/app/onboarding"
)

// The one write path. Every change to an onboarding, from every page,
// goes through Change (a person's edit) or Replace (a merge, a restore,
// an undo of either), which:
//
//   - reads what storage holds now (one read of the head when no other
//     tab wrote since; else the onboarding again, with this tab's
//     unsaved changes made again on top),
//   - applies the change, stamped by this device's hybrid logical clock,
//   - writes what changed, in one write,
//   - and tells those listening (Heard): the kept backup, the reminders.
//
// Other tabs hear of it from the browser (the storage event) and read it
// again. A change the browser refuses stays on screen and in the tab's
// pending list, and goes with the next save that fits. Create, Delete and
// Restore add and remove whole onboardings on the same terms, and Save,
// for callers that hold an onboarding rather than a change, merges it
// with what other tabs wrote. This file is the only one that writes to
// the backend (TestOnlyWriteGoWrites).

// Change applies a person's edit to the onboarding id as storage holds it
// now, stamps it, saves it, and returns the onboarding as it now is (a
// page shows that one from then on). The edit is a function of the
// onboarding, so that it can be made again on a newer copy: it finds what
// it changes by ID. When the browser refuses to store it, the onboarding
// returned still holds it, and the error is a *SaveError.
func (s *Store) Change(id string, edit func(*onboarding.Onboarding) error) (*onboarding.Onboarding, error) {
	return s.commit(id, edit, true, false)
}

// Replace is Change for a change that stamps what it changes itself: a
// merge of what came from elsewhere (whose stamps must be kept as they
// came), a restore, an undo of either. replace returns the new onboarding
// from the one stored now, which it gets whole, with its 1:1 log.
func (s *Store) Replace(id string, replace func(*onboarding.Onboarding) (*onboarding.Onboarding, error)) (*onboarding.Onboarding, error) {
	return s.commit(id, func(o *onboarding.Onboarding) error {
		next, err := replace(o)
		if err != nil {
			return err
		}
		*o = *onboarding.Copy(next)
		o.Partial = false
		return nil
	}, false, true)
}

// commit is the one write path (see above). stamp says the change is a
// person's edit, to be stamped; whole, that it needs the onboarding with
// its 1:1 log.
func (s *Store) commit(id string, change func(*onboarding.Onboarding) error, stamp, whole bool) (*onboarding.Onboarding, error) {
	if err := s.checkFormat(); err != nil {
		return s.objs[id], err
	}
	o, rec, h, err := s.current(id, whole)
	if err != nil {
		return nil, err
	}
	changeErr := s.apply(o, change, stamp)
	if err := s.write(o, rec, h); err != nil {
		var refused *SaveError
		if errors.As(err, &refused) {
			s.pending[id] = append(s.pending[id], s.redo(change, stamp))
			return o, err
		}
		// Not the browser's refusal: a mistake of the page's (a log
		// changed that it did not read). Forget the copy in hand, so the
		// next change starts from what is stored.
		delete(s.objs, id)
		delete(s.open, id)
		return nil, err
	}
	full := rec.full
	s.done(o, rec)
	if full {
		s.compact(id, rec)
	}
	return o, changeErr
}

// apply makes one change to o.
func (s *Store) apply(o *onboarding.Onboarding, change func(*onboarding.Onboarding) error, stamp bool) error {
	var err error
	if stamp {
		onboarding.ApplyWith(o, s.clock.Now, func(o *onboarding.Onboarding) { err = change(o) })
	} else {
		err = change(o)
	}
	s.see(o)
	return err
}

// redo wraps a change for the pending list.
func (s *Store) redo(change func(*onboarding.Onboarding) error, stamp bool) func(*onboarding.Onboarding) error {
	if !stamp {
		return change
	}
	return func(o *onboarding.Onboarding) error {
		var err error
		onboarding.ApplyWith(o, s.clock.Now, func(o *onboarding.Onboarding) { err = change(o) })
		return err
	}
}

// replay makes this tab's unsaved changes again on a copy just read.
func (s *Store) replay(o *onboarding.Onboarding) {
	for _, change := range s.pending[o.ID] {
		change(o)
	}
	s.see(o)
}

// done records a successful write of o.
func (s *Store) done(o *onboarding.Onboarding, rec *record) {
	delete(s.pending, o.ID)
	s.open[o.ID], s.objs[o.ID] = rec, o
	s.tell(o.ID)
}

// current returns the onboarding id as storage holds it now, with this
// tab's unsaved changes, and what the next write needs: the copy this tab
// holds when no other tab wrote since, else a fresh read of it (with the
// log when the copy in hand has it, or whole asks for it).
func (s *Store) current(id string, whole bool) (*onboarding.Onboarding, *record, head, error) {
	raw, ok, err := s.backend.Get(KeyOf(id))
	if err != nil {
		return nil, nil, head{}, &SaveError{Err: err}
	}
	if !ok {
		delete(s.objs, id)
		delete(s.open, id)
		return nil, nil, head{}, ErrNotFound
	}
	h, err := readHead(raw, s.schema)
	if err != nil {
		if !errors.Is(err, ErrNewer) {
			// Never overwrite what cannot be read: move it aside.
			err = s.keepAside(id, err.Error())
		}
		return nil, nil, head{}, err
	}
	o, rec := s.objs[id], s.open[id]
	if o != nil && rec != nil && h.Rev == rec.rev && h.legacy() == rec.legacy && !(whole && o.Partial) {
		return o, rec, h, nil
	}
	withLog := whole || o == nil || !o.Partial
	if o, err = s.load(id, withLog); err != nil {
		return nil, nil, head{}, err
	}
	// load may have rewritten an older layout: read the head again.
	if raw, ok, err = s.backend.Get(KeyOf(id)); err != nil || !ok {
		return nil, nil, head{}, &SaveError{Err: err}
	}
	if h, err = readHead(raw, s.schema); err != nil {
		return nil, nil, head{}, err
	}
	return o, s.open[id], h, nil
}

// Refresh reads the onboarding id again if another tab wrote it since this
// tab last did, with this tab's unsaved changes made again on top, and
// reports whether it did. A page calls it when the browser says another
// tab wrote.
func (s *Store) Refresh(id string) (*onboarding.Onboarding, bool, error) {
	o, rec := s.objs[id], s.open[id]
	raw, ok, err := s.backend.Get(KeyOf(id))
	if err != nil {
		return o, false, readError(err)
	}
	if !ok {
		delete(s.objs, id)
		delete(s.open, id)
		return nil, true, ErrNotFound
	}
	if h, err := readHead(raw, s.schema); err == nil && o != nil && rec != nil && h.Rev == rec.rev && h.legacy() == rec.legacy {
		return o, false, nil
	}
	o, err = s.load(id, o == nil || !o.Partial)
	return o, true, err
}

// Unsaved reports whether this tab holds changes to id the browser refused
// to store.
func (s *Store) Unsaved(id string) bool { return len(s.pending[id]) > 0 }

// Create stores a new onboarding. One already stored with its ID is
// merged with it, as Restore does.
func (s *Store) Create(o *onboarding.Onboarding) error {
	return s.Restore(o)
}

// Put stores o as it is, replacing any stored copy whole: the example put
// back to how it started. A stored copy is replaced through Replace, so
// other tabs hear of it as of any change.
func (s *Store) Put(o *onboarding.Onboarding) error {
	_, err := s.Replace(o.ID, func(*onboarding.Onboarding) (*onboarding.Onboarding, error) { return o, nil })
	if errors.Is(err, ErrNotFound) {
		return s.Create(o)
	}
	return err
}

// Saved reports what happened when saving.
type Saved struct {
	// Merged is true when another tab had saved this onboarding meanwhile
	// and both sets of changes were combined.
	Merged bool
	// Conflicts counts what both tabs changed to different values since
	// this tab last read or wrote; this tab's value was kept.
	Conflicts int
}

// Save writes what changed in an onboarding since this tab last read or
// wrote it, in one write. If another tab saved it meanwhile, the two
// versions are merged and o is updated to the result. It is for callers
// that hold an onboarding rather than a change (tests, tools); the pages
// change onboardings through Change and Replace.
func (s *Store) Save(o *onboarding.Onboarding) (Saved, error) {
	var result Saved
	if err := s.checkFormat(); err != nil {
		return result, err
	}
	key := KeyOf(o.ID)
	raw, exists, err := s.backend.Get(key)
	if err != nil {
		return result, &SaveError{Err: err}
	}
	rec := s.open[o.ID]
	if s.objs[o.ID] != o {
		// Another copy than the one this tab last wrote: what this tab
		// read last is still the base, but the copy in hand goes.
		delete(s.objs, o.ID)
	}
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
	s.see(o)
	s.done(o, rec)
	if full {
		s.compact(o.ID, rec)
	}
	return result, nil
}

// Delete removes an onboarding: its head first, which makes it gone at
// once, then its parts. Keep the value to undo with Restore.
func (s *Store) Delete(id string) error {
	if err := s.checkFormat(); err != nil {
		return err
	}
	delete(s.open, id)
	delete(s.objs, id)
	delete(s.pending, id)
	if err := s.backend.Remove(KeyOf(id)); err != nil {
		return err
	}
	s.tell(id)
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

// Restore puts back an onboarding removed by Delete. If one with its ID is
// stored by then (another tab, or a link, brought it back), the two are
// combined as two copies from two devices are, so that nothing either
// holds is lost.
func (s *Store) Restore(o *onboarding.Onboarding) error {
	if err := s.checkFormat(); err != nil {
		return err
	}
	if _, exists, _ := s.backend.Get(KeyOf(o.ID)); exists {
		_, err := s.Replace(o.ID, func(cur *onboarding.Onboarding) (*onboarding.Onboarding, error) {
			m, _, err := onboarding.Combine(cur, o)
			return m, err
		})
		return err
	}
	delete(s.open, o.ID)
	delete(s.objs, o.ID)
	c := onboarding.Copy(o)
	c.Partial = false
	_, err := s.Save(c)
	return err
}

// upgrade rewrites an onboarding read in an older layout in this one, and
// then removes the older layout's parts. If the browser refuses, the old
// record stays as it is and the next save tries again.
func (s *Store) upgrade(o *onboarding.Onboarding, rec *record, raw string) {
	h, err := readHead(raw, s.schema)
	if err != nil || s.write(o, rec, h) != nil {
		return
	}
	s.compact(o.ID, rec)
	for _, k := range rec.oldParts {
		// A schema that shares this one's layout has its parts under the
		// keys just written: only those this layout no longer uses go.
		if name, ok := strings.CutPrefix(k, partKey(o.ID, "")); ok {
			if _, kept := rec.stored[name]; kept {
				continue
			}
		}
		s.backend.Remove(k)
	}
	rec.oldParts = nil
}

// dropOrphan removes a part whose head is gone: left by a removal that
// stopped half way (the head goes first). Nothing reads it.
func (s *Store) dropOrphan(key string) { s.backend.Remove(key) }

// checkFormat refuses to write once a newer version of the app has
// written to this browser's storage, and otherwise marks the storage as
// written by this one.
func (s *Store) checkFormat() error {
	if s.outdated {
		return ErrOutdated
	}
	raw, ok, err := s.backend.Get(formatKey)
	if err != nil {
		return nil // the head's own schema still guards the record
	}
	if stored, _ := strconv.Atoi(strings.TrimSpace(raw)); ok && stored > s.schema {
		s.outdated = true
		return ErrOutdated
	}
	return nil
}

// mark stores, with this tab's first write, the format marker (the newest
// schema written here) and this browser's device number.
func (s *Store) mark() {
	if s.marked {
		return
	}
	s.marked = true
	if raw, ok, err := s.backend.Get(formatKey); err == nil {
		if stored, _ := strconv.Atoi(strings.TrimSpace(raw)); !ok || stored < s.schema {
			s.backend.Set(formatKey, strconv.Itoa(s.schema))
		}
	}
	if raw, ok, _ := s.backend.Get(clockKey); !ok || raw == "" {
		if b, err := json.Marshal(clockRecord{Device: s.clock.Device}); err == nil {
			s.backend.Set(clockKey, string(b))
		}
	}
}

// Discard removes a record kept aside, once the person has decided.
func (s *Store) Discard(asideKey string) error {
	if !strings.HasPrefix(asideKey, asidePrefix) {
		return errors.New(asideKey + " is not a record kept aside")
	}
	return s.backend.Remove(asideKey)
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
	if err := s.backend.Set(KeyOf(o.ID), encodeHead(s.schema, rev, s.wall(), pending)); err != nil {
		return &SaveError{Err: err, What: describe(changes)}
	}
	s.mark()
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
