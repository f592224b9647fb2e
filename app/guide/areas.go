package guide

import (
	"strings"

	"counterpart/app/onboarding"
)

// MaxDefaultAreas keeps the blank worksheet to two printed pages.
const MaxDefaultAreas = 14

// DefaultAreas returns the areas of responsibility to start the ownership
// grid with, for a pair of functions: the areas written for that pair,
// then those common to every pair. A pair with no areas of its own (one of
// the two is Other) gets each named function's areas instead. A pair's
// file is written for those two people; topping it up from one function's
// list would put rows in front of them that only that function cares about.
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
	pair, written := l.areas[pairName(a, b)]
	add(pair)
	add(l.areas["common"])
	if !written {
		for _, f := range []onboarding.Function{a, b} {
			if f != onboarding.Other {
				add(l.areas[string(f)])
			}
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
