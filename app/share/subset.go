// Package share holds what travels between the two executives' devices:
// the shareable part of an onboarding as a link or a file, the passphrase
// lock, full backups of a device, and the merge of an incoming copy into
// the one kept here. It is plain Go with no browser code.
//
// Nothing here talks to a server: a link carries its data in the URL
// fragment, which browsers never send.
package share

import "counterpart/app/onboarding"

// Shareable returns a copy of o holding only what may leave this device
// (onboarding.Shareable), with Me kept: in a shared copy it names the
// sender.
func Shareable(o *onboarding.Onboarding) *onboarding.Onboarding {
	c := onboarding.Shareable(o)
	c.Me = o.Me
	return c
}

// Withheld counts what stays on this device when o is shared: private
// entries, and private notes with text in them.
func Withheld(o *onboarding.Onboarding) int {
	total := func(o *onboarding.Onboarding) int {
		n := 0
		for _, c := range Counts(o) {
			n += c
		}
		for _, m := range o.Meetings {
			n += len(m.Items)
		}
		return n
	}
	return total(o) - total(Shareable(o))
}
