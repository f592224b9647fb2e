package share

import "counterpart/app/onboarding"

// Packet is what a link or a file carries, opened: an onboarding, whole
// or only the changes since an earlier link (Header.Partial), and what
// the link says about itself.
type Packet struct {
	Onboarding *onboarding.Onboarding
	Header     onboarding.Header
}

// Recipient is who the packet was sent to, so who is opening it: the one
// of the two who did not send it. It is nil when the packet names no
// sender of the two (a file or an older link), and the person opening it
// must say who they are.
func (p *Packet) Recipient() *onboarding.Person {
	o := p.Onboarding
	if sender := o.PersonByID(p.Header.From); sender != nil {
		return o.Other(sender.ID)
	}
	return nil
}

// Welcomes reports whether me, opening the packet, is the newcomer
// getting what the buddy sent: the first look at an onboarding a buddy
// has started is a welcome, not a list of counts.
func (p *Packet) Welcomes(me string) bool {
	o := p.Onboarding
	return p.Header.From == o.Buddy.ID && me == o.Newcomer.ID && me != ""
}

// Take merges what a packet carries into this device's copy (nil when
// there is none, with me the person using this device) by the rules of
// onboarding.Take, and moves the watermarks.
func Take(local *onboarding.Onboarding, p *Packet, me string) (*onboarding.Onboarding, Changes, error) {
	return onboarding.Take(local, p.Onboarding, p.Header, me)
}
