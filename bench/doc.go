// Package bench measures Counterpart against baselines built in the same
// run, so the numbers are ratios that mean the same on any machine: the
// wasm download against a bare go-app program, the start of the app phase
// by phase and typing in Chromium, the server under load, and hot paths
// against the plain operation they wrap. Run it with make bench: it prints
// one report and writes it to bench/report.md. It reports; it never fails
// on a number. It is not part of make test because it builds two apps,
// starts Chromium many times and times loops.
//
// Its test files carry the build tag browser, so that go test ./... runs
// only the fast tests; make bench passes -tags browser.
package bench
