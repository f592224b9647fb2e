//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// secret is written next to the web directory, where no request may reach.
const secret = "SECRET-OUTSIDE-WEB-7f3a"

// webNextToSecret makes a web directory with a secret file beside it, and
// one in a sibling directory whose name starts like "web".
func webNextToSecret(t *testing.T) string {
	t.Helper()
	web := testWeb(t)
	parent := filepath.Dir(web)
	writeFile(t, filepath.Join(parent, "secret.txt"), []byte(secret))
	os.MkdirAll(filepath.Join(parent, "web2"), 0o755)
	writeFile(t, filepath.Join(parent, "web2", "secret.txt"), []byte(secret))
	return web
}

// rawGet sends a request line exactly as given, with no client cleaning
// the path first, and returns the status and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%q: %v", target, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// The server answers only from the table built from web/ at start: no
// path, however spelled, reads a file outside it.
func TestPathsOutsideWebAreRefused(t *testing.T) {
	web := webNextToSecret(t)
	s := testSite(t, web)
	srv := httptest.NewServer(s)
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, target := range []string{
		"/web/../secret.txt",
		"/web/../../secret.txt",
		"/../secret.txt",
		"/web/%2e%2e/secret.txt",
		"/web/%2E%2E/secret.txt",
		"/web/..%2fsecret.txt",
		"/web/..%2Fsecret.txt",
		"/web/%2e%2e%2fsecret.txt",
		"/web%2f..%2fsecret.txt",
		"/web/..%5csecret.txt",
		`/web/..\secret.txt`,
		"/web/%252e%252e/secret.txt",
		"/web/.%2e/secret.txt",
		"/web2/secret.txt",
		"/web/../web2/secret.txt",
		"/secret.txt",
		"//secret.txt",
		"/web//../secret.txt",
		"/web/app.css%00../../secret.txt",
		"/web/%00/../secret.txt",
		"/web/app.css/../../secret.txt",
		"/web/./../secret.txt",
		"/web/%c0%ae%c0%ae/secret.txt",
		"/web/" + filepath.Dir(web) + "/secret.txt",
		filepath.Join(filepath.Dir(web), "secret.txt"),
		"http://x/../secret.txt",
		"/etc/passwd",
		"/web/../../../../../../etc/passwd",
	} {
		status, body := rawGet(t, addr, target)
		if strings.Contains(body, secret) || strings.Contains(body, "root:") {
			t.Errorf("GET %s (status %d) served a file outside web/", target, status)
		}
		if status == http.StatusOK {
			t.Errorf("GET %s: status 200; a path outside web/ must not be found", target)
		}
	}
	// The ordinary path to the same kind of file works, so the checks
	// above could have failed.
	if status, _ := rawGet(t, addr, "/web/app.css"); status != 200 {
		t.Errorf("GET /web/app.css: status %d", status)
	}
}

// Files are read once, when the site is built: one added to web/ later, or
// changed there, is not served until a restart.
func TestNothingIsReadFromDiskPerRequest(t *testing.T) {
	web := testWeb(t)
	s := testSite(t, web)
	writeFile(t, filepath.Join(web, "late.txt"), []byte(secret))
	if res := get(t, s, "GET", "/web/late.txt"); res.StatusCode != 404 {
		t.Errorf("a file added after start is served (status %d)", res.StatusCode)
	}
}

// A link inside web/ that points outside it would make the server publish
// whatever it points at: the server refuses to start instead.
func TestLinksOutOfWebStopTheStart(t *testing.T) {
	web := webNextToSecret(t)
	if err := os.Symlink(filepath.Join(filepath.Dir(web), "secret.txt"), filepath.Join(web, "leak.txt")); err != nil {
		t.Skip("symbolic links are not available here:", err)
	}
	_, err := buildSite(siteConfig{WebDir: web, UpdateCheck: time.Minute})
	if err == nil || !strings.Contains(err.Error(), "leak.txt") || !strings.Contains(err.Error(), "outside") {
		t.Errorf("a link out of web/ was accepted (error %v)", err)
	}

	// A link that stays inside web/ is fine.
	web2 := testWeb(t)
	if err := os.Symlink("app.css", filepath.Join(web2, "style.css")); err != nil {
		t.Fatal(err)
	}
	s, err := buildSite(siteConfig{WebDir: web2, UpdateCheck: time.Minute})
	if err != nil {
		t.Fatalf("a link inside web/ was refused: %v", err)
	}
	if res := get(t, s, "GET", "/web/style.css"); res.StatusCode != 200 {
		t.Errorf("a link inside web/ is not served (status %d)", res.StatusCode)
	}
}

// The server that run starts has every timeout set: without them one
// client could hold a connection, and its goroutine, for ever.
func TestServerHasTimeouts(t *testing.T) {
	srv := newHTTPServer(testSite(t, testWeb(t)))
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts: header %v, read %v, write %v, idle %v", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}

// A client that trickles its request headers a byte at a time (slowloris)
// is cut off once the header timeout passes, and meanwhile another client
// is served as usual. The timeout is shortened for the test; what is
// checked is the order of events, not how long they take.
func TestSlowClientsAreCutOffAndDoNotHoldOthersUp(t *testing.T) {
	srv := newHTTPServer(testSite(t, testWeb(t)))
	srv.ReadHeaderTimeout = 2 * time.Second
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	addr := ln.Addr().String()

	const slow = 20
	closed := make(chan error, slow)
	for i := 0; i < slow; i++ {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n")
		// Keep sending: a byte of a header every 100 ms, never the end.
		go func() {
			for {
				time.Sleep(100 * time.Millisecond)
				if _, err := io.WriteString(conn, "X"); err != nil {
					return
				}
			}
		}()
		go func() {
			// A generous bound that only a broken server reaches.
			conn.SetReadDeadline(time.Now().Add(time.Minute))
			_, err := io.Copy(io.Discard, conn)
			closed <- err
		}()
	}

	// Another client meanwhile gets the app.
	res, err := (&http.Client{Timeout: time.Minute}).Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "app.js") {
		t.Fatalf("the other client got status %d", res.StatusCode)
	}
	select {
	case <-closed:
		t.Fatal("a slow client was cut off before the other client was answered; the test shows nothing")
	default:
	}

	// Then every slow client is cut off by the server.
	for i := 0; i < slow; i++ {
		if err := <-closed; err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatal("a slow client was still connected a minute later")
			}
			// A reset is also the server hanging up.
		}
	}
}
