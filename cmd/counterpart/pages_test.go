//go:build !wasm

package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"counterpart/app/ui"
)

// -pages prints every page the app routes, and nothing else.
func TestPagesFlagListsEveryPage(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-pages"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	pages := ui.Paths()
	if len(got) != len(pages) {
		t.Fatalf("-pages printed %d lines for %d pages:\n%s", len(got), len(pages), out.String())
	}
	for i, p := range pages {
		if got[i] != p {
			t.Errorf("line %d is %q, want %q", i+1, got[i], p)
		}
	}
}
