//go:build wasm

package main

// serve is never reached in the browser, where app.RunWhenOnBrowser runs the
// app for good. It exists so main.go compiles in both builds, while the real
// server (server.go) stays out of the WebAssembly download.
func serve() {}
