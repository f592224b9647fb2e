//go:build browser

package bench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// exampleOnboarding is the built-in example, as the home page saves it.
func exampleOnboarding(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// yearOfOneOnes is the example after a year of weekly 1:1s: 52 meetings,
// each with five agenda items, notes and decisions, and 104 commitments.
// It is the largest onboarding a pair is likely to keep.
func yearOfOneOnes(t *testing.T) *onboarding.Onboarding {
	t.Helper()
	return yearsOfOneOnes(t, 1)
}

// yearsOfOneOnes is the example after years of weekly 1:1s, as
// yearOfOneOnes (zero years: the example with no 1:1s of its own).
func yearsOfOneOnes(t *testing.T, years int) *onboarding.Onboarding {
	t.Helper()
	o := exampleOnboarding(t)
	first, _, _ := strings.Cut(o.Newcomer.Name, " ")
	o.ID, o.Example, o.Title = onboarding.NewID(), false, fmt.Sprintf("%s, %d years in", first, years)
	// The example has a few 1:1s of its own; the year replaces them.
	o.Meetings, o.Commitments, o.Agenda = nil, nil, nil
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	people := []string{o.Buddy.ID, o.Newcomer.ID}
	for w := 0; w < 52*years; w++ {
		day := start.AddDate(0, 0, 7*w)
		date := day.Format("2006-01-02")
		m := onboarding.Meeting{
			Meta: onboarding.Meta{ID: onboarding.NewID(), Author: people[w%2], Updated: day},
			Date: date,
			Notes: fmt.Sprintf("Week %d. We went through the pipeline review and the hiring plan. "+
				"Cloud spend is %d%% over plan; the **reforecast** lands next week. "+
				"- churn in the mid-market segment\n- the audit timetable\n- board pack owners", w+1, 3+w%9),
			Decisions: fmt.Sprintf("- Keep the hiring freeze on for engineering until week %d\n- %s owns the pricing memo\n- Move the QBR to Thursdays", w+3, first),
		}
		for i := 0; i < 5; i++ {
			m.Items = append(m.Items, onboarding.MeetingItem{
				Meta:   onboarding.Meta{ID: onboarding.NewID(), Author: people[i%2], Updated: day},
				Text:   fmt.Sprintf("Topic %d of week %d: %s", i+1, w+1, strings.Repeat("what we learned from the numbers, ", 2)),
				Raised: date,
				Done:   i%3 == 0,
			})
		}
		o.Meetings = append(o.Meetings, m)
		for c := 0; c < 2; c++ {
			o.Commitments = append(o.Commitments, onboarding.Commitment{
				Meta:    onboarding.Meta{ID: onboarding.NewID(), Author: people[c], Updated: day},
				Who:     people[(w+c)%2],
				What:    fmt.Sprintf("Send the follow-up on item %d from week %d, with the numbers behind it", c+1, w+1),
				Due:     day.AddDate(0, 0, 14).Format("2006-01-02"),
				Status:  onboarding.Statuses[(w+c)%len(onboarding.Statuses)],
				Meeting: m.ID,
			})
		}
	}
	o.Normalize()
	if len(o.Meetings) != 52*years || len(o.Commitments) != 104*years {
		t.Fatalf("%d years have %d meetings and %d commitments", years, len(o.Meetings), len(o.Commitments))
	}
	return o
}

// emptyOnboarding is one just started from the form.
func emptyOnboarding() *onboarding.Onboarding {
	return onboarding.New(onboarding.Draft{
		MyName: "Dana Okafor", MyRole: "CTO", MyFunction: "engineering",
		PeerName: "Priya Raman", PeerRole: "CFO", PeerFunction: "finance", StartDate: "2026-11-02",
	}, time.Now())
}

// storedRecord is exactly what the app keeps in localStorage for o, made
// by the app's own store code: the key and the value.
func storedRecord(t *testing.T, o *onboarding.Onboarding) (key, value string) {
	t.Helper()
	mem := store.NewMemory()
	if _, err := store.New(mem, time.Now).Save(o); err != nil {
		t.Fatal(err)
	}
	key = store.KeyOf(o.ID)
	value, ok, err := mem.Get(key)
	if !ok || err != nil {
		t.Fatalf("the record of %s was not stored: %v", o.ID, err)
	}
	return key, value
}
