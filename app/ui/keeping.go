package ui

import (
	"time"

	"counterpart/app/guide"
	"counterpart/app/safekeeping"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// keepingState is what this tab knows about keeping its data: the
// browser's answers, asked once per tab, and the backup file it keeps up
// to date. The rules of what to say and when are in app/safekeeping; this
// file asks the browser and keeps the device record.
type keepingState struct {
	browser safekeeping.Browser
	probed  bool
	// gen counts changes to what the banner and the panel show, so that a
	// render notices them (components compare their fields).
	gen int
	// lastNoted is when a save was last counted in the device record.
	lastNoted time.Time
	// file is the backup file kept up to date (a FileSystemFileHandle),
	// while this tab is open; fileName its name, fileErr what went wrong.
	file            app.Value
	fileName        string
	fileErr         string
	fileBusy, again bool
	fileTimer       app.Value
	fileWritten     time.Time
	// a.keeping.fileTimerFunc is the timer's callback, made once.
	fileTimerFunc app.Func
	// ctx is the banner's on the page on screen, for what finishes later
	// (a file written) to show itself.
	ctx app.Context
}

// deviceRecord reads the device record.
func (a *App) deviceRecord() safekeeping.Device {
	var d safekeeping.Device
	a.appStore().ReadDevice(&d)
	return d
}

// updateDevice changes the device record, read afresh so that another
// tab's backup is not written over.
func (a *App) updateDevice(change func(*safekeeping.Device)) {
	d := a.deviceRecord()
	change(&d)
	a.appStore().WriteDevice(d)
	a.keeping.gen++
}

// probeKeeping asks the browser, once per tab, what it does with the
// site's storage: whether it has agreed to keep it, how much there is and
// how much is allowed, which browser it is and whether it runs installed.
// The answers come later; the component whose ctx it is renders again then.
func (a *App) probeKeeping(ctx app.Context) {
	if app.IsServer {
		return
	}
	refresh := func() { a.changedKeeping(ctx) } // not through ctx.Dispatch: see askPersist
	b := &a.keeping.browser
	st := app.Window().Get("navigator").Get("storage")
	if st.Truthy() && st.Get("estimate").Truthy() {
		then(st.Call("estimate"), func(e app.Value) {
			b.Usage, b.Quota = int64(e.Get("usage").Float()), int64(e.Get("quota").Float())
			refresh()
		}, nil)
	}
	if a.keeping.probed {
		return
	}
	a.keeping.probed = true
	b.Off = a.storageOff != ""
	nav := app.Window().Get("navigator")
	b.Engine = safekeeping.EngineOf(nav.Get("userAgent").String(), nav.Get("maxTouchPoints").Int())
	b.Installed = app.Window().Call("matchMedia", "(display-mode: standalone)").Get("matches").Bool() || nav.Get("standalone").Truthy()
	b.FilePicker = app.Window().Get("showSaveFilePicker").Truthy()
	switch {
	case !st.Truthy() || !st.Get("persist").Truthy():
		b.Persist = safekeeping.Unsupported
	default:
		b.Persist = safekeeping.NotAsked
		then(st.Call("persisted"), func(v app.Value) {
			if v.Bool() {
				b.Persist = safekeeping.Granted
			}
			refresh()
		}, nil)
	}
}

// askPersist asks the browser to keep the site's storage. It must run from
// a click: browsers answer a request made without one by refusing, or
// (Firefox) by not asking the person.
func (a *App) askPersist(ctx app.Context) {
	st := app.Window().Get("navigator").Get("storage")
	if !st.Truthy() || !st.Get("persist").Truthy() {
		return
	}
	// The answer may come after the button that asked has gone (the
	// notice closes, the person moves on): a Dispatch through its ctx would
	// then be dropped, so the answer is kept here and announced to
	// whatever shows it now.
	then(st.Call("persist"), func(v app.Value) {
		granted := v.Bool()
		a.keeping.browser.Persist = safekeeping.Refused
		if granted {
			a.keeping.browser.Persist = safekeeping.Granted
		}
		a.updateDevice(func(d *safekeeping.Device) { d.RecordPersist(wallNow(), granted) })
		a.changedKeeping(ctx)
	}, nil)
}

// advice is what the rules say now.
func (a *App) advice() safekeeping.Advice {
	return safekeeping.Advise(a.keeping.browser, a.deviceRecord(), wallNow())
}

// noteSave records that the onboarding id was written, by this tab or
// another (the store tells of every write: Store.Heard): the device record
// counts a change a minute at most, so most keystrokes write nothing
// more; and the backup file, if one is kept up to date, is rewritten a
// moment later.
func (a *App) noteSave(id string) {
	if app.IsServer {
		return
	}
	a.scheduleFileWrite()
	t := wallNow()
	if id == guide.ExampleID || !safekeeping.NewMinute(a.keeping.lastNoted, t) {
		return
	}
	a.keeping.lastNoted = t
	a.updateDevice(func(d *safekeeping.Device) { d.RecordSave(t) })
}

// noteBackup records that a backup was made now.
func (a *App) noteBackup() {
	a.updateDevice(func(d *safekeeping.Device) { d.RecordBackup(wallNow()) })
}

// chooseBackupFile asks where to keep a backup file up to date (the File
// System Access API, from a click), and writes it at once.
func (a *App) chooseBackupFile(ctx app.Context) {
	opts := map[string]any{
		"suggestedName": "counterpart-backup.json",
		"types":         []any{map[string]any{"description": "Counterpart backup", "accept": map[string]any{"application/json": []any{".json"}}}},
	}
	then(app.Window().Call("showSaveFilePicker", opts), func(handle app.Value) {
		ctx.Dispatch(func(ctx app.Context) {
			a.keeping.file, a.keeping.fileName, a.keeping.fileErr = handle, handle.Get("name").String(), ""
			a.writeBackupFile()
			a.changedKeeping(ctx)
		})
	}, func(err app.Value) {
		if err.Get("name").String() == "AbortError" {
			return // the person closed the picker
		}
		ctx.Dispatch(func(ctx app.Context) {
			a.keeping.fileErr = "The backup file could not be chosen: the browser refused (" + err.Get("message").String() + ")."
			a.changedKeeping(ctx)
		})
	})
}

// stopBackupFile stops keeping the file up to date; the file stays.
func (a *App) stopBackupFile() {
	a.keeping.file, a.keeping.fileName, a.keeping.fileErr = app.Undefined(), "", ""
	a.keeping.gen++
}

// keepsFile reports whether a backup file is kept up to date.
func (a *App) keepsFile() bool { return a.keeping.file != nil && a.keeping.file.Truthy() }

// scheduleFileWrite rewrites the backup file two seconds after the last of
// a run of saves, so that typing does not write a file per keystroke.
func (a *App) scheduleFileWrite() {
	if !a.keepsFile() {
		return
	}
	w := app.Window()
	if a.keeping.fileTimer != nil && a.keeping.fileTimer.Truthy() {
		w.Call("clearTimeout", a.keeping.fileTimer)
	}
	if a.keeping.fileTimerFunc == nil {
		a.keeping.fileTimerFunc = app.FuncOf(func(this app.Value, args []app.Value) any {
			a.keeping.fileTimer = app.Undefined()
			a.writeBackupFile()
			return nil
		})
	}
	a.keeping.fileTimer = w.Call("setTimeout", a.keeping.fileTimerFunc, 2000)
}

// fileDone shows that a write of the backup file finished, or failed.
func (a *App) fileDone() {
	if a.keeping.ctx != nil {
		a.keeping.ctx.Dispatch(a.changedKeeping)
	}
}

// writeBackupFile writes the backup into the file kept up to date.
func (a *App) writeBackupFile() {
	if !a.keepsFile() {
		return
	}
	if a.keeping.fileBusy {
		a.keeping.again = true
		return
	}
	raw, _, err := a.backupFile(nil)
	if err != nil {
		a.keeping.fileErr = "The backup file could not be written: " + err.Error()
		return
	}
	a.keeping.fileBusy = true
	fail := func(e app.Value) {
		a.keeping.fileBusy = false
		a.keeping.fileErr = "The backup file could not be written: the browser refused (" + e.Get("message").String() + "). Choose it again to go on keeping it up to date."
		a.keeping.file = app.Undefined()
		a.fileDone()
	}
	then(a.keeping.file.Call("createWritable"), func(w app.Value) {
		then(w.Call("write", string(raw)), func(app.Value) {
			then(w.Call("close"), func(app.Value) {
				a.keeping.fileBusy, a.keeping.fileWritten = false, time.Now()
				a.noteBackup()
				a.fileDone()
				if a.keeping.again {
					a.keeping.again = false
					a.writeBackupFile()
				}
			}, fail)
		}, fail)
	}, fail)
}

// keepingBanner says, on every page, the one thing about keeping the data
// that needs the person now, and nothing when nothing does: the offer to
// ask the browser to keep it (once, after the first save of their own), a
// risk not yet read, or the backup reminder.
type keepingBanner struct {
	app.Compo
	*App

	// Gen is keeping.gen when the page rendered: a change makes go-app
	// render the banner again.
	Gen int
}

// OnMount asks the browser what it does with the site's storage (once per
// tab) and follows what changes it.
func (b *keepingBanner) OnMount(ctx app.Context) {
	b.keeping.ctx = ctx
	b.probeKeeping(ctx)
	ctx.Handle(keepingAction, func(ctx app.Context, a app.Action) { b.Gen = b.keeping.gen })
}

func (b *keepingBanner) Render() app.UI {
	// The "Your data" page says all of it; the banner would repeat it.
	if app.IsServer || app.Window().URL().Path == yourDataPath {
		return app.Div().Class("keeping-slot")
	}
	a := b.advice()
	slot := app.Div().Class("keeping-slot")
	switch {
	case a.PromptPersist:
		return slot.Body(app.Div().Class("notice").Role("status").ID("keeping-notice").Body(
			app.P().Text("Counterpart keeps what you write in this browser only. Browsers clear a site's data to free space unless asked to keep it."),
			app.Div().Class("actions").Body(
				app.Button().ID("notice-persist").Text("Ask the browser to keep it").OnClick(func(ctx app.Context, e app.Event) {
					b.askPersist(ctx)
					b.updateDevice(func(d *safekeeping.Device) { d.MarkSeen(safekeeping.PersistPrompt, wallNow()) })
					b.changedKeeping(ctx)
				}),
				app.Button().Class("secondary").ID("notice-later").Text("Not now").OnClick(func(ctx app.Context, e app.Event) {
					b.updateDevice(func(d *safekeeping.Device) { d.MarkSeen(safekeeping.PersistPrompt, wallNow()) })
					b.changedKeeping(ctx)
				}),
			),
		))
	case a.Unseen != nil:
		id := a.Unseen.ID
		return slot.Body(app.Div().Class("notice").Role("status").ID("keeping-notice").DataSet("risk", id).Body(
			app.P().Body(app.Strong().Text(a.Unseen.Title+". "), app.Text(a.Unseen.Text)),
			app.Div().Class("actions").Body(
				app.A().Class("button secondary").Href(link(yourDataPath)).Text("Your data"),
				app.Button().Class("secondary").ID("notice-seen").Text("Got it").OnClick(func(ctx app.Context, e app.Event) {
					b.updateDevice(func(d *safekeeping.Device) { d.MarkSeen(id, wallNow()) })
					b.changedKeeping(ctx)
				}, id),
			),
		))
	case a.Remind:
		return slot.Body(app.Div().Class("notice").Role("status").ID("backup-reminder").Body(
			app.P().Text(a.RemindText),
			app.Div().Class("actions").Body(
				app.Button().ID("reminder-download").Text("Download a backup").OnClick(func(ctx app.Context, e app.Event) {
					b.downloadBackup(nil)
					b.changedKeeping(ctx)
				}),
				app.Button().Class("secondary").ID("reminder-later").Text("Later").OnClick(func(ctx app.Context, e app.Event) {
					b.updateDevice(func(d *safekeeping.Device) { d.Snoozed = wallNow() })
					b.changedKeeping(ctx)
				}),
			),
		))
	}
	return slot
}
