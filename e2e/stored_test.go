//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// The browser tests read and plant what is stored through the store's own
// code, over a copy of the page's localStorage, so they do not depend on
// how the store lays out its keys.

// waitSaved waits until what the app stored holds every one of texts,
// each as the whole or a part of a text it stored: a test that typed
// them waits so for the save before it reloads, opens another tab or
// reads the storage.
func (b *browser) waitSaved(texts ...string) {
	b.t.Helper()
	var short []string
	for _, t := range texts {
		if r := []rune(t); len(r) > 60 {
			t = string(r[:60]) + "…"
		}
		short = append(short, t)
	}
	b.waitFor(fmt.Sprintf("the app to save %q", short), fmt.Sprintf(savedHolds, jsLiteral(texts)))
}

// savedHolds is a condition on the page's storage: every text of a list
// (%s) is found among the strings the app stored, in its JSON records and
// in any JSON kept inside a string of them.
const savedHolds = `((texts) => {
	const found = [];
	const walk = v => {
		if (typeof v === "string") {
			found.push(v);
			if (/^[\[{]/.test(v)) { try { walk(JSON.parse(v)); } catch (e) {} }
		} else if (v && typeof v === "object") {
			Object.values(v).forEach(walk);
		}
	};
	for (const k of Object.keys(localStorage)) {
		if (k.startsWith("counterpart.")) walk(localStorage.getItem(k));
	}
	return texts.every(t => found.some(s => s.includes(t)));
})(%s)`

// waitStored waits until the onboarding id, as stored, meets a condition
// that a text cannot say (an answer ticked, entries in an order). It reads
// the storage, and again after each change to it.
func (b *browser) waitStored(id, what string, ok func(*onboarding.Onboarding) bool) {
	b.t.Helper()
	for {
		changes := eval[int](b, `window.__e2eWrites`)
		if o, err := store.New(b.storage(), time.Now).Load(id); err == nil && ok(o) {
			return
		}
		b.waitFor(what, fmt.Sprintf(`window.__e2eWrites > %d`, changes))
	}
}

// storage copies the page's localStorage into a store.Memory.
func (b *browser) storage() *store.Memory {
	b.t.Helper()
	var all map[string]string
	if err := json.Unmarshal([]byte(eval[string](b, `JSON.stringify(Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])))`)), &all); err != nil {
		b.t.Fatal(err)
	}
	mem := store.NewMemory()
	for k, v := range all {
		mem.Set(k, v)
	}
	return mem
}

// appStorage is every key the app keeps, with its value.
func (b *browser) appStorage() map[string]string {
	b.t.Helper()
	out := map[string]string{}
	for k, v := range b.storage().Snapshot() {
		if strings.HasPrefix(k, "counterpart.") {
			out[k] = v
		}
	}
	return out
}

// stored reads an onboarding from the page's storage, as a new tab would.
func (b *browser) stored(id string) *onboarding.Onboarding {
	b.t.Helper()
	o, err := store.New(b.storage(), time.Now).Load(id)
	if err != nil {
		b.t.Fatalf("reading %s from the page's storage: %v", id, err)
	}
	return o
}

// storedOnboarding is the onboarding as stored, as JSON.
func (b *browser) storedOnboarding(id string) string {
	b.t.Helper()
	raw, err := json.Marshal(b.stored(id))
	if err != nil {
		b.t.Fatal(err)
	}
	return string(raw)
}

// plant writes onboardings into the page's storage as the app would have
// saved them, replacing what is there under their keys.
func (b *browser) plant(list ...*onboarding.Onboarding) {
	b.t.Helper()
	mem := b.storage()
	before := mem.Snapshot()
	s := store.New(mem, time.Now)
	for _, o := range list {
		s.Delete(o.ID)
		if _, err := s.Save(o); err != nil {
			b.t.Fatal(err)
		}
	}
	b.putStorage(before, mem.Snapshot())
}

// change reads an onboarding from the page's storage, changes it and
// writes it back, bypassing the app: as data planted by hand or by another
// version would be.
func (b *browser) change(id string, fn func(*onboarding.Onboarding)) {
	b.t.Helper()
	mem := b.storage()
	before := mem.Snapshot()
	s := store.New(mem, time.Now)
	o, err := s.Load(id)
	if err != nil {
		b.t.Fatal(err)
	}
	fn(o)
	if _, err := s.Save(o); err != nil {
		b.t.Fatal(err)
	}
	b.putStorage(before, mem.Snapshot())
}

// putStorage makes the page's localStorage go from before to after.
func (b *browser) putStorage(before, after map[string]string) {
	b.t.Helper()
	set, remove := map[string]string{}, []string{}
	for k, v := range after {
		if before[k] != v {
			set[k] = v
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			remove = append(remove, k)
		}
	}
	s, _ := json.Marshal(set)
	r, _ := json.Marshal(remove)
	eval[bool](b, fmt.Sprintf(`((set, remove) => {
		for (const k of remove) localStorage.removeItem(k);
		for (const [k, v] of Object.entries(set)) localStorage.setItem(k, v);
		return true;
	})(%s, %s)`, s, r))
}
