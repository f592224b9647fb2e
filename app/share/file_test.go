package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestFileRoundTripsPlainAndLocked(t *testing.T) {
	o := full(t)
	for _, pass := range []string{"", "a passphrase"} {
		frag := encodeFast(t, o, pass)
		file, err := FileOf(frag)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(file, []byte(`"format": "counterpart-onboarding"`)) {
			t.Errorf("the file does not say what it is:\n%s", file)
		}
		info, err := InspectFile(file)
		if err != nil || info.Locked != (pass != "") {
			t.Errorf("InspectFile = %+v, %v", info, err)
		}
		got, err := DecodeFile(file, pass)
		if err != nil {
			t.Fatal(err)
		}
		if jsonOf(t, got) != want(t, o) {
			t.Error("file round trip changed the onboarding")
		}
		if bytes.Contains(file, []byte(secret)) {
			t.Error("the file carries a private entry")
		}
	}
}

func TestDamagedFilesGiveTheirOwnError(t *testing.T) {
	o := example(t)
	good, _ := FileOf(encodeFast(t, o, ""))
	locked, _ := FileOf(encodeFast(t, o, "pass"))
	backup, _ := WriteBackup(nil, t0)
	var f map[string]any
	json.Unmarshal(good, &f)
	with := func(key string, v any) []byte {
		c := map[string]any{}
		for k, v := range f {
			c[k] = v
		}
		c[key] = v
		b, _ := json.Marshal(c)
		return b
	}
	data := f["data"].(string)
	cases := []struct {
		name string
		file []byte
		pass string
		want error
	}{
		{"empty", nil, "", ErrNotFile},
		{"a picture", []byte("\x89PNG\r\n"), "", ErrNotFile},
		{"other JSON", []byte(`{"hello":1}`), "", ErrNotFile},
		{"cut off", good[:len(good)/2], "", ErrFileDamaged},
		{"data cut off", with("data", data[:len(data)-10]), "", ErrFileDamaged},
		{"data changed", with("data", strings.Replace(data, "A", "B", 1)), "", ErrFileDamaged},
		{"no data", with("data", ""), "", ErrFileDamaged},
		{"future file version", with("version", Version+1), "", ErrFutureVersion},
		{"future link version", with("data", "5"+data[1:]), "", ErrFutureVersion},
		{"a backup", backup, "", ErrIsBackup},
		{"locked, no passphrase", locked, "", ErrNeedsPassphrase},
		{"locked, wrong passphrase", locked, "nope", ErrWrongPassphrase},
		{"far too large", append([]byte(`{"format":"counterpart-onboarding","data":"`), make([]byte, maxFile)...), "", ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := DecodeFile(c.file, c.pass)
			if !errors.Is(err, c.want) || got != nil {
				t.Errorf("DecodeFile = %v, %v; want %v", got != nil, err, c.want)
			}
		})
	}
}
