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
