package onboarding

import (
	"reflect"
	"sort"
	"strings"
	"time"
)

// Normalize makes a decoded onboarding safe to use: nil lists become
// empty, text is cut to the limits, unknown choices are cleared and
// entries without an ID get one. Stored data is outside input too: it may
// have been edited by hand or written by a buggy version.
func (o *Onboarding) Normalize() {
	if !IsID(o.ID) {
		o.ID = NewID() // decoders refuse such data first; this keeps the rule whole
	}
	// Every text is cut to the limit its field declares (limits.go) and
	// cleaned, before anything below reads a name or a title.
	clipTexts(reflect.ValueOf(o).Elem())
	if CheckDate(o.StartDate) != "" {
		o.StartDate = ""
	}
	for _, p := range []*Person{&o.Buddy, &o.Newcomer} {
		if !IsID(p.ID) {
			p.ID = NewID()
		}
		if !p.Function.Valid() {
			p.Function = Other
		}
	}
	if o.Buddy.ID == o.Newcomer.ID {
		o.Newcomer.ID = NewID()
	}
	if o.PersonByID(o.Me) == nil {
		o.Me = o.Buddy.ID
	}
	if o.Writer != "" && o.PersonByID(o.Writer) == nil {
		o.Writer = ""
	}
	if strings.TrimSpace(o.Title) == "" {
		o.Title = DefaultTitle(o)
	}

	fix := func(m *Meta) {
		if !IsID(m.ID) {
			m.ID = NewID()
		}
		if o.PersonByID(m.Author) == nil {
			m.Author = o.Buddy.ID
		}
	}
	o.DataSources = normalizeList(o.DataSources, func(d *DataSource) { fix(&d.Meta) })
	o.Problems = normalizeList(o.Problems, func(p *Problem) { fix(&p.Meta) })
	// A note nobody has written yet has the same ID on every device,
	// from where it is: a link leaves an unchanged note out, and copies
	// that gave it IDs of their own would never agree on it.
	unwritten := func(n *Note, name string) {
		if !IsID(n.ID) && n.Updated.IsZero() && n.Text == "" {
			n.ID = NameID(o.ID, "note", name)
		}
	}
	unwritten(&o.BudgetAdvice, "budgetAdvice")
	fix(&o.BudgetAdvice.Meta)
	o.WorkingWell = normalizeList(o.WorkingWell, func(n *Note) { fix(&n.Meta) })
	o.TeamRead = normalizeList(o.TeamRead, func(t *TeamMember) { fix(&t.Meta) })
	o.People = normalizeList(o.People, func(c *Contact) {
		fix(&c.Meta)
		if c.Reason.Label() == "" {
			c.Reason = ""
		}
	})
	o.Processes = normalizeList(o.Processes, func(p *Process) {
		fix(&p.Meta)
		if p.Health.Label() == "" {
			p.Health = ""
		}
	})
	o.Surprises = normalizeList(o.Surprises, func(s *Surprise) { fix(&s.Meta) })
	o.Agenda = normalizeList(o.Agenda, func(a *AgendaItem) { fix(&a.Meta) })

	r := &o.Roles
	r.Rows = normalizeList(r.Rows, func(row *RoleRow) {
		fix(&row.Meta)
		if row.Settled != "" && row.Settled != Shared && o.PersonByID(string(row.Settled)) == nil {
			row.Settled = ""
		}
		for person, owner := range row.Owners {
			valid := o.PersonByID(person) != nil &&
				(owner == Shared || owner == Unsure || o.PersonByID(string(owner)) != nil)
			if !valid {
				delete(row.Owners, person)
			}
		}
	})
	for person, side := range r.Sides {
		if o.PersonByID(person) == nil || side == nil {
			delete(r.Sides, person)
			continue
		}
		if side.Written != WrittenOpen && side.Written != WrittenDone {
			side.Written = ""
		}
	}
	unwritten(&r.Disagreement, "disagreement")
	fix(&r.Disagreement.Meta)
	r.Escalation = normalizeList(r.Escalation, func(s *Step) { fix(&s.Meta) })
	c := &r.Cadence
	if !isWeekday(c.Day) {
		c.Day = ""
	}
	if CheckTime(c.Time) != "" {
		c.Time = ""
	}
	for _, st := range Stages {
		if f := c.Sessions.of(st); CheckSession(*f) != "" {
			*f = ""
		}
	}
	if !c.SetSocialEvery(c.SocialEvery) {
		c.SocialEvery = ""
	}
	if !c.SetSocialDay(c.SocialDay) {
		c.SocialDay = ""
	}
	if CheckTime(c.SocialTime) != "" {
		c.SocialTime = ""
	}
	if c.Minutes < 0 || c.Minutes > maxMinutes {
		c.Minutes = 0
	}
	if !ValidZoneName(c.Zone) {
		c.Zone = ""
	}
	c.Shared = normalizeList(c.Shared, func(m *SharedMeeting) {
		fix(&m.Meta)
		if CheckDate(m.LastHeld) != "" {
			m.LastHeld = ""
		}
	})

	o.Stakes = normalizeList(o.Stakes, func(s *Stake) { fix(&s.Meta); normalizeStake(s) })
	o.Duties = normalizeList(o.Duties, func(d *Duty) { fix(&d.Meta); normalizeDuty(d) })
	o.Plan = normalizeList(o.Plan, func(it *PlanItem) { fix(&it.Meta); normalizePlanItem(it) })
	o.normalizeBrief()
	o.normalizeAnnouncement()
	o.normalizeCEO()
	o.Meetings = normalizeList(o.Meetings, func(m *Meeting) {
		fix(&m.Meta)
		if CheckDate(m.Date) != "" {
			m.Date = ""
		}
		m.Items = normalizeList(m.Items, func(it *MeetingItem) {
			fix(&it.Meta)
			if CheckDate(it.Raised) != "" {
				it.Raised = m.Date
			}
		})
	})
	// The log reads oldest first, whichever device added a meeting.
	sort.SliceStable(o.Meetings, func(i, j int) bool { return o.Meetings[i].Date < o.Meetings[j].Date })
	foldMeetings(o)
	o.Commitments = normalizeList(o.Commitments, func(c *Commitment) {
		fix(&c.Meta)
		if o.PersonByID(c.Who) == nil {
			c.Who = c.Author
		}
		if CheckDate(c.Due) != "" {
			c.Due = ""
		}
		if c.Status.Label() == "" {
			c.Status = Open
		}
	})
	for id := range o.Deleted {
		if !IsID(id) {
			delete(o.Deleted, id)
		}
	}
	for path := range o.Changed {
		if _, ok := values(o)[path]; !ok {
			delete(o.Changed, path)
		}
	}
	// A peer that is not the other person is forgotten: the next link to
	// them is then complete, which is always safe.
	for d, p := range o.Sync.Peers {
		if d == Legacy || d > MaxDevice || o.PersonByID(p.Person) == nil || p.Person == o.Me {
			delete(o.Sync.Peers, d)
		}
	}
	if o.Sync.Device > MaxDevice {
		o.Sync.Device = Legacy
	}
	truncateTimes(reflect.ValueOf(o).Elem())
	bury(o)
}

// truncateTimes puts every time in v in UTC, to the nanosecond a stamp
// names its device with: what a link carries, so a copy that went through
// one compares equal to the one it came from.
func truncateTimes(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			if r := t.UTC().Round(0); !r.Equal(t) || t.Location() != time.UTC {
				v.Set(reflect.ValueOf(r))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			truncateTimes(v.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			truncateTimes(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			truncateTimes(v.Elem())
		}
	case reflect.Map:
		if v.Type().Elem() == timeType {
			for _, k := range v.MapKeys() {
				t := v.MapIndex(k).Interface().(time.Time)
				v.SetMapIndex(k, reflect.ValueOf(t.UTC().Round(0)))
			}
		} else if v.Type().Elem().Kind() == reflect.Pointer {
			for _, k := range v.MapKeys() {
				truncateTimes(v.MapIndex(k)) // the pointed-to value is settable
			}
		}
	}
}

// normalizeList fixes each entry and turns nil into an empty list so it is
// stored as [] rather than null. It never drops an entry: caps are kept
// where entries come in (caps.go), never by cutting a list.
func normalizeList[T any](list []T, fix func(*T)) []T {
	if list == nil {
		return []T{}
	}
	for i := range list {
		fix(&list[i])
	}
	return list
}

// CheckTime says what is wrong with an HH:MM time, or "".
func CheckTime(s string) string {
	if s == "" {
		return ""
	}
	if len(s) != 5 || s[2] != ':' {
		return "Enter the time as hours and minutes, like 09:30."
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[3] < '0' || s[3] > '9' || s[4] < '0' || s[4] > '9' || h > 23 || m > 59 {
		return "Enter the time as hours and minutes, like 09:30."
	}
	return ""
}

// ValidZoneName reports whether s looks like an IANA time zone name, such
// as "America/New_York" or "Etc/GMT+5", or is empty. The name goes into
// the calendar file as a parameter, where other characters would break it.
func ValidZoneName(s string) bool {
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+-", r)
		if !ok {
			return false
		}
	}
	return len(s) <= 64
}
