package onboarding

// labelled is one kind of answer's values in the order forms offer them,
// each with the words a person reads: a value and its words are written
// once, in one table, and the list and the Label method both come from it.
type labelled[T ~string] []struct {
	value T
	label string
}

// values lists the values in the table's order.
func (l labelled[T]) values() []T {
	out := make([]T, len(l))
	for i, c := range l {
		out[i] = c.value
	}
	return out
}

// label is v's words, or none when v is not in the table.
func (l labelled[T]) label(v T, none string) string {
	for _, c := range l {
		if c.value == v {
			return c.label
		}
	}
	return none
}
