package ui

// The component tests mount a page with go-app's own test dispatcher
// (app.NewClientTester), navigate it as the router would, and check what it
// renders (app.HTMLString, app.TestMatch). go-app gives no way to reach an
// element's children or event handlers from outside, so the helpers below
// read them by reflection; they depend on go-app v9.8.0, the last v9, and
// TestHarnessReachesGoAppsTree fails loudly if that ever changes.

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"counterpart/app/onboarding"
	"counterpart/app/store"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// screen is one page mounted for a test.
type screen struct {
	t    *testing.T
	disp app.ClientDispatcher
	root app.Composer
}

// device is the test's browser tab: its storage, in memory, and the App
// of the tab over it. Each test has its own, so tests run in parallel.
type device struct {
	t   *testing.T
	mem *store.Memory
	app *App
}

// newDevice gives the test an empty device.
func newDevice(t *testing.T) *device {
	mem := store.NewMemory()
	return &device{t: t, mem: mem, app: newAppOver(store.New(mem, wallNow))}
}

// saved puts an onboarding on the test's device.
func (d *device) saved(o *onboarding.Onboarding) *onboarding.Onboarding {
	d.t.Helper()
	if _, err := d.app.store.Save(o); err != nil {
		d.t.Fatal(err)
	}
	return o
}

// stored reads an onboarding back from the device, as a reload would.
func (d *device) stored(id string) *onboarding.Onboarding {
	d.t.Helper()
	// A second store reads the device as another tab would, so that
	// nothing the page holds in memory is trusted.
	o, err := store.New(d.mem, wallNow).Load(id)
	if err != nil {
		d.t.Fatalf("reading %s back: %v", id, err)
	}
	return o
}

// show mounts page at rawURL (a path and query, as in a link), with the
// device's App in its App field, as the route table makes it.
func (d *device) show(page app.Composer, rawURL string) *screen {
	t := d.t
	t.Helper()
	if f := reflect.ValueOf(page).Elem().FieldByName("App"); f.IsValid() {
		f.Set(reflect.ValueOf(d.app))
	}
	u, err := url.Parse("http://localhost" + rawURL)
	if err != nil {
		t.Fatal(err)
	}
	disp := app.NewClientTester(page)
	t.Cleanup(disp.Close)
	disp.Nav(u)
	disp.Consume()
	return &screen{t: t, disp: disp, root: page}
}

// html is the page as it renders now.
func (s *screen) html() string {
	s.disp.Consume()
	return app.HTMLString(s.root)
}

// has reports whether the page shows the text.
func (s *screen) has(text string) bool { return strings.Contains(s.html(), text) }

// expect fails the test unless the page shows every text.
func (s *screen) expect(texts ...string) {
	s.t.Helper()
	html := s.html()
	for _, text := range texts {
		if !strings.Contains(html, text) {
			s.t.Errorf("the page does not show %q", text)
		}
	}
}

// expectNot fails the test if the page shows any of the texts.
func (s *screen) expectNot(texts ...string) {
	s.t.Helper()
	html := s.html()
	for _, text := range texts {
		if strings.Contains(html, text) {
			s.t.Errorf("the page shows %q", text)
		}
	}
}

// find returns the element with the ID and its path from the page's root,
// for app.TestMatch, or fails the test.
func (s *screen) find(id string) (app.UI, []int) {
	s.t.Helper()
	s.disp.Consume()
	n, path := findID(s.root, id, nil)
	if n == nil {
		s.t.Fatalf("no element #%s on the page", id)
	}
	return n, path
}

// exists reports whether an element with the ID is on the page.
func (s *screen) exists(id string) bool {
	s.disp.Consume()
	n, _ := findID(s.root, id, nil)
	return n != nil
}

// match checks the element with the ID against what is expected of it,
// with go-app's own matcher: the same tag, exactly the same attributes and
// the same event handlers.
func (s *screen) match(id string, expected app.UI) {
	s.t.Helper()
	_, path := s.find(id)
	if err := app.TestMatch(s.root, app.TestUIDescriptor{Path: path, Expected: expected}); err != nil {
		s.t.Errorf("#%s: %v", id, err)
	}
}

// click presses the element with the ID.
func (s *screen) click(id string) { s.t.Helper(); s.fire(id, "click", nil) }

// typeIn types text into the field with the ID, as one input event.
func (s *screen) typeIn(id, text string) {
	s.t.Helper()
	s.fire(id, "input", map[string]any{"value": text})
}

// check ticks or unticks a check box, or picks a radio button.
func (s *screen) check(id string, on bool) {
	s.t.Helper()
	s.fire(id, "change", map[string]any{"checked": on})
}

// choose picks a value in the drop-down list with the ID.
func (s *screen) choose(id, value string) {
	s.t.Helper()
	s.fire(id, "change", map[string]any{"value": value})
}

// submit sends the form that holds the element with the ID.
func (s *screen) submit(id string) {
	s.t.Helper()
	s.disp.Consume()
	_, path := s.find(id)
	// The nearest ancestor with a submit handler is the form.
	n := app.UI(s.root)
	var form app.UI
	for _, i := range path {
		if handlerOf(n, "submit") != nil {
			form = n
		}
		n = kids(n)[i]
	}
	if form == nil {
		s.t.Fatalf("#%s is in no form", id)
	}
	s.run(form, handlerOf(form, "submit"), nil)
}

// fire runs the handler of one event of an element, with an event whose
// target holds props, as a browser would dispatch it.
func (s *screen) fire(id, event string, props map[string]any) {
	s.t.Helper()
	n, _ := s.find(id)
	h := handlerOf(n, event)
	if h == nil {
		s.t.Fatalf("#%s has no %s handler", id, event)
	}
	s.run(n, h, props)
}

func (s *screen) run(n app.UI, h app.EventHandler, props map[string]any) {
	s.disp.Dispatch(app.Dispatch{Mode: app.Update, Source: n, Function: func(ctx app.Context) {
		h(ctx, app.Event{Value: fakeJS{Value: app.Null(), props: map[string]any{"target": fakeJS{Value: app.Null(), props: props}}}})
	}})
	s.disp.Consume()
}

// fakeJS stands for a JavaScript object with the given properties.
type fakeJS struct {
	app.Value
	props map[string]any
}

func (f fakeJS) Get(p string) app.Value {
	switch v := f.props[p].(type) {
	case fakeJS:
		return v
	case nil:
		return fakeJS{Value: app.Null()}
	default:
		return fakeJS{Value: app.Null(), props: map[string]any{"": v}}
	}
}

func (f fakeJS) String() string { s, _ := f.props[""].(string); return s }
func (f fakeJS) Bool() bool     { b, _ := f.props[""].(bool); return b }
func (f fakeJS) Truthy() bool   { return f.props != nil }
func (f fakeJS) Call(string, ...any) app.Value {
	return fakeJS{Value: app.Null()}
}

// findID walks the mounted tree for the element whose id attribute is id.
func findID(n app.UI, id string, path []int) (app.UI, []int) {
	if n == nil {
		return nil, nil
	}
	if attr(n, "id") == id {
		return n, path
	}
	for i, c := range kids(n) {
		if found, p := findID(c, id, append(path[:len(path):len(path)], i)); found != nil {
			return found, p
		}
	}
	return nil, nil
}

// kids are the children of a mounted element, or a component's root.
func kids(n app.UI) []app.UI {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	v = v.Elem()
	switch n.Kind() {
	case app.Component:
		root := v.FieldByName("root")
		if !root.IsValid() || root.IsNil() {
			return nil
		}
		return []app.UI{reveal(root).Interface().(app.UI)}
	case app.HTML:
		c := v.FieldByName("children")
		out := make([]app.UI, 0, c.Len())
		for i := 0; i < c.Len(); i++ {
			if !c.Index(i).IsNil() {
				out = append(out, reveal(c.Index(i)).Interface().(app.UI))
			}
		}
		return out
	}
	return nil
}

// attr is an attribute of an HTML element, or "".
func attr(n app.UI, name string) string {
	if n.Kind() != app.HTML {
		return ""
	}
	attrs := reveal(reflect.ValueOf(n).Elem().FieldByName("attributes"))
	if v := attrs.MapIndex(reflect.ValueOf(name)); v.IsValid() {
		return v.String()
	}
	return ""
}

// handlerOf is the Go handler of an element's event, or nil.
func handlerOf(n app.UI, event string) app.EventHandler {
	if n.Kind() != app.HTML {
		return nil
	}
	handlers := reveal(reflect.ValueOf(n).Elem().FieldByName("eventHandlers"))
	h := handlers.MapIndex(reflect.ValueOf(event))
	if !h.IsValid() {
		return nil
	}
	copy := reflect.New(h.Type()).Elem()
	copy.Set(h)
	return reveal(copy.FieldByName("goHandler")).Interface().(app.EventHandler)
}

// reveal makes an unexported field of go-app's readable.
func reveal(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// TestHarnessReachesGoAppsTree checks the helpers above against a small
// tree, so that a go-app that stores its tree another way fails here, with
// this name, rather than in every component test.
func TestHarnessReachesGoAppsTree(t *testing.T) {
	t.Parallel()
	clicked := ""
	page := &probe{onClick: func() { clicked = "yes" }}
	s := newDevice(t).show(page, "/")
	if n, path := findID(s.root, "inner", nil); n == nil || len(path) != 2 {
		t.Fatalf("the walk did not find #inner: %v %v", n, path)
	}
	s.match("inner", app.Button().ID("inner").OnClick(func(app.Context, app.Event) {}))
	s.click("inner")
	if clicked != "yes" {
		t.Error("the click handler did not run")
	}
	s.typeIn("field", "typed")
	if page.typed != "typed" {
		t.Errorf("the input handler read %q", page.typed)
	}
	s.expect("typed")
}

type probe struct {
	app.Compo
	onClick func()
	typed   string
}

func (p *probe) Render() app.UI {
	return div("",
		para("", p.typed),
		app.Button().ID("inner").OnClick(func(app.Context, app.Event) { p.onClick() }),
		app.Input().ID("field").OnInput(func(ctx app.Context, e app.Event) { p.typed = target(e).Get("value").String() }),
	)
}
