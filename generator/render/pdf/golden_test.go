package pdf

import (
	"os"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// TestGolden compares the layout of a fixture that uses every feature with
// a text description of it (page count, and per page the text, images,
// links and outline entries with rounded positions): byte-identical PDFs
// would make a brittle golden file, this one changes only when the layout
// does. Run with -update to accept a change.
func TestGolden(t *testing.T) {
	d := readMD(t, readFixture(t, "golden.md"), func(m *docmodel.Meta) {
		m.Subject, m.Author, m.ID, m.Revision = "Golden fixture", "Example Manufacturer GmbH", "GOLD-1", "A"
		m.Date = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		m.Control = []docmodel.Field{{Name: "Document", Value: "GOLD-1"}, {Name: "Revision", Value: "A"}}
	})
	opts := render.Options{TitlePage: true, Assets: map[string]render.Asset{"net.svg": {Diagram: smallDiagram()}}}
	checkGolden(t, "testdata/golden.txt", d, opts)
}

// TestGoldenModel does the same for a document built as package docs
// builds them: a draft, with typed table columns, every kind of
// admonition, cross-references to this and another document, a figure with
// its own diagram and no source lines.
func TestGoldenModel(t *testing.T) {
	checkGolden(t, "testdata/golden-model.txt", modelFixture(), render.Options{})
}

// checkGolden compares the layout of d with the golden file at path.
func checkGolden(t *testing.T, path string, d *docmodel.Document, opts render.Options) {
	t.Helper()
	doc, warns := layoutOf(t, d, opts)
	got := layout.Dump(doc.Pages)
	for _, w := range warns {
		got += "warning: " + w.String() + "\n"
	}
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the layout changed; if that is intended, run go test -run TestGolden -update and review the diff of %s\n%s", path, firstDiff(string(want), got))
	}
	// The PDF of the fixture is valid, too.
	data, _ := renderDoc(t, d, opts)
	readPDF(t, data)
}

// modelFixture is the document of TestGoldenModel.
func modelFixture() *docmodel.Document {
	text := docmodel.Plain
	para := func(in ...docmodel.Inline) *docmodel.Paragraph { return &docmodel.Paragraph{Content: in} }
	cell := func(in ...docmodel.Inline) *docmodel.Cell { return &docmodel.Cell{Content: in} }
	row := func(cells ...*docmodel.Cell) *docmodel.Row { return &docmodel.Row{Cells: cells} }
	code := func(s string) *docmodel.Cell { return cell(&docmodel.Code{Text: s}) }
	plain := func(s string) *docmodel.Cell { return cell(text(s)...) }
	var admonitions []docmodel.Block
	for _, k := range docmodel.AdmonitionKinds {
		admonitions = append(admonitions, &docmodel.Admonition{Kind: k, Blocks: []docmodel.Block{para(text("A " + string(k) + " for the reader.")...)}})
	}
	admonitions = append(admonitions, &docmodel.Admonition{Kind: docmodel.Warning, Title: text("Risk of data loss"),
		Blocks: []docmodel.Block{para(text("Back the data up before the update.")...)}})
	return &docmodel.Document{
		Meta: docmodel.Meta{
			Name: "ifu-security", Title: "Model fixture – Instructions for use – cybersecurity", Subject: "Golden model fixture",
			Author: "Example Manufacturer GmbH", Keywords: []string{"cybersecurity"}, ID: "GOLD-2", Revision: "B",
			Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Language: "sv", Audience: "user",
			Control: []docmodel.Field{{Name: "Document", Value: "GOLD-2"}},
			Draft:   true, DraftNotice: "DRAFT – the spec has 2 errors; not for release",
		},
		Body: []docmodel.Block{
			&docmodel.Section{Level: 2, Anchor: "ifu-safety", Title: text("Safety notices"), Blocks: admonitions},
			&docmodel.Section{Level: 2, Anchor: "ifu-network", Title: text("Network"), Blocks: []docmodel.Block{
				para(&docmodel.Text{Text: "The ports are listed below; administrators find the rules in the "},
					&docmodel.XRef{Document: "network-admin-guide", Anchor: "net-firewall", Content: text("network administrator guide")},
					&docmodel.Text{Text: ", the whole "},
					&docmodel.XRef{Document: "admin-guide", Content: text("administrator guide")},
					&docmodel.Text{Text: " and "},
					&docmodel.XRef{Anchor: "ifu-safety", Content: text("the safety notices")},
					&docmodel.Text{Text: " apply"},
					&docmodel.FootnoteRef{Index: 1},
					&docmodel.Text{Text: "."}),
				&docmodel.Table{ID: "data-streams", Columns: []docmodel.Column{
					{Header: text("Stream"), Kind: docmodel.TextColumn},
					{Header: text("Port"), Kind: docmodel.PortColumn},
					{Header: text("Identifier"), Kind: docmodel.CodeColumn},
					{Header: text("Since"), Kind: docmodel.DateColumn},
					{Header: text("Devices"), Kind: docmodel.NumberColumn},
				}, Rows: []*docmodel.Row{
					row(plain("Image transfer from the modalities to the workstation and on to the archive, encrypted with TLS 1.3 and mutually authenticated"),
						plain("tcp/2762"), code("DS-DICOM-STORE"), plain("2026-01-15"), plain("12")),
					row(plain("Time synchronisation"), plain("udp/123"), code("DS-NTP"), cell(), plain("1")),
				}},
				&docmodel.Figure{Src: "network-diagram.svg", Alt: "Network diagram", Caption: text("Zones and data streams"),
					Description: "The device in its zone, talking to the archive.", Diagram: smallDiagram()},
			}},
		},
		Footnotes: []*docmodel.Footnote{{Label: "1", Blocks: []docmodel.Block{para(text("As agreed with the operator.")...)}}},
	}
}

// firstDiff returns the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := splitLines(a), splitLines(b)
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}
