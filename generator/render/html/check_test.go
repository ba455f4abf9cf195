package html_test

import (
	"bytes"
	"io"
	"net/url"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// checkPage checks what every page must satisfy: it starts with the doctype,
// its tags are balanced, it holds nothing executable, its ids are unique,
// and every link into the page, the table of contents first, finds its
// target.
func checkPage(t *testing.T, page []byte) {
	t.Helper()
	checkLinks(t, page, true)
}

// checkLinks checks a page as checkPage does; unless all is set, only the
// links the page makes itself (table of contents, heading self-links,
// footnotes, figure descriptions) must find their target, not the links of
// the document, which may lead nowhere in hand-written Markdown.
func checkLinks(t *testing.T, page []byte, all bool) {
	t.Helper()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n")) {
		t.Error("page does not start with <!DOCTYPE html>")
	}
	checkBalanced(t, page)

	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	var links, tocLinks []string
	own := map[string]bool{}
	sawCharset, sawViewport := false, false
	var walk func(n *xhtml.Node, inNav bool)
	walk = func(n *xhtml.Node, inNav bool) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "frame", "frameset", "base", "form", "link", "applet":
				t.Errorf("page has a <%s> element", n.Data)
			case "nav":
				inNav = true
			}
			for _, a := range n.Attr {
				key, val := strings.ToLower(a.Key), a.Val
				switch {
				case strings.HasPrefix(key, "on"):
					t.Errorf("<%s> has event handler %s=%q", n.Data, a.Key, val)
				case key == "href" || key == "src" || key == "xlink:href" || key == "action" || key == "formaction":
					if dangerousURL(val) {
						t.Errorf("<%s %s=%q> is executable", n.Data, a.Key, val)
					}
					if key == "href" && strings.HasPrefix(val, "#") && val != "#" { // "#" is the top of the page
						links = append(links, val[1:])
						if inNav || slices.ContainsFunc(n.Attr, func(a xhtml.Attribute) bool {
							return a.Key == "class" && slices.Contains([]string{"anchor", "footnote-ref", "footnote-backref"}, a.Val)
						}) {
							own[val[1:]] = true
						}
						if inNav {
							tocLinks = append(tocLinks, val[1:])
						}
					}
				case key == "style" && (strings.Contains(strings.ToLower(val), "url(") || strings.Contains(strings.ToLower(val), "expression")):
					t.Errorf("<%s> has style %q", n.Data, val)
				case key == "http-equiv":
					t.Errorf("<%s> has http-equiv=%q", n.Data, val)
				case key == "id":
					ids[val]++
				case key == "aria-describedby":
					links = append(links, url.PathEscape(val))
					own[url.PathEscape(val)] = true
				case key == "charset" && val == "utf-8":
					sawCharset = true
				case key == "name" && val == "viewport":
					sawViewport = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inNav)
		}
	}
	walk(doc, false)
	if !sawCharset || !sawViewport {
		t.Error("page lacks <meta charset> or the viewport")
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q occurs %d times", id, n)
		}
	}
	if bytes.Contains(page, []byte("<nav")) && len(tocLinks) == 0 {
		t.Error("the table of contents has no links")
	}
	for _, l := range links {
		if !all && !own[l] {
			continue
		}
		id, err := url.PathUnescape(l)
		if err != nil {
			t.Errorf("link #%s: %v", l, err)
			continue
		}
		if ids[id] != 1 {
			t.Errorf("link #%s: target occurs %d times", l, ids[id])
		}
	}
}

// dangerousURL reports whether a URL attribute value would run code, load a
// document from inline data or reach into the local file system. Raster
// images as data URLs are harmless.
func dangerousURL(v string) bool {
	v = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, v))
	for _, p := range []string{"data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/webp;"} {
		if strings.HasPrefix(v, p) {
			return false
		}
	}
	for _, p := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// checkBalanced checks that every start tag has its end tag, in order: the
// page must not rely on the HTML parser's error recovery.
func checkBalanced(t *testing.T, page []byte) {
	t.Helper()
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	var stack []string
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			if len(stack) > 0 {
				t.Errorf("unclosed elements at the end: %v", stack)
			}
			return
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Errorf("</%s> closes %v", name, stack)
				return
			}
			stack = stack[:len(stack)-1]
		}
	}
}
