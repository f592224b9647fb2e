package guide

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"counterpart/content"
)

// Everything in the product is written in our own words. The essay the
// guide follows and the other reference texts sit outside the repository
// (in shared/reference beside it), so the test keeps a fingerprint of
// them: a hash of every run of shingleWords words. A content file that
// shares any such run with a reference has copied from it.
//
// The hashes keep 48 bits: the references hold some 30,000 runs and the
// content about as many, so 32 bits would let one run of our own collide
// with a reference about one time in four (it did: "differently that is
// worth an hour"), while 48 bits make it about one in a hundred thousand.

const shingleWords = 6

var updateReferences = flag.Bool("update-references", false, "rewrite testdata/reference-shingles.txt from shared/reference")

const shinglesFile = "testdata/reference-shingles.txt"

// words splits text into lower-case words, so punctuation, case and line
// breaks cannot hide a copied sentence.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

const hashBits = 48

func shingleHash(w []string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(strings.Join(w, " ")))
	return h.Sum64() >> (64 - hashBits)
}

func shingles(text string) map[uint64]string {
	w := words(text)
	out := map[uint64]string{}
	for i := 0; i+shingleWords <= len(w); i++ {
		out[shingleHash(w[i:i+shingleWords])] = strings.Join(w[i:i+shingleWords], " ")
	}
	return out
}

// referenceDir finds shared/reference beside the repository, if this
// checkout has one.
func referenceDir() string {
	for _, dir := range []string{"../../../shared/reference", "../../../../shared/reference"} {
		if files, _ := filepath.Glob(filepath.Join(dir, "*.txt")); len(files) > 0 {
			return dir
		}
	}
	return ""
}

func referenceShingles(t *testing.T, dir string) []uint64 {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	set := map[uint64]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for h := range shingles(string(b)) {
			set[h] = true
		}
	}
	out := make([]uint64, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func encodeShingles(hs []uint64) string {
	var b strings.Builder
	b.WriteString("# Hashes of every run of six words in shared/reference; see references_test.go.\n")
	for _, h := range hs {
		fmt.Fprintf(&b, "%012x\n", h)
	}
	return b.String()
}

func storedShingles(t *testing.T) map[uint64]bool {
	t.Helper()
	f, err := os.Open(shinglesFile)
	if err != nil {
		t.Fatalf("%v: run go test ./app/guide -update-references with shared/reference beside the repository", err)
	}
	defer f.Close()
	out := map[uint64]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var h uint64
		if _, err := fmt.Sscanf(sc.Text(), "%012x", &h); err == nil {
			out[h] = true
		}
	}
	return out
}

// The fingerprint must be current whenever the references are at hand.
func TestReferenceFingerprintIsCurrent(t *testing.T) {
	dir := referenceDir()
	if dir == "" {
		t.Skip("no shared/reference beside this checkout; the stored fingerprint is used as it is")
	}
	want := encodeShingles(referenceShingles(t, dir))
	if *updateReferences {
		if err := os.WriteFile(shinglesFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := os.ReadFile(shinglesFile)
	if string(got) != want {
		t.Fatal("testdata/reference-shingles.txt is out of date: run go test ./app/guide -update-references")
	}
}

// No content file repeats six words in a row from a reference.
func TestContentIsInOurOwnWords(t *testing.T) {
	ref := storedShingles(t)
	if len(ref) < 1000 {
		t.Fatalf("the fingerprint holds %d runs; the references have thousands", len(ref))
	}
	checked := 0
	fs.WalkDir(content.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(content.FS, path)
		for _, text := range proseOf(t, path, b) {
			for h, run := range shingles(text) {
				if ref[h] {
					t.Errorf("content/%s repeats a reference word for word: %q", path, run)
				}
			}
		}
		checked++
		return nil
	})
	if checked < 20 {
		t.Fatalf("only %d content files checked", checked)
	}
}

// proseOf is the text a content file shows people. In JSON that is each
// string as decoded: read raw, an escaped line break ("\n") would glue
// an "n" between two words and hide a copied run that spans it.
func proseOf(t *testing.T, path string, b []byte) []string {
	if !strings.HasSuffix(path, ".json") {
		return []string{string(b)}
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("content/%s: %v", path, err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// The check itself catches a copied sentence, whatever its case and
// punctuation, and in the example's JSON across an escaped line break.
func TestCopiedSentenceIsCaught(t *testing.T) {
	ref := storedShingles(t)
	copied := "Your JOB as a peer executive, is to help the new executive succeed!"
	found := false
	for h := range shingles(copied) {
		found = found || ref[h]
	}
	if !found {
		t.Error("a sentence taken from the essay was not recognised")
	}
	found = false
	for _, text := range proseOf(t, "example.json", []byte(`{"notes": "is to help\nthe new executive"}`)) {
		for h := range shingles(text) {
			found = found || ref[h]
		}
	}
	if !found {
		t.Error("a sentence copied into the example's JSON across a line break was not recognised")
	}
}
