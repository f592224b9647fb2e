// Package safekeeping holds the rules for keeping what a person writes
// safe from the browser's housekeeping. Browsers delete a site's storage:
// Safari after seven days of use without a visit, unless the site is added
// to the Home Screen (whose copy starts empty); Chromium and Firefox when
// the disk runs low, unless the site asked for persistent storage and got
// it; private windows when they close. The rules here say what to tell the
// person about their browser, once and plainly, when to offer persistent
// storage, and when to remind them to make a backup. It is plain Go: the
// ui asks the browser what it knows and renders what Advise says.
package safekeeping

import (
	"fmt"
	"strings"
	"time"

	"counterpart/app/words"
)

// Persistence is the browser's answer about keeping the site's storage.
type Persistence int

// The answers. Unknown means not asked of the browser yet (the page has
// not read navigator.storage.persisted); Unsupported means the browser has
// no navigator.storage.persist.
const (
	Unknown Persistence = iota
	Unsupported
	NotAsked
	Granted
	Refused
)

// Browser is what the ui found out about the browser it runs in.
type Browser struct {
	// Off says the browser refuses the site any storage: what is written
	// lasts as long as the tab.
	Off bool
	// Persist is the state of persistent storage.
	Persist Persistence
	// Usage and Quota are navigator.storage.estimate's figures for the
	// site, in bytes; zero when the browser does not say.
	Usage, Quota int64
	// Stored is what Counterpart keeps in localStorage, in bytes of text
	// (keys and values).
	Stored int64
	// Engine names the browser, from its user agent (see EngineOf).
	Engine Engine
	// Installed says the app runs from the Home Screen or the Dock, not in
	// a tab.
	Installed bool
	// FilePicker says the File System Access API is there, so a backup
	// file can be kept up to date.
	FilePicker bool
}

// Engine is the family of a browser, as far as keeping data goes.
type Engine int

// The families. Safari on iOS and iPadOS includes every browser there,
// which must use Safari's engine and storage rules.
const (
	OtherEngine Engine = iota
	SafariIOS
	SafariMac
	Chromium
	Firefox
)

// EngineOf reads the browser family from navigator.userAgent and
// navigator.maxTouchPoints (an iPad asks for the desktop site and says it
// is a Mac, but has a touch screen).
func EngineOf(userAgent string, touchPoints int) Engine {
	ua := userAgent
	switch {
	case strings.Contains(ua, "iPhone") || strings.Contains(ua, "iPad") || strings.Contains(ua, "iPod"):
		return SafariIOS
	case strings.Contains(ua, "Macintosh") && touchPoints > 1:
		return SafariIOS
	case strings.Contains(ua, "Firefox/"):
		return Firefox
	case strings.Contains(ua, "Chrome/") || strings.Contains(ua, "Chromium/") || strings.Contains(ua, "Edg/"):
		return Chromium
	case strings.Contains(ua, "Safari/") && strings.Contains(ua, "Macintosh"):
		return SafariMac
	}
	return OtherEngine
}

// Device is what this browser remembers about keeping its data. It never
// leaves the device.
type Device struct {
	// FirstSave is when the person first saved something of their own
	// (not the example): from then on there is something to keep.
	FirstSave time.Time `json:"firstSave,omitzero"`
	// LastBackup is when the last backup was made: downloaded, or written
	// to the backup file kept up to date.
	LastBackup time.Time `json:"lastBackup,omitzero"`
	// Changes counts the minutes with changes since the last backup: a
	// change counts once a minute at most, so typing a paragraph is one.
	Changes int `json:"changes,omitempty"`
	// LastChange is when the last counted change was made.
	LastChange time.Time `json:"lastChange,omitzero"`
	// PersistAsked is when the person asked the browser to keep the
	// data, and PersistAnswer what it said.
	PersistAsked  time.Time   `json:"persistAsked,omitzero"`
	PersistAnswer Persistence `json:"persistAnswer,omitempty"`
	// Seen holds the risks the person has read and closed, by Risk.ID,
	// so that each is said once and not again.
	Seen map[string]time.Time `json:"seen,omitempty"`
	// Snoozed is when the person last put the backup reminder off.
	Snoozed time.Time `json:"snoozed,omitzero"`
}

// The rules' numbers.
const (
	// RemindAfter is how long after the last backup (or the first save)
	// the reminder comes, if anything changed since: a week, the rhythm
	// of the 1:1s and the span after which Safari deletes.
	RemindAfter = 7 * 24 * time.Hour
	// RemindAfterChanges is how many minutes of changes bring the reminder
	// sooner: about an afternoon's work.
	RemindAfterChanges = 60
	// SnoozeFor is how long "Later" puts the reminder off.
	SnoozeFor = 24 * time.Hour
	// LocalStorageLimit is what browsers give one site's localStorage,
	// about 5 MB of text (5 million characters in Chromium and Firefox).
	LocalStorageLimit = 5_000_000
	// NearlyFull is the share of LocalStorageLimit from which the panel
	// warns that the storage is filling up.
	NearlyFull = 0.8
	// SmallQuota is a quota under which the browser is likely a private
	// window, or short of disk: either way, what is there may not last.
	SmallQuota = 120_000_000
)

// RecordSave updates d for a save of the person's own data (not the
// example's) made now.
func (d *Device) RecordSave(now time.Time) {
	if d.FirstSave.IsZero() {
		d.FirstSave = now
	}
	if NewMinute(d.LastChange, now) {
		d.Changes++
		d.LastChange = now
	}
}

// NewMinute reports whether a change made now counts as a change of its
// own after the one counted at last: once a minute at most, so that typing
// a paragraph is one change, and again at once after the clock went back.
// A page that notes saves asks it first, so that most keystrokes write
// nothing more.
func NewMinute(last, now time.Time) bool {
	return last.IsZero() || now.Sub(last) >= time.Minute || now.Before(last)
}

// RecordBackup updates d for a backup made now.
func (d *Device) RecordBackup(now time.Time) {
	d.LastBackup, d.Changes, d.Snoozed = now, 0, time.Time{}
}

// RecordPersist updates d for the browser's answer to a request.
func (d *Device) RecordPersist(now time.Time, granted bool) {
	d.PersistAsked, d.PersistAnswer = now, Refused
	if granted {
		d.PersistAnswer = Granted
	}
}

// PersistPrompt is the ID MarkSeen takes when the person answers the
// notice that offers to ask the browser to keep the data, either way.
const PersistPrompt = "persist-prompt"

// MarkSeen records that the person read and closed a risk, or answered
// the notice of PersistPrompt.
func (d *Device) MarkSeen(id string, now time.Time) {
	if d.Seen == nil {
		d.Seen = map[string]time.Time{}
	}
	d.Seen[id] = now
}

// Risk is one way the data on this device could be lost, in words.
type Risk struct {
	ID    string // stable, to remember it was seen
	Title string
	Text  string
}

// Advice is what the "Your data" panel says and what the app offers.
type Advice struct {
	// Kept says in one sentence whether the browser keeps the data.
	Kept string
	// Usage says how much is stored, in plain words; "" when unknown.
	Usage string
	// Risks lists what could lose the data here, the worst first.
	Risks []Risk
	// Unseen is the first risk the person has not closed yet, shown once
	// on every page until they do; nil when there is none.
	Unseen *Risk
	// OfferPersist says to offer the button that asks the browser to
	// keep the data (it must come from a click, after a first save).
	OfferPersist bool
	// PromptPersist says to offer it unasked, once, in the notice every
	// page shows: the browser was never asked and the person has not
	// answered the notice (MarkSeen with PersistPrompt).
	PromptPersist bool
	// LastBackup says when the last backup was made.
	LastBackup string
	// Remind says a backup is due, and RemindText why.
	Remind     bool
	RemindText string
	// OfferFile says to offer keeping a backup file up to date.
	OfferFile bool
}

// Advise applies the rules.
func Advise(b Browser, d Device, now time.Time) Advice {
	var a Advice
	persist := b.Persist
	if persist == NotAsked || persist == Unknown {
		if d.PersistAnswer == Granted || d.PersistAnswer == Refused {
			persist = d.PersistAnswer
		}
	}
	switch {
	case b.Off:
		a.Kept = "Nothing is kept: this browser does not let Counterpart store anything, so what you write lasts only as long as this tab."
	case persist == Granted:
		a.Kept = "Kept: this browser has agreed to keep Counterpart's data until you delete it yourself."
	case persist == Refused:
		a.Kept = "At risk: this browser has not agreed to keep Counterpart's data, and may clear it to free space. Keep a backup."
	case b.Engine == SafariIOS || b.Engine == SafariMac:
		a.Kept = "At risk: Safari deletes what a site stores when you have not visited it for seven days of use."
	default:
		a.Kept = "Kept for now: this browser keeps Counterpart's data, but may clear it when the disk runs low unless you ask it to keep it."
	}
	a.Usage = usage(b)
	a.Risks = risks(b, persist)
	for i := range a.Risks {
		if _, seen := d.Seen[a.Risks[i].ID]; !seen {
			a.Unseen = &a.Risks[i]
			break
		}
	}
	a.OfferPersist = !b.Off && !d.FirstSave.IsZero() && persist != Granted && persist != Unsupported
	_, answered := d.Seen[PersistPrompt]
	a.PromptPersist = a.OfferPersist && d.PersistAsked.IsZero() && !answered
	a.LastBackup = lastBackup(d, now)
	a.Remind, a.RemindText = remind(d, now)
	a.OfferFile = b.FilePicker && !b.Off
	return a
}

// risks lists what could lose the data here.
func risks(b Browser, persist Persistence) []Risk {
	var out []Risk
	if b.Off {
		out = append(out, Risk{ID: "off", Title: "This browser keeps nothing",
			Text: "Its storage is turned off for this site, as in some private windows or with strict privacy settings. Download a backup before you close this tab, or allow this site to store data and reload."})
	}
	switch {
	case b.Engine == SafariIOS && !b.Installed:
		out = append(out, Risk{ID: "safari-tab", Title: "Safari deletes after seven days",
			Text: "Safari deletes what a site stores when you have not visited it for seven days of use, and a weekly 1:1 sits right at that edge. Add Counterpart to your Home Screen (Share, then Add to Home Screen) to keep it. Download a backup first: the Home Screen app starts empty, and you restore the backup there."})
	case b.Engine == SafariMac && !b.Installed:
		out = append(out, Risk{ID: "safari-tab", Title: "Safari deletes after seven days",
			Text: "Safari deletes what a site stores when you have not visited it for seven days of use, and a weekly 1:1 sits right at that edge. Add Counterpart to the Dock (File, then Add to Dock) to keep it. Download a backup first: the app in the Dock starts empty, and you restore the backup there."})
	}
	if !b.Off && b.Quota > 0 && b.Quota < SmallQuota {
		out = append(out, Risk{ID: "small", Title: "Little room, perhaps a private window",
			Text: fmt.Sprintf("This browser gives Counterpart only %s, as private windows do. A private window forgets everything when it closes: download a backup before you close it.", words.Bytes(b.Quota))})
	}
	if !b.Off && persist == Refused && b.Engine != SafariIOS && b.Engine != SafariMac {
		out = append(out, Risk{ID: "refused", Title: "The browser may clear it",
			Text: "This browser has not agreed to keep Counterpart's data and may clear it when the disk runs low. It often agrees later, once you use the site more or install it; until then, keep a backup."})
	}
	if !b.Off && float64(b.Stored) > NearlyFull*LocalStorageLimit {
		out = append(out, Risk{ID: "nearly-full", Title: "Storage nearly full",
			Text: fmt.Sprintf("Counterpart keeps %s here, of the about %s a browser gives a site for it. When it is full, changes are refused: download a backup, then delete what you no longer need.", words.Bytes(b.Stored), words.Bytes(LocalStorageLimit))})
	}
	return out
}

// usage says how much is stored.
func usage(b Browser) string {
	if b.Off {
		return ""
	}
	s := fmt.Sprintf("Your onboardings take %s of the about %s a browser gives a site for them.", words.Bytes(b.Stored), words.Bytes(LocalStorageLimit))
	if b.Quota > 0 {
		s += fmt.Sprintf(" In all, this site uses %s of the %s the browser allows it.", words.Bytes(b.Usage), words.Bytes(b.Quota))
	}
	return s
}

// lastBackup says when the last backup was made.
func lastBackup(d Device, now time.Time) string {
	if d.LastBackup.IsZero() {
		return "No backup yet."
	}
	return "Last backup: " + words.Ago(d.LastBackup, now) + "."
}

// remind says whether a backup is due, and why.
func remind(d Device, now time.Time) (bool, string) {
	if d.FirstSave.IsZero() || d.Changes == 0 {
		return false, "" // nothing of the person's, or nothing new since the last backup
	}
	if !d.Snoozed.IsZero() && now.Sub(d.Snoozed) < SnoozeFor && !now.Before(d.Snoozed) {
		return false, ""
	}
	since := d.LastBackup
	if since.IsZero() {
		since = d.FirstSave
	}
	changes := words.Count(d.Changes, "change", "changes")
	switch {
	case now.Sub(since) >= RemindAfter && d.LastBackup.IsZero():
		return true, fmt.Sprintf("You started writing %s and have no backup yet. A backup is one file that puts everything back if this browser loses it.", words.Ago(d.FirstSave, now))
	case now.Sub(since) >= RemindAfter:
		return true, fmt.Sprintf("Your last backup was %s, and you have made %s since. A fresh one takes a click.", words.Ago(d.LastBackup, now), changes)
	case d.Changes >= RemindAfterChanges:
		if d.LastBackup.IsZero() {
			return true, fmt.Sprintf("You have written a lot since you started (%s) and have no backup yet. A backup is one file that puts everything back if this browser loses it.", changes)
		}
		return true, fmt.Sprintf("You have written a lot since your last backup (%s). A fresh one takes a click.", changes)
	}
	return false, ""
}
