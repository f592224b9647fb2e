package share

import (
	"encoding/json"
	"errors"
	"strings"

	"counterpart/app/onboarding"
)

// An exported onboarding is a small JSON file around the same fragment a
// link carries, for when the link is too long for the way it must travel.
// The file says what it is in words, for whoever finds it in a download
// folder; nothing else in it is read.
const (
	fileFormat = "counterpart-onboarding"
	// FileExtension ends the name of every exported onboarding.
	FileExtension = ".counterpart.json"
	// maxFile is the largest file the app reads.
	maxFile = 8 << 20
)

type fileV1 struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	About   string `json:"about"`
	Data    string `json:"data"`
}

// FileOf wraps a fragment made by Encode in a file: the page that shows
// the link offers the same data, locked the same way, as a download.
func FileOf(fragment string) ([]byte, error) {
	about := "One onboarding from Counterpart, to open in Counterpart: go to “Open a link or file” and choose this file."
	if strings.HasPrefix(fragment, tokenLocked+".") {
		about += " It is locked with a passphrase; ask the sender for it."
	}
	b, err := json.MarshalIndent(fileV1{Format: fileFormat, Version: Version, About: about, Data: fragment}, "", "  ")
	return append(b, '\n'), err
}

// InspectFile checks a file as far as it can without the passphrase.
func InspectFile(raw []byte) (Info, error) {
	frag, err := fragmentOfFile(raw)
	if err != nil {
		return Info{}, err
	}
	return Inspect(frag)
}

// DecodeFile opens a file made by FileOf, as Decode opens a link.
func DecodeFile(raw []byte, passphrase string) (*onboarding.Onboarding, error) {
	return fromFile(raw, passphrase, Decode)
}

// OpenFile opens a file made by FileOf, as Open opens a link.
func OpenFile(raw []byte, passphrase string) (*Packet, error) {
	return fromFile(raw, passphrase, Open)
}

// fromFile opens the link a file holds with open (Decode or Open), and
// says what went wrong in the words for a file.
func fromFile[T any](raw []byte, passphrase string, open func(link, passphrase string) (T, error)) (T, error) {
	var none T
	frag, err := fragmentOfFile(raw)
	if err != nil {
		return none, err
	}
	v, err := open(frag, passphrase)
	if err != nil {
		return none, fileError(err)
	}
	return v, nil
}

// fileError is what went wrong with the link inside a file, said of the
// file: a damaged link there is a damaged file.
func fileError(err error) error {
	if errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotLink) {
		return ErrFileDamaged
	}
	return err
}

func fragmentOfFile(raw []byte) (string, error) {
	if len(raw) > maxFile {
		return "", ErrTooLarge
	}
	var f fileV1
	if err := json.Unmarshal(raw, &f); err != nil {
		if saysItIs(raw, fileFormat) {
			return "", ErrFileDamaged
		}
		return "", ErrNotFile
	}
	switch {
	case f.Format == backupFormat:
		return "", ErrIsBackup
	case f.Format != fileFormat:
		return "", ErrNotFile
	case f.Version > Version:
		return "", ErrFutureVersion
	case f.Version < 1 || f.Data == "":
		return "", ErrFileDamaged
	}
	return f.Data, nil
}
