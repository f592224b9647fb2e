package onboarding

// Meeting is one weekly 1:1: its agenda, what was said and decided. The
// commitments made in it are kept in Onboarding.Commitments, so that one
// made weeks ago is still in front of both people.
type Meeting struct {
	Meta
	Date  string        `json:"date" limit:"date"` // YYYY-MM-DD
	Items []MeetingItem `json:"items"`
	// Notes and Decisions are joined, not replaced, when both people
	// wrote them for the same 1:1 on their own devices.
	Notes     string `json:"notes" sync:"join" limit:"long"`
	Decisions string `json:"decisions" sync:"join" limit:"long"`
}

// MeetingItem is one agenda item of a meeting, raised by its Author.
type MeetingItem struct {
	Meta
	Text string `json:"text" limit:"long"`
	// Source says what put the item on the agenda, such as "roles:<row
	// id>" for a role mismatch or "debrief:<meeting id>:<date>" for the
	// debrief of a shared meeting; empty when a person added it.
	Source string `json:"source,omitempty" limit:"short"`
	// Origin is the ID of the item this one was carried forward from, as
	// first raised, so a topic keeps one identity across weeks.
	Origin string `json:"origin,omitempty" limit:"short"`
	// Raised is the date of the meeting the item was first on.
	Raised string `json:"raised" limit:"date"`
	Done   bool   `json:"done,omitempty"`
}

// Status is where a commitment stands.
type Status string

// The states of a commitment.
const (
	Open    Status = "open"
	Kept    Status = "kept"
	Missed  Status = "missed"
	Dropped Status = "dropped"
)

// Statuses lists the states in the order the form offers them.
var Statuses = statusLabels.values()

// statusLabels holds each value with its words.
var statusLabels = labelled[Status]{
	{Open, "Open"},
	{Kept, "Kept"},
	{Missed, "Missed"},
	{Dropped, "Dropped"},
}

// Label is the state as a person reads it.
func (s Status) Label() string { return statusLabels.label(s, "") }

// Commitment is something one person said they would do, by a date.
type Commitment struct {
	Meta
	Who    string `json:"who" limit:"-"` // a Person ID
	What   string `json:"what" limit:"long"`
	Due    string `json:"due" limit:"date"` // YYYY-MM-DD
	Status Status `json:"status"`
	// Meeting is the ID of the 1:1 where it was made, if any.
	Meeting string `json:"meeting,omitempty" limit:"short"`
}
