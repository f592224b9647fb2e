package share

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
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
// each version, plain and locked, so a later release keeps opening them:
// version 1 of the example; versions 2 and 3 of a fixture that sets every
// field. With -update it writes the files of the version this build
// writes, which is only right when that version is new.
func TestGoldenLinksStillOpen(t *testing.T) {
	for _, v := range []struct {
		version int
		make    func(*onboarding.Onboarding, string) string
		of      func(testing.TB) *onboarding.Onboarding
	}{
		{1, func(o *onboarding.Onboarding, pass string) string { return encodeV1Fast(t, o, pass) }, example},
		{2, nil, full},
		{3, nil, full},
		{Version, func(o *onboarding.Onboarding, pass string) string { return encodeFast(t, o, pass) }, full},
	} {
		name := "golden-v" + strconv.Itoa(v.version)
		wantJSON := filepath.Join("testdata", name+".json")
		links := map[string]string{name + ".link": "", name + "-locked.link": "golden passphrase"}
		if *update && v.version == Version {
			o := v.of(t)
			os.WriteFile(wantJSON, []byte(want(t, o)+"\n"), 0o644)
			for file, pass := range links {
				os.WriteFile(filepath.Join("testdata", file), []byte(Link("https://counterpart.example", v.make(o, pass))+"\n"), 0o644)
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
		for file, pass := range links {
			link, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(link), "#"+strconv.Itoa(v.version)) {
				t.Fatalf("%s is not a version %d link", file, v.version)
			}
			got, err := Decode(string(link), pass)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if jsonOf(t, got) != strings.TrimSpace(string(wantData)) {
				t.Errorf("%s opens to something else than it did", file)
			}
		}
	}
}
