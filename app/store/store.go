// Package store keeps onboardings in the browser's storage, through a small
// Backend interface so the same code runs against a map in tests. It owns
// what is written and how: versioned keys, a schema version in every
// record, migrations, damaged records kept aside, and merging when two tabs
// save the same onboarding.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

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

// The keys. The v1 names the key layout; the schema inside each record
// names the shape of the data, which migrations can change without moving
// keys.
const (
	keyPrefix        = "counterpart.v1."
	onboardingPrefix = keyPrefix + "onboarding."
	asidePrefix      = keyPrefix + "aside."
)

// SchemaVersion is the shape of the onboardings this build writes.
const SchemaVersion = 1

// migration upgrades a decoded record by one schema version.
type migration func(doc map[string]any) error

// migrations[i] upgrades schema i+1 to i+2. The next schema change adds
// its function here and bumps SchemaVersion; store_test.go shows the path.
var migrations = []migration{}

// record is what is stored under an onboarding's key.
type record struct {
	Schema     int             `json:"schema"`
	Rev        int64           `json:"rev"` // counts saves, to notice other tabs
	Saved      time.Time       `json:"saved"`
	Onboarding json.RawMessage `json:"onboarding"`
}

// encodeRecord writes a record with its header first, so that readHeader
// can check the revision without decoding the whole onboarding. Saving
// happens on every keystroke; this keeps it to one JSON encoding.
func encodeRecord(schema int, rev int64, saved time.Time, onboarding []byte) []byte {
	b := make([]byte, 0, len(onboarding)+96)
	b = fmt.Appendf(b, `{"schema":%d,"rev":%d,"saved":%q,"onboarding":`, schema, rev, saved.UTC().Format(time.RFC3339Nano))
	b = append(b, onboarding...)
	return append(b, '}')
}

// readHeader reads the schema and revision at the start of a record that
// encodeRecord wrote. It reports false for anything else, which then gets
// a full decode.
func readHeader(raw string) (schema int, rev int64, ok bool) {
	rest, found := strings.CutPrefix(raw, `{"schema":`)
	if !found {
		return 0, 0, false
	}
	s, rest, found := strings.Cut(rest, `,"rev":`)
	if !found || len(s) > 6 {
		return 0, 0, false
	}
	r, _, found := strings.Cut(rest, ",")
	if !found || len(r) > 19 {
		return 0, 0, false
	}
	schema, err1 := strconv.Atoi(s)
	rev, err2 := strconv.ParseInt(r, 10, 64)
	return schema, rev, err1 == nil && err2 == nil
}

// Errors a caller may want to tell apart.
var (
	ErrNotFound = errors.New("there is no onboarding with this ID on this device")
	// ErrNewer means a newer version of the app wrote the record.
	ErrNewer = errors.New("this onboarding was saved by a newer version of Counterpart; reload the page to get it")
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

// SaveError says the browser refused to save.
type SaveError struct{ Err error }

// Error says what failed and that earlier work is safe, for the person to read.
func (e *SaveError) Error() string {
	return "Your last change could not be saved: the browser refused to store it (" + e.Err.Error() + "). " +
		"Its storage for this site may be full. Your earlier work is safe; copy anything you just typed before leaving."
}

// Unwrap returns the browser's own error.
func (e *SaveError) Unwrap() error { return e.Err }

// Store loads and saves onboardings. One Store serves one tab.
type Store struct {
	backend    Backend
	now        func() time.Time
	schema     int
	migrations []migration
	// seen is, per onboarding, the revision and content this tab last read
	// or wrote: the common base when another tab saved in between.
	seen map[string]seenRecord
}

type seenRecord struct {
	rev  int64
	data []byte // the onboarding's JSON
}

// New returns a store over a backend.
func New(b Backend, now func() time.Time) *Store {
	return &Store{backend: b, now: now, schema: SchemaVersion, migrations: migrations, seen: map[string]seenRecord{}}
}

// KeyOf is the storage key of an onboarding.
func KeyOf(id string) string { return onboardingPrefix + id }

// IDOfKey returns the onboarding ID a storage key holds, if it holds one.
func IDOfKey(key string) (string, bool) {
	id, ok := strings.CutPrefix(key, onboardingPrefix)
	return id, ok && id != ""
}

// List returns every onboarding on this device, most recently changed
// first, with an error for each record that could not be read. Damaged
// records are moved aside so that the rest keep working.
func (s *Store) List() ([]*onboarding.Onboarding, []error) {
	keys, err := s.backend.Keys()
	if err != nil {
		return nil, []error{fmt.Errorf("the browser's storage could not be read: %w", err)}
	}
	var out []*onboarding.Onboarding
	var errs []error
	for _, key := range keys {
		id, ok := IDOfKey(key)
		if !ok {
			continue
		}
		o, err := s.Load(id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	return out, errs
}

// Load reads one onboarding.
func (s *Store) Load(id string) (*onboarding.Onboarding, error) {
	key := KeyOf(id)
	raw, ok, err := s.backend.Get(key)
	if err != nil {
		return nil, fmt.Errorf("the browser's storage could not be read: %w", err)
	}
	if !ok {
		return nil, ErrNotFound
	}
	o, rev, err := s.decode(raw)
	if errors.Is(err, ErrNewer) {
		return nil, err
	}
	if err == nil && o.ID != id {
		err = fmt.Errorf("it holds onboarding %q, not %q", o.ID, id)
	}
	if err != nil {
		return nil, s.keepAside(key, raw, err.Error())
	}
	data, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	s.seen[id] = seenRecord{rev: rev, data: data}
	return o, nil
}

// decode reads a record, upgrading it to the current schema.
func (s *Store) decode(raw string) (*onboarding.Onboarding, int64, error) {
	var rec record
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return nil, 0, fmt.Errorf("it is not valid JSON: %v", err)
	}
	switch {
	case rec.Schema > s.schema:
		return nil, 0, ErrNewer
	case rec.Schema < 1:
		return nil, 0, errors.New("it has no schema version")
	case len(rec.Onboarding) == 0:
		return nil, 0, errors.New("it holds no onboarding")
	}
	data := []byte(rec.Onboarding)
	if rec.Schema < s.schema {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, 0, fmt.Errorf("it is not an onboarding: %v", err)
		}
		for v := rec.Schema; v < s.schema; v++ {
			if v-1 >= len(s.migrations) {
				return nil, 0, fmt.Errorf("no way to upgrade schema %d", v)
			}
			if err := s.migrations[v-1](doc); err != nil {
				return nil, 0, fmt.Errorf("upgrading it from schema %d failed: %v", v, err)
			}
		}
		var err error
		if data, err = json.Marshal(doc); err != nil {
			return nil, 0, err
		}
	}
	var o onboarding.Onboarding
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, 0, fmt.Errorf("it is not an onboarding: %v", err)
	}
	if !onboarding.IsID(o.ID) {
		return nil, 0, errors.New("it has no valid ID")
	}
	o.Normalize()
	return &o, rec.Rev, nil
}

// keepAside moves a damaged record to a key of its own, untouched, so it
// no longer gets in the way and can still be recovered.
func (s *Store) keepAside(key, raw, reason string) error {
	aside := asidePrefix + strings.TrimPrefix(key, keyPrefix) + "." + s.now().UTC().Format("20060102T150405.000Z")
	e := &DamagedError{Key: key, Reason: reason}
	if err := s.backend.Set(aside, raw); err != nil {
		return e // left where it is: better in the way than lost
	}
	if err := s.backend.Remove(key); err != nil {
		s.backend.Remove(aside)
		return e
	}
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

// Save writes an onboarding. If another tab saved it since this tab last
// read it, the two versions are merged and o is updated to the result.
func (s *Store) Save(o *onboarding.Onboarding) (Saved, error) {
	var result Saved
	key := KeyOf(o.ID)
	raw, exists, err := s.backend.Get(key)
	if err != nil {
		return result, &SaveError{Err: err}
	}
	var rev int64
	seen, seenBefore := s.seen[o.ID]
	if exists {
		// Most saves find this tab's own last write: the header says so.
		if schema, headRev, ok := readHeader(raw); ok && seenBefore && schema == s.schema && headRev == seen.rev {
			rev = headRev
		} else if merged, err := s.mergeWithStored(key, raw, o, seen, seenBefore); err != nil {
			return result, err
		} else {
			rev, result = merged.rev, merged.saved
		}
	}
	data, err := json.Marshal(o)
	if err != nil {
		return result, err
	}
	if err := s.backend.Set(key, string(encodeRecord(s.schema, rev+1, s.now(), data))); err != nil {
		return result, &SaveError{Err: err}
	}
	s.seen[o.ID] = seenRecord{rev: rev + 1, data: data}
	return result, nil
}

type mergeOutcome struct {
	rev   int64
	saved Saved
}

// mergeWithStored handles a save that finds another tab's write, or data
// it cannot read, under the key.
func (s *Store) mergeWithStored(key, raw string, o *onboarding.Onboarding, seen seenRecord, seenBefore bool) (mergeOutcome, error) {
	theirs, theirRev, err := s.decode(raw)
	if err == nil && theirs.ID != o.ID {
		// Merging would make this onboarding take the other one's ID,
		// and the next load would find it under the wrong key.
		err = fmt.Errorf("it holds onboarding %q, not %q", theirs.ID, o.ID)
	}
	switch {
	case errors.Is(err, ErrNewer):
		return mergeOutcome{}, err
	case err != nil:
		// Never overwrite what cannot be read: move it aside first.
		if err := s.keepAside(key, raw, err.Error()); err.(*DamagedError).AsideKey == "" {
			return mergeOutcome{}, &SaveError{Err: errors.New("damaged data is in the way and could not be moved")}
		}
		return mergeOutcome{}, nil
	}
	var base *onboarding.Onboarding
	if seenBefore {
		base = &onboarding.Onboarding{}
		if err := json.Unmarshal(seen.data, base); err != nil {
			return mergeOutcome{}, err
		}
	}
	merged, conflicts, err := onboarding.Merge(base, o, theirs)
	if err != nil {
		return mergeOutcome{}, err
	}
	*o = *merged
	return mergeOutcome{rev: theirRev, saved: Saved{Merged: true, Conflicts: conflicts}}, nil
}

// Delete removes an onboarding. Keep the value to undo with Restore.
func (s *Store) Delete(id string) error {
	delete(s.seen, id)
	return s.backend.Remove(KeyOf(id))
}

// Restore puts back an onboarding removed by Delete, exactly as it was.
func (s *Store) Restore(o *onboarding.Onboarding) error {
	if _, exists, _ := s.backend.Get(KeyOf(o.ID)); exists {
		return fmt.Errorf("an onboarding with this ID is already here")
	}
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
