//go:build !wasm

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// TestOnlyTheUIUsesGoApp keeps the domain plain Go, tested natively: no
// package but app/ui and the program itself may import go-app, even
// through another package, in either build.
func TestOnlyTheUIUsesGoApp(t *testing.T) {
	const goApp = "github.com/maxence-charriere/go-app/"
	allowed := func(pkg string) bool {
		return pkg == "counterpart/app/ui" || pkg == "counterpart/cmd/counterpart" || strings.HasPrefix(pkg, "counterpart/cmd/")
	}
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "list", "-tags", "browser", "-test",
			"-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "./...")
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %v: %v", env, err)
		}
		checked := 0
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fields := strings.Fields(line)
			pkg := strings.Fields(strings.NewReplacer("[", " ", "]", " ").Replace(fields[0]))[0]
			pkg = strings.TrimSuffix(pkg, ".test")
			checked++
			if allowed(pkg) || strings.HasPrefix(pkg, goApp) {
				continue
			}
			for _, dep := range fields[1:] {
				if strings.HasPrefix(dep, goApp) {
					t.Errorf("%s (%v) depends on %s: only app/ui and cmd/ may use go-app", fields[0], env, dep)
					break
				}
			}
		}
		if checked < 10 {
			t.Fatalf("go list named only %d packages: %s", checked, out)
		}
	}
}
