//go:build browser

package e2e

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The browser tests wait for conditions, never for time: a fixed pause is
// too short on a busy machine, where the test then fails for nothing, and
// too long everywhere else; and a check that something is not shown, made
// after a pause, passes without testing anything when the page had not
// got that far. These tests keep it so.

// TestNoFixedSleeps fails on any fixed pause in the browser tests' code.
func TestNoFixedSleeps(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d files: the check looks in the wrong place", len(files))
	}
	for _, f := range files {
		if f == "nosleep_test.go" {
			continue // its examples pause on purpose
		}
		for _, p := range fixedSleeps(t, f, nil) {
			t.Errorf("%s: a fixed pause; wait for what the page shows or stored instead (b.waitFor, b.waitSaved, b.waitStored, b.drawn)", p)
		}
	}
}

// TestTheSleepCheckFindsEachKind shows that fixedSleeps finds every kind
// of pause it is meant to, and lets a timeout be.
func TestTheSleepCheckFindsEachKind(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, code string
		found      int
	}{
		{"time.Sleep", `func f() { time.Sleep(time.Second) }`, 1},
		{"chromedp.Sleep", `func f(b *browser) { b.do(chromedp.Sleep(150 * time.Millisecond)) }`, 1},
		{"a channel of time.After on its own", `func f() { <-time.After(time.Second) }`, 1},
		{"a timer waited for", `func f() { t := time.NewTimer(time.Second); <-t.C }`, 1},
		{"a ticker", `func f() { for range time.Tick(time.Second) {} }`, 1},
		{"setTimeout in a script", "const s = `await new Promise(r => setTimeout(r, 40))`", 1},
		{"setInterval in a script", `const s = "setInterval(check, 10)"`, 1},
		{"two in one file", `func f() { time.Sleep(1); time.Sleep(2) }`, 2},
		{"a timeout in a select", `func f(done chan int) { select { case <-done: case <-time.After(time.Minute): } }`, 0},
		{"a deadline", `func f() { ctx, cancel := context.WithTimeout(ctx, time.Minute); defer cancel() }`, 0},
		{"the word in a comment", `// no time.Sleep and no setTimeout here
func f() {}`, 0},
	} {
		if got := len(fixedSleeps(t, "example.go", []byte("package e2e\n"+c.code))); got != c.found {
			t.Errorf("%s: found %d pauses, want %d", c.name, got, c.found)
		}
	}
}

// pauseInScript finds a script's own timer, which in a test's script can
// only be a pause.
var pauseInScript = regexp.MustCompile(`\b(setTimeout|setInterval)\s*\(`)

// fixedSleeps lists the places in a Go file (src, or the file's own text
// when src is nil) that pause for a fixed time: time.Sleep, chromedp.Sleep,
// a timer or ticker waited for outside a select (where it would be a
// timeout, which is fine), and a setTimeout or setInterval in a script.
func fixedSleeps(t *testing.T, file string, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	var source any
	if src != nil {
		source = src
	}
	f, err := parser.ParseFile(fset, file, source, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	report := func(n ast.Node, what string) {
		found = append(found, fset.Position(n.Pos()).String()+": "+what)
	}
	// A time.After in a case of a select is a timeout; anywhere else, a
	// timer is a pause.
	timeouts := map[ast.Node]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CommClause); ok && c.Comm != nil {
			ast.Inspect(c.Comm, func(m ast.Node) bool {
				timeouts[m] = true
				return true
			})
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				break
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok {
				break
			}
			switch name := pkg.Name + "." + sel.Sel.Name; name {
			case "time.Sleep", "chromedp.Sleep", "time.Tick", "time.NewTicker", "time.NewTimer":
				report(n, name)
			case "time.After":
				if !timeouts[n] {
					report(n, name+" outside a select")
				}
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				break
			}
			text, err := strconv.Unquote(n.Value)
			if err != nil {
				text = strings.Trim(n.Value, "`")
			}
			for _, m := range pauseInScript.FindAllString(text, -1) {
				report(n, strings.TrimSpace(strings.TrimSuffix(m, "("))+" in a script")
			}
		}
		return true
	})
	return found
}
