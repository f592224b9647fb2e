//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
)

// maskableIcons are the icons drawn for launchers that cut every icon to
// their own shape (a circle, a rounded square): the fill reaches the
// edges and the mark stays inside the central circle every shape keeps.
// web/icon-maskable.svg is their source.
var maskableIcons = []struct{ Path, Sizes string }{
	{"/web/icon-maskable-192.png", "192x192"},
	{"/web/icon-maskable-512.png", "512x512"},
}

// finishManifest adds what go-app's web app manifest lacks: an id, which
// keeps an installed app the same app if its start page ever moves, and
// the maskable icons.
func finishManifest(body []byte, prefix string) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("reading go-app's manifest: %w", err)
	}
	icons, ok := m["icons"].([]any)
	if !ok {
		return nil, fmt.Errorf("go-app's manifest has no list of icons")
	}
	for _, icon := range maskableIcons {
		icons = append(icons, map[string]any{"src": prefix + icon.Path, "type": "image/png", "sizes": icon.Sizes, "purpose": "maskable"})
	}
	m["icons"] = icons
	m["id"] = prefix + "/"
	return json.MarshalIndent(m, "", "  ")
}
