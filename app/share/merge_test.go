package share

import (
	"errors"
	"slices"
	"testing"

	"counterpart/app/onboarding"
)

// pair returns the same onboarding as kept by the buddy (a) and by the
// newcomer (b), after the first link went across.
func pair(t *testing.T) (a, b *onboarding.Onboarding) {
	t.Helper()
	a = onboarding.New(onboarding.Draft{MyName: "Dana", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Sam", PeerRole: "CFO", PeerFunction: onboarding.Finance, StartDate: "2026-11-02"}, t0)
	a.Roles.SeedRows([]string{"Cloud spend", "Vendor contracts", "Hiring plan"}, a.Buddy.ID, t0)
	onboarding.Add(&a.DataSources, a.Buddy.ID, t0).Name = "Looker"
	b, _ = Receive(roundTrip(t, a), a.Newcomer.ID)
	return a, b
}

// roundTrip sends o through a link, as the other device receives it.
func roundTrip(t *testing.T, o *onboarding.Onboarding) *onboarding.Onboarding {
	t.Helper()
	got, err := Decode(encodeFast(t, o, ""), "")
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func merge(t *testing.T, local, incoming *onboarding.Onboarding) (*onboarding.Onboarding, Changes) {
	t.Helper()
	before := jsonOf(t, local)
	m, ch, err := Merge(local, roundTrip(t, incoming))
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, local) != before {
		t.Fatal("Merge changed the local copy it was given")
	}
	return m, ch
}

func TestReceiveTakesEverythingForThePersonChosen(t *testing.T) {
	a, b := pair(t)
	if b.Me != a.Newcomer.ID || b.Writer != "" {
		t.Errorf("me %q writer %q; want the newcomer and no writer", b.Me, b.Writer)
	}
	if len(b.DataSources) != 1 || len(b.Roles.Rows) != 3 {
		t.Errorf("received %d sources, %d rows", len(b.DataSources), len(b.Roles.Rows))
	}
	_, ch := Receive(a, a.Newcomer.ID)
	if !ch.New || ch.Added[Section(onboarding.StageData)] != 1 || ch.Added[Section(onboarding.StageRoles)] != 3 {
		t.Errorf("changes %+v", ch)
	}
}

func TestNewerEditWinsEitherWay(t *testing.T) {
	a, b := pair(t)
	id := a.DataSources[0].ID
	onboarding.Edit(a.DataSources, id, at(10), func(d *onboarding.DataSource) { d.Owner = "Kenji" })
	onboarding.Edit(b.DataSources, id, at(20), func(d *onboarding.DataSource) { d.Owner = "Lucía" })
	a.Touch(at(10))
	b.Touch(at(20))

	m, ch := merge(t, a, b)
	if m.DataSources[0].Owner != "Lucía" || ch.Updated[Section(onboarding.StageData)] != 1 {
		t.Errorf("A took %q (%+v); want B's newer edit", m.DataSources[0].Owner, ch.Updated)
	}
	m, ch = merge(t, b, a)
	if m.DataSources[0].Owner != "Lucía" || !ch.None() {
		t.Errorf("B took %q, changes %+v; want its own newer edit kept and nothing changed", m.DataSources[0].Owner, ch)
	}
}

func TestConcurrentEditsToDifferentEntriesBothSurvive(t *testing.T) {
	a, b := pair(t)
	onboarding.Add(&a.Problems, a.Buddy.ID, at(5)).Problem = "Close takes 12 days"
	onboarding.Add(&b.Problems, b.Newcomer.ID, at(6)).Problem = "Cash forecast is manual"
	onboarding.Add(&b.Surprises, b.Newcomer.ID, at(6)).What = "Board meets at 7am"
	m, ch := merge(t, a, b)
	if len(m.Problems) != 2 || len(m.Surprises) != 1 {
		t.Errorf("%d problems, %d surprises; want 2 and 1", len(m.Problems), len(m.Surprises))
	}
	if m.Problems[0].Problem != "Close takes 12 days" {
		t.Error("this device's order changed")
	}
	if ch.Added[Section(onboarding.StageProblems)] != 1 || ch.Added[Section(onboarding.StageProcesses)] != 1 {
		t.Errorf("added %+v", ch.Added)
	}
}

func TestTombstonesTravelAndOnlyNewerOnesRemove(t *testing.T) {
	a, b := pair(t)
	id := a.DataSources[0].ID
	// B removes the source; A's copy is older than the removal.
	onboarding.Remove(&b.DataSources, id)
	b.Bury(id, at(30))
	m, ch := merge(t, a, b)
	if len(m.DataSources) != 0 || ch.Removed[Section(onboarding.StageData)] != 1 {
		t.Errorf("removal did not travel: %d sources, %+v", len(m.DataSources), ch.Removed)
	}
	if _, ok := m.Deleted[id]; !ok {
		t.Error("tombstone not kept")
	}
	// Sending back A's old copy does not bring it back to B.
	m, _ = merge(t, b, a)
	if len(m.DataSources) != 0 {
		t.Error("a removed entry came back from the other copy")
	}

	// An edit made after the removal wins over it.
	a2, b2 := pair(t)
	id = a2.DataSources[0].ID
	onboarding.Remove(&b2.DataSources, id)
	b2.Bury(id, at(30))
	onboarding.Edit(a2.DataSources, id, at(40), func(d *onboarding.DataSource) { d.Checked = true })
	m, _ = merge(t, a2, b2)
	if len(m.DataSources) != 1 {
		t.Error("an entry edited after its removal was removed")
	}
}

func TestAbsenceIsNotDeletion(t *testing.T) {
	a, b := pair(t)
	onboarding.Add(&a.People, a.Buddy.ID, at(5)).Name = "Kenji"
	// B never saw Kenji: merging B's copy into A keeps him.
	m, ch := merge(t, a, b)
	if len(m.People) != 1 || ch.Removed[Section(onboarding.StageTeam)] != 0 {
		t.Errorf("an entry the other copy lacks was dropped")
	}
}

func TestPrivateLocalEntriesAreNeverTouched(t *testing.T) {
	a, b := pair(t)
	read := onboarding.Add(&a.TeamRead, a.Buddy.ID, at(5))
	read.Person, read.Private = "Kenji", true
	note := onboarding.Add(&a.Problems, a.Buddy.ID, at(5))
	note.Problem = "shared then made private"
	// B got it while it was shared, then A made it private; B edits and
	// removes things later.
	bc := roundTrip(t, a)
	b, _ = Receive(bc, b.Me)
	b.Problems = append(b.Problems, onboarding.Problem{Meta: onboarding.Meta{ID: note.ID, Author: b.Me, Updated: at(50)}, Problem: "B's edit"})
	a.Problems[0].Private = true
	b.Bury(read.ID, at(60))
	a.BudgetAdvice = onboarding.Note{Meta: onboarding.Meta{ID: a.BudgetAdvice.ID, Author: a.Me, Private: true, Updated: at(1)}, Text: "mine only"}
	b.BudgetAdvice.Text, b.BudgetAdvice.Updated = "B's advice", at(70)

	m, _ := merge(t, a, b)
	if len(m.TeamRead) != 1 || m.TeamRead[0].Person != "Kenji" {
		t.Error("a private team read entry was removed by a tombstone")
	}
	if p := onboarding.Find(m.Problems, note.ID); p == nil || p.Problem != "shared then made private" || !p.Private {
		t.Errorf("a private entry was overwritten: %+v", p)
	}
	if m.BudgetAdvice.Text != "mine only" {
		t.Error("a private note was overwritten")
	}
}

func TestRoleAnswersFromBothSidesUnlockTheComparison(t *testing.T) {
	a, b := pair(t)
	// A answers and finishes on A's device.
	for i := range a.Roles.Rows {
		onboarding.SetAnswer(a, &a.Roles.Rows[i], a.Buddy.ID, onboarding.Mine, at(10))
	}
	sa := a.Roles.SideOf(a.Buddy.ID)
	sa.ExpectMine, sa.ExpectYours, sa.Done, sa.Updated = "I run cloud", "You run the close", true, at(11)
	a.Touch(at(11))
	// B answers on B's device, without having A's answers yet.
	for i := range b.Roles.Rows {
		onboarding.SetAnswer(b, &b.Roles.Rows[i], b.Newcomer.ID, onboarding.Yours, at(12))
	}
	sb := b.Roles.SideOf(b.Newcomer.ID)
	sb.ExpectMine, sb.Done, sb.Updated = "I run the close", true, at(13)
	b.Touch(at(13))

	// B receives A's link: A's answers arrive, B's own stay.
	mb, ch := merge(t, b, a)
	if !ch.Unlocked || !mb.Roles.BothDone(mb) {
		t.Errorf("comparison not unlocked on B: %+v", ch)
	}
	if !slices.Equal(ch.Sides, []string{a.Buddy.ID}) {
		t.Errorf("sides changed %v; want only A's", ch.Sides)
	}
	for _, row := range mb.Roles.Rows {
		if row.Owners[a.Buddy.ID] != onboarding.Owner(a.Buddy.ID) || row.Owners[a.Newcomer.ID] != onboarding.Owner(a.Buddy.ID) {
			t.Errorf("row %s on B: %v; want both answers (Dana owns it, each says)", row.Area, row.Owners)
		}
	}
	if mb.Roles.SideOf(a.Newcomer.ID).ExpectMine != "I run the close" || mb.Roles.SideOf(a.Buddy.ID).ExpectMine != "I run cloud" {
		t.Error("expectations lost on B")
	}
	// A receives B's link: the same result on both devices.
	ma, ch := merge(t, a, b)
	if !ch.Unlocked {
		t.Error("comparison not unlocked on A")
	}
	if _, counts := onboarding.Compare(ma); counts[onboarding.Agreed] != 3 {
		t.Errorf("A's comparison: %v", counts)
	}
	if jsonOf(t, ma.Roles) != jsonOf(t, mb.Roles) {
		t.Error("the two devices disagree on the role agreement after exchanging links")
	}
}

func TestOwnNewerAnswersAreNotOverwrittenByAnOlderCopy(t *testing.T) {
	a, b := pair(t)
	row := &b.Roles.Rows[0]
	onboarding.SetAnswer(b, row, b.Newcomer.ID, onboarding.Mine, at(20))
	// A's copy is newer overall, and its row too (A renamed the area),
	// but holds nothing newer of B's.
	a.Roles.Rows[0].Area, a.Roles.Rows[0].Updated = "Cloud spend and commitments", at(30)
	a.Touch(at(30))
	m, _ := merge(t, b, a)
	if m.Roles.Rows[0].Area != "Cloud spend and commitments" {
		t.Error("the newer rename was lost")
	}
	if m.Roles.Rows[0].Owners[b.Newcomer.ID] != onboarding.Owner(b.Newcomer.ID) {
		t.Error("B's own answer was overwritten by A's older copy")
	}
}

func TestAnswersTypedAtTheOtherDeviceTravel(t *testing.T) {
	a, b := pair(t)
	// Sitting together at A's device, B answered as the writer.
	a.Writer = a.Newcomer.ID
	onboarding.SetAnswer(a, &a.Roles.Rows[1], a.Newcomer.ID, onboarding.NotSure, at(20))
	m, ch := merge(t, b, a)
	if m.Roles.Rows[1].Owners[a.Newcomer.ID] != onboarding.Unsure || !slices.Contains(ch.Sides, a.Newcomer.ID) {
		t.Error("B's answer given at A's device did not reach B's device")
	}
	if m.Writer != "" || m.Me != b.Me {
		t.Errorf("device-only fields travelled: me %q writer %q", m.Me, m.Writer)
	}
}

func TestDetailsComeFromTheNewerCopy(t *testing.T) {
	a, b := pair(t)
	b.Rename("Sam's first 90 days", at(40))
	b.Roles.Cadence.Day, b.Roles.Cadence.Time = "tuesday", "09:30"
	m, ch := merge(t, a, b)
	if m.Title != "Sam's first 90 days" || m.Roles.Cadence.Day != "tuesday" || !ch.Details {
		t.Errorf("title %q day %q details %v", m.Title, m.Roles.Cadence.Day, ch.Details)
	}
	if !m.Updated.Equal(at(40)) {
		t.Errorf("updated %v", m.Updated)
	}
	m, ch = merge(t, b, a)
	if m.Title != "Sam's first 90 days" || ch.Details {
		t.Error("an older copy's title won")
	}
}

func TestMeetingItemsMergeInsideAMeeting(t *testing.T) {
	a, b := pair(t)
	mt := onboarding.Add(&a.Meetings, a.Buddy.ID, at(1))
	mt.Date = "2026-11-10"
	b, _ = Receive(roundTrip(t, a), b.Me)
	onboarding.Add(&a.Meetings[0].Items, a.Buddy.ID, at(2)).Text = "Cloud budget"
	onboarding.Add(&b.Meetings[0].Items, b.Newcomer.ID, at(3)).Text = "Close calendar"
	b.Meetings[0].Notes, b.Meetings[0].Updated = "Good talk", at(4)
	m, _ := merge(t, a, b)
	if len(m.Meetings) != 1 || len(m.Meetings[0].Items) != 2 || m.Meetings[0].Notes != "Good talk" {
		t.Errorf("meeting after merge: %+v", m.Meetings)
	}
}

func TestMergeRefusesAnotherPair(t *testing.T) {
	a, _ := pair(t)
	other := roundTrip(t, a)
	other.Newcomer.ID = onboarding.NewID()
	if _, _, err := Merge(a, other); !errors.Is(err, ErrOtherPair) {
		t.Errorf("Merge = %v, want ErrOtherPair", err)
	}
}

func TestMergingTwiceChangesNothing(t *testing.T) {
	a, b := pair(t)
	onboarding.Add(&b.Problems, b.Newcomer.ID, at(6)).Problem = "Cash forecast"
	m, _ := merge(t, a, b)
	again, ch := merge(t, m, b)
	if !ch.None() || jsonOf(t, again) != jsonOf(t, m) {
		t.Errorf("a second merge of the same link changed things: %+v", ch)
	}
}
