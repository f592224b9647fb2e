// Package store keeps onboardings in the browser's storage, through a small
// Backend interface so the same code runs against a map in tests. It owns
// what is written and how: the layout of keys (layout.go), a schema version
// in every head and a format marker for the whole storage, migrations,
// damaged records kept aside, and the one write path (write.go) that every
// change of every page goes through.
//
// The files, by what they hold:
//
//	store.go    the Store, its clock and device number, who hears of writes
//	errors.go   the errors a page tells apart
//	layout.go   the keys and the head record
//	read.go     reading: one onboarding, the list, older layouts
//	write.go    writing: Change, Replace, Create, Delete and the rest
//	write_parts.go  which parts changed, and merging another tab's save;
//	            these two are the only files that write an onboarding to
//	            the backend (a test checks it)
//	device.go   what the browser remembers for itself, in no link or
//	            backup: the device record, the stages each person opened
//	shape.go    comparing and copying parts fast (the one file with unsafe)
//	memory.go   the Backend in memory, for tests and refused storage
//
// A save writes what changed and nothing else, in one write (layout.go
// says how), so a keystroke costs the same in year three as on day one.
// Pages that never show the 1:1 log read an onboarding without it
// (LoadWithoutLog), so opening them costs the same too.
package store

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"reflect"
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

// SchemaVersion is the shape of the onboardings this build writes, and the
// format of the storage as a whole. Schema 1 is the layout before parts
// (one record per onboarding); schema 2 the same data in parts under the
// head's key; schema 3 keeps the parts under keys of their own
// (layout.go), which the releases of schemas 1 and 2 do not read, and
// stamps that name their device.
const SchemaVersion = 3

// migration upgrades a decoded onboarding, as JSON, by one schema version.
type migration func(doc map[string]any) error

// migrations[i] upgrades schema i+1 to i+2. Schemas 1 to 3 changed the
// layout, which the store reads either way, and not the data (schema 3's
// device-only sync record starts afresh, which makes the first link after
// the upgrade a complete one). The next change to the shape of the data
// adds its function here and bumps SchemaVersion; store_test.go shows the
// path.
var migrations = []migration{
	func(map[string]any) error { return nil },
	func(map[string]any) error { return nil },
}

// Store loads and saves onboardings. One Store serves one tab.
type Store struct {
	backend    Backend
	wall       func() time.Time
	schema     int
	migrations []migration
	clock      onboarding.Clock
	// open holds, per onboarding, what this tab last read or wrote, and
	// objs the onboarding this tab handed out for it.
	open map[string]*record
	objs map[string]*onboarding.Onboarding
	// pending holds, per onboarding, the changes the browser refused to
	// store: they stay on screen, are made again on whatever another tab
	// writes meanwhile, and are saved with the next save that fits.
	pending map[string][]func(*onboarding.Onboarding) error
	// heard are told of every onboarding written, by this tab or another.
	heard []func(id string)
	// outdated is set once a newer version's format is seen in storage.
	outdated bool
	// marked is set once this tab has stored its device number and the
	// format marker, with its first write.
	marked bool
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
	// oldParts lists the keys of an older layout's parts, removed once
	// the onboarding is written in this one.
	oldParts []string
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

// New returns a store over a backend; now reads the device's clock.
func New(b Backend, now func() time.Time) *Store {
	s := &Store{backend: b, wall: now, schema: SchemaVersion, migrations: migrations,
		open: map[string]*record{}, objs: map[string]*onboarding.Onboarding{},
		pending: map[string][]func(*onboarding.Onboarding) error{}}
	s.clock = onboarding.Clock{Device: s.deviceNumber(), Wall: now}
	return s
}

// Now returns a new stamp of this device's hybrid logical clock: the time
// of a change, after every stamp this tab has read. Every change a person
// makes is stamped with it (through Change).
func (s *Store) Now() time.Time { return s.clock.Now() }

// Device is this browser's device number, the same in every tab.
func (s *Store) Device() onboarding.Device { return s.clock.Device }

// see tells the clock of the stamps of an onboarding just changed here.
func (s *Store) see(o *onboarding.Onboarding) {
	s.clock.See(o.Updated)
	s.clock.See(o.Sync.Have.Newest())
}

// seeAll tells the clock of every stamp of an onboarding just read.
func (s *Store) seeAll(o *onboarding.Onboarding) {
	s.see(o)
	s.clock.See(onboarding.NewestStamp(o))
}

// clockKey holds this browser's device number, shared by its tabs.
const clockKey = keyPrefix + "clock"

type clockRecord struct {
	Device onboarding.Device `json:"device"`
}

// deviceNumber reads this browser's device number, or draws one, which
// the first write stores (see mark). Two tabs that draw at once may each
// keep their own: they then count as two devices, which costs a little
// more in the links and nothing else.
func (s *Store) deviceNumber() onboarding.Device {
	var r clockRecord
	if raw, ok, err := s.backend.Get(clockKey); err == nil && ok && json.Unmarshal([]byte(raw), &r) == nil &&
		r.Device > 0 && r.Device <= onboarding.MaxDevice {
		return r.Device
	}
	var b [4]byte
	rand.Read(b[:])
	return 1 + onboarding.Device(binary.BigEndian.Uint32(b[:])%uint32(onboarding.MaxDevice))
}

// Heard adds a function told of every onboarding written: by this tab,
// through the one write path, or by another tab (see Outside). The backup
// kept up to date and the reminder to back up listen here, so no page can
// save around them.
func (s *Store) Heard(fn func(id string)) { s.heard = append(s.heard, fn) }

func (s *Store) tell(id string) {
	for _, fn := range s.heard {
		fn(id)
	}
}

// Outside is told of a key another tab changed (the browser's storage
// event). For an onboarding's head it tells those listening (Heard) and
// returns the onboarding's ID; for the format marker of a newer version
// it marks this tab outdated, and reports it.
func (s *Store) Outside(key string) (id string, newer bool) {
	if key == formatKey {
		s.checkFormat()
		return "", s.outdated
	}
	if id, ok := IDOfKey(key); ok {
		s.tell(id)
		return id, false
	}
	return "", false
}

// Outdated reports whether a newer version of the app has written here
// since this tab started: this tab then writes nothing more.
func (s *Store) Outdated() bool { return s.outdated }
