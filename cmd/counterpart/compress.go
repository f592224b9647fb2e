//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressionLevel trades build time for bytes on the wire.
type compressionLevel int

const (
	// fastCompression is for the server, which compresses at every start:
	// about a second for the wasm, a few percent larger than the best.
	fastCompression compressionLevel = iota
	// bestCompression is for the static export, done once per release:
	// half a minute for the wasm, the smallest files brotli can make.
	bestCompression
)

// encodingSuffix is the file name suffix of each encoding's compressed copy.
var encodingSuffix = map[string]string{"br": ".br", "gzip": ".gz"}

// minCompressSize is the size under which compression is not worth a header.
const minCompressSize = 512

// compressible reports whether a media type is text-like enough to shrink.
func compressible(typ string) bool {
	typ, _, _ = strings.Cut(typ, ";")
	switch typ {
	case "application/wasm", "application/javascript", "application/json",
		"application/manifest+json", "image/svg+xml":
		return true
	}
	return strings.HasPrefix(typ, "text/")
}

// compress fills in the brotli and gzip copies of a. It reuses a copy from
// reuse (files from an earlier export) only if it inflates back to exactly
// a.Body, so a stale .br next to a rebuilt app.wasm is never served.
func compress(a *asset, reuse map[string][]byte, level compressionLevel) {
	a.ETag = etagOf(a.Body)
	if !compressible(a.Type) || len(a.Body) < minCompressSize {
		return
	}
	if b := reuse["br"]; b != nil && inflatesTo(brotli.NewReader(bytes.NewReader(b)), a.Body) {
		a.Brotli = b
	} else {
		a.Brotli = brotliBytes(a.Body, level)
	}
	if b := reuse["gzip"]; b != nil {
		if r, err := gzip.NewReader(bytes.NewReader(b)); err == nil && inflatesTo(r, a.Body) {
			a.Gzip = b
		}
	}
	if a.Gzip == nil {
		a.Gzip = gzipBytes(a.Body, level)
	}
}

func brotliBytes(b []byte, level compressionLevel) []byte {
	q := 6
	if level == bestCompression {
		q = brotli.BestCompression
	}
	var out bytes.Buffer
	w := brotli.NewWriterLevel(&out, q)
	w.Write(b) // writes to a bytes.Buffer cannot fail
	w.Close()
	return out.Bytes()
}

func gzipBytes(b []byte, level compressionLevel) []byte {
	l := gzip.DefaultCompression
	if level == bestCompression {
		l = gzip.BestCompression
	}
	var out bytes.Buffer
	w, _ := gzip.NewWriterLevel(&out, l) // the level is valid
	w.Write(b)
	w.Close()
	return out.Bytes()
}

func inflatesTo(r io.Reader, want []byte) bool {
	got, err := io.ReadAll(io.LimitReader(r, int64(len(want))+1))
	return err == nil && bytes.Equal(got, want)
}

// negotiate picks the encoding to send for an Accept-Encoding header:
// brotli if the client takes it, else gzip, else none. A q=0 refuses an
// encoding; "*" stands for any encoding not named.
func negotiate(acceptEncoding string) string {
	q := map[string]float64{}
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		weight := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					weight = f
				}
			}
		}
		q[name] = weight
	}
	accepts := func(enc string) (float64, bool) {
		if w, ok := q[enc]; ok {
			return w, w > 0
		}
		if w, ok := q["*"]; ok {
			return w, w > 0
		}
		return 0, false
	}
	br, brOK := accepts("br")
	gz, gzOK := accepts("gzip")
	if !gzOK {
		gz, gzOK = accepts("x-gzip")
	}
	switch {
	case brOK && (!gzOK || br >= gz):
		return "br"
	case gzOK:
		return "gzip"
	}
	return ""
}
