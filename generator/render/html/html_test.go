package html_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	_ "github.com/docgen/docgen/generator/render/html" // registers "html"
	"github.com/docgen/docgen/generator/render/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// renderPage renders d with the registered HTML renderer and checks what
// every page must satisfy (see checkPage).
func renderPage(t *testing.T, d *docmodel.Document, opts render.Options) string {
	t.Helper()
	r, ok := render.Lookup("html")
	if !ok {
		t.Fatal("the html format is not registered")
	}
	if r.Extension() != ".html" {
		t.Errorf("Extension = %q", r.Extension())
	}
	var b bytes.Buffer
	warns, err := r.Render(&b, d, opts)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if len(warns) > 0 {
		t.Errorf("Render warned: %v", warns)
	}
	checkPage(t, b.Bytes())
	return b.String()
}

// read reads Markdown into a document.
func read(t *testing.T, md string) *docmodel.Document {
	t.Helper()
	d, err := markdown.Read([]byte(md))
	if err != nil {
		t.Fatalf("markdown.Read: %v", err)
	}
	return d
}

// para is a paragraph of inline content.
func para(in ...docmodel.Inline) *docmodel.Paragraph { return &docmodel.Paragraph{Content: in} }

// text is a text run.
func text(s string) *docmodel.Text { return &docmodel.Text{Text: s} }

// wantIn reports every string of want that page lacks.
func wantIn(t *testing.T, page string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}

// wantNotIn reports every string of bad that page contains.
func wantNotIn(t *testing.T, page string, bad ...string) {
	t.Helper()
	for _, s := range bad {
		if strings.Contains(page, s) {
			t.Errorf("page contains %q", s)
		}
	}
}

// fixture returns the golden page's document: testdata/fixture.md read as
// Markdown, with what Markdown cannot say set on the model (metadata,
// column kinds, the figure's text description), and its options.
func fixture(t *testing.T) (*docmodel.Document, render.Options) {
	t.Helper()
	md, err := os.ReadFile(filepath.Join("testdata", "fixture.md"))
	if err != nil {
		t.Fatal(err)
	}
	d := read(t, string(md))
	d.Meta.Name = "network-admin-guide"
	d.Meta.Language = "en"
	d.Meta.Control = []docmodel.Field{
		{Name: "Device", Value: "Meridian ViewPoint RX"},
		{Name: "Model", Value: "MVP-RX5, version 5.2.0"},
		{Name: "Manufacturer", Value: "Meridian Imaging Systems GmbH, Hafenstraße 21, 28217 Bremen, Germany"},
		{Name: "Document", Value: "MIS-CYB-0412"},
		{Name: "Revision", Value: "D"},
		{Name: "Date", Value: "2026-10-15"},
	}
	kinds := map[string]docmodel.ColumnKind{"Stream": docmodel.CodeColumn, "Port": docmodel.PortColumn, "Package URL": docmodel.CodeColumn}
	docmodel.Walk(d.Body, func(b docmodel.Block) bool {
		switch b := b.(type) {
		case *docmodel.Table:
			for i, c := range b.Columns {
				b.Columns[i].Kind = kinds[docmodel.PlainText(c.Header)]
			}
		case *docmodel.Figure:
			b.Description = "ViewPoint RX sits in the clinical network (VLAN 120) between the PACS and the RIS.\n\n" +
				"The PACS sends studies to ViewPoint RX over DICOM TLS on port 2762. The RIS exchanges HL7 messages with it on port 6661."
		}
		return true
	})
	svg, err := os.ReadFile(filepath.Join("testdata", "network-diagram.svg"))
	if err != nil {
		t.Fatal(err)
	}
	return d, render.Options{Assets: map[string]render.Asset{"network-diagram.svg": {Data: svg}}, Generator: "docgen 1.0"}
}

func TestGolden(t *testing.T) {
	d, opts := fixture(t)
	page := renderPage(t, d, opts)
	golden := filepath.Join("testdata", "fixture.html")
	if *update {
		if err := os.WriteFile(golden, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if page != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, firstDiff(page, string(want)))
	}

	wantIn(t, page,
		`<html lang="en">`,
		`<meta name="generator" content="docgen 1.0">`,
		`<title>Meridian ViewPoint RX: network administrator guide</title>`,
		`<h1>Meridian ViewPoint RX: network administrator guide</h1>`,
		`<caption>Document control</caption>`,
		`<th scope="row">Manufacturer</th><td>Meridian Imaging Systems GmbH, Hafenstraße 21, 28217 Bremen, Germany</td>`,
		`<h2 id="nag-scope">Scope and intended environment<a class="anchor" href="#nag-scope"`,
		`<a href="#nag-streams">Data streams</a>`,
		`<a href="ifu.html#ifu-security">instructions for use</a>`,
		`The <a href="#nag-streams">data streams</a> table`,
		`<td>Receive orders | return reports</td>`,
		`<div class="table-wrap">`,
		`<td class="nowrap"><code>dicom-pacs-in</code></td>`,
		`<td class="nowrap" style="text-align:right">2762/tcp</td>`,
		`<td class="long"><code>pkg:github/DCMTK/dcmtk@DCMTK-3.6.8</code></td>`,
		`<figure class="diagram">`,
		`<div class="svg" role="img" aria-label="Network diagram" aria-describedby="figdesc:1"><svg `,
		`<figcaption>Figure 1: ViewPoint RX in the clinical network</figcaption>`,
		`<div id="figdesc:1">`,
		`<div class="callout callout-warning" role="note">`+"\n"+`<p class="callout-title">Warning</p>`,
		`<div class="callout callout-note" role="note">`,
		"<blockquote>\n<p>We treat every report confidentially",
		`<ul class="tasks">`,
		`<li class="task"><input checked="" disabled="" type="checkbox"> Disable SMBv1`,
		`<dt>Application entity (AE) title</dt>`,
		`<div class="footnotes" role="doc-endnotes">`,
		`<pre><code class="language-ini">`,
		`<!-- raw HTML omitted -->`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`<h3 id="contact">Contact<a`,
		`class="url">https://security.meridian-imaging.example/sbom/mvp-rx5-5.2.0.cdx.json</a>`,
		`<a href="mailto:psirt@meridian-imaging.example" class="url">psirt@meridian-imaging.example</a>`,
	)
	wantNotIn(t, page, "<?xml", "test diagram", "raw block", "color:red", `<a id="`, ".md#", `class="draft-notice"`)
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("page has %d h1 elements, want the title only", n)
	}
}

func TestDeterministic(t *testing.T) {
	d, opts := fixture(t)
	if a, b := renderPage(t, d, opts), renderPage(t, d, opts); a != b {
		t.Error("two renders of the same document differ")
	}
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct {
		name, md, title string
		want            []string
	}{
		{"from heading", "# Guide <a id=\"g\"></a>\n\n## A\n\nText.\n", "", []string{"<title>Guide</title>", "<h1>Guide</h1>"}},
		{"meta wins", "# Guide\n\n## A\n\nText.\n", "Device: Guide", []string{"<title>Device: Guide</title>", "<h1>Device: Guide</h1>", `<h2 id="a">`}},
		{"no title", "## A\n\nText.\n", "", []string{"<title>Untitled document</title>", "<h1>Untitled document</h1>"}},
		{"late h1 stays", "Intro.\n\n# Part\n", "T", []string{"<title>T</title>", `<h1 id="part">Part<a class="anchor"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, tc.md)
			if tc.title != "" {
				d.Meta.Title = tc.title
			}
			wantIn(t, renderPage(t, d, render.Options{}), tc.want...)
		})
	}
}

func TestDraft(t *testing.T) {
	body := []docmodel.Block{para(text("Body."))}
	d := &docmodel.Document{Meta: docmodel.Meta{Title: "Admin guide", Language: "sv", Draft: true,
		DraftNotice: "DRAFT – not for release: the spec has 2 check errors"}, Body: body}
	page := renderPage(t, d, render.Options{})
	wantIn(t, page,
		`<html lang="sv">`,
		`<title>DRAFT – not for release: the spec has 2 check errors – Admin guide</title>`,
		`<div class="page">`+"\n"+`<p class="draft-notice">DRAFT – not for release: the spec has 2 check errors</p>`+"\n"+`<header class="doc-header">`,
		`@page { @top-center { content: "DRAFT – not for release: the spec has 2 check errors"; } }`,
	)

	d.Meta.DraftNotice = ""
	wantIn(t, renderPage(t, d, render.Options{}), `<p class="draft-notice">Draft – not released</p>`, "<title>Draft – not released – Admin guide</title>")

	d.Meta.Draft = false
	d.Meta.DraftNotice = "ignored when not a draft"
	wantNotIn(t, renderPage(t, d, render.Options{}), `class="draft-notice"`, "ignored", "@top-center { content")
}

func TestFragmentIsAPage(t *testing.T) {
	d := &docmodel.Document{Meta: docmodel.Meta{Title: "IfU security", Fragment: true,
		Control: []docmodel.Field{{Name: "Document", Value: "IFU-1"}}}, Body: []docmodel.Block{para(text("Body."))}}
	wantIn(t, renderPage(t, d, render.Options{}), "<h1>IfU security</h1>", `<th scope="row">Document</th><td>IFU-1</td>`)
}

// TestBlocks pins the markup of each kind of block and inline element.
func TestBlocks(t *testing.T) {
	for _, tc := range []struct {
		name string
		body []docmodel.Block
		want string
	}{
		{"tight list", []docmodel.Block{&docmodel.List{Items: []*docmodel.ListItem{
			{Blocks: []docmodel.Block{para(text("a"))}},
			{Blocks: []docmodel.Block{para(text("b")), &docmodel.List{Ordered: true, Start: 3, Items: []*docmodel.ListItem{{Blocks: []docmodel.Block{para(text("c"))}}}}}},
		}}}, "<ul>\n<li>a</li>\n<li>b\n<ol start=\"3\">\n<li>c</li>\n</ol>\n</li>\n</ul>\n"},
		{"loose list", []docmodel.Block{&docmodel.List{Ordered: true, Start: 1, Loose: true, Items: []*docmodel.ListItem{
			{Blocks: []docmodel.Block{para(text("a")), para(text("more"))}},
		}}}, "<ol>\n<li>\n<p>a</p>\n<p>more</p>\n</li>\n</ol>\n"},
		{"ordered from 0", []docmodel.Block{&docmodel.List{Ordered: true, Items: []*docmodel.ListItem{{Blocks: []docmodel.Block{para(text("zero"))}}}}},
			"<ol start=\"0\">\n<li>zero</li>\n</ol>\n"},
		{"tasks", []docmodel.Block{&docmodel.List{Items: []*docmodel.ListItem{
			{Task: docmodel.TaskDone, Blocks: []docmodel.Block{para(text("done"))}},
			{Task: docmodel.TaskOpen, Blocks: []docmodel.Block{para(text("open"))}},
			{Task: docmodel.TaskOpen},
		}}}, "<ul class=\"tasks\">\n<li class=\"task\"><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n" +
			"<li class=\"task\"><input disabled=\"\" type=\"checkbox\"> open</li>\n<li class=\"task\"><input disabled=\"\" type=\"checkbox\"> </li>\n</ul>\n"},
		{"loose task", []docmodel.Block{&docmodel.List{Loose: true, Items: []*docmodel.ListItem{{Task: docmodel.TaskOpen, Blocks: []docmodel.Block{para(text("x"))}}}}},
			"<li class=\"task\">\n<p><input disabled=\"\" type=\"checkbox\"> x</p>\n</li>"},
		{"quote", []docmodel.Block{&docmodel.Quote{Blocks: []docmodel.Block{para(text("q"))}}}, "<blockquote>\n<p>q</p>\n</blockquote>\n"},
		{"admonition with its own title", []docmodel.Block{&docmodel.Admonition{Kind: docmodel.Caution, Title: docmodel.Plain("Hot surface"),
			Blocks: []docmodel.Block{para(text("Do not touch."))}}},
			"<div class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\">Hot surface</p>\n<p>Do not touch.</p>\n</div>\n"},
		{"admonition of unknown kind", []docmodel.Block{&docmodel.Admonition{Kind: "danger", Blocks: []docmodel.Block{para(text("x"))}}},
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>"},
		{"code", []docmodel.Block{&docmodel.CodeBlock{Language: "yaml", Text: "a: <b>\n"}}, "<pre><code class=\"language-yaml\">a: &lt;b&gt;\n</code></pre>\n"},
		{"code without language", []docmodel.Block{&docmodel.CodeBlock{Text: "x"}}, "<pre><code>x</code></pre>\n"},
		{"rule", []docmodel.Block{&docmodel.ThematicBreak{}}, "<hr>\n"},
		{"raw HTML block", []docmodel.Block{&docmodel.HTMLBlock{Text: "<div onclick=\"x()\">x</div>"}}, "<main>\n<!-- raw HTML omitted -->\n</main>"},
		{"definitions", []docmodel.Block{&docmodel.DefinitionList{Items: []*docmodel.Definition{
			{Term: docmodel.Plain("AE title"), Descriptions: [][]docmodel.Block{{para(text("A DICOM name."))}, {para(text("a")), para(text("b"))}}},
		}}}, "<dl>\n<dt>AE title</dt>\n<dd>A DICOM name.</dd>\n<dd>\n<p>a</p>\n<p>b</p>\n</dd>\n</dl>\n"},
		{"inlines", []docmodel.Block{para(&docmodel.Strong{Content: docmodel.Plain("b")}, &docmodel.Emphasis{Content: docmodel.Plain("i")},
			&docmodel.Strikethrough{Content: docmodel.Plain("s")}, &docmodel.Code{Text: "a<b"}, &docmodel.LineBreak{}, &docmodel.RawHTML{Text: "<span>"}, text("it's \"x\" & y"))},
			"<p><strong>b</strong><em>i</em><del>s</del><code>a&lt;b</code><br>\n<!-- raw HTML omitted -->it's &quot;x&quot; &amp; y</p>\n"},
		{"links", []docmodel.Block{para(&docmodel.Link{URL: "https://example.com/a b?q=ä", Title: "T", Content: docmodel.Plain("site")}, text(" "),
			&docmodel.Link{URL: "https://example.com/"}, text(" "), &docmodel.Link{URL: "mailto:psirt@example.com"})},
			`<p><a href="https://example.com/a%20b?q=%C3%A4" title="T">site</a> <a href="https://example.com/" class="url">https://example.com/</a> ` +
				`<a href="mailto:psirt@example.com" class="url">psirt@example.com</a></p>`},
		{"section without anchor", []docmodel.Block{&docmodel.Section{Level: 4, Title: docmodel.Plain("Plain"), Blocks: []docmodel.Block{para(text("x"))}}},
			"<h4>Plain</h4>\n<p>x</p>\n"},
		{"section levels are clamped", []docmodel.Block{&docmodel.Section{Level: 9, Anchor: "deep", Title: docmodel.Plain("Deep")}}, `<h6 id="deep">Deep<a`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := renderPage(t, &docmodel.Document{Meta: docmodel.Meta{Title: "T"}, Body: tc.body}, render.Options{})
			wantIn(t, page, tc.want)
		})
	}
}

func TestXRefs(t *testing.T) {
	body := []docmodel.Block{
		&docmodel.Section{Level: 2, Anchor: "adm-sbom", Title: []docmodel.Inline{text("Software "), &docmodel.Emphasis{Content: docmodel.Plain("bill")}}},
		para(
			&docmodel.XRef{Anchor: "adm-sbom", Content: docmodel.Plain("here")}, text(" "),
			&docmodel.XRef{Anchor: "adm-sbom"}, text(" "),
			&docmodel.XRef{Document: "ifu-security", Anchor: "ifu-updates", Content: docmodel.Plain("updates")}, text(" "),
			&docmodel.XRef{Document: "security-information", Content: docmodel.Plain("public information")}, text(" "),
			&docmodel.XRef{Document: "admin-guide", Anchor: "adm-x"}, text(" "),
			&docmodel.Link{URL: "https://example.com/", Content: []docmodel.Inline{text("outer "), &docmodel.XRef{Anchor: "adm-sbom", Content: docmodel.Plain("inner")}}},
			text(" after"),
		),
	}
	page := renderPage(t, &docmodel.Document{Meta: docmodel.Meta{Title: "T"}, Body: body}, render.Options{})
	wantIn(t, page,
		`<a href="#adm-sbom">here</a>`,
		`<a href="#adm-sbom">Software bill</a>`,
		`<a href="https://example.com/">outer inner</a> after`,
		`<a href="ifu-security.html#ifu-updates">updates</a>`,
		`<a href="security-information.html">public information</a>`,
		`<a href="admin-guide.html#adm-x">admin-guide.html#adm-x</a>`,
	)
}

func TestTableCells(t *testing.T) {
	tbl := &docmodel.Table{
		Columns: []docmodel.Column{
			{Header: docmodel.Plain("Id"), Kind: docmodel.CodeColumn},
			{Header: docmodel.Plain("Date"), Kind: docmodel.DateColumn, Align: docmodel.AlignCenter},
			{Header: docmodel.Plain("Notes")},
		},
		Rows: []*docmodel.Row{
			{Cells: []*docmodel.Cell{{Content: docmodel.Plain("dicom-in")}, {Content: docmodel.Plain("2026-10-15")}, {Content: docmodel.Plain("Short note")}}},
			{Cells: []*docmodel.Cell{{Content: docmodel.Plain("pkg:maven/org.example/component@1.0")}, {}}},
			{Cells: []*docmodel.Cell{{Content: []docmodel.Inline{&docmodel.Strong{Content: docmodel.Plain("bold")}}}, {Content: docmodel.Plain("x")}, {Content: docmodel.Plain("y")}, {Content: docmodel.Plain("extra")}}},
			{Cells: []*docmodel.Cell{{Content: docmodel.Plain("10.10.1.10, 10.40.2.0/24")}, {Content: []docmodel.Inline{&docmodel.Link{URL: "https://example.com/", Title: "a b", Content: docmodel.Plain("2026-10-15 (planned)")}}}}},
		},
	}
	page := renderPage(t, &docmodel.Document{Meta: docmodel.Meta{Title: "T"}, Body: []docmodel.Block{tbl}}, render.Options{})
	wantIn(t, page,
		`<th style="text-align:center">Date</th>`,
		`<td class="nowrap"><code>dicom-in</code></td>`+"\n"+`<td class="nowrap" style="text-align:center">2026-10-15</td>`+"\n<td>Short note</td>",
		`<td class="long"><code>pkg:maven/org.example/component@1.0</code></td>`+"\n"+`<td class="nowrap" style="text-align:center">–</td>`+"\n"+`<td class="nowrap">–</td>`,
		`<td class="nowrap"><strong>bold</strong></td>`,
		`<td class="nowrap">extra</td>`+"\n</tr>",
		`<td><code>10.10.1.10, <span class="token">10.40.2.0/24</span></code></td>`,
		`<td style="text-align:center"><a href="https://example.com/" title="a b"><span class="token">2026-10-15</span> (planned)</a></td>`,
	)
}

func TestFigures(t *testing.T) {
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>` + "\n")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	opts := render.Options{Assets: map[string]render.Asset{"d.svg": {Data: svg}, "photo.png": {Data: png}}}
	body := []docmodel.Block{
		para(text("Icon "), &docmodel.Image{Src: "d.svg", Alt: "dot"}, text(" inline, "), &docmodel.Image{Src: "other.png", Alt: "other", Title: "T"}, text(" kept.")),
		&docmodel.Figure{Src: "d.svg", Alt: "Alone"},
		&docmodel.Figure{Src: "photo.png", Alt: "Photo", Caption: docmodel.Plain("Figure 2: the device"), Description: "First part.\n\nSecond <part>."},
		&docmodel.Figure{Src: "linked.png", Alt: "Linked"},
	}
	page := renderPage(t, &docmodel.Document{Meta: docmodel.Meta{Title: "T"}, Body: body}, opts)
	wantIn(t, page,
		`Icon <span class="svg" role="img" aria-label="dot"><svg `,
		`<img src="other.png" alt="other" title="T">`,
		`<figure class="diagram">`+"\n"+`<div class="svg" role="img" aria-label="Alone"><svg `,
		`<figcaption>Alone</figcaption>`,
		`<figure class="image">`+"\n"+`<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" alt="Photo" aria-describedby="figdesc:1">`,
		`<figcaption>Figure 2: the device</figcaption>`+"\n</figure>\n"+`<details class="figure-description">`+"\n<summary>Text description</summary>\n"+
			`<div id="figdesc:1">`+"\n<p>First part.</p>\n<p>Second &lt;part&gt;.</p>\n</div>\n</details>\n",
		`<img src="linked.png" alt="Linked">`,
	)
	wantNotIn(t, page, "<?xml")

	var b bytes.Buffer
	r, _ := render.Lookup("html")
	bad := render.Options{Assets: map[string]render.Asset{"d.svg": {Data: []byte("GIF88 not an image")}}}
	if _, err := r.Render(&b, &docmodel.Document{Body: []docmodel.Block{&docmodel.Figure{Src: "d.svg"}}}, bad); err == nil || !strings.Contains(err.Error(), `"d.svg"`) {
		t.Errorf("Render of a figure whose asset is not an image: err = %v", err)
	}
	if _, err := r.Render(&b, &docmodel.Document{Body: []docmodel.Block{para(&docmodel.Image{Src: "d.svg"})}}, bad); err == nil {
		t.Error("Render of an image whose asset is not an image succeeded")
	}
}

func TestAlerts(t *testing.T) {
	page := renderPage(t, read(t, "> [!CAUTION]\n> Hot surface.\n\n> [!tip]\n>\n> Second paragraph.\n\n> [!UNKNOWN]\n> kept\n"), render.Options{})
	wantIn(t, page,
		`<div class="callout callout-caution" role="note">`+"\n"+`<p class="callout-title">Caution</p>`+"\n<p>Hot surface.</p>",
		`<p class="callout-title">Tip</p>`+"\n<p>Second paragraph.</p>",
		"<blockquote>\n<p>[!UNKNOWN] kept</p>",
	)
}

func TestFootnotes(t *testing.T) {
	page := renderPage(t, read(t, "One[^a], two[^b] and one again[^a].\n\n[^a]: First.\n[^b]: Second.\n"), render.Options{})
	wantIn(t, page,
		`One<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" title="Footnote 1" role="doc-noteref">1</a></sup>`,
		`again<sup id="fnref1:1"><a href="#fn:1"`,
		"<li id=\"fn:1\">\n<p>First.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" title=\"Back to the text of footnote 1\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a>&#160;<a href=\"#fnref1:1\"",
		"<li id=\"fn:2\">\n<p>Second.&#160;<a href=\"#fnref:2\"",
	)
	// A reference to a footnote the document lacks shows the number only.
	d := &docmodel.Document{Meta: docmodel.Meta{Title: "T"}, Body: []docmodel.Block{para(text("x"), &docmodel.FootnoteRef{Index: 3})}}
	page = renderPage(t, d, render.Options{})
	wantIn(t, page, "x<sup>3</sup>")
	wantNotIn(t, page, `class="footnotes"`)

	// Inside a link, a reference is the number alone: links do not nest.
	d = &docmodel.Document{Meta: docmodel.Meta{Title: "T"},
		Body:      []docmodel.Block{para(&docmodel.Link{URL: "https://example.com/", Content: []docmodel.Inline{text("x"), &docmodel.FootnoteRef{Index: 1}}})},
		Footnotes: []*docmodel.Footnote{{Blocks: []docmodel.Block{para(text("Note."))}}}}
	page = renderPage(t, d, render.Options{})
	wantIn(t, page, `<a href="https://example.com/">x<sup>1</sup></a>`, "<li id=\"fn:1\">\n<p>Note.</p>")

	// A section inside a footnote gets no id: anchors are unique only in
	// the body.
	d = &docmodel.Document{Meta: docmodel.Meta{Title: "T"},
		Body:      []docmodel.Block{&docmodel.Section{Level: 2, Anchor: "dup", Title: docmodel.Plain("Body"), Blocks: []docmodel.Block{para(text("x"), &docmodel.FootnoteRef{Index: 1})}}},
		Footnotes: []*docmodel.Footnote{{Blocks: []docmodel.Block{&docmodel.Section{Level: 3, Anchor: "dup", Title: docmodel.Plain("Note")}}}}}
	page = renderPage(t, d, render.Options{})
	wantIn(t, page, "<li id=\"fn:1\">\n<h3>Note</h3>\n<p>&#160;<a href=\"#fnref:1\"")
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
