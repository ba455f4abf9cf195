package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// filler returns n paragraphs of prose.
func filler(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Paragraph %d. The administrator checks the configuration, the certificates and the audit trail "+
			"before the device goes live, and repeats the check after every update of the software.\n\n", i)
	}
	return b.String()
}

// linkTargets returns, for every link annotation of the PDF, its page and
// the page it leads to (0 for a web link) or its URI.
func linkTargets(t *testing.T, ctx *model.Context) (internal map[int][]int, uris []string) {
	t.Helper()
	internal = map[int][]int{}
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, err := ctx.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		arr, err := ctx.DereferenceArray(d["Annots"])
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range arr {
			a, err := ctx.DereferenceDict(o)
			if err != nil {
				t.Fatal(err)
			}
			if dest, ok := a.Find("Dest"); ok {
				n, err := pdfcpu.PageNrFromDestination(ctx, dest)
				if err != nil {
					t.Fatal(err)
				}
				internal[p] = append(internal[p], n)
				continue
			}
			if act := a.DictEntry("A"); act != nil {
				if s, err := types.StringOrHexLiteral(act["URI"]); err == nil && s != nil {
					uris = append(uris, *s)
				}
			}
		}
	}
	return internal, uris
}

// TestLinks checks internal links (to headings, with anchors of both
// kinds, to inline anchors and footnotes), the table of contents, web
// links and a link to an unknown anchor.
func TestLinks(t *testing.T) {
	md := "# Doc\n\nSee [far](#far-away), [attr](#attr-id), [inline](#spot), [nowhere](#missing)[^1], <https://example.com/a> and [ä](<https://example.com/ä b>).\n\n" +
		"## Near\n\n" + filler(30) + "## Far away <a id=\"far-away\"></a>\n\nText.\n\n## Other {#attr-id}\n\n" + filler(10) +
		"Here is <a id=\"spot\"></a> a spot.\n\n[^1]: The note.\n"
	for _, attach := range []bool{false, true} {
		opts := render.Options{TitlePage: true}
		if attach {
			opts.Attachments = []render.Attachment{{Name: "a.txt", Data: []byte("a")}, {Name: "b.txt", Data: []byte("b")}}
		}
		data, warns := renderMD(t, md, opts)
		if len(warns) != 1 || !strings.Contains(warns[0].Message, "#missing") || warns[0].Line != 3 {
			t.Errorf("warnings %v", warns)
		}
		ctx := readPDF(t, data)
		text := pageTexts(t, data)
		pageOf := func(s string) int { // in the body, after the contents
			for i := 2; i < len(text); i++ {
				if strings.Contains(text[i], s) {
					return i + 1
				}
			}
			return -1
		}
		links, uris := linkTargets(t, ctx)
		want := []int{pageOf("Far away"), pageOf("Other"), pageOf("Here is"), pageOf("The note.")}
		first := pageOf("See ")
		if fmt.Sprint(links[first]) != fmt.Sprint(want) {
			t.Errorf("attachments %v: links on page %d lead to %v, want %v", attach, first, links[first], want)
		}
		if toc := links[2]; len(toc) != 3 || toc[0] != pageOf("Near\n") {
			t.Errorf("contents links %v", toc)
		}
		if len(uris) != 2 || uris[0] != "https://example.com/a" || uris[1] != "https://example.com/%C3%A4%20b" {
			t.Errorf("URIs %q", uris)
		}
	}
}

// TestKeepWithNext checks that no heading ends a page: whatever comes
// before it, the heading's page also shows the text after it.
func TestKeepWithNext(t *testing.T) {
	for n := 0; n < 40; n++ {
		md := filler(1) + strings.Repeat("Short line.\n\n", n) + "## Heading A\n\n" + filler(3) + "### Heading B\n\n- item\n- item\n\n" +
			"## Heading C\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n" + filler(20)
		doc, _ := layoutMD(t, md, render.Options{})
		for pi, p := range doc.Pages {
			var headingY float64 = -1
			for _, op := range p.Ops {
				if a, ok := op.(layout.Anchor); ok && strings.HasPrefix(a.Name, "heading-") {
					headingY = a.Y
				}
			}
			if headingY < 0 {
				continue
			}
			after := false
			for _, op := range p.Ops {
				if tx, ok := op.(layout.Text); ok && tx.Y > headingY+20 && tx.Y < p.Template.Height-p.Template.Bottom {
					after = true
				}
			}
			if !after {
				t.Errorf("n=%d: a heading is alone at the bottom of page %d", n, pi+1)
			}
		}
	}
}

// TestTables checks that a very wide table fits the page, shrinks its
// text, and repeats its header on every page.
func TestTables(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Tables\n\n| Component | Version | Supplier | Licence | Package URL | Hash | Notes | A | B | C |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for i := 0; i < 120; i++ {
		fmt.Fprintf(&b, "| component-%d | 1.%d | Supplier GmbH | Apache-2.0 | pkg:maven/org.example/component-%d@1.%d?type=jar&classifier=sources | sha256:%064x | a note | x | y | z |\n", i, i, i, i, i)
	}
	d := readMD(t, b.String())
	doc, warns := layoutOf(t, d, render.Options{})
	if len(warns) > 0 {
		t.Errorf("warnings %v", warns)
	}
	if len(doc.Pages) < 3 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	for pi, p := range doc.Pages {
		header := false
		for _, op := range p.Ops {
			tx, ok := op.(layout.Text)
			if !ok {
				continue
			}
			if right := tx.X + tx.Face.Width(tx.S, tx.Size); tx.X < p.Template.Left-0.01 || right > p.Template.Width-p.Template.Right+0.01 {
				t.Errorf("page %d: %q runs from %.1f to %.1f, off the text column", pi+1, tx.S, tx.X, right)
			}
			if tx.S == "Package URL" {
				header = true
			}
			if strings.HasPrefix(tx.S, "sha256") && tx.Size < 5.99 {
				t.Errorf("table text at %.2f pt", tx.Size)
			}
		}
		if !header {
			t.Errorf("page %d has no table header", pi+1)
		}
	}
	data, _ := renderDoc(t, d, render.Options{})
	text := allText(t, data)
	if w := missingWords(modelText(d), text); w != "" {
		t.Errorf("%q missing", w)
	}
}

// TestTallRow checks that a table row taller than a page is split.
func TestTallRow(t *testing.T) {
	md := "| a | b |\n| - | - |\n| " + strings.Repeat("word ", 3000) + " | x |\n"
	data, _ := renderMD(t, md, render.Options{})
	ctx := readPDF(t, data)
	if ctx.PageCount < 2 {
		t.Errorf("%d pages", ctx.PageCount)
	}
	if n := strings.Count(strings.Join(pageTexts(t, data), " "), "word"); n != 3000 {
		t.Errorf("%d words", n)
	}
}

func testPNG(t testing.TB, w, h int, deep bool) []byte {
	t.Helper()
	var img image.Image
	if deep {
		m := image.NewNRGBA64(image.Rect(0, 0, w, h))
		for x := 0; x < w; x++ {
			m.Set(x, x%h, color.NRGBA64{R: 0xffff, A: 0x8000})
		}
		img = m
	} else {
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		for x := 0; x < w; x++ {
			m.Set(x, x%h, color.RGBA{B: 255, A: 255})
		}
		img = m
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestImages embeds PNG (8 and 16 bit, with alpha) and JPEG images, and
// reports missing and broken ones.
func TestImages(t *testing.T) {
	var jp bytes.Buffer
	if err := jpeg.Encode(&jp, image.NewGray(image.Rect(0, 0, 40, 30)), nil); err != nil {
		t.Fatal(err)
	}
	md := "![a](a.png)\n\n![deep](deep.png \"Deep image\")\n\nText ![b](b.jpg) inline.\n\n![gone](gone.png)\n\n![bad](bad.png)\n\n![huge](huge.png)\n"
	opts := render.Options{Assets: map[string]render.Asset{
		"a.png":    {Data: testPNG(t, 2000, 300, false)},
		"deep.png": {Data: testPNG(t, 50, 40, true)},
		"b.jpg":    {Data: jp.Bytes()},
		"bad.png":  {Data: []byte("\x89PNG\r\n\x1a\nnot really")},
		"huge.png": {Data: testPNG(t, 20, 3000, false)},
	}}
	data, warns := renderMD(t, md, opts)
	if len(warns) != 2 || warns[0].Line != 7 || warns[1].Line != 9 {
		t.Errorf("warnings %v", warns)
	}
	readPDF(t, data)
	// Images with an alpha channel come with a soft mask, an image too.
	imgs := bytes.Count(data, []byte("/Subtype /Image")) - bytes.Count(data, []byte("/SMask "))
	if imgs != 4 {
		t.Errorf("%d images embedded", imgs)
	}
	text := allText(t, data)
	for _, s := range []string{"Deep image", "gone", "bad"} {
		if !strings.Contains(text, s) {
			t.Errorf("%q not shown", s)
		}
	}
	doc, _ := layoutMD(t, md, opts)
	for _, p := range doc.Pages {
		for _, op := range p.Ops {
			if im, ok := op.(layout.Image); ok && (im.W > p.Template.ContentWidth()+0.01 || im.H > p.Template.ContentHeight()+0.01) {
				t.Errorf("image %s is %.0f x %.0f, larger than the page's text area", im.Key, im.W, im.H)
			}
		}
	}
}

// smallDiagram is a diagram small enough to stand in the text column.
func smallDiagram() *diagram.Diagram {
	return &diagram.Diagram{Width: 300, Height: 120, Title: "Small",
		Zones: []diagram.ZoneBox{{ID: "z", Label: "Zone", X: 10, Y: 10, W: 280, H: 100,
			Text: []diagram.TextLine{{X: 20, Y: 26, Text: "Zone 区", Size: 12, Bold: true}}}},
		Nodes: []diagram.NodeBox{{ID: "n", Kind: "device", X: 30, Y: 40, W: 100, H: 50,
			Text: []diagram.TextLine{{X: 80, Y: 60, Text: "Device", Size: 10, Anchor: diagram.AnchorMiddle}}}},
		Edges: []diagram.Edge{{ID: "e", Points: []diagram.Point{{X: 130, Y: 65}, {X: 250, Y: 65}}, ArrowAtEnd: true, Unencrypted: true, Color: "#1f4e79",
			Text: []diagram.TextLine{{X: 240, Y: 60, Text: "tcp/443", Size: 10, Anchor: diagram.AnchorEnd}}}},
	}
}

// TestDiagrams draws a small diagram in the text and the examples' large
// ones on A4 pages of their own, portrait or landscape (never a larger
// paper size), with labels of at least minLabelPage.
func TestDiagrams(t *testing.T) {
	md := "# D\n\nBefore.\n\n![Network diagram](net.svg)\n\nAfter.\n"
	doc, warns := layoutMD(t, md, render.Options{Assets: map[string]render.Asset{"net.svg": {Diagram: smallDiagram()}}})
	if len(doc.Pages) != 1 {
		t.Errorf("small diagram: %d pages", len(doc.Pages))
	}
	if len(warns) != 1 || warns[0].Line != 5 || !strings.Contains(warns[0].Message, "U+533A") {
		t.Errorf("warnings %v", warns)
	}
	for _, ex := range []string{"imaging-workstation", "home-monitor", "lab-analyzer", "bedside-ventilator", "pathology-system"} {
		d := exampleDiagram(t, ex)
		opts := render.Options{Assets: map[string]render.Asset{"net.svg": {Diagram: d}}}
		doc, warns := layoutMD(t, md, opts)
		if len(warns) > 0 {
			t.Errorf("%s: %v", ex, warns)
		}
		if len(doc.Pages) != 2 {
			t.Errorf("%s: %d pages, want the text, then the diagram on a page of its own", ex, len(doc.Pages))
			continue
		}
		if w, h := doc.Pages[1].Template.Width, doc.Pages[1].Template.Height; !(w == sizeA4[0] && h == sizeA4[1]) && !(w == sizeA4[1] && h == sizeA4[0]) {
			t.Errorf("%s: the diagram page is %.0f x %.0f, not A4", ex, w, h)
		}
		p := doc.Pages[1]
		labels := 0
		for _, op := range p.Ops {
			if tx, ok := op.(layout.Text); ok && tx.Y < p.Template.Height-p.Template.Bottom && tx.Y > p.Template.Top {
				labels++
				if tx.Size < minLabelPage-0.01 {
					t.Errorf("%s: label %q at %.1f pt", ex, tx.S, tx.Size)
				}
			}
		}
		if labels < 20 {
			t.Errorf("%s: %d labels", ex, labels)
		}
		data, _ := renderMD(t, md, opts)
		readPDF(t, data)
	}
}

// TestDiagramTooLarge checks that a diagram whose labels cannot reach
// minLabelPage even on a landscape page is still drawn there, and
// reported.
func TestDiagramTooLarge(t *testing.T) {
	d := smallDiagram()
	d.Width, d.Height = 6000, 4000
	d.Zones[0].Text[0].Text = "Zone"
	doc, warns := layoutMD(t, "![x](net.svg)\n", render.Options{Assets: map[string]render.Asset{"net.svg": {Diagram: d}}})
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "smaller than 4.5 pt") {
		t.Errorf("warnings %v", warns)
	}
	if len(doc.Pages) != 1 || doc.Pages[0].Template.Width != sizeA4[1] || doc.Pages[0].Template.Height != sizeA4[0] {
		t.Errorf("%d pages, the first %v wide", len(doc.Pages), doc.Pages[0].Template.Width)
	}
}
