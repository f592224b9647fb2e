package ui

// The component tests mount a page with go-app's own test dispatcher
// (app.NewClientTester), navigate it as the router would, and check what it
// renders (app.HTMLString, app.TestMatch). go-app gives no way to reach an
// element's children or event handlers from outside: goapp_tree_test.go
// reads them, and holds all the harness's reflection into go-app.

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

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
