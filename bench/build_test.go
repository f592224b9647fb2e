//go:build browser

package bench

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if err := writeReport(); err != nil {
		fmt.Fprintln(os.Stderr, "writing the report:", err)
		code = 1
	}
	if builds.dir != "" {
		os.RemoveAll(builds.dir)
	}
	os.Exit(code)
}

// builds are the programs every part of the bench measures, built once per
// run from this tree: the server, Counterpart's wasm, and the bare go-app
// wasm, each in a web directory of its own so the same server binary serves
// either one the same way.
var builds struct {
	once              sync.Once
	err               error
	dir               string
	server            string // the server binary
	plain             string // the baseline server of the load figures
	appWeb, bareWeb   string // web directories
	appWasm, bareWasm string // their app.wasm
}

// build compiles everything the first time it is called.
func build(t *testing.T) {
	t.Helper()
	builds.once.Do(func() { builds.err = doBuild() })
	if builds.err != nil {
		t.Fatal(builds.err)
	}
}

func doBuild() error {
	dir, err := os.MkdirTemp("", "counterpart-bench-")
	if err != nil {
		return err
	}
	builds.dir = dir
	builds.server = filepath.Join(dir, "counterpart")
	builds.plain = filepath.Join(dir, "plain")
	builds.appWeb = filepath.Join(dir, "app-web")
	builds.bareWeb = filepath.Join(dir, "bare-web")
	builds.appWasm = filepath.Join(builds.appWeb, "app.wasm")
	builds.bareWasm = filepath.Join(builds.bareWeb, "app.wasm")
	for _, web := range []string{builds.appWeb, builds.bareWeb} {
		if err := copyStatic("../web", web); err != nil {
			return err
		}
	}
	// The same flags as make build: what a user downloads.
	for _, b := range []struct {
		out, pkg string
		wasm     bool
	}{
		{builds.server, "./cmd/counterpart", false},
		{builds.appWasm, "./cmd/counterpart", true},
		{builds.bareWasm, "./bench/testdata/bare", true},
		{builds.plain, "./bench/testdata/plain", false},
	} {
		args := []string{"build", "-trimpath", "-o", b.out}
		if b.wasm {
			args = append(args, "-ldflags=-s -w")
		}
		cmd := exec.Command("go", append(args, b.pkg)...)
		cmd.Dir = ".."
		if b.wasm {
			cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", b.pkg, err, out)
		}
	}
	return nil
}

// copyStatic copies web/ without any built app, so each build brings its
// own.
func copyStatic(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasPrefix(d.Name(), "app.wasm") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

var runningLine = regexp.MustCompile(`is running at (http://\S+?)/?$`)

// serve runs the server binary on a free loopback port with a web
// directory, and returns its URL (no trailing slash).
func serve(t *testing.T, web string) string {
	t.Helper()
	return startProgram(t, builds.server, "-addr", "127.0.0.1:0", "-web", web)
}

// startProgram runs a server program and waits until it prints that it is
// running; it is stopped when the test ends.
func startProgram(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case line := <-lines:
		m := runningLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("the server said %q", line)
		}
		return m[1]
	case <-done:
		t.Fatal("the server exited before it was ready")
	case <-time.After(2 * time.Minute):
		t.Fatal("the server did not start")
	}
	return ""
}
