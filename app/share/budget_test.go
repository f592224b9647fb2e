package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"counterpart/app/onboarding"
)

var rewriteBombs = flag.Bool("rewrite-bombs", false, "rewrite the bomb fixtures in testdata/")

// The two decode bombs of issue 18, as links: testdata/bomb-flat.link
// inflates to 4 MiB of JSON holding 1.39 million empty meetings, and
// testdata/bomb-nested.link to 1,380 meetings of 1,000 empty items each.
// Before the budget, the first took 6.6 s and 983 MB to decode natively,
// the second 1.6 s and 549 MB. The JSON is rebuilt here and compared with
// what the fixtures inflate to, so the files stay what they claim to be
// (the compressed bytes may differ between Go releases; the JSON may not).
const (
	bombID       = "00000000-0000-4000-8000-00000000b0b0"
	bombBuddy    = "00000000-0000-4000-8000-00000000b0b1"
	bombNewcomer = "00000000-0000-4000-8000-00000000b0b2"
)

func bombHead() string {
	return `{"id":"` + bombID + `","title":"Bomb","buddy":{"id":"` + bombBuddy + `","name":"Ann"},"newcomer":{"id":"` + bombNewcomer + `","name":"Bob"},`
}

func flatBombJSON() string {
	return bombHead() + `"meetings":[` + strings.Repeat(`{},`, 1_390_000) + `{}]}`
}

func nestedBombJSON(meetings, items int) string {
	var b strings.Builder
	b.WriteString(bombHead() + `"meetings":[`)
	for i := 0; i < meetings; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"items":[` + strings.Repeat(`{},`, items-1) + `{}]}`)
	}
	b.WriteString(`]}`)
	return b.String()
}

// plainLink compresses JSON into a plain version 1 link, as the first
// release's Encode did: the format of the issue's bombs.
func plainLink(t testing.TB, data string) string {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriterDict(&buf, flate.BestCompression, []byte(dictV1))
	w.Write([]byte(data))
	w.Close()
	return tokenPlainV1 + "." + base64.RawURLEncoding.EncodeToString(withChecksum(tokenPlainV1, buf.Bytes()))
}

var bombs = []struct {
	file string
	json func() string
}{
	{"bomb-flat.link", flatBombJSON},
	{"bomb-nested.link", func() string { return nestedBombJSON(1380, 1000) }},
}

// bombLink reads a fixture, rewriting it first under -update.
func bombLink(t testing.TB, file string) string {
	t.Helper()
	path := filepath.Join("testdata", file)
	if *rewriteBombs {
		for _, b := range bombs {
			if b.file == file {
				if err := os.WriteFile(path, []byte(plainLink(t, b.json())+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(raw))
}

func TestBombFixturesAreTheIssuesBombs(t *testing.T) {
	for _, b := range bombs {
		link := bombLink(t, b.file)
		p, err := parse(link)
		if err != nil {
			t.Fatalf("%s: %v", b.file, err)
		}
		data, err := io.ReadAll(flate.NewReaderDict(bytes.NewReader(p.body), []byte(dictV1)))
		if err != nil {
			t.Fatalf("%s: %v", b.file, err)
		}
		if string(data) != b.json() {
			t.Errorf("%s does not inflate to its JSON; rewrite it with go test -run Bomb -rewrite-bombs", b.file)
		}
		if len(link) > 9000 || len(data) < 3<<20 {
			t.Errorf("%s: %d characters inflating to %d bytes; a bomb is a short link that inflates to megabytes", b.file, len(link), len(data))
		}
	}
}

// Each bomb is refused as a damaged link, having built nothing: it is
// checked as it inflates, so it stops at the first list longer than the
// cap, having allocated next to nothing (983 MB and 657 MB before). Time
// is measured by make bench, not here.
func TestDecodeBombsAreRefusedBeforeTheModelIsBuilt(t *testing.T) {
	for _, b := range bombs {
		link := bombLink(t, b.file)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Decode(link, "")
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: Decode = %v, want ErrDamaged", b.file, err)
		}
		if kb := (after.TotalAlloc - before.TotalAlloc) >> 10; kb > 1024 {
			t.Errorf("%s: decoding allocated %d KB before refusing", b.file, kb)
		}
		file, _ := FileOf(link)
		if _, err := DecodeFile(file, ""); !errors.Is(err, ErrFileDamaged) {
			t.Errorf("%s as a file: DecodeFile = %v, want ErrFileDamaged", b.file, err)
		}
	}
}

// A bomb within every list's cap still holds far more than an onboarding
// can: the most meetings of the most items each is 200,000 entries in a
// link of about two thousand characters.
func TestABombWithinTheListCapsIsRefusedByTheTotal(t *testing.T) {
	data := nestedBombJSON(onboarding.MaxMeetings, onboarding.MaxItems)
	if _, err := Decode(plainLink(t, data), ""); !errors.Is(err, ErrDamaged) {
		t.Errorf("Decode = %v, want ErrDamaged", err)
	}
	// A backup holding it skips it and says so.
	backup := `{"format":"counterpart-backup","version":1,"schema":1,"onboardings":[` + data + `]}`
	if _, _, err := ReadBackup([]byte(backup)); !errors.Is(err, ErrBackupDamaged) {
		t.Errorf("ReadBackup = %v, want ErrBackupDamaged", err)
	}
}

func TestBudgetRefusesEachKindOfExcess(t *testing.T) {
	deep := bombHead() + `"meetings":[{"items":[{"text":[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]}]}]}`
	manyKeys := bombHead() + `"title":"` + strings.Repeat(`x","title":"`, maxMembers) + `x"}`
	longText := bombHead() + `"title":"` + strings.Repeat("x", maxString+1) + `"}`
	for name, data := range map[string]string{
		"nested deeper than the model":     deep,
		"a list longer than the cap":       bombHead() + `"problems":[` + strings.Repeat(`{},`, maxList) + `{}]}`,
		"an object with too many keys":     manyKeys,
		"a string longer than any text":    longText,
		"a closing bracket with none open": `]`,
	} {
		if err := checkJSON([]byte(data)); !errors.Is(err, errOverBudget) {
			t.Errorf("%s: checkJSON = %v, want errOverBudget", name, err)
		}
	}
}

// The limits are read off the model, so they must be exactly what a full
// onboarding reaches: the fixture that sets every field nests as deeply
// as modelDepth says, and passes.
func TestBudgetFitsTheModel(t *testing.T) {
	data := []byte(jsonOf(t, full(t)))
	if d := observedDepth(t, data); d != modelDepth {
		t.Errorf("the full onboarding nests %d deep; the budget allows %d", d, modelDepth)
	}
	if err := checkJSON(data); err != nil {
		t.Error(err)
	}
	if maxList != max(onboarding.MaxEntries, onboarding.MaxMeetings, onboarding.MaxItems, onboarding.MaxCommitments) || maxEntries < 2*maxList {
		t.Errorf("maxList %d, maxEntries %d", maxList, maxEntries)
	}
}

// observedDepth reads JSON with encoding/json's tokenizer, as a reference.
func observedDepth(t *testing.T, data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	depth, deepest := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return deepest
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
			deepest = max(deepest, depth)
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
}

// The scanner counts exactly what encoding/json's tokenizer sees: list
// entries, and keys of objects. Strings with escaped quotes and brackets
// inside must not confuse it.
func TestBudgetCountsLikeTheJSONDecoder(t *testing.T) {
	tricky := `{"a\"[{":["]\\",{"k":"v","k2":[1,true,null,{"x":"}"}]},-1.5e3],"b":{}}`
	for name, data := range map[string]string{"full onboarding": jsonOf(t, full(t)), "tricky strings": tricky} {
		b, err := scanJSON([]byte(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		entries, values := referenceCounts(t, []byte(data))
		if b.entries != entries || b.values != values {
			t.Errorf("%s: counted %d entries and %d values, the JSON decoder sees %d and %d", name, b.entries, b.values, entries, values)
		}
	}
}

func referenceCounts(t *testing.T, data []byte) (entries, values int) {
	var count func(v any)
	count = func(v any) {
		switch v := v.(type) {
		case []any:
			entries += len(v)
			values += len(v)
			for _, e := range v {
				count(e)
			}
		case map[string]any:
			values += len(v)
			for _, e := range v {
				count(e)
			}
		}
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	count(v)
	return entries, values
}

// Years of weekly 1:1s, as a pair keeps them, fit the budget with room to
// spare; and a link the app makes, the app opens: Encode refuses what
// Decode would.
func TestBudgetHoldsYearsOfOneOnOnes(t *testing.T) {
	for _, years := range []int{1, 3} {
		o := weeklyFor(t, years)
		frag, err := encode(o, "", minIterations)
		if err != nil {
			t.Fatalf("%d years: %v", years, err)
		}
		if _, err := Decode(frag, ""); err != nil {
			t.Errorf("%d years: %v", years, err)
		}
	}
	o := weeklyFor(t, 3)
	for i := range o.Meetings {
		for len(o.Meetings[i].Items) < onboarding.MaxItems {
			onboarding.Add(&o.Meetings[i].Items, o.Buddy.ID, t0)
		}
	}
	if _, err := Encode(o, ""); !errors.Is(err, ErrTooMuchToShare) {
		t.Errorf("Encode of %d meetings of %d items = %v, want ErrTooMuchToShare", len(o.Meetings), maxList, err)
	}
}

// weeklyFor is the example after some years of weekly 1:1s, each with
// five agenda items and two commitments, as far as the list caps allow.
func weeklyFor(t testing.TB, years int) *onboarding.Onboarding {
	o := example(t)
	o.Meetings, o.Commitments = nil, nil
	b, n := o.Buddy.ID, o.Newcomer.ID
	for w := 0; w < 52*years && len(o.Meetings) < onboarding.MaxMeetings; w++ {
		day := t0.AddDate(0, 0, 7*w)
		m := onboarding.Add(&o.Meetings, b, day)
		m.Date, m.Notes = day.Format("2006-01-02"), fmt.Sprintf("Week %d: the close, hiring, the board pack.", w+1)
		for i := 0; i < 5; i++ {
			it := onboarding.Add(&m.Items, []string{b, n}[i%2], day)
			it.Text, it.Raised = fmt.Sprintf("Topic %d of week %d", i+1, w+1), m.Date
		}
		for c := 0; c < 2; c++ {
			if k := onboarding.Add(&o.Commitments, n, day); k != nil {
				k.Who, k.What, k.Status = []string{b, n}[c], "Send the numbers", onboarding.Open
			}
		}
	}
	o.Normalize()
	return o
}

// v2Link wraps an onboarding's JSON in a version 2 link, compacted as
// Encode does, so the bombs can come in the newer format too.
func v2Link(t testing.TB, onboardingJSON string) string {
	t.Helper()
	env := `{"from":"` + bombBuddy + `","made":"2026-11-02T09:00:00Z","onboarding":` + onboardingJSON + `}`
	data, err := compactJSON([]byte(env))
	if err != nil {
		t.Fatal(err)
	}
	frag, err := seal2(data, "", 0, tokenPlain, tokenLocked, dictV2)
	if err != nil {
		t.Fatal(err)
	}
	return frag
}

// The same bombs in the compact format of version 2 stop while they are
// expanded, before any JSON of them is decoded: the expander counts
// against the same budget.
func TestCompactBombsAreRefusedWhileExpanding(t *testing.T) {
	for name, data := range map[string]string{
		"flat":                 flatBombJSON(),
		"nested":               nestedBombJSON(1380, 1000),
		"within the list caps": nestedBombJSON(onboarding.MaxMeetings, onboarding.MaxItems),
	} {
		link := v2Link(t, data)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Decode(link, "")
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: Decode = %v, want ErrDamaged", name, err)
		}
		// Inflating the compact body is all it costs: a few megabytes,
		// not the gigabyte of building the entries.
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 16 {
			t.Errorf("%s: decoding allocated %d MB before refusing", name, mb)
		}
	}
	// It is the budget that stops them, not a later check.
	p, err := parse(v2Link(t, nestedBombJSON(onboarding.MaxMeetings, onboarding.MaxItems)))
	if err != nil {
		t.Fatal(err)
	}
	body, err := inflate(p.body, dictV2, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := expandJSON(body, maxInflated); !errors.Is(err, errOverBudget) {
		t.Errorf("expandJSON = %v, want errOverBudget", err)
	}
}
