// Package content holds the guide's words: the stages and their prompts,
// worked examples for each function, the default areas of the role
// agreement, and the fictional example onboarding. They are Markdown (and
// one JSON file) so that writers can change them without touching Go, and
// they are embedded so that the tools reading them need no path. The app
// itself never imports this package: go generate writes the content into
// app/guide as Go values, rendered (see app/guide/internal/source), so the
// Markdown stays out of the WebAssembly download (cmd/counterpart's
// wasm_test.go checks it).
package content

import "embed"

// FS is every content file, by path relative to this directory.
//
//go:embed stages/*.md examples/*.md roles/*.md framing.md checkpoints.md example.json
var FS embed.FS
