package share

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

func TestSuggestedPassphrasesAreStrongAndVaried(t *testing.T) {
	if len(wordList) != 2848 {
		t.Fatalf("the word list has %d words, want 2848", len(wordList))
	}
	seen := map[string]bool{}
	for _, w := range wordList {
		if seen[w] || len(w) > 6 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
			t.Errorf("word %q is repeated, long, or not all small letters", w)
		}
		seen[w] = true
	}
	phrases := map[string]bool{}
	used := map[string]bool{}
	for i := 0; i < 200; i++ {
		p, err := NewPassphrase()
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckPassphrase(p); err != nil {
			t.Errorf("the suggestion %q is refused: %v", p, err)
		}
		words := strings.Split(p, " ")
		if len(words) != SuggestedWords {
			t.Errorf("%q has %d words", p, len(words))
		}
		for _, w := range words {
			if !seen[w] {
				t.Errorf("%q is not in the list", w)
			}
			used[w] = true
		}
		phrases[p] = true
	}
	// 1,000 draws from 2,848 words: a fair draw uses hundreds of them.
	if len(phrases) != 200 || len(used) < 500 {
		t.Errorf("200 suggestions gave %d different phrases and %d different words", len(phrases), len(used))
	}
}

func TestWeakPassphrasesAreRefusedWithAReason(t *testing.T) {
	for p, want := range map[string]string{
		"":                          "Type a passphrase first",
		"   ":                       "Type a passphrase first",
		"a":                         "has 1 characters: use at least 12",
		"short words":               "has 11 characters",
		"Tr0ub4dor&3xyz":            "at least 4 words",
		"correct horse battery":     "at least 4 words",
		"horse horse horse horse":   "4 different words",
		"Horse horse HORSE staple!": "4 different words",
	} {
		err := CheckPassphrase(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckPassphrase(%q) = %v, want it to say %q", p, err, want)
		}
	}
	for _, p := range []string{"correct horse battery staple", "blue harbour seven lamps", "café-crème, thé noir, pain perdu", "vier zufällige wörter hier"} {
		if err := CheckPassphrase(p); err != nil {
			t.Errorf("CheckPassphrase(%q) = %v", p, err)
		}
	}
	if _, err := Encode(example(t), "a"); err == nil || errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("Encode locked a link with %q: %v", "a", err)
	}
}
