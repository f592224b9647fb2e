package onboarding

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"reflect"
	"time"
)

// Sync is what one device knows of the exchange of links with the other
// person: two watermarks, and what came from them. It never leaves the
// device (sync:"device" on Onboarding.Sync).
//
// "Changes since" is measured in the clock of the device that made them,
// so two clocks that disagree never get compared: Confirmed is in this
// device's clock and selects what to send; Received is in the sender's
// device's clock and tells whether a link of changes can be applied here.
type Sync struct {
	// Device is this device's name for itself in the links it makes: a
	// random word, made with the first link.
	Device string `json:"device,omitempty"`
	// Sent is when this device last made a link, by its clock.
	Sent time.Time `json:"sent"`
	// Confirmed is the time, by this device's clock, of the newest link
	// of this device that the other person has merged: a link from them
	// says so. Everything this device has changed since goes in the next
	// link; zero means the next link is complete.
	Confirmed time.Time `json:"confirmed"`
	// Peer is the device of the other person whose links are merged here,
	// and Received the time, by its clock, of the newest of them.
	Peer     string    `json:"peer,omitempty"`
	Received time.Time `json:"received"`
	// Echo holds what was taken from the other person's links and is
	// newer than Confirmed, with its stamp: it need not go back to them.
	Echo map[string]time.Time `json:"echo,omitempty"`
}

// Header is what a link says about itself besides the onboarding it
// carries.
type Header struct {
	// From is the person who sent it, By their device, and Made when, by
	// that device's clock.
	From string
	By   string
	Made time.Time
	// Since is zero for a complete link. Otherwise the link carries only
	// what the sender changed after Since, by their clock.
	Since time.Time
	// Has is the time, by the receiver's clock, of the newest link of the
	// receiver's device HasBy that the sender had merged: a confirmation.
	HasBy string
	Has   time.Time
	// Shells lists entries the link holds only for the newer entries
	// inside them (a meeting whose agenda changed): their own fields are
	// not sent and must not be taken.
	Shells []string
}

// Partial reports whether the link carries only changes.
func (h Header) Partial() bool { return !h.Since.IsZero() }

// checkClock resets Confirmed when this device's clock reads earlier than
// the last link it made: edits stamped in that gap would be missed by a
// link of changes since then.
func (s *Sync) checkClock(now time.Time) {
	if now.Before(s.Sent) {
		s.Confirmed, s.Echo = time.Time{}, nil
	}
}

// StartLink prepares o for making a link now: it names this device if it
// has no name yet and records the time, and returns the header of the
// link. complete asks for a complete link even when a link of changes
// would do. The caller saves o.
func StartLink(o *Onboarding, now time.Time, complete bool) Header {
	o.Sync.checkClock(now)
	if o.Sync.Device == "" {
		b := make([]byte, 8)
		rand.Read(b)
		o.Sync.Device = base64.RawURLEncoding.EncodeToString(b)
	}
	o.Sync.Sent = Stamp(o.Sync.Sent, now)
	h := Header{From: o.Me, By: o.Sync.Device, Made: o.Sync.Sent, HasBy: o.Sync.Peer, Has: o.Sync.Received}
	if !complete {
		h.Since = o.Sync.Confirmed
	}
	return h
}

// ErrNeedsEarlier means a link of changes arrived on a device that does
// not have what came before them.
type ErrNeedsEarlier struct {
	From  string    // the sender's name
	Since time.Time // what the changes start after, by the sender's clock
}

// Error says what happened in plain words.
func (e *ErrNeedsEarlier) Error() string {
	return "This link carries " + e.From + "'s changes since " + e.Since.Format("2 January") +
		", and this device does not have what came before them. Open " + e.From + "'s earlier link first, or ask " + e.From + " for a complete one."
}

// Take merges what a link from the other person carries into this
// device's copy (nil when there is none, with me the person using this
// device) and moves the watermarks. A link of changes needs this device
// to have merged the sender's earlier link; without it Take returns an
// *ErrNeedsEarlier and changes nothing. A link from this device's own
// person (sent to themselves) merges without touching the watermarks.
func Take(local, incoming *Onboarding, h Header, me string) (*Onboarding, Changes, error) {
	name := "the other person"
	if p := incoming.PersonByID(h.From); p != nil && p.Name != "" {
		name = p.Name
	}
	if h.Partial() && (local == nil || local.Sync.Peer != h.By || local.Sync.Received.Before(h.Since)) {
		return nil, Changes{}, &ErrNeedsEarlier{From: name, Since: h.Since}
	}
	var m *Onboarding
	var ch Changes
	if local == nil {
		m, ch = Receive(incoming, me)
	} else {
		shells := map[string]bool{}
		for _, id := range h.Shells {
			shells[id] = true
		}
		var err error
		m, ch, err = combine(local, incoming, shells)
		if errors.Is(err, errShell) {
			return nil, Changes{}, &ErrNeedsEarlier{From: name, Since: h.Since}
		}
		if err != nil {
			return nil, Changes{}, err
		}
	}
	if h.From == m.Me || h.By == "" {
		return m, ch, nil
	}
	s := &m.Sync
	if s.Peer != h.By {
		s.Peer, s.Received = h.By, time.Time{}
	}
	if h.Made.After(s.Received) {
		s.Received = h.Made
	}
	if s.Echo == nil {
		s.Echo = map[string]time.Time{}
	}
	for k, t := range ch.taken {
		s.Echo[k] = t
	}
	// A confirmation counts only for this device, and only for a link it
	// made: a time after its last link is not one of its own.
	if s.Device != "" && h.HasBy == s.Device && h.Has.After(s.Confirmed) && !h.Has.After(s.Sent) {
		s.Confirmed = h.Has
	}
	for k, t := range s.Echo {
		if !t.After(s.Confirmed) {
			delete(s.Echo, k)
		}
	}
	return m, ch, nil
}

// ChangesSince returns what o holds that the other person lacks: the
// shareable content changed after since, by this device's clock, less
// what came from the other person unchanged. Entries kept only to hold
// newer entries (a meeting with a new agenda item) are listed in shells.
// n counts the changes: entries, removals, sides and values.
func ChangesSince(o *Onboarding, since time.Time) (delta *Onboarding, shells []string, n int) {
	d := Shareable(o)
	d.Me = o.Me
	fresh := func(key string, t time.Time) bool {
		if since.IsZero() {
			return true // a complete link
		}
		if !t.After(since) {
			return false
		}
		echo, ok := o.Sync.Echo[key]
		return !ok || !echo.Equal(t)
	}
	var filter func(v reflect.Value) bool
	filter = func(v reflect.Value) bool {
		any := false
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f, fv := t.Field(i), v.Field(i)
			if f.Anonymous {
				continue
			}
			switch ruleOf(f) {
			case ruleEntries:
				kept := reflect.MakeSlice(f.Type, 0, 0)
				for j := 0; j < fv.Len(); j++ {
					e := fv.Index(j)
					m := metaOf(e)
					own := fresh(unitKey("", m.ID), m.Updated)
					inside := filter(e)
					switch {
					case own:
						n++
					case inside:
						shells = append(shells, m.ID)
						blankEntry(e)
					default:
						continue
					}
					kept = reflect.Append(kept, e)
				}
				any = any || kept.Len() > 0
				fv.Set(kept)
			case ruleEntry:
				if m := metaOf(fv); fresh(unitKey("", m.ID), m.Updated) {
					n++
					any = true
				} else {
					fv.SetZero()
				}
			case ruleGroup:
				any = filter(fv) || any
			}
		}
		return any
	}
	filter(reflect.ValueOf(d).Elem())
	for p, side := range d.Roles.Sides {
		if side == nil || !fresh(unitKey("side", p), side.Updated) {
			delete(d.Roles.Sides, p)
		} else {
			n++
		}
	}
	for id, t := range d.Deleted {
		if !fresh(unitKey("gone", id), t) {
			delete(d.Deleted, id)
		} else {
			n++
		}
	}
	for path, t := range d.Changed {
		if fresh(unitKey("value", path), t) {
			n++
		}
	}
	return d, shells, n
}

// blankEntry clears what an entry holds besides its Meta and its lists,
// for an entry sent only as the container of newer ones.
func blankEntry(e reflect.Value) {
	t := e.Type()
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); !f.Anonymous && ruleOf(f) != ruleEntries {
			e.Field(i).SetZero()
		}
	}
}

// Pending counts the changes of o the other person does not have yet.
func Pending(o *Onboarding) int {
	_, _, n := ChangesSince(o, o.Sync.Confirmed)
	return n
}

// ForgetExchange clears what this device knew of the exchange, for a copy
// that arrives from a backup: the next link from it is complete.
func ForgetExchange(o *Onboarding) { o.Sync = Sync{} }
