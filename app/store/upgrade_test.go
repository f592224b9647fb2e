package store

import (
	"testing"
)

// Found by the simulation (sim_test.go): the next release, one schema
// ahead, read an onboarding of this one, wrote it in its schema, and then
// removed "the older layout's parts", which are the keys it had just
// written, since the two schemas share the layout. Read again, the
// onboarding had lost every part.
func TestUpgradeToTheNextSchemaKeepsEveryPart(t *testing.T) {
	mem := NewMemory()
	o := withYears(1)
	if _, err := New(mem, clock()).Save(o); err != nil {
		t.Fatal(err)
	}
	next := NextRelease(mem, clock())
	if _, err := next.Load(o.ID); err != nil {
		t.Fatal(err)
	}
	again, err := NextRelease(mem, clock()).Load(o.ID)
	if err != nil {
		t.Fatalf("read again after the upgrade: %v", err)
	}
	if jsonOf(t, again) != jsonOf(t, o) {
		t.Errorf("the upgrade changed the onboarding:\n got %.300s\nwant %.300s", jsonOf(t, again), jsonOf(t, o))
	}
}
