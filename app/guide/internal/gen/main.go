//go:build !wasm

// Command gen writes the guide's content (content/) as Go values into
// package guide: go generate runs it in app/guide, through the directive
// in guide.go. Run it after editing content/, and commit the result:
//
//	go generate ./app/guide
package main

import (
	"fmt"
	"os"

	"counterpart/app/guide/internal/source"
	"counterpart/content"
)

func main() {
	b, err := source.Generate(content.FS)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(source.GeneratedFile, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
