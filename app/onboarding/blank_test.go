package onboarding

import "testing"

func TestIsBlank(t *testing.T) {
	o := newTest(t)
	id, _ := Lists.DataSources.Add(o, t0)
	source := Lists.DataSources.Find(o, id)
	if !IsBlank(source) {
		t.Error("an entry just added is not blank")
	}
	for _, fill := range []func(d *DataSource){
		func(d *DataSource) { d.Name = "Board deck" },
		func(d *DataSource) { d.Owner = "Ana" },
		func(d *DataSource) { d.Checked = true },
	} {
		d := *source.(*DataSource)
		fill(&d)
		if IsBlank(&d) {
			t.Errorf("%+v is called blank", d)
		}
	}
	spaces := DataSource{Meta: Meta{ID: id, Author: o.Buddy.ID, Private: true}, Name: "  \n", Answers: "\t"}
	if !IsBlank(&spaces) {
		t.Error("spaces and who added it are not something written")
	}
	if IsBlank(&Process{Health: Working}) || IsBlank(&Contact{Reason: ReasonTenure}) {
		t.Error("a choice made is called blank")
	}
	if IsBlank("text") {
		t.Error("a string is an entry")
	}
}
