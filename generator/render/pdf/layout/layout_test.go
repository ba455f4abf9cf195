package layout

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
)

var (
	body = &Style{Face: fonts.Regular, Size: 10, Back: None}
	bold = &Style{Face: fonts.Bold, Size: 10, Back: None}
	code = &Style{Face: fonts.Mono, Size: 9, Back: None}
)

func text(lines []Line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, f := range l.Frags {
			b.WriteString(f.S)
		}
		out = append(out, b.String())
	}
	return out
}

func TestLinesWrap(t *testing.T) {
	var in Inline
	in.Add("The quick brown fox jumps over the lazy dog ", body)
	in.Add("and runs away", bold)
	lines := in.Lines(100, 1.4, body)
	if len(lines) < 3 {
		t.Fatalf("lines %q", text(lines))
	}
	for _, l := range lines {
		if l.Width > 100 {
			t.Errorf("line %q is %.1f wide", text([]Line{l}), l.Width)
		}
		if strings.HasPrefix(text([]Line{l})[0], " ") || strings.HasSuffix(text([]Line{l})[0], " ") {
			t.Errorf("line %q has edge spaces", text([]Line{l}))
		}
		if l.Height != 14 {
			t.Errorf("height %v", l.Height)
		}
	}
	if got := strings.Join(text(lines), " "); got != "The quick brown fox jumps over the lazy dog and runs away" {
		t.Errorf("text %q", got)
	}
}

func TestLinesLongToken(t *testing.T) {
	var in Inline
	purl := "pkg:maven/org.example.group/artifact-name@1.2.3?type=jar&classifier=sources"
	in.Add("see "+purl, body)
	lines := in.Lines(120, 1.3, body)
	joined := strings.Join(text(lines), "")
	if strings.ReplaceAll(joined, " ", "") != "see"+purl {
		t.Errorf("text %q", joined)
	}
	for _, l := range lines {
		if l.Width > 120.01 {
			t.Errorf("line %q is %.1f wide", text([]Line{l}), l.Width)
		}
	}
	// Breaks prefer the places after punctuation.
	for _, s := range text(lines)[1 : len(lines)-1] {
		if last := s[len(s)-1]; !strings.ContainsRune(breakAfter, rune(last)) {
			t.Errorf("line %q does not end after punctuation", s)
		}
	}
	// A width too small for one character still makes progress.
	if n := len(in.Lines(0.5, 1.3, body)); n < len("seepkg") {
		t.Errorf("%d lines at width 0.5", n)
	}
}

func TestLinesPre(t *testing.T) {
	var in Inline
	in.AddPre("    indented  code", code)
	lines := in.Lines(1000, 1.3, code)
	if got := text(lines); len(got) != 1 || got[0] != "    indented  code" {
		t.Errorf("pre %q", got)
	}
}

func TestLinesBreaks(t *testing.T) {
	var in Inline
	in.Add("a", body)
	in.Break()
	in.Break()
	in.Add("b", body)
	if got := text(in.Lines(100, 1.5, body)); strings.Join(got, "|") != "a||b" {
		t.Errorf("lines %q", got)
	}
}

func TestWidths(t *testing.T) {
	var in Inline
	in.Add("short words and averyveryverylongtokenthatgoesonandon", body)
	long := body.Face.Width("averyveryverylongtokenthatgoesonandon", 10)
	if got := in.MinWidth(1000); got != long {
		t.Errorf("MinWidth = %v, want %v", got, long)
	}
	if got := in.MinWidth(50); got != 50 {
		t.Errorf("capped MinWidth = %v", got)
	}
	if got, want := in.MaxWidth(), body.Face.Width("short words and averyveryverylongtokenthatgoesonandon", 10); got-want > 0.01 || want-got > 0.01 {
		t.Errorf("MaxWidth = %v, want %v", got, want)
	}
}

func cell(s string, st *Style) Cell {
	in := &Inline{}
	in.Add(s, st)
	return Cell{Content: in}
}

func TestTableWidths(t *testing.T) {
	tb := &Table{
		Header: []Cell{cell("Name", bold), cell("Description", bold)},
		Rows:   [][]Cell{{cell("a", body), cell("a long description that needs more room than the name column ever does", body)}},
		Style:  TableStyle{Leading: 1.3, PadX: 4, PadY: 3, Border: Black, BorderWidth: 0.5, HeaderFill: None, StripeFill: None, LongCap: 80, Scales: []float64{1, 0.8}, Base: body},
	}
	items, scale := tb.Items(0, 300)
	if scale != 1 || len(items) != 2 || !items[0].KeepWithNext || items[1].Header != items[0] {
		t.Fatalf("items %d, scale %v", len(items), scale)
	}
	for _, it := range items {
		for _, op := range it.Ops {
			if tx, ok := op.(Text); ok && tx.X+tx.Face.Width(tx.S, tx.Size) > 300 {
				t.Errorf("%q overflows", tx.S)
			}
		}
	}
	// Too wide: the font shrinks, then long words break.
	var row []Cell
	for i := 0; i < 12; i++ {
		row = append(row, cell("Authentication", body))
	}
	tb = &Table{Rows: [][]Cell{row}, Style: tb.Style}
	items, scale = tb.Items(0, 300)
	if scale != 0.8 {
		t.Errorf("scale %v", scale)
	}
	for _, op := range items[0].Ops {
		if tx, ok := op.(Text); ok && tx.Size != 8 {
			t.Errorf("size %v", tx.Size)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	for _, c := range []struct {
		lo, hi []float64
		keep   []bool
		width  float64
		want   []float64
		weight []float64 // default: hi
	}{
		{[]float64{10, 10}, []float64{20, 60}, nil, 160, []float64{40, 120}, nil},   // everything fits: widen in proportion
		{[]float64{10, 10}, []float64{20, 60}, nil, 50, []float64{12.5, 37.5}, nil}, // share by the text the columns hold
		// A short column gets what it needs, no more; one that would get
		// less than its widest word gets that; the rest goes by weight.
		{[]float64{10, 10, 10}, []float64{20, 200, 200}, nil, 200, []float64{20, 135, 45}, []float64{100, 150, 50}},
		{[]float64{30, 10, 10}, []float64{35, 200, 200}, nil, 200, []float64{30, 127.5, 42.5}, []float64{33, 150, 50}},
		{[]float64{10, 100}, []float64{10, 100}, nil, 60, []float64{10, 50}, nil}, // too narrow: cap the widest
		{[]float64{40, 40, 5}, []float64{40, 40, 5}, nil, 45, []float64{20, 20, 5}, nil},
		// A kept column keeps its width; the others give way.
		{[]float64{40, 40, 5}, []float64{40, 40, 5}, []bool{true, false, false}, 60, []float64{40, 15, 5}, nil},
		{[]float64{40, 40, 30}, []float64{40, 40, 30}, []bool{false, false, true}, 60, []float64{15, 15, 30}, nil},
		// Kept columns that do not fit on their own are capped like others.
		{[]float64{50, 50}, []float64{50, 50}, []bool{true, true}, 60, []float64{30, 30}, nil},
		{[]float64{80, 10}, []float64{80, 10}, []bool{true, false}, 60, []float64{50, 10}, nil},
	} {
		keep := make([]bool, len(c.lo))
		copy(keep, c.keep)
		weight := c.weight
		if weight == nil {
			weight = c.hi
		}
		got := columnWidths(measures{min: c.lo, max: c.hi, weight: weight}, keep, 1, 0, c.width)
		for i := range got {
			if d := got[i] - c.want[i]; d > 0.001 || d < -0.001 {
				t.Errorf("columnWidths(%v, %v, %v, %v) = %v, want %v", c.lo, c.hi, c.keep, c.width, got, c.want)
				break
			}
		}
	}
}

func lineItem(h float64, label string) *Item {
	return &Item{H: h, Ops: []Op{Text{S: label, Face: fonts.Regular, Size: 10}}}
}

func labels(p *Page) []string {
	var out []string
	for _, op := range p.Ops {
		if tx, ok := op.(Text); ok {
			out = append(out, tx.S)
		}
	}
	return out
}

var tpl = &Template{Width: 200, Height: 200, Top: 20, Bottom: 20, Left: 10, Right: 10}

func TestPaginateKeepWithNext(t *testing.T) {
	var f Flow
	for i := 0; i < 7; i++ {
		f.Add(lineItem(20, "p"))
	}
	h := lineItem(20, "heading")
	h.KeepWithNext = true
	f.Add(h, lineItem(20, "after"))
	pages := Paginate(&f, tpl)
	if len(pages) != 2 || labels(pages[1])[0] != "heading" {
		t.Errorf("pages %d, second starts with %v", len(pages), labels(pages[len(pages)-1]))
	}
}

func TestPaginateHeaderAndSplit(t *testing.T) {
	tb := &Table{Header: []Cell{cell("H", bold)}, Style: TableStyle{Leading: 1, PadX: 1, PadY: 1, Border: None, HeaderFill: None, StripeFill: None, LongCap: 50, Base: body}}
	for i := 0; i < 30; i++ {
		tb.Rows = append(tb.Rows, []Cell{cell("r", body)})
	}
	tb.Rows = append(tb.Rows, []Cell{cell(strings.Repeat("w ", 40), body)}) // taller than a page
	items, _ := tb.Items(0, 20)
	var f Flow
	f.Add(items...)
	pages := Paginate(&f, tpl)
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	words := 0
	for i, p := range pages {
		ls := labels(p)
		if ls[0] != "H" {
			t.Errorf("page %d starts with %q, not the header", i+1, ls[0])
		}
		for _, l := range ls {
			words += strings.Count(l, "w")
		}
		for _, op := range p.Ops {
			if tx, ok := op.(Text); ok && tx.Y > tpl.Height-tpl.Bottom+0.01 {
				t.Errorf("page %d: text below the margin at %v", i+1, tx.Y)
			}
		}
	}
	if words != 40 {
		t.Errorf("%d words of the tall row", words)
	}
}

func TestPaginateFrames(t *testing.T) {
	var f Flow
	fr := &Frame{X: 0, W: 100, Fill: RGB(1, 2, 3), Border: None, Bar: None, PadTop: 5, PadBottom: 5}
	f.Add(lineItem(20, "before"))
	f.Open(fr, 10)
	for i := 0; i < 12; i++ {
		f.Add(lineItem(20, "in"))
	}
	f.Close(fr)
	pages := Paginate(&f, tpl)
	if len(pages) != 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, p := range pages {
		r, ok := p.Ops[0].(Rect)
		if !ok || r.Fill != RGB(1, 2, 3) {
			t.Fatalf("page %d: frame not drawn first: %#v", i+1, p.Ops[0])
		}
		if r.Y < tpl.Top || r.Y+r.H > tpl.Height-tpl.Bottom+5.01 {
			t.Errorf("page %d: frame from %v to %v", i+1, r.Y, r.Y+r.H)
		}
	}
}

func TestPaginateOwnPage(t *testing.T) {
	big := &Template{Width: 400, Height: 300}
	var f Flow
	f.Add(lineItem(20, "a"), &Item{H: 100, Page: big, Ops: []Op{Text{S: "fig"}}}, lineItem(20, "b"))
	for i := 0; i < 10; i++ {
		f.Add(lineItem(20, "c"))
	}
	// The figure waits for the page it is called on to fill up.
	pages := Paginate(&f, tpl)
	if len(pages) != 3 || pages[1].Template != big || labels(pages[1])[0] != "fig" || labels(pages[0])[1] != "b" {
		t.Errorf("pages %d", len(pages))
	}
	// A figure at the start of a page goes there.
	f = Flow{}
	f.Add(&Item{H: 100, Page: big, Ops: []Op{Text{S: "fig"}}}, lineItem(20, "b"))
	if pages := Paginate(&f, tpl); len(pages) != 2 || pages[0].Template != big {
		t.Errorf("pages %d", len(pages))
	}
}

func TestResolveRefs(t *testing.T) {
	pages := []*Page{
		{Template: tpl, Ops: []Op{PageRef{Dest: "x", X: 100, Face: fonts.Regular, Size: 10}, Link{Dest: "x", W: 1, H: 1}, Link{Dest: "nowhere", W: 1, H: 1},
			Link{File: "other.pdf", Dest: "y", W: 1, H: 1}}},
		{Template: tpl, Ops: []Op{Anchor{Name: "x", Y: 42}}},
	}
	unknown := ResolveRefs(pages)
	if len(unknown) != 1 || unknown[0] != "nowhere" {
		t.Errorf("unknown %v", unknown)
	}
	if tx, ok := pages[0].Ops[0].(Text); !ok || tx.S != "2" || tx.X >= 100 {
		t.Errorf("page ref %#v", pages[0].Ops[0])
	}
	if l, ok := pages[0].Ops[1].(Link); !ok || l.Page != 2 || l.DestY != 42 {
		t.Errorf("link %#v", pages[0].Ops[1])
	}
	if len(pages[0].Ops) != 3 {
		t.Errorf("link to an unknown anchor kept, or link to another file dropped: %v", pages[0].Ops)
	}
	if l, ok := pages[0].Ops[2].(Link); !ok || l.File != "other.pdf" || l.Dest != "y" || l.Page != 0 {
		t.Errorf("link to another file %#v", pages[0].Ops[2])
	}
}

func TestHex(t *testing.T) {
	if Hex("#1f4e79", None) != RGB(0x1f, 0x4e, 0x79) || Hex("#abc", None) != RGB(0xaa, 0xbb, 0xcc) || Hex("red", Black) != Black {
		t.Error("Hex")
	}
}

// TestLinesExactWidth checks that a word exactly as wide as the line fits,
// however its width was summed: a table column is sized to its widest word
// plus padding at one scale, and the padding is taken off again.
func TestLinesExactWidth(t *testing.T) {
	for _, word := range []string{"2026-10-15", "tcp/11112", "DS-DICOM-STORE-SCP", "justification:"} {
		var in Inline
		in.Add(word, body)
		for _, scale := range []float64{1, 0.94, 0.88, 0.83, 0.78, 0.73} {
			pad := 2 * 4 * scale
			w := scale*in.MinWidth(1000) + pad - pad
			if lines := in.Scaled(scale).Lines(w, 1.2, body); len(lines) != 1 {
				t.Errorf("%q at %.2f: %d lines", word, scale, len(lines))
			}
		}
	}
}
