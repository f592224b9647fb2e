package ui

import (
	"errors"

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

	type result struct {
		key []byte
		err error
	}
	done := make(chan result, 1)
	var onKey, onBits, onError app.Func
	release := func() { onKey.Release(); onBits.Release(); onError.Release() }
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "the browser could not derive the key"
		if len(args) > 0 && args[0].Truthy() {
			msg += ": " + args[0].Get("message").String()
		}
		done <- result{err: errors.New(msg)}
		return nil
	})
	onBits = app.FuncOf(func(this app.Value, args []app.Value) any {
		bits := uint8Array.New(args[0])
		key := make([]byte, bits.Length())
		app.CopyBytesToGo(key, bits)
		done <- result{key: key}
		return nil
	})
	onKey = app.FuncOf(func(this app.Value, args []app.Value) any {
		params := map[string]any{"name": "PBKDF2", "hash": "SHA-256", "salt": saltJS, "iterations": iterations}
		subtle.Call("deriveBits", params, args[0], 256).Call("then", onBits, onError)
		return nil
	})
	subtle.Call("importKey", "raw", pass, "PBKDF2", false, []any{"deriveBits"}).Call("then", onKey, onError)
	r := <-done
	release()
	if r.err != nil {
		// A browser that refuses (an old one, a locked-down profile) still
		// gets the link open, slowly.
		return share.GoKeyDerivation(passphrase, salt, iterations)
	}
	return r.key, nil
}
