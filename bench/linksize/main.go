// Command linksize reports how long a share link is for the built-in
// example onboarding, plain and locked, and writes the JSON the link
// carries so other encoders can be compared on the same input:
//
//	go run ./bench/linksize                 # the lengths
//	go run ./bench/linksize -json | node bench/lzstring.mjs
package main

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"counterpart/app/guide"
	"counterpart/app/share"
)

func main() {
	asJSON := flag.Bool("json", false, "write the shareable JSON of the example instead of the lengths")
	flag.Parse()
	o, err := guide.ExampleOnboarding()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	o.Example = false
	data, err := json.Marshal(share.Shareable(o))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *asJSON {
		os.Stdout.Write(data)
		return
	}
	plain, err := share.Encode(o, "")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	locked, err := share.Encode(o, "four words said aloud")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// The same DEFLATE without the preset dictionary, to see what the
	// dictionary buys.
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	const host = "https://counterpart.example"
	fmt.Printf("shareable JSON of the example:        %6d bytes\n", len(data))
	fmt.Printf("link, plain:                          %6d characters (fragment %d)\n", len(share.Link(host, plain)), len(plain))
	fmt.Printf("link, locked with a passphrase:       %6d characters (fragment %d)\n", len(share.Link(host, locked)), len(locked))
	fmt.Printf("fragment without the dictionary:      %6d characters (DEFLATE + base64url, no checksum)\n", 2+base64.RawURLEncoding.EncodedLen(buf.Len()))
}
