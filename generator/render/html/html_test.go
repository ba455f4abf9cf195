package html_test

import (
	"bytes"
	"flag"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	render "github.com/docgen/docgen/generator/render/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// fixtureOptions are the options the golden page is rendered with.
func fixtureOptions(t *testing.T) render.Options {
	t.Helper()
	svg, err := os.ReadFile(filepath.Join("testdata", "network-diagram.svg"))
	if err != nil {
		t.Fatal(err)
	}
	return render.Options{
		Title: "Meridian ViewPoint RX: network administrator guide",
		Meta: []render.MetaItem{
			{Name: "Device", Value: "Meridian ViewPoint RX"},
			{Name: "Model", Value: "MVP-RX5, version 5.2.0"},
			{Name: "Manufacturer", Value: "Meridian Imaging Systems GmbH, Hafenstraße 21, 28217 Bremen, Germany"},
			{Name: "Document", Value: "MIS-CYB-0412"},
			{Name: "Revision", Value: "D"},
			{Name: "Date", Value: "2026-10-15"},
		},
		InlineImages: map[string][]byte{"network-diagram.svg": svg},
		Generator:    "docgen 1.0",
	}
}

func readFixture(t *testing.T) []byte {
	t.Helper()
	md, err := os.ReadFile(filepath.Join("testdata", "fixture.md"))
	if err != nil {
		t.Fatal(err)
	}
	return md
}

func renderString(t *testing.T, md string, opts render.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := render.Render(&b, []byte(md), opts); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	var got bytes.Buffer
	if err := render.Render(&got, readFixture(t), fixtureOptions(t)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "fixture.html")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, firstDiff(got.String(), string(want)))
	}
	checkPage(t, got.Bytes())

	page := got.String()
	for _, s := range []string{
		`<meta name="generator" content="docgen 1.0">`,
		`<title>Meridian ViewPoint RX: network administrator guide</title>`,
		`<h1 id="nag">Meridian ViewPoint RX: network administrator guide</h1>`,
		`<th scope="row">Manufacturer</th><td>Meridian Imaging Systems GmbH, Hafenstraße 21, 28217 Bremen, Germany</td>`,
		`<h2 id="nag-scope">Scope and intended environment<a class="anchor" href="#nag-scope"`,
		`<a href="#nag-streams">Data streams</a>`,
		`<td>Receive orders | return reports</td>`,
		`<div class="table-wrap">`,
		`<figure class="diagram">`,
		`<figcaption>Figure 1: ViewPoint RX in the clinical network</figcaption>`,
		`<div class="callout callout-note" role="note">`,
		`<blockquote>`,
		`<ul class="tasks">`,
		`<dt>Application entity (AE) title</dt>`,
		`<div class="footnotes" role="doc-endnotes">`,
		`<pre><code class="language-ini">`,
		`<!-- raw HTML omitted -->`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`<h3 id="contact">Contact<a`,
		`class="url">https://security.meridian-imaging.example/sbom/mvp-rx5-5.2.0.cdx.json</a>`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	for _, s := range []string{"<?xml", "test diagram", "raw block", "color:red", "<h1>", `<a id="`} {
		if strings.Contains(page, s) {
			t.Errorf("page contains %s", s)
		}
	}
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("page has %d h1 elements, want the title only", n)
	}
}

func TestDeterministic(t *testing.T) {
	md, opts := readFixture(t), fixtureOptions(t)
	var a, b bytes.Buffer
	if err := render.Render(&a, md, opts); err != nil {
		t.Fatal(err)
	}
	if err := render.Render(&b, md, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the same input differ")
	}
}

func TestHeadings(t *testing.T) {
	got, err := render.Headings(readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []render.Heading{
		{1, "Meridian ViewPoint RX: network administrator guide", "nag"},
		{2, "Scope and intended environment", "nag-scope"},
		{2, "Network diagram", "nag-diagram"},
		{2, "Data streams and firewall rules", "nag-firewall"},
		{3, "Data streams", "nag-streams"},
		{3, "Firewall rules", "nag-rules"},
		{2, "Software bill of materials", "nag-sbom"},
		{2, "Hardening checklist", "nag-checklist"},
		{2, "Configuration", "nag-config"},
		{2, "Reporting a vulnerability", "reporting-a-vulnerability"},
		{3, "Contact", "nag-contact"},
		{3, "Contact", "contact"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Headings:\n got %v\nwant %v", got, want)
	}
}

func TestHeadingIDs(t *testing.T) {
	md := strings.Join([]string{
		`## <a id="first"></a>Anchor first`,
		`## Attribute {#attr-id}`,
		`## Bad attribute {#x onclick="alert(1)" style="color:red"}`,
		`## Upper case anchor <a id="Bad"></a>`,
		`## Setext`,
		`## Setext`,
		`## Überblick & Ziele — 2026`,
		`## Code ` + "`a|b`" + ` and *emphasis*`,
		`## !!!`,
		`## Explicit later wins <a id="setext"></a>`,
		`## Duplicate <a id="first"></a>`,
		`## Contents`,
		`## Page toc`,
		"Under line\n----------",
	}, "\n\n")
	got, err := render.Headings([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := []render.Heading{
		{2, "Anchor first", "first"},
		{2, "Attribute", "attr-id"},
		{2, "Bad attribute", "x"},
		{2, "Upper case anchor", "upper-case-anchor"},
		{2, "Setext", "setext-1"},
		{2, "Setext", "setext-2"},
		{2, "Überblick & Ziele — 2026", "überblick--ziele--2026"},
		{2, "Code a|b and emphasis", "code-ab-and-emphasis"},
		{2, "!!!", "section"},
		{2, "Explicit later wins", "setext"},
		{2, "Duplicate", "first-1"},
		{2, "Contents", "contents"},
		{2, "Page toc", "page-toc-1"},
		{2, "Under line", "under-line"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Headings:\n got %v\nwant %v", got, want)
	}
	page := renderString(t, md, render.Options{Title: "T"})
	checkPage(t, []byte(page))
	for _, bad := range []string{"onclick", "color:red", `id="Bad"`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct {
		name, md, title, wantTitle, wantH1 string
	}{
		{"from heading", "# Guide <a id=\"g\"></a>\n\n## A\n", "", "<title>Guide</title>", `<h1 id="g">Guide</h1>`},
		{"option wins", "# Guide\n\n## A\n", "Device: Guide", "<title>Device: Guide</title>", `<h1 id="guide">Device: Guide</h1>`},
		{"no heading", "## A\n", "", "<title>Untitled document</title>", `<h1>Untitled document</h1>`},
		{"late h1 stays", "Intro.\n\n# Part\n", "T", "<title>T</title>", `<h1 id="part">Part<a class="anchor"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := renderString(t, tc.md, render.Options{Title: tc.title})
			if !strings.Contains(page, tc.wantTitle) || !strings.Contains(page, tc.wantH1) {
				t.Errorf("want %s and %s in\n%s", tc.wantTitle, tc.wantH1, page)
			}
			checkPage(t, []byte(page))
		})
	}
}

func TestHostile(t *testing.T) {
	md := strings.Join([]string{
		`# <script>alert(1)</script> title`,
		`## Heading " onmouseover="alert(1) <a id="x" onclick="alert(1)"></a>`,
		`Text <script>alert(1)</script> and <img src=x onerror=alert(1)> and " onmouseover=alert(1) x="`,
		`<script>alert(2)</script>`,
		`<iframe src="https://evil.example/"></iframe>`,
		`[click](javascript:alert(1)) [upper](JAVASCRIPT:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [file](file:///etc/passwd)`,
		`[entity](jav&#x61;script:alert(1)) [title](https://example.com "\" onmouseover=\"alert(1)")`,
		`![img](javascript:alert(1)) ![x](x.png "\" onerror=\"alert(1)")`,
		`<javascript:alert(1)>`,
		"```html\n<script>alert(3)</script>\n```",
		`| a | b |`,
		`|---|---|`,
		`| <script>alert(4)</script> | " onmouseover=alert(1) |`,
		`[ref]: javascript:alert(5)`,
		`[ref] link`,
	}, "\n\n")
	opts := render.Options{
		Title:     `</title></style><script>alert(6)</script>"\\`,
		Lang:      `en" onload="alert(7)`,
		Generator: `"><script>alert(8)</script>`,
		Meta:      []render.MetaItem{{Name: `<b onclick="alert(9)">x</b>`, Value: `javascript:alert(10)`}},
	}
	page := renderString(t, md, opts)
	checkPage(t, []byte(page))
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Error("page contains <script")
	}
	// goldmark drops the destination of every dangerous link and image.
	for _, s := range []string{`<a href="">click</a>`, `<a href="">upper</a>`, `<a href="">vb</a>`, `<a href="">data</a>`,
		`<a href="">file</a>`, `<a href="">entity</a>`, `<a href="">ref</a>`, `<img src="" alt="img">`, `<a href="" class="url">`} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	// Text is kept, escaped.
	if !strings.Contains(page, `&lt;script&gt;alert(3)&lt;/script&gt;`) {
		t.Error("code block text was not kept escaped")
	}
}

func TestInlineImages(t *testing.T) {
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>` + "\n")
	opts := render.Options{InlineImages: map[string][]byte{"d.svg": svg}}
	page := renderString(t, "Icon ![dot](d.svg) inline, ![other](other.png) kept.\n\n![Alone](d.svg)\n", opts)
	checkPage(t, []byte(page))
	for _, s := range []string{
		`Icon <span class="svg" role="img" aria-label="dot"><svg `,
		`<img src="other.png" alt="other">`,
		`<figure class="diagram">` + "\n" + `<div class="svg" role="img" aria-label="Alone"><svg `,
		`<figcaption>Alone</figcaption>`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	if strings.Contains(page, "<?xml") {
		t.Error("XML declaration copied into the page")
	}

	var b bytes.Buffer
	err := render.Render(&b, []byte("![x](d.svg)\n"), render.Options{InlineImages: map[string][]byte{"d.svg": []byte("GIF89a")}})
	if err == nil || !strings.Contains(err.Error(), "d.svg") {
		t.Errorf("Render of a non-SVG inline image: err = %v", err)
	}
}

func TestAlerts(t *testing.T) {
	page := renderString(t, "> [!CAUTION]\n> Hot surface.\n\n> [!tip]\n>\n> Second paragraph.\n\n> [!UNKNOWN]\n> kept\n", render.Options{})
	checkPage(t, []byte(page))
	for _, s := range []string{
		`<div class="callout callout-caution" role="note">` + "\n" + `<p class="callout-title">Caution</p>` + "\n<p>Hot surface.</p>",
		`<p class="callout-title">Tip</p>` + "\n<p>Second paragraph.</p>",
		"<blockquote>\n<p>[!UNKNOWN]\nkept</p>",
	} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %q in\n%s", s, page)
		}
	}
}

func TestBadUTF8(t *testing.T) {
	md := []byte("# Title\n\nbad \xff byte\n")
	if err := render.Render(io.Discard, md, render.Options{}); err == nil || !strings.Contains(err.Error(), "offset 13") {
		t.Errorf("Render: err = %v", err)
	}
	if _, err := render.Headings(md); err == nil {
		t.Error("Headings accepted invalid UTF-8")
	}
}

// checkPage checks what every page must satisfy: it starts with the doctype,
// its tags are balanced, it holds nothing executable, its ids are unique,
// and every link into the page, the table of contents first, finds its
// target.
func checkPage(t *testing.T, page []byte) {
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
					if key == "href" && strings.HasPrefix(val, "#") {
						links = append(links, val[1:])
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

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}
