//go:build browser

package bench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// Every keystroke goes through onboarding.Apply (which stamps what it
// changed among the onboarding's own values) and then a save. Apply must
// cost little next to the save, and nothing more as the history grows:
// it looks only at the onboarding's own fields, never at its lists.
func TestKeystrokeAgainstASave(t *testing.T) {
	s := reportSection("Cost of a keystroke", "Natively, with testing.Benchmark: onboarding.Apply of one typed character (into a 1:1's notes, an entry of a list, and the onboarding's title), against store.Save of the same onboarding, after 0, 1 and 3 years of weekly 1:1s.")
	us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
	var applyNew time.Duration
	for _, years := range []int{0, 1, 3} {
		o := yearsOfOneOnes(t, years)
		if years == 0 {
			onboarding.StartMeeting(o, "2026-11-30", o.Buddy.ID, time.Now())
		}
		st := store.New(store.NewMemory(), time.Now)
		if _, err := st.Save(o); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
		n := 0
		keystroke := func() {
			n++
			now = now.Add(time.Millisecond)
			onboarding.Apply(o, now, func(o *onboarding.Onboarding) {
				m := &o.Meetings[len(o.Meetings)-1]
				m.Notes = strings.Repeat("x", n%200)
				onboarding.Edit(o.Problems, o.Problems[0].ID, now, func(p *onboarding.Problem) { p.Problem = strings.Repeat("y", n%50) })
				o.Title = fmt.Sprintf("Amara, %d", n%10)
			})
		}
		apply := timeOp(keystroke)
		save := timeOp(func() { st.Save(o) })
		if years == 0 {
			applyNew = apply
		}
		s.add(figure{Name: fmt.Sprintf("Apply one keystroke, %d years", years), Value: us(apply), Base: us(save), BaseName: "store.Save of it", Unit: "µs",
			Meaning: "what stamping the change adds to the save every keystroke makes; far below 1× means it does not matter."})
		// What a page does for a keystroke since issue 23: one store.Change,
		// which reads what storage holds now (another tab may have written),
		// applies the edit, and writes what changed.
		change := timeOp(func() {
			n++
			st.Change(o.ID, func(o *onboarding.Onboarding) error {
				o.Meetings[len(o.Meetings)-1].Notes = strings.Repeat("x", n%200)
				return nil
			})
		})
		s.add(figure{Name: fmt.Sprintf("store.Change of one keystroke, %d years", years), Value: us(change), Base: us(save), BaseName: "store.Save of it", Unit: "µs",
			Meaning: "the one write path (read what storage holds, apply, write) against a plain save; close to 1× means it costs a keystroke nothing more."})
		if years > 0 {
			s.add(figure{Name: fmt.Sprintf("Apply one keystroke, %d years against a new onboarding", years), Value: us(apply), Base: us(applyNew), BaseName: "Apply, 0 years", Unit: "µs",
				Meaning: "close to 1×: Apply costs the same whatever the history."})
		}
	}
}
