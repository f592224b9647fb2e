package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// textPage is a page of text that reacts to nothing: its title and what
// it shows are all it has. Each such page is a type of its own that
// embeds it, so that go-app, which keeps a page's component when the next
// page is of the same type, never shows one with the other's text.
type textPage struct {
	app.Compo
	*App
	title string
	body  func() []app.UI
}

func (t *textPage) OnNav(ctx app.Context) { setTitle(ctx, t.title) }

func (t *textPage) Render() app.UI { return t.layout(t.body()...) }

// about explains what Counterpart is and where the data goes.
type about struct{ textPage }

func newAbout(a *App) app.Composer {
	return &about{textPage{App: a, title: "About", body: aboutBody}}
}

func aboutBody() []app.UI {
	return []app.UI{
		app.H1().Text("About Counterpart"),
		para("", "Counterpart helps an executive onboard a new peer: where the real numbers live, the few problems that matter first, an honest read of the team, how the company runs, and who owns what between the two of you."),
		app.P().Body(
			app.Text("The guide follows Will Larson's essay "),
			app.A().Href("https://lethain.com/onboarding-peer-executives/").Rel("noopener noreferrer").Text("Onboarding peer executives"),
			app.Text(", from The Engineering Executive's Primer: share your mental framework, define your roles, and invest in time together."),
		),
		para("", "Everything you write stays in this browser. There is no account and no server copy; the app keeps working with the network off."),
		para("", "When you share an onboarding with your peer, it travels inside the link itself, in the part after the # sign, which browsers never send to any server. Entries you mark private never leave your device, and a passphrase, given by another way than the link, keeps anyone else who sees the link from reading it."),
	}
}
