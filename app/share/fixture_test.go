package share

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// at is t0 plus some minutes, to order edits.
func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// example is the guide's example as a person's own onboarding.
func example(t testing.TB) *onboarding.Onboarding {
	t.Helper()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	o.Example = false
	return o
}

// full is an onboarding with every field of the model set, private
// entries in every list, a meeting with items, commitments and tombstones.
// TestFullSetsEveryField keeps it full as the model grows.
func full(t testing.TB) *onboarding.Onboarding {
	t.Helper()
	o := example(t)
	b, n := o.Buddy.ID, o.Newcomer.ID
	o.Writer = n
	o.Example = true
	o.Roles.Cadence.Zone = "Europe/Paris"
	for _, side := range o.Roles.Sides {
		side.Written = onboarding.WrittenDone
	}
	o.Roles.Cadence.Sessions = onboarding.Sessions{Data: "2026-11-02T10:00", Problems: "2026-11-03T14:00",
		Team: "2026-11-05T10:00", Processes: "2026-11-09T10:00", Roles: "2026-11-11T15:30"}
	if len(o.Roles.Cadence.Shared) > 0 {
		o.Roles.Cadence.Shared[0].LastHeld = "2026-11-10"
	}
	o.Problems[0].Resolved = true
	o.Agenda[0].Done = true
	o.Agenda[0].Source = "roles:" + o.Roles.Rows[0].ID
	o.Roles.Rows[0].Settled = onboarding.Shared
	meeting := onboarding.Add(&o.Meetings, b, at(60))
	meeting.Date, meeting.Notes, meeting.Decisions = "2026-11-10", "We talked about the close.", "Close moves to day 6."
	item := onboarding.Add(&meeting.Items, n, at(61))
	item.Text, item.Source, item.Origin, item.Raised, item.Done = "Cloud budget", "debrief:x:2026-11-10", onboarding.NewID(), "2026-11-03", true
	c := onboarding.Add(&o.Commitments, n, at(62))
	c.Who, c.What, c.Due, c.Status, c.Meeting = n, "Send the close calendar", "2026-11-14", onboarding.Kept, meeting.ID
	o.Bury(onboarding.NewID(), at(63))
	o.EditBrief(n, at(64), func(b *onboarding.Brief) {
		b.HiredToFix, b.JobNow, b.Situation, b.Why = "Contracts we can stand behind", "The same, and the privacy backlog", onboarding.Realignment, "It looks fine and is drifting"
	})
	onboarding.MarkCEOSent(o, "2026-11-23", at(64))
	onboarding.MarkCEOConfirmed(o, "2026-11-25", at(64))
	onboarding.WriteCEOCorrections(o, "Keep the tenders with Callum until March.", at(64))
	for i, a := range onboarding.Audiences {
		onboarding.WriteAnnouncement(o, a, "From today the close is Farah's: "+string(a), at(64))
		onboarding.MarkAnnounced(o, a, "2026-11-2"+strconv.Itoa(4+i), at(64))
	}
	onboarding.Apply(o, at(64), func(o *onboarding.Onboarding) { o.Title += ", in full" })
	// What this device knows of the exchange, which never travels.
	// The device names go in a link's header on purpose; the rest never.
	o.Sync = onboarding.Sync{Device: 7, Have: onboarding.Vector{7: at(65)},
		Peers: map[onboarding.Device]onboarding.Peer{8: {Person: n, Has: onboarding.Vector{8: at(66)}, Made: at(66)}}}

	// A private entry, with a marker no shared text contains, in every
	// list that holds entries.
	private := func(m *onboarding.Meta) { m.Private = true }
	private(&onboarding.Add(&o.DataSources, b, at(70)).Meta)
	o.DataSources[len(o.DataSources)-1].Name = secret
	private(&onboarding.Add(&o.Stakes, b, at(70)).Meta)
	o.Stakes[len(o.Stakes)-1].What = secret
	private(&onboarding.Add(&o.Problems, b, at(70)).Meta)
	o.Problems[len(o.Problems)-1].Problem = secret
	private(&onboarding.Add(&o.WorkingWell, b, at(70)).Meta)
	o.WorkingWell[len(o.WorkingWell)-1].Text = secret
	private(&onboarding.Add(&o.People, b, at(70)).Meta)
	o.People[len(o.People)-1].Name = secret
	private(&onboarding.Add(&o.Processes, b, at(70)).Meta)
	o.Processes[len(o.Processes)-1].Name = secret
	private(&onboarding.Add(&o.Surprises, b, at(70)).Meta)
	o.Surprises[len(o.Surprises)-1].What = secret
	private(&onboarding.Add(&o.Agenda, b, at(70)).Meta)
	o.Agenda[len(o.Agenda)-1].Text = secret
	private(&onboarding.Add(&o.Roles.Rows, b, at(70)).Meta)
	o.Roles.Rows[len(o.Roles.Rows)-1].Area = secret
	private(&onboarding.Add(&o.Roles.Escalation, b, at(70)).Meta)
	o.Roles.Escalation[len(o.Roles.Escalation)-1].Text = secret
	private(&onboarding.Add(&o.Roles.Cadence.Shared, b, at(70)).Meta)
	o.Roles.Cadence.Shared[len(o.Roles.Cadence.Shared)-1].Name = secret
	private(&onboarding.Add(&o.Meetings, b, at(70)).Meta)
	o.Meetings[len(o.Meetings)-1].Notes = secret
	private(&onboarding.Add(&o.Meetings[0].Items, b, at(70)).Meta)
	o.Meetings[0].Items[len(o.Meetings[0].Items)-1].Text = secret
	private(&onboarding.Add(&o.Commitments, b, at(70)).Meta)
	o.Commitments[len(o.Commitments)-1].What = secret
	// The team read is private as the app makes it; one entry shared.
	o.TeamRead[0].Private = false
	o.TeamRead[1].Person = secret
	o.Normalize()
	return o
}

const secret = "SECRET-do-not-share"

// Fields a full onboarding may leave at their zero value: flags that are
// false on purpose somewhere, and values every entry of the fixture
// happens to share.
var mayBeZero = map[string]bool{
	"Private": true, "Checked": true, "Met": true, "Resolved": true, "Done": true,
	"Debrief": true, "Source": true, "Origin": true, "Meeting": true, "LastHeld": true,
	"Settled": true, "Owners": true, "Reason": true, "Health": true,
	"Partial": true, // a copy read without its log never travels
}

// TestFullSetsEveryField fails when the model gains a field the fixture
// does not set, so the round trips below keep covering all of it.
func TestFullSetsEveryField(t *testing.T) {
	var walk func(path string, v reflect.Value, sawNonZero map[string]bool)
	walk = func(path string, v reflect.Value, seen map[string]bool) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem(), seen)
			}
		case reflect.Struct:
			if _, ok := v.Interface().(time.Time); ok {
				break
			}
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				p := path + "." + f.Name
				if f.Anonymous {
					p = path
				}
				if !v.Field(i).IsZero() {
					seen[p] = true
				} else if _, ok := seen[p]; !ok {
					seen[p] = false
				}
				walk(p, v.Field(i), seen)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(path+"[]", v.Index(i), seen)
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(path+"{}", v.MapIndex(k), seen)
			}
		}
	}
	seen := map[string]bool{}
	walk("o", reflect.ValueOf(full(t)), seen)
	for p, ok := range seen {
		name := p[strings.LastIndex(p, ".")+1:]
		if !ok && !mayBeZero[name] {
			t.Errorf("the full fixture never sets %s", p)
		}
	}
}

func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
