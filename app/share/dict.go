package share

// dictV1 is the preset dictionary of version 1 links and files: the
// model's JSON field names, its fixed values and common English words, so
// that even a short onboarding compresses well. DEFLATE finds matches in it
// as if it came before the data; the most frequent pieces are at the end,
// where back-references are shortest.
//
// It is part of the format. Changing one byte makes every version 1 link
// ever sent unreadable, so it is frozen: dict_test.go checks its hash and
// decodes a link made with it. A better dictionary needs a new version.
const dictV1 = `` +
	// Common words of the guide's prompts and of what people write.
	` would could should about after before because between budget ` +
	`company customer decision every first from have into last meeting ` +
	`month next number people plan problem process quarter review sales ` +
	`team their there they this time week what when where which who will ` +
	`with work year your you are our for not but all one two three can ` +
	`board finance engineering product hiring revenue cost report data ` +
	`https://docs.google.com/ https://www. .com/ ` +
	`that is it in on to of a and the ` +
	// Fixed values.
	`"function":"other"` + `"function":"finance"` + `"function":"sales"` +
	`"function":"marketing"` + `"function":"people"` + `"function":"legal"` +
	`"function":"operations"` + `"function":"customer-success"` +
	`"function":"engineering"` + `"function":"product"` +
	`"reason":"tenure"` + `"reason":"influence"` + `"reason":"knowledge"` +
	`"health":"working"` + `"health":"strained"` + `"health":"broken"` +
	`"status":"kept"` + `"status":"missed"` + `"status":"dropped"` + `"status":"open"` +
	`"day":"monday"` + `"day":"tuesday"` + `"day":"wednesday"` + `"day":"thursday"` + `"day":"friday"` +
	`"settled":"shared"` + `"shared"` + `"unsure"` +
	// The onboarding's own fields, in the order they are encoded.
	`{"id":"","title":"","buddy":{"id":"","name":"","role":"","function":""},` +
	`"newcomer":{"id":"","name":"","role":"","function":""},"startDate":"",` +
	`"created":"","updated":"","me":"",` +
	`"dataSources":[],"problems":[],"budgetAdvice":{},"workingWell":[],` +
	`"teamRead":[],"people":[],"processes":[],"surprises":[],` +
	`"roles":{"rows":[],"sides":{},"seeded":true,"disagreement":{},"escalation":[],` +
	`"cadence":{"day":"","time":"","minutes":60,"zone":"","social":"","shared":[]}},` +
	`"agenda":[],"meetings":[],"commitments":[],"deleted":{}}` +
	`"expectMine":"","expectYours":"","done":true,` +
	`"link":"https://","answers":"","owner":"","checked":false` +
	`"problem":"","evidence":"","firstStep":"","whoFeelsIt":"","resolved":true` +
	`"person":"","strengths":"","watchOuts":"","history":""` +
	`"reason":"","why":"","met":false` +
	`"cadence":"","since":"","health":"","changeHow":""` +
	`"what":"","when":""` + `"source":"roles:` + `"origin":"","raised":"` +
	`"date":"","items":[],"notes":"","decisions":""` +
	`"who":"","what":"","due":"","status":"open","meeting":""` +
	`"area":"","owners":{"` + `"debrief":true,"lastHeld":"` +
	`"private":true,` + `"text":"` + `"name":"` +
	// What every entry starts with.
	`"updated":"2026-` + `T00:00:00Z"` + `.000Z"},{"id":"` +
	`{"id":"","author":"","updated":"2026-`

// dictV2 is the preset dictionary of version 2 links: in a compacted body
// (compact.go) keys, IDs and times are already short, so what is left to
// compress is what people write. It holds common words of English and of
// running a company, the most frequent last, where back-references are
// shortest. Frozen like dictV1: a better one needs a new version.
const dictV2 = `` +
	` quarterly monthly weekly yearly annual forecast pipeline headcount hiring freeze ` +
	`audit board pack investor churn renewal pricing discount contract vendor legal ` +
	`security compliance roadmap launch release incident customer success support ` +
	`marketing campaign brand sales quota territory deal account partner channel ` +
	`finance close cash payroll expense invoice billing margin revenue cost spend ` +
	`engineering platform infrastructure cloud architecture product design research ` +
	`people manager director leadership offsite planning strategy goals okrs metrics ` +
	`dashboard report review retro standup all-hands town hall one-on-one 1:1 ` +
	`decided agreed owner owns follow-up follow up next steps action item due date ` +
	`problem evidence first step who feels it working well surprise process escalate ` +
	`disagree disagreement in public private trust honest optimistic history strength ` +
	`https://docs.google.com/ https://www. https:// .com/ ` +
	`Monday Tuesday Wednesday Thursday Friday January February March April May June ` +
	`July August September October November December week month quarter year ` +
	`would could should about after before because between through during without ` +
	`again still already never always often sometimes usually really only just also ` +
	`new old good bad better worse more most less least much many some any each every ` +
	`first last next other same different own right wrong long short high low ` +
	`make take give keep get set put run send ask tell talk meet move start stop ` +
	`know think want need like feel look see come go use work help show try call ` +
	`team company customer decision number plan process review time people what ` +
	`when where which who will with your you are our for not but all one two three ` +
	`can has had was were been being have from into over they them their there ` +
	`this that these those then than what's it's don't we're I'm ` +
	`is it in on to of a and the `
