// Package qr draws QR codes (ISO/IEC 18004) of text in byte mode, for the
// share page to show a link that a phone's camera opens. It is small on
// purpose, a few kilobytes of the download, and plain Go: the symbol is a
// grid of modules that the page draws as SVG, with no outside request.
//
// It follows the standard's construction: the smallest version that
// holds the text, the strongest error correction that still fits in it,
// Reed-Solomon codewords in interleaved blocks, and the mask with the
// lowest penalty.
package qr

import (
	"errors"
	"strconv"
	"strings"
)

// MaxBytes is the most a code can hold: version 40 with the lowest error
// correction, in byte mode.
const MaxBytes = 2953

// ErrTooLong means the text does not fit in any QR code.
var ErrTooLong = errors.New("qr: the text is too long for a QR code")

// Code is a QR code: Size×Size modules, true for dark.
type Code struct {
	Size    int
	Version int
	modules []bool
}

// Dark reports whether the module at column x, row y is dark.
func (c *Code) Dark(x, y int) bool { return c.modules[y*c.Size+x] }

// Error correction levels, weakest first.
const (
	levelL = iota
	levelM
	levelQ
	levelH
)

// formatBits are the levels' codes in the format information.
var formatBits = [4]int{1, 0, 3, 2}

// The standard's table of error correction codewords per block and
// number of blocks, by level and version (index 0 unused).
var eccPerBlock = [4][41]int{
	{-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	{-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
	{-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
	{-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}

var numBlocks = [4][41]int{
	{-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
	{-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
	{-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
	{-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}

// rawModules is how many modules of a version hold data and error
// correction, remainder bits included.
func rawModules(ver int) int {
	n := (16*ver+128)*ver + 64
	if ver >= 2 {
		align := ver/7 + 2
		n -= (25*align-10)*align - 55
		if ver >= 7 {
			n -= 36
		}
	}
	return n
}

// dataCodewords is how many 8-bit codewords of data a version holds.
func dataCodewords(ver, level int) int {
	return rawModules(ver)/8 - eccPerBlock[level][ver]*numBlocks[level][ver]
}

// dataBits is the length of the byte-mode segment for n bytes.
func dataBits(ver, n int) int {
	count := 8
	if ver >= 10 {
		count = 16
	}
	return 4 + count + 8*n
}

// Encode makes the QR code of text.
func Encode(text string) (*Code, error) {
	data := []byte(text)
	ver := 1
	for ; ver <= 40; ver++ {
		if dataBits(ver, len(data)) <= dataCodewords(ver, levelL)*8 {
			break
		}
	}
	if ver > 40 {
		return nil, ErrTooLong
	}
	level := levelL
	for level < levelH && dataBits(ver, len(data)) <= dataCodewords(ver, level+1)*8 {
		level++
	}

	// The segment: mode, count, bytes, terminator, padding.
	var bits []bool
	put := func(v, n int) {
		for i := n - 1; i >= 0; i-- {
			bits = append(bits, v>>i&1 == 1)
		}
	}
	put(4, 4)
	if ver >= 10 {
		put(len(data), 16)
	} else {
		put(len(data), 8)
	}
	for _, b := range data {
		put(int(b), 8)
	}
	capacity := dataCodewords(ver, level) * 8
	put(0, min(4, capacity-len(bits)))
	put(0, (8-len(bits)%8)%8)
	for pad := 0xEC; len(bits) < capacity; pad ^= 0xEC ^ 0x11 {
		put(pad, 8)
	}
	codewords := make([]byte, len(bits)/8)
	for i, b := range bits {
		if b {
			codewords[i/8] |= 1 << (7 - i%8)
		}
	}

	c := newCode(ver)
	c.drawFunctions(level)
	c.drawCodewords(interleave(codewords, ver, level))
	best, bestPenalty := 0, -1
	for mask := 0; mask < 8; mask++ {
		c.applyMask(mask)
		c.drawFormat(level, mask)
		if p := c.penalty(); bestPenalty < 0 || p < bestPenalty {
			best, bestPenalty = mask, p
		}
		c.applyMask(mask) // XOR again undoes it
	}
	c.applyMask(best)
	c.drawFormat(level, best)
	return &c.Code, nil
}

// builder is a code being drawn, with which modules are fixed patterns.
type builder struct {
	Code
	function []bool
}

func newCode(ver int) *builder {
	size := 17 + 4*ver
	return &builder{Code: Code{Size: size, Version: ver, modules: make([]bool, size*size)}, function: make([]bool, size*size)}
}

func (c *builder) set(x, y int, dark bool) {
	c.modules[y*c.Size+x] = dark
	c.function[y*c.Size+x] = true
}

// alignments lists the centres of the alignment patterns on each axis.
func alignments(ver int) []int {
	if ver == 1 {
		return nil
	}
	n := ver/7 + 2
	step := 26
	if ver != 32 {
		step = (ver*4 + n*2 + 1) / (n*2 - 2) * 2
	}
	out := make([]int, n)
	out[0] = 6
	for i, pos := n-1, 17+4*ver-7; i >= 1; i, pos = i-1, pos-step {
		out[i] = pos
	}
	return out
}

func (c *builder) drawFunctions(level int) {
	n := c.Size
	for i := 0; i < n; i++ {
		c.set(6, i, i%2 == 0)
		c.set(i, 6, i%2 == 0)
	}
	for _, p := range [][2]int{{3, 3}, {n - 4, 3}, {3, n - 4}} {
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				x, y := p[0]+dx, p[1]+dy
				if x >= 0 && x < n && y >= 0 && y < n {
					d := max(abs(dx), abs(dy))
					c.set(x, y, d != 2 && d != 4)
				}
			}
		}
	}
	pos := alignments(c.Version)
	for i := range pos {
		for j := range pos {
			if i == 0 && j == 0 || i == 0 && j == len(pos)-1 || i == len(pos)-1 && j == 0 {
				continue // where a finder is
			}
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					c.set(pos[i]+dx, pos[j]+dy, max(abs(dx), abs(dy)) != 1)
				}
			}
		}
	}
	c.drawFormat(level, 0) // reserve the modules; drawn again with the mask
	if c.Version >= 7 {
		rem := c.Version
		for i := 0; i < 12; i++ {
			rem = rem<<1 ^ (rem>>11)*0x1F25
		}
		v := c.Version<<12 | rem
		for i := 0; i < 18; i++ {
			dark := v>>i&1 == 1
			a, b := n-11+i%3, i/3
			c.set(a, b, dark)
			c.set(b, a, dark)
		}
	}
}

func (c *builder) drawFormat(level, mask int) {
	data := formatBits[level]<<3 | mask
	rem := data
	for i := 0; i < 10; i++ {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	v := (data<<10 | rem) ^ 0x5412
	bit := func(i int) bool { return v>>i&1 == 1 }
	n := c.Size
	for i := 0; i <= 5; i++ {
		c.set(8, i, bit(i))
	}
	c.set(8, 7, bit(6))
	c.set(8, 8, bit(7))
	c.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		c.set(14-i, 8, bit(i))
	}
	for i := 0; i < 8; i++ {
		c.set(n-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		c.set(8, n-15+i, bit(i))
	}
	c.set(8, n-8, true) // the dark module
}

// interleave splits the data into blocks, adds each block's error
// correction and interleaves them as the standard lays them out.
func interleave(data []byte, ver, level int) []byte {
	blocks, ecc := numBlocks[level][ver], eccPerBlock[level][ver]
	raw := rawModules(ver) / 8
	short := blocks - raw%blocks
	shortLen := raw / blocks
	divisor := rsDivisor(ecc)
	var all [][]byte
	for i, k := 0, 0; i < blocks; i++ {
		n := shortLen - ecc
		if i >= short {
			n++
		}
		block := append([]byte{}, data[k:k+n]...)
		k += n
		rem := rsRemainder(block, divisor)
		if i < short {
			block = append(block, 0)
		}
		all = append(all, append(block, rem...))
	}
	out := make([]byte, 0, raw)
	for i := range all[0] {
		for j, block := range all {
			if i != shortLen-ecc || j >= short {
				out = append(out, block[i])
			}
		}
	}
	return out
}

// gfMul multiplies in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
func gfMul(x, y byte) byte {
	var z int
	for i := 7; i >= 0; i-- {
		z = z<<1 ^ (z>>7)*0x11D
		z ^= int(y>>i&1) * int(x)
	}
	return byte(z)
}

func rsDivisor(degree int) []byte {
	out := make([]byte, degree)
	out[degree-1] = 1
	root := byte(1)
	for i := 0; i < degree; i++ {
		for j := range out {
			out[j] = gfMul(out[j], root)
			if j+1 < len(out) {
				out[j] ^= out[j+1]
			}
		}
		root = gfMul(root, 2)
	}
	return out
}

func rsRemainder(data, divisor []byte) []byte {
	out := make([]byte, len(divisor))
	for _, b := range data {
		factor := b ^ out[0]
		copy(out, out[1:])
		out[len(out)-1] = 0
		for i, d := range divisor {
			out[i] ^= gfMul(d, factor)
		}
	}
	return out
}

// drawCodewords lays the codewords in the standard's zigzag, two
// columns at a time from the right, around the fixed patterns.
func (c *builder) drawCodewords(data []byte) {
	n, i := c.Size, 0
	for right := n - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		for vert := 0; vert < n; vert++ {
			for j := 0; j < 2; j++ {
				x := right - j
				y := vert
				if (right+1)&2 == 0 {
					y = n - 1 - vert
				}
				if !c.function[y*n+x] && i < len(data)*8 {
					c.modules[y*n+x] = data[i>>3]>>(7-i&7)&1 == 1
					i++
				}
			}
		}
	}
}

func (c *builder) applyMask(mask int) {
	n := c.Size
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			var flip bool
			switch mask {
			case 0:
				flip = (x+y)%2 == 0
			case 1:
				flip = y%2 == 0
			case 2:
				flip = x%3 == 0
			case 3:
				flip = (x+y)%3 == 0
			case 4:
				flip = (x/3+y/2)%2 == 0
			case 5:
				flip = x*y%2+x*y%3 == 0
			case 6:
				flip = (x*y%2+x*y%3)%2 == 0
			case 7:
				flip = ((x+y)%2+x*y%3)%2 == 0
			}
			if flip && !c.function[y*n+x] {
				c.modules[y*n+x] = !c.modules[y*n+x]
			}
		}
	}
}

// penalty scores a masked symbol by the standard's four rules: long runs,
// 2×2 blocks, finder-like patterns and an uneven share of dark modules.
func (c *builder) penalty() int {
	n, p := c.Size, 0
	at := func(x, y int, across bool) bool {
		if across {
			return c.Dark(x, y)
		}
		return c.Dark(y, x)
	}
	for _, across := range []bool{true, false} {
		for y := 0; y < n; y++ {
			run := 0
			for x := 0; x < n; x++ {
				if x > 0 && at(x, y, across) == at(x-1, y, across) {
					run++
				} else {
					run = 1
				}
				if run == 5 {
					p += 3
				} else if run > 5 {
					p++
				}
				// 1:1:3:1:1 with four light modules on one side.
				if x >= 10 {
					pattern := [11]bool{true, false, true, true, true, false, true, false, false, false, false}
					fwd, back := true, true
					for k := 0; k < 11; k++ {
						v := at(x-10+k, y, across)
						fwd = fwd && v == pattern[k]
						back = back && v == pattern[10-k]
					}
					if fwd {
						p += 40
					}
					if back {
						p += 40
					}
				}
			}
		}
	}
	dark := 0
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			d := c.Dark(x, y)
			if d {
				dark++
			}
			if x+1 < n && y+1 < n && d == c.Dark(x+1, y) && d == c.Dark(x, y+1) && d == c.Dark(x+1, y+1) {
				p += 3
			}
		}
	}
	total := n * n
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return p + max(k, 0)*10
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// SVG draws the code with a quiet zone of four modules, each module one
// unit, dark runs of a row as one rectangle each: a picture that scales
// to any size without blurring.
func (c *Code) SVG(title string) string {
	n := c.Size + 8
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + strconv.Itoa(n) + ` ` + strconv.Itoa(n) +
		`" shape-rendering="crispEdges" role="img" aria-label="` + escape(title) + `"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="`)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			start := x
			for x < c.Size && c.Dark(x, y) {
				x++
			}
			b.WriteString("M" + strconv.Itoa(start+4) + " " + strconv.Itoa(y+4) + "h" + strconv.Itoa(x-start) + "v1h-" + strconv.Itoa(x-start) + "z")
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
