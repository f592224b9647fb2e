package store

import (
	"reflect"
	"time"
	"unsafe"

	"counterpart/app/onboarding"
)

// Saving on every keystroke must cost what the edit costs, not what the
// history holds. The store keeps a copy of each part of an onboarding as it
// was last stored, and at each save finds the parts that differ from their
// copy; only those are encoded and written. Finding them has to be cheap in
// WebAssembly, where reflection costs about a microsecond a field and the
// JSON encoding of three years of 1:1s tens of milliseconds.
//
// A shape is what the store knows of one Go type: which bytes of a value
// hold plain data (numbers, flags, and the headers of strings, which Go
// never changes in place), and where the containers are (slices, maps,
// pointers), whose contents can change in place and are looked into one by
// one. It is built once per type by reflection, so a field added to the
// model is covered without anyone editing this file; comparing and copying
// then read memory directly.
//
// Comparing may report a change where there is none (two equal strings at
// different addresses, say); the part is then encoded and found equal to
// what is stored, and nothing is written. It never misses a change to
// anything encoding/json writes: every exported field is either plain
// bytes compared as such, or a container looked into. Unexported fields
// (such as a time.Time's) are compared as plain bytes: their contents are
// not written by encoding/json except through their own type's methods,
// which only the standard library's immutable types have in the model.

// shape describes how to compare and copy the values of one type.
type shape struct {
	typ  reflect.Type
	kind shapeKind
	// flat lists the byte ranges of plain data in a struct or a plain value.
	flat []span
	// subs lists the containers inside a struct.
	subs []sub
	// elem is the element of a slice, the value of a map or the target of
	// a pointer.
	elem *shape
	// plain is true when a value is nothing but plain bytes.
	plain bool
}

type shapeKind uint8

const (
	plainKind shapeKind = iota // numbers, flags, strings: compared as bytes
	structKind
	sliceKind
	mapKind
	pointerKind
	// opaqueKind is a type the store cannot look into (an interface, a
	// function, an array of containers): such a value always counts as
	// changed, so it is always encoded. TestModelHasNoOpaqueFields keeps
	// the model free of them, for speed.
	opaqueKind
)

type span struct{ off, size uintptr }

type sub struct {
	off   uintptr
	shape *shape
}

// shapes caches the shape of every type seen. The browser runs one
// goroutine, and tests build shapes before they share them.
var shapes = map[reflect.Type]*shape{}

// shapeOf returns the shape of a type, building it on first use.
func shapeOf(t reflect.Type) *shape {
	if sh, ok := shapes[t]; ok {
		return sh
	}
	sh := &shape{typ: t}
	shapes[t] = sh // before looking inside, for types that refer to themselves
	switch t.Kind() {
	case reflect.Struct:
		sh.kind = structKind
		sh.collect(t, 0)
		sh.plain = len(sh.subs) == 0
	case reflect.Slice:
		sh.kind, sh.elem = sliceKind, shapeOf(t.Elem())
	case reflect.Map:
		sh.kind, sh.elem = mapKind, shapeOf(t.Elem())
	case reflect.Pointer:
		sh.kind, sh.elem = pointerKind, shapeOf(t.Elem())
	case reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		sh.kind = opaqueKind
	case reflect.Array:
		if isPlain(t) {
			sh.kind, sh.plain, sh.flat = plainKind, true, []span{{0, t.Size()}}
		} else {
			sh.kind = opaqueKind
		}
	default:
		sh.kind, sh.plain, sh.flat = plainKind, true, []span{{0, t.Size()}}
	}
	return sh
}

// isPlain reports whether a type holds nothing that can change in place.
func isPlain(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return false
	case reflect.Array:
		return isPlain(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && !isPlain(f.Type) {
				return false
			}
		}
	}
	return true
}

// collect walks the fields of a struct at offset base, nested structs
// included, merging neighbouring plain fields into one range.
func (sh *shape) collect(t reflect.Type, base uintptr) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		off := base + f.Offset
		switch {
		case !f.IsExported() || isPlain(f.Type):
			sh.addFlat(off, f.Type.Size())
		case f.Type.Kind() == reflect.Struct:
			sh.collect(f.Type, off)
		default:
			sh.subs = append(sh.subs, sub{off, shapeOf(f.Type)})
		}
	}
}

func (sh *shape) addFlat(off, size uintptr) {
	if size == 0 {
		return
	}
	if n := len(sh.flat); n > 0 && sh.flat[n-1].off+sh.flat[n-1].size == off {
		sh.flat[n-1].size += size
		return
	}
	sh.flat = append(sh.flat, span{off, size})
}

// sliceHeader is how Go lays out a slice; TestSliceHeaderLayout checks it.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

func bytesAt(p unsafe.Pointer, s span) string {
	return unsafe.String((*byte)(unsafe.Add(p, s.off)), s.size)
}

// same reports whether the values at a and b, both of this shape's type,
// are the same as far as their JSON goes. It may say no for equal values;
// it never says yes for different ones.
func (sh *shape) same(a, b unsafe.Pointer) bool {
	if a == b {
		return true
	}
	switch sh.kind {
	case plainKind, structKind:
		for _, s := range sh.flat {
			if bytesAt(a, s) != bytesAt(b, s) {
				return false
			}
		}
		for _, s := range sh.subs {
			if !s.shape.same(unsafe.Add(a, s.off), unsafe.Add(b, s.off)) {
				return false
			}
		}
		return true
	case sliceKind:
		x, y := (*sliceHeader)(a), (*sliceHeader)(b)
		if x.len != y.len || (x.data == nil) != (y.data == nil) {
			return false // a nil list is written as null, an empty one as []
		}
		if x.data == y.data || x.len == 0 {
			return true
		}
		size := sh.elem.typ.Size()
		if sh.elem.plain {
			n := uintptr(x.len) * size
			return unsafe.String((*byte)(x.data), n) == unsafe.String((*byte)(y.data), n)
		}
		for i := 0; i < x.len; i++ {
			off := uintptr(i) * size
			if !sh.elem.same(unsafe.Add(x.data, off), unsafe.Add(y.data, off)) {
				return false
			}
		}
		return true
	case pointerKind:
		x, y := *(*unsafe.Pointer)(a), *(*unsafe.Pointer)(b)
		if x == nil || y == nil {
			return x == y
		}
		return sh.elem.same(x, y)
	case mapKind:
		return sh.sameMap(a, b)
	}
	return false // opaque
}

// timeMap is the type of the model's large maps: the tombstones of removed
// entries, which grow by one for every agenda item a 1:1 takes, and the
// times each value last changed. They are compared by compiled code, about
// a tenth of a microsecond an entry in the browser; reflection costs ten
// times that.
var timeMap = reflect.TypeOf(map[string]time.Time(nil))

// sameMap compares two maps entry by entry.
func (sh *shape) sameMap(a, b unsafe.Pointer) bool {
	if sh.typ == timeMap {
		x, y := *(*map[string]time.Time)(a), *(*map[string]time.Time)(b)
		if len(x) != len(y) || (x == nil) != (y == nil) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || w != v {
				return false
			}
		}
		return true
	}
	x, y := reflect.NewAt(sh.typ, a).Elem(), reflect.NewAt(sh.typ, b).Elem()
	if x.Len() != y.Len() || x.IsNil() != y.IsNil() {
		return false
	}
	if x.Len() == 0 {
		return true
	}
	vx := reflect.New(sh.elem.typ).Elem()
	vy := reflect.New(sh.elem.typ).Elem()
	it := x.MapRange()
	for it.Next() {
		w := y.MapIndex(it.Key())
		if !w.IsValid() {
			return false
		}
		vx.SetIterValue(it)
		vy.Set(w)
		if !sh.elem.same(vx.Addr().UnsafePointer(), vy.Addr().UnsafePointer()) {
			return false
		}
	}
	return true
}

// clone returns a deep copy of v that shares only what Go never changes in
// place (the bytes of strings), as an addressable value.
func (sh *shape) clone(v reflect.Value) reflect.Value {
	c := reflect.New(sh.typ).Elem()
	c.Set(v)
	sh.deepen(c.Addr().UnsafePointer())
	return c
}

// deepen replaces the containers inside the value at p, a shallow copy,
// with copies of their own.
func (sh *shape) deepen(p unsafe.Pointer) {
	switch sh.kind {
	case structKind:
		for _, s := range sh.subs {
			s.shape.deepen(unsafe.Add(p, s.off))
		}
	case sliceKind:
		h := (*sliceHeader)(p)
		if h.data == nil {
			return
		}
		v := reflect.NewAt(sh.typ, p).Elem()
		c := reflect.MakeSlice(sh.typ, h.len, h.len)
		reflect.Copy(c, v)
		if !sh.elem.plain {
			size := sh.elem.typ.Size()
			for i := 0; i < h.len; i++ {
				sh.elem.deepen(unsafe.Add(c.UnsafePointer(), uintptr(i)*size))
			}
		}
		v.Set(c)
	case pointerKind:
		v := reflect.NewAt(sh.typ, p).Elem()
		if v.IsNil() {
			return
		}
		c := reflect.New(sh.elem.typ)
		c.Elem().Set(v.Elem())
		sh.elem.deepen(c.UnsafePointer())
		v.Set(c)
	case mapKind:
		v := reflect.NewAt(sh.typ, p).Elem()
		if v.IsNil() {
			return
		}
		c := reflect.MakeMapWithSize(sh.typ, v.Len())
		it := v.MapRange()
		for it.Next() {
			c.SetMapIndex(it.Key(), sh.elem.clone(it.Value()))
		}
		v.Set(c)
	}
}

// The parts of an onboarding, read in place. The store compares and copies
// log entries where they lie in memory, for the speed shape gives; this
// is the one file that does it.

// at returns a pointer to the part's field in o.
func (p *part) at(o *onboarding.Onboarding) unsafe.Pointer {
	return unsafe.Add(unsafe.Pointer(o), p.off)
}

// value returns the part's field in o, settable.
func (p *part) value(o *onboarding.Onboarding) reflect.Value {
	return reflect.NewAt(p.typ, p.at(o)).Elem()
}

// count returns how many entries a log field holds.
func (p *part) count(o *onboarding.Onboarding) int { return (*sliceHeader)(p.at(o)).len }

// entryAt returns a pointer to the i-th entry of a log field; i is within
// count, so the pointer is inside the slice's array.
func (p *part) entryAt(o *onboarding.Onboarding, i int) unsafe.Pointer {
	return unsafe.Add((*sliceHeader)(p.at(o)).data, uintptr(i)*p.entry.typ.Size())
}

// entryValue returns the i-th entry of a log field, settable.
func (p *part) entryValue(o *onboarding.Onboarding, i int) reflect.Value {
	return reflect.NewAt(p.entry.typ, p.entryAt(o, i)).Elem()
}

// idAt reads the ID of the i-th entry of a log field.
func (p *part) idAt(o *onboarding.Onboarding, i int) string {
	return *(*string)(unsafe.Add(p.entryAt(o, i), p.idOff))
}

// setIDAt gives the i-th entry of a log field another ID.
func (p *part) setIDAt(o *onboarding.Onboarding, i int, id string) {
	*(*string)(unsafe.Add(p.entryAt(o, i), p.idOff)) = id
}

// sameEntry reports whether the i-th entry of a log field is unchanged
// from its copy c.
func (p *part) sameEntry(o *onboarding.Onboarding, i int, c reflect.Value) bool {
	return p.entry.same(p.entryAt(o, i), c.Addr().UnsafePointer())
}

// samePart reports whether a part that is not a log is unchanged from its
// copy c.
func (p *part) samePart(o *onboarding.Onboarding, c reflect.Value) bool {
	return p.shape.same(p.at(o), c.Addr().UnsafePointer())
}
