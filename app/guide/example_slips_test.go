package guide

import (
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"counterpart/app/onboarding"
)

// The example is read by executives deciding whether to trust the app,
// and some of them read it as they would read a board paper, looking for
// the number that does not add up. example_facts_test.go checks what the
// app's own rules decide; the checks here catch the kinds of slip such a
// reader found in earlier versions of the example:
//
//   - dates out of order: an entry quoting a document before it arrived,
//     a board decision in a month the board does not meet, a record
//     written before the event it reports;
//   - counts that contradict: "38 of our 140" in one place and another
//     total for the same thing in the next;
//   - a person whose history changes: joined in one year here, another
//     there, or "did the job for two years" after five years in it;
//   - voices: a person writing of themselves in the third person, or the
//     buddy reporting what the newcomer did as if they had seen it.

// written is one thing a person wrote in the example, with when.
type written struct {
	where   string
	kind    string // the Go type: DataSource, Problem, Meeting...
	author  string // a person ID
	updated time.Time
	text    string // its words, one field a line
}

// stageKinds are the entries of the guide's five stages and the brief:
// each speaks in its author's voice. Meeting records speak for both.
var stageKinds = map[string]bool{"DataSource": true, "Problem": true, "Note": true, "TeamMember": true, "Contact": true, "Process": true, "Surprise": true, "Step": true, "Brief": true, "Side": true}

// writtenIn lists everything written in the example: every entry (a
// struct with a Meta) and both sides of the role agreement.
func writtenIn(o *onboarding.Onboarding) []written {
	var out []written
	var walk func(v reflect.Value, where string)
	walk = func(v reflect.Value, where string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), where)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), where+"["+strconv.Itoa(i)+"]")
			}
		case reflect.Struct:
			meta, ok := v.Addr().Interface().(interface{ Common() *onboarding.Meta })
			var lines []string
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				if !f.IsExported() || f.Anonymous {
					continue
				}
				if f.Type.Kind() == reflect.String && !strings.Contains("ID Author Source Origin Raised Date Due Who Meeting Link Status Reason Health Situation Day Time Zone SocialEvery SocialDay SocialTime LastHeld", f.Name) {
					lines = append(lines, v.Field(i).String())
				} else {
					walk(v.Field(i), where+"."+f.Name)
				}
			}
			// An entry of its own that nobody has written yet (the CEO
			// step, before the page goes) has no ID and no time: it
			// records nothing.
			if ok && v.Type().Name() != "Onboarding" && (meta.Common().ID != "" || !meta.Common().Updated.IsZero()) {
				m := meta.Common()
				out = append(out, written{where: where, kind: v.Type().Name(), author: m.Author, updated: m.Updated, text: strings.Join(lines, "\n")})
			}
		}
	}
	walk(reflect.ValueOf(o), "o")
	for id, s := range o.Roles.Sides {
		out = append(out, written{where: "the role agreement side of " + id, kind: "Side", author: id, updated: s.Updated, text: s.ExpectMine + "\n" + s.ExpectYours})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].where < out[j].where })
	return out
}

func firstName(p onboarding.Person) string { name, _, _ := strings.Cut(p.Name, " "); return name }

func nameOf(o *onboarding.Onboarding, id string) string {
	for _, p := range []onboarding.Person{o.Buddy, o.Newcomer} {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// checkChronology reports records written outside the example's life or
// before the event they record.
func checkChronology(o *onboarding.Onboarding) []string {
	var problems []string
	for _, w := range writtenIn(o) {
		if w.updated.Before(o.Created) || w.updated.After(o.Updated) {
			problems = append(problems, w.where+" was written on "+day(w.updated)+", outside the example's life ("+day(o.Created)+" to "+day(o.Updated)+")")
		}
	}
	held := map[string]bool{}
	for _, m := range o.Meetings {
		held[m.Date] = true
	}
	firstOn := map[string]string{} // an item source, by the date of the first 1:1 that held it
	for _, m := range o.MeetingsByDate() {
		if day(m.Updated) < m.Date {
			problems = append(problems, "the notes of the 1:1 of "+m.Date+" were written on "+day(m.Updated)+", before it")
		}
		for _, it := range m.Items {
			if it.Raised > m.Date || !held[it.Raised] {
				problems = append(problems, "the 1:1 of "+m.Date+" holds "+strconv.Quote(it.Text)+" raised on "+it.Raised+", when no 1:1 before it was held")
			}
			if it.Source != "" && (firstOn[it.Source] == "" || m.Date < firstOn[it.Source]) {
				firstOn[it.Source] = m.Date
			}
		}
	}
	for _, c := range o.Commitments {
		if m := onboarding.Find(o.Meetings, c.Meeting); m != nil && day(c.Updated) < m.Date {
			problems = append(problems, "the commitment "+strconv.Quote(c.What)+" was recorded on "+day(c.Updated)+", before the 1:1 of "+m.Date+" that made it")
		}
	}
	for _, r := range o.Roles.Rows {
		if r.Settled == "" {
			continue
		}
		if first := firstOn["roles:"+r.ID]; first == "" || day(r.Updated) < first {
			problems = append(problems, strconv.Quote(r.Area)+" was settled on "+day(r.Updated)+", before any 1:1 talked it over")
		}
	}
	return problems
}

// figure finds the figures a reader would check: sums of money and
// percentages.
var figure = regexp.MustCompile(`[£$€]\d[\d,.]*(?:[kKmM]\b)?|\b\d+(?:\.\d+)?%`)

// checkSources reports what was known before it could have been. A
// source promised at a 1:1 ("share the insurance schedule") was not at
// hand at that 1:1: the newcomer cannot have quoted its figures before,
// and if the promise was missed, nobody had them by its due date, nor
// was the source on the map. An entry's time is its last edit, so a
// source without such a promise says nothing about when it arrived.
func checkSources(o *onboarding.Onboarding) []string {
	var problems []string
	all := writtenIn(o)
	for _, c := range o.Commitments {
		m := onboarding.Find(o.Meetings, c.Meeting)
		for _, d := range o.DataSources {
			if m == nil || !strings.Contains(strings.ToLower(c.What), strings.ToLower(d.Name)) {
				continue
			}
			switch {
			case c.Status == onboarding.Open:
				problems = append(problems, "the source "+strconv.Quote(d.Name)+" is on the map, though the promise to share it is still open")
			case c.Status == onboarding.Missed && day(d.Updated) <= c.Due:
				problems = append(problems, "the source "+strconv.Quote(d.Name)+" is on the map on "+day(d.Updated)+", though the promise to share it by "+c.Due+" was missed")
			}
			for _, f := range figure.FindAllString(d.Answers, -1) {
				for _, w := range all {
					if !strings.Contains(w.text, f) || w.kind == "DataSource" && strings.HasPrefix(w.text, d.Name+"\n") {
						continue
					}
					switch {
					case c.Status == onboarding.Missed && day(w.updated) <= c.Due:
						problems = append(problems, w.where+" quotes "+f+" on "+day(w.updated)+", from "+strconv.Quote(d.Name)+", which was due by "+c.Due+" and came later")
					case w.author == o.Newcomer.ID && day(w.updated) < m.Date:
						problems = append(problems, w.where+" quotes "+f+" on "+day(w.updated)+", from "+strconv.Quote(d.Name)+", which the newcomer was promised only at the 1:1 of "+m.Date)
					}
				}
			}
		}
	}
	return problems
}

// pastVerb is a word that reads as something done: "matched", "found".
var pastVerb = regexp.MustCompile(`^(?:[a-z]+ed|found|read|met|saw|wrote|sent|told|took|made|built|ran|did|got)$`)

// checkVoices reports stage entries in which a person writes of
// themselves in the third person, by name or by role, and buddy entries
// that report what the newcomer did: the newcomer records their own
// findings, and the buddy cannot have watched them.
func checkVoices(o *onboarding.Onboarding) []string {
	var problems []string
	for _, w := range writtenIn(o) {
		if !stageKinds[w.kind] {
			continue
		}
		for _, p := range []onboarding.Person{o.Buddy, o.Newcomer} {
			if p.ID != w.author {
				continue
			}
			for _, self := range []string{firstName(p), p.Role} {
				if regexp.MustCompile(`\b` + regexp.QuoteMeta(self) + `\b`).MatchString(w.text) {
					problems = append(problems, w.where+" by "+p.Name+" names its author in the third person: "+strconv.Quote(self))
				}
			}
		}
		if w.author != o.Buddy.ID {
			continue
		}
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(firstName(o.Newcomer)) + `\s+([a-z]+)`)
		for _, m := range re.FindAllStringSubmatch(w.text, -1) {
			if pastVerb.MatchString(m[1]) {
				problems = append(problems, w.where+" by the buddy reports what the newcomer did: "+strconv.Quote(m[0]))
			}
		}
	}
	return problems
}

var monthNames = func() string {
	var names []string
	for m := time.January; m <= time.December; m++ {
		names = append(names, m.String())
	}
	return strings.Join(names, "|")
}()

// boardDate is the board meeting given a date; boardMonth any mention of
// the board acting in a month: "the board meets on Thursday 17
// December", "the board approves the plan at its March meeting", "the
// December board". Board packs and papers have dates of their own.
var (
	boardDate  = regexp.MustCompile(`\bboard\b(?:\s+(?:meets|meeting))?[^.;:]{0,20}?\bon\s+(?:[A-Z][a-z]+day\s+)?\d{1,2}\s+(` + monthNames + `)`)
	boardMonth = regexp.MustCompile(`\bboard\b(?:'s)?(?:\s+(?:pack|packs|papers|paper|deck|decks|member|members|minutes))?([^.;:]{0,40}?)\b(?:in|at its|on|by)\s+(?:[A-Z][a-z]+day\s+)?(?:\d{1,2}\s+)?(` + monthNames + `)\b|\b(` + monthNames + `)\s+board\b`)
)

// checkBoardMonths reports a board that acts in a month it does not
// meet. The months come from the example itself: the dates it gives for
// a board meeting, and every third month from them if it says the board
// meets quarterly.
func checkBoardMonths(texts []string) []string {
	meets := map[time.Month]bool{}
	quarterly := false
	for _, t := range texts {
		for _, m := range boardDate.FindAllStringSubmatch(t, -1) {
			meets[months[m[1]]] = true
		}
		lower := strings.ToLower(t)
		quarterly = quarterly || strings.Contains(lower, "board") && strings.Contains(lower, "quarterly")
	}
	if len(meets) == 0 {
		return nil
	}
	if quarterly {
		for m := range meets {
			for k := 1; k < 4; k++ {
				meets[time.Month((int(m)+3*k-1)%12+1)] = true
			}
		}
	}
	var problems []string
	for _, t := range texts {
		for _, m := range boardMonth.FindAllStringSubmatch(t, -1) {
			if strings.Contains(m[0], "pack") || strings.Contains(m[0], "paper") || strings.Contains(m[0], "deck") || strings.Contains(m[0], "minutes") {
				continue
			}
			month := m[2]
			if month == "" {
				month = m[3]
			}
			if !meets[months[month]] {
				problems = append(problems, strconv.Quote(m[0])+": the board does not meet in "+month)
			}
		}
	}
	return problems
}

var moreNumberWords = map[string]int{"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}

// count reads a number written in figures or in words.
func count(s string) (int, bool) {
	if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err == nil {
		return n, true
	}
	if n, ok := number(s); ok {
		return n, true
	}
	n, ok := moreNumberWords[strings.ToLower(s)]
	return n, ok
}

// partOf is "24 of the 79 contracts", "three of our four councils".
var partOf = regexp.MustCompile(`(?i)\b(\d[\d,]*|[a-z]+) of (?:our |the |its |their )?(\d[\d,]*|[a-z]+) ([a-z]+)`)

// singular folds "contracts" and "contract", "customers" and "customer".
func singular(noun string) string {
	noun = strings.ToLower(noun)
	switch {
	case strings.HasSuffix(noun, "ies"):
		return strings.TrimSuffix(noun, "ies") + "y"
	case strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss"):
		return strings.TrimSuffix(noun, "s")
	}
	return noun
}

// checkTotals reports a part larger than its whole, and one thing
// counted with two different totals.
func checkTotals(texts []string) []string {
	var problems []string
	totals := map[string]map[int]string{}
	for _, t := range texts {
		for _, m := range partOf.FindAllStringSubmatch(t, -1) {
			part, ok1 := count(m[1])
			whole, ok2 := count(m[2])
			if !ok1 || !ok2 {
				continue
			}
			if part > whole {
				problems = append(problems, strconv.Quote(m[0])+": the part is larger than the whole")
			}
			noun := singular(m[3])
			if totals[noun] == nil {
				totals[noun] = map[int]string{}
			}
			totals[noun][whole] = m[0]
		}
	}
	for noun, ws := range totals {
		if len(ws) > 1 {
			var seen []string
			for _, s := range ws {
				seen = append(seen, strconv.Quote(s))
			}
			sort.Strings(seen)
			problems = append(problems, "the "+noun+"s are counted with different totals: "+strings.Join(seen, ", "))
		}
	}
	return problems
}

// A person's history, as the text states it.
var (
	joinedIn = regexp.MustCompile(`\b(?:[Jj]oined|[Mm]oved (?:over|across)|[Aa]rrived|[Ss]tarted)\b[^.;]*?\bin (?:(?:` + monthNames + `) )?(\d{4})\b`)
	yearsAgo = regexp.MustCompile(`\b(?:[Jj]oined|[Aa]rrived|[Ss]tarted)\b[^.;]*?\b(\w+) years ago\b`)
	yearsOn  = regexp.MustCompile(`\((\w+) years\)|\b(\w+) years here\b`)
	spanFor  = regexp.MustCompile(`\bfor (\w+) years\b`)
	anchored = regexp.MustCompile(`(?i)\b(since|from|until|first|last|before|after|ago|each|every|per|the past|the next)\b`)
)

// sentences cuts text at full stops, semicolons and line breaks.
func sentences(text string) []string {
	return regexp.MustCompile(`[.;!?]\s+|\n+`).Split(text, -1)
}

// checkHistories reports a person whose history the text tells two
// ways: two different years or tenures for joining, a join year after
// now, or a span of years in the job that their time here contradicts.
// Each person is followed through every sentence that names them, and
// through their own team-read entry, where "she" and "he" are them.
// Without a start date (the function examples) years cannot become
// tenures, so only like is compared with like.
func checkHistories(people map[string][]string, now int) []string {
	var problems []string
	var names []string
	for name := range people {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		joined := map[int]string{}
		tenure := map[int]string{}
		var spans []string
		for _, text := range people[name] {
			for _, s := range sentences(text) {
				for _, m := range joinedIn.FindAllStringSubmatch(s, -1) {
					y, _ := strconv.Atoi(m[1])
					joined[y] = m[0]
					if now > 0 {
						tenure[now-y] = m[0]
					}
				}
				for _, m := range yearsAgo.FindAllStringSubmatch(s, -1) {
					if n, ok := count(m[1]); ok {
						tenure[n] = m[0]
					}
				}
				for _, m := range yearsOn.FindAllStringSubmatch(s, -1) {
					if n, ok := count(m[1] + m[2]); ok {
						tenure[n] = m[0]
					}
				}
				if !anchored.MatchString(s) {
					spans = append(spans, spanFor.FindAllString(s, -1)...)
				}
			}
		}
		if len(joined) > 1 {
			problems = append(problems, name+" joined in more than one year: "+quoted(joined))
		}
		for y, said := range joined {
			if now > 0 && y > now {
				problems = append(problems, name+" joined in the future: "+strconv.Quote(said))
			}
		}
		lo, hi := 1<<30, -1
		for n := range tenure {
			lo, hi = min(lo, n), max(hi, n)
		}
		if hi-lo > 1 {
			problems = append(problems, name+" has been here for different lengths of time: "+quoted(tenure))
		}
		for _, s := range spans {
			n, ok := count(spanFor.FindStringSubmatch(s)[1])
			if ok && hi >= 0 && (n < lo-1 || n > hi+1) {
				problems = append(problems, name+": "+strconv.Quote(s)+", without saying which years, after "+quoted(tenure))
			}
		}
	}
	return problems
}

func quoted(m map[int]string) string {
	var out []string
	for _, s := range m {
		out = append(out, strconv.Quote(s))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// peopleIn gathers, for each person the example names, every sentence
// that names them (by full or first name) and their own team-read entry.
func peopleIn(o *onboarding.Onboarding, texts []string) map[string][]string {
	out := map[string][]string{}
	var names []string
	for _, t := range o.TeamRead {
		names = append(names, t.Person)
		out[t.Person] = append(out[t.Person], t.Strengths, t.WatchOuts, t.History)
	}
	for _, c := range o.People {
		names = append(names, c.Name)
	}
	for _, name := range names {
		first, _, _ := strings.Cut(name, " ")
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(first) + `\b`)
		for _, t := range texts {
			for _, s := range sentences(t) {
				if re.MatchString(s) {
					out[name] = append(out[name], s)
				}
			}
		}
	}
	return out
}

func exampleTexts(t *testing.T, o *onboarding.Onboarding) []string {
	t.Helper()
	m := map[string]string{}
	stringsIn(reflect.ValueOf(o).Elem(), "o", m)
	var out []string
	for _, s := range m {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestExampleSurvivesAFactCheck(t *testing.T) {
	o, err := ExampleOnboarding()
	if err != nil {
		t.Fatal(err)
	}
	start, _ := time.Parse("2006-01-02", o.StartDate)
	texts := exampleTexts(t, o)
	for _, check := range []struct {
		name     string
		problems []string
	}{
		{"chronology", checkChronology(o)},
		{"sources", checkSources(o)},
		{"voices", checkVoices(o)},
		{"board", checkBoardMonths(texts)},
		{"totals", checkTotals(texts)},
		{"histories", checkHistories(peopleIn(o, texts), start.Year())},
	} {
		for _, p := range check.problems {
			t.Errorf("%s: %s", check.name, p)
		}
	}
}

// Each check catches the slip it was written for: the slips a reader
// found in earlier versions of the example, put back.
func TestFactChecksCatchTheOldSlips(t *testing.T) {
	fresh := func() *onboarding.Onboarding {
		o, err := ExampleOnboarding()
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	expect := func(name string, problems []string, want string) {
		t.Helper()
		if !strings.Contains(strings.Join(problems, "\n"), want) {
			t.Errorf("%s: missed %q in:\n%s", name, want, strings.Join(problems, "\n"))
		}
	}

	// The insurance schedule quoted on day 3, though it reached the
	// newcomer two days after it was due at the 1:1 of week two.
	o := fresh()
	var insurance *onboarding.DataSource
	for i := range o.DataSources {
		if strings.Contains(o.DataSources[i].Name, "Insurance") {
			insurance = &o.DataSources[i]
		}
	}
	insurance.Updated = time.Date(2026, 11, 4, 15, 30, 0, 0, time.UTC)
	expect("sources", checkSources(o), "though the promise to share it by 2026-11-17 was missed")
	o.Problems[0].Updated = time.Date(2026, 11, 3, 8, 50, 0, 0, time.UTC)
	expect("sources", checkSources(o), "quotes £5M on 2026-11-03, from \"Insurance schedule\", which was due by 2026-11-17 and came later")

	// The buddy writing up the newcomer's check on her first morning.
	o = fresh()
	o.DataSources[2].Answers += " Farah matched June's credits against the contracts."
	expect("voices", checkVoices(o), `reports what the newcomer did: "Farah matched"`)
	o.Problems[0].FirstStep += " From today nothing is signed unless Callum and Farah agree."
	expect("voices", checkVoices(o), `names its author in the third person: "Farah"`)

	// A 1:1's notes dated before it, and a role area settled before any
	// 1:1 talked it over.
	o = fresh()
	o.Meetings[0].Updated = time.Date(2026, 11, 4, 9, 0, 0, 0, time.UTC)
	for i := range o.Roles.Rows {
		if o.Roles.Rows[i].Settled != "" {
			o.Roles.Rows[i].Updated = time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC)
		}
	}
	got := checkChronology(o)
	expect("chronology", got, "were written on 2026-11-04, before it")
	expect("chronology", got, "was settled on 2026-11-12, before any 1:1 talked it over")

	// The budget calendar with a board that approves in January but
	// meets quarterly from 17 December.
	expect("board", checkBoardMonths([]string{
		"The board meets on Thursday 17 December.",
		"Quarterly; next on Thursday 17 December.",
		"Departments submit in October and the board approves in January.",
		"The board approves the plan at its March meeting, for the year that starts on 1 April.",
		"The board pack locks on 10 November.",
	}), `"board approves in January": the board does not meet in January`)
	if p := checkBoardMonths([]string{"The board meets on Thursday 17 December, quarterly.", "The board approves the plan at its March meeting, for the year that starts on 1 April.", "The board pack locks on 10 November."}); len(p) > 0 {
		t.Errorf("a right board calendar was flagged: %v", p)
	}

	// Two totals for one thing, and a part larger than its whole.
	got = checkTotals([]string{"38 of our 140 customer contracts", "61 of our 150 customers", "nine of the six areas"})
	expect("totals", got, "the customers are counted with different totals")
	expect("totals", got, `"nine of the six areas": the part is larger than the whole`)
	if p := checkTotals([]string{"24 of the 79 contracts in the register", "79 of our 140 customers", "three of the four councils"}); len(p) > 0 {
		t.Errorf("right totals were flagged: %v", p)
	}

	// The only lawyer since 2021 who did the job "for two years"; a
	// specialist here for six years in one line and four in another.
	got = checkHistories(map[string][]string{
		"Bethan Lloyd": {"Joined in 2021 as our only lawyer, reporting to me. She did much of a General Counsel's job for two years without the title."},
		"Sami":         {"Sami, principal engineer (six years): knows how usage is metered.", "Sami has been four years here."},
		"Tom":          {"Moved over from support in 2023.", "Tom joined in 2022."},
	}, 2026)
	expect("histories", got, `Bethan Lloyd: "for two years", without saying which years`)
	expect("histories", got, "Sami has been here for different lengths of time")
	expect("histories", got, "Tom joined in more than one year")
	if p := checkHistories(map[string][]string{"Bethan Lloyd": {"Joined in March 2021 as our only lawyer: for five years she has done much of the work."}}, 2026); len(p) > 0 {
		t.Errorf("a consistent history was flagged: %v", p)
	}
}
