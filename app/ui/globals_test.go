package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// constantLike are the package variables app/ui may have: tables written
// once, as the package starts, and only read after (the lists of each
// stage's entries and the new-onboarding form's fields), and the
// browser's list of zones and the path the app is served under, computed
// once. Everything a tab changes lives in its App.
var constantLike = []string{
	"browserPrefix", "browserZones",
	"functionChoices", "myFields", "peerFields", "startField",
	"escalationList", "peopleList", "problemsList",
	"processesList", "sharedList", "sourcesList", "stageLists",
	"stakesList", "surprisesList", "teamList", "workingList",
}

// TestNoMutablePackageVariables fails when app/ui gains a package
// variable that is not in constantLike, or when any code assigns to one
// of those (or takes its address, which lets it be written).
func TestNoMutablePackageVariables(t *testing.T) {
	t.Parallel()
	fset, parsed := uiSource(t)
	declared := map[string]string{} // name → file
	for _, f := range parsed {
		name := filepath.Base(fset.Position(f.Pos()).Filename)
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if n.Name != "_" {
						declared[n.Name] = name
					}
				}
			}
		}
	}
	var extra []string
	for name, file := range declared {
		if !slices.Contains(constantLike, name) {
			extra = append(extra, name+" ("+file+")")
		}
	}
	for _, name := range constantLike {
		if _, ok := declared[name]; !ok {
			extra = append(extra, name+" (listed in constantLike, declared nowhere: take it off the list)")
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("package variable %s: keep what a tab changes in its App (app.go); add only a table written at init to constantLike", e)
	}
	if len(declared) == 0 {
		t.Fatal("no package variable found at all: is the test reading app/ui?")
	}

	// Nothing writes to the allowed ones after init: no assignment, no
	// ++ or --, no &name handed out. A local variable of the same name
	// would be reported too; name it otherwise.
	written := func(e ast.Expr) string {
		for {
			switch x := e.(type) {
			case *ast.Ident:
				// The parser links a name to its declaration within
				// a file (x.Obj); one declared in another file has none.
				_, ok := declared[x.Name]
				if ok && (x.Obj == nil || isPackageLevel(x.Obj.Decl, parsed)) {
					return x.Name
				}
				return ""
			case *ast.IndexExpr:
				e = x.X
			case *ast.SelectorExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.ParenExpr:
				e = x.X
			default:
				return ""
			}
		}
	}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			var targets []ast.Expr
			switch s := n.(type) {
			case *ast.AssignStmt:
				targets = s.Lhs
			case *ast.IncDecStmt:
				targets = []ast.Expr{s.X}
			case *ast.UnaryExpr:
				if s.Op == token.AND {
					targets = []ast.Expr{s.X}
				}
			case *ast.RangeStmt:
				targets = []ast.Expr{s.Key, s.Value}
			}
			for _, e := range targets {
				if e == nil {
					continue
				}
				if name := written(e); name != "" {
					t.Errorf("%s: the package variable %s is written after init", fset.Position(e.Pos()), name)
				}
			}
			return true
		})
	}
}

// isPackageLevel reports whether the declaration is one of a file's
// top-level var specs.
func isPackageLevel(decl any, files []*ast.File) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, s := range g.Specs {
					if s == decl {
						return true
					}
				}
			}
		}
	}
	return false
}

// TestEveryComponentGetsTheApp fails when a component that reaches the
// tab's App (a struct that embeds *App) is made with &T{...} without
// App: its first render would read through a nil pointer and stop the
// page's Go (the browser then reports "call to released function" on the
// next click). A plain T{...} is left alone: addForm fills in the App of
// the text field it is given.
func TestEveryComponentGetsTheApp(t *testing.T) {
	t.Parallel()
	fset, parsed := uiSource(t)
	withApp := map[string]bool{}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, field := range st.Fields.List {
					if star, ok := field.Type.(*ast.StarExpr); ok && len(field.Names) == 0 {
						if id, ok := star.X.(*ast.Ident); ok && id.Name == "App" {
							withApp[ts.Name.Name] = true
						}
					}
				}
			}
			return true
		})
	}
	if !withApp["textField"] {
		t.Fatal("textField no longer embeds *App: this test looks for the wrong thing")
	}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			u, ok := n.(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				return true
			}
			lit, ok := u.X.(*ast.CompositeLit)
			if !ok {
				return true
			}
			id, ok := lit.Type.(*ast.Ident)
			if !ok || !withApp[id.Name] {
				return true
			}
			for _, el := range lit.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "App" {
						return true
					}
				}
			}
			t.Errorf("%s: &%s{...} without App", fset.Position(lit.Pos()), id.Name)
			return true
		})
	}
}

// uiSource parses app/ui's files but its tests.
func uiSource(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	return fset, parsed
}
