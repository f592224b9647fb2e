package share

import (
	"errors"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/sample"
)

// The losses of issue 23 that live in the exchange of links, each as it
// was reported, and the rules that fix them.

// exchange opens each link on the device, in order, failing on an error.
func (d *device) take(t *testing.T, links ...string) {
	t.Helper()
	for _, l := range links {
		if _, err := d.open(t, l); err != nil {
			t.Fatal(err)
		}
	}
}

// started gives two devices of two people the same onboarding, each
// having had a complete link from the other.
func started(t *testing.T, start time.Time) (dana, priya *device) {
	t.Helper()
	dana = newDevice(example(t), start, 11)
	priya = newDevice(nil, start, 22)
	priya.take(t, dana.send(t, false))
	dana.take(t, priya.send(t, false))
	return dana, priya
}

func surprise(what string) func(o *onboarding.Onboarding, now time.Time) {
	return func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Add(&o.Surprises, o.Me, now).What = what
	}
}

func hasSurprise(o *onboarding.Onboarding, what string) bool {
	for _, s := range o.Surprises {
		if s.What == what {
			return true
		}
	}
	return false
}

// Loss 4: a clock that ran ahead, then was put right, and a confirmation
// that arrives late. The confirmation moved the watermark past the edits
// made after the clock was fixed, so the next link of changes left them
// out and Pending said 0. Stamps now come from a clock that never goes
// back, and a confirmation is what the other device held, so it cannot
// cover an edit it never saw.
func TestAClockThatRanAheadAndALateConfirmationLoseNothing(t *testing.T) {
	for _, skew := range []time.Duration{time.Hour, 72 * time.Hour} {
		start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
		dana, priya := started(t, start)
		dana.now = dana.now.Add(skew) // Dana's clock runs ahead
		dana.edit(surprise("stamped while the clock ran ahead"))
		priya.take(t, dana.send(t, false))
		confirmation := priya.send(t, false) // made now, opened late

		dana.now = dana.now.Add(-skew) // the clock is put right
		dana.edit(surprise("after the clock was put right"))
		dana.take(t, confirmation)
		if n := onboarding.Pending(dana.o); n == 0 {
			t.Errorf("skew %v: Pending says 0 with an edit Priya never saw", skew)
		}
		priya.take(t, dana.send(t, false))
		if !hasSurprise(priya.o, "after the clock was put right") {
			t.Errorf("skew %v: the next link of changes left out the edit made after the clock was put right", skew)
		}
	}
}

// Loss 5: a person on two devices. The peer merged a link from the
// phone; the phone's edits were taken as the peer's echo and left out of
// the next link for the laptop, whose own next link was then refused. A
// link now carries what any of the person's devices has not confirmed.
func TestAPersonOnTwoDevices(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, laptop := started(t, start)
	phone := newDevice(nil, start, 33)
	phone.take(t, dana.send(t, true))
	dana.take(t, phone.send(t, false))

	phone.edit(surprise("typed on the phone"))
	dana.take(t, phone.send(t, false))
	dana.edit(surprise("Dana's reply"))
	laptop.take(t, dana.send(t, false))
	if !hasSurprise(laptop.o, "typed on the phone") || !hasSurprise(laptop.o, "Dana's reply") {
		t.Fatal("the laptop did not get the phone's edit through Dana's link")
	}
	laptop.edit(surprise("typed on the laptop"))
	if _, err := dana.open(t, laptop.send(t, false)); err != nil {
		t.Fatalf("the laptop's next link is refused: %v", err)
	}
	phone.take(t, dana.send(t, false))
	for _, d := range []*device{dana, laptop, phone} {
		for _, want := range []string{"typed on the phone", "Dana's reply", "typed on the laptop"} {
			if !hasSurprise(d.o, want) {
				t.Errorf("device %d lacks %q", d.clock.Device, want)
			}
		}
	}
	sameShared(t, dana.o, phone.o)
}

// A link of changes is refused only when something really is missing, and
// the refusal names what.
func TestARefusalNamesWhatIsMissing(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, laptop := started(t, start)
	phone := newDevice(nil, start, 33)
	phone.take(t, dana.send(t, true))
	dana.take(t, phone.send(t, false))
	dana.edit(surprise("first"))
	lost := dana.send(t, false) // never reaches the phone
	laptop.take(t, lost)
	dana.take(t, laptop.send(t, false)) // the laptop confirms it; the phone has not
	dana.edit(surprise("second"))
	// Dana's link builds on what both of Priya's devices confirmed: the
	// phone's confirmation predates "first", so it is carried again.
	phone.take(t, dana.send(t, false))
	if !hasSurprise(phone.o, "first") || !hasSurprise(phone.o, "second") {
		t.Error("the phone missed an edit")
	}
	// A device of Priya's that has only an older complete link is told
	// what it lacks.
	behind := newDevice(nil, start, 44)
	behind.take(t, dana.send(t, true))
	dana.edit(surprise("third"))
	dana.take(t, laptop.send(t, false), phone.send(t, false)) // neither has "third" yet
	laptop.take(t, dana.send(t, false))
	phone.take(t, dana.send(t, false))
	dana.take(t, laptop.send(t, false), phone.send(t, false)) // both confirm "third"
	dana.edit(surprise("fourth"))
	_, err := behind.open(t, dana.send(t, false))
	var e *onboarding.ErrNeedsEarlier
	if !errors.As(err, &e) || !strings.Contains(err.Error(), dana.o.Buddy.Name) || !strings.Contains(err.Error(), "after") {
		t.Errorf("the refusal says %v", err)
	}
	if hasSurprise(behind.o, "fourth") {
		t.Error("a refused link changed the device")
	}
}

// Last writer by wall clock let an edit from a device whose clock ran
// three days ahead beat a later real edit. An edit made after seeing
// another now always wins, whatever the clocks.
func TestALaterEditWinsOverAClockThreeDaysAhead(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, priya := started(t, start)
	dana.now = dana.now.Add(72 * time.Hour)
	id := dana.o.DataSources[0].ID
	dana.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Edit(o.DataSources, id, now, func(d *onboarding.DataSource) { d.Owner = "Dana, clock ahead" })
	})
	priya.take(t, dana.send(t, false))
	priya.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Edit(o.DataSources, id, now, func(d *onboarding.DataSource) { d.Owner = "Priya, later" })
	})
	dana.take(t, priya.send(t, false))
	if got := onboarding.Find(dana.o.DataSources, id).Owner; got != "Priya, later" {
		t.Errorf("the later edit lost to a clock three days ahead: %q", got)
	}
}

// Both people start the same week's 1:1 on their own devices: after the
// links, one 1:1 of that date, with both agendas, both notes and both
// commitments, the same on both devices.
func TestBothStartTheSameOneToOne(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, priya := started(t, start)
	date := "2027-01-12"
	for _, d := range []*device{dana, priya} {
		who := d.o.PersonByID(d.o.Me).Name
		d.edit(func(o *onboarding.Onboarding, now time.Time) {
			m, err := onboarding.StartMeeting(o, date, o.Me, now)
			if err != nil {
				t.Fatal(err)
			}
			onboarding.Add(&m.Items, o.Me, now).Text = "topic from " + who
			m.Notes = "notes by " + who
			if _, err := onboarding.AddCommitment(o, o.Me, "commitment of "+who, "", m.ID, o.Me, now); err != nil {
				t.Fatal(err)
			}
		})
	}
	dana.take(t, priya.send(t, false))
	priya.take(t, dana.send(t, false))
	sameShared(t, dana.o, priya.o)
	var on []onboarding.Meeting
	for _, m := range dana.o.Meetings {
		if m.Date == date {
			on = append(on, m)
		}
	}
	if len(on) != 1 {
		t.Fatalf("%d 1:1s on %s after merging", len(on), date)
	}
	m := on[0]
	for _, who := range []string{dana.o.Buddy.Name, dana.o.Newcomer.Name} {
		if !strings.Contains(m.Notes, "notes by "+who) {
			t.Errorf("the notes lost %s's: %q", who, m.Notes)
		}
		found := false
		for _, it := range m.Items {
			found = found || it.Text == "topic from "+who
		}
		if !found {
			t.Errorf("the agenda lost %s's topic", who)
		}
		kept := false
		for _, c := range dana.o.Commitments {
			kept = kept || c.What == "commitment of "+who && c.Meeting == m.ID
		}
		if !kept {
			t.Errorf("%s's commitment is not on the merged 1:1", who)
		}
	}
}

// The first reply after a complete link carried everything again (22,973
// characters at one year). It now carries only what the replier added.
func TestTheFirstReplyIsSmall(t *testing.T) {
	start := time.Date(2028, 3, 1, 9, 0, 0, 0, time.UTC)
	// A year of weekly 1:1s written on Dana's device.
	year := sample.Years(1, start.Add(-time.Hour))
	onboarding.WrittenOn(year, 11)
	dana := newDevice(year, start, 11)
	priya := newDevice(nil, start, 22)
	priya.take(t, dana.send(t, true))
	priya.edit(surprise("Priya's first addition"))
	reply := Link("https://counterpart.example", priya.send(t, false))
	t.Logf("the first reply after a complete link at one year: %d characters", len(reply))
	if len(reply) > 2000 {
		t.Errorf("the first reply after a complete link at one year is %d characters", len(reply))
	}
	dana.take(t, reply)
	if !hasSurprise(dana.o, "Priya's first addition") {
		t.Error("the reply did not carry Priya's addition")
	}
}

// Opening your own link, of changes or complete, merges quietly: nothing
// new, no request to ask yourself for a complete link.
func TestYourOwnLinkMergesQuietly(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, _ := started(t, start)
	dana.edit(surprise("mine"))
	for _, complete := range []bool{false, true} {
		ch, err := dana.open(t, dana.send(t, complete))
		if err != nil || !ch.None() {
			t.Errorf("complete %v: opening my own link: %+v, %v", complete, ch, err)
		}
	}
}

// A merge reports a conflict only where both changed the same value
// without knowing of the other's change.
func TestConflictsAreOnlyRealOnes(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, priya := started(t, start)
	a, b := dana.o.DataSources[0].ID, dana.o.DataSources[1].ID
	owner := func(id, v string) func(*onboarding.Onboarding, time.Time) {
		return func(o *onboarding.Onboarding, now time.Time) {
			onboarding.Edit(o.DataSources, id, now, func(d *onboarding.DataSource) { d.Owner = v })
		}
	}
	dana.edit(owner(a, "Dana's"))
	priya.edit(owner(b, "Priya's"))
	ch, err := dana.open(t, priya.send(t, false))
	if err != nil || ch.Conflicts != 0 {
		t.Errorf("edits of different entries: %d conflicts, %v", ch.Conflicts, err)
	}
	priya.take(t, dana.send(t, false))
	dana.edit(owner(a, "Dana again"))
	priya.edit(owner(a, "Priya too"))
	ch, err = dana.open(t, priya.send(t, false))
	if err != nil || ch.Conflicts != 1 {
		t.Errorf("both changed the same entry: %d conflicts, %v", ch.Conflicts, err)
	}
	// The later edit is kept on both devices.
	priya.take(t, dana.send(t, false))
	sameShared(t, dana.o, priya.o)
}

// A locked link was always 63-64 characters longer than the plain one,
// so its length gave away the size of what it held. Locked links are
// padded to a few fixed lengths.
func TestLockedLinksComeInAFewLengths(t *testing.T) {
	lengths := map[int]bool{}
	o := example(t)
	for i := 0; i < 12; i++ {
		onboarding.Add(&o.Surprises, o.Buddy.ID, at(500+i)).What = strings.Repeat("more words ", i*3)
		lengths[len(encodeFast(t, o, "a long enough passphrase"))] = true
	}
	if len(lengths) > 3 {
		t.Errorf("twelve onboardings of growing size made locked links of %d lengths", len(lengths))
	}
}

// Remove against edit: the later of the two wins, and a removal never
// lands later by the merge of an unrelated link.
func TestARemovalNeverLandsLater(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, priya := started(t, start)
	id := dana.o.DataSources[0].ID
	dana.edit(func(o *onboarding.Onboarding, now time.Time) { onboarding.Lists.DataSources.Remove(o, id, now) })
	priya.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Edit(o.DataSources, id, now, func(d *onboarding.DataSource) { d.Owner = "edited after" })
	})
	priya.take(t, dana.send(t, false))
	dana.take(t, priya.send(t, false))
	sameShared(t, dana.o, priya.o)
	there := onboarding.Find(dana.o.DataSources, id) != nil
	// An unrelated link changes nothing about it.
	priya.edit(surprise("unrelated"))
	dana.take(t, priya.send(t, false))
	if now := onboarding.Find(dana.o.DataSources, id) != nil; now != there {
		t.Errorf("an unrelated link changed whether the entry is there: %v, then %v", there, now)
	}
}

// A link that brings nothing new still says what its sender holds: taking
// it makes the next link back smaller, and says so (Confirms). Opening it
// again, or opening your own link, confirms nothing more.
func TestALinkOfNothingNewConfirms(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	dana, priya := started(t, start)
	dana.edit(surprise("Dana's news"))
	priya.take(t, dana.send(t, false))
	// Priya's reply holds nothing Dana lacks, but says Priya has Dana's news.
	reply := priya.send(t, false)
	p, err := Open(reply, "")
	if err != nil {
		t.Fatal(err)
	}
	merged, ch, err := Take(dana.o, p, "")
	if err != nil || !ch.None() {
		t.Fatalf("the reply brings %+v, %v", ch, err)
	}
	if !onboarding.Confirms(dana.o, merged) {
		t.Fatal("a reply of nothing new confirms nothing")
	}
	if onboarding.Pending(dana.o) == 0 || onboarding.Pending(merged) != 0 {
		t.Errorf("pending before the confirmation %d, after %d: want some, then none", onboarding.Pending(dana.o), onboarding.Pending(merged))
	}
	again, _, err := Take(merged, p, "")
	if err != nil || onboarding.Confirms(merged, again) {
		t.Errorf("the same reply opened twice confirms again (%v)", err)
	}
	own, _ := Open(dana.send(t, false), "")
	if mine, _, err := Take(merged, own, ""); err != nil || onboarding.Confirms(merged, mine) {
		t.Errorf("Dana's own link confirms something (%v)", err)
	}
}
