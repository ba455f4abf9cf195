package pdfcheck

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
	"github.com/docgen/docgen/generator/render/pdf/pdfwriter"
)

// sample returns a small tagged document: a heading, a paragraph with a
// link, a table, a figure, a footnote, an attachment, running headers.
// change may alter the structure before it is written.
func sample(change func(root *layout.Elem, p *layout.Page)) *layout.Document {
	a4 := &layout.Template{Width: 595.28, Height: 841.89}
	root := layout.NewElem("Document")
	h := root.Add("H1")
	p := root.Add("P")
	link := p.Add("Link")
	link.Contents = "Example"
	table := root.Add("Table")
	head := table.Add("TR")
	th := head.Add("TH")
	th.Scope = "Column"
	td := table.Add("TR").Add("TD")
	fig := root.Add("Figure")
	fig.Alt = "A square"
	note := root.Add("Note")
	note.ID = "fn:1"
	text := func(y float64, s string, tag *layout.Elem) layout.Text {
		return layout.Text{X: 50, Y: y, Face: fonts.Regular, Size: 10, S: s, Tag: tag}
	}
	page := &layout.Page{Template: a4, Ops: []layout.Op{
		text(30, "Title · Header", layout.Header),
		text(60, "Heading", h),
		text(80, "See ", p),
		text(80, "example", link),
		layout.Link{X: 70, Y: 70, W: 40, H: 12, URL: "https://example.com", Tag: link},
		layout.Rect{X: 40, Y: 100, W: 100, H: 20, Fill: layout.RGB(200, 200, 200), Stroke: layout.None},
		text(115, "Column", th),
		text(135, "Cell ÄΩ", td),
		layout.Rect{X: 50, Y: 150, W: 30, H: 30, Fill: layout.Black, Stroke: layout.None, Tag: fig},
		text(200, "1. A note.", note),
		text(820, "Page 1 of 1", layout.Footer),
		layout.Mark{Title: "Heading", Y: 50},
		layout.Anchor{Name: "top", Y: 50},
	}}
	if change != nil {
		change(root, page)
	}
	return &layout.Document{
		Pages: []*layout.Page{page},
		Info: layout.Info{Title: "Sample", Author: "ACME", Subject: "Test", Keywords: "a, b", Creator: "docgen test",
			Producer: "docgen", Lang: "en", Created: time.Unix(1700000000, 0), Modified: time.Unix(1700000000, 0)},
		Attachments: []layout.Attachment{{Name: "sbom.cdx.json", Description: "SBOM", MediaType: "application/json", Data: []byte("{}")}},
		Structure:   root,
	}
}

func write(t *testing.T, d *layout.Document, plain bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (pdfwriter.Backend{Plain: plain}).Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func check(t *testing.T, data []byte, opts Options) []Problem {
	t.Helper()
	ps, err := Check(data, opts)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestConforming checks that what docgen writes passes.
func TestConforming(t *testing.T) {
	for _, p := range check(t, write(t, sample(nil), false), Options{PDFA: true}) {
		t.Errorf("PDF/A: %s", p)
	}
	for _, p := range check(t, write(t, sample(nil), true), Options{}) {
		t.Errorf("plain: %s", p)
	}
}

// TestDefects checks that each kind of defect is found, with its clause:
// defects of the structure made through the layout, defects of the file
// made by changing its bytes (keeping their number).
func TestDefects(t *testing.T) {
	structural := []struct {
		name, clause string
		change       func(root *layout.Elem, p *layout.Page)
	}{
		{"figure without alt", "ISO 14289-1 7.3", func(root *layout.Elem, p *layout.Page) { root.Kids[3].Alt = "" }},
		{"skipped heading level", "ISO 14289-1 7.4.2", func(root *layout.Elem, p *layout.Page) { root.Kids[0].Type = "H2" }},
		{"note without id", "ISO 14289-1 7.9", func(root *layout.Elem, p *layout.Page) { root.Kids[4].ID = "" }},
		{"link outside the tree", "ISO 14289-1 7.18.1", func(root *layout.Elem, p *layout.Page) {
			p.Ops = append(p.Ops, layout.Link{X: 10, Y: 10, W: 10, H: 10, URL: "https://example.org"})
		}},
		{"link without description", "ISO 14289-1 7.18.1", func(root *layout.Elem, p *layout.Page) { root.Kids[1].Kids[0].Contents = "" }},
		{"cell outside a row", "ISO 14289-1 7.2", func(root *layout.Elem, p *layout.Page) { root.Kids[2].Kids[1].Type = "Div" }},
		{"irregular table", "ISO 14289-1 7.2", func(root *layout.Elem, p *layout.Page) { root.Kids[2].Kids[0].Add("TH").Scope = "Column" }},
		{"non-standard type", "ISO 14289-1 7.1", func(root *layout.Elem, p *layout.Page) { root.Kids[1].Type = "Para" }},
	}
	for _, tc := range structural {
		data := write(t, sample(tc.change), false)
		if !hasClause(check(t, data, Options{PDFA: true}), tc.clause) {
			t.Errorf("%s: no problem of %s found", tc.name, tc.clause)
		}
	}
	good := write(t, sample(nil), false)
	edits := []struct {
		name, from, to, clause string
	}{
		{"not marked", "/Marked true", "/Marked null", "ISO 14289-1 7.1"},
		{"no document title shown", "/DisplayDocTitle true", "/DisplayDocTitle null", "ISO 14289-1 7.1"},
		{"bad language", "/Lang (en)", "/Lang (e!)", "ISO 14289-1 7.2"},
		{"no tab order", "/Tabs /S", "/Tabs /R", "ISO 14289-1 7.18.3"},
		{"not PDF/UA", "<pdfuaid:part>1<", "<pdfuaid:part>2<", "ISO 14289-1 5"},
		{"not PDF/A-3", "<pdfaid:part>3<", "<pdfaid:part>2<", "ISO 19005-3 6.6.4"},
		{"titles differ", "<rdf:li xml:lang=\"x-default\">Sample<", "<rdf:li xml:lang=\"x-default\">Sampel<", "ISO 19005-1 6.7.3 (by analogy)"},
		{"no relationship", "/AFRelationship /Data", "/AFRelationshiX /Data", "ISO 19005-3 6.8"},
		{"no MIME type", "/Subtype /application#2Fjson", "/Subtypx /application#2Fjson", "ISO 19005-3 6.8"},
		{"no output intent", "/S /GTS_PDFA1", "/S /GTS_PDFX1", "ISO 19005-3 6.2.4.3"},
		{"hidden annotation", "/F 4 /A", "/F 6 /A", "ISO 19005-3 6.3.2"},
		{"not a subset name", "+DejaVuSans", "-DejaVuSans", "ISO 32000-1 9.6.4"},
		{"no binary comment", "%\xe2\xe3\xcf\xd3", "%abcd", "ISO 19005-3 6.1.2"},
	}
	for _, e := range edits {
		if !bytes.Contains(good, []byte(e.from)) {
			t.Fatalf("%s: %q not in the file", e.name, e.from)
		}
		data := bytes.Replace(good, []byte(e.from), []byte(e.to), -1)
		if !hasClause(check(t, data, Options{PDFA: true}), e.clause) {
			t.Errorf("%s: no problem of %s found", e.name, e.clause)
		}
	}
	// A plain file is no PDF/A file.
	if ps := check(t, write(t, sample(nil), true), Options{PDFA: true}); !hasClause(ps, "ISO 19005-3 6.6.4") || !hasClause(ps, "ISO 19005-3 6.2.4.3") {
		t.Errorf("a plain PDF passes as PDF/A: %v", ps)
	}
}

// TestContent checks the checks of content streams that docgen's writer
// cannot get wrong: untagged content, nesting, .notdef, CMYK.
func TestContent(t *testing.T) {
	for _, tc := range []struct {
		content, clause string
	}{
		{"0 0 1 1 re f", "ISO 14289-1 7.1"},
		{"/Artifact BMC /P <</MCID 0>> BDC 0 0 1 1 re f EMC EMC", "ISO 14289-1 7.1"},
		{"/P <</MCID 0>> BDC /Artifact BMC 0 0 1 1 re f EMC EMC", "ISO 14289-1 7.1"},
		{"/Artifact BMC 1 0 0 0 k EMC", "ISO 19005-3 6.2.4.3"},
		{"/Artifact BMC 1 0 0 frob EMC", "ISO 19005-3 6.2.2"},
		{"/Artifact BMC BT /F0 10 Tf <0000> Tj ET EMC", "ISO 14289-1 7.21.8"},
	} {
		c := &checker{opts: Options{PDFA: true}, seen: map[string]bool{}}
		f := &fontInfo{twoByte: true, told: map[int]bool{}, widths: map[int]float64{}}
		c.content([]byte(tc.content), map[string]*fontInfo{"F0": f}, &pageContent{}, "page 1")
		if !hasClause(c.problems, tc.clause) {
			t.Errorf("%q: no problem of %s found in %v", tc.content, tc.clause, c.problems)
		}
	}
}

// TestElements checks the rules for structure elements that docgen's
// writer cannot break: a header cell without scope, a caption in the
// middle of a list.
func TestElements(t *testing.T) {
	table := &selem{obj: 1, typ: "Table", dict: types.Dict{}}
	tr := &selem{obj: 2, typ: "TR", parent: table, dict: types.Dict{}}
	th := &selem{obj: 3, typ: "TH", parent: tr, dict: types.Dict{}}
	table.kids, tr.kids = []*selem{tr}, []*selem{th}
	list := &selem{obj: 4, typ: "L", dict: types.Dict{}}
	li := &selem{obj: 5, typ: "LI", parent: list, dict: types.Dict{}}
	caption := &selem{obj: 6, typ: "Caption", parent: list, dict: types.Dict{}}
	list.kids = []*selem{li, caption}
	ctx, err := pdftext.Validate(write(t, sample(nil), false), model.ValidationRelaxed)
	if err != nil {
		t.Fatal(err)
	}
	c := &checker{ctx: ctx, seen: map[string]bool{}}
	c.elements([]*selem{table, tr, th, list, li, caption})
	for _, clause := range []string{"ISO 14289-1 7.5", "ISO 14289-1 7.2"} {
		if !hasClause(c.problems, clause) {
			t.Errorf("no problem of %s found in %v", clause, c.problems)
		}
	}
}

func hasClause(ps []Problem, clause string) bool {
	for _, p := range ps {
		if p.Clause == clause {
			return true
		}
	}
	return false
}

// TestICC checks the header checks of the output profile.
func TestICC(t *testing.T) {
	good := pdfwriter.SRGBProfile()
	if msg := checkICC(good); msg != "" {
		t.Fatalf("docgen's profile %s", msg)
	}
	bad := append([]byte(nil), good...)
	copy(bad[16:], "CMYK")
	if msg := checkICC(bad); !strings.Contains(msg, "RGB") {
		t.Errorf("a CMYK profile passes: %q", msg)
	}
}
