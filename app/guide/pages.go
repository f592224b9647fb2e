package guide

import (
	"fmt"
	"io/fs"

	"counterpart/app/onboarding"
)

// Page is a page of guide text that is not a stage: a title, an
// introduction and titled sections, all Markdown.
type Page struct {
	Title    string
	Short    string // the label of links to it
	Intro    string
	Sections []Section
}

// Section is one titled part of a Page.
type Section struct {
	ID    string
	Title string
	Body  string
}

// Section returns the section with an ID.
func (p Page) Section(id string) (Section, bool) {
	for _, s := range p.Sections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// FramingPoints are the sections the page before stage one must have:
// what the buddy takes on, and what it means for the newcomer.
var FramingPoints = []string{"your-job", "ceo-moves-on", "broad-first", "make-room", "if-they-struggle", "advice-ignored", "newcomer"}

// Framing is the page both people read before stage one.
func Framing() Page { return load().framing }

// CheckpointGuide is the guide text of the checkpoints of the first
// ninety days, one section per onboarding.Checkpoints entry.
func CheckpointGuide() Page { return load().checkpoints }

// parsePage reads a page file and checks it has the sections it must.
func parsePage(fsys fs.FS, name string, want []string) (Page, error) {
	d, err := readDoc(fsys, name)
	if err != nil {
		return Page{}, err
	}
	p := Page{Title: d.title, Short: d.meta["Short"], Intro: d.intro}
	for _, s := range d.sections {
		p.Sections = append(p.Sections, Section{ID: s.id, Title: s.meta["Title"], Body: s.body})
	}
	if p.Short == "" || p.Intro == "" {
		return p, fmt.Errorf("needs a \"Short:\" label and an introduction")
	}
	if len(p.Sections) != len(want) {
		return p, fmt.Errorf("has %d sections, want %d: %v", len(p.Sections), len(want), want)
	}
	for i, s := range p.Sections {
		if s.ID != want[i] {
			return p, fmt.Errorf("section %d is %q, want %q", i+1, s.ID, want[i])
		}
		if s.Title == "" || s.Body == "" {
			return p, fmt.Errorf("section %q needs a \"Title:\" and text", s.ID)
		}
	}
	return p, nil
}

func checkpointIDs() []string {
	ids := make([]string, len(onboarding.Checkpoints))
	for i, c := range onboarding.Checkpoints {
		ids[i] = c.ID
	}
	return ids
}
