package share

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
)

// DefaultIterations is the PBKDF2-SHA256 work factor of new locked links:
// 600,000, what OWASP advises for PBKDF2-HMAC-SHA256. In the browser the
// key comes from the browser's own PBKDF2 (ui/webcrypto.go), which takes a
// fraction of a second for it; Go compiled to WebAssembly, the fallback,
// is about nine times slower than natively (make bench measures both).
// The count travels in the link, so links locked with an older count
// still open, and it can change without a new version.
const DefaultIterations = 600_000

// The iteration counts a link may ask for. Below minIterations a lock is
// too weak to be one of ours; above maxIterations opening the link would
// freeze the page for minutes, which a tampered link must not be able to do.
const (
	minIterations = 1_000
	maxIterations = 4 * DefaultIterations
)

const (
	kdfPBKDF2SHA256 = 1 // the only key derivation of version 1
	saltSize        = 16
	nonceSize       = 12
)

// seal locks data with a key derived from the passphrase. The body is the
// header (KDF, iterations, salt, nonce) and the AES-256-GCM ciphertext;
// the header and the link's version are authenticated with it, so they
// cannot be swapped.
func seal(data []byte, passphrase string, iterations int, token string) ([]byte, error) {
	header := []byte{kdfPBKDF2SHA256}
	header = binary.AppendUvarint(header, uint64(iterations))
	salt := make([]byte, saltSize)
	nonce := make([]byte, nonceSize)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	header = append(append(header, salt...), nonce...)
	aead, err := newAEAD(passphrase, salt, iterations)
	if err != nil {
		return nil, err
	}
	return aead.Seal(header, nonce, data, append([]byte(token), header...)), nil
}

// open unlocks a body made by seal. A damaged header is ErrDamaged; a
// ciphertext that does not authenticate is ErrWrongPassphrase, since the
// checksum around the body has already ruled out damage on the way.
func open(body []byte, passphrase string, token string) ([]byte, error) {
	if len(body) < 1 || body[0] != kdfPBKDF2SHA256 {
		return nil, ErrDamaged
	}
	iterations, n := binary.Uvarint(body[1:])
	if n <= 0 || iterations < minIterations || iterations > maxIterations {
		return nil, ErrDamaged
	}
	rest := body[1+n:]
	if len(rest) < saltSize+nonceSize+16 {
		return nil, ErrDamaged
	}
	header := body[:1+n+saltSize+nonceSize]
	salt, nonce, sealed := rest[:saltSize], rest[saltSize:saltSize+nonceSize], rest[saltSize+nonceSize:]
	aead, err := newAEAD(passphrase, salt, int(iterations))
	if err != nil {
		return nil, ErrDamaged
	}
	data, err := aead.Open(nil, nonce, sealed, append([]byte(token), header...))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return data, nil
}

// KeyDerivation computes PBKDF2-HMAC-SHA256 of a passphrase (as UTF-8),
// a salt and a count of iterations, to 32 bytes.
type KeyDerivation func(passphrase string, salt []byte, iterations int) ([]byte, error)

// GoKeyDerivation is KeyDerivation in Go. In the browser, Go compiled to
// WebAssembly runs it about nine times slower than natively, so the app
// uses the browser's own PBKDF2 there when it has one.
func GoKeyDerivation(passphrase string, salt []byte, iterations int) ([]byte, error) {
	return pbkdf2.Key(sha256.New, passphrase, salt, iterations, 32)
}

var deriveKey KeyDerivation = GoKeyDerivation

// UseKeyDerivation makes locking and unlocking derive keys with f, which
// must give exactly GoKeyDerivation's bytes: a link locked on one device
// opens on any other. The browser build calls it once, at start.
func UseKeyDerivation(f KeyDerivation) { deriveKey = f }

func newAEAD(passphrase string, salt []byte, iterations int) (cipher.AEAD, error) {
	key, err := deriveKey(passphrase, salt, iterations)
	if err != nil {
		return nil, err
	}
	if len(key) != 32 {
		return nil, errors.New("share: the key derivation gave a key of the wrong size")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
