package ui

import (
	"unicode"
	"unicode/utf8"

	"counterpart/app/words"
)

// sentence is an error's message as the person reads it: a sentence.
func sentence(err error) string { return words.Sentence(err.Error()) }

// failed says what could not be done and why, in one sentence: "Could not
// rename: the browser's storage could not be read." An error already
// written for people, a whole sentence that starts with a capital (such
// as share's and store.SaveError), says both and is shown as it is.
func failed(what string, err error) string {
	if r, _ := utf8.DecodeRuneInString(err.Error()); unicode.IsUpper(r) {
		return sentence(err)
	}
	return words.Sentence(what + ": " + err.Error())
}
