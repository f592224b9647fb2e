package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"counterpart/app/guide"
	"counterpart/app/onboarding"
	"counterpart/app/share"
	"counterpart/app/store"
	"counterpart/app/words"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// openPage opens a link or a file from the other person: it shows what it
// holds, asks who you are the first time, and saves only when told to,
// with one undo.
type openPage struct {
	app.Compo
	*App

	raw      string // the link, or the file's text
	fromFile bool
	pasted   string // typed into the paste box

	err        string // why it cannot be opened
	locked     bool
	passphrase string
	passErr    string
	busy       string

	packet   *share.Packet
	incoming *onboarding.Onboarding
	local    *onboarding.Onboarding // this device's copy, nil if none
	me       string                 // who the person said they are, for a new one
	preview  share.Changes
	// confirmed says a link of nothing new was taken for what it confirms
	// its sender has.
	confirmed bool
	merged    *onboarding.Onboarding
	line      string // what merging brings, in one line
	// earlier is set when the link carries only changes and this device
	// lacks what came before them; request is the text asking for a
	// complete link, once the person asked for it.
	earlier       *onboarding.ErrNeedsEarlier
	request       string
	requestStatus string

	saved  bool
	result share.Changes
	undone bool
	// kept says the undo left the onboarding the link brought on this
	// device: another tab changed it since.
	kept    bool
	saveErr string
	done    share.Done // what undoes the save

	stopWatch func()
}

// OnMount follows a second link opened in the same tab: the browser then
// changes only the part after "#", which loads no new page.
func (p *openPage) OnMount(ctx app.Context) {
	p.stopWatch = app.Window().AddEventListener("hashchange", func(ctx app.Context, e app.Event) { p.OnNav(ctx) })
}

func (p *openPage) OnDismount() {
	if p.stopWatch != nil {
		p.stopWatch()
	}
}

// OnNav reads the link from the address: after "#", or after "%23" when a
// mail scanner escaped the "#".
func (p *openPage) OnNav(ctx app.Context) {
	setTitle(ctx, "Open a link or file")
	p.reset("", false)
	if app.IsServer {
		return
	}
	href := app.Window().Get("location").Get("href").String()
	if strings.Contains(href, "#") || strings.Contains(strings.ToLower(href), "%23") {
		p.start(ctx, href, false)
		p.forgetLink()
	}
}

// forgetLink takes the link's data out of the address once it has been
// read, so that the onboarding does not stay in the browser's history,
// where anyone using the device later, or history sync, would find it.
// The page keeps what it read.
func (a *App) forgetLink() {
	app.Window().Get("history").Call("replaceState", nil, "", link(share.OpenPath))
}

// reset forgets the last link or file.
func (p *openPage) reset(raw string, fromFile bool) {
	p.raw, p.fromFile = raw, fromFile
	p.err, p.locked, p.passphrase, p.passErr, p.busy = "", false, "", "", ""
	p.packet, p.incoming, p.local, p.me, p.preview, p.merged, p.line = nil, nil, nil, "", share.Changes{}, nil, ""
	p.confirmed = false
	p.earlier, p.request, p.requestStatus = nil, "", ""
	p.saved, p.result, p.undone, p.kept, p.saveErr = false, share.Changes{}, false, false, ""
}

// start checks a link or file as far as it can without a passphrase.
func (p *openPage) start(ctx app.Context, raw string, fromFile bool) {
	p.reset(raw, fromFile)
	var info share.Info
	var err error
	if fromFile {
		info, err = share.InspectFile([]byte(raw))
	} else {
		info, err = share.Inspect(raw)
	}
	if err != nil {
		p.err = sentence(err)
		return
	}
	p.locked = info.Locked
	if !p.locked {
		p.decode(ctx, "")
	} else {
		p.focusLater(ctx, p, "open-passphrase")
	}
}

// decode opens the link. Unlocking derives a key, which takes about a
// second on purpose, so it runs after the page says so.
func (p *openPage) decode(ctx app.Context, passphrase string) {
	raw, fromFile := p.raw, p.fromFile
	open := func() (*share.Packet, error) {
		if fromFile {
			return share.OpenFile([]byte(raw), passphrase)
		}
		return share.Open(raw, passphrase)
	}
	if passphrase == "" {
		p.opened(open())
		return
	}
	p.busy, p.passErr = "Unlocking…", ""
	ctx.Async(func() {
		time.Sleep(30 * time.Millisecond) // let the page show it is busy
		o, err := open()
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = ""
			p.opened(o, err)
		})
	})
}

// opened takes the decoded link and prepares the preview.
func (p *openPage) opened(pk *share.Packet, err error) {
	switch {
	case errors.Is(err, share.ErrWrongPassphrase):
		p.passErr = sentence(err)
		return
	case err != nil:
		p.err = sentence(err)
		return
	}
	p.packet, p.incoming, p.locked = pk, pk.Onboarding, false
	if to := pk.Recipient(); to != nil {
		p.me = to.ID
	}
	p.prepare()
}

// prepare reads this device's copy and works out what saving would do,
// without saving anything but, for a link that brings nothing new, what it
// confirms the sender has: there is no button to press then, and the next
// link back should not carry again what they have.
func (p *openPage) prepare() {
	local, err := p.appStore().Load(p.incoming.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		p.local = nil
	case err != nil:
		p.err = failed("Your copy of this onboarding could not be read, so nothing was merged", err)
		return
	default:
		p.local = local
	}
	if p.local == nil && p.me == "" {
		return
	}
	merged, ch, err := share.Take(p.local, p.packet, p.me)
	var earlier *onboarding.ErrNeedsEarlier
	switch {
	case errors.As(err, &earlier):
		p.earlier = earlier
	case err != nil:
		p.err = sentence(err)
	default:
		p.merged, p.preview = merged, ch
		p.line = p.lineFor(merged, ch)
		if ch.None() && onboarding.Confirms(p.local, merged) {
			_, _, err := share.TakeLink(p.appStore(), p.packet, p.me)
			p.confirmed = err == nil
		}
	}
}

// lineFor says in one line what merging brings: "Dana sent this week's
// 1:1 and 2 other changes."
func (p *openPage) lineFor(merged *onboarding.Onboarding, ch share.Changes) string {
	a, _ := arrivalFor(p.local, merged, ch, nil, p.senderName())
	return a.line
}

// senderName is the name of the person who made the link.
func (p *openPage) senderName() string {
	if s := p.incoming.PersonByID(p.packet.Header.From); s != nil {
		return s.Name
	}
	return "The other person"
}

func (p *openPage) Render() app.UI {
	return p.layout(
		app.H1().Text("Open a link or file"),
		div("open-status",
			app.If(p.err != "", app.Div().Class("alert").Role("alert").ID("open-error").Body(
				para("", p.err),
				para("", "Nothing on this device was changed."),
			)),
		),
		p.renderBody(),
	)
}

func (p *openPage) renderBody() app.UI {
	switch {
	case p.saved:
		return p.renderSaved()
	case p.earlier != nil:
		return p.renderNeedsEarlier()
	case p.incoming != nil:
		return p.renderPreview()
	case p.locked:
		return p.renderPassphrase()
	}
	return p.renderChoose()
}

// renderChoose is the page without a link: paste one, or choose a file.
func (p *openPage) renderChoose() app.UI {
	return div("open-choose",
		para("lede", "Open what the other person sent you: a link, or a file when the link was too long. You see what it holds before anything is saved."),
		app.Form().Class("card").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			if strings.TrimSpace(p.pasted) != "" {
				p.start(ctx, p.pasted, false)
			}
		}).Body(
			&textField{App: p.App, ID: "paste-link", Label: "Paste the link", Long: true, Max: 1 << 20, OnChange: func(ctx app.Context, v string) { p.pasted = v }},
			submitButton("open-pasted", "Open the link"),
		),
		div("card",
			app.Label().For("open-file").Text("Or choose a file (it ends in "+share.FileExtension+")"),
			app.Input().Type("file").ID("open-file").Accept(".json,application/json").OnChange(func(ctx app.Context, e app.Event) {
				readChosenFile(ctx, ctx.JSSrc(), func(text string) { p.start(ctx, text, true) })
			}),
		),
	)
}

func (p *openPage) renderPassphrase() app.UI {
	return app.Form().Class("card open-lock").OnSubmit(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		if p.passphrase == "" || p.busy != "" {
			return
		}
		p.decode(ctx, p.passphrase)
	}).Body(
		para("", "This is locked with a passphrase. The sender gives it to you separately from the link, for example by phone."),
		div("field",
			app.Label().For("open-passphrase").Text("Passphrase"),
			passphraseInput("open-passphrase", "open-passphrase-hint", p.passErr != "", func(ctx app.Context, v string) { p.passphrase = v }),
			app.Div().ID("open-passphrase-hint").Body(app.If(p.passErr != "", app.P().Class("field-error").Role("alert").Text(p.passErr))),
		),
		div("actions",
			submitButton("unlock", "Unlock").Disabled(p.busy != ""),
			app.Span().Role("status").ID("unlock-status").Text(p.busy),
		),
	)
}

// sectionName is how the preview names a part of an onboarding.
func sectionName(s share.Section) string {
	if s == share.Meetings1on1 {
		return "1:1s and commitments"
	}
	if st, ok := guide.StageOf(onboarding.Stage(s)); ok {
		return st.Short
	}
	return string(s)
}

func (p *openPage) renderPreview() app.UI {
	in := p.incoming
	sender := in.PersonByID(p.packet.Header.From)
	if p.local != nil {
		return p.renderMergePreview()
	}
	if p.packet.Welcomes(p.me) {
		return div("open-preview", p.renderWelcome(), p.renderWhoAmI())
	}
	counts := share.Counts(in)
	holds := app.P().ID("preview-holds").Text("It holds everything " + sender.Name + " shares:")
	if p.packet.Header.Partial() {
		holds = app.P().ID("preview-holds").Text("It holds only what " + sender.Name + " changed since " + dayWords(p.packet.Header.Since) + ", the time of the link before it:")
	}
	var rows []app.UI
	for _, s := range share.Sections {
		rows = append(rows, app.Li().DataSet("section", string(s)).Body(
			span("", sectionName(s)+": "), app.Strong().Text(words.Count(counts[s], "entry", "entries")),
		))
	}
	decide := p.renderWhoAmI()
	return div("open-preview",
		app.Section().Class("card").ID("preview").Body(
			app.H2().Text(in.Title),
			app.P().Body(app.Text("From "), app.Strong().ID("preview-from").Text(personLine(*sender)), app.Text(".")),
			para("meta", pairLine(in)),
			holds,
			app.Ul().Class("plain").ID("preview-counts").Body(rows...),
		),
		decide,
	)
}

// renderWelcome is the newcomer's first link: what Counterpart is, what
// the buddy has prepared, and their first two jobs, to read in ten
// seconds. What it counts is decided in package onboarding (welcome.go).
func (p *openPage) renderWelcome() app.UI {
	in := p.incoming
	buddy, newcomer := in.Buddy.Name, in.Newcomer.Name
	prepared := onboarding.Prepared(in, in.Buddy.ID)
	what := buddy + " has started it for you."
	if prepared != "" {
		what = buddy + " has prepared " + prepared + "."
	}
	return app.Section().Class("card welcome").ID("preview").Aria("labelledby", "welcome").Body(
		app.H2().ID("welcome").Text("Welcome, "+newcomer),
		app.P().Class("lede").Text("Counterpart is where you and "+buddy+", a peer executive, write down what your first weeks as "+roleOr(in.Newcomer, "a new executive")+" need. It stays on your devices."),
		app.P().ID("welcome-prepared").Body(app.Strong().Text(in.Title), app.Text(": "+what)),
		h3("Your first two jobs"),
		app.Ol().ID("welcome-jobs").Body(
			li("Read what "+buddy+" wrote, then answer who owns what: "+buddy+"'s answers stay hidden until you both finish."),
			li("Book your weekly 1:1 with "+buddy+" on the Weekly 1:1 page."),
		),
		app.P().Class("meta").Body(app.Text("From "), app.Span().ID("preview-from").Text(personLine(in.Buddy)), app.Text(".")),
	)
}

// renderWhoAmI asks, the first time an onboarding arrives on this device,
// which of the two people uses it.
func (p *openPage) renderWhoAmI() app.UI {
	in := p.incoming
	option := func(key string, person onboarding.Person, what string) app.UI {
		return radio("me-"+key, "me", "I am "+person.Name+", "+what, p.me == person.ID, func(ctx app.Context) {
			p.me = person.ID
			p.prepare()
		})
	}
	legend := "Which of the two are you?"
	if to := p.packet.Recipient(); to != nil {
		legend = "You are " + to.Name + ", whom " + in.Other(to.ID).Name + " sent it to. If not, choose:"
	}
	return app.Section().Class("card").ID("decide").Body(
		para("", "This onboarding is not on this device yet. Saving keeps a copy here, with everything above."),
		app.FieldSet().Class("choices").ID("who-am-i").Body(
			app.Legend().Text(legend),
			option("buddy", in.Buddy, "onboarding "+in.Newcomer.Name),
			option("newcomer", in.Newcomer, "the new "+roleOr(in.Newcomer, "executive")),
		),
		div("actions",
			app.Button().ID("save-incoming").Text("Save to this device").Disabled(p.me == "").OnClick(p.save),
			buttonLink("", "button secondary", link(homePath), "Cancel"),
		),
	)
}

func (p *openPage) renderMergePreview() app.UI {
	if p.preview.None() {
		return app.Section().Class("card").ID("preview").Body(
			app.P().ID("nothing-new").Text("Nothing new: your copy already has everything in this."),
			app.If(p.confirmed, app.P().ID("confirmed").Text("It tells what "+p.senderName()+" has, so your next link to them carries only what they lack.")),
			buttonLink("", "button", resumeLink(p.local), "Open your copy"),
		)
	}
	lines := changeLines(p.preview, p.incoming)
	sender := p.incoming.PersonByID(p.packet.Header.From)
	return app.Section().Class("card open-merge").ID("preview").Body(
		app.H2().Text(p.local.Title),
		app.P().Class("meta").Body(app.Text("From "), app.Span().ID("preview-from").Text(personLine(*sender)), app.Text(".")),
		app.P().Class("lede").ID("open-line").Text(p.line),
		div("actions",
			button("save-incoming", "", "Merge into my copy", p.save),
		),
		app.Details().Class("merge-details").Body(
			app.Summary().Text("What merging changes, in detail"),
			para("", "Your private entries are not touched, and you can undo it."),
			app.Ul().ID("preview-changes").Body(app.Range(lines).Slice(func(i int) app.UI { return li(lines[i]) })),
		),
	)
}

// changeLines says what a merge changes, in plain words.
func changeLines(ch share.Changes, o *onboarding.Onboarding) []string {
	var lines []string
	if ch.New {
		lines = append(lines, "A new onboarding on this device.")
	}
	for _, s := range share.Sections {
		var parts []string
		if n := ch.Added[s]; n > 0 && !ch.New {
			parts = append(parts, strconv.Itoa(n)+" new")
		}
		if n := ch.Updated[s]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" changed")
		}
		if n := ch.Removed[s]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" removed")
		}
		if len(parts) > 0 {
			lines = append(lines, sectionName(s)+": "+strings.Join(parts, ", ")+".")
		}
	}
	if ch.Details {
		lines = append(lines, "The title, names, start date or 1:1 time changed.")
	}
	switch {
	case ch.Conflicts == 1:
		lines = append(lines, "One thing was changed on both sides since your last exchange: the later edit is kept (for the notes of a 1:1, both texts are).")
	case ch.Conflicts > 1:
		lines = append(lines, strconv.Itoa(ch.Conflicts)+" things were changed on both sides since your last exchange: the later edit of each is kept (for the notes of a 1:1, both texts are).")
	}
	for _, id := range ch.Sides {
		if person := o.PersonByID(id); person != nil {
			lines = append(lines, person.Name+"'s role answers arrived.")
		}
	}
	if ch.Unlocked {
		lines = append(lines, "You have both finished the role agreement: the comparison is open.")
	}
	return lines
}

// save merges what the link carries into this device's copy as stored
// now (another tab may have written since the preview), keeping what
// undoes it.
func (p *openPage) save(ctx app.Context, e app.Event) {
	if p.merged == nil {
		return
	}
	ch, done, err := share.TakeLink(p.appStore(), p.packet, p.me)
	if err != nil {
		p.saveErr = failed("Not saved", err)
		p.saved = true
		return
	}
	step := done[p.merged.ID]
	if step.After != nil {
		p.merged = step.After
	}
	p.done = done
	if step.Before != nil && step.After != nil {
		// Into a copy already here: straight to what changed, with the
		// undo there.
		a, url := arrivalFor(step.Before, step.After, ch, done, p.senderName())
		p.landOn(ctx, url, a)
		return
	}
	p.saved, p.result, p.saveErr = true, ch, ""
	p.focusLater(ctx, p, "saved")
}

// undo takes out what saving did: the copy goes back to how it was, or
// goes, and whatever changed since stays.
func (p *openPage) undo(ctx app.Context, e app.Event) {
	if err := share.Undo(p.appStore(), p.done); err != nil {
		p.saveErr = failed("Could not undo", err)
		return
	}
	p.undone = true
	p.kept = len(share.Kept(p.appStore(), p.done)) > 0
}

func (p *openPage) renderSaved() app.UI {
	if p.saveErr != "" {
		return app.Div().Class("alert").Role("alert").ID("save-error").Text(p.saveErr)
	}
	if p.undone {
		msg := "Undone: this onboarding is no longer on this device."
		switch {
		case p.kept:
			msg = "Not taken out: this onboarding was changed in another tab after it was saved here, so it stays on this device, with those changes. You can delete it from your onboardings."
		case p.local != nil:
			msg = "Undone: your copy is back as it was."
		}
		return app.Div().Class("card").ID("saved").TabIndex(-1).Body(
			app.P().ID("undone").Text(msg),
			buttonLink("", "button secondary", link(homePath), "Go to your onboardings"),
		)
	}
	lines := changeLines(p.result, p.merged)
	open := resumeLink(p.merged)
	if p.result.Unlocked {
		open = stageLink(onboarding.StageRoles, p.merged.ID)
	}
	return app.Div().Class("card").ID("saved").TabIndex(-1).Body(
		app.P().Body(app.Strong().Text("Saved on this device.")),
		app.Ul().ID("saved-changes").Body(app.Range(lines).Slice(func(i int) app.UI { return li(lines[i]) })),
		div("actions",
			buttonLink("open-saved", "button", open, "Open it"),
			button("undo-open", "secondary", "Undo", p.undo),
		),
	)
}
