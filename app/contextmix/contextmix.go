// Package contextmix is a small context-mixing compressor for what a
// share link carries: several models each guess the next bit from a
// different context (the last bytes, the current word, an earlier
// repetition), a mixer learns how far to trust each one, and a binary
// arithmetic coder spends on each bit what the guess was worth.
//
// On the prose of an onboarding it needs about a quarter fewer bytes than
// DEFLATE with a dictionary, because it learns from every bit rather than
// only from repeated strings, and because its text model starts from a
// few KB of plain English (primer.go). It is also a hundred times slower
// than DEFLATE, a few microseconds a byte, which is fine for what two
// people write but not for megabytes: callers bound what they give it.
//
// Everything here is integer arithmetic, so every platform decodes
// exactly what another encoded. The format (the models, their rates and
// tables, the primer) is frozen: changing any of it changes the output,
// so it needs a new link version; contextmix_test.go holds the output
// for a fixed input to catch that.
package contextmix

import (
	"encoding/binary"
	"errors"
)

// Kind says what a stream holds, which chooses its models.
type Kind uint8

const (
	// Structure is machine-made bytes: tags, numbers, indexes.
	Structure Kind = iota
	// Text is what people write, UTF-8.
	Text
	// IDs is a run of 16-byte random UUIDs (version 4, or any bytes at a
	// cost of 8 bits each).
	IDs
)

// Errors of Decompress.
var (
	// ErrDamaged means the data was not made by Compress with these kinds.
	ErrDamaged = errors.New("contextmix: damaged data")
	// ErrTooLarge means the data says it unpacks to more than allowed.
	ErrTooLarge = errors.New("contextmix: too large")
)

// Compress writes the streams, each modelled as its kind says, as one
// block: the length of each stream, then the coded bits of all of them.
// kinds and streams pair up; a kind may come only once.
func Compress(kinds []Kind, streams [][]byte) []byte {
	if len(kinds) != len(streams) {
		panic("contextmix: kinds and streams differ in number")
	}
	var out []byte
	total := 0
	for _, s := range streams {
		out = binary.AppendUvarint(out, uint64(len(s)))
		total += len(s)
	}
	m := newModel(total)
	e := &encoder{out: out, x2: 0xffffffff}
	for i, s := range streams {
		m.start(kinds[i])
		for _, c := range s {
			for j := 7; j >= 0; j-- {
				bit := int(c>>j) & 1
				e.code(bit, m.p())
				m.update(bit)
			}
		}
	}
	e.flush()
	return e.out
}

// Decompress reads what Compress wrote with the same kinds, unpacking at
// most limit bytes in all; its time grows with what it unpacks, so limit
// also bounds that.
func Decompress(data []byte, kinds []Kind, limit int) ([][]byte, error) {
	lens := make([]int, len(kinds))
	total, at := 0, 0
	for i := range kinds {
		n, k := binary.Uvarint(data[at:])
		if k <= 0 {
			return nil, ErrDamaged
		}
		at += k
		if n > uint64(limit-total) {
			return nil, ErrTooLarge
		}
		lens[i] = int(n)
		total += int(n)
	}
	m := newModel(total)
	d := &decoder{in: data[at:], x2: 0xffffffff}
	for range 4 {
		d.x = d.x<<8 | uint32(d.next())
	}
	streams := make([][]byte, len(kinds))
	for i, kind := range kinds {
		m.start(kind)
		s := make([]byte, lens[i])
		for k := range s {
			c := 0
			for range 8 {
				bit := d.decode(m.p())
				m.update(bit)
				c = c<<1 | bit
			}
			s[k] = byte(c)
		}
		streams[i] = s
	}
	// The decoder reads three bytes past the encoder's last one; fewer
	// or more mean these bytes did not come from Compress.
	if d.past != 3 || d.at != len(d.in) {
		return nil, ErrDamaged
	}
	return streams, nil
}

// encoder is a binary arithmetic coder: [x1, x2] is the range still
// possible; each bit keeps the part its probability gives it, and the
// leading bytes that x1 and x2 share are written out.
type encoder struct {
	x1, x2 uint32
	out    []byte
}

// code writes bit, whose probability of being 1 is p/4096, 0 < p < 4096.
func (e *encoder) code(bit, p int) {
	mid := e.x1 + uint32(uint64(e.x2-e.x1)*uint64(p)>>12)
	if bit == 1 {
		e.x2 = mid
	} else {
		e.x1 = mid + 1
	}
	for (e.x1^e.x2)&0xff000000 == 0 {
		e.out = append(e.out, byte(e.x2>>24))
		e.x1 <<= 8
		e.x2 = e.x2<<8 | 255
	}
}

// flush ends the data: x1's first byte followed by the 0xff bytes the
// decoder reads past the end is a value in [x1, x2].
func (e *encoder) flush() {
	e.out = append(e.out, byte(e.x1>>24))
}

type decoder struct {
	x1, x2, x uint32
	in        []byte
	at, past  int
}

func (d *decoder) next() byte {
	if d.at < len(d.in) {
		d.at++
		return d.in[d.at-1]
	}
	d.past++
	return 255
}

func (d *decoder) decode(p int) int {
	mid := d.x1 + uint32(uint64(d.x2-d.x1)*uint64(p)>>12)
	bit := 0
	if d.x <= mid {
		bit = 1
		d.x2 = mid
	} else {
		d.x1 = mid + 1
	}
	for (d.x1^d.x2)&0xff000000 == 0 {
		d.x1 <<= 8
		d.x2 = d.x2<<8 | 255
		d.x = d.x<<8 | uint32(d.next())
	}
	return bit
}
