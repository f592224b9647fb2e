package ui

import "testing"

func TestTakenOver(t *testing.T) {
	const v = "aaaa"
	for _, c := range []struct {
		caches []string
		want   bool
		why    string
	}{
		{[]string{"counterpart-aaaa"}, false, "only this build's cache: its worker is in control"},
		{[]string{"counterpart-aaaa", "counterpart-bbbb"}, false, "a newer worker installs or activates; this build's files are still there"},
		{[]string{"counterpart-bbbb"}, true, "a newer worker has dropped this build's cache as it took over"},
		{nil, false, "no cache at all: evicted, nothing to tell"},
		{[]string{"something-else"}, false, "a cache that is not a worker's says nothing"},
		{[]string{"counterpart-aaaab"}, true, "another build whose version begins with this one's is still another build"},
	} {
		if got := takenOver(c.caches, v); got != c.want {
			t.Errorf("takenOver(%q) = %v, want %v: %s", c.caches, got, c.want, c.why)
		}
	}
}
