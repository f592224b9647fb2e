//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The manifest names the app with an id and offers maskable icons, each a
// real PNG of the size it claims, served by the site, under any prefix.
func TestManifestHasAnIDAndMaskableIcons(t *testing.T) {
	web := testWeb(t)
	for _, prefix := range []string{"", "/counterpart"} {
		s, err := buildSite(siteConfig{WebDir: web, Prefix: prefix, UpdateCheck: time.Minute, Compression: fastCompression})
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			ID       string `json:"id"`
			StartURL string `json:"start_url"`
			Icons    []struct{ Src, Type, Sizes, Purpose string }
		}
		if err := json.Unmarshal(s.lookup("/manifest.webmanifest").Body, &m); err != nil {
			t.Fatal(err)
		}
		if m.ID != prefix+"/" || m.StartURL != prefix+"/" {
			t.Errorf("prefix %q: id %q, start_url %q; want both %q", prefix, m.ID, m.StartURL, prefix+"/")
		}
		maskable := 0
		for _, icon := range m.Icons {
			if icon.Purpose != "maskable" {
				continue
			}
			maskable++
			a := s.lookup(strings.TrimPrefix(icon.Src, prefix))
			if a == nil {
				t.Errorf("prefix %q: the site does not serve the maskable icon %s", prefix, icon.Src)
				continue
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(a.Body))
			if err != nil {
				t.Errorf("%s: %v", icon.Src, err)
				continue
			}
			if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != icon.Sizes || icon.Type != "image/png" {
				t.Errorf("%s is a %s %s, the manifest says %s %s", icon.Src, got, "image/png", icon.Sizes, icon.Type)
			}
		}
		if maskable == 0 {
			t.Errorf("prefix %q: no maskable icon in the manifest", prefix)
		}
	}
}

// A launcher may cut a maskable icon to any shape that keeps the central
// circle of 40% of its side: so the fill must reach every edge, and the
// mark must lie inside that circle.
func TestMaskableIconsKeepToTheSafeZone(t *testing.T) {
	for _, icon := range maskableIcons {
		f, err := os.Open(filepath.Join("../../web", filepath.Base(icon.Path)))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", icon.Path, err)
		}
		outside, inside, err := safeZone(img)
		if err != nil {
			t.Errorf("%s: %v", icon.Path, err)
		}
		if outside > 0 {
			t.Errorf("%s: %d pixels of the mark lie outside the safe zone", icon.Path, outside)
		}
		if size := img.Bounds().Dx(); inside < size*size/50 {
			t.Errorf("%s: only %d pixels differ from the fill: where is the mark?", icon.Path, inside)
		}
	}
}

// The check finds a mark that runs to the edge, and a see-through corner.
func TestSafeZoneCheckFindsAMarkAtTheEdge(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 20; y < 44; y++ {
		img.Set(1, y, color.Black)
	}
	if outside, _, err := safeZone(img); outside != 24 || err != nil {
		t.Errorf("a line at the edge: %d pixels outside, %v; want 24 and no error", outside, err)
	}
	img.Set(63, 63, color.Transparent)
	if _, _, err := safeZone(img); err == nil {
		t.Error("a see-through corner passed")
	}
}

// safeZone counts the pixels that differ from the fill (the colour of the
// top left corner) outside and inside the central circle of radius 40%,
// and fails an icon with any pixel that is not opaque.
func safeZone(img image.Image) (outside, inside int, err error) {
	b := img.Bounds()
	size := float64(b.Dx())
	fr, fg, fb, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	r2 := (0.4 * size) * (0.4 * size)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a != 0xffff && err == nil {
				err = fmt.Errorf("pixel (%d, %d) is not opaque: the fill must reach every edge", x, y)
			}
			if absDiff(r, fr) <= 0x0800 && absDiff(g, fg) <= 0x0800 && absDiff(bl, fb) <= 0x0800 {
				continue
			}
			dx, dy := float64(x-b.Min.X)+0.5-size/2, float64(y-b.Min.Y)+0.5-size/2
			if dx*dx+dy*dy > r2 {
				outside++
			} else {
				inside++
			}
		}
	}
	return outside, inside, err
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
