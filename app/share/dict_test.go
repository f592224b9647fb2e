package share

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterpart/app/onboarding"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata (only when the format version changes)")

// The dictionary is part of version 1: this hash must never change.
const dictV1SHA256 = "9198b622dd2dcdf2f76968e87b94668a4113eed828df0f5ab0c8a160cdaf6da5"

func TestDictionaryIsFrozen(t *testing.T) {
	sum := sha256.Sum256([]byte(dictV1))
	if got := hex.EncodeToString(sum[:]); got != dictV1SHA256 {
		t.Errorf("the version 1 dictionary changed (sha256 %s): every link already sent would stop opening. Put it back; a new dictionary needs a new version.", got)
	}
	if len(dictV1) > 32<<10 {
		t.Errorf("DEFLATE uses at most 32 KiB of dictionary; this one is %d bytes", len(dictV1))
	}
}

// TestGoldenLinksStillOpen decodes links made by the first release of
// version 1, plain and locked, so a later release keeps opening them.
func TestGoldenLinksStillOpen(t *testing.T) {
	wantJSON := filepath.Join("testdata", "golden-v1.json")
	links := map[string]string{"golden-v1.link": "", "golden-v1-locked.link": "golden passphrase"}
	if *update {
		o := example(t)
		os.WriteFile(wantJSON, []byte(want(t, o)+"\n"), 0o644)
		for name, pass := range links {
			os.WriteFile(filepath.Join("testdata", name), []byte(Link("https://counterpart.example", encodeV1Fast(t, o, pass))+"\n"), 0o644)
		}
	}
	wantData, err := os.ReadFile(wantJSON)
	if err != nil {
		t.Fatal(err)
	}
	// The golden JSON is what the link held; the model may have grown
	// since, so compare what both read as today.
	var golden onboarding.Onboarding
	if err := json.Unmarshal(wantData, &golden); err != nil {
		t.Fatal(err)
	}
	golden.Normalize()
	wantData = []byte(jsonOf(t, &golden))
	for name, pass := range links {
		link, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(string(link), pass)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if jsonOf(t, got) != strings.TrimSpace(string(wantData)) {
			t.Errorf("%s opens to something else than it did", name)
		}
	}
}
