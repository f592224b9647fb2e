package share

import (
	"crypto/rand"
	_ "embed"
	"errors"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A passphrase is what stands between a link kept in a mail provider's
// archive and whoever reads that archive, so the app suggests a strong
// one and refuses weak ones. The suggestion is five words drawn at random
// from 2,848 (about 57 bits): easy to read out over the phone, and at a
// second of key derivation per guess, out of reach of guessing.

// words is the list suggestions are drawn from: the short words of the
// EFF's long word list (CC BY 3.0 US; see words.txt). It adds 17 KB to the
// wasm (10 KB gzipped); the whole list would add 62 KB.
//
//go:embed words.txt
var wordsFile string

var wordList = func() []string {
	var out []string
	for _, l := range strings.Split(wordsFile, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// The rules a passphrase must meet.
const (
	// SuggestedWords is how many words a suggested passphrase has.
	SuggestedWords = 5
	// MinPassphraseLength is the fewest characters a passphrase may have.
	MinPassphraseLength = 12
	// MinPassphraseWords is the fewest different words it may have.
	MinPassphraseWords = 4
)

// NewPassphrase returns a passphrase of SuggestedWords random words,
// drawn with the operating system's (or the browser's) secure random
// source, separated by spaces.
func NewPassphrase() (string, error) {
	picked := make([]string, SuggestedWords)
	n := big.NewInt(int64(len(wordList)))
	for i := range picked {
		k, err := rand.Int(rand.Reader, n)
		if err != nil {
			return "", err
		}
		picked[i] = wordList[k.Int64()]
	}
	return strings.Join(picked, " "), nil
}

// ErrNoPassphrase means the passphrase field is empty.
var ErrNoPassphrase = errors.New("Type a passphrase first, or use the one suggested.")

// CheckPassphrase says in plain words why a passphrase is too weak to
// lock a link, or returns nil. It counts characters as a person does, and
// words as runs of letters and digits.
func CheckPassphrase(p string) error {
	if strings.TrimSpace(p) == "" {
		return ErrNoPassphrase
	}
	if n := utf8.RuneCountInString(p); n < MinPassphraseLength {
		return errors.New("This passphrase has " + strconv.Itoa(n) + " characters: use at least " + strconv.Itoa(MinPassphraseLength) + ". Several random words, like the one suggested, are long enough and easy to say.")
	}
	words := strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	distinct := map[string]bool{}
	for _, w := range words {
		distinct[w] = true
	}
	switch {
	case len(words) < MinPassphraseWords:
		return errors.New("Use at least " + strconv.Itoa(MinPassphraseWords) + " words, separated by spaces: a few random words are far harder to guess than one long word, and easier to read out.")
	case len(distinct) < MinPassphraseWords:
		return errors.New("Use at least " + strconv.Itoa(MinPassphraseWords) + " different words: repeating a word makes the passphrase no harder to guess.")
	}
	return nil
}
