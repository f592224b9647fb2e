package onboarding

import (
	"strings"
	"time"
)

// Announcement is how the pair tell the company who owns what, once the
// CEO has confirmed the split (the `announce` checkpoint): a note for each
// audience, drafted from the grid and edited by hand, and when each went
// out. It is one entry, so that the two people's copies merge as one.
type Announcement struct {
	Meta
	// The notes, one per audience, as the pair will send them.
	Exec         string `json:"exec,omitempty" limit:"long"`
	BuddyTeam    string `json:"buddyTeam,omitempty" limit:"long"`
	NewcomerTeam string `json:"newcomerTeam,omitempty" limit:"long"`
	Outside      string `json:"outside,omitempty" limit:"long"`
	// When each note went out (YYYY-MM-DD), or "" while it has not.
	ExecSent         string `json:"execSent,omitempty" limit:"date"`
	BuddyTeamSent    string `json:"buddyTeamSent,omitempty" limit:"date"`
	NewcomerTeamSent string `json:"newcomerTeamSent,omitempty" limit:"date"`
	OutsideSent      string `json:"outsideSent,omitempty" limit:"date"`
}

// Audience is who one note of the announcement is for.
type Audience string

// The audiences, in the order the pair tell them: the exec team first,
// then both teams on the same day, then the people outside.
const (
	ToExec         Audience = "exec"
	ToBuddyTeam    Audience = "buddy-team"
	ToNewcomerTeam Audience = "newcomer-team"
	ToOutside      Audience = "outside"
)

// Audiences lists them in that order.
var Audiences = []Audience{ToExec, ToBuddyTeam, ToNewcomerTeam, ToOutside}

// Label names the audience for the pair, with their names.
func (a Audience) Label(o *Onboarding) string {
	switch a {
	case ToExec:
		return "The exec team"
	case ToBuddyTeam:
		return o.Buddy.Name + "'s team"
	case ToNewcomerTeam:
		return o.Newcomer.Name + "'s team"
	case ToOutside:
		return "People outside who deal with these areas"
	}
	return ""
}

// InSentence is Label as it reads inside a sentence ("The note to the exec
// team"): a label that starts with a common word starts in lower case, one
// that starts with a name keeps it.
func (a Audience) InSentence(o *Onboarding) string {
	switch a {
	case ToExec:
		return "the exec team"
	case ToOutside:
		return "people outside who deal with these areas"
	}
	return a.Label(o)
}

// fields returns the note and the sent date of an audience, or nil.
func (n *Announcement) fields(a Audience) (note, sent *string) {
	switch a {
	case ToExec:
		return &n.Exec, &n.ExecSent
	case ToBuddyTeam:
		return &n.BuddyTeam, &n.BuddyTeamSent
	case ToNewcomerTeam:
		return &n.NewcomerTeam, &n.NewcomerTeamSent
	case ToOutside:
		return &n.Outside, &n.OutsideSent
	}
	return nil, nil
}

// Note is the note for an audience, as written so far.
func (n Announcement) Note(a Audience) string {
	if note, _ := n.fields(a); note != nil {
		return *note
	}
	return ""
}

// Sent is when the note for an audience went out, or "".
func (n Announcement) Sent(a Audience) string {
	if _, sent := n.fields(a); sent != nil {
		return *sent
	}
	return ""
}

// editAnnouncement changes the announcement as author, giving it an ID
// the first time, as EditBrief does.
func (o *Onboarding) editAnnouncement(author string, now time.Time, change func(*Announcement)) {
	n := &o.Announcement
	o.claim(&n.Meta, author)
	change(n)
	n.Updated = Stamp(n.Updated, now)
}

// WriteAnnouncement puts text in the note for an audience.
func WriteAnnouncement(o *Onboarding, a Audience, text string, now time.Time) {
	o.editAnnouncement(o.CurrentWriter(), now, func(n *Announcement) {
		if note, _ := n.fields(a); note != nil {
			*note = Clip(text, MaxText)
		}
	})
}

// MarkAnnounced records the day the note for an audience went out, or
// clears it with "". It refuses a date that is not one, and says why.
func MarkAnnounced(o *Onboarding, a Audience, date string, now time.Time) string {
	if date != "" {
		if msg := CheckDate(date); msg != "" {
			return msg
		}
	}
	o.editAnnouncement(o.CurrentWriter(), now, func(n *Announcement) {
		if _, sent := n.fields(a); sent != nil {
			*sent = date
		}
	})
	return ""
}

// normalizeAnnouncement keeps an empty announcement empty, so that
// onboardings that never wrote one store and share as before.
func (o *Onboarding) normalizeAnnouncement() {
	n := &o.Announcement
	if *n == (Announcement{}) {
		return
	}
	o.claim(&n.Meta, o.Buddy.ID)
	for _, a := range Audiences {
		_, sent := n.fields(a)
		if *sent != "" && CheckDate(*sent) != "" {
			*sent = ""
		}
	}
}

// Split is the grid read for telling others: the areas each person owns,
// the shared ones, and the ones still open, each as its area's name.
type Split struct {
	Buddy, Newcomer, Shared, Open []string
}

// SplitOf reads the grid as it stands: an area counts as decided when the
// two answered alike or settled it after talking it over; every other
// area (a mismatch, an unsure answer, a missing one) is open. Private
// rows, and the grid while either side is still sealed, tell nothing: a
// note drafted from them would leak what was written blind.
func SplitOf(o *Onboarding) Split {
	var s Split
	if !o.Roles.BothDone(o) {
		return s
	}
	rows, _ := Compare(o)
	for _, c := range rows {
		area := strings.TrimSpace(c.Row.Area)
		if c.Row.Private || area == "" {
			continue
		}
		if c.Verdict != Agreed && c.Verdict != Settled {
			s.Open = append(s.Open, area)
			continue
		}
		switch string(c.Owner) {
		case o.Buddy.ID:
			s.Buddy = append(s.Buddy, area)
		case o.Newcomer.ID:
			s.Newcomer = append(s.Newcomer, area)
		case string(Shared):
			s.Shared = append(s.Shared, area)
		default: // both unsure counts as agreed, but nobody owns it yet
			s.Open = append(s.Open, area)
		}
	}
	return s
}

// Decided reports whether the split names any owner at all.
func (s Split) Decided() bool { return len(s.Buddy)+len(s.Newcomer)+len(s.Shared) > 0 }

// DraftAnnouncement writes the note for an audience from the grid: who
// owns which area from now on, what the two share, and what is still
// open, named as open. It is a draft: the pair edit it before it goes.
// There is no draft ("") until both grids are in and hold an area.
func DraftAnnouncement(o *Onboarding, a Audience) string {
	s := SplitOf(o)
	if !s.Decided() && len(s.Open) == 0 {
		return ""
	}
	b, n := o.Buddy, o.Newcomer
	who := func(p Person) string {
		if r := strings.TrimSpace(p.Role); r != "" {
			return p.Name + " (" + r + ")"
		}
		return p.Name
	}
	var out []string
	para := func(lines ...string) { out = append(out, strings.Join(lines, "\n")) }
	bullets := func(head string, areas []string) {
		if len(areas) == 0 {
			return
		}
		lines := []string{head}
		for _, area := range areas {
			lines = append(lines, "- "+area)
		}
		para(lines...)
	}
	open := func() {
		bullets("Not decided yet. Until we say otherwise, keep taking these where you take them today:", s.Open)
	}
	signed := b.Name + " and " + n.Name

	switch a {
	case ToExec, ToOutside:
		if a == ToExec {
			para("To the exec team,")
			para(who(n) + " and " + who(b) + " have agreed who owns what between our two teams. From today:")
		} else {
			para("Hello,")
			para("You deal with areas that " + who(n) + " and " + who(b) + " have just divided between them. From today, please go to:")
		}
		bullets(n.Name+" for:", s.Newcomer)
		bullets(b.Name+" for:", s.Buddy)
		bullets("Either of us, who will answer together, for:", s.Shared)
		open()
		if a == ToExec {
			para("If something lands on the wrong desk, tell either of us and we will sort it out between us.")
		} else {
			para("Nothing else changes in how we work with you.")
		}
	case ToBuddyTeam, ToNewcomerTeam:
		me, other, mine, theirs := b, n, s.Buddy, s.Newcomer
		if a == ToNewcomerTeam {
			me, other, mine, theirs = n, b, s.Newcomer, s.Buddy
		}
		first := firstName(other.Name)
		para("Hello team,")
		para(first + " and I have agreed who owns what between our two teams. " + first + "'s team hears the same today, in the same words.")
		bullets("These go to "+first+" from now on:", theirs)
		bullets("These stay with us:", mine)
		bullets("These we share: bring them to either of us.", s.Shared)
		open()
		para("If you lose something you cared about in this, come and talk to me.")
		signed = me.Name
	default:
		return ""
	}
	para(signed)
	return strings.Join(out, "\n\n")
}

// firstName is the first word of a name, as a note to one's own team
// calls a colleague.
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}
