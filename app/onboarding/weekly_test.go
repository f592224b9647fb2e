package onboarding

import (
	"testing"
	"time"
)

// What the page says will carry forward is what starting the 1:1 carries.
func TestCarriedIsWhatStartingCarries(t *testing.T) {
	o := weekly(t)
	m1 := start(t, o, thu1)
	addItem(o, m1, o.Buddy.ID, "Close the books faster")
	done := addItem(o, m1, o.Newcomer.ID, "Meet the auditors")
	done.Done = true
	addItem(o, m1, o.Newcomer.ID, "Hiring plan")

	for _, date := range []string{thu2, "2026-11-01"} {
		from, items := Carried(o, date)
		c := copyOf(t, o)
		m, err := StartMeeting(c, date, o.Buddy.ID, t0)
		if err != nil {
			t.Fatal(err)
		}
		var carried []MeetingItem
		for _, it := range m.Items {
			if it.Origin != "" {
				carried = append(carried, it)
			}
		}
		if texts(items) != texts(carried) {
			t.Errorf("for %s the page says %q carries, and starting carried %q", date, texts(items), texts(carried))
		}
		if date == thu2 && (from == nil || from.ID != m1.ID || len(items) != 2) {
			t.Errorf("from %v, %d items: want the 2 open items of %s", from, len(items), thu1)
		}
		if date < thu1 && from != nil {
			t.Errorf("a 1:1 before every other carries from %s", from.Date)
		}
	}
}

func TestAgendaChanges(t *testing.T) {
	o := weekly(t)
	m := start(t, o, thu1)
	o.Writer = o.Newcomer.ID
	if err := AddItem(o, m.ID, "  Budget review  ", t0); err != nil {
		t.Fatal(err)
	}
	it := o.Meetings[0].Items[0]
	if it.Text != "Budget review" || it.Raised != thu1 || it.Author != o.Newcomer.ID {
		t.Errorf("the new item is %+v", it)
	}
	if !SetItemDone(o, m.ID, it.ID, true, t0) || !o.Meetings[0].Items[0].Done {
		t.Error("the item was not ticked off")
	}
	if SetItemDone(o, "gone", it.ID, true, t0) || AddItem(o, "gone", "x", t0) != ErrNoMeeting {
		t.Error("a removed 1:1 took a change")
	}
	EditMeeting(o, m.ID, t0, func(m *Meeting) { m.Notes = "Agreed the close calendar." })
	if o.Meetings[0].Notes != "Agreed the close calendar." {
		t.Error("the notes were not kept")
	}

	if err := QueueTopic(o, "Offsite dates", t0); err != nil {
		t.Fatal(err)
	}
	o.Agenda = append(o.Agenda, AgendaItem{Meta: Meta{ID: NewID()}, Text: "Done already", Done: true})
	if q := o.Queued(); len(q) != 1 || q[0].Text != "Offsite dates" || q[0].Author != o.Newcomer.ID {
		t.Errorf("queued: %+v", q)
	}
}

func TestResolveAndSettleUndo(t *testing.T) {
	o := weekly(t)
	pid, _ := Lists.Problems.Add(o, t0)
	undo, ok := ResolveProblem(o, pid, t0)
	if !ok || !Find(o.Problems, pid).Resolved {
		t.Fatal("the problem was not resolved")
	}
	undo(o, t0.Add(time.Minute))
	if p := Find(o.Problems, pid); p.Resolved || !p.Updated.Equal(t0.Add(time.Minute)) {
		t.Errorf("the undo left %+v", p)
	}

	rid, _ := AddArea(o, "Pricing", t0)
	Settle(o, rid, Shared, t0)
	undo, ok = Settle(o, rid, Owner(o.Newcomer.ID), t0)
	if !ok || Find(o.Roles.Rows, rid).Settled != Owner(o.Newcomer.ID) {
		t.Fatal("the area was not settled")
	}
	undo(o, t0)
	if got := Find(o.Roles.Rows, rid).Settled; got != Shared {
		t.Errorf("the undo left the owner %q, want the one it had, shared", got)
	}

	// Settling ticks the area's queued item off; the undo opens it again.
	Settle(o, rid, "", t0)
	AnswerArea(o, rid, o.Buddy.ID, Mine, t0)
	AnswerArea(o, rid, o.Newcomer.ID, Mine, t0)
	q := AddToAgenda(o, rid, o.Buddy.ID, t0)
	undo, _ = Settle(o, rid, Owner(o.Buddy.ID), t0)
	if !o.agendaItemFor(q.Source).Done {
		t.Fatal("settling left the area's queued item open")
	}
	undo(o, t0.Add(time.Minute))
	if o.agendaItemFor(q.Source).Done {
		t.Error("the undo of settling left the queued item ticked off")
	}
}

func TestSetStatusAndCommitmentsOf(t *testing.T) {
	o := weekly(t)
	m := start(t, o, thu1)
	c, err := AddCommitment(o, o.Newcomer.ID, "Send the forecast", "", m.ID, o.Buddy.ID, t0)
	if err != nil {
		t.Fatal(err)
	}
	AddCommitment(o, o.Buddy.ID, "Elsewhere", "", "", o.Buddy.ID, t0)
	if got := o.CommitmentsOf(m.ID); len(got) != 1 || got[0].ID != c.ID {
		t.Errorf("commitments of the 1:1: %+v", got)
	}
	if SetStatus(o, c.ID, "forgotten", t0) || o.Commitments[0].Status != Open {
		t.Error("an unknown status was taken")
	}
	if !SetStatus(o, c.ID, Kept, t0) || o.Commitments[0].Status != Kept {
		t.Error("the status was not kept")
	}
}

func TestItemKind(t *testing.T) {
	for source, want := range map[string]ItemKind{
		"":                               RaisedByPerson,
		rowSource("x"):                   FromRoles,
		debriefSource("s", "2026-11-05"): FromDebrief,
		"checkpoint:roles-45":            FromCheckpoint,
		"something else":                 RaisedByPerson,
	} {
		if got := (MeetingItem{Source: source}).Kind(); got != want {
			t.Errorf("%q is %q, want %q", source, got, want)
		}
	}
}

func TestAreaToSettle(t *testing.T) {
	o := weekly(t)
	rid, _ := AddArea(o, "Pricing", t0)
	src := rowSource(rid)
	if row := o.AreaToSettle(src, false); row == nil || row.ID != rid {
		t.Fatalf("an open item of an unsettled area asks nothing: %v", row)
	}
	if o.AreaToSettle(src, true) != nil || o.AreaToSettle("debrief:x:2026-11-05", false) != nil || o.AreaToSettle("", false) != nil {
		t.Error("a done item, or one not from the comparison, asks to settle")
	}
	Settle(o, rid, Shared, t0)
	if o.AreaToSettle(src, false) != nil {
		t.Error("a settled area asks to be settled again")
	}
}
