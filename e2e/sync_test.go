//go:build browser

package e2e

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"counterpart/app/onboarding"
	"counterpart/app/onboarding/onboardingtest"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// Two profiles exchange complete links, then links of changes over
// several rounds, one of Dana's lost on the way, and end with the same
// shareable content. A third profile, without the earlier links, is told
// what to ask for. The QR code on the share page reads back as the link.
func TestLinksOfChangesBetweenTwoDevices(t *testing.T) {
	t.Parallel()
	srv, dana := startApp(t)
	priya, third := newBrowser(t), newBrowser(t)
	dana.grantClipboard(srv.URL)
	priya.grantClipboard(srv.URL)

	id := dana.newOnboarding(srv.URL + "/")
	dana.addSource("Close pack")
	first := dana.shareLink("")
	containsAll(t, "Dana's first link", dana.text("#link-scope"), "carries everything")
	containsAll(t, "Dana's share page", dana.text("#exchange"), "not had a link from Priya Raman yet")
	if got := dana.qrText(); got != first {
		t.Errorf("the QR code reads %q, not the link", got)
	}

	priya.open(first)
	priya.waitFor("the preview", `!!document.getElementById("save-incoming") && !document.getElementById("save-incoming").disabled`)
	priya.click("#save-incoming")
	priya.waitFor("the saved message", `!!document.getElementById("open-saved")`)
	priya.click("#open-saved")
	priya.waitFor("the stage page", `location.pathname.includes("/guide/")`)
	priya.addSource("Priya's forecast model")
	back := priya.shareLink("")
	// Priya's first link carries only what she added: Dana's link said
	// what Dana's device holds.
	containsAll(t, "Priya's first link", priya.text("#link-scope"), "carries only what Dana Okafor does not have yet")
	dana.mergeLink(back)

	for round := 1; round <= 3; round++ {
		dana.goToStageOf(srv.URL, id, "data")
		dana.addSource(fmt.Sprintf("Dana's source of round %d", round))
		link := dana.shareLink("")
		containsAll(t, fmt.Sprintf("Dana's link of round %d", round), dana.text("#link-scope"), "carries only what Priya Raman does not have yet")
		if round == 2 {
			// This one is lost on the way; a device that never had the
			// earlier links is told what to ask for.
			third.open(link)
			third.waitFor("the message", `!!document.getElementById("needs-earlier-message")`)
			containsAll(t, "the third device's message", third.text("#needs-earlier"), "only Dana Okafor's latest changes", "Ask Dana Okafor for a complete link", "Nothing on this device was changed")
			third.click("#write-request")
			third.waitFor("the request", `!!document.getElementById("request-text")`)
			containsAll(t, "the request", third.value("#request-text"), "Hi Dana Okafor", "complete link")
			if len(third.onboardingKeys()) != 0 {
				t.Error("the third device saved something from a link it could not take")
			}
			third.keep("share-needs-earlier")
			continue
		}
		priya.mergeLink(link)
		priya.goToStageOf(srv.URL, id, "data")
		priya.addSource(fmt.Sprintf("Priya's source of round %d", round))
		dana.mergeLink(priya.shareLink(""))
	}
	dana.open(srv.URL + "/share?id=" + id)
	last := dana.shareLink("")
	containsAll(t, "Dana's share page", dana.text("#exchange"), "Priya Raman last sent you a link on", "They have everything you have")
	priya.mergeLink(last)

	// A link back that brings Dana nothing new still tells what Priya has:
	// opening it says so, and Dana's next link has nothing left to carry.
	dana.goToStageOf(srv.URL, id, "data")
	dana.addSource("Dana's last word")
	priya.mergeLink(dana.shareLink(""))
	echo := priya.shareLink("")
	dana.leave()
	dana.open(echo)
	dana.waitFor("the confirmation", `!!document.getElementById("confirmed")`)
	containsAll(t, "the link of nothing new", dana.text("#preview"), "Nothing new", "so your next link to them carries only what they lack")
	dana.open(srv.URL + "/share?id=" + id)
	dana.shareLink("")
	containsAll(t, "Dana's share page after the confirmation", dana.text("#exchange"), "They have everything you have")

	a, b := dana.canonical(id), priya.canonical(id)
	if a != b {
		t.Errorf("the two devices end with different content:\n%s\n%s", a, b)
	}
	for _, want := range []string{"Dana's source of round 2", "Priya's source of round 3", "Close pack"} {
		if !strings.Contains(a, want) {
			t.Errorf("the content lacks %q", want)
		}
	}
	dana.expectNoProblems("Dana")
	priya.expectNoProblems("Priya")
	third.expectNoProblems("the third device")
	dana.expectOnlyOwnOrigin(srv.URL)
}

// A long link offers the file, and the QR code only when the link fits
// in one.
func TestALongLinkOffersTheFile(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	b.openExample(srv.URL + "/")
	b.click("#share-onboarding")
	b.waitFor("the link", `!!document.getElementById("share-link") && document.getElementById("share-link").value.length > 0`)
	n := len(b.value("#share-link"))
	meter := b.text("#link-size")
	b.keep("share-long-link")
	if n <= 2000 || !strings.Contains(meter, "send the file instead") || b.count("#download-file-instead") != 1 {
		t.Fatalf("a %d-character link: the meter says %q", n, meter)
	}
	if fits := n <= 2953; fits != (b.count("#share-qr svg") == 1) || fits != (b.count("#show-qr") == 1) {
		t.Errorf("a %d-character link: QR code shown %v", n, b.count("#share-qr svg") == 1)
	}
	b.expectNoProblems("the share page")
}

// mergeLink opens a link on a device that has the onboarding and merges it.
func (b *browser) mergeLink(link string) {
	b.t.Helper()
	b.leave()
	b.open(link)
	b.waitFor("the merge preview", `!!document.getElementById("save-incoming") || !!document.getElementById("nothing-new") || !!document.getElementById("open-error") || !!document.getElementById("needs-earlier")`)
	if msg := b.text(".open-status"); strings.TrimSpace(msg) != "" || b.count("#needs-earlier") > 0 {
		b.t.Fatalf("the link did not open: %q %q", msg, b.text("body"))
	}
	if b.count("#save-incoming") > 0 {
		b.click("#save-incoming")
		b.waitFor("the saved message", `!!document.getElementById("saved")`)
	}
}

// canonical is what the device's copy shares, lists in ID order.
func (b *browser) canonical(id string) string {
	b.t.Helper()
	var o onboarding.Onboarding
	if err := json.Unmarshal([]byte(b.storedOnboarding(id)), &o); err != nil {
		b.t.Fatal(err)
	}
	return onboardingtest.Canonical(&o)
}

// qrText reads the QR code on the share page with ZXing's decoder, from
// the SVG the page shows.
func (b *browser) qrText() string {
	b.t.Helper()
	svg := eval[string](b, `document.querySelector("#share-qr svg") ? document.querySelector("#share-qr svg").outerHTML : ""`)
	if svg == "" {
		b.t.Fatal("no QR code on the share page")
	}
	m := regexp.MustCompile(`viewBox="0 0 (\d+) `).FindStringSubmatch(svg)
	if m == nil {
		b.t.Fatalf("the QR code has no size: %.100s", svg)
	}
	n, _ := strconv.Atoi(m[1])
	const scale = 3
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, r := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)`).FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for px := x * scale; px < (x+w)*scale; px++ {
			for py := y * scale; py < (y+1)*scale; py++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		b.t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		b.t.Fatalf("the QR code on the page does not read: %v", err)
	}
	return res.GetText()
}
