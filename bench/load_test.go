//go:build browser

package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The bounded load: this many clients, each with its own keep-alive
// connection, asking for the static assets one after the other for this
// long, on loopback.
const (
	loadClients  = 8
	loadDuration = 3 * time.Second
	slowClients  = 100
	loadRounds   = 3
)

// loadPaths are what a first visit downloads, with the page itself.
var loadPaths = []string{"/", "/guide/data", "/app.js", "/wasm_exec.js", "/web/app.css", "/web/icon.svg", "/manifest.webmanifest", "/web/app.wasm"}

// loadResult counts what a load run got.
type loadResult struct {
	requests, errors int64
	bytes            int64
	elapsed          time.Duration
}

func (r loadResult) plus(o loadResult) loadResult {
	return loadResult{r.requests + o.requests, r.errors + o.errors, r.bytes + o.bytes, r.elapsed + o.elapsed}
}

func (r loadResult) perSecond() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// hammer runs the bounded load against base and counts answers and
// errors: a failed request, a status other than 200, or a short body.
func hammer(base string, d time.Duration) loadResult {
	var requests, errors, bytes atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < loadClients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 1}}
			defer client.CloseIdleConnections()
			for i := c; time.Now().Before(deadline); i++ {
				req, _ := http.NewRequest("GET", base+loadPaths[i%len(loadPaths)], nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				res, err := client.Do(req)
				requests.Add(1)
				if err != nil {
					errors.Add(1)
					continue
				}
				n, err := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				bytes.Add(n)
				if err != nil || res.StatusCode != 200 || (res.ContentLength >= 0 && n != res.ContentLength) {
					errors.Add(1)
				}
			}
		}(c)
	}
	wg.Wait()
	return loadResult{requests: requests.Load(), errors: errors.Load(), bytes: bytes.Load(), elapsed: time.Since(start)}
}

// holdSlowConnections opens n connections that send the start of a
// request and then one header byte a second, the way a slowloris attack
// holds a server's connections. It returns a function that closes them.
func holdSlowConnections(t *testing.T, base string, n int) func() {
	t.Helper()
	addr := base[len("http://"):]
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n"))
			for {
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
					if _, err := conn.Write([]byte("X")); err != nil {
						return // the server cut it off, as it should
					}
				}
			}
		}()
	}
	return func() { close(stop); wg.Wait() }
}

// recordResponses fetches every load path from the server and writes them
// where the plain baseline server reads them.
func recordResponses(t *testing.T, base string) string {
	t.Helper()
	type response struct {
		Type     string `json:"type"`
		Encoding string `json:"encoding"`
		Body     []byte `json:"body"`
	}
	all := map[string]response{}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, p := range loadPaths {
		req, _ := http.NewRequest("GET", base+p, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("%s: status %d, %v", p, res.StatusCode, err)
		}
		all[p] = response{Type: res.Header.Get("Content-Type"), Encoding: res.Header.Get("Content-Encoding"), Body: body}
	}
	b, err := json.Marshal(all)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "responses.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// Counterpart's server under a short bounded load, against plain net/http
// sending the very same bytes from memory.
func TestServerLoadAgainstPlainNetHTTP(t *testing.T) {
	build(t)
	ours := serve(t, builds.appWeb)
	plain := startProgram(t, builds.plain, recordResponses(t, ours))

	// A second of load on each first, so that neither is measured while
	// its heap and connections are still growing; then the two take turns,
	// so that what else the machine does weighs on both alike.
	hammer(plain, time.Second)
	hammer(ours, time.Second)
	var baseline, got, underAttack loadResult
	for i := 0; i < loadRounds; i++ {
		baseline = baseline.plus(hammer(plain, loadDuration/loadRounds))
		got = got.plus(hammer(ours, loadDuration/loadRounds))
		// Fresh slow connections each turn, since the server cuts them
		// off after its header timeout.
		release := holdSlowConnections(t, ours, slowClients)
		underAttack = underAttack.plus(hammer(ours, loadDuration/loadRounds))
		release()
	}
	t.Logf("ours %+v, plain %+v, with slow clients %+v", got, baseline, underAttack)

	s := reportSection("Server under load",
		fmt.Sprintf("%d clients on loopback, each on its own keep-alive connection, fetching the files of a first visit (pages, scripts, CSS, icons and app.wasm, brotli when offered) in turn for %s, in %d turns taken with the baseline. The baseline is plain Go net/http sending the same bytes from memory (bench/testdata/plain), in its own process like the server. The load generator shares the machine's CPUs with the server.", loadClients, loadDuration, loadRounds))
	errs := func(r loadResult) string { return fmt.Sprintf("%d errors in %d requests", r.errors, r.requests) }
	s.add(figure{Name: "requests per second", Value: got.perSecond(), Base: baseline.perSecond(), BaseName: "plain net/http", Unit: "req/s",
		Meaning: fmt.Sprintf("how much traffic one server process takes: %s (baseline: %s), %.0f MB/s sent. Each first visit is about 8 requests.", errs(got), errs(baseline), float64(got.bytes)/got.elapsed.Seconds()/1e6)})
	s.add(figure{Name: fmt.Sprintf("requests per second with %d slow clients holding connections", slowClients), Value: underAttack.perSecond(), Base: got.perSecond(), BaseName: "no slow clients", Unit: "req/s",
		Meaning: fmt.Sprintf("whether clients that trickle their headers (a slowloris attack) hold the server up: near 1× means they do not, and the server cuts them off after its header timeout; %s.", errs(underAttack))})
}
