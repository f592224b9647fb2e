package onboarding

import (
	"strings"
	"time"
)

// Draft is what the "New onboarding" form asks for.
type Draft struct {
	MyName, MyRole     string `limit:"short"`
	MyFunction         Function
	PeerName, PeerRole string `limit:"short"`
	PeerFunction       Function
	IAmNew             bool
	StartDate          string `limit:"date"` // YYYY-MM-DD
}

// FieldError names a form field and what is wrong with it.
type FieldError struct {
	Field   string
	Message string
}

// Check returns what must be fixed before the draft can start an
// onboarding, one message per field, in form order.
func (d Draft) Check() []FieldError {
	var errs []FieldError
	need := func(field, value, message string) {
		if strings.TrimSpace(value) == "" {
			errs = append(errs, FieldError{field, message})
		}
	}
	need("my-name", d.MyName, "Enter your name.")
	need("my-role", d.MyRole, "Enter your role, such as CTO.")
	if !d.MyFunction.Valid() {
		errs = append(errs, FieldError{"my-function", "Choose your function."})
	}
	need("peer-name", d.PeerName, "Enter your peer's name.")
	need("peer-role", d.PeerRole, "Enter your peer's role, such as CFO.")
	if !d.PeerFunction.Valid() {
		errs = append(errs, FieldError{"peer-function", "Choose your peer's function."})
	}
	if msg := CheckDate(d.StartDate); msg != "" {
		errs = append(errs, FieldError{"start-date", msg})
	}
	return errs
}

// CheckDate says what is wrong with a YYYY-MM-DD date, or "".
func CheckDate(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Enter the start date."
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "Enter the date as year-month-day, like 2026-03-02."
	}
	return ""
}

// New starts an onboarding from a draft that passed Check. The person
// filling the form is Me, and the writer.
func New(d Draft, now time.Time) *Onboarding {
	me := Person{ID: NewID(), Name: Clip(strings.TrimSpace(d.MyName), MaxShort), Role: Clip(strings.TrimSpace(d.MyRole), MaxShort), Function: d.MyFunction}
	peer := Person{ID: NewID(), Name: Clip(strings.TrimSpace(d.PeerName), MaxShort), Role: Clip(strings.TrimSpace(d.PeerRole), MaxShort), Function: d.PeerFunction}
	o := &Onboarding{ID: NewID(), StartDate: d.StartDate, Created: Stamp(time.Time{}, now), Updated: Stamp(time.Time{}, now), Me: me.ID}
	if d.IAmNew {
		o.Newcomer, o.Buddy = me, peer
	} else {
		o.Newcomer, o.Buddy = peer, me
	}
	o.Title = DefaultTitle(o)
	// The device that makes the onboarding holds what it made, at the
	// stamp of its making: else no link would ever confirm it, and it
	// would wait to be sent for good.
	if d := DeviceOf(o.Updated); d != Legacy {
		o.Sync.Device, o.Sync.Have = d, Vector{d: o.Updated}
	}
	o.Normalize()
	return o
}

// DefaultTitle names an onboarding after the newcomer.
func DefaultTitle(o *Onboarding) string {
	name := strings.TrimSpace(o.Newcomer.Name)
	if name == "" {
		return "New onboarding"
	}
	if role := strings.TrimSpace(o.Newcomer.Role); role != "" {
		return Clip(name+" joins as "+role, MaxShort)
	}
	return Clip(name+" joins", MaxShort)
}

// Rename sets a title, falling back to the default for a blank one.
func (o *Onboarding) Rename(title string, now time.Time) {
	title = Clip(strings.TrimSpace(title), MaxShort)
	if title == "" {
		title = DefaultTitle(o)
	}
	Apply(o, now, func(o *Onboarding) { o.Title = title })
}
