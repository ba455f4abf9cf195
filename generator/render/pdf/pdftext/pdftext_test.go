package pdftext

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdfwriter"
)

// testPDF writes a two-page document with the backend docgen uses.
func testPDF(t *testing.T) []byte {
	t.Helper()
	a4 := &layout.Template{Width: 595.28, Height: 841.89}
	bold := fonts.Bold
	d := &layout.Document{
		Info: layout.Info{Title: "Tëst – title", Author: "A", Keywords: "k1, k2", Lang: "de",
			Created: time.Unix(0, 0), Modified: time.Unix(0, 0)},
		Attachments: []layout.Attachment{{Name: "sbom.json", Description: "SBOM", Data: []byte("{}\n")}},
		Pages: []*layout.Page{
			{Template: a4, Ops: []layout.Op{
				layout.Mark{Title: "One", Level: 0, Y: 40},
				layout.Anchor{Name: "one", Y: 40},
				layout.Text{X: 50, Y: 60, Face: fonts.Regular, Size: 10, S: "Hello "},
				layout.Text{X: 50 + fonts.Regular.Width("Hello ", 10), Y: 60, Face: bold, Size: 10, S: "world"},
				layout.Text{X: 50 + fonts.Regular.Width("Hello ", 10) + bold.Width("world", 10), Y: 57, Face: fonts.Regular, Size: 7, S: "1"},
				layout.Text{X: 300, Y: 60, Face: fonts.Mono, Size: 10, S: "cell ÄΩ"},
				layout.Text{X: 50, Y: 80, Face: fonts.Regular, Size: 10, S: "next line"},
				layout.Link{X: 50, Y: 50, W: 40, H: 12, URL: "https://example.com/a"},
				layout.Link{X: 300, Y: 50, W: 40, H: 12, File: "other.pdf", Dest: "sec"},
				layout.Link{X: 50, Y: 70, W: 40, H: 12, Page: 2, DestY: 100},
			}},
			{Template: &layout.Template{Width: 841.89, Height: 595.28}, Ops: []layout.Op{
				layout.Mark{Title: "Two", Level: 1, Y: 40},
				layout.Text{X: 50, Y: 60, Face: fonts.Regular, Size: 10, S: "landscape"},
			}},
		},
	}
	var buf bytes.Buffer
	if err := (pdfwriter.Backend{}).Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	d, err := Read(testPDF(t))
	if err != nil {
		t.Fatal(err)
	}
	want := `info Author: A
info CreationDate: D:19700101000000+00'00'
info Keywords: k1, k2
info ModDate: D:19700101000000+00'00'
info Title: Tëst – title
lang: de
pages: 2
outline One -> page 1
outline   Two -> page 2
attachment sbom.json (SBOM, 3 bytes)
destination one -> page 1

page 1 (595 x 842)
  Hello world1  cell ÄΩ
  next line
  link "Hello" -> https://example.com/a
  link "cell ÄΩ" -> other.pdf#sec
  link "next line" -> page 2

page 2 (842 x 595)
  landscape
`
	if got := d.Dump(); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
	x := 50 + fonts.Regular.Width("Hello ", 10)
	if r := d.Pages[0].Runs[1]; r.Text != "world" || !strings.Contains(strings.ToLower(r.Font), "bold") || r.Size != 10 ||
		abs(r.X-x) > 0.01 || abs(r.Y-60) > 0.01 || abs(r.W-fonts.Bold.Width("world", 10)) > 0.01 {
		t.Errorf("run %+v", r)
	}
}

// TestContent reads content that docgen does not write but PDF allows:
// literal strings with escapes, TJ arrays with kerning, text matrices and
// a transformation, a simple font.
func TestContent(t *testing.T) {
	simple := &font{name: "Simple", widths: map[int]float64{'a': 500, 'b': 500, '(': 300, ')': 300}}
	two := &font{name: "Two", twoByte: true, widths: map[int]float64{}, dw: 600}
	content := []byte(`% a comment
q 1 0 0 1 10 20 cm
BT /F1 10 Tf 100 700 Td (a\(b\)\101) Tj ET
BT /F2 12 Tf 1 0 0 1 50 600 Tm [<00480069> -500 (\000!)] TJ ET
Q
BT /F1 10 Tf 12 TL 0 500 Td (x) Tj T* (y) ' ET
BI /W 1 /H 1 ID xx EI
<< /Dict (x) >> BDC EMC
`)
	runs := textRuns(content, map[string]*font{"F1": simple, "F2": two}, 800)
	want := []Run{
		{X: 110, Y: 80, W: 10 * (0.5 + 0.3 + 0.5 + 0.3), Size: 10, Font: "Simple", Text: "a(b)A"}, // no width for A
		{X: 60, Y: 180, W: 12 * 1.2, Size: 12, Font: "Two", Text: "Hi"},
		{X: 60 + 12*1.2 + 6, Y: 180, W: 12 * 0.6, Size: 12, Font: "Two", Text: "!"},
		{X: 0, Y: 300, W: 0, Size: 10, Font: "Simple", Text: "x"},
		{X: 0, Y: 324, W: 0, Size: 10, Font: "Simple", Text: "y"}, // T* and ' each start a line
	}
	if len(runs) != len(want) {
		t.Fatalf("runs %+v", runs)
	}
	for i := range want {
		g, w := runs[i], want[i]
		if g.Text != w.Text || g.Font != w.Font || abs(g.X-w.X) > 0.01 || abs(g.Y-w.Y) > 0.01 || abs(g.W-w.W) > 0.01 || g.Size != w.Size {
			t.Errorf("run %d = %+v, want %+v", i, g, w)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestLines checks how runs become lines: a raised run joins its line,
// runs that touch are joined, others separated.
func TestLines(t *testing.T) {
	p := Page{Runs: []Run{
		{X: 10, Y: 100, W: 20, Size: 10, Text: "ab"},
		{X: 30, Y: 100, W: 20, Size: 10, Text: "cd"},
		{X: 50.1, Y: 96.5, W: 5, Size: 7, Text: "1"},
		{X: 200, Y: 100, W: 20, Size: 10, Text: "cell"},
		{X: 10, Y: 90, W: 20, Size: 10, Text: "above"},
		{X: 10, Y: 112, W: 20, Size: 10, Text: "below "},
	}}
	if got := strings.Join(p.Lines(), "|"); got != "above|abcd1  cell|below" {
		t.Errorf("Lines = %q", got)
	}
}
