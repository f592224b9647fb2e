// Package e2e drives the real Counterpart, built from this tree, in real
// Chromium: the server binary, the wasm, the service worker and all. Each
// test gets a fresh browser profile and checks what a person would see.
//
// Its test files carry the build tag browser, so that go test ./... runs
// only the fast tests; make test passes -tags browser.
package e2e
