package onboarding

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// entryLists finds, by reflection, the address of every list of entries in
// the model (a slice of a struct that embeds Meta), with its path.
func entryLists(v reflect.Value, path string, out map[uintptr]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			entryLists(v.Elem(), path, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			entryLists(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	case reflect.Slice:
		if f, ok := v.Type().Elem().FieldByName("Meta"); ok && f.Anonymous {
			out[v.Addr().Pointer()] = path
		}
	}
}

// TestListsNameEveryListOfTheModel keeps Lists complete: a new list added
// to the model without its entry here would have no remove, undo or
// private switch.
func TestListsNameEveryListOfTheModel(t *testing.T) {
	o := &Onboarding{}
	inModel := map[uintptr]string{}
	entryLists(reflect.ValueOf(o), "Onboarding", inModel)
	// The 1:1 log is removed by RemoveMeeting, which puts its topics back.
	delete(inModel, reflect.ValueOf(&o.Meetings).Pointer())

	lists := reflect.ValueOf(Lists)
	named := map[uintptr]string{}
	for i := 0; i < lists.NumField(); i++ {
		of := lists.Field(i).FieldByName("Of")
		got := of.Call([]reflect.Value{reflect.ValueOf(o)})[0].Elem()
		if got.Kind() != reflect.Pointer || got.Elem().Kind() != reflect.Slice {
			t.Errorf("Lists.%s gives a %s, not a pointer to a list", lists.Type().Field(i).Name, got.Type())
			continue
		}
		named[got.Pointer()] = lists.Type().Field(i).Name
	}
	for p, path := range inModel {
		if named[p] == "" {
			t.Errorf("%s is a list of entries that Lists does not name", path)
		}
	}
	for p, name := range named {
		if inModel[p] == "" {
			t.Errorf("Lists.%s points at no list of entries of the model", name)
		}
	}
	if len(inModel) < 10 {
		t.Fatalf("found only %d lists in the model: the walk is broken", len(inModel))
	}
}

func TestListRemoveLeavesATombstoneAndUndoes(t *testing.T) {
	o := newTest(t)
	l := Lists.Problems
	var ids []string
	for _, text := range []string{"first", "second", "third"} {
		id, err := l.Add(o, t0)
		if err != nil {
			t.Fatal(err)
		}
		Edit(o.Problems, id, t0, func(p *Problem) { p.Problem = text })
		ids = append(ids, id)
	}
	undo, ok := l.Remove(o, ids[1], t0.Add(time.Minute))
	if !ok || len(o.Problems) != 2 || Find(o.Problems, ids[1]) != nil {
		t.Fatalf("the second problem is still there: %+v", o.Problems)
	}
	if when, buried := o.Deleted[ids[1]]; !buried || !when.Equal(t0.Add(time.Minute)) {
		t.Errorf("no tombstone for the removed entry: %v", o.Deleted)
	}
	// An edit made after the removal survives the undo.
	Edit(o.Problems, ids[2], t0, func(p *Problem) { p.Evidence = "later" })
	undo(o, t0)
	if got := problemTexts(o); got != "first second third" {
		t.Errorf("after the undo the list reads %q", got)
	}
	// The tombstone stays (the other copy may hold it); the entry put
	// back is newer, so no merge removes it again.
	if back := Find(o.Problems, ids[1]); back == nil || !back.Updated.After(o.Deleted[ids[1]]) {
		t.Error("the entry put back is not newer than its removal, so a merge would remove it again")
	}
	c := Copy(o)
	c.Normalize()
	if Find(c.Problems, ids[1]) == nil {
		t.Error("the entry put back is buried again")
	}
	if o.Problems[2].Evidence != "later" {
		t.Error("the undo lost an edit made after the removal")
	}
	undo(o, t0)
	if len(o.Problems) != 3 {
		t.Errorf("a second undo put the entry back twice: %d problems", len(o.Problems))
	}
	if _, ok := l.Remove(o, "no such id", t0); ok {
		t.Error("removing an unknown ID reported a removal")
	}
}

func problemTexts(o *Onboarding) string {
	var s []string
	for _, p := range o.Problems {
		s = append(s, p.Problem)
	}
	return strings.Join(s, " ")
}

func TestListAddIsByTheWriterAndPrivateWhereTheListSaysSo(t *testing.T) {
	o := newTest(t)
	o.Writer = o.Newcomer.ID
	id, _ := Lists.TeamRead.Add(o, t0)
	member := Find(o.TeamRead, id)
	if member.Author != o.Newcomer.ID || !member.Private {
		t.Errorf("a new team read entry is %+v: want it by the newcomer, and private", member.Meta)
	}
	id, _ = Lists.People.Add(o, t0)
	if p := Find(o.People, id); p.Private {
		t.Error("a new person to meet is private; only the team read starts private")
	}
	Lists.People.SetPrivate(o, id, true, t0)
	if !Find(o.People, id).Private {
		t.Error("SetPrivate did not keep the entry on the device")
	}
}

func TestListAddWhenFull(t *testing.T) {
	o := newTest(t)
	for i := 0; i < MaxEntries; i++ {
		if _, err := Lists.Surprises.Add(o, t0); err != nil {
			t.Fatalf("entry %d: %v", i+1, err)
		}
	}
	_, err := Lists.Surprises.Add(o, t0)
	var full *FullError
	if !errors.As(err, &full) || full.List != "surprises" || len(o.Surprises) != MaxEntries {
		t.Errorf("adding past the cap gave %v and %d entries", err, len(o.Surprises))
	}
	if !strings.Contains(err.Error(), "the surprises") {
		t.Errorf("the message does not name the list: %q", err)
	}
}

func TestEntriesAndEditReachTheEntriesThemselves(t *testing.T) {
	o := newTest(t)
	a, _ := Lists.Processes.Add(o, t0)
	b, _ := Lists.Processes.Add(o, t0)
	all := Lists.Processes.Entries(o)
	if len(all) != 2 || all[0].(*Process).ID != a || all[1].(*Process).ID != b {
		t.Fatalf("entries %v", all)
	}
	t1 := t0.Add(time.Hour)
	if !Lists.Processes.Edit(o, b, t1, func(e any) { e.(*Process).Name = "Quarterly planning" }) {
		t.Fatal("the change found no entry")
	}
	if o.Processes[1].Name != "Quarterly planning" || !o.Processes[1].Updated.Equal(t1) {
		t.Errorf("the change did not reach the entry, or did not stamp it: %+v", o.Processes[1])
	}
}
