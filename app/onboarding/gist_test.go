package onboarding

import "testing"

// A 1:1 is named by its week as seen today, else by its date.
func TestMeetingName(t *testing.T) {
	today := "2027-03-10" // a Wednesday
	for date, want := range map[string]string{
		"2027-03-08": "this week's 1:1", // Monday of the same week
		"2027-03-14": "this week's 1:1", // Sunday of the same week
		"2027-03-07": "last week's 1:1",
		"2027-03-01": "last week's 1:1",
		"2027-03-15": "next week's 1:1",
		"2027-02-28": "the 1:1 of Sunday 28 February",
		"2027-03-22": "the 1:1 of Monday 22 March",
	} {
		if got := MeetingName(date, today); got != want {
			t.Errorf("%s seen on %s: %q, want %q", date, today, got, want)
		}
	}
}

// The line on the sending page and the line on the opening page say the
// same changes in the words each side uses.
func TestSendAndReceivedLines(t *testing.T) {
	today := "2027-03-10"
	week := &Meeting{Date: "2027-03-09"}
	last := &Meeting{Date: "2027-03-02"}
	older := &Meeting{Date: "2027-02-02"}
	cases := []struct {
		name           string
		g              Gist
		complete       bool
		send, received string
	}{
		{"this week's 1:1 and more", Gist{N: 3, Meetings: []*Meeting{week}, InMeetings: 1, Sections: map[Section]int{"data": 2}}, false,
			"3 changes Priya does not have yet: this week's 1:1 and 2 other changes.",
			"Dana sent this week's 1:1 and 2 other changes."},
		{"only the 1:1", Gist{N: 4, Meetings: []*Meeting{week}, InMeetings: 4}, false,
			"4 changes Priya does not have yet: this week's 1:1.",
			"Dana sent this week's 1:1."},
		{"two 1:1s", Gist{N: 2, Meetings: []*Meeting{week, last}, InMeetings: 2}, false,
			"2 changes Priya does not have yet: this week's 1:1 and last week's 1:1.",
			"Dana sent this week's 1:1 and last week's 1:1."},
		{"three 1:1s and one more", Gist{N: 4, Meetings: []*Meeting{week, last, older}, InMeetings: 3, Sections: map[Section]int{"": 1}}, false,
			"4 changes Priya does not have yet: 3 1:1s and 1 other change.",
			"Dana sent 3 1:1s and 1 other change."},
		{"stages", Gist{N: 3, Sections: map[Section]int{"data": 1, "roles": 2}}, false,
			"3 changes Priya does not have yet: real data and who owns what.",
			"Dana sent 3 changes: real data and who owns what."},
		{"many stages", Gist{N: 3, Sections: map[Section]int{"data": 1, "team": 1, "roles": 1}}, false,
			"3 changes Priya does not have yet.",
			"Dana sent 3 changes."},
		{"a removal", Gist{N: 1, Sections: map[Section]int{"": 1}}, false,
			"1 change Priya does not have yet.",
			"Dana sent 1 change."},
		{"nothing", Gist{Sections: map[Section]int{}}, false,
			"Priya has everything you have. The link tells Priya you have their changes.",
			"Nothing new from Dana: you already have everything in this link."},
		{"first link", Gist{N: 9, Sections: map[Section]int{"data": 9}}, true,
			"Everything you share: Priya has not sent you a link yet.",
			"Dana sent 9 changes: real data."},
	}
	for _, c := range cases {
		if got := SendLine(c.g, c.complete, "Priya", today); got != c.send {
			t.Errorf("%s: sending says %q, want %q", c.name, got, c.send)
		}
		if got := ReceivedLine(c.g, "Dana", today); got != c.received {
			t.Errorf("%s: opening says %q, want %q", c.name, got, c.received)
		}
	}
}

// Where a person lands after taking changes: the 1:1 when one changed,
// else the stage with most changes.
func TestGistWhere(t *testing.T) {
	for want, g := range map[Section]Gist{
		Meetings1on1:            {N: 5, Meetings: []*Meeting{{Date: "2027-03-09"}}, InMeetings: 1, Sections: map[Section]int{"data": 4}},
		Section(StageTeam):      {N: 3, Sections: map[Section]int{"data": 1, "team": 2}},
		Section(StageData):      {N: 2, Sections: map[Section]int{"data": 1, "team": 1}},
		"":                      {N: 1, Sections: map[Section]int{"": 1}},
		Section(StageProcesses): {N: 1, Sections: map[Section]int{"processes": 1}},
	} {
		if got := g.Where(); got != want {
			t.Errorf("%+v lands on %q, want %q", g, got, want)
		}
	}
}
