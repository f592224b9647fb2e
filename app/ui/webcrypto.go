package ui

import (
	"counterpart/app/share"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Locking and unlocking a link derive a key from the passphrase with
// PBKDF2, on purpose slowly. Go compiled to WebAssembly does it about nine
// times slower than the machine can (8.7 s in Chromium against 1 s natively
// on the test machine), so the app asks the browser's own PBKDF2 (Web
// Crypto), which gives the same bytes at native speed. Where the browser
// has none (a page not served over HTTPS or from this machine), Go does it.
func init() {
	if app.IsClient {
		share.UseKeyDerivation(browserKeyDerivation)
	}
}

// browserKeyDerivation is share.KeyDerivation through crypto.subtle. It
// waits for the browser's promise, so it must run outside the page's
// event handlers, as locking and unlocking do (ctx.Async).
func browserKeyDerivation(passphrase string, salt []byte, iterations int) ([]byte, error) {
	subtle := app.Window().Get("crypto").Get("subtle")
	if !subtle.Truthy() {
		return share.GoKeyDerivation(passphrase, salt, iterations)
	}
	uint8Array := app.Window().Get("Uint8Array")
	pass := app.Window().Get("TextEncoder").New().Call("encode", passphrase)
	saltJS := uint8Array.New(len(salt))
	app.CopyBytesToJS(saltJS, salt)

	params := map[string]any{"name": "PBKDF2", "hash": "SHA-256", "salt": saltJS, "iterations": iterations}
	base, err := wait(subtle.Call("importKey", "raw", pass, "PBKDF2", false, []any{"deriveBits"}))
	var bits app.Value
	if err == nil {
		bits, err = wait(subtle.Call("deriveBits", params, base, 256))
	}
	if err != nil {
		// A browser that refuses (an old one, a locked-down profile) still
		// gets the link open, slowly.
		return share.GoKeyDerivation(passphrase, salt, iterations)
	}
	b := uint8Array.New(bits)
	key := make([]byte, b.Length())
	app.CopyBytesToGo(key, b)
	return key, nil
}
