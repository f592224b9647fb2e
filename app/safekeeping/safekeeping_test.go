package safekeeping

import (
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

func TestEngineOf(t *testing.T) {
	for ua, want := range map[string]Engine{
		"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1":        SafariIOS,
		"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1": SafariIOS,
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15":                          SafariMac,
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36":                          Chromium,
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36":                                  Chromium,
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0":                  Chromium,
		"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0":                                                                         Firefox,
		"curl/8.5": OtherEngine,
	} {
		if got := EngineOf(ua, 0); got != want {
			t.Errorf("%s: %v, want %v", ua, got, want)
		}
	}
	// An iPad asks for the desktop site: a Mac with a touch screen.
	if got := EngineOf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", 5); got != SafariIOS {
		t.Errorf("an iPad: %v", got)
	}
}

func TestRecordSaveCountsMinutesOfChanges(t *testing.T) {
	var d Device
	for i := 0; i < 50; i++ { // a paragraph, one keystroke a second
		d.RecordSave(now.Add(time.Duration(i) * time.Second))
	}
	if d.Changes != 1 || !d.FirstSave.Equal(now) {
		t.Errorf("a minute of typing: %d changes, first save %v", d.Changes, d.FirstSave)
	}
	d.RecordSave(now.Add(61 * time.Second))
	if d.Changes != 2 {
		t.Errorf("a minute later: %d changes", d.Changes)
	}
	d.RecordSave(now.Add(-time.Hour)) // the clock went back
	if d.Changes != 3 {
		t.Errorf("after the clock went back: %d changes", d.Changes)
	}
	d.RecordBackup(now.Add(time.Hour))
	if d.Changes != 0 || !d.LastBackup.Equal(now.Add(time.Hour)) || !d.FirstSave.Equal(now) {
		t.Errorf("after a backup: %+v", d)
	}
}

// The reminder: not before there is something of the person's, not while
// nothing changed since the last backup, a week after the last one (or
// the first save), sooner after a lot of changes, and not within a day of
// "Later".
func TestReminderTiming(t *testing.T) {
	b := Browser{Engine: Chromium, Persist: NotAsked}
	day := 24 * time.Hour
	first := now.Add(-30 * day)
	for _, c := range []struct {
		name string
		d    Device
		at   time.Time
		want bool
		says string
	}{
		{"nothing written", Device{}, now, false, ""},
		{"first save today, no backup", Device{FirstSave: now.Add(-time.Hour), Changes: 3}, now, false, ""},
		{"first save 6 days ago, no backup", Device{FirstSave: now.Add(-6 * day), Changes: 3}, now, false, ""},
		{"first save 7 days ago, no backup", Device{FirstSave: now.Add(-7 * day), Changes: 3}, now, true, "no backup yet"},
		{"backup 6 days ago, changes since", Device{FirstSave: first, LastBackup: now.Add(-6 * day), Changes: 5}, now, false, ""},
		{"backup 8 days ago, changes since", Device{FirstSave: first, LastBackup: now.Add(-8 * day), Changes: 5}, now, true, "8 days ago, and you have made 5 changes since"},
		{"backup 30 days ago, nothing since", Device{FirstSave: first, LastBackup: now.Add(-30 * day), Changes: 0}, now, false, ""},
		{"backup yesterday, many changes", Device{FirstSave: first, LastBackup: now.Add(-day), Changes: RemindAfterChanges}, now, true, "a lot since your last backup"},
		{"backup yesterday, some changes", Device{FirstSave: first, LastBackup: now.Add(-day), Changes: RemindAfterChanges - 1}, now, false, ""},
		{"due, but put off an hour ago", Device{FirstSave: first, LastBackup: now.Add(-8 * day), Changes: 5, Snoozed: now.Add(-time.Hour)}, now, false, ""},
		{"due, put off a day ago", Device{FirstSave: first, LastBackup: now.Add(-8 * day), Changes: 5, Snoozed: now.Add(-day)}, now, true, "8 days ago"},
	} {
		a := Advise(b, c.d, c.at)
		if a.Remind != c.want || !strings.Contains(a.RemindText, c.says) {
			t.Errorf("%s: remind %v %q", c.name, a.Remind, a.RemindText)
		}
	}
}

func TestLastBackupInWords(t *testing.T) {
	if got := Advise(Browser{}, Device{}, now).LastBackup; got != "No backup yet." {
		t.Error(got)
	}
	if got := Advise(Browser{}, Device{LastBackup: now.Add(-3 * 24 * time.Hour)}, now).LastBackup; got != "Last backup: 3 days ago." {
		t.Error(got)
	}
}

// What the panel says for each state of the browser, and which risks it
// names: each once, the worst first.
func TestWhatToSayForEachBrowser(t *testing.T) {
	wrote := Device{FirstSave: now.Add(-time.Hour), Changes: 1}
	for _, c := range []struct {
		name    string
		b       Browser
		d       Device
		kept    string
		risks   []string
		persist bool
	}{
		{"Chrome, not asked yet, nothing written", Browser{Engine: Chromium, Persist: NotAsked}, Device{}, "Kept for now", nil, false},
		{"Chrome, not asked yet, after a first save", Browser{Engine: Chromium, Persist: NotAsked}, wrote, "unless you ask it to keep it", nil, true},
		{"Chrome, granted", Browser{Engine: Chromium, Persist: Granted}, wrote, "has agreed to keep", nil, false},
		{"Chrome, refused", Browser{Engine: Chromium, Persist: Refused}, wrote, "has not agreed", []string{"refused"}, true},
		{"the answer remembered from an earlier visit", Browser{Engine: Chromium, Persist: NotAsked}, Device{FirstSave: now, PersistAnswer: Refused}, "has not agreed", []string{"refused"}, true},
		{"no persist in this browser", Browser{Engine: OtherEngine, Persist: Unsupported}, wrote, "Kept for now", nil, false},
		{"Safari in a tab on an iPhone", Browser{Engine: SafariIOS, Persist: NotAsked}, wrote, "Safari deletes", []string{"safari-tab"}, true},
		{"Safari installed on the Home Screen", Browser{Engine: SafariIOS, Persist: NotAsked, Installed: true}, wrote, "Safari deletes", nil, true},
		{"Safari in a tab on a Mac", Browser{Engine: SafariMac, Persist: Refused}, wrote, "has not agreed", []string{"safari-tab"}, true},
		{"storage off", Browser{Off: true, Engine: Chromium}, wrote, "Nothing is kept", []string{"off"}, false},
		{"a private window's small quota", Browser{Engine: Chromium, Persist: Refused, Quota: 100_000_000}, wrote, "has not agreed", []string{"small", "refused"}, true},
		{"nearly full", Browser{Engine: Firefox, Persist: Granted, Stored: 4_500_000}, wrote, "has agreed", []string{"nearly-full"}, false},
	} {
		a := Advise(c.b, c.d, now)
		if !strings.Contains(a.Kept, c.kept) {
			t.Errorf("%s: %q", c.name, a.Kept)
		}
		var ids []string
		for _, r := range a.Risks {
			ids = append(ids, r.ID)
			if r.Title == "" || len(r.Text) < 40 {
				t.Errorf("%s: risk %s is not said in words", c.name, r.ID)
			}
		}
		if strings.Join(ids, ",") != strings.Join(c.risks, ",") {
			t.Errorf("%s: risks %v, want %v", c.name, ids, c.risks)
		}
		if a.OfferPersist != c.persist {
			t.Errorf("%s: offer persist %v", c.name, a.OfferPersist)
		}
	}
	// The notice offers to ask the browser once, unasked: not after the
	// browser was asked, and not after the person answered the notice.
	b := Browser{Engine: Chromium, Persist: NotAsked}
	if !Advise(b, wrote, now).PromptPersist {
		t.Error("after a first save, the notice does not offer to ask the browser")
	}
	asked := wrote
	asked.RecordPersist(now, false)
	answered := wrote
	answered.MarkSeen(PersistPrompt, now)
	if Advise(b, asked, now).PromptPersist || Advise(b, answered, now).PromptPersist || Advise(b, Device{}, now).PromptPersist {
		t.Error("the notice offers to ask the browser again, or before anything is written")
	}
	// Safari in a tab says to back up before adding to the Home Screen,
	// because the installed app starts empty.
	r := Advise(Browser{Engine: SafariIOS}, wrote, now).Risks[0]
	for _, w := range []string{"Home Screen", "backup first", "starts empty"} {
		if !strings.Contains(r.Text, w) {
			t.Errorf("the Safari advice lacks %q: %s", w, r.Text)
		}
	}
}

// A risk is said once: after the person closes it, it is still in the
// panel but no longer shown on every page.
func TestRisksAreSaidOnce(t *testing.T) {
	b := Browser{Engine: SafariIOS, Persist: Refused, Quota: 50_000_000}
	d := Device{FirstSave: now}
	a := Advise(b, d, now)
	if a.Unseen == nil || a.Unseen.ID != "safari-tab" {
		t.Fatalf("unseen %+v", a.Unseen)
	}
	d.MarkSeen("safari-tab", now)
	if a = Advise(b, d, now); a.Unseen == nil || a.Unseen.ID != "small" || len(a.Risks) != 2 {
		t.Fatalf("after closing the first: unseen %+v, %d risks", a.Unseen, len(a.Risks))
	}
	d.MarkSeen("small", now)
	if a = Advise(b, d, now); a.Unseen != nil || len(a.Risks) != 2 {
		t.Errorf("after closing both: unseen %+v, %d risks in the panel", a.Unseen, len(a.Risks))
	}
}

func TestUsageInWords(t *testing.T) {
	a := Advise(Browser{Stored: 420_000, Usage: 3_100_000, Quota: 1_200_000_000}, Device{}, now)
	for _, w := range []string{"420 KB", "5.0 MB", "3.1 MB", "1.2 GB"} {
		if !strings.Contains(a.Usage, w) {
			t.Errorf("%q lacks %q", a.Usage, w)
		}
	}
	if a := Advise(Browser{Stored: 420_000}, Device{}, now); strings.Contains(a.Usage, "In all") {
		t.Errorf("without an estimate: %q", a.Usage)
	}
	if a := Advise(Browser{Off: true}, Device{}, now); a.Usage != "" || a.OfferFile {
		t.Error("with storage off there is nothing to measure or keep in a file")
	}
	if a := Advise(Browser{FilePicker: true}, Device{}, now); !a.OfferFile {
		t.Error("the backup file is not offered where the browser can keep one")
	}
}

func TestRecordPersist(t *testing.T) {
	var d Device
	d.RecordPersist(now, false)
	if d.PersistAnswer != Refused || !d.PersistAsked.Equal(now) {
		t.Errorf("%+v", d)
	}
	d.RecordPersist(now, true)
	if d.PersistAnswer != Granted {
		t.Errorf("%+v", d)
	}
}
