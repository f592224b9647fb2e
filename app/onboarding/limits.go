package onboarding

import "reflect"

// Each text field of the model says once, in a limit:"..." tag, how much
// it may hold: Normalize cuts to it and the pages give their inputs the
// same maximum, so the two cannot drift apart. limits_test.go walks the
// whole model so that a new text field without a limit fails the tests.
//
//	limit:"short"  one line: a name, a role, a title (MaxShort)
//	limit:"long"   free text, several lines, Markdown (MaxText)
//	limit:"link"   a web address (MaxLink)
//	limit:"date"   a date, YYYY-MM-DD, which Normalize checks as a date
//	limit:"-"      no text a person types: an ID, a time, a day, a
//	               choice, each checked by its own rule in Normalize
type limit struct {
	max  int  // the most characters; 0 for "-"
	line bool // one line: cleaned as a name or a title is
	text bool // free text, cut then cleaned as CleanText does
}

// dateLen is how long a date is: YYYY-MM-DD.
const dateLen = len("2006-01-02")

// limitOf reads the limit of a field of the model; it panics for a tag it
// does not know, so a typo fails the tests.
func limitOf(f reflect.StructField) (limit, bool) {
	tag, ok := f.Tag.Lookup("limit")
	if !ok {
		return limit{}, false
	}
	switch tag {
	case "short":
		return limit{max: MaxShort, line: true}, true
	case "long":
		return limit{max: MaxText, text: true}, true
	case "link":
		return limit{max: MaxLink, line: true}, true
	case "date":
		return limit{max: dateLen}, true
	case "-":
		return limit{}, true
	}
	panic("onboarding: unknown limit tag on " + f.Name + ": " + tag)
}

// Limit is the most characters the field called name of an entry (a
// pointer to a struct of the model, such as *DataSource) may hold, or 0
// when it is not text a person types.
func Limit(entry any, name string) int {
	t := reflect.TypeOf(entry)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for _, rf := range shapeOf(t).fields {
		if rf.field.Name == name {
			return rf.limit.max
		}
	}
	return 0
}

// clipTexts cuts every text in v (a struct of the model) to its limit
// and cleans it: one-line fields of line breaks and invisible characters,
// free text of direction marks left open. Device-only fields hold no text
// a person types, and are left alone.
func clipTexts(v reflect.Value) {
	for _, rf := range shapeOf(v.Type()).fields {
		fv, l, r := v.Field(rf.index), rf.limit, rf.rule
		switch {
		case l.line, l.text:
			clip(fv, l)
		case r == ruleEntries:
			for i := 0; i < fv.Len(); i++ {
				clipTexts(fv.Index(i))
			}
		case r == ruleEntry, r == ruleGroup:
			clipTexts(fv)
		case r == ruleSides:
			// Each person's side is a pointer, so it changes in place. A
			// side travels whole, so its fields have no rules of their
			// own, and no shape: its texts are read field by field.
			for _, k := range fv.MapKeys() {
				if side := fv.MapIndex(k); !side.IsNil() {
					clipSide(side.Elem())
				}
			}
		}
	}
}

// clipSide cuts and cleans the texts of one person's side (see clipTexts).
func clipSide(v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		if l, _ := limitOf(v.Type().Field(i)); l.line || l.text {
			clip(v.Field(i), l)
		}
	}
}

// clip cuts and cleans one text to its limit.
func clip(v reflect.Value, l limit) {
	if l.line {
		v.SetString(Clip(CleanLine(v.String()), l.max))
	} else {
		v.SetString(CleanText(Clip(v.String(), l.max)))
	}
}
