//go:build browser

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"counterpart/app/onboarding"
)

// The last two pieces of issue 26: the newcomer's plan for the first
// ninety days and the sweep of what the previous holder or an interim
// did. Each is made where it belongs, reviewed at its checkpoint, and
// reaches the shared document. The tests wait on what the page shows or
// stores, never on a fixed time.

// The plan: next to the brief on the 1:1 page, drafted from the brief and
// a problem's first step (twice, without doubling), an item's status
// changed at the day-45 checkpoint, and each item with its status in the
// shared document.
func TestTheNinetyDayPlan(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	id := b.newOnboarding(srv.URL + "/")

	// A problem with its first step, on stage 2.
	b.goToStageOf(srv.URL, id, "problems")
	p := b.addEntry("problems")
	b.typeInto("#problem-"+p, "Month-end close takes twelve days")
	b.typeInto("#first-step-"+p, "Map every step of the close with the controller. Then cut the manual ones.")
	b.click("#toggle-" + p)
	b.waitStored(id, "the problem saved", func(o *onboarding.Onboarding) bool {
		return len(o.Problems) == 1 && strings.HasPrefix(o.Problems[0].FirstStep, "Map every step")
	})

	// Nothing to draft from without a brief? There is the problem; with
	// the brief as well, the draft holds both.
	b.open(srv.URL + "/meetings?id=" + id)
	b.waitFor("the plan next to the brief", `!!document.getElementById("plan-draft") && !!document.getElementById("brief-hired")`)
	b.typeInto("#brief-hired", "Close the books in five days, and forecast cash we can trust.")
	b.choose("#brief-situation", string(onboarding.Turnaround))
	b.waitStored(id, "the brief saved", func(o *onboarding.Onboarding) bool {
		return o.Brief.Situation == onboarding.Turnaround && strings.HasPrefix(o.Brief.HiredToFix, "Close the books")
	})
	b.click("#plan-draft")
	b.waitFor("the drafted items", `document.querySelectorAll("#plan .plan-item").length > 0`)
	containsAll(t, "the drafted plan", b.text("#plan"), "Priya Raman's plan for the first ninety days", "By day 30", "By day 90")
	if got := b.text(`#plan [data-day="30"] .plan-item:last-child .plan-text`); got != "Map every step of the close with the controller" {
		t.Errorf("the problem's first step is drafted as %q", got)
	}
	var drafted int
	var step string
	b.waitStored(id, "the draft saved", func(o *onboarding.Onboarding) bool {
		drafted = len(o.Plan)
		for _, it := range o.Plan {
			if it.Text == "Map every step of the close with the controller" && it.By == onboarding.By30 && it.Progress == onboarding.PlanOpen {
				step = it.ID
			}
		}
		return drafted > 0 && step != ""
	})
	if shown := b.count("#plan .plan-item"); shown != drafted {
		t.Errorf("%d items shown, %d stored", shown, drafted)
	}

	// Drafting again adds nothing twice.
	b.click("#plan-draft")
	b.waitFor("the answer to the second draft", `document.getElementById("plan-status").innerText.includes("Nothing new to add")`)
	if shown := b.count("#plan .plan-item"); shown != drafted {
		t.Errorf("drafting twice shows %d items, want %d", shown, drafted)
	}

	// The item edited next to the brief.
	b.click("#plan-edit-" + step)
	b.waitFor("the item open for editing", `document.activeElement && document.activeElement.id === "plan-text-`+step+`"`)
	b.choose("#plan-text-"+step, "Map the close with Joe, step by step")
	b.waitStored(id, "the edited item", func(o *onboarding.Onboarding) bool {
		it := onboarding.Find(o.Plan, step)
		return it != nil && it.Text == "Map the close with Joe, step by step"
	})

	// At the day-45 checkpoint, the same item marked at risk.
	b.click("#checkpoint-hired-to-fix-45 summary")
	sel := "#plan-hired-to-fix-45-progress-" + step
	b.waitFor("the plan at day 45", fmt.Sprintf(`!!document.querySelector(%q) && document.querySelector(%q).offsetParent !== null`, sel, sel))
	containsAll(t, "the review at day 45", b.text("#checkpoint-hired-to-fix-45"), "Map the close with Joe, step by step", "By day 30")
	b.choose(sel, string(onboarding.PlanAtRisk))
	b.waitStored(id, "the item at risk", func(o *onboarding.Onboarding) bool {
		it := onboarding.Find(o.Plan, step)
		return it != nil && it.Progress == onboarding.PlanAtRisk
	})
	b.waitFor("the plan next to the brief follows", valueIs("#plan-progress-"+step, string(onboarding.PlanAtRisk)))
	b.click("#plan-done-" + step)
	b.waitFor("the item read as one line", `!!document.getElementById("plan-edit-`+step+`") && document.getElementById("plan-item-`+step+`").textContent.includes("At risk")`)

	// The shared document prints each item with its status.
	b.open(srv.URL + "/document?id=" + id)
	b.waitText("Priya Raman's plan for the first ninety days")
	containsAll(t, "the document", b.pageText(), "By day 30", "At risk: Map the close with Joe, step by step", "Planned: ")
	b.expectNoProblems("the plan")
}

// The sweep: on stage 5 under the grid, the example's duties listed; one
// added with who did it and the executive it goes to, put on the grid in
// one click (once); the grid shows the new area, and the shared document
// prints the duty with what happens to it.
func TestTheSweepOfUnownedDuties(t *testing.T) {
	t.Parallel()
	srv, b := startApp(t)
	ex := theExample(t)
	b.openExample(srv.URL + "/")
	b.goToStage("roles")
	b.waitFor("the sweep", `!!document.getElementById("sweep")`)
	if n := b.count("#sweep .sweep-duty"); n != len(ex.Duties) {
		t.Errorf("%d duties in the sweep, want the example's %d", n, len(ex.Duties))
	}
	containsAll(t, "the sweep", b.text("#sweep"), "What the previous holder or an interim did", "On the grid as “Signing off data protection impact assessments”")
	if got := b.value("#sweep-what-" + ex.Duties[0].ID); got != ex.Duties[0].Duty {
		t.Errorf("the first duty reads %q", got)
	}

	rows := len(ex.Roles.Rows)
	before := b.count("#sweep .sweep-duty")
	b.click("#sweep-add")
	b.waitFor("a new duty", fmt.Sprintf(`document.querySelectorAll("#sweep .sweep-duty").length > %d`, before))
	d := strings.TrimPrefix(eval[string](b, `Array.from(document.querySelectorAll("#sweep .sweep-duty")).pop().id`), "sweep-duty-")
	b.waitFor("the cursor in the new duty", fmt.Sprintf(`document.activeElement && document.activeElement.id === "sweep-what-%s"`, d))
	b.typeInto("#sweep-what-"+d, "Renewing the directors' insurance")
	b.press("\t")
	b.choose("#sweep-by-"+d, string(onboarding.ByInterim))
	b.choose("#sweep-fate-"+d, string(onboarding.ToNamed))
	b.waitFor("the executive's field", `!!document.getElementById("sweep-to-`+d+`")`)
	b.typeInto("#sweep-to-"+d, "Martin Hale")
	b.press("\t")
	b.waitStored(exampleID, "the duty saved", func(o *onboarding.Onboarding) bool {
		du := onboarding.Find(o.Duties, d)
		return du != nil && du.Duty == "Renewing the directors' insurance" && du.DoneBy == onboarding.ByInterim && du.To == "Martin Hale"
	})

	b.click("#sweep-grid-" + d)
	b.waitFor("the duty on the grid", fmt.Sprintf(`!document.getElementById("sweep-grid-%s") && document.getElementById("sweep-duty-%s").innerText.includes("On the grid as")`, d, d))
	b.waitStored(exampleID, "the area stored", func(o *onboarding.Onboarding) bool {
		du := onboarding.Find(o.Duties, d)
		return du != nil && o.InGrid(du) && len(o.Roles.Rows) == rows+1
	})
	// The grid shows it, once.
	b.waitFor("the area in the grid", `document.getElementById("prompt-ownership").innerText.includes("Renewing the directors' insurance")`)
	if n := strings.Count(b.text("#prompt-ownership"), "Renewing the directors' insurance"); n < 2 {
		t.Errorf("the duty's name shows %d times on the ownership step, want the grid's row and the duty", n)
	}

	// A duty removed is gone from the record, and Undo (where the
	// cursor lands) puts it back.
	gone := ex.Duties[len(ex.Duties)-1].ID
	b.click("#sweep-remove-" + gone)
	b.waitStored(exampleID, "the duty removed", func(o *onboarding.Onboarding) bool { return onboarding.Find(o.Duties, gone) == nil })
	b.waitFor("the cursor on Undo", `document.activeElement && document.activeElement.id === "sweep-undo"`)
	b.click("#sweep-undo")
	b.waitStored(exampleID, "the duty put back", func(o *onboarding.Onboarding) bool { return onboarding.Find(o.Duties, gone) != nil })
	b.waitFor("the duty shown again", `!!document.getElementById("sweep-duty-`+gone+`")`)

	// The roles-45 checkpoint comes back to it.
	b.open(srv.URL + "/meetings?id=" + exampleID)
	b.waitFor("the roles-45 checkpoint", `!!document.getElementById("checkpoint-roles-45")`)
	b.click("#checkpoint-roles-45 summary")
	b.waitFor("the sweep at day 45", `!!document.getElementById("sweep-45-what-`+d+`") && document.getElementById("sweep-45-what-`+d+`").offsetParent !== null`)
	if b.count("#sweep-45-grid-"+d) != 0 {
		t.Error("the checkpoint offers to add to the grid a duty already there")
	}

	b.open(srv.URL + "/document?id=" + exampleID)
	b.waitText("What the previous holder or an interim did")
	containsAll(t, "the document", b.pageText(),
		"Renewing the directors' insurance (done by: an interim leader; from now: goes to Martin Hale; added to the grid)",
		"Standard NDAs for the sales team (done by: nobody officially; from now: goes to Owen Hale)")
	b.expectNoProblems("the sweep")
}
