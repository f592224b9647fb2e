package markdown_test

import (
	"strings"

	. "counterpart/app/markdown"

	"golang.org/x/net/html"
)

// guideTags are the elements the guide's Markdown may produce.
var guideTags = map[string]bool{
	"div": true, "p": true, "ul": true, "ol": true, "li": true, "strong": true, "em": true,
	"del": true, "a": true, "code": true, "pre": true, "blockquote": true, "hr": true, "br": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// unsafeMarkup checks every tag and attribute of the HTML, and says what
// should not be there.
func unsafeMarkup(out string, allowedTags map[string]bool) string {
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !allowedTags[tok.Data] {
				return "tag " + tok.Data
			}
			for _, a := range tok.Attr {
				switch {
				case a.Key == "href" && tok.Data == "a" && Allowed(a.Val):
				case a.Key == "start" && tok.Data == "ol":
				// A link's title is text: the tokenizer reading it as one
				// value shows that no quote in it broke out.
				case a.Key == "title" && tok.Data == "a":
				case a.Key == "class" && (tok.Data == "div" || tok.Data == "code"):
				default:
					return "attribute " + a.Key + "=" + a.Val + " on " + tok.Data
				}
			}
		}
	}
}
