package onboarding

import "testing"

// The time together goes in the calendar only with a real frequency and
// day: the setters refuse anything else and keep what was there.
func TestSocialSetters(t *testing.T) {
	for _, tc := range []struct {
		value string
		every bool // accepted as SocialEvery
		day   bool // accepted as SocialDay
	}{
		{"", true, true},
		{Monthly, true, false},
		{Quarterly, true, false},
		{"weekly", false, false},
		{"tuesday", false, true},
		{"Tuesday", false, false},
		{"someday", false, false},
	} {
		c := Cadence{SocialEvery: Monthly, SocialDay: "friday"}
		if got := c.SetSocialEvery(tc.value); got != tc.every {
			t.Errorf("SetSocialEvery(%q) = %v, want %v", tc.value, got, tc.every)
		}
		if want := map[bool]string{true: tc.value, false: Monthly}[tc.every]; c.SocialEvery != want {
			t.Errorf("after SetSocialEvery(%q): %q, want %q", tc.value, c.SocialEvery, want)
		}
		if got := c.SetSocialDay(tc.value); got != tc.day {
			t.Errorf("SetSocialDay(%q) = %v, want %v", tc.value, got, tc.day)
		}
		if want := map[bool]string{true: tc.value, false: "friday"}[tc.day]; c.SocialDay != want {
			t.Errorf("after SetSocialDay(%q): %q, want %q", tc.value, c.SocialDay, want)
		}
		// Normalize keeps exactly what the setters accept.
		o := &Onboarding{Roles: Roles{Cadence: Cadence{SocialEvery: tc.value, SocialDay: tc.value}}}
		o.Normalize()
		if got := o.Roles.Cadence.SocialEvery != ""; got != (tc.every && tc.value != "") {
			t.Errorf("Normalize kept SocialEvery %q: %v", tc.value, got)
		}
		if got := o.Roles.Cadence.SocialDay != ""; got != (tc.day && tc.value != "") {
			t.Errorf("Normalize kept SocialDay %q: %v", tc.value, got)
		}
	}
}

// Only a length chosen and under the recommended hour is shorter: not
// choosing books the hour.
func TestShorterThanRecommended(t *testing.T) {
	for minutes, want := range map[int]bool{0: false, 30: true, 45: true, RecommendedMinutes: false, 90: false} {
		if got := (Cadence{Minutes: minutes}).ShorterThanRecommended(); got != want {
			t.Errorf("%d minutes: ShorterThanRecommended = %v, want %v", minutes, got, want)
		}
	}
}
