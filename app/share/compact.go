package share

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
)

// The body of a version 2 link, before DEFLATE, is the JSON of the link's
// envelope written as a stream of tokens, in the JSON's own order, where
// what dominates an onboarding's JSON takes a few bytes:
//
//   - a UUID (every entry's ID, every author) is 16 bytes the first time
//     and its index in a table of those seen afterwards, so the two
//     people's IDs cost one byte each time;
//   - a time is the difference from the previous time, in milliseconds,
//     and a date the difference in days from the previous date;
//   - an object key is its index in the frozen table compactKeys, or the
//     key itself the first time when the table lacks it;
//   - a short string that comes back (a status, a name) is its index in
//     a table of those seen.
//
// It works on any JSON, so a field added to the model travels without a
// change here; only a value that turns back into exactly the same text is
// written in binary, so decoding gives back the very JSON encoded.
const (
	tagEnd       = iota // end of an array
	tagNull             // null
	tagFalse            // false
	tagTrue             // true
	tagInt              // an integer, zigzag varint
	tagNumber           // any other number, as text
	tagString           // a string: length, bytes
	tagUUID             // a new UUID: 16 bytes
	tagUUIDRef          // a UUID seen before: its index
	tagTime             // a time: zigzag milliseconds from the previous one
	tagZeroTime         // 0001-01-01T00:00:00Z
	tagDate             // a date: zigzag days from the previous one
	tagObject           // an object: keys and values until key 0
	tagArray            // an array: values until tagEnd
	tagEmpty            // ""
	tagStringRef        // a short string seen before: its index
	// Version 3 only: a string that holds a NUL byte, so cannot end with
	// one in the text (length, then its bytes in the text).
	tagStringSized
	// Version 4: a stamp, a time whose nanoseconds past the millisecond
	// name a device: zigzag milliseconds from the previous time, then
	// the nanoseconds.
	tagStamp
)

// Object keys: 0 ends the object, 1 is a new key (length, bytes), 2 a new
// UUID key (16 bytes), 3 a UUID key seen before (its index), and k ≥ 4 is
// compactKeys[k-4] or a new key added after them.
const (
	keyEnd = iota
	keyNew
	keyUUID
	keyUUIDRef
	keyTable
)

// compactKeys is the preset table of object keys of version 2: the
// model's JSON names, the envelope's, and the paths of the onboarding's
// own values. It is part of the format and frozen (dict_test.go checks
// its hash): a key it lacks travels as text, so the model may grow.
var compactKeys = []string{
	"id", "title", "buddy", "name", "role", "function", "newcomer", "startDate", "created", "updated",
	"me", "writer", "example", "sync", "dataSources", "author", "private", "link", "answers", "owner",
	"checked", "problems", "problem", "evidence", "firstStep", "whoFeelsIt", "resolved", "budgetAdvice", "text", "workingWell",
	"teamRead", "person", "strengths", "watchOuts", "history", "people", "reason", "why", "met", "processes",
	"cadence", "since", "health", "changeHow", "surprises", "what", "when", "roles", "rows", "area",
	"owners", "settled", "sides", "expectMine", "expectYours", "done", "seeded", "disagreement", "escalation", "day",
	"time", "minutes", "zone", "social", "socialEvery", "socialDay", "socialTime", "shared", "debrief", "lastHeld",
	"agenda", "source", "meetings", "date", "items", "origin", "raised", "notes", "decisions", "commitments",
	"who", "due", "status", "meeting", "deleted", "changed",
	// The envelope.
	"from", "by", "made", "hasBy", "has", "shells", "onboarding",
	// The paths of the onboarding's own values, in Changed.
	"buddy.id", "buddy.name", "buddy.role", "buddy.function", "newcomer.id", "newcomer.name", "newcomer.role", "newcomer.function",
	"roles.seeded", "roles.cadence.day", "roles.cadence.time", "roles.cadence.minutes", "roles.cadence.zone", "roles.cadence.social",
	"roles.cadence.socialEvery", "roles.cadence.socialDay", "roles.cadence.socialTime",
}

const (
	maxInterned = 40 // the longest string the string table takes
	maxDepth    = 64 // the deepest nesting a body may have
)

var errCompact = errors.New("share: not a compact body")

// compactor holds the tables both directions build as they go.
type compactor struct {
	keys     []string
	keyIndex map[string]int
	uuids    [][16]byte
	uuidIdx  map[[16]byte]int
	strs     []string
	strIdx   map[string]int
	lastTime int64 // milliseconds since the Unix epoch
	lastDate int64 // days since the Unix epoch
	// text holds the strings' bytes, written after the structure: text
	// next to text compresses better than text between tags.
	text   []byte
	textAt int // how far expanding has read in text
	// budget counts what expanding builds, against the decode budget
	// every decoder shares (budget.go), so a body that would expand to
	// more than an onboarding can hold stops at the first excess.
	budget budget
	// streams is version 3's layout: new UUIDs go to ids rather than
	// between the tags, and each string in the text ends with a NUL
	// rather than having its length in the structure. Each of the three
	// streams then gets a model of its own (contextmix).
	streams bool
	ids     []byte
	idsAt   int
}

func newCompactor(streams bool) *compactor {
	c := &compactor{keyIndex: map[string]int{}, uuidIdx: map[[16]byte]int{}, strIdx: map[string]int{}, streams: streams}
	for _, k := range compactKeys {
		c.addKey(k)
	}
	return c
}

func (c *compactor) addKey(k string) {
	c.keyIndex[k] = len(c.keys)
	c.keys = append(c.keys, k)
}

// compactJSON writes JSON as a token stream, as version 2 links carry
// it: the length of the structure, the structure, the text.
func compactJSON(data []byte) ([]byte, error) {
	c, out, err := compactTokens(data, false)
	if err != nil {
		return nil, err
	}
	head := binary.AppendUvarint(nil, uint64(len(out)))
	return append(append(head, out...), c.text...), nil
}

// compactStreams writes JSON as version 3 links carry it: the three
// streams of the token stream, structure, UUIDs and text.
func compactStreams(data []byte) (structure, ids, text []byte, err error) {
	c, out, err := compactTokens(data, true)
	if err != nil {
		return nil, nil, nil, err
	}
	return out, c.ids, c.text, nil
}

func compactTokens(data []byte, streams bool) (*compactor, []byte, error) {
	c := newCompactor(streams)
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var out []byte
	var stack []frame
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		inObject := len(stack) > 0 && stack[len(stack)-1].object
		if inObject && stack[len(stack)-1].wantKey {
			if tok == json.Delim('}') {
				out = append(out, keyEnd)
				stack = stack[:len(stack)-1]
				c.valueDone(stack)
				continue
			}
			out = c.key(out, tok.(string))
			stack[len(stack)-1].wantKey = false
			continue
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				out = append(out, tagObject)
				stack = append(stack, frame{object: true, wantKey: true})
				continue
			case '[':
				out = append(out, tagArray)
				stack = append(stack, frame{})
				continue
			case ']':
				out = append(out, tagEnd)
				stack = stack[:len(stack)-1]
			}
		case nil:
			out = append(out, tagNull)
		case bool:
			if v {
				out = append(out, tagTrue)
			} else {
				out = append(out, tagFalse)
			}
		case json.Number:
			if n, err := strconv.ParseInt(string(v), 10, 64); err == nil && strconv.FormatInt(n, 10) == string(v) {
				out = binary.AppendVarint(append(out, tagInt), n)
			} else {
				out = appendBytes(append(out, tagNumber), string(v))
			}
		case string:
			out = c.str(out, v)
		}
		c.valueDone(stack)
	}
	return c, out, nil
}

// frame is an open object or array while compacting.
type frame struct{ object, wantKey bool }

// valueDone marks that the object on top of the stack waits for a key.
func (c *compactor) valueDone(stack []frame) {
	if len(stack) > 0 && stack[len(stack)-1].object {
		stack[len(stack)-1].wantKey = true
	}
}

func appendBytes(out []byte, s string) []byte {
	return append(binary.AppendUvarint(out, uint64(len(s))), s...)
}

func (c *compactor) key(out []byte, k string) []byte {
	if i, ok := c.keyIndex[k]; ok {
		return binary.AppendUvarint(out, uint64(keyTable+i))
	}
	if u, ok := parseUUID(k); ok {
		if i, seen := c.uuidIdx[u]; seen {
			return binary.AppendUvarint(append(out, keyUUIDRef), uint64(i))
		}
		c.addUUID(u)
		return c.appendUUID(append(out, keyUUID), u)
	}
	c.addKey(k)
	return appendBytes(append(out, keyNew), k)
}

func (c *compactor) addUUID(u [16]byte) {
	c.uuidIdx[u] = len(c.uuids)
	c.uuids = append(c.uuids, u)
}

func (c *compactor) str(out []byte, s string) []byte {
	if s == "" {
		return append(out, tagEmpty)
	}
	if u, ok := parseUUID(s); ok {
		if i, seen := c.uuidIdx[u]; seen {
			return binary.AppendUvarint(append(out, tagUUIDRef), uint64(i))
		}
		c.addUUID(u)
		return c.appendUUID(append(out, tagUUID), u)
	}
	if s == zeroTime {
		return append(out, tagZeroTime)
	}
	if ms, ok := parseTime(s); ok {
		out = binary.AppendVarint(append(out, tagTime), ms-c.lastTime)
		c.lastTime = ms
		return out
	}
	if ms, ns, ok := parseStamp(s); ok {
		out = binary.AppendVarint(append(out, tagStamp), ms-c.lastTime)
		c.lastTime = ms
		return binary.AppendUvarint(out, uint64(ns))
	}
	if days, ok := parseDate(s); ok {
		out = binary.AppendVarint(append(out, tagDate), days-c.lastDate)
		c.lastDate = days
		return out
	}
	if i, seen := c.strIdx[s]; seen {
		return binary.AppendUvarint(append(out, tagStringRef), uint64(i))
	}
	if len(s) <= maxInterned {
		c.strIdx[s] = len(c.strs)
		c.strs = append(c.strs, s)
	}
	if c.streams && strings.IndexByte(s, 0) < 0 {
		c.text = append(append(c.text, s...), 0)
		return append(out, tagString)
	}
	c.text = append(c.text, s...)
	tag := byte(tagString)
	if c.streams {
		tag = tagStringSized
	}
	return binary.AppendUvarint(append(out, tag), uint64(len(s)))
}

// appendUUID writes a new UUID's bytes after its tag, or in ids.
func (c *compactor) appendUUID(out []byte, u [16]byte) []byte {
	if c.streams {
		c.ids = append(c.ids, u[:]...)
		return out
	}
	return append(out, u[:]...)
}

const zeroTime = "0001-01-01T00:00:00Z"

// parseUUID reads a UUID written exactly as this app writes them.
func parseUUID(s string) ([16]byte, bool) {
	var u [16]byte
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, false
	}
	h := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	for i := 0; i < len(h); i++ {
		if !('0' <= h[i] && h[i] <= '9' || 'a' <= h[i] && h[i] <= 'f') {
			return u, false
		}
	}
	hex.Decode(u[:], []byte(h))
	return u, true
}

func formatUUID(u [16]byte) string {
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// parseTime reads a time as Go writes a UTC time to the millisecond.
func parseTime(s string) (int64, bool) {
	if len(s) < 20 || s[len(s)-1] != 'Z' || s[10] != 'T' {
		return 0, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Nanosecond()%1e6 != 0 || t.UTC().Format(time.RFC3339Nano) != s {
		return 0, false
	}
	return t.UnixMilli(), true
}

func formatTime(ms int64) string {
	return time.UnixMilli(ms).UTC().Format(time.RFC3339Nano)
}

// parseStamp reads a time as Go writes a UTC time to the nanosecond,
// when it is not to the millisecond: milliseconds since the epoch, and
// nanoseconds past the millisecond.
func parseStamp(s string) (ms, ns int64, ok bool) {
	if len(s) < 20 || s[len(s)-1] != 'Z' || s[10] != 'T' {
		return 0, 0, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.UTC().Format(time.RFC3339Nano) != s {
		return 0, 0, false
	}
	ms = t.UnixMilli()
	return ms, t.Sub(time.UnixMilli(ms)).Nanoseconds(), true
}

func parseDate(s string) (int64, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Format("2006-01-02") != s {
		return 0, false
	}
	return t.Unix() / 86400, true
}

func formatDate(days int64) string {
	return time.Unix(days*86400, 0).UTC().Format("2006-01-02")
}
