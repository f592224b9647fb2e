package guide

import (
	"time"

	"counterpart/app/onboarding"
)

// Start creates an onboarding from the "New onboarding" form, with the
// ownership grid already holding the areas that fit the pair's functions.
func Start(d onboarding.Draft, now time.Time) *onboarding.Onboarding {
	o := onboarding.New(d, now)
	o.Roles.SeedRows(DefaultAreas(o.Buddy.Function, o.Newcomer.Function), o.Me, now)
	return o
}
