//go:build browser

package bench

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
	"counterpart/app/share"
)

// linkRuns is how many loads each link-time figure takes the median of.
const linkRuns = 3

// Making and opening a link, as the history grows. Links up to about a
// year go as version 3 (contextmix, slower than DEFLATE but a third
// shorter); larger ones as version 2 (DEFLATE). Natively, against
// DEFLATE of the same JSON; in Chromium, the share page (which makes the
// link as it opens) and the open page (which decodes it), against a stage
// page of the same onboarding, which loads and checks the same record.
func TestLinkTimeAgainstDeflateAndAStagePage(t *testing.T) {
	build(t)
	url := serve(t, builds.appWeb)
	native := reportSection("Making and opening links, natively", "share.EncodeLink (a complete, plain link) and share.Decode, with testing.Benchmark, against compress/flate at its best level on the shareable JSON: the cost of a codec that only deflates.")
	chromium := reportSection("Making and opening links in Chromium", fmt.Sprintf("Warm loads (from the service worker's cache), median of %d: the share page until it shows the link, and the open page until it shows what a link holds, against a stage page of the same onboarding, which loads and checks the same record. The difference is what making or opening the link costs a person.", linkRuns))
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	tb := newTab(t)
	tb.load(url+"/", `!!document.querySelector("main h1")`)
	tb.waitForWorker()
	for _, years := range []int{0, 1, 3} {
		o := yearsOfOneOnes(t, years)
		h := onboarding.StartLink(o, time.Now(), true)
		frag, _, err := share.EncodeLink(o, h, "")
		if err != nil {
			t.Fatal(err)
		}
		version, _, _ := strings.Cut(frag, ".")
		data, err := json.Marshal(share.Shareable(o))
		if err != nil {
			t.Fatal(err)
		}
		deflate := timeOp(func() {
			var b bytes.Buffer
			w, _ := flate.NewWriter(&b, flate.BestCompression)
			w.Write(data)
			w.Close()
		})
		encode := timeOp(func() { share.EncodeLink(o, h, "") })
		decode := timeOp(func() { share.Decode(frag, "") })
		what := fmt.Sprintf("%d years (version %s, %s characters)", years, version, thousands(int64(len(frag))))
		native.add(figure{Name: "make the link, " + what, Value: ms(encode), Base: ms(deflate), BaseName: "DEFLATE of the JSON", Unit: "ms",
			Meaning: "contextmix costs far more than DEFLATE per byte; what matters is that it stays a small fraction of a second."})
		native.add(figure{Name: "open the link, " + what, Value: ms(decode), Base: ms(deflate), BaseName: "DEFLATE of the JSON", Unit: "ms",
			Meaning: "decoding, checking against the budget and normalizing what the link holds."})

		tb.plant(stored(t, o))
		var sharePage, openPage, stage []float64
		for range linkRuns {
			stage = append(stage, tb.load(url+"/guide/data?id="+o.ID, `!!document.getElementById("prompt-sources")`))
			sharePage = append(sharePage, tb.load(url+"/share?id="+o.ID, `!!document.getElementById("link-size")`))
			openPage = append(openPage, tb.load(url+share.Link("", frag), `!!document.getElementById("preview")`))
		}
		tb.removeAll()
		chromium.add(figure{Name: "the share page, " + what, Value: median(sharePage), Base: median(stage), BaseName: "a stage page of it", Unit: "ms",
			Meaning: "what making the link adds to opening a page: the share page is interactive only once the link is made."})
		chromium.add(figure{Name: "the open page, " + what, Value: median(openPage), Base: median(stage), BaseName: "a stage page of it", Unit: "ms",
			Meaning: "what opening a received link costs, up to its preview."})
	}
}
