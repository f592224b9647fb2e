package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The one write path holds by construction: this package writes to the
// backend only in write.go and write_parts.go (and device.go, for what the
// device remembers that is no onboarding), and no code of the app outside it saves an
// onboarding it holds (Save is for tests and tools; pages hand the store
// a change).
func TestOnlyWriteGoWrites(t *testing.T) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "write.go" || name == "write_parts.go" || name == "memory.go" || name == "device.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Set" || sel.Sel.Name == "Remove") {
				if x, ok := sel.X.(*ast.SelectorExpr); ok && x.Sel.Name == "backend" {
					t.Errorf("%s writes to the backend outside write.go and write_parts.go", fset.Position(sel.Pos()))
				}
			}
			return true
		})
	}
	root := filepath.Join("..", "..")
	for _, dir := range []string{"app", "cmd"} {
		filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
				strings.Contains(path, filepath.Join("app", "store")) {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Save" {
						t.Errorf("%s saves an onboarding around the one write path: hand the store a change (Change, Replace)", fset.Position(sel.Pos()))
					}
				}
				return true
			})
			return nil
		})
	}
}
