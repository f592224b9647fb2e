package onboarding

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func draft() Draft {
	return Draft{MyName: "Dana Okafor", MyRole: "CTO", MyFunction: Engineering, PeerName: "Priya Raman", PeerRole: "CFO", PeerFunction: Finance, StartDate: "2026-11-02"}
}

func newTest(t *testing.T) *Onboarding {
	t.Helper()
	d := draft()
	if errs := d.Check(); len(errs) > 0 {
		t.Fatal(errs)
	}
	return New(d, t0)
}

func TestNewGivesEveryoneAnID(t *testing.T) {
	o := newTest(t)
	ids := map[string]bool{}
	for _, id := range []string{o.ID, o.Buddy.ID, o.Newcomer.ID} {
		if !IsID(id) || ids[id] {
			t.Errorf("bad or repeated ID %q", id)
		}
		ids[id] = true
	}
	if o.Me != o.Buddy.ID || o.Buddy.Name != "Dana Okafor" || o.Newcomer.Function != Finance {
		t.Errorf("the person filling the form is the buddy here: %+v", o)
	}
	if o.Title != "Priya Raman joins as CFO" {
		t.Errorf("title %q", o.Title)
	}
	d := draft()
	d.IAmNew = true
	o2 := New(d, t0)
	if o2.Me != o2.Newcomer.ID || o2.Newcomer.Name != "Dana Okafor" {
		t.Error("IAmNew should make me the newcomer")
	}
}

func TestDraftCheck(t *testing.T) {
	d := Draft{MyName: "  ", MyFunction: "chemistry", StartDate: "02/11/2026"}
	errs := d.Check()
	fields := map[string]bool{}
	for _, e := range errs {
		fields[e.Field] = true
		if !strings.HasSuffix(e.Message, ".") {
			t.Errorf("%s: message %q should be a sentence", e.Field, e.Message)
		}
	}
	for _, f := range []string{"my-name", "my-role", "my-function", "peer-name", "peer-role", "peer-function", "start-date"} {
		if !fields[f] {
			t.Errorf("no error for %s", f)
		}
	}
	if errs := draft().Check(); len(errs) != 0 {
		t.Errorf("a good draft was refused: %v", errs)
	}
}

func TestEntriesAddEditMoveRemove(t *testing.T) {
	o := newTest(t)
	a := Add(&o.DataSources, o.Buddy.ID, t0)
	a.Name = "Close pack"
	b := Add(&o.DataSources, o.Newcomer.ID, t0)
	b.Name = "Looker"
	c := Add(&o.DataSources, o.Buddy.ID, t0)
	c.Name = "CRM"
	ids := []string{o.DataSources[0].ID, o.DataSources[1].ID, o.DataSources[2].ID}
	if o.DataSources[1].Author != o.Newcomer.ID || !IsID(ids[1]) || ids[0] == ids[1] {
		t.Error("entries must record their author and get their own ID")
	}

	later := t0.Add(time.Hour)
	if !Edit(o.DataSources, ids[1], later, func(d *DataSource) { d.Checked = true }) {
		t.Fatal("edit missed")
	}
	if got := Find(o.DataSources, ids[1]); !got.Checked || !got.Updated.Equal(later) {
		t.Error("edit did not change or stamp the entry")
	}
	if Edit(o.DataSources, "nope", later, func(*DataSource) {}) {
		t.Error("edit of a missing entry reported success")
	}

	if !Move(o.DataSources, ids[2], -1) || names(o) != "Close pack,CRM,Looker" {
		t.Errorf("move up: %s", names(o))
	}
	if Move(o.DataSources, ids[0], -1) || Move(o.DataSources, ids[1], +1) {
		t.Error("moving past either end should do nothing")
	}
	removed, at, ok := Remove(&o.DataSources, ids[2])
	if !ok || at != 1 || removed.Name != "CRM" || names(o) != "Close pack,Looker" {
		t.Errorf("remove: %s", names(o))
	}
	Insert(&o.DataSources, at, removed)
	if names(o) != "Close pack,CRM,Looker" {
		t.Errorf("undo of remove: %s", names(o))
	}
	for i := 0; i < MaxEntries; i++ {
		Add(&o.Surprises, o.Buddy.ID, t0)
	}
	if Add(&o.Surprises, o.Buddy.ID, t0) != nil || len(o.Surprises) != MaxEntries {
		t.Error("a list grew past MaxEntries")
	}
}

func names(o *Onboarding) string {
	var n []string
	for _, d := range o.DataSources {
		n = append(n, d.Name)
	}
	return strings.Join(n, ",")
}

func TestClip(t *testing.T) {
	if got := Clip("héllo wörld", 5); got != "héllo" {
		t.Errorf("Clip = %q", got)
	}
	if got := Clip("ab\xffcd", 10); got != "abcd" {
		t.Errorf("invalid UTF-8 should be dropped: %q", got)
	}
	huge := strings.Repeat("€", MaxText*3)
	if got := Clip(huge, MaxText); utf8.RuneCountInString(got) != MaxText {
		t.Errorf("clipped to %d characters", utf8.RuneCountInString(got))
	}
}

func TestCheckLink(t *testing.T) {
	for link, ok := range map[string]bool{
		"":                                true,
		"https://looker.example.com/d/12": true,
		"http://intranet.example.com":     true,
		" https://a.example.com ":         true,
		"javascript:alert(1)":             false,
		"JavaScript:alert(1)":             false,
		"data:text/html,hi":               false,
		"file:///etc/passwd":              false,
		"looker.example.com":              false,
		"https://":                        false,
		"ftp://files.example.com":         false,
	} {
		if got := CheckLink(link) == ""; got != ok {
			t.Errorf("CheckLink(%q) ok=%v, want %v", link, got, ok)
		}
	}
	d := DataSource{Link: "javascript:alert(1)"}
	if _, ok := d.SafeLink(); ok {
		t.Error("a javascript: link was called safe")
	}
}

func TestProgress(t *testing.T) {
	o := newTest(t)
	if n := Percent(o.Progress()); n != 0 {
		t.Errorf("a new onboarding is %d%% done", n)
	}
	d := Add(&o.DataSources, o.Buddy.ID, t0)
	if o.Answered(StageData, "sources") {
		t.Error("an empty entry counts as an answer")
	}
	d.Name = "Close pack"
	if !o.Answered(StageData, "sources") || o.Answered(StageData, "checked") {
		t.Error("sources answered, checked not yet")
	}
	d.Checked = true
	p := o.Progress()[0]
	if p.Stage != StageData || p.Answered != 2 || !p.Done() {
		t.Errorf("data stage progress %+v", p)
	}
	o.BudgetAdvice.Text = "Wait a quarter."
	if got := o.Progress()[1]; got.Answered != 1 || got.Total != 3 {
		t.Errorf("problems stage progress %+v", got)
	}
	total := 0
	for _, s := range Stages {
		total += len(Prompts[s])
	}
	if want, got := 3*100/total, Percent(o.Progress()); got != want {
		t.Errorf("percent %d, want %d", got, want)
	}
	if o.Answered(StageData, "nonsense") {
		t.Error("an unknown prompt was answered")
	}
}

func TestNeighbours(t *testing.T) {
	if p, n := Neighbours(StageData); p != "" || n != StageProblems {
		t.Errorf("data: %q %q", p, n)
	}
	if p, n := Neighbours(StageRoles); p != StageProcesses || n != "" {
		t.Errorf("roles: %q %q", p, n)
	}
}

func TestNormalizeRepairsBadData(t *testing.T) {
	raw := `{"id":"x","title":"","buddy":{"id":"same","name":"D","function":"wizardry"},"newcomer":{"id":"same","name":"P","role":"CFO"},
	"me":"nobody","dataSources":[{"id":"","author":"stranger","name":"` + strings.Repeat("n", 500) + `"}],
	"processes":[{"id":"p","health":"on fire"}],"people":null,
	"roles":{"rows":[{"id":"r","owners":{"stranger":"shared"}}],"sides":{"stranger":{"expectMine":"x"}},"cadence":{"day":"sunday","time":"25:99","minutes":-5,"zone":"Europe/Paris;X-INJECT","socialEvery":"weekly","socialDay":"Friday","socialTime":"9am"}}}`
	var o Onboarding
	if err := json.Unmarshal([]byte(raw), &o); err != nil {
		t.Fatal(err)
	}
	o.Normalize()
	if o.Buddy.ID == o.Newcomer.ID || !IsID(o.Buddy.ID) || o.Buddy.Function != Other {
		t.Errorf("people not repaired: %+v %+v", o.Buddy, o.Newcomer)
	}
	if o.Me != o.Buddy.ID || o.Title != "P joins as CFO" {
		t.Errorf("me %q title %q", o.Me, o.Title)
	}
	d := o.DataSources[0]
	if !IsID(d.ID) || d.Author != o.Buddy.ID || len(d.Name) != MaxShort {
		t.Errorf("entry not repaired: %+v", d.Meta)
	}
	if o.Processes[0].Health != "" || o.People == nil {
		t.Error("bad choice kept or nil list left")
	}
	if len(o.Roles.Rows[0].Owners) != 0 || len(o.Roles.Sides) != 0 {
		t.Error("answers from someone who is not in the onboarding were kept")
	}
	c := o.Roles.Cadence
	if c.Day != "" || c.Time != "" || c.Minutes != 0 || c.Zone != "" || c.SocialEvery != "" || c.SocialDay != "" || c.SocialTime != "" {
		t.Errorf("bad cadence kept: %+v", c)
	}
}

func TestCheckTime(t *testing.T) {
	for s, ok := range map[string]bool{"": true, "09:30": true, "23:59": true, "24:00": false, "9:30": false, "ab:cd": false, "12:60": false} {
		if got := CheckTime(s) == ""; got != ok {
			t.Errorf("CheckTime(%q) ok=%v", s, got)
		}
	}
}

func TestRename(t *testing.T) {
	o := newTest(t)
	o.Rename("  CFO onboarding, winter 2026 ", t0)
	if o.Title != "CFO onboarding, winter 2026" {
		t.Errorf("title %q", o.Title)
	}
	o.Rename("   ", t0)
	if o.Title != DefaultTitle(o) {
		t.Error("a blank title should fall back to the default")
	}
}
