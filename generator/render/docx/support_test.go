package docx

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/docx/docxcheck"
)

// testPNG is a small PNG image, 120 by 60 pixels.
func testPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for x := range 120 {
		img.Set(x, 30, color.RGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func txt(s string) []docmodel.Inline { return docmodel.Plain(s) }

func mpara(in ...docmodel.Inline) *docmodel.Paragraph { return &docmodel.Paragraph{Content: in} }

func cells(ss ...string) *docmodel.Row {
	r := &docmodel.Row{}
	for _, s := range ss {
		r.Cells = append(r.Cells, &docmodel.Cell{Content: txt(s)})
	}
	return r
}

// sampleDoc is a small document with every kind of block: typed table
// columns, a figure, an admonition, nested lists, code, a definition list,
// footnotes and cross-references within and across documents.
func sampleDoc() *docmodel.Document {
	return &docmodel.Document{
		Meta: docmodel.Meta{
			Name: "admin-guide", Title: `Meridian <Test> & "Co" – Administrator guide`, Subject: "Cybersecurity documentation",
			Author: "ACME Medical GmbH", Keywords: []string{"cybersecurity", "MDCG 2019-16"},
			ID: "DOC-7", Revision: "C", Date: time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC), Language: "sv-SE",
			Audience: "administrator",
			Control:  []docmodel.Field{{Name: "Device", Value: "Meridian"}, {Name: "Revision", Value: "C"}},
		},
		Body: []docmodel.Block{
			&docmodel.Section{Level: 2, Anchor: "adm-intro", Title: txt("Introduction"), Blocks: []docmodel.Block{
				mpara(&docmodel.Text{Text: "Read "}, &docmodel.Strong{Content: txt("this")}, &docmodel.Text{Text: " and "},
					&docmodel.Code{Text: "docgen check"}, &docmodel.Text{Text: "; see "},
					&docmodel.XRef{Anchor: "adm-ports", Content: txt("the ports")}, &docmodel.Text{Text: ", "},
					&docmodel.XRef{Document: "ifu-security", Anchor: "ifu-updates", Content: txt("the IfU")},
					&docmodel.Text{Text: " and "}, &docmodel.Link{URL: "https://example.com/a?b=1&c=2", Content: txt("the site")},
					&docmodel.FootnoteRef{Index: 1}, &docmodel.Text{Text: "."}),
				&docmodel.Admonition{Kind: docmodel.Warning, Blocks: []docmodel.Block{
					mpara(&docmodel.Text{Text: "Do not connect the device to the internet."}),
					&docmodel.List{Items: []*docmodel.ListItem{{Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "unless told so"})}}}},
				}},
			}},
			&docmodel.Section{Level: 2, Anchor: "adm-ports", Title: txt("Ports"), Blocks: []docmodel.Block{
				&docmodel.Table{ID: "firewall-rules", Columns: []docmodel.Column{
					{Header: txt("Port"), Kind: docmodel.PortColumn},
					{Header: txt("Purpose")},
					{Header: txt("Since"), Kind: docmodel.DateColumn},
					{Header: txt("Component"), Kind: docmodel.CodeColumn},
					{Header: txt("Streams"), Kind: docmodel.NumberColumn},
				}, Rows: []*docmodel.Row{
					cells("443/tcp", "Updates from the manufacturer's server", "2026-01-15", "pkg:nuget/Newtonsoft.Json@13.0.3", "2"),
					cells("104/tcp", "DICOM from legacy modalities", "2025-03-14", "", "11"),
				}},
				&docmodel.Section{Level: 3, Anchor: "adm-ports-diagram", Title: txt("Diagram"), Blocks: []docmodel.Block{
					&docmodel.Figure{Src: "diagram.png", Alt: "Network diagram", Caption: txt("The network"), Description: "Three zones."},
					&docmodel.CodeBlock{Language: "yaml", Text: "ports:\n  - 443\n"},
					&docmodel.List{Ordered: true, Start: 3, Items: []*docmodel.ListItem{
						{Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "third"}), &docmodel.List{Items: []*docmodel.ListItem{
							{Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "inner"})}},
						}}}},
						{Task: docmodel.TaskDone, Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "fourth"})}},
					}},
					&docmodel.DefinitionList{Items: []*docmodel.Definition{{Term: txt("SBOM"),
						Descriptions: [][]docmodel.Block{{mpara(&docmodel.Text{Text: "Software bill of materials."})}}}}},
				}},
			}},
		},
		Footnotes: []*docmodel.Footnote{{Blocks: []docmodel.Block{mpara(&docmodel.Text{Text: "See "}, &docmodel.Link{URL: "https://example.net", Content: txt("the notes")}, &docmodel.Text{Text: "."})}}},
	}
}

// sampleOptions are the options the sample is rendered with.
func sampleOptions(t testing.TB) render.Options {
	return render.Options{Assets: map[string]render.Asset{"diagram.png": {Data: testPNG(t)}}, TitlePage: true, Generator: "docgen test"}
}

// renderDoc renders d and opens the result, failing the test on errors
// and on any inconsistency of the package.
func renderDoc(t testing.TB, d *docmodel.Document, opts render.Options) (*docxcheck.Doc, []render.Warning, []byte) {
	t.Helper()
	var b bytes.Buffer
	warns, err := renderer{}.Render(&b, d, opts)
	if err != nil {
		t.Fatal(err)
	}
	return openChecked(t, b.Bytes()), warns, b.Bytes()
}

// openChecked opens a document and fails the test on any inconsistency
// of the package.
func openChecked(t testing.TB, data []byte) *docxcheck.Doc {
	t.Helper()
	doc, err := docxcheck.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Problems() {
		t.Error(p)
	}
	return doc
}

// pretty indents XML, one element per line, keeping namespace prefixes as
// written, so that golden files are readable and diffs show single
// changes. An element holding only text stays on one line.
func pretty(data []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	name := func(n xml.Name) string {
		if n.Space == "" {
			return n.Local
		}
		return n.Space + ":" + n.Local
	}
	// open holds, for each open element, whether its content started on
	// a new line.
	var open []bool
	var pending *xml.StartElement // the last start tag, not yet written
	flush := func(selfClose bool) {
		b.WriteString(strings.Repeat("  ", len(open)-1) + "<" + name(pending.Name))
		for _, a := range pending.Attr {
			b.WriteString(" " + name(a.Name) + `="`)
			_ = xml.EscapeText(&b, []byte(a.Value))
			b.WriteString(`"`)
		}
		if selfClose {
			b.WriteString("/>\n")
		} else {
			b.WriteString(">")
		}
		pending = nil
	}
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "invalid XML: " + err.Error()
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if pending != nil {
				flush(false)
			}
			if n := len(open); n > 0 && !open[n-1] {
				b.WriteString("\n")
				open[n-1] = true
			}
			e := tk.Copy()
			pending = &e
			open = append(open, false)
		case xml.EndElement:
			broken := open[len(open)-1]
			if pending != nil {
				flush(true)
			} else if broken {
				b.WriteString(strings.Repeat("  ", len(open)-1) + "</" + name(tk.Name) + ">\n")
			} else {
				b.WriteString("</" + name(tk.Name) + ">\n")
			}
			open = open[:len(open)-1]
		case xml.CharData:
			if pending == nil && strings.TrimSpace(string(tk)) == "" {
				continue
			}
			if pending != nil {
				flush(false)
			}
			_ = xml.EscapeText(&b, tk)
		}
	}
	return b.String()
}
