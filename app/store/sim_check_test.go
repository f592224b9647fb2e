package store_test

import (
	"strings"

	"counterpart/app/onboarding"
)

// check checks the invariants on a device after a step that touched it,
// as its storage holds the onboarding:
//
//   - No acknowledged edit is lost: every unit a Change of a tab here
//     reported as saved is still stored, or superseded by a later
//     version, or removed by a removal at least as late (of the entry or
//     of an entry it is inside).
//   - Nothing removed comes back: an entry this storage ever held a
//     removal of is never stored again with nothing in it later than
//     that removal (a private entry is never removed by a merge).
//   - What the device says it holds (Sync.Have) is true: every saved
//     change of any device that it claims to hold, it holds.
//   - Pending is honest: whatever this device holds that a device of the
//     other person it has heard from lacks, the next link of changes
//     carries (and makeLink checks that Pending counts what a link
//     carries).
func (w *world) check(d *device) {
	c := w.read(d)
	for _, f := range w.facts {
		if f.dev != d {
			continue
		}
		if c == nil {
			w.fail("%s holds no onboarding, though step %d saved %s there", d.name, f.step, f.key)
		}
		if !c.holds(f.key, f.unit) {
			w.fail("an acknowledged edit was lost on %s: %s, saved at step %d as %s, is now %s", d.name, f.key, f.step,
				describeUnit(f.unit), describeUnit(c.units[f.key]))
		}
	}
	if c == nil {
		return
	}
	for id, t := range c.o.Deleted {
		if t.After(d.removed[id]) {
			d.removed[id] = t
		}
	}
	for key, u := range c.units {
		id, ok := strings.CutPrefix(key, "e/")
		if !ok {
			continue
		}
		if t, gone := d.removed[id]; gone && !u.last.After(t) && !u.private {
			w.fail("a removed entry came back on %s: %s, removed at %s, is stored at %s (last changed inside at %s)", d.name, key,
				stampString(t), describeUnit(u), stampString(u.last))
		}
	}
	for _, f := range w.facts {
		if f.unit.private || !c.o.Sync.Have.Covers(f.unit.stamp) || c.holds(f.key, f.unit) {
			continue
		}
		w.fail("%s says it holds %s's change of step %d (%s: %s), but it holds %s", d.name, f.dev.name, f.step, f.key,
			describeUnit(f.unit), describeUnit(c.units[f.key]))
	}
	w.checkPending(d, c)
	if w.trace != nil {
		w.trace(w)
	}
}

// checkPending checks that the next link of changes from d carries what
// the other person's devices lack.
func (w *world) checkPending(d *device, c *copyOf) {
	if len(c.o.Sync.Peers) == 0 {
		return // the next link is complete
	}
	delta, shells, _ := onboarding.ChangesSince(c.o, onboarding.BaseFor(c.o))
	carried := unitsOf(delta)
	for _, id := range shells {
		delete(carried, "e/"+id)
	}
	// An answer travels in its row, and the receiver takes it from there
	// by whose side is newer: the row carried with the answer carries it.
	for _, row := range delta.Roles.Rows {
		if _, ok := carried["e/"+row.ID]; !ok {
			continue
		}
		for _, p := range w.people {
			if side := c.o.Roles.Sides[p]; side != nil {
				carried["a/"+row.ID+"/"+p] = &unit{stamp: side.Updated, val: string(row.Owners[p])}
			}
		}
	}
	var mine map[string]*unit
	for num, peer := range c.o.Sync.Peers {
		if peer.Person != w.people[1-d.person] {
			w.fail("%s counts device %d of %s as the other person's", d.name, num, peer.Person)
		}
		p := w.device(num)
		if p == nil {
			w.fail("%s knows a device %d that does not exist", d.name, num)
		}
		pc := w.read(p)
		if mine == nil {
			// What the device shares: its units but the private ones.
			mine = map[string]*unit{}
			for k, u := range c.units {
				if !u.private {
					mine[k] = u
				}
			}
		}
		for _, key := range sortedKeys(mine) {
			u := mine[key]
			if u.stamp.IsZero() || pc.holds(key, u) || p.undone[key+"@"+stampString(u.stamp)] {
				continue
			}
			if g, ok := carried[key]; ok && g.stamp.Equal(u.stamp) && g.value() == u.value() {
				continue
			}
			w.fail("%s's next link of changes leaves out %s (%s), which %s lacks (it holds %s); %s has %v confirmed",
				d.name, key, describeUnit(u), p.name, describeUnit(pc.unitOr(key)), p.name, peer.Has)
		}
	}
}

// device returns the device of a number, or nil.
func (w *world) device(num onboarding.Device) *device {
	for _, d := range w.devs {
		if d.num == num {
			return d
		}
	}
	return nil
}

// unitOr returns the unit of a key, or nil, of a copy that may be nil.
func (c *copyOf) unitOr(key string) *unit {
	if c == nil {
		return nil
	}
	return c.units[key]
}
