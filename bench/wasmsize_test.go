//go:build browser

package bench

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// wasmSections are the parts of a WebAssembly file that matter for its
// size: the function bodies, with the name of each (from the "name"
// section, which the stripped download leaves out), and the data.
type wasmSections struct {
	funcs []wasmFunc
	data  []byte // the data section: strings, type descriptors, tables
	total int
}

type wasmFunc struct {
	name string
	body []byte
}

// readWasm splits a WebAssembly file built without -s into its function
// bodies, each named. It reads only what it needs of the binary format
// (https://webassembly.github.io/spec/core/binary/).
func readWasm(b []byte) (wasmSections, error) {
	w := wasmSections{total: len(b)}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return w, errors.New("not a WebAssembly file")
	}
	var imported int
	var bodies [][]byte
	names := map[int]string{}
	for r := bytes.NewReader(b[8:]); r.Len() > 0; {
		id, _ := r.ReadByte()
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(r.Len()) {
			return w, errors.New("a damaged section")
		}
		sec := make([]byte, n)
		r.Read(sec)
		s := bytes.NewReader(sec)
		switch id {
		case 2: // imports: imported functions come first in the index space
			count, _ := binary.ReadUvarint(s)
			for i := uint64(0); i < count; i++ {
				skipName(s)
				skipName(s)
				kind, _ := s.ReadByte()
				switch kind {
				case 0: // function: a type index
					binary.ReadUvarint(s)
					imported++
				case 1: // table: element type, limits
					s.ReadByte()
					skipLimits(s)
				case 2: // memory: limits
					skipLimits(s)
				case 3: // global: value type, mutability
					s.ReadByte()
					s.ReadByte()
				}
			}
		case 10: // code
			count, _ := binary.ReadUvarint(s)
			for i := uint64(0); i < count; i++ {
				size, _ := binary.ReadUvarint(s)
				body := make([]byte, size)
				s.Read(body)
				bodies = append(bodies, body)
			}
		case 11:
			w.data = sec
		case 0: // custom: only "name" is read, for its function names
			if readName(s) != "name" {
				continue
			}
			for s.Len() > 0 {
				sub, _ := s.ReadByte()
				size, _ := binary.ReadUvarint(s)
				part := make([]byte, size)
				s.Read(part)
				if sub != 1 {
					continue
				}
				p := bytes.NewReader(part)
				count, _ := binary.ReadUvarint(p)
				for i := uint64(0); i < count; i++ {
					idx, _ := binary.ReadUvarint(p)
					names[int(idx)] = readName(p)
				}
			}
		}
	}
	if len(names) == 0 {
		return w, errors.New("no function names: build without -s")
	}
	for i, body := range bodies {
		w.funcs = append(w.funcs, wasmFunc{name: names[imported+i], body: body})
	}
	return w, nil
}

func readName(r *bytes.Reader) string {
	n, _ := binary.ReadUvarint(r)
	b := make([]byte, min(int(n), r.Len()))
	r.Read(b)
	return string(b)
}

func skipName(r *bytes.Reader) { readName(r) }

func skipLimits(r *bytes.Reader) {
	flag, _ := r.ReadByte()
	binary.ReadUvarint(r)
	if flag&1 != 0 {
		binary.ReadUvarint(r)
	}
}

// packageNames maps the names of Go packages as the wasm's name section
// writes them ("/", "-" and other such characters become "_") back to
// their import paths, for the packages a program is built from.
type packageNames []struct{ mangled, path string }

// listPackages asks go list for every package a wasm program is built
// from.
func listPackages(pkgs ...string) (packageNames, error) {
	cmd := exec.Command("go", append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	var names packageNames
	for _, p := range strings.Fields(string(out)) {
		m := strings.Map(func(r rune) rune {
			if r == '.' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return '_'
		}, p)
		names = append(names, struct{ mangled, path string }{m, p})
	}
	// The longest first, so that a/b/c is not taken for a/b.
	sort.Slice(names, func(i, j int) bool { return len(names[i].mangled) > len(names[j].mangled) })
	return names, nil
}

// packageOf names the Go package a function belongs to, from its name in
// the name section: "counterpart_app_ui.__home_.Render" is in
// counterpart/app/ui, and so are its closures, methods and generic
// instances. Compiler-made helpers (type equality and hashing) are a group
// of their own.
func (n packageNames) packageOf(fn string) string {
	if strings.HasPrefix(fn, "type_.") || strings.HasPrefix(fn, "type:") {
		return "(type helpers made by the compiler)"
	}
	for _, p := range n {
		if strings.HasPrefix(fn, p.mangled+".") {
			return p.path
		}
	}
	return "(other: " + strings.SplitN(fn, ".", 2)[0] + ")"
}

// codeByPackage adds up the function bodies of each package.
func codeByPackage(w wasmSections, names packageNames) map[string][][]byte {
	out := map[string][][]byte{}
	for _, f := range w.funcs {
		p := names.packageOf(f.name)
		out[p] = append(out[p], f.body)
	}
	return out
}

// brotliSize is the brotli (level 11) size of the parts, compressed as
// one stream.
func brotliSize(parts [][]byte) int {
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	for _, p := range parts {
		bw.Write(p)
	}
	bw.Close()
	return buf.Len()
}

func sum(parts [][]byte) int {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// buildNamed compiles a wasm program like make build does, but keeps the
// function names (no -s), for the size breakdown.
func buildNamed(pkg, out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-w", "-o", out, pkg)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building %s: %v\n%s", pkg, err, b)
	}
	return nil
}

// packageCost is what one package weighs in the app and in the bare
// go-app program.
type packageCost struct {
	name             string
	app, bare        int // code bytes
	appBr, bareBr    int // the same, compressed alone with brotli
	addRaw, addBr    int // app minus bare
	module, category string
}

// What each package adds to the download over the bare go-app program,
// so that a change can see its own cost. Code is counted per function
// from a build that keeps the names; each package's code is compressed
// alone, which a little overstates it against the whole file compressed
// at once (packages share patterns).
func TestWasmPackagesAgainstBareGoApp(t *testing.T) {
	build(t)
	dir := t.TempDir()
	appFile, bareFile := filepath.Join(dir, "app.wasm"), filepath.Join(dir, "bare.wasm")
	if err := buildNamed("./cmd/counterpart", appFile); err != nil {
		t.Fatal(err)
	}
	if err := buildNamed("./bench/testdata/bare", bareFile); err != nil {
		t.Fatal(err)
	}
	read := func(p string) wasmSections {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w, err := readWasm(b)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return w
	}
	appW, bareW := read(appFile), read(bareFile)
	names, err := listPackages("./cmd/counterpart", "./bench/testdata/bare")
	if err != nil {
		t.Fatal(err)
	}
	costs := packageCosts(codeByPackage(appW, names), codeByPackage(bareW, names))

	s := reportSection("What each package adds to the wasm",
		"Code per Go package, counted function by function in a build that keeps the function names, against the same package in the bare go-app program (a package the bare program has too, such as fmt, costs only what Counterpart uses beyond it). Each package's code is compressed alone with brotli 11. The data section (strings, type descriptors, the function table, embedded files) is not split by package; it is shown as a whole.")
	var rows [][]string
	var other packageCost
	shown := 0
	for _, c := range costs {
		if c.addRaw == 0 && c.addBr == 0 {
			continue
		}
		if shown >= 30 && !strings.HasPrefix(c.name, "counterpart/") {
			other.addRaw += c.addRaw
			other.addBr += c.addBr
			other.app += c.app
			other.bare += c.bare
			continue
		}
		shown++
		rows = append(rows, []string{c.name, thousands(int64(c.app)), thousands(int64(c.bare)), signed(c.addRaw), signed(c.addBr)})
	}
	if other.addRaw != 0 {
		rows = append(rows, []string{"every other package", thousands(int64(other.app)), thousands(int64(other.bare)), signed(other.addRaw), signed(other.addBr)})
	}
	var appCode, bareCode int
	for _, c := range costs {
		appCode += c.app
		bareCode += c.bare
	}
	rows = append(rows,
		[]string{"all code", thousands(int64(appCode)), thousands(int64(bareCode)), signed(appCode - bareCode), ""},
		[]string{"data section", thousands(int64(len(appW.data))), thousands(int64(len(bareW.data))), signed(len(appW.data) - len(bareW.data)),
			signed(brotliSize([][]byte{appW.data}) - brotliSize([][]byte{bareW.data}))},
	)
	s.table([]string{"Package", "Counterpart code, B", "bare go-app, B", "added, B", "added, brotli B"}, rows)

	// By module: the project's own packages, each dependency, and Go's
	// standard library.
	mods := map[string]*packageCost{}
	for _, c := range costs {
		m := mods[c.module]
		if m == nil {
			m = &packageCost{name: c.module}
			mods[c.module] = m
		}
		m.app += c.app
		m.bare += c.bare
		m.addRaw += c.addRaw
		m.addBr += c.addBr
	}
	var byModule []*packageCost
	for _, m := range mods {
		byModule = append(byModule, m)
	}
	sort.Slice(byModule, func(i, j int) bool { return byModule[i].addRaw > byModule[j].addRaw })
	rows = nil
	for _, m := range byModule {
		rows = append(rows, []string{m.name, thousands(int64(m.app)), thousands(int64(m.bare)), signed(m.addRaw), signed(m.addBr)})
	}
	s.table([]string{"Module", "Counterpart code, B", "bare go-app, B", "added, B", "added, brotli B (sum of its packages)"}, rows)
}

// packageCosts pairs each package of the app with the same package in the
// bare program, largest addition first.
func packageCosts(app, bare map[string][][]byte) []packageCost {
	names := map[string]bool{}
	for p := range app {
		names[p] = true
	}
	for p := range bare {
		names[p] = true
	}
	var out []packageCost
	for p := range names {
		c := packageCost{name: p, app: sum(app[p]), bare: sum(bare[p]), module: moduleOf(p)}
		c.addRaw = c.app - c.bare
		if c.addRaw != 0 {
			c.appBr, c.bareBr = brotliSize(app[p]), brotliSize(bare[p])
			if bare[p] == nil {
				c.bareBr = 0
			}
			c.addBr = c.appBr - c.bareBr
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].addBr != out[j].addBr {
			return out[i].addBr > out[j].addBr
		}
		return out[i].name < out[j].name
	})
	return out
}

// moduleOf groups a package: Counterpart's own, a dependency by its
// module path, or Go's standard library.
func moduleOf(pkg string) string {
	switch {
	case strings.HasPrefix(pkg, "counterpart/"):
		return "counterpart (this repository)"
	case strings.HasPrefix(pkg, "(other"):
		return "Go standard library and runtime"
	case strings.HasPrefix(pkg, "("):
		return pkg
	case !strings.Contains(strings.SplitN(pkg, "/", 2)[0], "."):
		return "Go standard library and runtime"
	}
	parts := strings.Split(pkg, "/")
	n := 3 // github.com/owner/name, golang.org/x/net
	if len(parts) > n && strings.HasPrefix(parts[n], "v") && len(parts[n]) <= 3 {
		n++ // a major version suffix, as in go-app/v9
	}
	return strings.Join(parts[:min(n, len(parts))], "/")
}

func signed(n int) string {
	if n > 0 {
		return "+" + thousands(int64(n))
	}
	return thousands(int64(n))
}
