// Package sample makes onboardings for tests and benchmarks: one just
// started from the form, and years of weekly 1:1s added to any onboarding
// (five topics, notes, decisions and two commitments a week), which is
// what a pair keeps after a long run. Nothing in the app imports it.
package sample

import (
	"fmt"
	"strings"
	"time"

	"counterpart/app/onboarding"
)

// New is an onboarding just started from the form, with nothing written.
func New(now time.Time) *onboarding.Onboarding {
	return onboarding.New(onboarding.Draft{
		MyName: "Dana Okafor", MyRole: "CTO", MyFunction: onboarding.Engineering,
		PeerName: "Priya Raman", PeerRole: "CFO", PeerFunction: onboarding.Finance, StartDate: "2026-11-02",
	}, now)
}

// Start is the Monday of the first 1:1 that AddYears writes.
var Start = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)

// AddYears replaces the 1:1s, commitments and agenda of o with years of
// weekly 1:1s from Start: each with five agenda items (one in three done),
// notes and decisions, and two commitments. The entries are added
// directly, not through onboarding.Add, so that the model's list caps do
// not change what a test or bench asks for.
func AddYears(o *onboarding.Onboarding, years int) {
	o.Meetings, o.Commitments, o.Agenda = []onboarding.Meeting{}, []onboarding.Commitment{}, []onboarding.AgendaItem{}
	people := []string{o.Buddy.ID, o.Newcomer.ID}
	first, _, _ := strings.Cut(o.Newcomer.Name, " ")
	for w := 0; w < 52*years; w++ {
		day := Start.AddDate(0, 0, 7*w)
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
}

// Years is New with years of weekly 1:1s.
func Years(years int, now time.Time) *onboarding.Onboarding {
	o := New(now)
	AddYears(o, years)
	return o
}
