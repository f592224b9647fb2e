package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"counterpart/app/contextmix"
	"counterpart/app/onboarding"
)

// encodeFast locks with the fewest iterations a link may have, to keep the
// tests quick; the format is the same.
func encodeFast(t testing.TB, o *onboarding.Onboarding, passphrase string) string {
	t.Helper()
	frag, err := encode(o, passphrase, minIterations)
	if err != nil {
		t.Fatal(err)
	}
	return frag
}

// encodeV1Fast writes a version 1 link, as the first release did.
func encodeV1Fast(t testing.TB, o *onboarding.Onboarding, passphrase string) string {
	t.Helper()
	frag, err := encodeV1(o, passphrase, minIterations)
	if err != nil {
		t.Fatal(err)
	}
	return frag
}

// want is what a receiver should get: the shareable copy, as normalized.
func want(t testing.TB, o *onboarding.Onboarding) string {
	s := Shareable(o)
	s.Normalize()
	return jsonOf(t, s)
}

func TestLinkRoundTripsEveryPartOfTheModel(t *testing.T) {
	o := full(t)
	frag, err := Encode(o, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, "4.") {
		t.Errorf("a plain link starts with %q", frag[:3])
	}
	got, err := Decode(Link("https://example.org/counterpart/", frag), "")
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, got) != want(t, o) {
		t.Errorf("round trip changed the onboarding:\n got %s\nwant %s", jsonOf(t, got), want(t, o))
	}
	if got.Me != o.Me || got.Writer != "" || got.Example {
		t.Errorf("sender %q, writer %q, example %v", got.Me, got.Writer, got.Example)
	}
	// full adds one shared meeting, commitment and tombstone to the
	// example's own, and private ones that must stay behind.
	ex := example(t)
	if len(got.Meetings) != len(ex.Meetings)+1 || len(got.Commitments) != len(ex.Commitments)+1 || len(got.Deleted) != len(ex.Deleted)+1 {
		t.Errorf("meetings, commitments or tombstones lost: got %d %d %d, want %d %d %d",
			len(got.Meetings), len(got.Commitments), len(got.Deleted), len(ex.Meetings)+1, len(ex.Commitments)+1, len(ex.Deleted)+1)
	}
}

func TestLockedLinkRoundTrips(t *testing.T) {
	o := full(t)
	frag := encodeFast(t, o, "correct horse")
	if !strings.HasPrefix(frag, "4e.") {
		t.Errorf("a locked link starts with %q", frag[:3])
	}
	info, err := Inspect(frag)
	if err != nil || !info.Locked {
		t.Fatalf("Inspect = %+v, %v; want locked", info, err)
	}
	if _, err := Decode(frag, ""); !errors.Is(err, ErrNeedsPassphrase) {
		t.Errorf("no passphrase: %v", err)
	}
	if _, err := Decode(frag, "correct horsE"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	got, err := Decode(frag, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, got) != want(t, o) {
		t.Error("locked round trip changed the onboarding")
	}
	// The text must not be readable in a locked link.
	plain := encodeFast(t, o, "")
	if len(frag) <= len(plain) || strings.Contains(frag, plain[10:40]) {
		t.Error("the locked link looks like the plain one")
	}
}

func TestDefaultIterationsAreInTheLink(t *testing.T) {
	frag, err := Encode(example(t), "four plain words here")
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse(frag)
	if err != nil {
		t.Fatal(err)
	}
	// kdf byte, then the count as a uvarint
	n, _ := binary.Uvarint(p.body[1:])
	if n != DefaultIterations {
		t.Errorf("link asks for %d iterations, want %d", n, DefaultIterations)
	}
}

func TestPrivateItemsNeverInTheLink(t *testing.T) {
	o := full(t)
	if !strings.Contains(jsonOf(t, o), secret) {
		t.Fatal("the fixture holds no private text")
	}
	frag := encodeFast(t, o, "")
	p, err := parse(frag)
	if err != nil {
		t.Fatal(err)
	}
	data, err := envelopeJSON(p.token, p.body)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{secret, `"private":true`, `"writer"`, `"example"`, `"sync"`, `"me"`, "DEVICE-ONLY"} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("the link carries %s", bad)
		}
	}
	got, _ := Decode(frag, "")
	if len(got.TeamRead) != 1 || got.TeamRead[0].ID != o.TeamRead[0].ID {
		t.Errorf("team read in the link: %d entries, want only the one made shareable", len(got.TeamRead))
	}
	// Nothing of the original was changed by making the copy.
	if !strings.Contains(jsonOf(t, o), secret) || o.Writer == "" {
		t.Error("Shareable changed the onboarding it copied")
	}
}

func TestDamagedLinksGiveTheirOwnError(t *testing.T) {
	o := example(t)
	plain := encodeFast(t, o, "")
	locked := encodeFast(t, o, "pass")
	_, payload, _ := strings.Cut(plain, ".")
	cases := []struct {
		name, link, pass string
		want             error
	}{
		{"empty", "", "", ErrNotLink},
		{"some other site", "https://example.org/page#section", "", ErrNotLink},
		{"no dot", "https://h/open#1", "", ErrDamaged},
		{"cut off", plain[:len(plain)/2], "", ErrDamaged},
		{"cut off by one", plain[:len(plain)-1], "", ErrDamaged},
		{"one character changed", plain[:40] + flip(plain[40]) + plain[41:], "", ErrDamaged},
		{"last character changed", plain[:len(plain)-1] + flip(plain[len(plain)-1]), "", ErrDamaged},
		{"not base64", "4." + payload[:20] + "*" + payload[21:], "", ErrDamaged},
		{"future version", "5." + payload, "", ErrFutureVersion},
		{"future flag", "4z." + payload, "", ErrFutureVersion},
		{"a version 1 token on a version 4 body", "1." + payload, "", ErrDamaged},
		{"a version 2 token on a version 4 body", "2." + payload, "", ErrDamaged},
		{"a version 3 token on a version 4 body", "3." + payload, "", ErrDamaged},
		{"version zero", "0." + payload, "", ErrNotLink},
		{"plain token on locked body", "4" + locked[2:], "", ErrDamaged},
		{"locked, cut off", locked[:len(locked)-5], "pass", ErrDamaged},
		{"locked, no passphrase", locked, "", ErrNeedsPassphrase},
		{"locked, wrong passphrase", locked, "Pass", ErrWrongPassphrase},
		{"far too long", "4." + strings.Repeat("A", maxInput), "", ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Decode(c.link, c.pass)
			if !errors.Is(err, c.want) || got != nil {
				t.Errorf("Decode = %v, %v; want %v", got != nil, err, c.want)
			}
		})
	}
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

func TestEveryCutAndEveryEditIsRefused(t *testing.T) {
	frag := encodeFast(t, example(t), "")
	for i := 0; i < len(frag); i++ {
		if _, err := Decode(frag[:i], ""); err == nil {
			t.Fatalf("cut at %d decoded", i)
		}
	}
	for i := 2; i < len(frag); i++ {
		if _, err := Decode(frag[:i]+flip(frag[i])+frag[i+1:], ""); err == nil && flip(frag[i]) != frag[i:i+1] {
			t.Fatalf("edit at %d decoded", i)
		}
	}
}

func TestLinksDamagedOnTheWayStillOpen(t *testing.T) {
	o := example(t)
	frag := encodeFast(t, o, "")
	url := Link("https://example.org", frag)
	wrapped := strings.Builder{}
	for i := 0; i < len(url); i += 76 {
		wrapped.WriteString(url[i:min(i+76, len(url))] + "\r\n  ")
	}
	for name, link := range map[string]string{
		"%23 for #":            strings.Replace(url, "#", "%23", 1),
		"%23 in lower case":    strings.Replace(strings.Replace(url, "#", "%23", 1), "%23", "%23", 1),
		"wrapped by mail":      wrapped.String(),
		"in angle brackets":    "<" + url + ">",
		"fragment only":        frag,
		"with the #":           "#" + frag,
		"scanner's redirect":   "https://scanner.example/?url=https%3A%2F%2Fexample.org%2Fopen%23" + frag + "&data=05%7C01",
		"quoted in a sentence": "Here it is: \"" + url + "\". Thanks!",
	} {
		t.Run(name, func(t *testing.T) {
			got, err := Decode(link, "")
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != o.ID {
				t.Error("opened another onboarding")
			}
		})
	}
}

func TestZipBombIsRefused(t *testing.T) {
	for _, token := range []string{tokenPlainV2, tokenPlainV1} {
		frag := bomb(t, token, maxInflated+1)
		if len(frag) > MaxLength {
			t.Fatalf("the bomb is %d characters; it should fit in a link", len(frag))
		}
		if _, err := Decode(frag, ""); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: Decode = %v, want ErrTooLarge", token, err)
		}
		// Just under the limit it is not refused for its size.
		if _, err := Decode(bomb(t, token, maxInflated), ""); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: Decode = %v, want ErrDamaged (not JSON)", token, err)
		}
	}
}

// A version 3 link that claims more than maxStreams is refused before it
// is decoded; one just within it is decoded, and is not an onboarding.
func TestLongVersion3BodiesAreRefused(t *testing.T) {
	for n, want := range map[int]error{maxStreams + 1: ErrTooLarge, maxStreams: ErrDamaged} {
		body := contextmix.Compress(streamKinds, [][]byte{nil, nil, bytes.Repeat([]byte(" "), n)})
		frag, err := sealFragment(body, "", 0, tokenPlain, tokenLocked)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(frag, ""); !errors.Is(err, want) {
			t.Errorf("%d bytes: Decode = %v, want %v", n, err, want)
		}
	}
}

// bomb makes a link whose payload inflates to n spaces.
func bomb(t testing.TB, token string, n int) string {
	t.Helper()
	var buf bytes.Buffer
	dict := dictV2
	if token == tokenPlainV1 {
		dict = dictV1
	}
	w, _ := flate.NewWriterDict(&buf, flate.BestCompression, []byte(dict))
	w.Write(bytes.Repeat([]byte(" "), n))
	w.Close()
	return token + "." + base64.RawURLEncoding.EncodeToString(withChecksum(token, buf.Bytes()))
}

func TestInspectTellsAPlainLinkFromALockedOne(t *testing.T) {
	info, err := Inspect("https://h/open#" + encodeFast(t, example(t), ""))
	if err != nil || info.Locked {
		t.Errorf("Inspect = %+v, %v; want a plain link", info, err)
	}
}

func TestWithheldCountsWhatStaysHere(t *testing.T) {
	o := full(t)
	// full adds 13 private entries to those the example already keeps
	// private (its team read).
	ex := example(t)
	if n := Withheld(ex); n != len(ex.TeamRead) {
		t.Errorf("the example withholds %d entries, want its %d team read entries", n, len(ex.TeamRead))
	}
	if got, want := Withheld(o), 13+len(ex.TeamRead); got != want {
		t.Errorf("Withheld = %d, want %d", got, want)
	}
	if got := Withheld(Shareable(o)); got != 0 {
		t.Errorf("a shareable copy withholds %d", got)
	}
}

// A link cannot spoof who sent it: direction controls and invisible
// characters in the names and the title are gone once it is opened.
func TestALinkCannotSpoofItsSender(t *testing.T) {
	o := example(t)
	me := o.PersonByID(o.Me)
	me.Name = "Ann Bob\u202E\u2066 (CFO)\u200B"
	me.Role = "\u2067CEO"
	o.Title = "Onboarding\u2028of\u200F someone"
	got, err := Decode(plainLink(t, jsonOf(t, Shareable(o))), "")
	if err != nil {
		t.Fatal(err)
	}
	sender := got.PersonByID(got.Me)
	if sender.Name != "Ann Bob (CFO)" || sender.Role != "CEO" || got.Title != "Onboarding of someone" {
		t.Errorf("the preview would show %q (%q) in %q", sender.Name, sender.Role, got.Title)
	}
}

// An onboarding whose compacted body is past maxStreams goes as a DEFLATE
// link, which opens to the same; one within it, in three streams.
func TestLargeOnboardingsGoAsDeflate(t *testing.T) {
	for years, token := range map[int]string{1: tokenPlain, 4: tokenPlainLarge} {
		o := weeklyFor(t, years)
		frag := encodeFast(t, o, "")
		if got, _, _ := strings.Cut(frag, "."); got != token {
			t.Errorf("%d years: a link of version %s, want %s", years, got, token)
		}
		got, err := Decode(frag, "")
		if err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, got) != want(t, o) {
			t.Errorf("%d years: the link opens to something else", years)
		}
	}
}
