package guide

import (
	"strings"

	"counterpart/app/onboarding"
)

// MaxDefaultAreas keeps the blank worksheet to two printed pages.
const MaxDefaultAreas = 14

// DefaultAreas returns the areas of responsibility to start the ownership
// grid with, for a pair of functions: the areas written for that pair, then
// those common to every pair, then each function's own, without repeats.
func DefaultAreas(a, b onboarding.Function) []string {
	// Both people must start from the same grid, whoever asks.
	if b < a {
		a, b = b, a
	}
	l := load()
	var out []string
	seen := map[string]bool{}
	add := func(areas []string) {
		for _, area := range areas {
			key := strings.ToLower(area)
			if !seen[key] && len(out) < MaxDefaultAreas {
				seen[key] = true
				out = append(out, area)
			}
		}
	}
	add(l.areas[pairName(a, b)])
	add(l.areas["common"])
	for _, f := range []onboarding.Function{a, b} {
		if f != onboarding.Other {
			add(l.areas[string(f)])
		}
	}
	return out
}

// pairName is the file name of a pair's areas: both function IDs in
// alphabetical order, joined by "+", like "engineering+finance".
func pairName(a, b onboarding.Function) string {
	if b < a {
		a, b = b, a
	}
	return string(a) + "+" + string(b)
}
