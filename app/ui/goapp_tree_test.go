package ui

// The one file of the ui's tests that reads go-app's own fields. go-app
// v9.8.0 (pinned in go.mod; the last v9) has no public way to reach a
// mounted element's children, attributes or event handlers: app.UI keeps
// them behind unexported methods, and app.TestMatch compares a tree
// without handing any of it out. So findID, kids, attr and handlerOf read
// the unexported fields by reflection, and reveal makes them readable.
//
// Why reveal is safe: reflect.NewAt only re-types the address of a field
// it is given (v.UnsafeAddr, addressable because it is reached through a
// pointer), with the field's own type, so nothing is read as a type it is
// not; it is only read, never written, and only in tests. What it relies
// on is the shape of go-app v9.8.0: htmlElement's children ([]UI),
// attributes (map[string]string) and eventHandlers (map[string]
// eventHandler, whose goHandler is the EventHandler given to OnClick and
// the rest), and Compo's root (UI). TestGoAppsTreeHasTheFieldsTheHarnessReads
// checks each of them and the version in go.mod, and fails with its own
// name if go-app is moved on or stores its tree another way, rather than
// every component test failing for reasons of its own.

import (
	"os"
	"reflect"
	"regexp"
	"testing"
	"unsafe"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

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

// TestGoAppsTreeHasTheFieldsTheHarnessReads checks, before reveal is
// trusted, that go-app is the version the harness was written against and
// that its elements and components have the fields it reads, of the
// types it reads them as.
func TestGoAppsTreeHasTheFieldsTheHarnessReads(t *testing.T) {
	t.Parallel()
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s*(require\s+)?github\.com/maxence-charriere/go-app/v9 v9\.8\.0$`).Match(mod) {
		t.Error("go.mod no longer pins go-app v9.8.0: check the fields below against the new version before trusting goapp_tree_test.go")
	}
	el := reflect.TypeOf(app.Div()).Elem()
	want := map[string]reflect.Type{
		"children":      reflect.TypeOf([]app.UI(nil)),
		"attributes":    reflect.TypeOf(map[string]string(nil)),
		"eventHandlers": nil, // a map of structs; its values are checked below
	}
	for name, typ := range want {
		f, ok := el.FieldByName(name)
		if !ok {
			t.Errorf("go-app's HTML element has no field %q", name)
			continue
		}
		if typ != nil && !f.Type.ConvertibleTo(typ) {
			t.Errorf("go-app's HTML element's %s is a %v, not a %v", name, f.Type, typ)
		}
	}
	if f, ok := el.FieldByName("eventHandlers"); ok {
		if f.Type.Kind() != reflect.Map || f.Type.Key().Kind() != reflect.String {
			t.Errorf("go-app's eventHandlers is a %v, not a map by event name", f.Type)
		} else if h, ok := f.Type.Elem().FieldByName("goHandler"); !ok || h.Type != reflect.TypeOf(app.EventHandler(nil)) {
			t.Errorf("go-app's event handler has no goHandler of type app.EventHandler (%v)", f.Type.Elem())
		}
	}
	if f, ok := reflect.TypeOf(app.Compo{}).FieldByName("root"); !ok || f.Type != reflect.TypeOf((*app.UI)(nil)).Elem() {
		t.Error("go-app's Compo has no root of type app.UI")
	}
}
