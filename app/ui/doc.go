// Package ui holds Counterpart's pages and components: go-app code that
// renders the model and turns clicks and keystrokes into calls on it.
//
// It holds no rule of the domain. What a change does to an onboarding,
// what it takes to undo it, what counts as valid and what carries forward
// are operations of package onboarding (and share, for what comes from or
// goes to another device), tested there; a page calls one operation per
// event and shows the result.
//
// Where things are: routes.go has every path and builds every link;
// scaffold.go is the frame of the pages that show one onboarding named by
// ?id= (loading it, following other tabs, saving each edit, the notice and
// its undo); controls.go has the form controls; shell.go the frame of
// every page; package words how dates, durations and counts are written.
//
// # What pages share
//
// What the pages of one browser tab share lives in one value, the App
// (app.go): the store, whether the browser lets the app save, the keeping
// of backups, the focus across pages, the link just merged and a few
// caches. main makes it (NewApp) and hands it to Register; the route
// table gives it to every page it makes, and a page hands it on to the
// components it renders (their App field; the scaffold, opened, holds the
// page's). There is no other package variable but tables written once at
// init, and TestNoMutablePackageVariables keeps it so. A test makes its
// own App over a store in memory, so the ui tests run in parallel.
//
// It is a plain pointer rather than go-app's ctx.SetState and GetState on
// purpose: Render gets no ctx, go-app copies a state's value on each
// read, and reading a state it never set goes to localStorage, which
// throws where the browser refuses the site its storage. A field a
// newcomer can follow by "go to definition" is the simpler path.
//
// # Errors
//
// Every problem reaches the person the same way:
//
//   - In words: the domain packages return errors, and the ui turns each
//     into one sentence with sentence(err), or failed(what, err) when the
//     message needs to say what could not be done ("Could not rename: …").
//     An error already written for people (a whole sentence with a
//     capital, as share's are) is shown as it is. The ui writes no message
//     of its own for a failure a package reports.
//   - In one place: a problem with what was typed goes under its field
//     (textField.Error, or fieldError for the other controls), announced
//     with role="alert"; an action that failed goes in the page's status
//     area as an alert (the scaffold's saveErr, or the page's own error
//     slot), and says what was kept when that is not plain ("Nothing was
//     changed."); what an action did goes there as a role="status" notice,
//     with an Undo button when it can be undone.
//   - Never lost: a failure leaves what is saved as it was, and nothing is
//     ignored: an error from storage is shown, not dropped.
package ui
