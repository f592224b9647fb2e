// Package content holds the guide's text as Markdown files, embedded in the
// app so that it works offline.
package content
