package share

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// Expanding a compact body back into the JSON it came from (compact.go
// says how it is written). Every read checks what it reads: a body from
// outside may be anything.

// expandJSON turns a token stream back into the JSON it came from,
// writing at most limit bytes; past that it returns ErrTooLarge.
func expandJSON(body []byte, limit int) ([]byte, error) {
	n, k := binary.Uvarint(body)
	if k <= 0 || n > uint64(len(body)-k) {
		return nil, errCompact
	}
	c := newCompactor(false)
	c.text = body[k+int(n):]
	return c.expand(body[k:k+int(n)], limit)
}

// expandStreams turns version 3's three streams back into JSON, as
// expandJSON does.
func expandStreams(structure, ids, text []byte, limit int) ([]byte, error) {
	c := newCompactor(true)
	c.ids, c.text = ids, text
	return c.expand(structure, limit)
}

func (c *compactor) expand(structure []byte, limit int) ([]byte, error) {
	c.budget = newBudget(1) // the envelope around the onboarding
	r := &reader{b: structure}
	out := make([]byte, 0, min((len(structure)+len(c.text))*2, limit))
	out, err := c.expandValue(r, out, 0, limit)
	if err != nil {
		return nil, err
	}
	if r.i != len(r.b) || c.textAt != len(c.text) || c.idsAt != len(c.ids) {
		return nil, errCompact
	}
	return out, nil
}

type reader struct {
	b []byte
	i int
}

func (r *reader) byte() (byte, error) {
	if r.i >= len(r.b) {
		return 0, errCompact
	}
	r.i++
	return r.b[r.i-1], nil
}

func (r *reader) uvarint() (uint64, error) { return readVarint(r, binary.Uvarint) }

func (r *reader) varint() (int64, error) { return readVarint(r, binary.Varint) }

// readVarint reads one number written by binary's AppendUvarint or
// AppendVarint, with the decoder that matches it.
func readVarint[T int64 | uint64](r *reader, decode func([]byte) (T, int)) (T, error) {
	v, n := decode(r.b[r.i:])
	if n <= 0 {
		return 0, errCompact
	}
	r.i += n
	return v, nil
}

func (r *reader) take(n uint64) ([]byte, error) {
	if n > uint64(len(r.b)-r.i) {
		return nil, errCompact
	}
	b := r.b[r.i : r.i+int(n)]
	r.i += int(n)
	return b, nil
}

func (r *reader) text() (string, error) {
	n, err := r.uvarint()
	if err != nil {
		return "", err
	}
	b, err := r.take(n)
	if err != nil || !utf8.Valid(b) {
		return "", errCompact
	}
	return string(b), nil
}

func (r *reader) uuid() ([16]byte, error) {
	var u [16]byte
	b, err := r.take(16)
	if err != nil {
		return u, err
	}
	copy(u[:], b)
	return u, nil
}

// newUUID reads a UUID the first time it comes, from the structure or
// from ids, and adds it to the table.
func (c *compactor) newUUID(r *reader) ([16]byte, error) {
	var u [16]byte
	var err error
	if c.streams {
		ids := &reader{b: c.ids, i: c.idsAt}
		u, err = ids.uuid()
		c.idsAt = ids.i
	} else {
		u, err = r.uuid()
	}
	if err == nil {
		c.addUUID(u)
	}
	return u, err
}

// nextText reads the next string of the text: up to its NUL, or as long
// as the structure says.
func (c *compactor) nextText(r *reader, tag byte) ([]byte, error) {
	rest := c.text[c.textAt:]
	var b []byte
	switch {
	case tag == tagString && c.streams:
		end := bytes.IndexByte(rest, 0)
		if end < 0 {
			return nil, errCompact
		}
		b, c.textAt = rest[:end], c.textAt+end+1
	case tag == tagStringSized && !c.streams:
		return nil, errCompact
	default:
		n, err := r.uvarint()
		if err != nil || n > uint64(len(rest)) {
			return nil, errCompact
		}
		b, c.textAt = rest[:n], c.textAt+int(n)
	}
	if err := c.budget.text(len(b)); err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, errCompact
	}
	return b, nil
}

// addTime moves the last time read by d milliseconds, as each time and
// stamp is written after the one before, and reports whether it is still
// a time JSON can hold: years 1 to 9999.
func (c *compactor) addTime(d int64) bool {
	c.lastTime += d
	return c.lastTime >= -62135596800000 && c.lastTime <= 253402300799999
}

func (c *compactor) uuidAt(r *reader) (string, error) {
	i, err := r.uvarint()
	if err != nil || i >= uint64(len(c.uuids)) {
		return "", errCompact
	}
	return formatUUID(c.uuids[i]), nil
}

func (c *compactor) expandValue(r *reader, out []byte, depth, limit int) ([]byte, error) {
	if depth > maxDepth {
		return nil, errCompact
	}
	if len(out) > limit {
		return nil, ErrTooLarge
	}
	tag, err := r.byte()
	if err != nil {
		return nil, err
	}
	switch tag {
	case tagNull:
		return append(out, "null"...), nil
	case tagFalse:
		return append(out, "false"...), nil
	case tagTrue:
		return append(out, "true"...), nil
	case tagInt:
		n, err := r.varint()
		if err != nil {
			return nil, err
		}
		return strconv.AppendInt(out, n, 10), nil
	case tagNumber:
		s, err := r.text()
		if err != nil || !json.Valid([]byte(s)) {
			return nil, errCompact
		}
		return append(out, s...), nil
	case tagString, tagStringSized:
		b, err := c.nextText(r, tag)
		if err != nil {
			return nil, err
		}
		s := string(b)
		if len(s) <= maxInterned {
			if _, seen := c.strIdx[s]; !seen {
				c.strIdx[s] = len(c.strs)
				c.strs = append(c.strs, s)
			}
		}
		return appendJSONString(out, s), nil
	case tagStringRef:
		i, err := r.uvarint()
		if err != nil || i >= uint64(len(c.strs)) {
			return nil, errCompact
		}
		return appendJSONString(out, c.strs[i]), nil
	case tagEmpty:
		return append(out, `""`...), nil
	case tagUUID:
		u, err := c.newUUID(r)
		if err != nil {
			return nil, err
		}
		return appendJSONString(out, formatUUID(u)), nil
	case tagUUIDRef:
		s, err := c.uuidAt(r)
		if err != nil {
			return nil, err
		}
		return appendJSONString(out, s), nil
	case tagTime:
		d, err := r.varint()
		if err != nil {
			return nil, err
		}
		if !c.addTime(d) {
			return nil, errCompact
		}
		return appendJSONString(out, formatTime(c.lastTime)), nil
	case tagStamp:
		d, err := r.varint()
		if err != nil {
			return nil, err
		}
		ns, err := r.uvarint()
		if err != nil || ns == 0 || ns >= 1e6 {
			return nil, errCompact
		}
		if !c.addTime(d) {
			return nil, errCompact
		}
		t := time.UnixMilli(c.lastTime).Add(time.Duration(ns))
		return appendJSONString(out, t.UTC().Format(time.RFC3339Nano)), nil
	case tagZeroTime:
		return appendJSONString(out, zeroTime), nil
	case tagDate:
		d, err := r.varint()
		if err != nil {
			return nil, err
		}
		c.lastDate += d
		if c.lastDate < -719162 || c.lastDate > 2932896 {
			return nil, errCompact
		}
		return appendJSONString(out, formatDate(c.lastDate)), nil
	case tagArray:
		if err := c.budget.enter(false); err != nil {
			return nil, err
		}
		out = append(out, '[')
		for first := true; ; first = false {
			if r.i < len(r.b) && r.b[r.i] == tagEnd {
				r.i++
				return append(out, ']'), c.budget.leave()
			}
			if err := c.budget.next(); err != nil {
				return nil, err
			}
			if !first {
				out = append(out, ',')
			}
			if out, err = c.expandValue(r, out, depth+1, limit); err != nil {
				return nil, err
			}
		}
	case tagObject:
		if err := c.budget.enter(true); err != nil {
			return nil, err
		}
		out = append(out, '{')
		for first := true; ; first = false {
			k, err := r.uvarint()
			if err != nil {
				return nil, err
			}
			if k == keyEnd {
				return append(out, '}'), c.budget.leave()
			}
			if err := c.budget.next(); err != nil {
				return nil, err
			}
			if !first {
				out = append(out, ',')
			}
			var name string
			switch k {
			case keyNew:
				if name, err = r.text(); err != nil {
					return nil, err
				}
				c.addKey(name)
			case keyUUID:
				u, err := c.newUUID(r)
				if err != nil {
					return nil, err
				}
				name = formatUUID(u)
			case keyUUIDRef:
				if name, err = c.uuidAt(r); err != nil {
					return nil, err
				}
			default:
				if k-keyTable >= uint64(len(c.keys)) {
					return nil, errCompact
				}
				name = c.keys[k-keyTable]
			}
			out = append(appendJSONString(out, name), ':')
			if out, err = c.expandValue(r, out, depth+1, limit); err != nil {
				return nil, err
			}
		}
	}
	return nil, errCompact
}

// appendJSONString writes s as a JSON string.
func appendJSONString(out []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	out = append(out, '"')
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '"' || ch == '\\':
			out = append(out, '\\', ch)
		case ch < 0x20:
			out = append(out, '\\', 'u', '0', '0', hexDigits[ch>>4], hexDigits[ch&15])
		default:
			out = append(out, ch)
		}
	}
	return append(out, '"')
}
