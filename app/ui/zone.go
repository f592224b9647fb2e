package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"counterpart/app/calendar"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The browser knows the person's time zone and every zone's rules through
// Intl; Go's wasm build has no zone database of its own. These helpers
// give the calendar writer and the 1:1 page what they need from it.

// intlZone is a named zone whose offsets come from Intl.DateTimeFormat.
type intlZone struct {
	name   string
	format app.Value // an Intl.DateTimeFormat for the zone, in en-US parts
}

// zoneFor returns the zone named name, or nil when the browser does not
// know it (Intl throws on an unknown name) or there is no browser.
func zoneFor(name string) (z calendar.Zone) {
	if name == "" || app.IsServer {
		return nil
	}
	defer func() {
		if recover() != nil {
			z = nil
		}
	}()
	two := "2-digit"
	f := app.Window().Get("Intl").Get("DateTimeFormat").New("en-US", map[string]any{
		"timeZone": name, "hourCycle": "h23",
		"year": "numeric", "month": two, "day": two,
		"hour": two, "minute": two, "second": two,
	})
	return &intlZone{name: name, format: f}
}

// Name implements calendar.Zone.
func (z *intlZone) Name() string { return z.name }

// Offset implements calendar.Zone: the zone's wall clock at t, read as if
// it were UTC, minus t. The calendar asks for hundreds of offsets, so it
// takes one call into the browser each: format, which gives
// "11/05/2026, 08:30:00", read here.
func (z *intlZone) Offset(t time.Time) int {
	s := z.format.Call("format", float64(t.Unix())*1000).String()
	var n []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		v, _ := strconv.Atoi(f)
		n = append(n, v)
	}
	if len(n) != 6 {
		return 0 // not a date Intl would write; treat the zone as UTC
	}
	month, day, year, hour, minute, second := n[0], n[1], n[2], n[3], n[4], n[5]
	wall := time.Date(year, time.Month(month), day, hour%24, minute, second, 0, time.UTC)
	return int(wall.Sub(t.Truncate(time.Second)).Seconds())
}

// browserZone is the IANA name of the zone the device is set to, or "".
func browserZone() (name string) {
	if app.IsServer {
		return ""
	}
	defer func() {
		if recover() != nil {
			name = ""
		}
	}()
	return app.Window().Get("Intl").Get("DateTimeFormat").New().Call("resolvedOptions").Get("timeZone").String()
}

// today is the date on the device's own calendar, as YYYY-MM-DD. Go's
// clock in the browser is UTC, which is the wrong day for part of every
// day away from Greenwich.
func today() string {
	if app.IsServer {
		return wallNow().Format("2006-01-02")
	}
	d := app.Window().Get("Date").New()
	return fmt.Sprintf("%04d-%02d-%02d", d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
}
