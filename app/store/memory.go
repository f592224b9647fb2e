package store

import (
	"sort"
	"sync"
)

// Memory is a Backend in a map, for tests and for browsers that refuse
// localStorage. Tests make it fail as a browser would: every write (Fail),
// from the n-th write on (FailFrom, a crash or a disk that fills up in the
// middle of a save), or once it holds Quota bytes.
type Memory struct {
	mu   sync.Mutex
	data map[string]string
	// Fail, when set, is returned by every Set and Remove.
	Fail error
	// Quota, when above zero, is the most bytes the keys and values may
	// hold together; a Set beyond it fails with ErrFull, as a full
	// localStorage does.
	Quota int

	writes   int   // writes attempted so far
	failFrom int   // the write number from which writes fail; 0 for none
	failOnce bool  // only that write fails
	failErr  error // what it fails with
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{data: map[string]string{}} }

// Get returns the value of a key.
func (m *Memory) Get(key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.data[key]
	return v, ok, nil
}

// Set stores a value, unless writes fail or the quota is reached.
func (m *Memory) Set(key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.write(); err != nil {
		return err
	}
	if m.Quota > 0 {
		size := m.size() - m.sizeOf(key) + len(key) + len(value)
		if size > m.Quota {
			return ErrFull
		}
	}
	m.data[key] = value
	return nil
}

// Remove deletes a key, unless writes fail.
func (m *Memory) Remove(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.write(); err != nil {
		return err
	}
	delete(m.data, key)
	return nil
}

// write counts a write and says whether it fails.
func (m *Memory) write() error {
	m.writes++
	if m.Fail != nil {
		return m.Fail
	}
	if m.failFrom > 0 && (m.writes == m.failFrom || m.writes > m.failFrom && !m.failOnce) {
		return m.failErr
	}
	return nil
}

// FailFrom makes the n-th write from now (1 for the next one) and every
// write after it fail with err, as a crash would; FailFrom(0, nil) stops
// it.
func (m *Memory) FailFrom(n int, err error) { m.failAt(n, err, false) }

// FailOnce makes only the n-th write from now fail with err, as a full
// disk does for one large value while smaller ones still fit.
func (m *Memory) FailOnce(n int, err error) { m.failAt(n, err, true) }

func (m *Memory) failAt(n int, err error, once bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.failFrom, m.failErr, m.failOnce = 0, err, once
	if n > 0 {
		m.failFrom = m.writes + n
	}
}

// Writes counts the writes attempted so far, failed ones included.
func (m *Memory) Writes() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.writes
}

// Size is how many bytes the keys and values hold together.
func (m *Memory) Size() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.size()
}

func (m *Memory) size() int {
	n := 0
	for k, v := range m.data {
		n += len(k) + len(v)
	}
	return n
}

func (m *Memory) sizeOf(key string) int {
	if v, ok := m.data[key]; ok {
		return len(key) + len(v)
	}
	return 0
}

// Snapshot returns a copy of everything held, to compare or restore.
func (m *Memory) Snapshot() map[string]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]string, len(m.data))
	for k, v := range m.data {
		out[k] = v
	}
	return out
}

// Keys lists every key, sorted.
func (m *Memory) Keys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.data))
	for k := range m.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
