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
	"time"

	"counterpart/app/onboarding"
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

// A week of 1:1 changes after one exchange, and complete links, after 0,
// 1 and 3 years of weekly 1:1s, against lz-string of the whole shareable
// JSON: what an app that sends everything each time would send.
func TestLinksOfChangesAgainstLZString(t *testing.T) {
	s := reportSection("Links that stay small", "After the first exchange a link carries only the changes the other person lacks. A week of 1:1 changes is one new 1:1 (five agenda items, notes, decisions), two new commitments, two earlier commitments marked kept and two earlier items marked done. The baseline is lz-string's compressToEncodedURIComponent of the whole shareable JSON, which is what sending everything each time costs.")
	for _, years := range []int{0, 1, 3} {
		o := yearsOfOneOnes(t, years)
		complete, week := weekAfterExchange(t, o)
		data, err := json.Marshal(share.Shareable(o))
		if err != nil {
			t.Fatal(err)
		}
		lz, lzErr := lzStringLength(string(data))
		for _, f := range []struct {
			name, meaning string
			n             int
		}{
			{fmt.Sprintf("complete link, %d years", years), fmt.Sprintf("the whole onboarding (%s bytes of JSON) as one link.", thousands(int64(len(data)))), complete},
			{fmt.Sprintf("a week of changes, %d years", years), "the link a person sends each week after the first exchange; the goal is at most 2,000 characters after a year.", week},
		} {
			if lzErr != nil {
				s.add(figure{Name: f.name, Skipped: fmt.Sprintf("%d characters; the lz-string baseline could not run: %v", f.n, lzErr)})
				continue
			}
			s.add(figure{Name: f.name, Value: float64(f.n), Base: float64(lz), BaseName: "lz-string, everything", Unit: "characters", Meaning: f.meaning})
		}
	}
}

// weekAfterExchange has the two people exchange complete links, then the
// buddy make a week of 1:1 changes; it returns the length of the buddy's
// complete link and of the link of changes.
func weekAfterExchange(t *testing.T, dana *onboarding.Onboarding) (complete, week int) {
	t.Helper()
	// After every edit of the fixture, as a device's clock would be. Each
	// person writes on a device of their own: a stamp carries its device,
	// and a link of changes is built on what the other's devices confirmed.
	now := time.Date(2030, 1, 7, 9, 0, 0, 0, time.UTC)
	const danaDevice, priyaDevice = 11, 22
	onboarding.WrittenOn(dana, danaDevice)
	deviceOf := func(o *onboarding.Onboarding) onboarding.Device {
		if o == dana {
			return danaDevice
		}
		return priyaDevice
	}
	send := func(o *onboarding.Onboarding, full bool) string {
		frag, _, err := share.EncodeLink(o, onboarding.StartLink(o, onboarding.StampOn(now, deviceOf(o)), full), "")
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Minute)
		return frag
	}
	take := func(local *onboarding.Onboarding, frag string) *onboarding.Onboarding {
		p, err := share.Open(frag, "")
		if err != nil {
			t.Fatal(err)
		}
		me := ""
		if local == nil {
			me = p.Onboarding.Other(p.Header.From).ID
		}
		m, _, err := share.Take(local, p, me)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	first := send(dana, true)
	priya := take(nil, first)
	dana = take(dana, send(priya, false))

	// The week's changes are made on Dana's device.
	now = onboarding.StampOn(now, danaDevice)
	onboarding.Apply(dana, now, func(o *onboarding.Onboarding) {
		last := o.LatestMeeting()
		date := "2026-11-30"
		if last != nil {
			for i := 0; i < 2 && i < len(last.Items); i++ {
				onboarding.Edit(last.Items, last.Items[i].ID, now, func(it *onboarding.MeetingItem) { it.Done = true })
			}
			d, _ := time.Parse("2006-01-02", last.Date)
			date = d.AddDate(0, 0, 7).Format("2006-01-02")
		}
		for i := len(o.Commitments) - 2; i >= 0 && i < len(o.Commitments); i++ {
			onboarding.Edit(o.Commitments, o.Commitments[i].ID, now, func(c *onboarding.Commitment) { c.Status = onboarding.Kept })
		}
		m, err := onboarding.StartMeeting(o, date, o.Buddy.ID, now)
		if err != nil {
			t.Fatal(err)
		}
		for len(m.Items) < 5 {
			onboarding.Add(&m.Items, o.Newcomer.ID, now).Text = fmt.Sprintf("A new topic, number %d: %s", len(m.Items), strings.Repeat("what the numbers say, ", 2))
		}
		m.Notes = "We went through the pipeline review and the hiring plan. Cloud spend is 4% over plan; the **reforecast** lands next week.\n- churn in the mid-market segment\n- the audit timetable\n- board pack owners"
		m.Decisions = "- Keep the hiring freeze on for engineering until the end of the quarter\n- Amara owns the pricing memo\n- Move the QBR to Thursdays"
		for c := 0; c < 2; c++ {
			onboarding.AddCommitment(o, o.Newcomer.ID, fmt.Sprintf("Send the follow-up on item %d, with the numbers behind it", c+1), date, m.ID, o.Buddy.ID, now)
		}
	})
	now = now.Add(time.Hour)
	changes := send(dana, false)
	if p, err := share.Open(changes, ""); err != nil || !p.Header.Partial() {
		t.Fatalf("the week's link is not a link of changes: %v", err)
	}
	if take(priya, changes) == nil {
		t.Fatal("the week's link did not merge")
	}
	return len(send(dana, true)), len(changes)
}
