//go:build !wasm

package main

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"
)

// TestBrowserTestsCarryTheTag keeps `go test ./...` fast: a test file in
// e2e/ or bench/ without the build tag browser would start Chromium or
// build two apps in every plain test run (make test passes the tag).
func TestBrowserTestsCarryTheTag(t *testing.T) {
	n := 0
	for _, dir := range []string{"../../e2e", "../../bench"} {
		files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			n++
			if line := firstLine(t, f); line != "//go:build browser" {
				t.Errorf("%s starts with %q, not //go:build browser", f, line)
			}
		}
	}
	if n == 0 {
		t.Fatal("found no test files in e2e/ or bench/: the paths are wrong")
	}
}

func firstLine(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	return sc.Text()
}
