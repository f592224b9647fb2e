package onboarding

import "time"

// CEOStep is the `ceo` checkpoint kept: the one-page summary the pair
// send the CEO in weeks two or three (made from the onboarding itself, by
// package document), when it went, when the CEO confirmed the split, and
// what the CEO corrected. It is one entry, so that the two people's copies
// merge as one.
type CEOStep struct {
	Meta
	Sent      string `json:"sent,omitempty" limit:"date"`      // YYYY-MM-DD
	Confirmed string `json:"confirmed,omitempty" limit:"date"` // YYYY-MM-DD
	// Corrections is what the CEO saw differently, in the pair's words.
	Corrections string `json:"corrections,omitempty" limit:"long"`
}

// editCEO changes the CEO step as the person writing, giving it an ID the
// first time, as EditBrief does.
func (o *Onboarding) editCEO(now time.Time, change func(*CEOStep)) {
	c := &o.CEO
	o.claim(&c.Meta, o.CurrentWriter())
	change(c)
	c.Updated = Stamp(c.Updated, now)
}

// checkOptionalDate is CheckDate for a date that may be left out.
func checkOptionalDate(s string) string {
	if s == "" {
		return ""
	}
	return CheckDate(s)
}

// MarkCEOSent records the day the summary went to the CEO, or clears it
// with "". It says why it refuses a date: not a date, or after the day
// the CEO confirmed what it sent.
func MarkCEOSent(o *Onboarding, date string, now time.Time) string {
	if msg := checkOptionalDate(date); msg != "" {
		return msg
	}
	if c := o.CEO.Confirmed; date != "" && c != "" && date > c {
		return "The summary cannot have gone after the CEO confirmed it: it was confirmed on " + c + "."
	}
	o.editCEO(now, func(c *CEOStep) { c.Sent = date })
	return ""
}

// MarkCEOConfirmed records the day the CEO confirmed the split, or clears
// it with "". A confirmation comes after the summary went out.
func MarkCEOConfirmed(o *Onboarding, date string, now time.Time) string {
	if msg := checkOptionalDate(date); msg != "" {
		return msg
	}
	if date != "" && o.CEO.Sent == "" {
		return "Enter the day the summary went to the CEO first."
	}
	if s := o.CEO.Sent; date != "" && date < s {
		return "The CEO cannot have confirmed it before it was sent, on " + s + "."
	}
	o.editCEO(now, func(c *CEOStep) { c.Confirmed = date })
	return ""
}

// WriteCEOCorrections keeps what the CEO saw differently.
func WriteCEOCorrections(o *Onboarding, text string, now time.Time) {
	o.editCEO(now, func(c *CEOStep) { c.Corrections = Clip(text, MaxText) })
}

// normalizeCEO keeps an empty CEO step empty, and drops dates that are
// none. Their order is checked where a person types them: two devices'
// copies, merged, may hold one from each.
func (o *Onboarding) normalizeCEO() {
	c := &o.CEO
	if *c == (CEOStep{}) {
		return
	}
	o.claim(&c.Meta, o.Newcomer.ID)
	if checkOptionalDate(c.Sent) != "" {
		c.Sent = ""
	}
	if checkOptionalDate(c.Confirmed) != "" {
		c.Confirmed = ""
	}
}
