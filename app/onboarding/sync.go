package onboarding

import (
	"errors"
	"reflect"
	"time"
)

// Sync is what one device knows of the exchange of links: what it holds,
// by device (a version vector, see clock.go), and what each device of the
// other person has confirmed holding. It never leaves the device
// (sync:"device" on Onboarding.Sync).
//
// A link of changes carries what every known device of the other person
// lacks, so each person may use any number of devices and browsers: a
// change made on one of them reaches the others through the other
// person's next link. Confirmations are each device's own vector, as its
// last link said, so a confirmation can never claim an edit the device did
// not have, whatever the clocks say and in whatever order links arrive.
type Sync struct {
	// Device is this browser's device number, as the store last stamped a
	// change here. A merge that writes something new (two texts joined)
	// stamps it with this device.
	Device Device `json:"device,omitempty"`
	// Have holds, by device, the newest change of that device this copy
	// holds, with every earlier one.
	Have Vector `json:"have,omitempty"`
	// Peers holds what each device of the other person confirmed holding
	// in the newest link of it merged here.
	Peers map[Device]Peer `json:"peers,omitempty"`
}

// Peer is one device of the other person, as this device knows it.
type Peer struct {
	// Person is the ID of the person who uses it.
	Person string `json:"person" limit:"-"`
	// Has is what it held when it made its newest link merged here.
	Has Vector `json:"has,omitempty"`
	// Made is when that link was made, by the stamp of that device.
	Made time.Time `json:"made"`
}

// Header is what a link says about itself besides the onboarding it
// carries.
type Header struct {
	// From is the person who sent it, By their device, and Made the stamp
	// of the moment it was made.
	From string
	By   Device
	Made time.Time
	// Has is what the sending device held: the confirmation the receiver
	// keeps of it.
	Has Vector
	// Base is nil for a complete link. Otherwise the link carries only
	// what the sender holds beyond Base: what every device of the
	// receiver had confirmed.
	Base Vector
	// Old marks a link of a version before devices were counted: it has
	// no vectors, and is merged as it is.
	Old bool
	// Since is, in an old link of changes, the time they start after.
	Since time.Time
	// Shells lists entries the link holds only for the newer entries
	// inside them (a meeting whose agenda changed): their own fields are
	// not sent and must not be taken.
	Shells []string
}

// Partial reports whether the link carries only changes.
func (h Header) Partial() bool { return h.Base != nil || !h.Since.IsZero() }

// StartLink returns the header of the link this device makes now (a stamp
// of this device, which names it): after the first exchange, only the
// changes the other person's devices lack, unless complete asks for
// everything. It changes nothing in o, so making a link saves nothing.
func StartLink(o *Onboarding, now time.Time, complete bool) Header {
	h := Header{From: o.Me, By: DeviceOf(now), Made: Stamp(o.Updated, now), Has: o.Sync.Have.Clone()}
	if h.Has == nil {
		h.Has = Vector{}
	}
	if !complete {
		h.Base = BaseFor(o)
	}
	return h
}

// BaseFor returns what every known device of the other person holds, as
// they confirmed it: nil when none has sent a link yet, and the next link
// must be complete.
func BaseFor(o *Onboarding) Vector {
	other := o.Other(o.Me).ID
	var vs []Vector
	for _, p := range o.Sync.Peers {
		if p.Person == other {
			vs = append(vs, p.Has)
		}
	}
	base := minVector(vs)
	if base == nil && len(vs) > 0 {
		base = Vector{}
	}
	return base
}

// ErrNeedsEarlier means a link of changes arrived on a device that does
// not hold what they build on. It names what is missing.
type ErrNeedsEarlier struct {
	From string // the sender's name
	// Whose names the person whose device made the missing changes ("" for
	// changes from before devices were counted), and Since when this
	// device's copy of them stops (zero: it has none).
	Whose string
	Since time.Time
	// New is true when this device has no copy of the onboarding at all.
	New bool
}

// Error says what happened in plain words.
func (e *ErrNeedsEarlier) Error() string {
	if e.New {
		return "This link carries only " + e.From + "'s latest changes, and this onboarding is not on this device yet. Ask " + e.From + " for a complete link."
	}
	what := "earlier changes"
	switch {
	case e.Whose != "" && !e.Since.IsZero():
		what = "changes made on one of " + e.Whose + "'s devices after " + e.Since.Format("2 January")
	case e.Whose != "":
		what = "earlier changes made on one of " + e.Whose + "'s devices"
	}
	return "This link carries " + e.From + "'s changes, which build on " + what + " that this device has not received. Open " + e.From + "'s earlier link on this device first, or ask " + e.From + " for a complete one."
}

// Take merges what a link carries into this device's copy (nil when there
// is none, with me the person using this device) and keeps what the link
// confirms. A link of changes needs this device to hold what they build on;
// without it Take returns an *ErrNeedsEarlier and changes nothing. A link
// that brings nothing this device lacks (one it made itself, or one merged
// before) changes nothing and says so.
func Take(local, incoming *Onboarding, h Header, me string) (*Onboarding, Changes, error) {
	name := "the other person"
	if p := incoming.PersonByID(h.From); p != nil && p.Name != "" {
		name = p.Name
	}
	if local == nil {
		if h.Partial() {
			return nil, Changes{}, &ErrNeedsEarlier{From: name, New: true}
		}
		m, ch := Receive(incoming, me)
		if !h.Old {
			m.Sync.Have = h.Has.Clone()
			m.Sync.Have.Add(newestLegacy(m))
		}
		recordPeer(m, h)
		return m, ch, nil
	}
	if !h.Old && local.Sync.Have != nil && !missing(local.Sync.Have, h.Has) && heldBy(incoming, local.Sync.Have) {
		// Everything it holds is here already: a link this device made,
		// or one merged before.
		m := Copy(local)
		recordPeer(m, h)
		return m, newChanges(), nil
	}
	if h.Base != nil {
		if d, since, ok := local.Sync.Have.Missing(h.Base); ok {
			e := &ErrNeedsEarlier{From: name, Since: since}
			if p := local.PersonByID(whoseDevice(local, d, h)); p != nil {
				e.Whose = p.Name
			}
			return nil, Changes{}, e
		}
	}
	shells := map[string]bool{}
	for _, id := range h.Shells {
		shells[id] = true
	}
	var known Vector
	if !h.Old {
		known = h.Has
	}
	m, ch, err := combine(local, incoming, shells, known)
	if errors.Is(err, errShell) {
		return nil, Changes{}, &ErrNeedsEarlier{From: name, Since: h.Since}
	}
	if err != nil {
		return nil, Changes{}, err
	}
	if h.Old {
		return m, ch, nil
	}
	if m.Sync.Have == nil {
		m.Sync.Have = Vector{}
	}
	m.Sync.Have.Merge(h.Has)
	if h.Base[Legacy].IsZero() {
		// The link carried every change from before devices were
		// counted that the sender holds.
		m.Sync.Have.Add(newestLegacy(m))
	}
	recordPeer(m, h)
	return m, ch, nil
}

// heldBy reports whether v holds every change o carries.
func heldBy(o *Onboarding, v Vector) bool {
	held := true
	eachStamp(o, func(t time.Time) {
		if !v.Covers(t) {
			held = false
		}
	})
	return held
}

// missing reports whether has holds a change that have does not.
func missing(have, has Vector) bool {
	_, _, ok := have.Missing(has)
	return ok
}

// whoseDevice returns the person whose device d is, as far as this device
// knows: a peer's person, the sender for the sender's device, else "".
func whoseDevice(o *Onboarding, d Device, h Header) string {
	if p, ok := o.Sync.Peers[d]; ok {
		return p.Person
	}
	if d == h.By {
		return h.From
	}
	if d != Legacy && d == o.Sync.Device {
		return o.Me
	}
	return ""
}

// recordPeer keeps what a link from the other person confirms: what its
// device held. A link from this device's own person is not a confirmation
// of what the other person holds.
func recordPeer(o *Onboarding, h Header) {
	if h.Old || h.By == Legacy || h.From == o.Me || o.PersonByID(h.From) == nil {
		return
	}
	if o.Sync.Peers == nil {
		o.Sync.Peers = map[Device]Peer{}
	}
	p := o.Sync.Peers[h.By]
	p.Person = h.From
	if p.Has == nil {
		p.Has = Vector{}
	}
	p.Has.Merge(h.Has)
	if h.Made.After(p.Made) {
		p.Made = h.Made
	}
	o.Sync.Peers[h.By] = p
}

// newestLegacy returns the newest stamp from before devices were counted
// in o.
func newestLegacy(o *Onboarding) time.Time {
	var newest time.Time
	eachStamp(o, func(t time.Time) {
		if DeviceOf(t) == Legacy && t.After(newest) {
			newest = t
		}
	})
	return newest
}

// ChangesSince returns what o holds beyond base, shareable: every unit
// (entry, removal, side, value) whose stamp base does not cover. A nil
// base means everything: a complete link. An entry that changed, or holds
// one that changed (a 1:1 with a new agenda item), goes whole, with
// everything inside it. n counts the changes. shells, the entries a link
// holds only for the newer entries inside them, is empty since entries
// travel whole; links of version 3 still hold some (Header.Shells).
func ChangesSince(o *Onboarding, base Vector) (delta *Onboarding, shells []string, n int) {
	return changesSince(o, base, func(Section, string) {})
}

// changesSince is ChangesSince, telling note of each change it counts:
// its section ("" for a removal or a value of the onboarding itself) and
// the ID of the 1:1 it belongs to (the 1:1, an item on it, a commitment
// made in it), if any.
func changesSince(o *Onboarding, base Vector, note func(s Section, meeting string)) (delta *Onboarding, shells []string, n int) {
	d := Shareable(o)
	d.Me = o.Me
	fresh := func(t time.Time) bool { return base == nil || !base.Covers(t) }
	// An entry that changed, or holds an entry that changed, travels
	// whole, with every entry inside it: a device that removed it before
	// the change reached it (the later edit wins, an edit inside it
	// included) has none of them any more.
	//
	// A side that changed travels with every row that holds answers: the
	// receiver takes each person's answers, in every row, from the copy
	// where their side changed last, and a row left out would keep the
	// answer of an older side there.
	sideChanged := false
	for _, side := range o.Roles.Sides {
		if side != nil && fresh(side.Updated) {
			sideChanged = true
		}
	}
	// changedIn reports whether an entry holds a changed entry, at any
	// depth.
	changedIn := func(e reflect.Value) bool {
		changed := false
		eachEntryList(e, func(list reflect.Value) {
			for j := 0; j < list.Len() && !changed; j++ {
				changed = fresh(metaOf(list.Index(j)).Updated)
			}
		})
		return changed
	}
	var filter func(v reflect.Value, whole bool, section Section, meeting string)
	filter = func(v reflect.Value, whole bool, section Section, meeting string) {
		eachFieldIn(v, section, func(f reflect.StructField, fv reflect.Value, r rule, s Section) {
			switch r {
			case ruleEntries:
				kept := reflect.MakeSlice(f.Type, 0, 0)
				answers := sideChanged && holdsAnswers(f.Type.Elem())
				for j := 0; j < fv.Len(); j++ {
					e := fv.Index(j)
					own := fresh(metaOf(e).Updated)
					if !own && !whole && !answers && !changedIn(e) {
						continue
					}
					in := meeting
					switch x := e.Addr().Interface().(type) {
					case *Meeting:
						in = x.ID
					case *Commitment:
						in = x.Meeting
					}
					if own {
						n++
						note(s, in)
					}
					filter(e, true, s, in)
					kept = reflect.Append(kept, e)
				}
				fv.Set(kept)
			case ruleEntry:
				if fresh(metaOf(fv).Updated) {
					n++
					note(s, meeting)
				} else if !whole {
					fv.SetZero()
				}
			case ruleGroup:
				filter(fv, whole, s, meeting)
			}
		})
	}
	filter(reflect.ValueOf(d).Elem(), false, "", "")
	for p, side := range d.Roles.Sides {
		if side == nil || !fresh(side.Updated) {
			delete(d.Roles.Sides, p)
		} else {
			n++
			note(Section(StageRoles), "")
		}
	}
	for id, t := range d.Deleted {
		if !fresh(t) {
			delete(d.Deleted, id)
		} else {
			n++
			note("", "")
		}
	}
	for path, t := range d.Changed {
		if fresh(t) {
			n++
			note("", "")
		} else {
			delete(d.Changed, path)
		}
	}
	return d, shells, n
}

// holdsAnswers reports whether entries of type t hold answers by person
// (a field of rule side), as a role area does.
func holdsAnswers(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if ruleOf(t.Field(i)) == ruleSide {
			return true
		}
	}
	return false
}

// Pending counts the changes of o that some device of the other person
// has not confirmed: what the next link of changes carries.
func Pending(o *Onboarding) int {
	_, _, n := ChangesSince(o, BaseFor(o))
	return n
}

// LastLinkFrom is when the newest link person sent and this device took
// was made, whichever of their devices made it; zero if none yet.
func LastLinkFrom(o *Onboarding, person string) time.Time {
	var last time.Time
	for _, p := range o.Sync.Peers {
		if p.Person == person && p.Made.After(last) {
			last = p.Made
		}
	}
	return last
}

// ForgetExchange clears what this device knew of the other person's
// devices, for a copy that arrives from a backup: the next link from it is
// complete. What the copy holds stays as it is.
func ForgetExchange(o *Onboarding) { o.Sync.Peers = nil }

// Confirms reports whether merged, what taking a link into local gave,
// knows more of what the other person's devices hold than local does,
// though it changes nothing a person reads: a link that brings nothing new
// still confirms what its sender has, and keeping that makes the next
// link to them carry less. Opening your own link again confirms nothing.
func Confirms(local, merged *Onboarding) bool {
	if local == nil || merged == nil {
		return false
	}
	return !reflect.DeepEqual(local.Sync.Have, merged.Sync.Have) || !reflect.DeepEqual(local.Sync.Peers, merged.Sync.Peers)
}
