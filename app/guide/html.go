package guide

// HTML returns the HTML to show for a piece of the guide's text: the
// pieces that Stages, ExampleFor, Framing and CheckpointGuide hand out are
// HTML already, rendered from content/ when the app was built, and come
// back as they are. Anything else, such as text a person typed, is not the
// guide's, and HTML says false: only the guide's own HTML may be shown as
// it is.
func HTML(text string) (string, bool) {
	// A few hundred comparisons, most of them of lengths alone; the
	// pages keep what they have shown.
	for _, st := range stages {
		if st.Guidance == text {
			return text, true
		}
		for _, p := range st.Prompts {
			if p.Help == text {
				return text, true
			}
		}
	}
	for _, ex := range examples {
		for _, e := range ex.prompts {
			if e.html == text {
				return text, true
			}
		}
	}
	for _, p := range []Page{framing, checkpoints} {
		if p.Intro == text {
			return text, true
		}
		for _, s := range p.Sections {
			if s.Body == text {
				return text, true
			}
		}
	}
	return "", false
}
