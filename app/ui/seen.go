package ui

import (
	"counterpart/app/onboarding"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// What this device remembers of the stages each person has opened. The
// guide's text steps aside once a stage has been read, and each person's
// progress counts the stages they have opened (onboarding.ProgressOf).
// It is a memory of the screen, not part of the record: it stays on this
// device, outside the store's keys, and travels in no link or backup.

// seenKey is where it is kept, in localStorage.
const seenKey = "counterpart.seen"

// seenStages is, by onboarding ID then person ID, the stages opened.
type seenStages map[string]map[string][]onboarding.Stage

// openedBy is the stages one person has opened, as a set.
type openedBy map[onboarding.Stage]bool

// has reports whether the stage was opened; it is the opened function
// onboarding.ProgressOf takes.
func (o openedBy) has(s onboarding.Stage) bool { return o[s] }

// loadSeen is what the device remembers of every onboarding. Where the
// browser refuses its storage (storageOff), the tab remembers it in
// memory (App.seenHere), as it keeps everything else: there localStorage
// is the empty stand-in checkStorage puts in its place, which go-app's
// ctx.LocalStorage cannot read (the page stopped at "Loading…").
func (a *App) loadSeen(ctx app.Context) seenStages {
	if a.storageOff != "" {
		return a.seenHere
	}
	var all seenStages
	ctx.LocalStorage().Get(seenKey, &all) // unreadable is the same as nothing seen
	return all
}

// readSeen is what the device remembers of one onboarding, by person.
func (a *App) readSeen(ctx app.Context, id string) map[string]openedBy {
	all := a.loadSeen(ctx)
	out := map[string]openedBy{}
	for person, stages := range all[id] {
		out[person] = openedBy{}
		for _, s := range stages {
			out[person][s] = true
		}
	}
	return out
}

// markSeen remembers that a person has opened a stage of an onboarding.
// A failure to remember is not worth a word: the guide text shows in
// full again next time, and that is all.
func (a *App) markSeen(ctx app.Context, id, person string, stage onboarding.Stage) {
	all := a.loadSeen(ctx)
	if all == nil {
		all = seenStages{}
	}
	if all[id] == nil {
		all[id] = map[string][]onboarding.Stage{}
	}
	for _, s := range all[id][person] {
		if s == stage {
			return
		}
	}
	all[id][person] = append(all[id][person], stage)
	if a.storageOff != "" {
		a.seenHere = all
		return
	}
	ctx.LocalStorage().Set(seenKey, all)
}
