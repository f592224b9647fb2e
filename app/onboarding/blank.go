package onboarding

import (
	"reflect"
	"strings"
)

// IsBlank reports whether an entry (a pointer to one) holds nothing a
// person wrote or chose: every text empty or spaces, every box unticked,
// every choice unmade. A blank entry is one added and left; the pages
// drop it rather than keep a nameless row.
func IsBlank(entry any) bool {
	v := reflect.ValueOf(entry)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return false
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Anonymous {
			continue // Meta: who added it and when, not what they wrote
		}
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			if strings.TrimSpace(f.String()) != "" {
				return false
			}
		case reflect.Bool:
			if f.Bool() {
				return false
			}
		default:
			if !f.IsZero() {
				return false
			}
		}
	}
	return true
}
