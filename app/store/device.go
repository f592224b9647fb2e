package store

import (
	"encoding/json"

	"counterpart/app/onboarding"
)

// What this browser remembers for itself, apart from every onboarding:
// the device record (keeping the data: the last backup, the browser's
// answer about persistent storage; see app/safekeeping) and the stages
// each person has opened. Both are device-only: never in a link or a
// backup, and a damaged one is only advice lost, rewritten by the next
// write. Where the browser refuses its storage, the store's backend is
// in memory (Memory), and they last as long as the tab.

// deviceKey holds the device record.
const deviceKey = keyPrefix + "device"

// seenKey holds the stages opened: by onboarding ID, then person ID, the
// stages in the order they were first opened. It keeps the name and the
// shape the pages wrote it with before the store kept it, so an upgrade
// forgets nothing a person has read.
const seenKey = "counterpart.seen"

// ReadDevice decodes the device record into v. A missing record leaves v
// as it is; so does a damaged one.
func (s *Store) ReadDevice(v any) error {
	raw, ok, err := s.backend.Get(deviceKey)
	if err != nil || !ok {
		return err
	}
	json.Unmarshal([]byte(raw), v)
	return nil
}

// WriteDevice stores v as the device record.
func (s *Store) WriteDevice(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.backend.Set(deviceKey, string(b))
}

// IsDeviceKey reports whether a storage key is the device record's, for a
// page that follows changes other tabs make to it.
func IsDeviceKey(key string) bool { return key == deviceKey }

// Opened is the stages one person has opened, as a set.
type Opened map[onboarding.Stage]bool

// Has reports whether the stage was opened; it is the function
// onboarding.ProgressOf takes.
func (o Opened) Has(stage onboarding.Stage) bool { return o[stage] }

// seenStages is the stored record of the stages opened.
type seenStages map[string]map[string][]onboarding.Stage

// readSeen is the stored record; unreadable is the same as nothing seen.
func (s *Store) readSeen() seenStages {
	var all seenStages
	if raw, ok, err := s.backend.Get(seenKey); err == nil && ok {
		json.Unmarshal([]byte(raw), &all)
	}
	return all
}

// Seen is, by person ID, the stages each person has opened of the
// onboarding id on this device. The guide's text steps aside once a
// stage has been read, and each person's progress counts the stages they
// have opened.
func (s *Store) Seen(id string) map[string]Opened {
	out := map[string]Opened{}
	for person, stages := range s.readSeen()[id] {
		out[person] = Opened{}
		for _, stage := range stages {
			out[person][stage] = true
		}
	}
	return out
}

// MarkSeen remembers that person has opened stage of the onboarding id.
// The error is the browser's refusal to store it; nothing else is lost
// with it, and the guide's text shows in full again next time.
func (s *Store) MarkSeen(id, person string, stage onboarding.Stage) error {
	all := s.readSeen()
	if all == nil {
		all = seenStages{}
	}
	if all[id] == nil {
		all[id] = map[string][]onboarding.Stage{}
	}
	for _, st := range all[id][person] {
		if st == stage {
			return nil
		}
	}
	all[id][person] = append(all[id][person], stage)
	b, err := json.Marshal(all)
	if err != nil {
		return err
	}
	return s.backend.Set(seenKey, string(b))
}
