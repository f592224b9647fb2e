package contextmix

// Probabilities are 12-bit integers (p/4096) and the logistic domain is
// stretch(p) = ln(p/(1-p)), scaled by 256 and kept in [-2047, 2047].

// squashPoints are 4096/(1+e^-x) at x = -8, -7.5, ..., 8: squash
// interpolates between them.
var squashPoints = [33]int32{1, 2, 4, 6, 10, 17, 27, 45, 74, 120, 194, 311, 488, 747, 1102, 1546,
	2048, 2550, 2994, 3349, 3608, 3785, 3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095}

// squash is the inverse of stretch.
func squash(d int32) int {
	if d > 2047 {
		return 4095
	}
	if d < -2047 {
		return 1
	}
	w := d & 127
	i := d>>7 + 16
	return int((squashPoints[i]*(128-w) + squashPoints[i+1]*w + 64) >> 7)
}

var stretchTable = func() (t [4096]int16) {
	pi := 0
	for x := int32(-2047); x <= 2047; x++ {
		v := squash(x)
		for j := pi; j <= v; j++ {
			t[j] = int16(x)
		}
		pi = v + 1
	}
	for j := pi; j < 4096; j++ {
		t[j] = 2047
	}
	return
}()

func stretch(p int) int32 { return int32(stretchTable[p&4095]) }

// mixer is a single-layer network: the weighted sum of the inputs, in the
// logistic domain, with a set of weights chosen by a small context and
// trained to reduce the coding cost of each bit.
type mixer struct {
	weights []int32 // sets of numInputs, in 16.16
	set     *[numInputs]int32
	p       int
}

const (
	mixStart = 1 << 13 // every weight starts at an eighth
	mixRate  = 30      // how fast the weights learn
)

func (x *mixer) init(sets int) {
	x.weights = make([]int32, numInputs*sets)
	for i := range x.weights {
		x.weights[i] = mixStart
	}
}

func (x *mixer) predict(in *[numInputs]int32, set int) int {
	x.set = (*[numInputs]int32)(x.weights[set*numInputs:])
	dot := int64(0)
	for i, w := range x.set {
		dot += int64(in[i]) * int64(w)
	}
	x.p = squash(int32(max(min(dot>>16, 2047), -2047)))
	return x.p
}

func (x *mixer) update(in *[numInputs]int32, bit int) {
	e := bit<<12 - x.p
	if e < skipErr && e > -skipErr {
		return
	}
	err := int64(e * mixRate)
	for i, v := range in {
		x.set[i] += int32((int64(v)*err + 1<<15) >> 16)
	}
}

// apm refines a probability in a context: for each context, 33 counters
// along the logistic domain, interpolated, each learning what the
// probability there really turned out to be.
type apm struct {
	t   []uint16
	idx int
}

const apmRate = 7

func (a *apm) init(n int) {
	a.t = make([]uint16, n*33)
	for j := 0; j < 33; j++ {
		a.t[j] = uint16(squash(int32(j-16)*128) * 16)
	}
	for i := 33; i < len(a.t); i += 33 {
		copy(a.t[i:i+33], a.t[:33])
	}
}

func (a *apm) predict(p, cx int) int {
	s := int(stretch(p)) + 2048
	lo := s & 127
	a.idx = s>>7 + cx*33
	v := (int(a.t[a.idx])*(128-lo) + int(a.t[a.idx+1])*lo) >> 11
	if lo >= 64 {
		a.idx++
	}
	return v
}

func (a *apm) update(bit int) {
	g := bit<<16 + bit<<apmRate - bit - bit
	a.t[a.idx] += uint16((g - int(a.t[a.idx])) >> apmRate)
}

var skipErr = 64
