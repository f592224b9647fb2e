package onboarding

import (
	"reflect"
	"time"

	"counterpart/app/words"
)

// How many entries a list may hold. They are sized for ten years of weekly
// 1:1s with room to spare, so that no pair ever meets them in use; they
// exist to bound what a link, a file or a stored record can make the app
// hold. Nothing ever cuts a list to its cap: adding stops at the cap with
// a message, a merge that would pass it is refused whole (CheckCaps), and
// outside input that passes it is refused as damaged.
//
// The decoders of links, files and backups derive their budgets from these
// constants: import them, never copy the numbers.
const (
	// MaxEntries is the cap of every list not named below: the entries of
	// each stage of the guide, the agenda for the next 1:1, the role areas,
	// the escalation path and the shared meetings.
	MaxEntries = 1_000
	// MaxMeetings caps the log of 1:1s: nineteen years of weekly 1:1s.
	MaxMeetings = 1_000
	// MaxItems caps the agenda of one 1:1.
	MaxItems = 200
	// MaxCommitments caps the commitments: ten years at nearly ten a week.
	MaxCommitments = 5_000
	// MaxTombstones caps the removals remembered (Deleted): every removal
	// and every agenda item taken into a 1:1 leaves one.
	MaxTombstones = 100_000
)

// MaxListEntries is the most entries all the lists of one onboarding hold
// together, every meeting's agenda included: the budget of a decoder that
// counts entries as it reads.
const MaxListEntries = 14*MaxEntries + MaxMeetings*MaxItems + MaxCommitments

// Cap returns how many entries a list of elem may hold.
func Cap(elem reflect.Type) int {
	switch elem {
	case reflect.TypeFor[Meeting]():
		return MaxMeetings
	case reflect.TypeFor[MeetingItem]():
		return MaxItems
	case reflect.TypeFor[Commitment]():
		return MaxCommitments
	}
	return MaxEntries
}

// FullError says a list would hold more entries than its cap.
type FullError struct {
	List  string // its path in the model, such as "meetings"
	Count int
	Cap   int
}

// Error says, for the person, which list is too long and that nothing was
// changed.
func (e *FullError) Error() string {
	return "This would make " + listName(e.List) + " hold " + words.Thousands(e.Count) + " entries, more than the " +
		words.Thousands(e.Cap) + " it can hold, so nothing was changed. Remove entries you no longer need, then try again."
}

// listName names a list of the model in words.
func listName(path string) string {
	names := map[string]string{
		"dataSources": "the data sources", "problems": "the problems", "workingWell": "what works well",
		"teamRead": "the team read", "people": "the people to meet", "processes": "the processes",
		"surprises": "the surprises", "agenda": "the agenda for the next 1:1", "roles.rows": "the role areas",
		"roles.escalation": "the escalation path", "roles.cadence.shared": "the shared meetings",
		"stakes": "the buddy's stakes", "duties": "the sweep of unowned duties", "plan": "the plan for the first ninety days", "meetings": "the log of 1:1s", "meetings[].items": "the agenda of one 1:1", "commitments": "the commitments",
		"deleted": "the list of removals",
	}
	if n, ok := names[path]; ok {
		return n
	}
	return "a list (" + path + ")"
}

// CheckCaps reports the first list of o past its cap, or nil. It finds the
// lists by reflection, so a list added to the model is checked too.
func CheckCaps(o *Onboarding) error {
	if len(o.Deleted) > MaxTombstones {
		return &FullError{List: "deleted", Count: len(o.Deleted), Cap: MaxTombstones}
	}
	var err error
	eachList(reflect.ValueOf(o).Elem(), "", func(path string, list reflect.Value) {
		if c := Cap(list.Type().Elem()); err == nil && list.Len() > c {
			err = &FullError{List: path, Count: list.Len(), Cap: c}
		}
	})
	return err
}

// eachList calls fn for every list of entries in v (a struct), depth
// first: a list, then the lists inside each of its entries. Paths are
// JSON names joined by dots, with [] for "in each entry of".
func eachList(v reflect.Value, path string, fn func(path string, list reflect.Value)) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous || deviceOnly(f) {
			continue
		}
		fv, p := v.Field(i), join(path, f)
		switch {
		case isEntryList(f.Type):
			fn(p, fv)
			for j := 0; j < fv.Len(); j++ {
				eachList(fv.Index(j), p+"[]", fn)
			}
		case f.Type.Kind() == reflect.Struct && f.Type != timeType:
			eachList(fv, p, fn)
		}
	}
}

var (
	timeType = reflect.TypeFor[time.Time]()
	metaType = reflect.TypeFor[Meta]()
)

// isEntry reports whether t is an entry: a struct that embeds Meta.
func isEntry(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	f, ok := t.FieldByName("Meta")
	return ok && f.Anonymous && f.Type == metaType
}

func isEntryList(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && isEntry(t.Elem())
}

// join appends a field's JSON name to a path.
func join(path string, f reflect.StructField) string {
	name := jsonName(f)
	if path == "" {
		return name
	}
	return path + "." + name
}

func jsonName(f reflect.StructField) string {
	name := f.Tag.Get("json")
	for i := 0; i < len(name); i++ {
		if name[i] == ',' {
			name = name[:i]
			break
		}
	}
	if name == "" {
		return f.Name
	}
	return name
}
