package pdfwriter

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

func init() { api.DisableConfigDir() }

var a4 = &layout.Template{Width: 595.28, Height: 841.89}

// testDoc has three pages, the second larger, with outline entries, links
// between the pages and a web link.
func testDoc(attachments int) *layout.Document {
	big := &layout.Template{Width: 1190.55, Height: 841.89}
	d := &layout.Document{
		Info: layout.Info{Title: "Tëst 😀", Author: "A", Lang: "en) /Bad", Created: time.Unix(0, 0), Modified: time.Unix(0, 0)},
		Pages: []*layout.Page{
			{Template: a4, Ops: []layout.Op{
				layout.Text{X: 50, Y: 50, Face: fonts.Regular, Size: 10, S: "page one"},
				layout.Mark{Title: "One", Level: 0, Y: 40},
				layout.Link{X: 50, Y: 40, W: 50, H: 12, Page: 3, DestY: 100},
				layout.Link{X: 50, Y: 60, W: 50, H: 12, URL: "https://example.com/(x)"},
				layout.Anchor{Name: "top (1)", Y: 30},
			}},
			{Template: big, Ops: []layout.Op{
				layout.Mark{Title: "Two", Level: 1, Y: 40},
				layout.Rect{X: 10, Y: 10, W: 100, H: 50, Fill: layout.RGB(200, 0, 0), Stroke: layout.Black, LineWidth: 1, Radius: 4, Dash: []float64{2, 2}},
				layout.Path{Points: []layout.Point{{X: 10, Y: 10}, {X: 50, Y: 50}, {X: 90, Y: 10}}, Closed: true, Fill: layout.Black, Stroke: layout.None},
				layout.Link{X: 50, Y: 40, W: 50, H: 12, File: "other.pdf", Dest: "sec-2"},
				layout.Link{X: 50, Y: 60, W: 50, H: 12, File: "ötherß.pdf", Dest: "doc:start"},
				layout.Link{X: 50, Y: 80, W: 50, H: 12, File: "none.pdf"}, // no destination: left out
				layout.Anchor{Name: "big", Y: 300},
			}},
			{Template: a4, Ops: []layout.Op{
				layout.Mark{Title: "Three", Level: 2, Y: 90},
				layout.Mark{Title: "Four", Level: 0, Y: 200},
				layout.Text{X: 50, Y: 100, Face: fonts.Mono, Size: 9, S: "page three"},
				layout.Link{X: 50, Y: 40, W: 50, H: 12, Page: 1, DestY: 0},
				layout.Anchor{Name: "big", Y: 20}, // a second anchor of the name: the first counts
				layout.Anchor{Name: "a-three", Y: 100},
			}},
		},
	}
	for i := 0; i < attachments; i++ {
		d.Attachments = append(d.Attachments, layout.Attachment{Name: "file" + strings.Repeat("x", i) + ".json", Description: "Ä file", Data: []byte("{}")})
	}
	return d
}

func write(t *testing.T, d *layout.Document) (*model.Context, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := (Backend{}).Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := pdftext.Validate(buf.Bytes(), conf.ValidationMode)
	if err != nil {
		t.Fatalf("strict validation: %v", err)
	}
	return ctx, buf.Bytes()
}

// TestWrite checks that destinations lead to the right pages whatever the
// number of attachments, the outline, and that the file is valid in strict
// mode.
func TestWrite(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		ctx, data := write(t, testDoc(n))
		bms, err := pdfcpu.Bookmarks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(bms) != 2 || bms[0].Title != "One" || bms[0].PageFrom != 1 || len(bms[0].Kids) != 1 ||
			bms[0].Kids[0].PageFrom != 2 || bms[0].Kids[0].Kids[0].PageFrom != 3 || bms[1].PageFrom != 3 {
			t.Errorf("%d attachments: bookmarks %+v", n, bms)
		}
		atts, err := ctx.ListAttachments()
		if err != nil || len(atts) != n {
			t.Errorf("attachments %v, %v", atts, err)
		}
		for p, want := range map[int]int{1: 3, 3: 1} {
			d, _, _, err := ctx.PageDict(p, false)
			if err != nil {
				t.Fatal(err)
			}
			arr, _ := ctx.DereferenceArray(d["Annots"])
			a, _ := ctx.DereferenceDict(arr[0])
			dest, _ := a.Find("Dest")
			if got, err := pdfcpu.PageNrFromDestination(ctx, dest); err != nil || got != want {
				t.Errorf("%d attachments: link on page %d leads to %d (%v), want %d", n, p, got, err, want)
			}
		}
		if !bytes.HasPrefix(data, []byte("%PDF-1.7\n")) || bytes.Contains(data, []byte("/Bad")) {
			t.Errorf("header or language tag not as written")
		}
	}
}

// TestNamedDestinations checks that anchors are published as named
// destinations on their pages and that links to other files are remote
// go-to actions to a named destination (or the first page).
func TestNamedDestinations(t *testing.T) {
	for _, n := range []int{0, 2} {
		ctx, _ := write(t, testDoc(n))
		names, err := ctx.DereferenceDict(ctx.RootDict["Names"])
		if err != nil {
			t.Fatal(err)
		}
		tree, err := ctx.DereferenceDict(names["Dests"])
		if err != nil || tree == nil {
			t.Fatalf("%d attachments: no /Dests name tree: %v", n, err)
		}
		arr, err := ctx.DereferenceArray(tree["Names"])
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			name string
			page int
		}{{"a-three", 3}, {"big", 2}, {"top (1)", 1}}
		if len(arr) != 2*len(want) {
			t.Fatalf("%d attachments: name tree %v", n, arr)
		}
		for i, w := range want {
			key, err := types.StringOrHexLiteral(arr[2*i])
			if err != nil || key == nil || *key != w.name {
				t.Errorf("%d attachments: key %d is %v, want %q", n, i, arr[2*i], w.name)
			}
			if page, err := pdfcpu.PageNrFromDestination(ctx, arr[2*i+1]); err != nil || page != w.page {
				t.Errorf("%d attachments: %q leads to page %d (%v), want %d", n, w.name, page, err, w.page)
			}
		}
		d, _, _, err := ctx.PageDict(2, false)
		if err != nil {
			t.Fatal(err)
		}
		annots, _ := ctx.DereferenceArray(d["Annots"])
		if len(annots) != 2 {
			t.Fatalf("%d annotations on page 2", len(annots))
		}
		for i, want := range []struct{ file, dest string }{{"other.pdf", "sec-2"}, {"ötherß.pdf", "doc:start"}} {
			a, _ := ctx.DereferenceDict(annots[i])
			act := a.DictEntry("A")
			if act == nil || act.NameEntry("S") == nil || *act.NameEntry("S") != "GoToR" {
				t.Errorf("link %d: action %v", i, act)
				continue
			}
			fs := act.DictEntry("F")
			uf, _ := types.StringOrHexLiteral(fs["UF"])
			if uf == nil || *uf != want.file {
				t.Errorf("link %d: file %v, want %q", i, fs, want.file)
			}
			if d, err := types.StringOrHexLiteral(act["D"]); err != nil || d == nil || *d != want.dest {
				t.Errorf("link %d: destination %v, want %q", i, act["D"], want.dest)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	_, a := write(t, testDoc(1))
	_, b := write(t, testDoc(1))
	if !bytes.Equal(a, b) {
		t.Error("output differs between runs")
	}
}

// pristine are the digests of the font files before any test wrote a
// document.
var pristine = func() map[fonts.Face][32]byte {
	sums := map[fonts.Face][32]byte{}
	for _, f := range fonts.Faces {
		sums[f] = sha256.Sum256(f.TTF())
	}
	return sums
}()

// TestFontsUnchanged checks that writing leaves the embedded font files as
// they were, so that the output does not depend on what was written
// before.
func TestFontsUnchanged(t *testing.T) {
	d := testDoc(0)
	var ops []layout.Op
	for _, f := range fonts.Faces {
		ops = append(ops, layout.Text{X: 10, Y: 10, Face: f, Size: 10, S: "Öffnen ÿ ǅ ﬁ ŀ ő ✓ ☐ → Ω Ж"})
	}
	d.Pages[0].Ops = append(d.Pages[0].Ops, ops...)
	_, first := write(t, d)
	_, second := write(t, d)
	for _, f := range fonts.Faces {
		if sha256.Sum256(f.TTF()) != pristine[f] {
			t.Errorf("%v changed", f)
		}
	}
	if !bytes.Equal(first, second) {
		t.Error("the second document differs from the first")
	}
}

func TestStrings(t *testing.T) {
	if got := cleanText("a\x00b😀\xff"); got != "a b😀\uFFFD" {
		t.Errorf("cleanText = %q", got)
	}
	if got := textString("a(b)"); got != `(a\(b\))` {
		t.Errorf("textString = %s", got)
	}
	if got := textString("é"); got != "<feff00e9>" {
		t.Errorf("textString = %s", got)
	}
	if got := name("application/json #1"); got != "/application#2Fjson#20#231" {
		t.Errorf("name = %s", got)
	}
	for x, want := range map[float64]string{0: "0", -0.001: "0", 1.5: "1.5", 2: "2", 1e12: "10000000", 0.125: "0.13"} {
		if got := num(x); got != want {
			t.Errorf("num(%v) = %s, want %s", x, got, want)
		}
	}
	if langTag("de-AT") != "de-AT" || langTag("en) /X") != "" {
		t.Error("langTag")
	}
	if got := uri("https://example.com/ä b"); got != "https://example.com/%C3%A4%20b" {
		t.Errorf("uri = %q", got)
	}
}

// TestPlainAttachments checks that a plain PDF with attachments has no
// associated-file keys, which PDF/A-3 needs and plain PDF 1.7 does not
// know, so that pdfcpu's own validation accepts it as it is.
func TestPlainAttachments(t *testing.T) {
	var buf bytes.Buffer
	if err := (Backend{Plain: true}).Write(&buf, testDoc(2)); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"/AF ", "/AFRelationship", "/Version", "pdfaid", "GTS_PDFA1"} {
		if bytes.Contains(buf.Bytes(), []byte(key)) {
			t.Errorf("the plain file has %s", key)
		}
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := api.ReadContext(bytes.NewReader(buf.Bytes()), conf)
	if err == nil {
		err = api.ValidateContext(ctx)
	}
	if err != nil {
		t.Errorf("pdfcpu refuses the plain file: %v", err)
	}
}
