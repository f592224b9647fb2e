package guide

import (
	"strings"
	"testing"

	"counterpart/app/guide/internal/source"
	"counterpart/app/onboarding"
	"counterpart/content"
)

func TestContentParses(t *testing.T) {
	if _, err := source.Load(content.FS); err != nil {
		t.Fatal(err)
	}
}

// Every stage and prompt the model knows has its words, in model order.
func TestEveryStageAndPromptHasContent(t *testing.T) {
	stages := Stages()
	if len(stages) != len(onboarding.Stages) {
		t.Fatalf("content has %d stages, the model %d", len(stages), len(onboarding.Stages))
	}
	for i, st := range stages {
		if st.ID != onboarding.Stages[i] {
			t.Errorf("stage %d is %q, want %q", i+1, st.ID, onboarding.Stages[i])
		}
		if st.Title == "" || st.Short == "" || len(st.Guidance) < 200 {
			t.Errorf("%s: needs a title, a Short: label and a few sentences of guidance", st.ID)
		}
		// The intro speaks to the buddy; a paragraph of it must tell
		// the newcomer what the stage is for them.
		if !strings.Contains(st.Guidance, "<p>For the newcomer, ") {
			t.Errorf("%s: the guidance has no paragraph starting \"For the newcomer, \"", st.ID)
		}
		want := onboarding.Prompts[st.ID]
		if len(st.Prompts) != len(want) {
			t.Errorf("%s: %d prompts, the model has %d", st.ID, len(st.Prompts), len(want))
			continue
		}
		for j, p := range st.Prompts {
			if p.ID != want[j] {
				t.Errorf("%s: prompt %d is %q, want %q", st.ID, j+1, p.ID, want[j])
			}
			if p.Title == "" || p.Help == "" {
				t.Errorf("%s/%s: needs a Title: and help text", st.ID, p.ID)
			}
			for who, q := range map[string]string{"buddy": p.Buddy, "newcomer": p.Newcomer} {
				if !strings.HasSuffix(q, "?") {
					t.Errorf("%s/%s: the %s's question %q should be a question", st.ID, p.ID, who, q)
				}
			}
			if p.Buddy == p.Newcomer {
				t.Errorf("%s/%s: the buddy and the newcomer get the same question", st.ID, p.ID)
			}
		}
	}
}

// Every prompt has a worked example for every function; Other may use the
// general one.
func TestEveryFunctionHasAnExampleForEveryPrompt(t *testing.T) {
	for _, f := range onboarding.Functions {
		for _, st := range onboarding.Stages {
			for _, p := range onboarding.Prompts[st] {
				md, who := ExampleFor(f, p)
				if len(strings.TrimSpace(md)) < 80 {
					t.Errorf("%s: no real example for %s/%s", f, st, p)
				}
				if who == "" {
					t.Errorf("%s: the example does not say who the newcomer is", f)
				}
				if f != onboarding.Other {
					if own, _ := examplesOf(string(f)); own.of(p) == "" {
						t.Errorf("%s has no example of its own for %s/%s", f, st, p)
					}
				}
			}
		}
	}
	for _, ex := range examples {
		for _, e := range ex.prompts {
			if !knownPrompt(e.prompt) {
				t.Errorf("examples/%s.md has a section %q that is no prompt", ex.function, e.prompt)
			}
		}
	}
}

func knownPrompt(id string) bool {
	for _, prompts := range onboarding.Prompts {
		for _, p := range prompts {
			if p == id {
				return true
			}
		}
	}
	return false
}

func TestDefaultAreasFitEveryPair(t *testing.T) {
	for _, a := range onboarding.Functions {
		for _, b := range onboarding.Functions {
			areas := DefaultAreas(a, b)
			if len(areas) < 8 || len(areas) > MaxDefaultAreas {
				t.Errorf("%s and %s: %d default areas, want 8 to %d", a, b, len(areas), MaxDefaultAreas)
			}
			seen := map[string]bool{}
			for _, area := range areas {
				if seen[strings.ToLower(area)] {
					t.Errorf("%s and %s: %q twice", a, b, area)
				}
				seen[strings.ToLower(area)] = true
				if len(area) > 60 {
					t.Errorf("%q is too long for the worksheet", area)
				}
			}
			if a != onboarding.Other && b != onboarding.Other {
				if _, ok := areasOf(pairName(a, b)); !ok {
					t.Errorf("no areas written for the pair %s", pairName(a, b))
				}
			}
		}
	}
	if got, want := DefaultAreas("engineering", "finance"), DefaultAreas("finance", "engineering"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Error("the order of the two functions changes the areas")
	}
}

// The first-two-weeks sessions come in the guide's order, one per working
// day at most.
func TestSessionsFollowTheGuide(t *testing.T) {
	prev := 0
	for _, st := range Stages() {
		if st.SessionDay <= prev {
			t.Errorf("%s: session on working day %d, after day %d: sessions must follow the guide's order", st.ID, st.SessionDay, prev)
		}
		prev = st.SessionDay
	}
}

// A pair with its own areas gets those and the common ones only: rows
// from one function's own list would concern only that function. The
// grid holds ownership; how the two disagree and escalate are agreements
// of their own, asked for later in the stage.
func TestAreasComeFromThePair(t *testing.T) {
	for _, a := range onboarding.Functions {
		for _, b := range onboarding.Functions {
			pair, written := areasOf(pairName(a, b))
			if !written {
				continue
			}
			allowed := map[string]bool{}
			for _, area := range append(append([]string{}, pair...), mustAreas("common")...) {
				allowed[area] = true
			}
			for _, area := range DefaultAreas(a, b) {
				if !allowed[area] {
					t.Errorf("%s: %q comes from neither the pair's areas nor the common ones", pairName(a, b), area)
				}
			}
		}
	}
	if got := DefaultAreas(onboarding.Other, onboarding.Legal); len(got) <= len(mustAreas("common")) {
		t.Errorf("a pair with Other should get the named function's areas too: %q", got)
	}
	for _, file := range areas {
		for _, area := range file.areas {
			lower := strings.ToLower(area)
			if strings.Contains(lower, "disagree") || strings.Contains(lower, "escalat") && strings.Contains(lower, "ceo") {
				t.Errorf("roles/%s.md: %q is a working agreement, not an area to own", file.name, area)
			}
		}
	}
}

// The framing page and the checkpoints have every section they must.
func TestFramingAndCheckpointPages(t *testing.T) {
	f := Framing()
	if f.Title == "" || len(f.Sections) != len(FramingPoints) {
		t.Fatalf("framing: %+v", f)
	}
	cp := CheckpointGuide()
	for _, c := range onboarding.Checkpoints {
		if s, ok := cp.Section(c.ID); !ok || len(s.Body) < 150 {
			t.Errorf("checkpoint %s has no guide text of its own", c.ID)
		}
	}
}
