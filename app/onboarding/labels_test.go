package onboarding

import "testing"

// Every value a form offers has words of its own, and a value from
// nowhere (a damaged record, a newer release) has none, so a form can tell
// it apart.
func TestEveryChoiceHasItsOwnWords(t *testing.T) {
	check := func(kind string, labels []string, unknown string) {
		t.Helper()
		seen := map[string]bool{}
		for i, l := range labels {
			if l == "" || seen[l] {
				t.Errorf("%s %d has the words %q, empty or said twice", kind, i, l)
			}
			seen[l] = true
		}
		if seen[unknown] {
			t.Errorf("a %s from nowhere reads %q, as a real one does", kind, unknown)
		}
	}
	check("function", labelsOf(Functions), Function("nope").Label())
	check("reason", labelsOf(Reasons), Reason("nope").Label())
	check("health", labelsOf(Healths), Health("nope").Label())
	check("situation", labelsOf(Situations), Situation("nope").Label())
	check("status", labelsOf(Statuses), Status("nope").Label())
	check("answer", labelsOf(Answers), Answer("nope").Label())
	check("verdict", labelsOf(Verdicts), Verdict("nope").Label())
	if Answer("nope").Label() != "—" {
		t.Errorf("an unknown answer reads %q, not a dash", Answer("nope").Label())
	}
}

func labelsOf[T interface{ Label() string }](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.Label()
	}
	return out
}
