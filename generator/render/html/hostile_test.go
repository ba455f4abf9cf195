package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
)

// TestHostileMarkdown renders Markdown written to break out of the page:
// raw HTML, script in every place text can go, and links and images with
// addresses that run code.
func TestHostileMarkdown(t *testing.T) {
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
		"```html\" onclick=\"alert(1)\n<script>alert(3)</script>\n```",
		`| a | b |`,
		`|---|---|`,
		`| <script>alert(4)</script> | " onmouseover=alert(1) |`,
		`[ref]: javascript:alert(5)`,
		`[ref] link`,
		`[other doc](javascript:alert(1).md#x)`,
	}, "\n\n")
	d := read(t, md)
	d.Meta.Language = `en" onload="alert(7)`
	d.Meta.Control = []docmodel.Field{{Name: `<b onclick="alert(9)">x</b>`, Value: `javascript:alert(10)`}}
	page := renderPage(t, d, render.Options{Generator: `"><script>alert(8)</script>`})
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Error("page contains <script")
	}
	// Every dangerous link and image loses its destination.
	wantIn(t, page, `<a>click</a>`, `<a>upper</a>`, `<a>vb</a>`, `<a>data</a>`, `<a>file</a>`, `<a>entity</a>`, `<a>ref</a>`,
		`<a class="url">javascript:alert(1)</a>`, `<a>other doc</a>`, " img ")
	// Text is kept, escaped.
	wantIn(t, page, `&lt;script&gt;alert(3)&lt;/script&gt;`, `<!-- raw HTML omitted -->alert(4)<!-- raw HTML omitted -->`,
		`<code class="language-html&quot;">`, `title="&quot; onerror=&quot;alert(1)"`)
}

// TestHostileModel puts hostile text into every field of the document
// model that reaches the page.
func TestHostileModel(t *testing.T) {
	evil := `"><script>alert(1)</script><x y='`
	in := func() []docmodel.Inline { return docmodel.Plain(evil) }
	d := &docmodel.Document{
		Meta: docmodel.Meta{
			Title: `</title></style><script>alert(6)</script>"\`, Language: evil, Draft: true, DraftNotice: `</style><script>alert(2)</script>`,
			Control: []docmodel.Field{{Name: evil, Value: evil}},
		},
		Body: []docmodel.Block{
			&docmodel.Section{Level: 2, Anchor: evil, Title: in(), Blocks: []docmodel.Block{
				&docmodel.Paragraph{Content: []docmodel.Inline{
					&docmodel.Text{Text: evil + "\x00"},
					&docmodel.Link{URL: "java\tscript:alert(1)", Content: docmodel.Plain("tab")},
					&docmodel.Link{URL: " \x01JaVaScRiPt:alert(1)", Content: docmodel.Plain("space")},
					&docmodel.Link{URL: "java\nscript:alert(1)", Title: evil, Content: docmodel.Plain("newline")},
					&docmodel.Link{URL: "data:image/svg+xml;base64,PHN2Zz4=", Content: docmodel.Plain("svg data")},
					&docmodel.Link{URL: `https://example.com/"><script>`, Content: in()},
					&docmodel.XRef{Document: "javascript:alert(1)//", Content: docmodel.Plain("xref document")},
					&docmodel.XRef{Document: evil, Anchor: evil, Content: in()},
					&docmodel.XRef{Anchor: evil},
					&docmodel.Image{Src: "vbscript:x", Alt: evil},
					&docmodel.Image{Src: evil, Alt: evil, Title: evil},
					&docmodel.Code{Text: evil},
					&docmodel.RawHTML{Text: "<script>alert(1)</script>"},
				}},
				&docmodel.CodeBlock{Language: evil, Text: evil},
				&docmodel.HTMLBlock{Text: "<script>alert(1)</script>"},
				&docmodel.Admonition{Kind: docmodel.AdmonitionKind(evil), Title: in(), Blocks: []docmodel.Block{&docmodel.Paragraph{Content: in()}}},
				&docmodel.Figure{Src: "file:///etc/passwd", Alt: evil, Caption: in(), Description: evil},
				&docmodel.Table{ID: evil, Columns: []docmodel.Column{{Header: in(), Kind: docmodel.CodeColumn}, {Header: in(), Align: docmodel.Align(99)}},
					Rows: []*docmodel.Row{{Cells: []*docmodel.Cell{{Content: in()}, nil}}}},
				&docmodel.DefinitionList{Items: []*docmodel.Definition{{Term: in(), Descriptions: [][]docmodel.Block{{&docmodel.Paragraph{Content: in()}}}}}},
				&docmodel.List{Ordered: true, Start: -3, Items: []*docmodel.ListItem{{Task: docmodel.TaskState(7), Blocks: []docmodel.Block{&docmodel.Paragraph{Content: in()}}}}},
			}},
		},
		Footnotes: []*docmodel.Footnote{{Label: evil, Blocks: []docmodel.Block{&docmodel.Paragraph{Content: in()}}}},
	}
	page := renderPage(t, d, render.Options{Generator: evil})
	if n := strings.Count(strings.ToLower(page), "<script"); n != 0 {
		t.Errorf("page contains <script %d times", n)
	}
	wantIn(t, page, `<a>tab</a>`, `<a>space</a>`, `<a title="&quot;&gt;&lt;script&gt;`, `<a>xref document</a>`,
		`<a href="https://example.com/%22%3E%3Cscript%3E">`, `<div class="callout callout-note" role="note">`, "\uFFFD")
	wantNotIn(t, page, "javascript:alert", "vbscript:", "file:", "data:image/svg")
}

// FuzzRender renders whatever Markdown the reader accepts and checks that
// the page is well formed and safe.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# T\n\n## A <a id=\"a\"></a>\n\n[x](#a) [y](other.md#b) <https://e.example>\n",
		"> [!WARNING]\n> Hot.\n\n- [ ] task\n- [x] done\n\n| a | b |\n|---|--:|\n| `c` | d |\n",
		"Term\n: Def\n\nText[^1]\n\n[^1]: Note.\n\n![alt](d.svg \"Caption\")\n",
		"<script>x</script>\n\n[a](javascript:x) ![i](data:text/html,x)\n\n```go\ncode\n```\n",
	} {
		f.Add([]byte(s))
	}
	r, _ := render.Lookup("html")
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>d</title></svg>`)
	opts := render.Options{Assets: map[string]render.Asset{"d.svg": {Data: svg}}}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := markdown.Read(src)
		if err != nil {
			return
		}
		var b bytes.Buffer
		if _, err := r.Render(&b, d, opts); err != nil {
			t.Fatalf("Render: %v", err)
		}
		checkLinks(t, b.Bytes(), false)
	})
}
