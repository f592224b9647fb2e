package store

import (
	"errors"
	"sort"
	"sync"
)

// Memory is a Backend in a map, for tests and for browsers that refuse
// localStorage. Its Fail field makes writes fail, to test a full disk.
type Memory struct {
	mu   sync.Mutex
	data map[string]string
	// Fail, when set, is returned by every Set.
	Fail error
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{data: map[string]string{}} }

// ErrFull is what a full Memory returns.
var ErrFull = errors.New("QuotaExceededError: the quota has been exceeded")

// Get returns the value of a key.
func (m *Memory) Get(key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.data[key]
	return v, ok, nil
}

// Set stores a value, unless Fail is set.
func (m *Memory) Set(key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Fail != nil {
		return m.Fail
	}
	m.data[key] = value
	return nil
}

// Remove deletes a key.
func (m *Memory) Remove(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.data, key)
	return nil
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
