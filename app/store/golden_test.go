package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"counterpart/app/onboarding"
)

// goldens are records exactly as the layout before parts (schema 1) wrote
// them, made by that version's own code: an onboarding just started, the
// example, and one with every stage filled, a quarter of 1:1s, a
// tombstone, a second writer, and text with HTML, quotes and scripts in it.
func goldens(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("testdata/v1/*.json")
	if err != nil || len(files) < 3 {
		t.Fatalf("golden records: %v %v", files, err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// legacyOnboarding decodes a schema-1 record the way that version did.
func legacyOnboarding(t *testing.T, raw string) *onboarding.Onboarding {
	t.Helper()
	var rec struct {
		Schema     int
		Onboarding onboarding.Onboarding
	}
	if err := json.Unmarshal([]byte(raw), &rec); err != nil || rec.Schema != 1 {
		t.Fatalf("not a schema-1 record: %v", err)
	}
	rec.Onboarding.Normalize()
	return &rec.Onboarding
}

// Every record the old layout wrote loads as it did, is rewritten in parts
// on that first load, in one write that replaces it, and then reads back
// the same in a new tab, whole or without its log.
func TestGoldenRecordsMigrate(t *testing.T) {
	for name, raw := range goldens(t) {
		for _, withLog := range []bool{true, false} {
			want := legacyOnboarding(t, raw)
			mem := NewMemory()
			mem.Set(KeyOf(want.ID), raw)
			s := New(mem, clock())
			load := s.Load
			if !withLog {
				load = s.LoadWithoutLog
			}
			got, err := load(want.ID)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			whole := jsonOf(t, want)
			if !withLog {
				want.Meetings, want.Commitments = []onboarding.Meeting{}, []onboarding.Commitment{}
			}
			if jsonOf(t, got) != jsonOf(t, want) {
				t.Errorf("%s (with log %v): loads differently from the old layout:\n%.300s\n%.300s", name, withLog, jsonOf(t, got), jsonOf(t, want))
			}
			head, _, _ := mem.Get(KeyOf(want.ID))
			if !strings.HasPrefix(head, `{"schema":3,`) || strings.Contains(head, `"onboarding"`) {
				t.Errorf("%s: not rewritten in parts: %.200s", name, head)
			}
			if back := jsonOf(t, loadFresh(t, mem, want.ID)); back != whole {
				t.Errorf("%s (with log %v): reads back differently after the rewrite", name, withLog)
			}
			// And it keeps working: an edit saves and reads back.
			got.BudgetAdvice.Text = "after the upgrade"
			if _, err := s.Save(got); err != nil {
				t.Fatal(err)
			}
			if back := loadFresh(t, mem, want.ID); back.BudgetAdvice.Text != "after the upgrade" || len(back.Meetings) != len(legacyOnboarding(t, raw).Meetings) {
				t.Errorf("%s: the edit after the upgrade was lost", name)
			}
		}
	}
}

// When the browser refuses the rewrite (storage full), the old record
// stays exactly as it is and the onboarding still opens; the first save
// once there is room writes it in parts, with every 1:1 kept, even from a
// page that read it without its log.
func TestGoldenRecordWhenTheRewriteIsRefused(t *testing.T) {
	raw := goldens(t)["quarter.json"]
	want := legacyOnboarding(t, raw)
	mem := NewMemory()
	mem.Set(KeyOf(want.ID), raw)
	mem.Fail = ErrFull
	s := New(mem, clock())
	got, err := s.LoadWithoutLog(want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v, _, _ := mem.Get(KeyOf(want.ID)); v != raw {
		t.Fatal("a refused rewrite changed the old record")
	}
	if keys, _ := mem.Keys(); len(keys) != 1 {
		t.Fatalf("a refused rewrite left %v", keys)
	}
	got.BudgetAdvice.Text = "typed while full"
	if _, err := s.Save(got); err == nil {
		t.Fatal("a save with storage full reported success")
	}
	mem.Fail = nil
	got.BudgetAdvice.Text = "typed once there was room"
	if _, err := s.Save(got); err != nil {
		t.Fatal(err)
	}
	back := loadFresh(t, mem, want.ID)
	if back.BudgetAdvice.Text != "typed once there was room" || len(back.Meetings) != len(want.Meetings) || len(back.Commitments) != len(want.Commitments) {
		t.Errorf("after the rewrite: %q, %d meetings, %d commitments", back.BudgetAdvice.Text, len(back.Meetings), len(back.Commitments))
	}
}

// A tab still running the old version saves the old layout over the new
// one: this tab's next save merges it in and writes parts again, and the
// old tab, reading a newer schema, is told to reload.
func TestAnOldTabWritingTheOldLayout(t *testing.T) {
	raw := goldens(t)["quarter.json"]
	old := legacyOnboarding(t, raw)
	mem := NewMemory()
	mem.Set(KeyOf(old.ID), raw)
	s := New(mem, clock())
	mine, _ := s.LoadWithoutLog(old.ID)

	// The old tab changes a 1:1 and writes its whole record, rev 42.
	old.Meetings[2].Notes = "written by the old version"
	var rec map[string]json.RawMessage
	json.Unmarshal([]byte(raw), &rec)
	rec["rev"] = json.RawMessage("42")
	rec["onboarding"], _ = json.Marshal(old)
	b, _ := json.Marshal(rec)
	mem.Set(KeyOf(old.ID), string(b))

	mine.BudgetAdvice.Text = "written by the new version"
	res, err := s.Save(mine)
	if err != nil || !res.Merged {
		t.Fatalf("%+v %v", res, err)
	}
	back := loadFresh(t, mem, old.ID)
	if back.Meetings[2].Notes != "written by the old version" || back.BudgetAdvice.Text != "written by the new version" || len(back.Meetings) != len(old.Meetings) {
		t.Errorf("after the merge: %q / %q / %d", back.Meetings[2].Notes, back.BudgetAdvice.Text, len(back.Meetings))
	}
	head, _, _ := mem.Get(KeyOf(old.ID))
	if !strings.Contains(head, `"schema":3,"rev":43`) {
		t.Errorf("the head after the merge: %.80s", head)
	}
}
