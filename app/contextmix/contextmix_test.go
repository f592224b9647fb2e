package contextmix

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// prose is text the primer does not hold, written for this test.
const prose = `Our quarterly review ran long again. The regional teams disagree about how to count a renewal that comes in late, and the dashboards in the two offices show different totals for the same month. We asked the analyst who built the first report to sit with the one who maintains the second, and to come back with a single definition that both can live with. Until then, the numbers in the board pack come from the finance model only.
The launch of the new mobile app is two weeks behind. The team found a problem with payments on older phones and chose to fix it before the release rather than after. That was the right call, but nobody told the marketing team, who had already booked the campaign. Next time the release manager sends a short note to every team the moment a date moves.
`

var allKinds = []Kind{Structure, IDs, Text}

func randomBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func roundTrip(t *testing.T, kinds []Kind, streams [][]byte) []byte {
	t.Helper()
	packed := Compress(kinds, streams)
	got, err := Decompress(packed, kinds, 1<<20)
	if err != nil {
		t.Fatalf("Decompress: %v", err)
	}
	for i := range streams {
		if !bytes.Equal(got[i], streams[i]) {
			t.Fatalf("stream %d (kind %d) came back as %d different bytes", i, kinds[i], len(got[i]))
		}
	}
	return packed
}

func TestRoundTrips(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ids := randomBytes(r, 16*40)
	for i := 0; i < len(ids); i += 16 {
		ids[i+6] = ids[i+6]&0x0f | 0x40
		ids[i+8] = ids[i+8]&0x3f | 0x80
	}
	cases := map[string][][]byte{
		"empty":        {nil, nil, nil},
		"one byte":     {{0}, nil, {'a'}},
		"zeros":        {make([]byte, 5000), nil, make([]byte, 3000)},
		"random":       {randomBytes(r, 3000), randomBytes(r, 160), randomBytes(r, 3000)},
		"not UUIDs":    {nil, randomBytes(r, 37), nil},
		"prose":        {{1, 2, 3, 4}, ids, []byte(prose)},
		"repeated":     {bytes.Repeat([]byte{7, 0, 3, 9, 12}, 900), ids, []byte(strings.Repeat(prose, 8))},
		"all the 0xff": {bytes.Repeat([]byte{0xff}, 2000), bytes.Repeat([]byte{0xff}, 32), bytes.Repeat([]byte{0xff}, 2000)},
	}
	for name, streams := range cases {
		t.Run(name, func(t *testing.T) { roundTrip(t, allKinds, streams) })
	}
	t.Run("one kind", func(t *testing.T) { roundTrip(t, []Kind{Text}, [][]byte{[]byte(prose)}) })
}

// The point of the package: prose takes clearly fewer bytes than with
// DEFLATE at its best, and UUIDs cost no more than their random bits.
func TestSmallerThanDeflate(t *testing.T) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write([]byte(prose))
	w.Close()
	cm := len(Compress([]Kind{Text}, [][]byte{[]byte(prose)}))
	if cm > buf.Len()*8/10 {
		t.Errorf("prose: %d bytes, DEFLATE %d: not a fifth smaller", cm, buf.Len())
	}
	r := rand.New(rand.NewPCG(3, 4))
	ids := randomBytes(r, 16*100)
	for i := 0; i < len(ids); i += 16 {
		ids[i+6] = ids[i+6]&0x0f | 0x40
		ids[i+8] = ids[i+8]&0x3f | 0x80
	}
	// 122 random bits a UUID, and a few bytes to learn the other six.
	if n := len(Compress([]Kind{IDs}, [][]byte{ids})); n > 100*122/8+12 {
		t.Errorf("100 UUIDs: %d bytes, more than their 1,525 random bytes", n)
	}
}

// The format is frozen: links already sent must decode to what was
// encoded. If this fails after a change to the models, the primer or the
// coder, the change needs a new link version instead.
func TestFormatIsFrozen(t *testing.T) {
	packed := Compress(allKinds, [][]byte{{3, 0, 1, 4, 1, 5, 9, 2, 6}, bytes.Repeat([]byte{0x42}, 16), []byte(prose)})
	sum := sha256.Sum256(packed)
	const want = "c89b742e4f90c97aac56707979329e6576ecac879af9f6afa432e4c52750d410"
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("the compressed bytes changed (sha-256 %s, %d bytes); links made before would no longer open", got, len(packed))
	}
}

func TestDamagedAndTooLarge(t *testing.T) {
	streams := [][]byte{{1, 2, 3}, nil, []byte(prose)}
	packed := Compress(allKinds, streams)
	for name, data := range map[string][]byte{
		"nothing":     nil,
		"cut short":   packed[:len(packed)/2],
		"one missing": packed[:len(packed)-1],
		"one more":    append(append([]byte{}, packed...), 0),
		"one changed": append(append([]byte{}, packed[:40]...), append([]byte{packed[40] ^ 1}, packed[41:]...)...),
	} {
		// The coder has no checksum (links have their own): damage is an
		// error, or other bytes, never a crash and never the same bytes.
		got, err := Decompress(data, allKinds, 1<<20)
		if err == nil && bytes.Equal(got[2], streams[2]) {
			t.Errorf("%s: decoded as if undamaged", name)
		}
		if err != nil && !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
	}
	for name, data := range map[string][]byte{"nothing": nil, "cut short": packed[:len(packed)/2]} {
		if _, err := Decompress(data, allKinds, 1<<20); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
	}
	if _, err := Decompress(packed, allKinds, len(prose)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("past the limit: %v, want ErrTooLarge", err)
	}
	huge := []byte{0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0}
	if _, err := Decompress(huge, allKinds, 1<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a length of 4 GB: %v, want ErrTooLarge", err)
	}
}

func FuzzDecompress(f *testing.F) {
	f.Add(Compress(allKinds, [][]byte{{1, 2, 3}, bytes.Repeat([]byte{9}, 16), []byte("We agreed to meet on Tuesdays.")}))
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0})
	f.Add([]byte{10, 0, 200, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		// Within what the model trained once covers, so that it runs fast.
		streams, err := Decompress(data, allKinds, 2000)
		if err != nil {
			if streams != nil || !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Decompress = %v, %v", streams != nil, err)
			}
			return
		}
		// Whatever decodes, encodes back to bytes that decode the same.
		again, err := Decompress(Compress(allKinds, streams), allKinds, 2000)
		if err != nil {
			t.Fatal(err)
		}
		for i := range streams {
			if !bytes.Equal(again[i], streams[i]) {
				t.Fatalf("stream %d differs after a second round", i)
			}
		}
	})
}

// The model trained once and copied codes as a model trained afresh.
func TestCopiedModelIsTheSame(t *testing.T) {
	streams := [][]byte{{1, 2, 3}, nil, []byte("We meet on Tuesdays at nine.")}
	first := Compress(allKinds, streams)
	fresh := trainedModel(primedBits, 0)
	again := Compress(allKinds, streams)
	if !bytes.Equal(first, again) {
		t.Fatal("a second link from the copied model differs from the first")
	}
	if !slices.Equal(fresh.slots, primed.slots) || !slices.Equal(fresh.mixer.weights, primed.mixer.weights) {
		t.Fatal("the model trained once is not the one trained afresh")
	}
}
