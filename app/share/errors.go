package share

import (
	"errors"

	"counterpart/app/onboarding"
)

// What can go wrong with a link, a file or a backup. Each is its own value
// so the page can react (ask for the passphrase again, offer the file) and
// each message is written for the person holding the link.
var (
	ErrNotLink = errors.New("This is not a Counterpart link. A link to share an onboarding looks like https://…/open#1.… ; check that the whole link was copied.")
	ErrDamaged = errors.New("This link is damaged: part of it is missing or was changed on the way, perhaps cut off by the mail or chat app. Ask for it again, or for the file instead.")
	// ErrNeedsPassphrase means the link is locked and no passphrase was given.
	ErrNeedsPassphrase = errors.New("This link is locked with a passphrase. Enter the passphrase the sender gave you separately.")
	ErrWrongPassphrase = errors.New("That passphrase does not open this link. Check it with the sender; capitals and spaces count.")
	// ErrFutureVersion means a newer release of the app made the link.
	ErrFutureVersion = errors.New("This was made by a newer version of Counterpart. Reload the page to get the newest version, then try again.")
	ErrTooLarge      = errors.New("This holds far more data than an onboarding can, so it was not opened: it may have been made to harm the app.")
	// ErrTooMuchToShare means an onboarding holds more entries than a link
	// or a file may carry, which only years of very heavy use reach.
	ErrTooMuchToShare = errors.New("This onboarding holds more entries than a link or a file can carry. Remove entries you no longer need, such as old 1:1 agenda items, and try again.")
	ErrNotFile        = errors.New("This file is not a Counterpart onboarding. Choose a file exported from Counterpart (it ends in .counterpart.json).")
	ErrFileDamaged    = errors.New("This file is damaged: part of it is missing or was changed. Ask for it again.")
	// ErrIsBackup means a backup was chosen where one onboarding was expected.
	ErrIsBackup = errors.New("This file is a backup of everything on a device, not one onboarding. Restore it from the home page, under “Backup”.")
	// ErrIsExport means one exported onboarding was chosen as a backup.
	ErrIsExport      = errors.New("This file holds one onboarding, not a backup. Open it with “Open a link or file” instead.")
	ErrNotBackup     = errors.New("This file is not a Counterpart backup. Choose a file made with “Download a backup”.")
	ErrBackupDamaged = errors.New("This backup is damaged and cannot be read.")
	// ErrOtherPair means an incoming copy has the onboarding's ID but not
	// its two people, which a real copy never has.
	ErrOtherPair = onboarding.ErrOtherPair
	// ErrChangesOnly means Decode was given a link that carries only the
	// changes since an earlier one, which Open and Take handle.
	ErrChangesOnly = errors.New("This link carries only the changes since an earlier link, so it can only be merged into a copy that has that earlier link.")
)
