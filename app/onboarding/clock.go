package onboarding

import (
	"strconv"
	"time"
)

// Stamps. Every change is stamped with a time.Time that says two things:
// the milliseconds are a hybrid logical clock (wall time, but never behind
// the newest stamp the device has seen, plus a millisecond per change when
// it is), and the nanoseconds past the millisecond name the device that
// made the change. Ordered as times, stamps are ordered first by the clock
// and then by device, so two copies that meet always agree which of two
// edits is the later one, and a device whose clock jumps back or forward
// never hides or reorders its own later edits: its next stamp is after
// everything it has seen.
//
// Stamps written before devices were counted have no device (0): Legacy.

// Device is the number a browser draws for itself the first time it
// stamps a change (1 to MaxDevice), shared by all its tabs.
type Device uint32

// MaxDevice is the largest device number: six decimal digits, the
// nanoseconds a stamp has past its millisecond. Two browsers of the same
// pair draw the same number about once in half a million pairs of
// devices; they then count as one device, and a link of changes may miss
// an edit of one of them until a complete link.
const MaxDevice Device = 999_999

// Legacy is the device of stamps written before devices were counted.
const Legacy Device = 0

// DeviceOf returns the device that made a stamp.
func DeviceOf(stamp time.Time) Device { return Device(stamp.Nanosecond() % 1_000_000) }

// StampOn returns the stamp of device d at time t (to the millisecond).
func StampOn(t time.Time, d Device) time.Time {
	return t.UTC().Truncate(time.Millisecond).Add(time.Duration(d))
}

// String writes a device number, as it appears in JSON keys.
func (d Device) String() string { return strconv.FormatUint(uint64(d), 10) }

// Stamp returns the stamp to record for a change made at now (a stamp of
// the device making it) to something last stamped at old: now, or, when
// now is not after old, the millisecond after old, still of now's device.
// An edit then always wins over the version it replaced.
func Stamp(old, now time.Time) time.Time {
	d := DeviceOf(now)
	t := StampOn(now, d)
	if !t.After(old) {
		t = StampOn(old.Add(time.Millisecond), d)
	}
	return t
}

// Clock is a device's hybrid logical clock. Wall reads the device's own
// clock; See tells the clock of every stamp the device reads, so that
// Now is after all of them.
type Clock struct {
	Device Device
	Wall   func() time.Time
	last   time.Time
}

// Now returns a new stamp of this device: the wall time to the
// millisecond, or the millisecond after the newest stamp seen when the
// wall clock is behind it.
func (c *Clock) Now() time.Time {
	t := StampOn(c.Wall(), c.Device)
	if !t.After(c.last) {
		t = StampOn(c.last.Add(time.Millisecond), c.Device)
	}
	c.last = t
	return t
}

// See records a stamp the device has read.
func (c *Clock) See(t time.Time) {
	if t.After(c.last) {
		c.last = t
	}
}

// Vector says, by device, the newest stamp of that device a copy holds:
// the copy holds every change that device stamped up to it (a version
// vector). A device missing from it counts as nothing held.
type Vector map[Device]time.Time

// Covers reports whether v holds the change stamped t.
func (v Vector) Covers(t time.Time) bool {
	return !t.After(v[DeviceOf(t)])
}

// Add raises v to hold t, and reports whether it moved.
func (v Vector) Add(t time.Time) bool {
	d := DeviceOf(t)
	if t.After(v[d]) {
		v[d] = t
		return true
	}
	return false
}

// Merge raises v to hold everything w holds.
func (v Vector) Merge(w Vector) {
	for d, t := range w {
		if t.After(v[d]) {
			v[d] = t
		}
	}
}

// Missing returns the first device (lowest number) of which v holds less
// than w, with what w holds of it; ok is false when v holds everything w
// does.
func (v Vector) Missing(w Vector) (d Device, since time.Time, ok bool) {
	first := true
	for dev, t := range w {
		if t.After(v[dev]) && (first || dev < d) {
			d, since, ok, first = dev, v[dev], true, false
		}
	}
	return d, since, ok
}

// Newest returns the latest stamp in v.
func (v Vector) Newest() time.Time {
	var newest time.Time
	for _, t := range v {
		if t.After(newest) {
			newest = t
		}
	}
	return newest
}

// Clone returns a copy of v.
func (v Vector) Clone() Vector {
	out := make(Vector, len(v))
	for d, t := range v {
		out[d] = t
	}
	return out
}

// minVector returns, by device, the least of what each vector holds: what
// all of them hold. A device missing from one counts as nothing.
func minVector(vs []Vector) Vector {
	if len(vs) == 0 {
		return nil
	}
	out := vs[0].Clone()
	for _, v := range vs[1:] {
		for d, t := range out {
			if w, ok := v[d]; !ok {
				delete(out, d)
			} else if w.Before(t) {
				out[d] = w
			}
		}
	}
	return out
}
