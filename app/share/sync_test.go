package share

import (
	"errors"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/onboarding/onboardingtest"
)

// Every way a copy travels, merged into an older copy of the same
// onboarding, keeps every shareable field of the newer one; and the older
// copy travelling over the newer one changes nothing.
func TestEveryTransportKeepsEveryField(t *testing.T) {
	t1 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	t2 := t1.Add(72 * time.Hour)
	transports := map[string]func(t *testing.T, o *onboarding.Onboarding) *onboarding.Onboarding{
		"link": roundTrip,
		"locked link": func(t *testing.T, o *onboarding.Onboarding) *onboarding.Onboarding {
			got, err := Decode(encodeFast(t, o, "two words"), "two words")
			if err != nil {
				t.Fatal(err)
			}
			return got
		},
		"file": func(t *testing.T, o *onboarding.Onboarding) *onboarding.Onboarding {
			file, err := FileOf(encodeFast(t, o, ""))
			if err != nil {
				t.Fatal(err)
			}
			got, err := DecodeFile(file, "")
			if err != nil {
				t.Fatal(err)
			}
			return got
		},
		"backup": func(t *testing.T, o *onboarding.Onboarding) *onboarding.Onboarding {
			raw, err := WriteBackup([]*onboarding.Onboarding{o}, t2)
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := ReadBackup(raw)
			if err != nil || len(list) != 1 {
				t.Fatal(err)
			}
			return list[0]
		},
	}
	for name, travel := range transports {
		t.Run(name, func(t *testing.T) {
			older, newer := onboardingtest.Filled("older", t1), onboardingtest.Filled("newer", t2)
			want := jsonOf(t, onboarding.Shareable(newer))
			m, _, err := Merge(older, travel(t, newer))
			if err != nil {
				t.Fatal(err)
			}
			if got := jsonOf(t, onboarding.Shareable(m)); got != want {
				t.Errorf("merged into an older copy, the %s lost fields:\n got %s\nwant %s", name, got, want)
			}
			m, _, err = Merge(newer, travel(t, older))
			if err != nil {
				t.Fatal(err)
			}
			if got := jsonOf(t, onboarding.Shareable(m)); got != want {
				t.Errorf("an older %s overwrote newer content", name)
			}
		})
	}
}

// device is one browser: a person's copy, and the device's clock, whose
// wall time moves a day and an hour at each step.
type device struct {
	o     *onboarding.Onboarding
	now   time.Time // the device's wall clock
	clock *onboarding.Clock
}

// newDevice returns device number n with its wall clock at now.
func newDevice(o *onboarding.Onboarding, now time.Time, n onboarding.Device) *device {
	d := &device{o: o, now: now}
	d.clock = &onboarding.Clock{Device: n, Wall: func() time.Time { return d.now }}
	if o != nil {
		d.clock.See(onboarding.NewestStamp(o))
	}
	return d
}

func (d *device) tick() time.Time {
	d.now = d.now.Add(25 * time.Hour)
	return d.clock.Now()
}

// send makes the link a person's share page makes, as text.
func (d *device) send(t *testing.T, complete bool) string {
	t.Helper()
	h := onboarding.StartLink(d.o, d.clock.Now(), complete)
	frag, _, err := encodeLink(d.o, h, "", minIterations)
	if err != nil {
		t.Fatal(err)
	}
	return frag
}

// open opens a link on the device and saves the result; it returns the
// error a person would see.
func (d *device) open(t *testing.T, frag string) (Changes, error) {
	t.Helper()
	p, err := Open(frag, "")
	if err != nil {
		t.Fatal(err)
	}
	me := ""
	if d.o == nil {
		me = p.Onboarding.Other(p.Header.From).ID
	}
	m, ch, err := Take(d.o, p, me)
	if err == nil {
		d.o = m
		d.clock.See(onboarding.NewestStamp(m))
	}
	return ch, err
}

// edit makes a change as a person does, stamped by the device's clock.
func (d *device) edit(change func(o *onboarding.Onboarding, now time.Time)) {
	d.tick()
	onboarding.ApplyWith(d.o, d.clock.Now, func(o *onboarding.Onboarding) { change(o, d.clock.Now()) })
	d.o.Normalize() // as the store does on the next load
}

// sameShared fails unless both copies share the same content.
func sameShared(t *testing.T, a, b *onboarding.Onboarding) {
	t.Helper()
	if x, y := onboardingtest.Canonical(a), onboardingtest.Canonical(b); x != y {
		t.Fatalf("the two copies differ:\n%s\n%s", x, y)
	}
}

// weekOfChanges is what a week of 1:1s adds on one side: a meeting with
// an agenda and notes, a commitment, a done item of the week before.
func weekOfChanges(who string) func(o *onboarding.Onboarding, now time.Time) {
	return func(o *onboarding.Onboarding, now time.Time) {
		author := o.Buddy.ID
		if who == "newcomer" {
			author = o.Newcomer.ID
		}
		last := o.LatestMeeting()
		if last != nil && len(last.Items) > 0 {
			onboarding.Edit(last.Items, last.Items[0].ID, now, func(it *onboarding.MeetingItem) { it.Done = true })
		}
		m := last
		if who == "buddy" || m == nil { // the buddy starts the week's 1:1; the newcomer adds to it
			day := now
			for o.MeetingOn(day.Format("2006-01-02")) != nil {
				day = day.AddDate(0, 0, 1)
			}
			var err error
			if m, err = onboarding.StartMeeting(o, day.Format("2006-01-02"), author, now); err != nil {
				panic(err)
			}
		}
		onboarding.Add(&m.Items, author, now).Text = "Topic from " + who + " " + now.Format(time.Kitchen)
		onboarding.Edit(o.Meetings, m.ID, now, func(m *onboarding.Meeting) { m.Notes += "Notes by " + who + ". " })
		onboarding.AddCommitment(o, author, "Follow up, "+who, "", m.ID, author, now)
	}
}

// Two people exchange a complete link each, then links of changes over
// several rounds, one of them lost on the way, and end with the same.
func TestLinksOfChangesOverSeveralRounds(t *testing.T) {
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	dana := newDevice(onboardingtest.Filled("dana", start), start, 11)
	dana.o.Sync = onboarding.Sync{}
	priya := newDevice(nil, start.Add(-3*time.Hour), 22) // her clock runs behind

	first := dana.send(t, false)
	if p, _ := Open(first, ""); p.Header.Partial() {
		t.Fatal("the first link is not complete")
	}
	if _, err := priya.open(t, first); err != nil {
		t.Fatal(err)
	}
	back := priya.send(t, false)
	if p, _ := Open(back, ""); p.Header.Partial() {
		t.Fatal("Priya's first link is partial though Dana has never had one from her")
	}
	if _, err := dana.open(t, back); err != nil {
		t.Fatal(err)
	}
	sameShared(t, dana.o, priya.o)

	for round := 0; round < 4; round++ {
		dana.edit(weekOfChanges("buddy"))
		link := dana.send(t, false)
		p, _ := Open(link, "")
		if !p.Header.Partial() {
			t.Fatalf("round %d: Dana's link is complete after an exchange", round)
		}
		if round == 2 {
			continue // lost on the way: Priya never opens it
		}
		if _, err := priya.open(t, link); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		priya.edit(weekOfChanges("newcomer"))
		reply := priya.send(t, false)
		if _, err := dana.open(t, reply); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if round != 1 { // after a lost link, Priya lacks Dana's last week
			sameShared(t, dana.o, priya.o)
		}
	}
	// One more round brings what was lost.
	if _, err := priya.open(t, dana.send(t, false)); err != nil {
		t.Fatal(err)
	}
	if _, err := dana.open(t, priya.send(t, false)); err != nil {
		t.Fatal(err)
	}
	sameShared(t, dana.o, priya.o)
	// Dana has Priya's confirmation of all she sent, and Priya of Dana's.
	if n := onboarding.Pending(dana.o); n != 0 {
		t.Errorf("after a full exchange, Dana has %d changes pending", n)
	}
	if _, err := priya.open(t, dana.send(t, false)); err != nil {
		t.Fatal(err)
	}
	if n := onboarding.Pending(priya.o); n != 0 {
		t.Errorf("after a full exchange, Priya has %d changes pending", n)
	}
}

// A link of changes carries what changed, not what came from the other
// side, and is much shorter than a complete one.
func TestALinkOfChangesCarriesOnlyWhatTheOtherLacks(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC) // after the example's own edits
	dana := newDevice(example(t), start, 11)
	priya := newDevice(nil, start, 22)
	priya.open(t, dana.send(t, false))
	dana.open(t, priya.send(t, false))

	priya.edit(weekOfChanges("newcomer"))
	dana.open(t, priya.send(t, false))
	if n := onboarding.Pending(dana.o); n != 0 {
		t.Errorf("Dana would send back %d of Priya's own changes", n)
	}
	dana.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Add(&o.Surprises, o.Buddy.ID, now).What = "Board at 7am"
	})
	link := dana.send(t, false)
	_, _, n := onboarding.ChangesSince(dana.o, onboarding.BaseFor(dana.o))
	complete := dana.send(t, true)
	if n != 1 || len(link)*5 > len(complete) {
		t.Errorf("%d changes in a link of %d characters, the complete one %d", n, len(link), len(complete))
	}
	ch, err := priya.open(t, link)
	if err != nil || ch.Added[Section(onboarding.StageProcesses)] != 1 {
		t.Errorf("Priya got %+v, %v", ch.Added, err)
	}
	sameShared(t, dana.o, priya.o)
}

// Removals travel in a link of changes.
func TestTombstonesTravelInALinkOfChanges(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC) // after the example's own edits
	dana := newDevice(example(t), start, 11)
	priya := newDevice(nil, start, 22)
	priya.open(t, dana.send(t, false))
	dana.open(t, priya.send(t, false))
	gone := dana.o.DataSources[0].ID
	dana.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Remove(&o.DataSources, gone)
		o.Bury(gone, now)
	})
	ch, err := priya.open(t, dana.send(t, false))
	if err != nil || onboarding.Find(priya.o.DataSources, gone) != nil || ch.Removed[Section(onboarding.StageData)] != 1 {
		t.Errorf("the removal did not travel: %+v, %v", ch.Removed, err)
	}
}

// On a device without the earlier links, a link of changes is refused in
// plain words and nothing changes; a complete link then opens.
func TestALinkOfChangesNeedsTheEarlierState(t *testing.T) {
	start := time.Date(2027, 3, 2, 9, 0, 0, 0, time.UTC)
	dana := newDevice(example(t), start, 11)
	priya := newDevice(nil, start, 22)
	priya.open(t, dana.send(t, false))
	dana.open(t, priya.send(t, false))
	dana.edit(weekOfChanges("buddy"))
	link := dana.send(t, false)

	fresh := newDevice(nil, start, 33)
	_, err := fresh.open(t, link)
	var earlier *onboarding.ErrNeedsEarlier
	if !errors.As(err, &earlier) || fresh.o != nil {
		t.Fatalf("a fresh device took a link of changes: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "only "+dana.o.Buddy.Name+"'s latest changes") || !strings.Contains(msg, "not on this device yet") || !strings.Contains(msg, "complete link") {
		t.Errorf("the message says %q", msg)
	}
	if _, err := Decode(link, ""); !errors.Is(err, ErrChangesOnly) {
		t.Errorf("Decode of a link of changes = %v", err)
	}
	if _, err := fresh.open(t, dana.send(t, true)); err != nil {
		t.Fatalf("a complete link did not open: %v", err)
	}
	sameShared(t, dana.o, fresh.o)
}

// A clock that went back since the last link loses nothing: the edit made
// in the gap, stamped after everything the device had seen, travels in the
// next link of changes.
func TestAClockThatWentBackLosesNothing(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC) // after the example's own edits
	dana := newDevice(example(t), start, 11)
	priya := newDevice(nil, start, 22)
	priya.open(t, dana.send(t, false))
	dana.open(t, priya.send(t, false))
	dana.now = dana.now.Add(-50 * time.Hour)
	dana.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Add(&o.Surprises, o.Buddy.ID, now).What = "In the gap"
	})
	link := dana.send(t, false)
	if p, _ := Open(link, ""); !p.Header.Partial() {
		t.Error("a complete link where one of changes would do")
	}
	if _, err := priya.open(t, link); err != nil {
		t.Fatal(err)
	}
	if last := priya.o.Surprises[len(priya.o.Surprises)-1]; last.What != "In the gap" {
		t.Errorf("the edit made after the clock went back did not arrive: %q", last.What)
	}
}

// Issue 18: a merge past the old cap of 200 dropped the receiver's own
// newest entries while the preview promised them.
func TestAMergeNeverDropsAnEntry(t *testing.T) {
	ann := example(t)
	ann.Problems = nil
	for i := 0; i < 150; i++ {
		onboarding.Add(&ann.Problems, ann.Buddy.ID, at(i)).Problem = "shared"
	}
	bob := roundTrip(t, ann)
	for i := 0; i < 30; i++ {
		onboarding.Add(&ann.Problems, ann.Buddy.ID, at(200+i)).Problem = "Ann's own"
	}
	for i := 0; i < 150; i++ {
		onboarding.Add(&bob.Problems, bob.Newcomer.ID, at(300+i)).Problem = "Bob's"
	}
	m, ch, err := Merge(ann, roundTrip(t, bob))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Problems) != 330 || ch.Added[Section(onboarding.StageProblems)] != 150 {
		t.Errorf("%d problems after the merge (want 330), preview says %d added (want 150)", len(m.Problems), ch.Added[Section(onboarding.StageProblems)])
	}
	// Past the cap, the merge is refused whole, in plain words.
	for len(bob.Problems) < onboarding.MaxEntries {
		onboarding.Add(&bob.Problems, bob.Newcomer.ID, at(1000))
	}
	before := jsonOf(t, ann)
	_, _, err = Merge(ann, roundTrip(t, bob))
	var full *onboarding.FullError
	if !errors.As(err, &full) || !strings.Contains(err.Error(), "nothing was changed") || !strings.Contains(err.Error(), "the problems") {
		t.Errorf("a merge past the cap: %v", err)
	}
	if jsonOf(t, ann) != before {
		t.Error("a refused merge changed the local copy")
	}
}

// Ten years of weekly 1:1s fit in every list.
func TestTenYearsFit(t *testing.T) {
	weeks := 520
	if onboarding.MaxMeetings < weeks || onboarding.MaxCommitments < 2*weeks {
		t.Errorf("caps: %d meetings, %d commitments; ten years of weekly 1:1s with two commitments need %d and %d",
			onboarding.MaxMeetings, onboarding.MaxCommitments, weeks, 2*weeks)
	}
}
