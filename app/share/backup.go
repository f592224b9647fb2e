package share

import (
	"bytes"
	"encoding/json"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/store"
)

// A backup is everything on this device as one JSON file: every onboarding
// whole, private entries included, since it is meant for the same person.
// It is not compressed, so that a person can read it without the app.
const (
	backupFormat = "counterpart-backup"
	// BackupVersion is the backup format this build writes and the newest
	// it reads.
	BackupVersion = 1
	// maxBackup is the largest backup the app reads: several times what
	// the browser's storage for one site can hold.
	maxBackup = 64 << 20
)

type backupV1 struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Schema is the shape of the onboardings inside, as the store names
	// it, so a later build can upgrade them.
	Schema      int                      `json:"schema"`
	Made        time.Time                `json:"made"`
	Onboardings []*onboarding.Onboarding `json:"onboardings"`
}

// WriteBackup returns the backup file of the given onboardings.
func WriteBackup(list []*onboarding.Onboarding, now time.Time) ([]byte, error) {
	if list == nil {
		list = []*onboarding.Onboarding{}
	}
	b, err := json.MarshalIndent(backupV1{Format: backupFormat, Version: BackupVersion, Schema: store.SchemaVersion, Made: now.UTC(), Onboardings: list}, "", " ")
	return append(b, '\n'), err
}

// ReadBackup reads a backup file, each onboarding in it normalized. It
// also takes, for people whose data came from elsewhere, a record of the
// browser's storage as the home page downloads a damaged one, or the JSON
// of a single onboarding. Onboardings without a valid ID or two distinct
// people are left out and counted in skipped; a backup that holds none
// is ErrBackupDamaged.
func ReadBackup(raw []byte) (list []*onboarding.Onboarding, skipped int, err error) {
	if len(raw) > maxBackup {
		return nil, 0, ErrTooLarge
	}
	var head struct {
		Format      string            `json:"format"`
		Version     int               `json:"version"`
		Schema      int               `json:"schema"`
		Onboardings []json.RawMessage `json:"onboardings"`
		// A storage record holds one onboarding under this key.
		Onboarding json.RawMessage `json:"onboarding"`
		// A bare onboarding has these.
		ID    string          `json:"id"`
		Buddy json.RawMessage `json:"buddy"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		if saysItIs(raw, backupFormat) {
			return nil, 0, ErrBackupDamaged
		}
		return nil, 0, ErrNotBackup
	}
	var items []json.RawMessage
	switch {
	case head.Format == backupFormat:
		if head.Version > BackupVersion || head.Schema > store.SchemaVersion {
			return nil, 0, ErrFutureVersion
		}
		items = head.Onboardings
	case head.Format == fileFormat:
		return nil, 0, ErrIsExport
	case head.Format != "":
		return nil, 0, ErrNotBackup
	case len(head.Onboarding) > 0 && head.Schema > 0:
		if head.Schema > store.SchemaVersion {
			return nil, 0, ErrFutureVersion
		}
		items = []json.RawMessage{head.Onboarding}
	case head.ID != "" && len(head.Buddy) > 0:
		items = []json.RawMessage{raw}
	default:
		return nil, 0, ErrNotBackup
	}
	seen := map[string]bool{}
	for _, item := range items {
		o, err := decodeOnboarding(item, ErrBackupDamaged)
		if err != nil || seen[o.ID] {
			skipped++
			continue
		}
		seen[o.ID] = true
		list = append(list, o)
	}
	if len(list) == 0 && len(items) > 0 {
		return nil, skipped, ErrBackupDamaged
	}
	return list, skipped, nil
}

// saysItIs reports whether a file that is not valid JSON starts by naming
// the format, so that a cut-off file is called damaged rather than
// foreign.
func saysItIs(raw []byte, format string) bool {
	return bytes.Contains(raw[:min(len(raw), 100)], []byte(`"format": "`+format+`"`)) ||
		bytes.Contains(raw[:min(len(raw), 100)], []byte(`"format":"`+format+`"`))
}

// RestorePlan is what restoring a backup will write and remove, worked out
// before anything is touched.
type RestorePlan struct {
	// Save holds the onboardings to write: new ones from the backup, and
	// merged or replacing copies of ones already here.
	Save []*onboarding.Onboarding
	// Delete holds the IDs to remove: when replacing, what this device has
	// and the backup does not.
	Delete []string
	// Added counts onboardings this device did not have; Merged those it
	// had and that changed.
	Added, Merged int
	// Skipped lists the titles of onboardings that could not be merged.
	Skipped []string
}

// PlanRestore works out how to restore backup onto what this device has.
// Merging keeps everything here and adds what the backup holds, by the
// same rules as a link. Replacing makes the device hold exactly the
// backup.
func PlanRestore(here, backup []*onboarding.Onboarding, replace bool) RestorePlan {
	var plan RestorePlan
	byID := map[string]*onboarding.Onboarding{}
	for _, o := range here {
		byID[o.ID] = o
	}
	inBackup := map[string]bool{}
	for _, b := range backup {
		inBackup[b.ID] = true
		local := byID[b.ID]
		switch {
		// A backup may come from another device: what that device knew of
		// the exchange of links is not true here, so the next link from a
		// restored copy is complete.
		case local == nil:
			onboarding.ForgetExchange(b)
			plan.Save = append(plan.Save, b)
			plan.Added++
		case replace:
			onboarding.ForgetExchange(b)
			plan.Save = append(plan.Save, b)
		default:
			merged, ch, err := Merge(local, b)
			if err != nil {
				plan.Skipped = append(plan.Skipped, b.Title)
				continue
			}
			if !ch.None() {
				plan.Save = append(plan.Save, merged)
				plan.Merged++
			}
		}
	}
	if replace {
		for _, o := range here {
			if !inBackup[o.ID] {
				plan.Delete = append(plan.Delete, o.ID)
			}
		}
	}
	return plan
}
