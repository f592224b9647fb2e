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
	"time"

	"counterpart/app/contextmix"
	"counterpart/app/onboarding"
)

// The format of a link's fragment:
//
//	<token>.<base64url without padding of: body, then CRC-32 of token+"."+body>
//
// Version 4, which this build writes: token "4" is a plain link, whose
// body is the link's envelope (who sent it from which device, what that
// device holds, what the changes build on, and the onboarding) as JSON,
// compacted into three streams (structure, UUIDs, text: compact.go) and
// compressed with package contextmix, whose text model knows English.
// Token "4e" is a locked link: the same compressed body padded to one of
// a few fixed sizes (so that its length does not give away how much it
// holds) and sealed with AES-256-GCM under a key derived from a
// passphrase (see seal). Past maxStreams, where contextmix would make the
// share page wait, the envelope is compacted into one token stream and
// compressed with raw DEFLATE and the preset dictionary dictV2: token
// "4d", or "4de" locked and padded. Version 4's stamps name the device
// that made them in their nanoseconds, which the compaction keeps.
//
// Versions 1 to 3, which this build still reads: "3" and "3e" are
// version 4's streams with an older envelope (one device a side, times
// to the millisecond), "2" and "2e" its DEFLATE flavour, and "1" and "1e"
// the shareable onboarding as JSON, with Me naming the sender, compressed
// with DEFLATE and dictV1.
//
// The checksum tells a link damaged on the way (cut off, a character
// changed) from a wrong passphrase, which both look alike to GCM.
const (
	// Version is the newest link format this build reads and the one it
	// writes.
	Version          = 4
	tokenPlain       = "4"
	tokenLocked      = "4e"
	tokenPlainLarge  = "4d"
	tokenLockedLarge = "4de"
	tokenPlainV3     = "3"
	tokenLockedV3    = "3e"
	tokenPlainV2     = "2"
	tokenLockedV2    = "2e"
	tokenPlainV1     = "1"
	tokenLockedV1    = "1e"
)

// tokens says what each token this build reads is made of.
var tokens = map[string]struct {
	locked  bool
	streams bool // contextmix's three streams, else DEFLATE
	padded  bool // a locked body padded before sealing
	old     bool // an envelope of a version before devices were counted
}{
	tokenPlain: {streams: true}, tokenLocked: {locked: true, streams: true, padded: true},
	tokenPlainLarge: {}, tokenLockedLarge: {locked: true, padded: true},
	tokenPlainV3: {streams: true, old: true}, tokenLockedV3: {locked: true, streams: true, old: true},
	tokenPlainV2: {old: true}, tokenLockedV2: {locked: true, old: true},
	tokenPlainV1: {old: true}, tokenLockedV1: {locked: true, old: true},
}

// maxStreams is the most compacted bytes a version 3 link holds: the
// example, a new onboarding or every link of changes, and a complete link
// of about half a year of weekly 1:1s. contextmix takes a few microseconds
// a byte, about 0.2 s for this much in Chromium on a laptop (make bench),
// and the share page makes its link as it opens, so a larger onboarding
// goes as version 2; a version 3 link that claims more is refused before
// it is decoded.
const maxStreams = 48 << 10

// streamKinds are the models of a version 3 body's three streams.
var streamKinds = []contextmix.Kind{contextmix.Structure, contextmix.IDs, contextmix.Text}

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

// Encode returns the fragment of a complete link: it carries the whole
// shareable part of o, locked with the passphrase unless it is empty; a
// passphrase CheckPassphrase refuses is refused here too, with its reason.
// Private entries never get in.
func Encode(o *onboarding.Onboarding, passphrase string) (string, error) {
	if err := checkLock(passphrase); err != nil {
		return "", err
	}
	return encode(o, passphrase, DefaultIterations)
}

// checkLock refuses a weak passphrase; none means no lock.
func checkLock(passphrase string) error {
	if passphrase == "" {
		return nil
	}
	return CheckPassphrase(passphrase)
}

func encode(o *onboarding.Onboarding, passphrase string, iterations int) (string, error) {
	h := onboarding.Header{From: o.Me, By: o.Sync.Device, Made: o.Updated, Has: o.Sync.Have}
	frag, _, err := encodeLink(o, h, passphrase, iterations)
	return frag, err
}

// EncodeLink returns the fragment of the link that h describes, as
// onboarding.StartLink makes it: complete, or only the changes since
// h.Since. It also returns how many changes a link of changes carries.
func EncodeLink(o *onboarding.Onboarding, h onboarding.Header, passphrase string) (fragment string, changes int, err error) {
	if err := checkLock(passphrase); err != nil {
		return "", 0, err
	}
	return encodeLink(o, h, passphrase, DefaultIterations)
}

// envelope is the JSON a version 4 link carries.
type envelope struct {
	From       string            `json:"from"`
	By         onboarding.Device `json:"by,omitempty"`
	Made       time.Time         `json:"made"`
	Has        onboarding.Vector `json:"has"`
	Base       onboarding.Vector `json:"base,omitempty"`
	Shells     []string          `json:"shells,omitempty"`
	Onboarding json.RawMessage   `json:"onboarding"`
}

// envelopeV3 is the JSON a version 2 or 3 link carries.
type envelopeV3 struct {
	From       string          `json:"from"`
	Made       time.Time       `json:"made"`
	Since      *time.Time      `json:"since,omitempty"`
	Shells     []string        `json:"shells,omitempty"`
	Onboarding json.RawMessage `json:"onboarding"`
}

func encodeLink(o *onboarding.Onboarding, h onboarding.Header, passphrase string, iterations int) (string, int, error) {
	body := onboarding.Shareable(o)
	changes := 0
	if h.Base != nil {
		body, h.Shells, changes = onboarding.ChangesSince(o, h.Base)
	}
	body.Me = ""
	data, err := json.Marshal(body)
	if err != nil {
		return "", 0, err
	}
	// What this app writes, this app must open.
	if checkJSON(data) != nil {
		return "", 0, ErrTooMuchToShare
	}
	env := envelope{From: h.From, By: h.By, Made: h.Made.UTC().Round(0), Has: h.Has, Base: h.Base, Shells: h.Shells, Onboarding: data}
	if env.Has == nil {
		env.Has = onboarding.Vector{}
	}
	if data, err = json.Marshal(env); err != nil {
		return "", 0, err
	}
	structure, ids, text, err := compactStreams(data)
	if err != nil {
		return "", 0, err
	}
	if len(structure)+len(ids)+len(text) <= maxStreams {
		body := contextmix.Compress(streamKinds, [][]byte{structure, ids, text})
		frag, err := sealFragment(body, passphrase, iterations, tokenPlain, tokenLocked)
		return frag, changes, err
	}
	if data, err = compactJSON(data); err != nil {
		return "", 0, err
	}
	frag, err := seal2(data, passphrase, iterations, tokenPlainLarge, tokenLockedLarge, dictV2)
	return frag, changes, err
}

// seal2 compresses data with a dictionary, locks it if a passphrase is
// given, and writes the fragment.
func seal2(data []byte, passphrase string, iterations int, plain, locked, dict string) (string, error) {
	var buf bytes.Buffer
	w, err := flate.NewWriterDict(&buf, flate.BestCompression, []byte(dict))
	if err != nil {
		return "", err
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		return "", err
	}
	return sealFragment(buf.Bytes(), passphrase, iterations, plain, locked)
}

// sealFragment locks a compressed body if a passphrase is given, and
// writes the fragment.
func sealFragment(body []byte, passphrase string, iterations int, plain, locked string) (string, error) {
	token := plain
	var err error
	if passphrase != "" {
		token = locked
		if tokens[token].padded {
			body = pad(body)
		}
		if body, err = seal(body, passphrase, iterations, token); err != nil {
			return "", err
		}
	}
	return token + "." + base64.RawURLEncoding.EncodeToString(withChecksum(token, body)), nil
}

// encodeV1 writes a version 1 link, for the tests that keep old links
// opening.
func encodeV1(o *onboarding.Onboarding, passphrase string, iterations int) (string, error) {
	data, err := json.Marshal(Shareable(o))
	if err != nil {
		return "", err
	}
	return seal2(data, passphrase, iterations, tokenPlainV1, tokenLockedV1, dictV1)
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
	return Info{Locked: p.locked()}, nil
}

func (p parsed) locked() bool { return tokens[p.token].locked }

// Open opens a link as Decode does, and also takes a link of changes,
// which only Take can merge.
func Open(s, passphrase string) (*Packet, error) {
	p, err := parse(s)
	if err != nil {
		return nil, err
	}
	return p.open(passphrase)
}

// Decode opens a link: a whole URL, or just the part after #, as pasted or
// as received. It returns the onboarding it carries, normalized and safe
// to use; its Me is the sender. passphrase is ignored for a plain link.
// A link of changes is ErrChangesOnly: it needs Open and Take.
func Decode(s, passphrase string) (*onboarding.Onboarding, error) {
	p, err := Open(s, passphrase)
	if err != nil {
		return nil, err
	}
	if p.Header.Partial() {
		return nil, ErrChangesOnly
	}
	return p.Onboarding, nil
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
	case !known(token):
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

func (p parsed) open(passphrase string) (*Packet, error) {
	compressed := p.body
	if p.locked() {
		if passphrase == "" {
			return nil, ErrNeedsPassphrase
		}
		var err error
		if compressed, err = open(p.body, passphrase, p.token); err != nil {
			return nil, err
		}
		if tokens[p.token].padded {
			if compressed, err = unpad(compressed); err != nil {
				return nil, err
			}
		}
	}
	if p.token == tokenPlainV1 || p.token == tokenLockedV1 {
		data, err := inflate(compressed, dictV1, true)
		if err != nil {
			return nil, err
		}
		o, err := decodeOnboarding(data, ErrDamaged)
		if err != nil {
			return nil, err
		}
		// Who types on the sender's device means nothing here.
		o.Writer, o.Example, o.Sync = "", false, onboarding.Sync{}
		return &Packet{Onboarding: o, Header: onboarding.Header{From: o.Me, Old: true}}, nil
	}
	data, err := envelopeJSON(p.token, compressed)
	if err != nil {
		return nil, err
	}
	if tokens[p.token].old {
		return decodeEnvelopeV3(data, ErrDamaged)
	}
	return decodeEnvelope(data, ErrDamaged)
}

func known(token string) bool {
	_, ok := tokens[token]
	return ok
}

// envelopeJSON unpacks the body of a link of version 2 or later to the
// JSON of its envelope, counting against the decode budget as it expands.
func envelopeJSON(token string, compressed []byte) ([]byte, error) {
	var data []byte
	var err error
	if !tokens[token].streams {
		if data, err = inflate(compressed, dictV2, false); err != nil {
			return nil, err
		}
		data, err = expandJSON(data, maxInflated)
	} else {
		var streams [][]byte
		switch streams, err = contextmix.Decompress(compressed, streamKinds, maxStreams); {
		case errors.Is(err, contextmix.ErrTooLarge):
			return nil, ErrTooLarge
		case err != nil:
			return nil, ErrDamaged
		}
		data, err = expandStreams(streams[0], streams[1], streams[2], maxInflated)
	}
	switch {
	case errors.Is(err, ErrTooLarge):
		return nil, ErrTooLarge
	case err != nil:
		return nil, ErrDamaged
	}
	return data, nil
}

// decodeEnvelope reads the JSON of a version 4 link's envelope.
func decodeEnvelope(data []byte, damaged error) (*Packet, error) {
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, damaged
	}
	o, err := envelopeOnboarding(env.Onboarding, env.From, damaged)
	if err != nil {
		return nil, err
	}
	if env.By > onboarding.MaxDevice || !vectorOK(env.Has) || !vectorOK(env.Base) {
		return nil, damaged
	}
	if env.Has == nil {
		env.Has = onboarding.Vector{}
	}
	h := onboarding.Header{From: env.From, By: env.By, Made: env.Made.UTC().Round(0), Has: env.Has, Base: env.Base, Shells: env.Shells}
	return &Packet{Onboarding: o, Header: h}, nil
}

// vectorOK checks a vector from outside: device numbers in range, and no
// more devices than two people could use.
func vectorOK(v onboarding.Vector) bool {
	if len(v) > 64 {
		return false
	}
	for d := range v {
		if d > onboarding.MaxDevice {
			return false
		}
	}
	return true
}

// decodeEnvelopeV3 reads the JSON of a version 2 or 3 link's envelope:
// merged as it is (Header.Old), since it says nothing of devices.
func decodeEnvelopeV3(data []byte, damaged error) (*Packet, error) {
	var env envelopeV3
	if err := json.Unmarshal(data, &env); err != nil {
		return nil, damaged
	}
	o, err := envelopeOnboarding(env.Onboarding, env.From, damaged)
	if err != nil {
		return nil, err
	}
	h := onboarding.Header{From: env.From, Made: env.Made, Old: true, Shells: env.Shells}
	if env.Since != nil {
		h.Since = *env.Since
		if h.Since.IsZero() {
			return nil, damaged
		}
	}
	return &Packet{Onboarding: o, Header: h}, nil
}

// envelopeOnboarding decodes the onboarding of an envelope, sent by the
// person from.
func envelopeOnboarding(data json.RawMessage, from string, damaged error) (*onboarding.Onboarding, error) {
	o, err := decodeOnboarding(data, damaged)
	if err != nil {
		return nil, err
	}
	if o.PersonByID(from) == nil {
		return nil, damaged
	}
	// Device-only fields never travel; a link that holds some anyway
	// does not get to set them here.
	o.Me, o.Writer, o.Example, o.Sync = from, "", false, onboarding.Sync{}
	return o, nil
}

// inflate unpacks at most maxInflated bytes; anything that would unpack
// to more is refused as ErrTooLarge without unpacking the rest. A version
// 1 body is JSON: it is checked against the decode budget as it comes
// (isJSON), so a bomb is refused as damaged at its first excess rather
// than after megabytes. A version 2 body is checked as it is expanded
// (expandJSON).
func inflate(compressed []byte, dict string, isJSON bool) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(compressed), []byte(dict))
	defer r.Close()
	var data bytes.Buffer
	var w io.Writer = &data
	if isJSON {
		w = io.MultiWriter(&data, &jsonScanner{budget: newBudget(0)})
	}
	// Small steps, so a bomb stops after a few kilobytes of inflating.
	_, err := io.CopyBuffer(w, io.LimitReader(r, maxInflated+1), make([]byte, 2<<10))
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
	if onboarding.CheckCaps(&o) != nil {
		return nil, ErrTooLarge
	}
	o.Normalize()
	return &o, nil
}

// pad fills a body out to the next of a few fixed sizes (each half again
// the one before, from 256 bytes), with a 0x80 byte and zeros, so that a
// locked link's length tells only roughly how much it holds.
func pad(body []byte) []byte {
	size := 256
	for size < len(body)+1 {
		size += size / 2
	}
	out := make([]byte, size)
	copy(out, body)
	out[len(body)] = 0x80
	return out
}

// unpad takes off what pad added.
func unpad(body []byte) ([]byte, error) {
	i := len(body) - 1
	for i >= 0 && body[i] == 0 {
		i--
	}
	if i < 0 || body[i] != 0x80 {
		return nil, ErrDamaged
	}
	return body[:i], nil
}
