//go:build browser

package e2e

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Files that go in and out of the page: downloads, chosen files, printed
// PDFs, and the pictures a test leaves for a person to look at.

// downloads are the files the browser saves for a page, each kept in a
// directory of the test's under a name of the browser's own.
type downloads struct {
	b   *browser
	dir string

	mu    sync.Mutex
	names map[string]string // the name the page gave each download, by its GUID
	done  chan string       // the GUIDs of finished downloads
}

// allowDownloads lets the page save files, as a person's click on a
// download would, and follows them.
func (b *browser) allowDownloads() *downloads {
	b.t.Helper()
	d := &downloads{b: b, dir: b.t.TempDir(), names: map[string]string{}, done: make(chan string, 64)}
	if err := chromedp.ListenBrowser(b.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *cdpbrowser.EventDownloadWillBegin:
			d.mu.Lock()
			d.names[ev.GUID] = ev.SuggestedFilename
			d.mu.Unlock()
		case *cdpbrowser.EventDownloadProgress:
			// The browser tells every test of every download in the
			// Chromium they share: this test's are those in its folder.
			if _, err := os.Stat(filepath.Join(d.dir, ev.GUID)); ev.State == cdpbrowser.DownloadProgressStateCompleted && err == nil {
				select {
				case d.done <- ev.GUID:
				default: // a follower no one reads any more, after a later allowDownloads
				}
			}
		}
	}); err != nil {
		b.t.Fatal(err)
	}
	on := true
	cdpBrowser(b, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: d.dir, EventsEnabled: &on,
		BrowserContextID: b.browserContext(),
	})
	return d
}

// next waits for the next download to finish, checks that the page named
// it with the extension ext, and returns its content.
func (d *downloads) next(ext string) string {
	d.b.t.Helper()
	select {
	case guid := <-d.done:
		d.mu.Lock()
		name := d.names[guid]
		d.mu.Unlock()
		if !strings.HasSuffix(name, ext) {
			d.b.t.Errorf("the download is named %q, not *%s", name, ext)
		}
		data, err := os.ReadFile(filepath.Join(d.dir, guid))
		if err != nil {
			d.b.t.Fatal(err)
		}
		return string(data)
	case <-time.After(step):
		d.b.t.Fatalf("no %s download finished", ext)
	}
	return ""
}

// captureDownload clicks a button that downloads a file made in the page,
// and returns the file's text. It catches the Blob the page hands to the
// browser, so nothing depends on the download folder.
func (b *browser) captureDownload(css string) string {
	b.t.Helper()
	eval[bool](b, `(() => {
		window.__downloads = [];
		const create = URL.createObjectURL;
		URL.createObjectURL = (blob) => { window.__downloads.push(blob.text()); return create(blob); };
		HTMLAnchorElement.prototype.click = function () {};
		return true;
	})()`)
	b.click(css)
	b.waitFor("the download", `window.__downloads.length > 0`)
	return eval[string](b, `window.__downloads[0]`)
}

// chooseFile picks a file in an <input type=file>, as a person choosing
// it in the browser's dialog.
func (b *browser) chooseFile(css, name, content string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf(`(() => {
		const input = document.querySelector(%q);
		const dt = new DataTransfer();
		dt.items.add(new File([%q], %q, {type: "application/json"}));
		input.files = dt.files;
		input.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, css, content, name))
}

// keepBackupFileInMemory stands in for the File System Access API's file
// picker, from the next page load on: headless Chromium has
// showSaveFilePicker but cannot show the picker, and aborts at once. The
// file it hands out keeps what is written to it in window.__backupFile.
func (b *browser) keepBackupFileInMemory() {
	b.t.Helper()
	b.beforeEveryPage(`(() => {
			window.__backupFile = {text: "", writes: 0};
			window.showSaveFilePicker = async () => ({
				name: "counterpart-backup.json",
				createWritable: async () => {
					let text = "";
					return {
						write: async (t) => { text += t; },
						close: async () => { window.__backupFile.text = text; window.__backupFile.writes++; },
					};
				},
			});
		})()`)
}

// artifactDir is where the tests leave PDFs and screenshots for a person
// to look at: $COUNTERPART_ARTIFACTS if set, else a directory removed with
// the test.
func artifactDir(t *testing.T) string {
	if dir := os.Getenv("COUNTERPART_ARTIFACTS"); dir != "" {
		os.MkdirAll(dir, 0o755)
		return dir
	}
	return t.TempDir()
}

// keep saves a screenshot of the page in $COUNTERPART_ARTIFACTS, when it
// names a directory, for a person to look at what the test saw.
func (b *browser) keep(name string) {
	b.t.Helper()
	dir := os.Getenv("COUNTERPART_ARTIFACTS")
	if dir == "" {
		return
	}
	png, err := tryRun(b, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err) // a picture for a person, not a check
		return
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

// printPDF prints the page as the browser's print dialog would, to name.pdf
// in artifactDir, and returns the file's path.
func (b *browser) printPDF(name string, opts ...chromedp.PDFOption) string {
	b.t.Helper()
	pdf := run(b, "printing "+name, chromedp.PrintToPDF(opts...))
	file := filepath.Join(artifactDir(b.t), name+".pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		b.t.Fatal(err)
	}
	return file
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// readPDF returns the page count and the text of a PDF, read by poppler.
func readPDF(t *testing.T, file string) (int, string) {
	t.Helper()
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo (poppler-utils, which make test installs): %v", err)
	}
	m := pagesLine.FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	text, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return pages, string(text)
}

// pdfPages draws each page of a PDF with poppler at 60 dpi.
func pdfPages(t *testing.T, file string) []image.Image {
	t.Helper()
	out := strings.TrimSuffix(file, ".pdf")
	if msg, err := exec.Command("pdftoppm", "-png", "-r", "60", file, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm (poppler-utils, which make test installs): %v: %s", err, msg)
	}
	names, _ := filepath.Glob(out + "-*.png")
	var imgs []image.Image
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		imgs = append(imgs, img)
	}
	if len(imgs) == 0 {
		t.Fatalf("pdftoppm drew no page of %s", file)
	}
	return imgs
}
