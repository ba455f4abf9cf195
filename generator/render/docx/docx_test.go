package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/docx/docxcheck"
)

func TestRegistered(t *testing.T) {
	r, ok := render.Lookup("docx")
	if !ok || r.Extension() != ".docx" {
		t.Fatalf("docx is not registered: %v %v", r, ok)
	}
	if r2, ok := render.ForExtension(".DOCX"); !ok || r2.Name() != "docx" {
		t.Errorf("ForExtension(.DOCX) = %v, %v", r2, ok)
	}
}

// TestStructure renders the sample and reads it back: headings in heading
// styles with bookmarks for their anchors, tables with header rows, the
// table-of-contents field, internal links to bookmarks and the links to
// another document.
func TestStructure(t *testing.T) {
	for _, titlePage := range []bool{true, false} {
		opts := sampleOptions(t)
		opts.TitlePage = titlePage
		doc, warns, _ := renderDoc(t, sampleDoc(), opts)
		if len(warns) > 0 {
			t.Errorf("warnings: %v", warns)
		}
		o := doc.Outline()
		if o.Title != sampleDoc().Meta.Title {
			t.Errorf("title %q", o.Title)
		}
		type h struct {
			level int
			text  string
			mark  string
		}
		var got []h
		for _, x := range o.Headings {
			got = append(got, h{x.Level, x.Text, strings.Join(x.Bookmarks, ",")})
		}
		// Level-2 sections are Word's heading 1.
		want := []h{{1, "Introduction", "adm_intro"}, {1, "Ports", "adm_ports"}, {2, "Diagram", "adm_ports_diagram"}}
		if !slices.Equal(got, want) {
			t.Errorf("headings:\n got %v\nwant %v", got, want)
		}
		if len(o.Tables) != 2 {
			t.Fatalf("%d tables, want the document control and the firewall rules", len(o.Tables))
		}
		if ctl := o.Tables[0]; ctl.Header || len(ctl.Rows) != 2 || ctl.Rows[0][0] != "Device" {
			t.Errorf("document control %+v", ctl)
		}
		fw := o.Tables[1]
		if !fw.Header || len(fw.Rows) != 3 || fw.Rows[0][0] != "Port" || fw.Rows[2][3] != docmodel.EmptyCell {
			t.Errorf("firewall table %+v", fw)
		}
		if o.TOC != `TOC \o "1-3" \h \z \u` || !o.TOCDirty {
			t.Errorf("TOC field %q dirty=%v", o.TOC, o.TOCDirty)
		}
		var sawInternal, sawOther, sawWeb bool
		for _, l := range o.Links {
			switch {
			case l.Anchor == "adm_ports" && l.Target == "" && l.Text == "the ports":
				sawInternal = true
			case l.Target == "ifu-security.docx" && l.Anchor == "ifu_updates":
				sawOther = true
			case l.Target == "https://example.com/a?b=1&c=2":
				sawWeb = true
			}
		}
		if !sawInternal || !sawOther || !sawWeb {
			t.Errorf("links %+v", o.Links)
		}
		if o.FootnoteRefs != 1 || o.Drawings != 1 {
			t.Errorf("footnote references %d, drawings %d", o.FootnoteRefs, o.Drawings)
		}
		if titlePage != strings.Contains(string(doc.Parts["word/document.xml"]), "<w:titlePg/>") {
			t.Errorf("title page %v: titlePg does not match", titlePage)
		}
	}
}

// TestTablesAndCode checks the typed columns: dates and ports never wrap,
// code cells are in the code style, numbers are right-aligned; and that
// code blocks keep their lines.
func TestTablesAndCode(t *testing.T) {
	doc, _, _ := renderDoc(t, sampleDoc(), sampleOptions(t))
	x := string(doc.Parts["word/document.xml"])
	if n := strings.Count(x, "<w:noWrap/>"); n != 2*3 {
		t.Errorf("%d cells that do not wrap, want the date and port columns (header and 2 rows)", n)
	}
	if !strings.Contains(x, `<w:rStyle w:val="VerbatimChar"/></w:rPr><w:t>pkg:nuget/Newtonsoft.Json@13.0.3</w:t>`) {
		t.Error("the code column is not in the code style")
	}
	if !strings.Contains(x, `<w:jc w:val="right"/></w:pPr><w:r><w:t>11</w:t>`) {
		t.Error("the number column is not right-aligned")
	}
	if !strings.Contains(x, `<w:t>ports:</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">  - 443</w:t>`) {
		t.Error("the code block lost its lines or indentation")
	}
	if strings.Count(x, "<w:tblHeader/>") != 1 {
		t.Error("want exactly one repeated header row")
	}
}

func TestDeterministic(t *testing.T) {
	_, _, a := renderDoc(t, sampleDoc(), sampleOptions(t))
	_, _, b := renderDoc(t, sampleDoc(), sampleOptions(t))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
}

// TestDates: the metadata dates come from the document, else from
// SOURCE_DATE_EPOCH, else they are left out; never from the clock.
func TestDates(t *testing.T) {
	d := sampleDoc()
	doc, _, _ := renderDoc(t, d, sampleOptions(t))
	if core := string(doc.Parts["docProps/core.xml"]); !strings.Contains(core, `<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-15T00:00:00Z</dcterms:created>`) {
		t.Errorf("core.xml: %s", core)
	}
	d.Meta.Date = time.Time{}
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	doc, _, _ = renderDoc(t, d, sampleOptions(t))
	if core := string(doc.Parts["docProps/core.xml"]); !strings.Contains(core, `>2026-01-01T00:00:00Z</dcterms:modified>`) {
		t.Errorf("SOURCE_DATE_EPOCH ignored: %s", core)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	doc, _, _ = renderDoc(t, d, sampleOptions(t))
	if core := string(doc.Parts["docProps/core.xml"]); strings.Contains(core, "dcterms:created") {
		t.Errorf("a date without a source: %s", core)
	}
}

// TestMetadata checks the document properties and the language.
func TestMetadata(t *testing.T) {
	doc, _, _ := renderDoc(t, sampleDoc(), sampleOptions(t))
	core := string(doc.Parts["docProps/core.xml"])
	for _, want := range []string{
		`<dc:title>Meridian &lt;Test&gt; &amp; &quot;Co&quot; – Administrator guide</dc:title>`,
		`<dc:subject>Cybersecurity documentation</dc:subject>`, `<dc:creator>ACME Medical GmbH</dc:creator>`,
		`<cp:keywords>cybersecurity, MDCG 2019-16</cp:keywords>`, `<dc:identifier>DOC-7</dc:identifier>`,
		`<dc:language>sv-SE</dc:language>`, `<cp:version>C</cp:version>`,
	} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	if strings.Contains(core, "contentStatus") {
		t.Error("a released document has a content status")
	}
	custom := string(doc.Parts["docProps/custom.xml"])
	for _, want := range []string{`name="Document ID"><vt:lpwstr>DOC-7</vt:lpwstr>`, `name="Revision"><vt:lpwstr>C</vt:lpwstr>`,
		`name="Audience"><vt:lpwstr>administrator</vt:lpwstr>`, `name="Draft"><vt:bool>false</vt:bool>`} {
		if !strings.Contains(custom, want) {
			t.Errorf("custom.xml lacks %s", want)
		}
	}
	if app := string(doc.Parts["docProps/app.xml"]); !strings.Contains(app, "<Application>docgen test</Application>") || !strings.Contains(app, "<Company>ACME Medical GmbH</Company>") {
		t.Errorf("app.xml: %s", app)
	}
	if styles := string(doc.Parts["word/styles.xml"]); !strings.Contains(styles, `<w:lang w:val="sv-SE" w:eastAsia="en" w:bidi="ar-SA"/>`) {
		t.Error("the document language is not the default language of the text")
	}
	hdr := string(doc.Parts["word/header1.xml"])
	if !strings.Contains(hdr, "DOC-7 · Revision C") || strings.Contains(hdr, "WaterMark") {
		t.Errorf("header: %s", hdr)
	}
	if ftr := string(doc.Parts["word/footer1.xml"]); !strings.Contains(ftr, `<w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE ">`) ||
		!strings.Contains(ftr, `<w:fldSimple w:instr=" NUMPAGES ">`) {
		t.Errorf("footer: %s", ftr)
	}
}

// TestDraft: a draft has a watermark in its headers, the notice at the
// start, and says so in its properties.
func TestDraft(t *testing.T) {
	d := sampleDoc()
	d.Meta.Draft, d.Meta.DraftNotice = true, "Not for release: the spec has 3 errors."
	doc, _, _ := renderDoc(t, d, sampleOptions(t))
	for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
		if x := string(doc.Parts[h]); !strings.Contains(x, `string="DRAFT"`) || !strings.Contains(x, "PowerPlusWaterMarkObject") {
			t.Errorf("%s has no watermark", h)
		}
	}
	// The notice follows the title and subtitle.
	o := doc.Outline()
	if len(o.Paragraphs) < 2 || o.Paragraphs[1].Text != d.Meta.DraftNotice || o.Paragraphs[1].Style != "Admonition Caution" {
		t.Errorf("no draft notice at the start: %+v", o.Paragraphs[:2])
	}
	if core := string(doc.Parts["docProps/core.xml"]); !strings.Contains(core, "<cp:contentStatus>Draft</cp:contentStatus>") || !strings.Contains(core, "<cp:keywords>DRAFT, ") {
		t.Errorf("core.xml: %s", core)
	}
	if custom := string(doc.Parts["docProps/custom.xml"]); !strings.Contains(custom, `name="Draft"><vt:bool>true</vt:bool>`) {
		t.Errorf("custom.xml: %s", custom)
	}
}

// TestEscaping feeds text that is markup in XML, characters XML cannot
// hold and bytes that are not UTF-8 through every place text goes.
func TestEscaping(t *testing.T) {
	hostile := "a<b>&c\"d'e\x00f\x1bg\uFFFEh\xffi]]>j"
	d := sampleDoc()
	d.Meta.Title, d.Meta.ID, d.Meta.DraftNotice, d.Meta.Draft = hostile, hostile, hostile, true
	d.Meta.Keywords = []string{hostile}
	d.Meta.Control = []docmodel.Field{{Name: hostile, Value: hostile}}
	d.Meta.Language = hostile
	s := d.Body[0].(*docmodel.Section)
	s.Title = txt(hostile)
	s.Anchor = hostile
	s.Blocks = append(s.Blocks, &docmodel.CodeBlock{Text: hostile}, mpara(&docmodel.Link{URL: "https://x.example/" + hostile, Content: txt(hostile)}))
	opts := sampleOptions(t)
	opts.Generator = hostile
	doc, warns, _ := renderDoc(t, d, opts)
	var dropped, replaced bool
	for _, w := range warns {
		dropped = dropped || strings.Contains(w.Message, "control characters")
		replaced = replaced || strings.Contains(w.Message, "not valid UTF-8")
	}
	if !dropped || !replaced {
		t.Errorf("warnings %v", warns)
	}
	o := doc.Outline()
	if want := "a<b>&c\"d'efgh\uFFFDi]]>j"; o.Headings[0].Text != want || o.Title != want {
		t.Errorf("heading %q, title %q, want %q", o.Headings[0].Text, o.Title, want)
	}
}

func TestBookmarkName(t *testing.T) {
	for _, c := range []struct{ anchor, want string }{
		{"ifu-updates", "ifu_updates"},
		{"adm_sbom", "adm_sbom"},
		{"Section2", "Section2"},
		{"2-intro", "s_2_intro"},
		{"-x", "s_x"},
		{"", "s_811c9dc5"},
		{"überblick", "s_berblick_560886fe"},
		{"a-very-long-anchor-name-that-word-would-truncate", "a_very_long_anchor_name_that_wo_7c070ec0"},
	} {
		got := bookmarkName(c.anchor)
		if got != c.want || len(got) > maxBookmark {
			t.Errorf("bookmarkName(%q) = %q, want %q", c.anchor, got, c.want)
		}
	}
}

// TestBookmarksUnique: anchors that map to one bookmark name still get
// bookmarks of their own, and links go to the right one.
func TestBookmarksUnique(t *testing.T) {
	d := &docmodel.Document{Body: []docmodel.Block{
		&docmodel.Section{Level: 1, Anchor: "a-b", Title: txt("One"), Blocks: []docmodel.Block{mpara(&docmodel.XRef{Anchor: "a_b", Content: txt("two")})}},
		&docmodel.Section{Level: 1, Anchor: "a_b", Title: txt("Two"), Blocks: []docmodel.Block{mpara(&docmodel.XRef{Anchor: "a-b", Content: txt("one")})}},
	}}
	doc, _, _ := renderDoc(t, d, render.Options{})
	o := doc.Outline()
	if o.Headings[0].Bookmarks[0] != "a_b" || o.Headings[1].Bookmarks[0] != "a_b_2" {
		t.Errorf("bookmarks %+v", o.Headings)
	}
	if o.Links[len(o.Links)-2].Anchor != "a_b_2" || o.Links[len(o.Links)-1].Anchor != "a_b" {
		t.Errorf("links %+v", o.Links)
	}
}

func TestColumnWidths(t *testing.T) {
	tbl := sampleDoc().Body[1].(*docmodel.Section).Blocks[0].(*docmodel.Table)
	for _, width := range []int{9638, 4000, 800} {
		ws, _ := columnWidths(tbl, width, tableTextSize)
		sum := 0
		for _, w := range ws {
			sum += w
			if w <= 0 {
				t.Errorf("width %d: a column of width %d", width, w)
			}
		}
		if sum > width || sum < width-len(ws) {
			t.Errorf("width %d: columns add up to %d", width, sum)
		}
		if width == 9638 && ws[2] < textWidth("2026-01-15", false)+cellPadding {
			t.Errorf("the date column is %d wide, too narrow for a date", ws[2])
		}
	}
}

// TestWarnings: what cannot be shown is reported with its source line,
// and the text stays.
func TestWarnings(t *testing.T) {
	d := &docmodel.Document{Body: []docmodel.Block{
		&docmodel.Paragraph{Node: docmodel.Node{Source: docmodel.Provenance{Line: 3}}, Content: []docmodel.Inline{
			&docmodel.XRef{Anchor: "nowhere", Content: txt("broken")},
			&docmodel.Link{URL: "javascript:alert(1)", Content: txt("script")},
			&docmodel.FootnoteRef{Index: 4},
		}},
		&docmodel.Figure{Node: docmodel.Node{Source: docmodel.Provenance{Line: 5}}, Src: "missing.png", Alt: "Missing", Description: "What it shows."},
		&docmodel.Figure{Node: docmodel.Node{Source: docmodel.Provenance{Line: 6}}, Src: "d.svg", Alt: "Diagram"},
		&docmodel.HTMLBlock{Node: docmodel.Node{Source: docmodel.Provenance{Line: 7}}, Text: "<div>x</div>"},
	}}
	opts := render.Options{Assets: map[string]render.Asset{"d.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}}}
	doc, warns, _ := renderDoc(t, d, opts)
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		"line 3: link to #nowhere: the document has no such section; the link text is shown without a link",
		`line 3: link to "javascript:alert(1)": only http, https, mailto, ftp and relative links are kept; the link text is shown without a link`,
		"line 3: footnote reference 4 has no footnote; it is left out",
		`line 5: image "missing.png" is not available; its description is shown instead`,
		`line 6: image "d.svg" is SVG only and Word needs a PNG or JPEG copy of it; its description is shown instead`,
		"line 7: raw HTML is left out of Word documents",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var texts []string
	for _, p := range doc.Outline().Paragraphs {
		texts = append(texts, p.Text)
	}
	if joined := strings.Join(texts, "|"); joined != "brokenscript|[Image not available: Missing]|What it shows.|[Image not available: Diagram]" {
		t.Errorf("paragraphs %q", joined)
	}
}

// TestEmpty: a document with nothing in it is still a valid package.
func TestEmpty(t *testing.T) {
	renderDoc(t, &docmodel.Document{}, render.Options{})
	renderDoc(t, &docmodel.Document{}, render.Options{TitlePage: true, PageSize: "Letter"})
}

// TestOutlineMatchesModel renders the Markdown sample and compares the
// headings and tables Word sees with the model.
func TestOutlineMatchesModel(t *testing.T) {
	d := readSample(t)
	doc, _, _ := renderDoc(t, d, render.Options{})
	o := doc.Outline()
	var want []docxcheck.Heading
	for _, s := range docmodel.Sections(d) {
		want = append(want, docxcheck.Heading{Level: s.Level - 1, Text: docmodel.PlainText(s.Title)})
	}
	if len(o.Headings) != len(want) {
		t.Fatalf("%d headings, want %d", len(o.Headings), len(want))
	}
	for i, h := range o.Headings {
		if h.Level != want[i].Level || h.Text != want[i].Text {
			t.Errorf("heading %d: %d %q, want %d %q", i, h.Level, h.Text, want[i].Level, want[i].Text)
		}
	}
}

// TestWideTable: a table whose words do not fit the page at the table
// text size is set smaller instead of breaking its words, and the
// paragraph that introduces it stays on its page.
func TestWideTable(t *testing.T) {
	tbl := &docmodel.Table{}
	var row []string
	for i := range 12 {
		tbl.Columns = append(tbl.Columns, docmodel.Column{Header: txt(fmt.Sprintf("Column%d", i))})
		row = append(row, "workstation")
	}
	tbl.Rows = []*docmodel.Row{cells(row...)}
	narrow := &docmodel.Table{Columns: []docmodel.Column{{Header: txt("A")}}, Rows: []*docmodel.Row{cells("b")}}
	d := &docmodel.Document{Body: []docmodel.Block{mpara(&docmodel.Text{Text: "The matrix:"}), tbl, mpara(&docmodel.Text{Text: "Then:"}), narrow}}
	doc, _, _ := renderDoc(t, d, render.Options{})
	x := string(doc.Parts["word/document.xml"])
	wide, rest, _ := strings.Cut(x, "Then:")
	if strings.Count(wide, `<w:sz w:val="16"/>`) != 24 {
		t.Error("the wide table is not set smaller")
	}
	if strings.Contains(rest, `<w:sz w:val="16"/>`) {
		t.Error("the narrow table is set smaller")
	}
	if strings.Count(x, "<w:keepNext/></w:pPr><w:r><w:t>") != 2 {
		t.Error("the lead-ins do not keep with their tables")
	}
}

// TestFragment: the IfU section built as a chapter of a larger IfU has no
// title, document control, table of contents or title page, and keeps its
// heading levels; a draft notice stays.
func TestFragment(t *testing.T) {
	d := sampleDoc()
	d.Meta.Fragment, d.Meta.Draft, d.Meta.DraftNotice = true, true, "Not for release."
	doc, _, _ := renderDoc(t, d, sampleOptions(t))
	o := doc.Outline()
	if o.Title != "" || o.TOC != "" || len(o.Tables) != 1 || o.Headings[0].Level != 2 || o.Headings[2].Level != 3 {
		t.Errorf("title %q, TOC %q, %d tables, headings %+v", o.Title, o.TOC, len(o.Tables), o.Headings)
	}
	if o.Paragraphs[0].Text != "Not for release." || strings.Contains(string(doc.Parts["word/document.xml"]), "titlePg") || doc.Parts["word/header2.xml"] != nil {
		t.Errorf("draft notice or title page: %+v", o.Paragraphs[0])
	}
}

// TestLandscape: a section with a table too wide for a portrait page even
// in small type is set on landscape pages, with a header of their width;
// the sections around it stay portrait, and only the first section has
// the title page.
func TestLandscape(t *testing.T) {
	wide := &docmodel.Table{}
	var row []string
	for i := range 16 {
		wide.Columns = append(wide.Columns, docmodel.Column{Header: txt(fmt.Sprintf("Column%d", i))})
		row = append(row, "workstation")
	}
	wide.Rows = []*docmodel.Row{cells(row...)}
	sec := func(anchor string, blocks ...docmodel.Block) *docmodel.Section {
		return &docmodel.Section{Level: 2, Anchor: anchor, Title: txt(anchor), Blocks: blocks}
	}
	d := &docmodel.Document{Meta: docmodel.Meta{Title: "T"}, Body: []docmodel.Block{
		sec("intro", mpara(&docmodel.Text{Text: "Portrait."})),
		sec("matrix", mpara(&docmodel.Text{Text: "The matrix:"}), wide,
			sec("more", mpara(&docmodel.Text{Text: "Portrait: no wide table of its own."}))),
		sec("after", mpara(&docmodel.Text{Text: "Portrait again."})),
	}}
	doc, _, _ := renderDoc(t, d, render.Options{TitlePage: true})
	x := string(doc.Parts["word/document.xml"])
	if n := strings.Count(x, "<w:sectPr>"); n != 3 {
		t.Errorf("%d sections, want 3: portrait up to intro, landscape for matrix, portrait from more", n)
	}
	if n := strings.Count(x, `w:orient="landscape"`); n != 1 {
		t.Errorf("%d landscape sections, want 1", n)
	}
	if strings.Count(x, "<w:titlePg/>") != 1 || !strings.HasSuffix(strings.TrimSuffix(x, "</w:body></w:document>"), `w:gutter="0"/></w:sectPr>`) {
		t.Error("the title page is not in the first section only")
	}
	if !strings.Contains(string(doc.Parts["word/header3.xml"]), `<w:tab w:val="clear" w:pos="9638"/><w:tab w:val="right" w:pos="14570"/>`) {
		t.Error("no landscape header")
	}
	if !strings.Contains(x, `<w:tblW w:w="14570" w:type="dxa"/>`) {
		t.Error("the wide table does not use the landscape width")
	}
}
