package qr

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// decode reads a code back with ZXing's decoder (a Go port), from a
// picture of it drawn as a camera would see it: two pixels a module, a
// quiet zone of four.
func decode(t *testing.T, c *Code) string {
	t.Helper()
	const scale, quiet = 2, 4
	n := (c.Size + 2*quiet) * scale
	img := image.NewGray(image.Rect(0, 0, n, n))
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			mx, my := x/scale-quiet, y/scale-quiet
			v := uint8(255)
			if mx >= 0 && my >= 0 && mx < c.Size && my < c.Size && c.Dark(mx, my) {
				v = 0
			}
			img.SetGray(x, y, color.Gray{Y: v})
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("version %d: the reference decoder cannot read it: %v", c.Version, err)
	}
	return res.GetText()
}

func TestCodesReadBackWithAReferenceDecoder(t *testing.T) {
	link := "https://counterpart.example/open#2." + strings.Repeat("AbCdEf-_0123456789", 200)
	for _, n := range []int{1, 17, 25, 60, 140, 300, 700, 1200, 2000, 2600, MaxBytes} {
		text := link[:min(n, len(link))]
		if n > len(link) {
			text = strings.Repeat("x", n)
		}
		c, err := Encode(text)
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		if got := decode(t, c); got != text {
			t.Errorf("%d bytes (version %d): read back %q", n, c.Version, got[:min(40, len(got))])
		}
	}
}

func TestEveryVersionReadsBack(t *testing.T) {
	for ver := 1; ver <= 40; ver++ {
		// The most a version holds at the lowest level picks that version.
		n := (dataCodewords(ver, levelL)*8 - dataBits(ver, 0)) / 8
		text := strings.Repeat("Counterpart ", n/12+1)[:n]
		c, err := Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		if c.Version != ver {
			t.Fatalf("%d bytes took version %d, want %d", n, c.Version, ver)
		}
		if got := decode(t, c); got != text {
			t.Errorf("version %d read back wrong", ver)
		}
	}
}

func TestTooLongIsRefused(t *testing.T) {
	if _, err := Encode(strings.Repeat("a", MaxBytes+1)); err != ErrTooLong {
		t.Errorf("Encode = %v, want ErrTooLong", err)
	}
}

func TestSVGDrawsEveryDarkModule(t *testing.T) {
	c, _ := Encode("https://counterpart.example/open#2.abc")
	svg := c.SVG(`A "link" <to> open`)
	if !strings.HasPrefix(svg, "<svg") || strings.Contains(svg, `"link"`) || strings.Contains(svg, "<to>") {
		t.Errorf("the SVG is not well formed or its title is not escaped: %.120s", svg)
	}
	dark, drawn := 0, 0
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; x++ {
			if c.Dark(x, y) {
				dark++
			}
		}
	}
	for _, part := range strings.Split(svg, "M")[1:] {
		var x, y, w int
		if _, err := sscan(part, &x, &y, &w); err == nil {
			drawn += w
		}
	}
	if dark == 0 || drawn != dark {
		t.Errorf("the SVG draws %d modules, the code has %d dark", drawn, dark)
	}
}

// sscan reads "x y hW..." from a path command.
func sscan(s string, x, y, w *int) (int, error) {
	return fmt.Sscanf(s, "%d %dh%d", x, y, w)
}
