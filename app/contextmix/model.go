package contextmix

import (
	"slices"
	"sync"
)

// The model guesses each bit of a byte, most significant first. At the
// start of a byte it hashes each of its contexts (the last 1, 2, 3 and 4
// bytes, and the current word); for each bit it looks up, per context,
// the slot of that context and the bits of the byte seen so far. A slot
// holds a probability that adapts to what followed in that context, and a
// short history of the bits seen there, which a shared table turns into a
// second guess (what followed such a history in any context). A match
// model finds the last place the recent bytes occurred and bets on the
// byte that followed. A mixer combines the guesses in the logistic domain
// with weights it trains after every bit, and a table (APM) corrects what
// it still gets wrong, by the last byte.
//
// Each contexts earned its place by measurement on onboardings: more of
// them (6 bytes, the previous word), a second guess for every context or
// a second mixer saved less than 0.3% and cost a third more time.

const (
	numCtx    = 5                  // hashed contexts
	numSM     = 3                  // bit histories turned into guesses: orders 1 and 2, the word
	numInputs = numCtx + numSM + 3 // the guesses, order 0, match, bias
	numKinds  = 3                  // Structure, Text, IDs
	minMatch  = 6                  // bytes that must repeat before the match model bets
	maxMatch  = 63                 // match lengths the match model tells apart
	matchBits = 16                 // the match model's table of positions
	apmBits   = 12                 // the APM's contexts
	biasInput = 256                // the constant input, so a mixer can shift its output
	uuidBytes = 16                 // the length of a UUID
	// The slot table has about bucketsPerByte buckets of 64 bytes a byte
	// of input, so that contexts seldom evict each other, within bounds.
	bucketsPerByte = 4
	minBits        = 12 // 256 KB
	maxBits        = 17 // 8 MB
)

type model struct {
	kind Kind
	s    *stream // the state of the current kind's stream

	// slots holds the contexts' counters, in buckets of 16: a check of
	// which context holds the bucket, then a slot per bit of a nibble.
	slots  []uint32
	mask   uint32         // of bucket numbers
	ctx    [numCtx]uint32 // the contexts' hashes for this byte
	bucket [numCtx]uint32 // where each context's bucket for this nibble starts
	idx    [numCtx]uint32 // the slots the contexts use for this bit
	smIdx  [numSM]int     // the state map counters in use

	c0    int // the bits of this byte so far, after a leading 1
	bitAt int // how many bits of this byte are known

	stateMaps []uint32 // by kind, context and bit history
	order0    []uint32 // by kind and c0
	matchMaps []uint32 // by kind, match length and the bit it predicts
	matchIdx  int      // the match counter in use, or -1
	versionSM []uint32 // for IDs: the version and variant bits

	inputs [numInputs]int32
	mixer  mixer
	apm    apm
	pFinal int

	streams [numKinds]stream
}

// stream is what the model remembers of one kind's bytes.
type stream struct {
	c4, c8   uint32 // the last eight bytes
	word     uint32 // hash of the current word
	pos      int    // bytes so far
	hist     []byte
	matchAt  []int32 // by hash of the last minMatch bytes: where they ended in hist
	matchPtr int     // where the predicted byte is in hist, when matchLen > 0
	matchLen int
}

// newModel makes a model for total bytes, trained on the primer. The
// smallest size, which every link of changes fits, is trained once and
// copied: training costs as much as coding the primer's 6 KB.
func newModel(total int) *model {
	bits := minBits
	for bits < maxBits && 1<<bits < (total+len(primer))*bucketsPerByte {
		bits++
	}
	if bits == primedBits {
		primedOnce.Do(func() { primed = trainedModel(primedBits, 0) })
		return primed.copy(total)
	}
	return trainedModel(bits, total)
}

// primedBits is the table size of the model trained once: the smallest
// that holds the primer.
var primedBits = func() int {
	bits := minBits
	for 1<<bits < len(primer)*bucketsPerByte {
		bits++
	}
	return bits
}()

var (
	primedOnce sync.Once
	primed     *model
)

// trainedModel makes a model with 2^bits buckets and trains it on the
// primer, with room for total more bytes of history.
func trainedModel(bits, total int) *model {
	m := &model{
		slots:     make([]uint32, 16<<bits),
		mask:      1<<bits - 1,
		stateMaps: make([]uint32, numKinds*numSM*256),
		order0:    make([]uint32, numKinds*256),
		matchMaps: make([]uint32, numKinds*(maxMatch+1)*2),
		versionSM: make([]uint32, uuidBytes*8),
	}
	m.mixer.init(numKinds * 256)
	m.apm.init(1 << apmBits)
	for k := range m.streams {
		m.streams[k].matchAt = make([]int32, 1<<matchBits)
	}
	m.streams[Text].hist = make([]byte, 0, len(primer)+total)
	m.start(Text)
	for i := 0; i < len(primer); i++ {
		c := primer[i]
		for j := 7; j >= 0; j-- {
			m.update(int(c>>j) & 1)
		}
	}
	return m
}

// copy is a model in the same state as m, with room for total more
// bytes of history; m is left as it is.
func (m *model) copy(total int) *model {
	c := *m
	c.slots = slices.Clone(m.slots)
	c.stateMaps = slices.Clone(m.stateMaps)
	c.order0 = slices.Clone(m.order0)
	c.matchMaps = slices.Clone(m.matchMaps)
	c.versionSM = slices.Clone(m.versionSM)
	c.mixer.weights = slices.Clone(m.mixer.weights)
	c.mixer.set = nil // start chooses it again
	c.apm.t = slices.Clone(m.apm.t)
	for k := range c.streams {
		s := &c.streams[k]
		s.matchAt = slices.Clone(s.matchAt)
		s.hist = append(make([]byte, 0, len(s.hist)+total), s.hist...)
	}
	c.s = &c.streams[c.kind]
	return &c
}

// start goes on with the stream of the given kind.
func (m *model) start(k Kind) {
	m.kind, m.s = k, &m.streams[k]
	m.c0, m.bitAt = 1, 0
	m.byteContexts()
	m.predict()
}

// p is the probability, in 1/4096, that the next bit is 1.
func (m *model) p() int { return m.pFinal }

// A counter is a probability (the top 22 bits) and how often it was
// updated (the low 10), which sets how fast it still moves. It is stored
// XOR one half, so that a zeroed counter, fresh from make, stands at one
// half.
const counterHalf = 1 << 31

func counterP(s uint32) int { return int((s ^ counterHalf) >> 20) } // 12 bits

// rates[n] is 65536/(n+1.5): a counter updated n times moves by that
// share of its error, so it learns fast at first and settles after.
var rates = func() (r [1024]int64) {
	for n := range r {
		r[n] = int64(65536 * 2 / (2*n + 3))
	}
	return
}()

func updateCounter(s *uint32, bit int) {
	v := *s ^ counterHalf
	p, n := int64(v>>10), v&1023
	p += (int64(-bit)&(1<<22-1) - p) * rates[n] >> 16
	if n < 1023 {
		n++
	}
	*s = (uint32(p)<<10 | n) ^ counterHalf
}

// A slot is a probability (the top 16 bits, XOR one half as a counter),
// the bit history seen there (8 bits, see nextHist) and how often it was
// updated (the low 8 bits).
func slotP(s uint32) int { return int((s ^ counterHalf) >> 20) }

func slotHist(s uint32) int { return int(s >> 8 & 0xff) }

func updateSlot(s *uint32, bit int) {
	v := *s ^ counterHalf
	p, n := int64(v>>16), v&0xff
	p += (int64(-bit)&(1<<16-1) - p) * rates[n] >> 16
	if n < 0xff {
		n++
	}
	*s = (uint32(p)<<16 | uint32(nextHist(uint8(v>>8), bit))<<8 | n) ^ counterHalf
}

// nextHist counts the zeros (high 4 bits) and ones (low 4) seen in a
// context, keeping fewer of the bit that did not come: what happened
// lately matters more.
func nextHist(h uint8, bit int) uint8 {
	n0, n1 := h>>4, h&15
	if bit == 1 {
		n1 = min(n1+1, 15)
		if n0 > 2 {
			n0 = n0/2 + 1
		}
	} else {
		n0 = min(n0+1, 15)
		if n1 > 2 {
			n1 = n1/2 + 1
		}
	}
	return n0<<4 | n1
}

func hash(a, b uint32) uint32 {
	h := a*0x9E3779B1 ^ b*0x85EBCA77
	h ^= h >> 15
	h *= 0xC2B2AE3D
	return h ^ h>>13
}

// find is the bucket of a context's hash: of the two it may use, the one
// that holds it, or else the less used one, emptied for it.
func (m *model) find(h uint32) uint32 {
	check := h>>16 | 1
	a := (h & m.mask) << 4
	b := a ^ 16
	switch {
	case m.slots[a] == check:
		return a
	case m.slots[b] == check:
		return b
	}
	if m.slots[b+1]&0xff < m.slots[a+1]&0xff {
		a = b
	}
	clear(m.slots[a : a+16])
	m.slots[a] = check
	return a
}

// byteContexts hashes the contexts at the start of a byte.
func (m *model) byteContexts() {
	if m.kind == IDs {
		return
	}
	s := m.s
	k := uint32(m.kind+1) << 28
	m.ctx[0] = hash(k|1, s.c4&0xff)
	m.ctx[1] = hash(k|2, s.c4&0xffff)
	m.ctx[2] = hash(k|3, s.c4&0xffffff)
	m.ctx[3] = hash(k|4, s.c4)
	m.ctx[4] = hash(k|6, s.word)
}

// versionBit says whether the next bit of a UUID is one of the six a
// version 4 UUID fixes, and which.
func (m *model) versionBit() (int, bool) {
	b := m.s.pos % uuidBytes
	return b<<3 | m.bitAt, b == 6 && m.bitAt < 4 || b == 8 && m.bitAt < 2
}

// predict computes the probability of the next bit.
func (m *model) predict() {
	if m.kind == IDs {
		// Random but for the version: nothing else helps.
		m.pFinal = 2048
		if i, ok := m.versionBit(); ok {
			m.pFinal = clampP(counterP(m.versionSM[i]))
		}
		return
	}
	kind := int(m.kind)
	if m.bitAt == 0 || m.bitAt == 4 {
		for i := range m.ctx {
			m.bucket[i] = m.find(hash(m.ctx[i], uint32(m.c0)))
		}
	}
	// The slot of this bit in the nibble's bucket: 1 for its first bit,
	// then 2 or 3, then 4 to 7, then 8 to 15.
	node := uint32(m.c0)
	if m.bitAt >= 4 {
		node = 1<<(m.bitAt-4) | node&(1<<(m.bitAt-4)-1)
	}
	for i := range m.ctx {
		m.idx[i] = m.bucket[i] + node
		m.inputs[i] = stretch(slotP(m.slots[m.idx[i]]))
	}
	// The bit histories of orders 1 and 2 and of the word.
	smBase := kind * numSM << 8
	for j := range m.smIdx {
		i := j
		if j == numSM-1 {
			i = numCtx - 1
		}
		m.smIdx[j] = smBase + j<<8 | slotHist(m.slots[m.idx[i]])
		m.inputs[numCtx+j] = stretch(counterP(m.stateMaps[m.smIdx[j]]))
	}
	const at = numCtx + numSM
	m.inputs[at] = stretch(counterP(m.order0[kind<<8|m.c0]))
	m.inputs[at+1] = 0
	m.matchIdx = -1
	if s := m.s; s.matchLen > 0 {
		expected := int(s.hist[s.matchPtr]>>(7-m.bitAt)) & 1
		m.matchIdx = (kind*(maxMatch+1)+min(s.matchLen, maxMatch))*2 + expected
		m.inputs[at+1] = stretch(counterP(m.matchMaps[m.matchIdx]))
	}
	m.inputs[at+2] = biasInput
	p := m.mixer.predict(&m.inputs, kind<<8|m.c0)
	a := m.apm.predict(p, int(hash(uint32(kind)<<8|m.s.c4&0xff, uint32(m.c0))>>(32-apmBits)))
	m.pFinal = clampP((p + 3*a + 2) >> 2)
}

func clampP(p int) int { return min(max(p, 1), 4095) }

// update learns from the bit just coded and predicts the next.
func (m *model) update(bit int) {
	if m.kind == IDs {
		if i, ok := m.versionBit(); ok {
			updateCounter(&m.versionSM[i], bit)
		}
	} else {
		for _, i := range m.smIdx {
			updateCounter(&m.stateMaps[i], bit)
		}
		for _, i := range m.idx {
			updateSlot(&m.slots[i], bit)
		}
		updateCounter(&m.order0[int(m.kind)<<8|m.c0], bit)
		if m.matchIdx >= 0 {
			updateCounter(&m.matchMaps[m.matchIdx], bit)
			if m.matchIdx&1 != bit {
				m.s.matchLen = 0
			}
		}
		m.mixer.update(&m.inputs, bit)
		m.apm.update(bit)
	}
	m.c0 = m.c0<<1 | bit
	m.bitAt++
	if m.bitAt == 8 {
		m.endByte(byte(m.c0))
		m.c0, m.bitAt = 1, 0
		m.byteContexts()
	}
	m.predict()
}

func (m *model) endByte(c byte) {
	s := m.s
	s.pos++
	if m.kind == IDs {
		return
	}
	s.hist = append(s.hist, c)
	s.c8 = s.c8<<8 | s.c4>>24
	s.c4 = s.c4<<8 | uint32(c)
	if isWordByte(c) {
		s.word = hash(s.word, uint32(lower(c)))
	} else {
		s.word = 0
	}
	// The match model: follow the match, or look for one.
	n := len(s.hist)
	if s.matchLen > 0 {
		s.matchPtr++
		s.matchLen++
	}
	if n >= minMatch {
		h := hash(s.c4, s.c8&0xffff) >> (32 - matchBits)
		if s.matchLen == 0 {
			if at := int(s.matchAt[h]); at > 0 {
				l := 0
				for l < 32 && l < at && s.hist[at-1-l] == s.hist[n-1-l] {
					l++
				}
				if l >= minMatch {
					s.matchPtr, s.matchLen = at, l
				}
			}
		}
		s.matchAt[h] = int32(n)
	}
	if s.matchLen > 0 && s.matchPtr >= n {
		s.matchLen = 0
	}
}

// isWordByte says whether c belongs in a word: letters, digits, and every
// byte of a non-ASCII character.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
