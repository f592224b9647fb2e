package ui

import (
	"counterpart/app/safekeeping"
	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// keepingAction tells the banner and the "Your data" page that what they
// show changed: a backup made, the browser's answer arrived.
const keepingAction = "counterpart-keeping"

// changedKeeping re-renders what shows the state of the data, from any
// component's ctx.
func (a *App) changedKeeping(ctx app.Context) {
	a.keeping.gen++
	ctx.NewAction(keepingAction)
}

// yourDataPage is the one place that says where the person's data is kept
// and how safe it is there, and holds the backups: the browser's answer
// about keeping it (and the button that asks), how much is stored, what
// could lose it here, the last backup, the backup file kept up to date,
// and the download and restore of backups.
type yourDataPage struct {
	app.Compo
	*App

	gen       int
	stopWatch func()
}

func (p *yourDataPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Your data")
	p.measure()
	p.probeKeeping(ctx)
}

// OnMount follows what other tabs change: a backup made there, an
// onboarding saved.
func (p *yourDataPage) OnMount(ctx app.Context) {
	ctx.Handle(keepingAction, func(ctx app.Context, a app.Action) { p.measure() })
	p.stopWatch = p.watchStorage(func(key string) {
		if isKeepingKey(key) {
			ctx.Dispatch(func(app.Context) { p.measure() })
		}
	})
}

func (p *yourDataPage) OnDismount() {
	if p.stopWatch != nil {
		p.stopWatch()
	}
}

// measure reads how much is stored, and renders again.
func (p *yourDataPage) measure() {
	if !app.IsServer {
		p.keeping.browser.Stored = p.appStore().StoredBytes()
	}
	p.gen++
}

func (p *yourDataPage) Render() app.UI {
	var a safekeeping.Advice
	if !app.IsServer {
		a = p.advice()
	}
	return p.layout(app.Div().Class("your-data").Body(
		app.H1().Text("Your data"),
		app.P().Class("lead").Text("Everything you write in Counterpart is kept in this browser, on this device, and nowhere else: there is no account and no server copy. Browsers sometimes clear what sites keep, so this page says how safe it is here, and keeps your backups."),
		app.Section().Class("card").ID("kept").Aria("labelledby", "kept-title").Body(
			app.H2().ID("kept-title").Text("Is it kept?"),
			app.P().ID("kept-status").Text(a.Kept),
			app.If(a.OfferPersist, app.Div().Class("actions").Body(
				app.Button().ID("ask-persist").Text("Ask the browser to keep it").OnClick(func(ctx app.Context, e app.Event) {
					p.askPersist(ctx)
				}),
			)),
			app.If(a.Usage != "", app.P().ID("usage").Text(a.Usage)),
		),
		app.Section().Class("card").ID("risks").Aria("labelledby", "risks-title").Body(
			app.H2().ID("risks-title").Text("What could lose it"),
			app.If(len(a.Risks) == 0, app.P().Text("Nothing we know of in this browser. A backup is still the one copy that does not depend on it.")),
			app.Ul().Class("risks").Body(app.Range(a.Risks).Slice(func(i int) app.UI {
				r := a.Risks[i]
				return app.Li().DataSet("risk", r.ID).Body(app.Strong().Text(r.Title+". "), app.Text(r.Text))
			})),
		),
		app.Section().Class("card").ID("backups").Aria("labelledby", "backups-title").Body(
			app.H2().ID("backups-title").Text("Backups"),
			app.P().ID("last-backup").Text(a.LastBackup),
			app.If(a.Remind, app.P().ID("remind-text").Text(a.RemindText)),
			&backupPanel{App: p.App},
			app.If(a.OfferFile, p.renderFile()),
		),
	))
}

// renderFile offers to keep a backup file up to date, or says which file
// is kept.
func (p *yourDataPage) renderFile() app.UI {
	if p.keepsFile() {
		last := "not yet written"
		if !p.keeping.fileWritten.IsZero() {
			last = "last written at " + p.keeping.fileWritten.Local().Format("15:04")
		}
		return app.Div().Class("backup-file").Body(
			app.P().ID("file-status").Text("Every change is written to “"+p.keeping.fileName+"” a moment after you make it, while Counterpart is open in this tab ("+last+")."),
			app.Button().Class("secondary").ID("stop-file").Text("Stop keeping the file up to date").OnClick(func(ctx app.Context, e app.Event) {
				p.stopBackupFile()
			}),
		)
	}
	return app.Div().Class("backup-file").Body(
		app.P().Text("This browser can keep a backup file up to date for you: choose where it goes, and every change is written to it while Counterpart is open. After a reload, choose the file again."),
		app.Button().Class("secondary").ID("keep-file").Text("Keep a backup file up to date").OnClick(func(ctx app.Context, e app.Event) {
			p.chooseBackupFile(ctx)
		}),
		app.If(p.keeping.fileErr != "", app.P().Class("field-error").Role("alert").ID("file-error").Text(p.keeping.fileErr)),
	)
}

// isKeepingKey reports whether another tab's change to key changes what
// this page shows.
func isKeepingKey(key string) bool {
	_, ok := store.IDOfKey(key)
	return ok || store.IsDeviceKey(key)
}
