package layout

import "strings"

// Align is the horizontal alignment of lines in their box.
type Align uint8

// The alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Offset returns the distance from the left of a box width wide at which
// content w wide starts when aligned by a.
func (a Align) Offset(width, w float64) float64 {
	switch a {
	case AlignCenter:
		return (width - w) / 2
	case AlignRight:
		return width - w
	}
	return 0
}

// Ops returns the operations that draw ln with its line box's top left
// corner at x, top, aligned by a in a box width wide: backgrounds first,
// then text, decorations and links. Spaces are written as space
// characters: a piece of text that is only spaces (between a bold and an
// italic word) is appended to the text before it, and the space at a line
// break to the line's last text (see [Line].Space), so that extracted text
// keeps its words apart.
func (ln *Line) Ops(x, top, width float64, a Align) []Op {
	x += a.Offset(width, ln.Width)
	base := top + ln.Baseline
	ops := make([]Op, 0, len(ln.Frags)+2)
	for _, f := range ln.Frags {
		if f.St.Back != None && f.W > 0 {
			asc, desc := f.St.Face.Ascent(), f.St.Face.Descent()
			ops = append(ops, Rect{X: x + f.X - 1, Y: base - f.St.Rise - f.St.Size*asc + 0.5*f.St.Size*0.1,
				W: f.W + 2, H: f.St.Size * (asc + desc - 0.1), Fill: f.St.Back, Stroke: None})
		}
	}
	lastText := -1
	for _, f := range ln.Frags {
		st := f.St
		y := base - st.Rise
		switch {
		case f.S != "" && trimmedNonEmpty(f.S):
			lastText = len(ops)
			ops = append(ops, Text{X: x + f.X, Y: y, Face: st.Face, Size: st.Size, Color: st.Color, S: f.S, Tag: st.Tag})
		case f.S != "" && lastText >= 0:
			t := ops[lastText].(Text)
			t.S += f.S
			ops[lastText] = t
		}
		lw := st.Size * 0.06
		if st.Underline {
			ly := y + st.Size*0.12
			ops = append(ops, Path{Points: []Point{{x + f.X, ly}, {x + f.X + f.W, ly}}, Stroke: st.Color, Fill: None, LineWidth: lw})
		}
		if st.Strike {
			ly := y - st.Size*0.3
			ops = append(ops, Path{Points: []Point{{x + f.X, ly}, {x + f.X + f.W, ly}}, Stroke: st.Color, Fill: None, LineWidth: lw})
		}
		if st.Anchor != "" {
			ops = append(ops, Anchor{Name: st.Anchor, Y: top})
		}
		if (st.URL != "" || st.Dest != "" || st.File != "") && f.W > 0 {
			ops = append(ops, Link{X: x + f.X, Y: top, W: f.W, H: ln.Height, URL: st.URL, Dest: st.Dest, File: st.File, Tag: st.Tag})
		}
	}
	if ln.Space && lastText >= 0 {
		t := ops[lastText].(Text)
		if !strings.HasSuffix(t.S, " ") {
			t.S += " "
			ops[lastText] = t
		}
	}
	return ops
}

// trimmedNonEmpty reports whether s has a character other than a space.
func trimmedNonEmpty(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return true
		}
	}
	return false
}

// Item returns ln as a flow item whose box starts at x in the content box
// and is width wide.
func (ln *Line) Item(x, width float64, a Align) *Item {
	return &Item{H: ln.Height, Ops: ln.Ops(x, 0, width, a), Baseline: ln.Baseline}
}
