//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// goList runs `go list` for the browser build of this command.
func goList(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// The browser downloads the whole wasm, so none of the server's code or its
// libraries may end up in it, nor goldmark, nor the guide's Markdown
// (content) or the code that reads it: the guide is rendered and written
// as Go when the app is built, and typed text is read by app/markdown.
func TestWasmCarriesNoServerCode(t *testing.T) {
	files := strings.Fields(strings.Trim(goList(t, "-f", "{{.GoFiles}}", "."), "[]\n"))
	for _, f := range files {
		if f != "main.go" && f != "main_wasm.go" {
			t.Errorf("%s is compiled into the wasm", f)
		}
	}
	deps := goList(t, "-deps", ".")
	for _, pkg := range []string{"github.com/andybalholm/brotli", "golang.org/x/net/html", "net/http/httptest", "os/signal", "github.com/chromedp/chromedp", "github.com/yuin/goldmark",
		"counterpart/content", "counterpart/app/guide/internal/source"} {
		for _, dep := range strings.Fields(deps) {
			if dep == pkg {
				t.Errorf("the wasm depends on %s", pkg)
			}
		}
	}
}
