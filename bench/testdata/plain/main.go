// Command plain is the baseline for the server load figures: Go's net/http
// answering every request from memory with bytes fetched beforehand, with
// no negotiation, validation or headers of its own. make bench builds it
// next to Counterpart's server. It lives under testdata so that ./... never
// builds it.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
)

// response is one recorded answer.
type response struct {
	Type     string `json:"type"`
	Encoding string `json:"encoding"`
	Body     []byte `json:"body"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: plain responses.json")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var byPath map[string]response
	if err := json.Unmarshal(b, &byPath); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("plain is running at http://%s/\n", ln.Addr())
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, ok := byPath[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", res.Type)
		if res.Encoding != "" {
			w.Header().Set("Content-Encoding", res.Encoding)
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(res.Body)))
		w.Write(res.Body)
	}))
}
