//go:build browser

package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"counterpart/app/share"
)

// lzStringVersion is the lz-string release the baseline uses, pinned so the
// figure means the same from run to run.
const lzStringVersion = "1.5.0"

// lzStringLength is the length of lz-string's compressToEncodedURIComponent
// of text: what a typical web app puts in a URL fragment. It installs
// lz-string with npm into the user's cache the first time, and runs it
// with node. Without node or npm it says why it cannot.
func lzStringLength(text string) (int, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return 0, fmt.Errorf("node is not installed")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return 0, fmt.Errorf("npm is not installed")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "counterpart-bench", "lz-string-"+lzStringVersion)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "lz-string")); err != nil {
		cmd := exec.Command(npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "--silent", "lz-string@"+lzStringVersion)
		if out, err := cmd.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("npm install lz-string: %v: %s", err, strings.TrimSpace(string(out)))
		}
	}
	cmd := exec.Command(node, "-e", `
		const lz = require(process.argv[1]);
		let s = "";
		process.stdin.setEncoding("utf8");
		process.stdin.on("data", d => s += d);
		process.stdin.on("end", () => console.log(lz.compressToEncodedURIComponent(s).length));`,
		filepath.Join(dir, "node_modules", "lz-string"))
	cmd.Stdin = strings.NewReader(text)
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("node: %v", err)
	}
	return strconv.Atoi(strings.TrimSpace(string(out)))
}

// The share link of the example, plain and locked with a passphrase,
// against lz-string on the same JSON: the shareable part of the example,
// which is exactly what the link carries.
func TestShareLinkLengthAgainstLZString(t *testing.T) {
	o := exampleOnboarding(t)
	o.Example = false
	data, err := json.Marshal(share.Shareable(o))
	if err != nil {
		t.Fatal(err)
	}
	s := reportSection("Share link length", "The example onboarding as a link: the characters of the URL fragment, against lz-string's compressToEncodedURIComponent of the same JSON, which is what web apps commonly use for this.")
	lz, lzErr := lzStringLength(string(data))
	plain, err := share.Encode(o, "")
	if err != nil {
		t.Fatal(err)
	}
	locked, err := share.Encode(o, "four words said aloud")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name, meaning string
		n             int
	}{
		{"share link, plain", fmt.Sprintf("how long the link a person pastes into chat or email is, for %s bytes of JSON; shorter than lz-string means the codec earns its keep.", thousands(int64(len(data)))), len(plain)},
		{"share link, with a passphrase", "the same link locked with a passphrase: encryption adds a salt, a nonce and a tag, and nothing else.", len(locked)},
	} {
		if lzErr != nil {
			s.add(figure{Name: f.name, Skipped: fmt.Sprintf("%d characters; the lz-string baseline could not run: %v", f.n, lzErr)})
			continue
		}
		s.add(figure{Name: f.name, Value: float64(f.n), Base: float64(lz), BaseName: "lz-string", Unit: "characters", Meaning: f.meaning})
	}
}
