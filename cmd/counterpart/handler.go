//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"counterpart/app/share"
)

// pagePolicy is the Content-Security-Policy: everything from the app's own
// origin and nowhere else. 'wasm-unsafe-eval' is what lets the page compile
// app.wasm; go-app needs nothing more (no inline script, no inline style).
// It also travels inside every page, where frame-ancestors is not allowed.
const pagePolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'"

// headerPolicy is the policy sent as a header, where framing can be refused.
const headerPolicy = pagePolicy + "; frame-ancestors 'none'"

// setSecurityHeaders adds the headers every response carries, errors
// included.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", headerPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	// No other site may load the app's files, not even as an image or a
	// script: nothing of Counterpart is meant to be embedded elsewhere.
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
}

// ServeHTTP answers from the files built in memory: nothing is read from
// disk, rendered or compressed per request.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	setSecurityHeaders(h)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "Counterpart only serves files.", http.StatusMethodNotAllowed)
		return
	}

	status := http.StatusOK
	a := s.lookup(r.URL.Path)
	if a == nil && strings.HasPrefix(r.URL.Path, share.OpenPath+"#") {
		// A share link whose "#" a mail scanner escaped as "%23": its data
		// arrives in the path. The open page reads it from the address.
		a = s.lookup(share.OpenPath)
	}
	if a == nil {
		if strings.HasPrefix(r.URL.Path, "/web/") {
			http.Error(w, "No such file.", http.StatusNotFound)
			return
		}
		// Any other path gets the app, which shows its not-found page.
		a, status = s.notFound, http.StatusNotFound
	}

	body, etag := a.Body, a.ETag
	if a.Brotli != nil {
		h.Set("Vary", "Accept-Encoding")
		switch negotiate(r.Header.Get("Accept-Encoding")) {
		case "br":
			body, etag = a.Brotli, variantETag(a.ETag, "br")
			h.Set("Content-Encoding", "br")
		case "gzip":
			body, etag = a.Gzip, variantETag(a.ETag, "gzip")
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Type", a.Type)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Set(wasmLengthHeader, strconv.Itoa(len(a.Body)))

	if status == http.StatusOK && etagMatches(r.Header.Get("If-None-Match"), etag) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagOf is a strong validator for a body: a hash of its bytes.
func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}

// variantETag tells compressed copies apart from the original, as HTTP
// requires of strong validators.
func variantETag(etag, enc string) string {
	return strings.TrimSuffix(etag, `"`) + "-" + enc + `"`
}

// etagMatches reports whether an If-None-Match header names etag.
func etagMatches(header, etag string) bool {
	for _, candidate := range strings.Split(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == etag || candidate == "*" {
			return true
		}
	}
	return false
}
