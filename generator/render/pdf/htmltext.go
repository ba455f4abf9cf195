package pdf

import (
	"strings"

	"golang.org/x/net/html"
)

// A PDF cannot show HTML. Raw HTML read from Markdown (docmodel.HTMLBlock
// and docmodel.RawHTML) is shown as the text a browser would show for it,
// without styling: tags are dropped, character references resolved, script
// and style contents left out; block elements and <br> start new lines.
// <a id="..."> and <a name="..."> become link destinations.

// blockTags are the elements that start a new line.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true, "details": true,
	"div": true, "dl": true, "dt": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true,
	"li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "td": false, "tfoot": true, "thead": true, "tr": true, "ul": true,
}

// htmlText returns the visible text of an HTML fragment, one string per
// line, and the ids of its anchors.
func htmlText(raw string) (lines []string, anchors []string) {
	z := html.NewTokenizer(strings.NewReader(raw))
	var b strings.Builder
	skip, pre := 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			for _, l := range strings.Split(b.String(), "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" {
					lines = append(lines, l)
				}
			}
			return lines, anchors
		case html.TextToken:
			if skip == 0 {
				t := string(z.Text())
				if pre == 0 {
					t = strings.Map(func(r rune) rune {
						if r == '\n' || r == '\r' || r == '\t' {
							return ' '
						}
						return r
					}, t)
				}
				b.WriteString(t)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "pre":
				if tt == html.StartTagToken {
					pre++
				} else if tt == html.EndTagToken && pre > 0 {
					pre--
				}
			case "td", "th":
				b.WriteByte(' ')
			case "a":
				if id := anchorAttr(tok); id != "" && tt != html.EndTagToken {
					anchors = append(anchors, id)
				}
			}
			if blockTags[tok.Data] {
				b.WriteByte('\n')
			}
		}
	}
}

// inlineTag inspects one inline HTML tag: whether it is a line break
// (<br>) and the id of an anchor (<a id="..."> or <a name="...">).
func inlineTag(raw string) (brk bool, anchor string) {
	z := html.NewTokenizer(strings.NewReader(raw))
	tt := z.Next()
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return false, ""
	}
	tok := z.Token()
	switch tok.Data {
	case "br":
		return true, ""
	case "a":
		return false, anchorAttr(tok)
	}
	return false, ""
}

// anchorAttr returns the id (or name) of an <a> tag.
func anchorAttr(tok html.Token) string {
	name := ""
	for _, a := range tok.Attr {
		switch a.Key {
		case "id":
			return strings.TrimSpace(a.Val)
		case "name":
			name = strings.TrimSpace(a.Val)
		}
	}
	return name
}
