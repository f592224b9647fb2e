package guide

// Page is a page of guide text that is not a stage: a title, an
// introduction and titled sections, all HTML but the titles.
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

// Framing is the page both people read before stage one; its sections
// are FramingPoints, in order.
func Framing() Page { return framing }

// CheckpointGuide is the guide text of the checkpoints of the first
// ninety days, one section per onboarding.Checkpoints entry.
func CheckpointGuide() Page { return checkpoints }
