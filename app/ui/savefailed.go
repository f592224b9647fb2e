package ui

import (
	"counterpart/app/onboarding"
	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// saveFailed is what a page shows when its last change was not saved: the
// store's message, which says what was not saved and that the rest is
// safe, and a button that downloads a backup at once, with what is on
// screen in it, so that nothing typed is lost while the person makes room.
func (a *App) saveFailed(message string, onScreen *onboarding.Onboarding) app.UI {
	id := ""
	if onScreen != nil {
		id = onScreen.ID
	}
	return app.Div().Class("alert").Role("alert").ID("save-error").Body(
		app.P().Text(message),
		app.Div().Class("actions").Body(
			app.Button().ID("save-error-backup").Text("Download a backup now").OnClick(func(ctx app.Context, e app.Event) {
				a.downloadBackup(onScreen)
			}, id),
		),
	)
}

// fullAdvice follows the message when the browser's storage is full.
const fullAdvice = " Download a backup now to keep it, then make room: delete an onboarding you no longer need, or the example."

// downloadBackup hands the person a file with every onboarding on this
// device, and onScreen as the page has it (saved or not). It returns what
// went wrong, in words, or "".
func (a *App) downloadBackup(onScreen *onboarding.Onboarding) string {
	raw, problem, err := a.backupFile(onScreen)
	if err != nil {
		return "The backup could not be made: " + err.Error()
	}
	download("counterpart-backup-"+wallNow().Format("2006-01-02")+".json", "application/json", string(raw))
	a.noteBackup()
	return problem
}

// backupFile is the backup of every onboarding on this device, with
// onScreen as the page has it, and a problem in words when some stored
// onboarding could not be read and is left out.
func (a *App) backupFile(onScreen *onboarding.Onboarding) (raw []byte, problem string, err error) {
	list, errs := a.appStore().List()
	if len(errs) > 0 {
		problem = "Some saved onboardings could not be read and are not in the backup: " + errs[0].Error() + "."
	}
	if onScreen != nil {
		whole, err := a.appStore().Whole(onScreen)
		if err != nil {
			whole = onScreen // better without its 1:1s than not at all
		}
		replaced := false
		for i := range list {
			if list[i].ID == whole.ID {
				list[i], replaced = whole, true
			}
		}
		if !replaced {
			list = append(list, whole)
		}
	}
	raw, err = share.WriteBackup(list, wallNow())
	return raw, problem, err
}
