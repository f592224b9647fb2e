package onboarding

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// freeText lists the fields where people write free text, by type and
// field. Every other string field of the model is shown as a name or a
// title, or is a code, and must come out of Normalize as CleanLine makes
// it: a new field is strict until someone decides it is free text.
var freeText = map[string]bool{
	"DataSource.Answers": true,
	"Problem.Problem":    true, "Problem.Evidence": true, "Problem.FirstStep": true,
	"Note.Text":            true,
	"TeamMember.Strengths": true, "TeamMember.WatchOuts": true, "TeamMember.History": true,
	"Contact.Why":       true,
	"Process.ChangeHow": true,
	"Surprise.What":     true,
	"AgendaItem.Text":   true,
	"Side.ExpectMine":   true, "Side.ExpectYours": true,
	"Step.Text":     true,
	"Meeting.Notes": true, "Meeting.Decisions": true,
	"MeetingItem.Text": true,
	"Commitment.What":  true,
	"Brief.HiredToFix": true, "Brief.JobNow": true, "Brief.Why": true,
	"Stake.Note": true, "CEOStep.Corrections": true,
	"Announcement.Exec": true, "Announcement.BuddyTeam": true, "Announcement.NewcomerTeam": true, "Announcement.Outside": true,
}

// spoof holds what a hostile link may put in any text: a right-to-left
// override and an isolate left open, a zero-width space, a line break.
const spoof = "Ann Bob\u202Ekcilc\u200B\u2067x\nSUMMARY:y"

// fill sets every string in v to spoof, and gives every list and map one
// entry, keyed by person for maps.
func fill(v reflect.Value, person string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(spoof)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fill(v.Elem(), person)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), person)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), person)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, person)
		key := reflect.New(v.Type().Key()).Elem()
		if key.Kind() == reflect.String {
			key.SetString(person)
		} else {
			key.SetUint(7) // a device number
		}
		v.SetMapIndex(key, e)
	}
}

// eachString calls f with "Type.Field" and the value of every string
// field reachable from v.
func eachString(v reflect.Value, f func(field, value string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			eachString(v.Elem(), f)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			sf := v.Type().Field(i)
			if !sf.IsExported() {
				continue
			}
			if sf.Type.Kind() == reflect.String {
				f(v.Type().Name()+"."+sf.Name, v.Field(i).String())
			}
			eachString(v.Field(i), f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			eachString(v.Index(i), f)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			eachString(v.MapIndex(k), f)
		}
	}
}

// Every field of the model, found by reflection, is either free text and
// keeps what was written but for direction changes left open, or is
// cleaned as a name: nothing a link carries can reverse or hide part of
// a name, a title or a heading.
func TestNormalizeCleansEveryNameAndTitle(t *testing.T) {
	var o Onboarding
	buddy := NewID()
	fill(reflect.ValueOf(&o), buddy)
	o.Buddy.ID, o.Newcomer.ID, o.Me = buddy, NewID(), buddy
	o.Normalize()
	seen := map[string]bool{}
	eachString(reflect.ValueOf(&o), func(field, value string) {
		seen[field] = true
		if freeText[field] {
			if value != CleanText(value) || !strings.Contains(value, "\u200B") {
				t.Errorf("%s is free text: it should keep what was written, without open direction changes; it holds %q", field, value)
			}
			return
		}
		if value != CleanLine(value) || strings.ContainsAny(value, "\u202E\u2067\u200B\n") {
			t.Errorf("%s is shown as a name or title, or is a code, but holds %q: clean it in Normalize, or add it to freeText if people write free text in it", field, value)
		}
	})
	for field := range freeText {
		if !seen[field] {
			t.Errorf("freeText names %s, which the model does not have", field)
		}
	}
	if o.Buddy.Name != "Ann Bobkcilcx SUMMARY:y" {
		t.Errorf("the buddy's name is %q", o.Buddy.Name)
	}
}

func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"Ann Bob":                      "Ann Bob",
		"Ann Bob\u202Ekcilc":           "Ann Bobkcilc",
		"\u2066Ann\u2069 \u200FBob":    "Ann Bob",
		"A\u200Bnn":                    "Ann",
		"Ann\nBob\u2028Cy\tD":          "Ann Bob Cy D",
		"Ann\x00\x1b[31m\u009bBob":     "Ann[31mBob",
		"\u3164":                       "",
		"soft\u00ADhyphen\uFEFF":       "softhyphen",
		"👩\u200D💻 team":                "👩\u200D💻 team", // an emoji sequence keeps its joiner
		"\u200DAnn\u200D \u200D\u200D": "Ann ",          // a joiner next to nothing visible goes
		"می\u200Cخواهم":                "می\u200Cخواهم", // Persian keeps its non-joiner
		"أمارا نووسو":                  "أمارا نووسو",
		"Zoë Ørsted-Łukasz":            "Zoë Ørsted-Łukasz",
	} {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                          "plain text",
		"a \u202Bעברית\u202C b":               "a \u202Bעברית\u202C b", // closed: kept
		"a \u2067עברית\u2069 b":               "a \u2067עברית\u2069 b",
		"a \u202Ebackwards":                   "a backwards", // left open: dropped
		"a \u202Eover\nnext line \u202C":      "a over\nnext line ",
		"\u2067isolate \u202Bembed\u2069 end": "\u2067isolate \u202Bembed\u2069 end", // a PDI closes both
		"stray \u202C and \u2069":             "stray  and ",
		"\u2066a\u202Cb\u2069":                "\u2066ab\u2069", // a PDF cannot close an isolate
		"zero\u200Bwidth and 👩\u200D💻":        "zero\u200Bwidth and 👩\u200D💻",
		"RLM\u200F and LRM\u200E stay":        "RLM\u200F and LRM\u200E stay",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

// A start date that is not a date is cleared, like every other date.
func TestNormalizeClearsABadStartDate(t *testing.T) {
	o := New(Draft{MyName: "A", PeerName: "B", StartDate: "2026-11-02"}, time.Now())
	o.StartDate = "2026\u202E-11"
	o.Normalize()
	if o.StartDate != "" {
		t.Errorf("start date %q", o.StartDate)
	}
}
