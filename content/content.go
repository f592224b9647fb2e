// Package content holds the guide's words: the stages and their prompts,
// worked examples for each function, the default areas of the role
// agreement, and the fictional example onboarding. They are Markdown (and
// one JSON file) so that writers can change them without touching Go, and
// they are embedded so the app works offline. app/guide reads them.
package content

import "embed"

// FS is every content file, by path relative to this directory.
//
//go:embed stages/*.md examples/*.md roles/*.md framing.md checkpoints.md example.json
var FS embed.FS
