package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// zonePicker is the time zone of the weekly 1:1, chosen from the zones
// the browser knows, grouped by region. The list is long (some four
// hundred zones), so it is a component of its own that renders again
// only when its value changes: its handler is unexported, which go-app
// leaves out when it compares a component with its next version, so the
// page's renders at every keystroke do not rebuild the list. The handler
// it keeps is the first one, which captures the page, and the page stays
// the same one.
type zonePicker struct {
	app.Compo

	ID, Label, Hint string
	Value           string // the zone chosen, or the device's
	onPick          func(ctx app.Context, zone string)
}

func (z *zonePicker) Render() app.UI {
	groups := []app.UI{}
	var group []app.UI
	region := ""
	flush := func() {
		if len(group) > 0 {
			groups = append(groups, app.OptGroup().Label(region).Body(group...))
		}
		group = nil
	}
	for _, name := range zoneNames(z.Value) {
		r, _, _ := strings.Cut(name, "/")
		if r != region {
			flush()
			region = r
		}
		group = append(group, app.Option().Value(name).Text(zoneLabel(name)).Selected(name == z.Value))
	}
	flush()
	return div("field",
		app.Label().For(z.ID).Text(z.Label),
		app.Select().ID(z.ID).Aria("describedby", z.ID+"-hint").Body(groups...).OnChange(func(ctx app.Context, e app.Event) {
			if z.onPick != nil {
				z.onPick(ctx, target(e).Get("value").String())
			}
		}),
		app.P().Class("field-hint").ID(z.ID+"-hint").Text(z.Hint),
	)
}

// zoneLabel is a zone's name as a person reads it: "America/New_York"
// is "America / New York".
func zoneLabel(name string) string {
	return strings.ReplaceAll(strings.ReplaceAll(name, "_", " "), "/", " / ")
}

// zoneNames lists the zones to choose from: every zone the browser knows
// (Intl.supportedValuesOf), sorted, with the one chosen among them even
// if the browser does not list it. Without a browser, or with one too old
// to list its zones, it is the chosen one and the device's.
func zoneNames(chosen string) []string {
	names := slices.Clone(browserZones())
	for _, extra := range []string{chosen, browserZone()} {
		if extra != "" && !slices.Contains(names, extra) {
			names = append(names, extra)
		}
	}
	slices.Sort(names)
	return names
}

// browserZones is the browser's list of zones, with UTC, read once: it
// does not change while the tab is open. The server, or a browser too
// old to list its zones, gives none.
var browserZones = sync.OnceValue(func() []string {
	var zones []string
	if app.IsServer {
		return nil
	}
	func() {
		defer func() { recover() }() // a browser without the list
		list := app.Window().Get("Intl").Call("supportedValuesOf", "timeZone")
		for i := 0; i < list.Length(); i++ {
			zones = append(zones, list.Index(i).String())
		}
	}()
	if !slices.Contains(zones, "UTC") && len(zones) > 0 {
		zones = append(zones, "UTC")
	}
	return zones
})
