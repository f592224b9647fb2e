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
	pair, written := areasOf(pairName(a, b))
	add(pair)
	add(mustAreas("common"))
	if !written {
		for _, f := range []onboarding.Function{a, b} {
			if f != onboarding.Other {
				add(mustAreas(string(f)))
			}
		}
	}
	return out
}

// namedAreas are the areas of one file of content/roles.
type namedAreas struct {
	name  string // the file's name without .md
	areas []string
}

// areasOf returns the areas of a file of content/roles, by name.
func areasOf(name string) ([]string, bool) {
	for _, a := range areas {
		if a.name == name {
			return a.areas, true
		}
	}
	return nil, false
}

// mustAreas returns the areas of a file, or none.
func mustAreas(name string) []string {
	a, _ := areasOf(name)
	return a
}

// pairName is the file name of a pair's areas: both function IDs in
// alphabetical order, joined by "+", like "engineering+finance".
func pairName(a, b onboarding.Function) string {
	if b < a {
		a, b = b, a
	}
	return string(a) + "+" + string(b)
}
