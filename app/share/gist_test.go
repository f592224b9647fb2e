package share

import (
	"strconv"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// After a 1:1, the line on Dana's page says what her link carries, in the
// count the link carries; Priya's page says the same of what it brought,
// and both name the 1:1.
func TestTheLinesOfALinkSayWhatItCarries(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC) // after the example's own edits
	dana := newDevice(example(t), start, 11)
	priya := newDevice(nil, start, 22)
	g, complete := onboarding.Outgoing(dana.o)
	if !complete || g.N == 0 {
		t.Fatalf("before any exchange, Dana's link is complete: %v, %d changes", complete, g.N)
	}
	priya.open(t, dana.send(t, false))
	dana.open(t, priya.send(t, false))

	dana.edit(func(o *onboarding.Onboarding, now time.Time) {
		m, err := onboarding.StartMeeting(o, now.Format("2006-01-02"), o.Buddy.ID, now)
		if err != nil {
			t.Fatal(err)
		}
		onboarding.Add(&m.Items, o.Buddy.ID, now).Text = "Hiring plan"
		onboarding.Edit(o.Meetings, m.ID, now, func(m *onboarding.Meeting) { m.Notes = "Agreed the plan." })
	})
	dana.edit(func(o *onboarding.Onboarding, now time.Time) {
		onboarding.Add(&o.Surprises, o.Buddy.ID, now).What = "Board at 7am"
	})
	g, complete = onboarding.Outgoing(dana.o)
	if complete || g.N != onboarding.Pending(dana.o) {
		t.Fatalf("the line counts %d changes (complete %v), the link carries %d", g.N, complete, onboarding.Pending(dana.o))
	}
	latest := dana.o.LatestMeeting()
	if len(g.Meetings) != 1 || g.Meetings[0].ID != latest.ID {
		t.Fatalf("the changes name the 1:1s %+v, want only the latest, %s", g.Meetings, latest.Date)
	}
	today := latest.Date
	// Starting the 1:1 took the queued agenda into it (removals, counted
	// apart); the surprise is the one change in a stage.
	if g.Sections[onboarding.Section(onboarding.StageProcesses)] != 1 {
		t.Errorf("the surprise is not counted in processes: %v", g.Sections)
	}
	others := strconv.Itoa(g.N-g.InMeetings) + " other changes"
	wantSend := strconv.Itoa(g.N) + " changes Priya does not have yet: this week's 1:1 and " + others + "."
	if got := onboarding.SendLine(g, complete, "Priya", today); got != wantSend {
		t.Errorf("Dana's page says %q, want %q", got, wantSend)
	}

	before := priya.o
	if _, err := priya.open(t, dana.send(t, false)); err != nil {
		t.Fatal(err)
	}
	got, ok := onboarding.Received(before, priya.o)
	if !ok || got.N != g.N || len(got.Meetings) != 1 || got.Meetings[0].ID != latest.ID {
		t.Fatalf("Priya's page counts %d changes in %+v (ok %v), Dana's %d", got.N, got.Meetings, ok, g.N)
	}
	if line := onboarding.ReceivedLine(got, "Dana", today); line != "Dana sent this week's 1:1 and "+others+"." {
		t.Errorf("Priya's page says %q", line)
	}
	if got.Where() != onboarding.Meetings1on1 {
		t.Errorf("Priya lands on %q, not the 1:1", got.Where())
	}
	// Opening the same link again brings nothing, and says so.
	before = priya.o
	priya.open(t, dana.send(t, false))
	if again, _ := onboarding.Received(before, priya.o); again.N != 0 {
		t.Errorf("the same changes, again, count %d", again.N)
	}
}
