package share

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

func TestBackupRoundTripsEverythingIncludingPrivate(t *testing.T) {
	a, b := full(t), example(t)
	b.ID = onboarding.NewID()
	raw, err := WriteBackup([]*onboarding.Onboarding{a, b}, t0)
	if err != nil {
		t.Fatal(err)
	}
	list, skipped, err := ReadBackup(raw)
	if err != nil || skipped != 0 || len(list) != 2 {
		t.Fatalf("ReadBackup = %d, %d, %v", len(list), skipped, err)
	}
	if jsonOf(t, list[0]) != jsonOf(t, a) || jsonOf(t, list[1]) != jsonOf(t, b) {
		t.Error("a backup changed what it holds")
	}
	if !strings.Contains(string(raw), secret) || list[0].Writer != a.Writer || !list[0].Example {
		t.Error("a backup must keep private entries and this device's fields")
	}
}

// TestBackupsOfThisVersionKeepRestoring reads a backup written by the
// first release of backup version 1.
func TestBackupsOfThisVersionKeepRestoring(t *testing.T) {
	path := filepath.Join("testdata", "backup-v1.json")
	if *update {
		raw, _ := WriteBackup([]*onboarding.Onboarding{full(t)}, t0)
		os.WriteFile(path, raw, 0o644)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := ReadBackup(raw)
	if err != nil || len(list) != 1 {
		t.Fatalf("ReadBackup = %d, %v", len(list), err)
	}
	if len(list[0].Meetings) != 2 || list[0].Roles.Cadence.Zone != "Europe/Paris" {
		t.Error("the golden backup lost data")
	}
}

func TestReadBackupTakesOtherShapesOfOurData(t *testing.T) {
	o := example(t)
	bare, _ := json.Marshal(o)
	// A storage record, as the home page downloads a damaged one.
	record := `{"schema":` + strconv.Itoa(store.SchemaVersion) + `,"rev":3,"saved":"2026-11-02T09:00:00Z","onboarding":` + string(bare) + `}`
	for name, raw := range map[string]string{"bare onboarding": string(bare), "storage record": record} {
		list, _, err := ReadBackup([]byte(raw))
		if err != nil || len(list) != 1 || list[0].ID != o.ID {
			t.Errorf("%s: %d, %v", name, len(list), err)
		}
	}
}

func TestBadBackupsGiveTheirOwnError(t *testing.T) {
	good, _ := WriteBackup([]*onboarding.Onboarding{example(t)}, t0)
	export, _ := FileOf(encodeFast(t, example(t), ""))
	cases := []struct {
		name string
		raw  string
		want error
	}{
		{"empty", "", ErrNotBackup},
		{"not JSON", "hello", ErrNotBackup},
		{"cut off", string(good[:len(good)/2]), ErrBackupDamaged},
		{"other JSON", `{"a":1}`, ErrNotBackup},
		{"other format", `{"format":"something"}`, ErrNotBackup},
		{"an export", string(export), ErrIsExport},
		{"future version", `{"format":"counterpart-backup","version":2,"onboardings":[]}`, ErrFutureVersion},
		{"future schema", `{"format":"counterpart-backup","version":1,"schema":99,"onboardings":[]}`, ErrFutureVersion},
		{"future storage record", `{"schema":99,"onboarding":{}}`, ErrFutureVersion},
		{"nothing readable in it", `{"format":"counterpart-backup","version":1,"onboardings":[{"id":"x"},7]}`, ErrBackupDamaged},
		{"far too large", `{"format":"counterpart-backup",` + strings.Repeat(" ", maxBackup) + `}`, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list, _, err := ReadBackup([]byte(c.raw))
			if !errors.Is(err, c.want) || list != nil {
				t.Errorf("ReadBackup = %d, %v; want %v", len(list), err, c.want)
			}
		})
	}
}

func TestReadBackupSkipsWhatItCannotReadAndKeepsTheRest(t *testing.T) {
	o := example(t)
	good, _ := json.Marshal(o)
	raw := `{"format":"counterpart-backup","version":1,"schema":1,"onboardings":[{"id":"not an id"},` + string(good) + `,` + string(good) + `]}`
	list, skipped, err := ReadBackup([]byte(raw))
	if err != nil || len(list) != 1 || skipped != 2 {
		t.Errorf("ReadBackup = %d kept, %d skipped, %v; want 1 kept, the bad one and the duplicate skipped", len(list), skipped, err)
	}
}

func TestPlanRestoreMergesOrReplaces(t *testing.T) {
	kept := example(t) // on the device and in the backup, changed since
	kept.ID = onboarding.NewID()
	backedUp := roundTripBackup(t, kept)
	onboarding.Add(&kept.Problems, kept.Me, at(100)).Problem = "added after the backup"
	kept.Touch(at(100))
	onlyHere := example(t)
	onlyHere.ID = onboarding.NewID()
	onlyBackup := example(t)
	onlyBackup.ID = onboarding.NewID()
	here := []*onboarding.Onboarding{kept, onlyHere}
	backup := []*onboarding.Onboarding{backedUp, onlyBackup}

	plan := PlanRestore(here, backup, false)
	if plan.Added != 1 || plan.Merged != 0 || len(plan.Delete) != 0 || len(plan.Save) != 1 || plan.Save[0].ID != onlyBackup.ID {
		t.Errorf("merge plan: %+v", plan)
	}
	plan = PlanRestore(here, backup, true)
	if plan.Added != 1 || len(plan.Save) != 2 || len(plan.Delete) != 1 || plan.Delete[0] != onlyHere.ID {
		t.Errorf("replace plan: %+v", plan)
	}
	for _, o := range plan.Save {
		if o.ID == kept.ID && len(o.Problems) != len(backedUp.Problems) {
			t.Error("replacing kept this device's newer entry")
		}
	}
	// A backup entry newer than the device's copy merges in.
	older := roundTripBackup(t, kept)
	onboarding.Add(&backedUp.People, kept.Me, at(200)).Name = "Kenji"
	backedUp.Touch(at(200))
	plan = PlanRestore([]*onboarding.Onboarding{older}, []*onboarding.Onboarding{backedUp}, false)
	if plan.Merged != 1 || len(plan.Save[0].People) != len(older.People)+1 || len(plan.Save[0].Problems) != len(older.Problems) {
		t.Errorf("merge of a newer backup: %+v", plan)
	}
}

func roundTripBackup(t *testing.T, o *onboarding.Onboarding) *onboarding.Onboarding {
	t.Helper()
	raw, err := WriteBackup([]*onboarding.Onboarding{o}, t0)
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := ReadBackup(raw)
	if err != nil {
		t.Fatal(err)
	}
	return list[0]
}
