package guide

// The guide's text is Markdown in content/, fixed when the app is built.
// It is rendered to HTML then, not in the browser: rendered.go holds the
// HTML of every piece of it, made by render.go with goldmark, and the
// browser only looks it up. After changing content/, run
//
//	make content
//
// to write rendered.go again; a test fails while it is out of date.

// HTML returns the rendered HTML of a piece of the guide's Markdown (a
// stage's guidance, a prompt's help, an example...), or false when the
// text is not the guide's.
func HTML(markdown string) (string, bool) {
	html, ok := renderedHTML[textKey(markdown)]
	return html, ok
}

// textKey is a 64-bit FNV-1a hash of a text: rendered.go is keyed by it
// rather than by the Markdown, which would put the guide's text in the
// download twice.
func textKey(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
