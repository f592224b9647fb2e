package onboarding

// Stake is something the buddy owns among what they advise the newcomer
// on: advice from someone with a stake in the answer is still worth
// having, as long as the stake is said out loud. It may name the area of
// the grid it touches.
type Stake struct {
	Meta
	What string    `json:"what" limit:"short"`
	Kind StakeKind `json:"kind"`
	Note string    `json:"note" limit:"long"`
	// Row is the ID of the grid's area the stake touches, or "".
	Row string `json:"row,omitempty" limit:"-"`
}

// StakeKind is what kind of stake it is.
type StakeKind string

// The kinds of stake the guide names.
const (
	StakeBudget    StakeKind = "budget"
	StakeReports   StakeKind = "reports"
	StakeDecisions StakeKind = "gap-decisions"
)

// StakeKinds lists them in the order the form offers them.
var StakeKinds = stakeLabels.values()

// stakeLabels holds each kind with its words, as the buddy says it.
var stakeLabels = labelled[StakeKind]{
	{StakeBudget, "A budget I hold"},
	{StakeReports, "People who report to me"},
	{StakeDecisions, "Decisions that were mine while the seat was empty"},
}

// Label is the kind as a person reads it.
func (k StakeKind) Label() string { return stakeLabels.label(k, "") }

// Of says the kind of someone else's stake, such as "a budget Callum
// holds", for the shared document, which both read.
func (k StakeKind) Of(name string) string {
	switch k {
	case StakeBudget:
		return "a budget " + name + " holds"
	case StakeReports:
		return "people who report to " + name
	case StakeDecisions:
		return "decisions that were " + name + "'s while the seat was empty"
	}
	return ""
}

// AreaOf is the grid's area a stake touches, or "" when it names none or
// the area has since been removed.
func (o *Onboarding) AreaOf(s *Stake) string {
	if s.Row == "" {
		return ""
	}
	if row := Find(o.Roles.Rows, s.Row); row != nil && !row.Private {
		return row.Area
	}
	return ""
}

// normalizeStake cleans one stake read from outside.
func normalizeStake(s *Stake) {
	if s.Kind.Label() == "" {
		s.Kind = ""
	}
	if s.Row != "" && !IsID(s.Row) {
		s.Row = ""
	}
}
