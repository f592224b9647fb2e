package ui

import (
	"strconv"
	"strings"

	"counterpart/app/onboarding"
	"counterpart/app/share"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// restoredAction tells the page around the backup panel that onboardings
// changed, so it lists them again.
const restoredAction = "counterpart-restored"

// backupPanel downloads everything on this device as one file, and
// restores such a file: merged into what is here, or replacing it after a
// confirmation. One undo puts the device back as it was.
type backupPanel struct {
	app.Compo
	*App

	pending        []*onboarding.Onboarding // read from the chosen file
	skipped        int
	confirmReplace bool
	message        string
	err            string
	// before is what undoes the last restore.
	before share.Done
}

func (b *backupPanel) Render() app.UI {
	// It sits in the Backups part of the "Your data" page, under its heading.
	return app.Div().Class("backup").ID("backup").Body(
		para("", "Everything on this device in one file, private entries included. The file is not locked: keep it somewhere only you can open."),
		div("actions",
			button("download-backup", "secondary", "Download a backup", b.download),
		),
		div("field",
			app.Label().For("restore-file").Text("Restore from a backup"),
			app.Input().Type("file").ID("restore-file").Accept(".json,application/json").OnChange(func(ctx app.Context, e app.Event) {
				readChosenFile(ctx, ctx.JSSrc(), func(text string) { b.read(text) })
			}),
		),
		div("backup-status",
			app.If(b.err != "", app.Div().Class("alert").Role("alert").ID("backup-error").Text(b.err)),
			app.If(b.pending != nil, b.renderPending()),
			app.If(b.message != "", app.Div().Class("toast").Role("status").Body(
				app.Span().ID("backup-done").Text(b.message),
				app.If(b.before != nil, button("undo-restore", "secondary", "Undo", b.undo)),
			)),
		),
	)
}

func (b *backupPanel) renderPending() app.UI {
	n := len(b.pending)
	what := words.Count(n, "onboarding", "onboardings")
	var titles []string
	for _, o := range b.pending {
		titles = append(titles, "“"+o.Title+"”")
	}
	skipped := ""
	if b.skipped > 0 {
		skipped = " " + strconv.Itoa(b.skipped) + " damaged ones in it could not be read and are left out."
	}
	if b.confirmReplace {
		return app.Div().Class("warning").Role("alert").ID("restore-confirm").Body(
			para("", "Replace everything on this device with the backup? Onboardings here that are not in the backup are removed, and the others go back to how the backup has them. You can undo this right after."),
			div("actions",
				button("confirm-replace", "danger", "Replace everything", func(ctx app.Context, e app.Event) { b.restore(ctx, true) }),
				button("", "secondary", "Keep what is here", func(ctx app.Context, e app.Event) { b.confirmReplace = false }),
			),
		)
	}
	return app.Div().Class("card").ID("restore-choice").Body(
		para("", "The backup holds "+what+": "+strings.Join(titles, ", ")+"."+skipped),
		div("actions",
			button("restore-merge", "", "Merge into this device", func(ctx app.Context, e app.Event) { b.restore(ctx, false) }),
			button("restore-replace", "secondary danger-text", "Replace everything here…", func(ctx app.Context, e app.Event) { b.confirmReplace = true }),
		),
	)
}

func (b *backupPanel) download(ctx app.Context, e app.Event) {
	b.err = b.downloadBackup(nil)
	b.changedKeeping(ctx)
}

func (b *backupPanel) read(text string) {
	b.pending, b.confirmReplace, b.message, b.err, b.before = nil, false, "", "", nil
	list, skipped, err := share.ReadBackup([]byte(text))
	if err != nil {
		b.err = sentence(err) + " Nothing was changed."
		return
	}
	if len(list) == 0 {
		b.err = "This backup is empty. Nothing was changed."
		return
	}
	b.pending, b.skipped = list, skipped
}

// restore writes the plan, keeping every copy it replaces for the undo.
func (b *backupPanel) restore(ctx app.Context, replace bool) {
	s := b.appStore()
	here, errs := s.List()
	if len(errs) > 0 && replace {
		b.err = failed("Some saved onboardings could not be read, so nothing was replaced", errs[0])
		return
	}
	plan := share.PlanRestore(here, b.pending, replace)
	before, err := share.ApplyRestore(s, plan, replace)
	if err != nil {
		b.err = failed("Restoring stopped", err) + " Undo puts back what it changed."
	}
	if len(before) == 0 {
		before = nil
	}
	b.before, b.pending, b.confirmReplace = before, nil, false
	switch {
	case replace:
		b.message = "This device now holds what the backup holds."
	case plan.Added+plan.Merged == 0:
		b.message = "Nothing new: this device already has everything in the backup."
	default:
		b.message = "Restored: " + strconv.Itoa(plan.Added) + " added, " + strconv.Itoa(plan.Merged) + " merged."
	}
	if len(plan.Skipped) > 0 {
		b.message += " Left out, because they have the same ID but other people: " + strings.Join(plan.Skipped, ", ") + "."
	}
	ctx.NewAction(restoredAction)
}

// undo takes out what the restore did, keeping whatever changed since.
func (b *backupPanel) undo(ctx app.Context, e app.Event) {
	if err := share.Undo(b.appStore(), b.before); err != nil {
		b.err = failed("Could not undo all of it", err)
	}
	b.message = "Undone: this device is back as it was before the restore."
	if kept := share.Kept(b.appStore(), b.before); len(kept) > 0 {
		var titles []string
		for _, o := range kept {
			titles = append(titles, "“"+o.Title+"”")
		}
		b.message = "Undone, except " + strings.Join(titles, ", ") + ": changed in another tab after the restore, so kept on this device, with those changes."
	}
	b.before = nil
	ctx.NewAction(restoredAction)
}
