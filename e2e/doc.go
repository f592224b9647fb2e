// Package e2e drives the real Counterpart, built from this tree, in real
// Chromium: the server binary, the wasm, the service worker and all. Each
// test gets a fresh browser context (as empty as a new profile) and checks
// what a person would see.
//
// A test starts with startApp, which gives it the server the tests share
// and a browser of its own: a browser context of the one Chromium the
// tests share, which starts on first use (starting a Chromium for each
// test cost about two seconds of CPU each, ninety times a run). Each
// context has its own storage, cache, service workers, permissions and
// download folder; the clipboard is the Chromium's, so a copy and its
// reading back hold withClipboard. A test that stops or changes its server
// starts one with startServer. harness_test.go holds the build, the server and the
// browser; app_test.go what a person does (click, type, open the example);
// stored_test.go what the page stored; files_test.go downloads, chosen
// files, PDFs and screenshots.
//
// The suite is bound by CPU, much of it spent loading the app: the
// Chromium runs app.wasm with V8's baseline compiler only, and make
// browser ends by saying how many pages the tests loaded and which tests
// loaded most (the file E2E_SUMMARY names). A failed wait says where the
// page stood; a Chromium that died says why, with the end of what it
// printed.
//
// Work a test needs that takes long and can be done before it starts,
// such as building the earlier release the upgrade test serves, goes in
// inBackground: setUp starts it while the other tests run. That release's
// build is kept between runs in the user's cache directory
// (~/.cache/counterpart-e2e), under its commit and the Go version.
//
// Every wait is for a condition, never for a time (nosleep_test.go fails
// on a fixed pause): waitFor for what the page shows, waitSaved and
// waitStored for what it stored. A check that something is not shown
// first waits for the state that would show it, such as drawn for the
// page's last changes.
//
// Its test files carry the build tag browser, so that go test ./... runs
// only the fast tests; make test passes -tags browser.
package e2e
