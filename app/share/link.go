package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"

	"counterpart/app/onboarding"
)

// The format of a link's fragment, version 1:
//
//	<token>.<base64url without padding of: body, then CRC-32 of token+"."+body>
//
// token "1" is a plain link: body is the shareable onboarding as JSON,
// compressed with raw DEFLATE and the preset dictionary dictV1.
// token "1e" is a locked link: body is that same compressed data sealed
// with AES-256-GCM under a key derived from a passphrase (see seal).
//
// The checksum tells a link damaged on the way (cut off, a character
// changed) from a wrong passphrase, which both look alike to GCM.
const (
	// Version is the newest link format this build reads and the one it
	// writes.
	Version     = 1
	tokenPlain  = "1"
	tokenLocked = "1e"
)

// Limits on what a link may hold.
const (
	// WarnLength is the link length past which some email clients and
	// chat apps break or cut links.
	WarnLength = 2_000
	// MaxLength is the longest link the app offers; past it, the file.
	// Browsers accept far longer URLs, but pasting and sending them does
	// not work reliably.
	MaxLength = 32_000
	// maxInput is the most text Decode looks at, whitespace included.
	maxInput = 1 << 20
	// maxInflated is the most JSON a link or a file may unpack to: far
	// more than a full onboarding, far less than a zip bomb wants.
	maxInflated = 4 << 20
)

// OpenPath is the app path that opens links.
const OpenPath = "/open"

// Encode returns the fragment that carries the shareable part of o, locked
// with the passphrase unless it is empty; a passphrase CheckPassphrase
// refuses is refused here too, with its reason. Private entries never get
// in.
func Encode(o *onboarding.Onboarding, passphrase string) (string, error) {
	if passphrase != "" {
		if err := CheckPassphrase(passphrase); err != nil {
			return "", err
		}
	}
	return encode(o, passphrase, DefaultIterations)
}

func encode(o *onboarding.Onboarding, passphrase string, iterations int) (string, error) {
	data, err := json.Marshal(Shareable(o))
	if err != nil {
		return "", err
	}
	// What this app writes, this app must open.
	if checkJSON(data) != nil {
		return "", ErrTooMuchToShare
	}
	var buf bytes.Buffer
	w, err := flate.NewWriterDict(&buf, flate.BestCompression, []byte(dictV1))
	if err != nil {
		return "", err
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		return "", err
	}
	token, body := tokenPlain, buf.Bytes()
	if passphrase != "" {
		token = tokenLocked
		if body, err = seal(body, passphrase, iterations, token); err != nil {
			return "", err
		}
	}
	return token + "." + base64.RawURLEncoding.EncodeToString(withChecksum(token, body)), nil
}

// Link is the whole URL for a fragment: base is where the app is served,
// such as https://example.org/counterpart.
func Link(base, fragment string) string {
	return strings.TrimSuffix(base, "/") + OpenPath + "#" + fragment
}

func withChecksum(token string, body []byte) []byte {
	return binary.BigEndian.AppendUint32(body, checksum(token, body))
}

func checksum(token string, body []byte) uint32 {
	h := crc32.NewIEEE()
	h.Write([]byte(token + "."))
	h.Write(body)
	return h.Sum32()
}

// Info is what can be told about a link without its passphrase.
type Info struct {
	// Locked says a passphrase is needed to open it.
	Locked bool
}

// parsed is a link taken apart and checked, not yet opened.
type parsed struct {
	token string
	body  []byte
}

// Inspect checks a link as far as it can without the passphrase: that it
// is one, of a version this build reads, and arrived whole.
func Inspect(s string) (Info, error) {
	p, err := parse(s)
	if err != nil {
		return Info{}, err
	}
	return Info{Locked: p.token == tokenLocked}, nil
}

// Decode opens a link: a whole URL, or just the part after #, as pasted or
// as received. It returns the onboarding it carries, normalized and safe
// to use; its Me is the sender. passphrase is ignored for a plain link.
func Decode(s, passphrase string) (*onboarding.Onboarding, error) {
	p, err := parse(s)
	if err != nil {
		return nil, err
	}
	return p.open(passphrase)
}

// fragmentOf finds the fragment in what a person pasted or the browser
// gave: after "#", or after "%23" when a mail scanner escaped the "#", with
// any whitespace a mail client wrapped into it taken out, and ending where
// the characters of a link's alphabet end (a quote, a bracket, a
// scanner's own parameters).
func fragmentOf(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	} else if i := strings.Index(strings.ToLower(s), "%23"); i >= 0 {
		s = s[i+3:]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return s[:i]
		}
	}
	return s
}

func parse(s string) (parsed, error) {
	if len(s) > maxInput {
		return parsed{}, ErrTooLarge
	}
	frag := fragmentOf(s)
	token, payload, found := strings.Cut(frag, ".")
	digits := len(token) - len(strings.TrimLeft(token, "0123456789"))
	if digits == 0 || digits > 6 {
		return parsed{}, ErrNotLink
	}
	version, _ := strconv.Atoi(token[:digits])
	switch {
	case version == 0:
		return parsed{}, ErrNotLink
	case version > Version:
		return parsed{}, ErrFutureVersion
	case token != tokenPlain && token != tokenLocked:
		// A flag this build does not know: a later release's feature.
		return parsed{}, ErrFutureVersion
	case !found:
		return parsed{}, ErrDamaged
	}
	// Strict: a changed last character must not decode to the same bytes.
	raw, err := base64.RawURLEncoding.Strict().DecodeString(payload)
	if err != nil || len(raw) < 5 {
		return parsed{}, ErrDamaged
	}
	body, sum := raw[:len(raw)-4], binary.BigEndian.Uint32(raw[len(raw)-4:])
	if checksum(token, body) != sum {
		return parsed{}, ErrDamaged
	}
	return parsed{token: token, body: body}, nil
}

func (p parsed) open(passphrase string) (*onboarding.Onboarding, error) {
	compressed := p.body
	if p.token == tokenLocked {
		if passphrase == "" {
			return nil, ErrNeedsPassphrase
		}
		var err error
		if compressed, err = open(p.body, passphrase, p.token); err != nil {
			return nil, err
		}
	}
	data, err := inflate(compressed)
	if err != nil {
		return nil, err
	}
	o, err := decodeOnboarding(data, ErrDamaged)
	if err != nil {
		return nil, err
	}
	// Who types on the sender's device means nothing here.
	o.Writer, o.Example = "", false
	return o, nil
}

// inflate unpacks at most maxInflated bytes; anything that would unpack
// to more is refused as ErrTooLarge without unpacking the rest. The JSON
// is checked against the budget as it comes, so a bomb is refused as
// damaged at its first excess rather than after megabytes.
func inflate(compressed []byte) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(compressed), []byte(dictV1))
	defer r.Close()
	var data bytes.Buffer
	var scan jsonScanner
	// Small steps, so a bomb stops after a few kilobytes of inflating.
	_, err := io.CopyBuffer(io.MultiWriter(&data, &scan), io.LimitReader(r, maxInflated+1), make([]byte, 2<<10))
	switch {
	case errors.Is(err, errOverBudget):
		return nil, ErrDamaged
	case data.Len() > maxInflated:
		return nil, ErrTooLarge
	case err != nil:
		return nil, ErrDamaged
	}
	return data.Bytes(), nil
}

// decodeOnboarding reads the JSON of one onboarding from outside and makes
// it safe: within the budget of what an onboarding can hold, checked
// before anything is built; a valid ID and two distinct people, since
// merging matches on them; everything else normalized.
func decodeOnboarding(data []byte, damaged error) (*onboarding.Onboarding, error) {
	if checkJSON(data) != nil {
		return nil, damaged
	}
	var o onboarding.Onboarding
	if err := json.Unmarshal(data, &o); err != nil {
		return nil, damaged
	}
	if !onboarding.IsID(o.ID) || !onboarding.IsID(o.Buddy.ID) || !onboarding.IsID(o.Newcomer.ID) || o.Buddy.ID == o.Newcomer.ID {
		return nil, damaged
	}
	o.Normalize()
	return &o, nil
}
