package share

import (
	"counterpart/app/onboarding"

	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// The fuzz targets feed the decoders of outside input anything at all:
// each must return an onboarding or one of its errors, never panic, never
// hang, and what it returns must be safe to save.

var linkErrors = []error{ErrNotLink, ErrDamaged, ErrNeedsPassphrase, ErrWrongPassphrase, ErrFutureVersion, ErrTooLarge}

func knownError(err error, known ...error) bool {
	for _, e := range known {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func seedFile(f *testing.F, name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return b
}

func FuzzDecodeLink(f *testing.F) {
	small := example(f)
	small.DataSources, small.Problems, small.People, small.Processes, small.Surprises = nil, nil, nil, nil, nil
	plain := encodeFast(f, small, "")
	f.Add(plain, "")
	f.Add(encodeFast(f, small, "pw"), "pw")
	f.Add(encodeFast(f, small, "pw"), "")
	f.Add(Link("https://h", plain), "")
	f.Add("https://h/open%23"+plain, "")
	f.Add(plain[:len(plain)/2], "")
	f.Add("2."+plain[2:], "")
	f.Add(bomb(f, "1", 1<<16), "")
	f.Add(bomb(f, "2", 1<<16), "")
	f.Add(encodeV1Fast(f, small, ""), "")
	// The decode bombs of issue 18, and one within every list's cap.
	for _, b := range bombs {
		f.Add(bombLink(f, b.file), "")
	}
	f.Add(plainLink(f, nestedBombJSON(onboarding.MaxMeetings, onboarding.MaxItems)), "")
	f.Add("", "")
	f.Add("1.", "")
	f.Add("1e.AQ", "x")
	f.Add("2.", "")
	f.Add("2e.AQ", "x")
	f.Fuzz(func(t *testing.T, link, pass string) {
		got, err := Decode(link, pass)
		if err != nil {
			if !knownError(err, linkErrors...) || got != nil {
				t.Fatalf("Decode = %v, %v", got != nil, err)
			}
			return
		}
		// What opens must merge without trouble.
		if _, _, err := Merge(got, got); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzDecodeFile(f *testing.F) {
	small := example(f)
	small.DataSources, small.Problems = nil, nil
	good, _ := FileOf(encodeFast(f, small, ""))
	locked, _ := FileOf(encodeFast(f, small, "pw"))
	backup, _ := WriteBackup(nil, t0)
	f.Add(good, "")
	f.Add(locked, "pw")
	f.Add(good[:len(good)/2], "")
	f.Add(backup, "")
	f.Add([]byte(`{"format":"counterpart-onboarding","version":1,"data":"1.AAAA"}`), "")
	f.Add([]byte{}, "")
	for _, b := range bombs {
		bomb, _ := FileOf(bombLink(f, b.file))
		f.Add(bomb, "")
	}
	f.Fuzz(func(t *testing.T, file []byte, pass string) {
		got, err := DecodeFile(file, pass)
		if err != nil {
			if !knownError(err, append(linkErrors, ErrNotFile, ErrFileDamaged, ErrIsBackup)...) || got != nil {
				t.Fatalf("DecodeFile = %v, %v", got != nil, err)
			}
		}
	})
}

func FuzzReadBackup(f *testing.F) {
	o := example(f)
	good, _ := WriteBackup(nil, t0)
	f.Add(good)
	f.Add(seedFile(f, "backup-v1.json"))
	f.Add([]byte(`{"schema":1,"onboarding":{"id":"00000000-0000-4000-8000-00000000e3a1"}}`))
	f.Add([]byte(jsonOf(f, o)))
	f.Add([]byte(`{"format":"counterpart-backup","version":1,"onboardings":[{},null,1,"x"]}`))
	f.Add([]byte(`{"format":"counterpart-backup","version":1,"schema":1,"onboardings":[` + nestedBombJSON(onboarding.MaxMeetings, onboarding.MaxItems) + `]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		list, _, err := ReadBackup(raw)
		if err != nil {
			if !knownError(err, ErrNotBackup, ErrBackupDamaged, ErrFutureVersion, ErrIsExport, ErrTooLarge) || list != nil {
				t.Fatalf("ReadBackup = %d, %v", len(list), err)
			}
			return
		}
		for _, o := range list {
			if _, _, err := Merge(o, o); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// The budget's scanner agrees with encoding/json on any valid JSON: it
// counts the entries and values the decoder would build, and a budget
// error means the decoder would have built more than the budget allows.
func FuzzBudgetCounts(f *testing.F) {
	f.Add([]byte(jsonOf(f, example(f))))
	f.Add([]byte(`{"a\"[{":["]\\",{"k":"v","k2":[1,true,null,{"x":"}"}]},-1.5e3],"b":{}}`))
	f.Add([]byte(`[[[[[[[[]]]]]]]]`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := scanJSON(data)
		if !json.Valid(data) {
			return
		}
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		entries, values, depth := 0, 0, 0
		var count func(v any, d int)
		count = func(v any, d int) {
			switch v := v.(type) {
			case []any:
				entries += len(v)
				values += len(v)
				depth = max(depth, d+1)
				for _, e := range v {
					count(e, d+1)
				}
			case map[string]any:
				depth = max(depth, d+1)
				for _, e := range v {
					count(e, d+1)
				}
			}
		}
		count(v, 0)
		if err != nil {
			if entries <= maxList && depth <= modelDepth && len(data) < maxString && values <= maxList {
				t.Fatalf("refused %q: %d entries, %d values, %d deep", data, entries, values, depth)
			}
			return
		}
		// Keys repeated in an object count once in a map, each time for
		// the scanner: it may count more values, never fewer entries.
		if b.entries != entries || b.values < values {
			t.Fatalf("%q: counted %d entries and %d values; the decoder sees %d and %d", data, b.entries, b.values, entries, values)
		}
	})
}
