package layout

import "sort"

// Cell is one table cell: inline content and its alignment.
type Cell struct {
	Content *Inline
	Align   Align
}

// TableStyle is the look of a table.
type TableStyle struct {
	// Leading is the line height as a multiple of the font size.
	Leading float64
	// PadX and PadY are the cell paddings.
	PadX, PadY float64
	// Border is the colour of the rules, BorderWidth their width.
	Border      Color
	BorderWidth float64
	// HeaderFill is the background of the header row, StripeFill that of
	// every second body row; either may be None.
	HeaderFill, StripeFill Color
	// LongCap is the widest a long token (see [LongToken]) makes its column
	// before the table has to shrink, at the base size.
	LongCap float64
	// Scales are the font scales tried, largest first, until the columns'
	// minimum widths fit; the last one is used if none does.
	Scales []float64
	// Base is the style of an empty cell line.
	Base *Style
}

// Table is a table to lay out: an optional header row and body rows.
// Rows may have fewer cells than columns.
type Table struct {
	Header []Cell
	Rows   [][]Cell
	// Keep marks the columns whose words are never broken, such as dates,
	// ports and identifiers: when the words of all columns do not fit the
	// width, the other columns give way. Long tokens (see [LongToken]) are
	// capped as in any column. Keep may be shorter than the rows.
	Keep  []bool
	Style TableStyle
}

// Items lays t out width points wide and returns its rows as flow items.
// Column widths follow the content: each column gets at least its widest
// word (long tokens capped, see [TableStyle.LongCap]) and the rest is
// shared in proportion to how much wider the column's longest line is. If
// the minimum widths do not fit, the font is made smaller (see
// [TableStyle.Scales]); if they still do not fit, words are broken
// anywhere, in the columns that [Table.Keep] does not mark first. The
// header row is kept with the first body row and repeated at the top of
// every page the table continues on, and at least two body rows stand on
// either side of a page break (see [Keep]). The scale used is also
// returned.
func (t *Table) Items(x, width float64) ([]*Item, float64) {
	st := &t.Style
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return nil, 1
	}
	minC := make([]float64, ncol) // content widths at scale 1
	maxC := make([]float64, ncol)
	measure := func(r []Cell) {
		for i, c := range r {
			if c.Content == nil {
				continue
			}
			minC[i] = max(minC[i], c.Content.MinWidth(st.LongCap))
			maxC[i] = max(maxC[i], c.Content.MaxWidth())
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	scales := st.Scales
	if len(scales) == 0 {
		scales = []float64{1}
	}
	scale := scales[len(scales)-1]
	for _, s := range scales {
		sum := 0.0
		for i := range minC {
			sum += s * (minC[i] + 2*st.PadX)
		}
		if sum <= width {
			scale = s
			break
		}
	}
	keep := make([]bool, ncol)
	copy(keep, t.Keep)
	widths := columnWidths(minC, maxC, keep, scale, 2*st.PadX*scale, width)

	var header *Item
	var items []*Item
	if t.Header != nil {
		header = t.row(t.Header, widths, scale, x, st.HeaderFill, true).item()
		header.KeepWithNext = len(t.Rows) > 0
		items = append(items, header)
	}
	for k, r := range t.Rows {
		fill := None
		if k%2 == 1 {
			fill = st.StripeFill
		}
		it := t.row(r, widths, scale, x, fill, k == 0 && header == nil).item()
		it.Header = header
		items = append(items, it)
	}
	Keep(items[len(items)-len(t.Rows):])
	return items, scale
}

// columnWidths shares width among the columns. Columns marked in keep
// keep their minimum width when the minimum widths do not fit, as long as
// they fit on their own.
func columnWidths(minC, maxC []float64, keep []bool, scale, pad, width float64) []float64 {
	n := len(minC)
	lo, hi := make([]float64, n), make([]float64, n)
	var sumLo, sumHi float64
	for i := range minC {
		lo[i] = scale*minC[i] + pad
		hi[i] = max(scale*maxC[i]+pad, lo[i])
		sumLo += lo[i]
		sumHi += hi[i]
	}
	w := make([]float64, n)
	switch {
	case sumHi <= width:
		// Everything fits on one line: widen every column in proportion.
		for i := range w {
			w[i] = hi[i] * width / sumHi
		}
	case sumLo <= width:
		f := (width - sumLo) / (sumHi - sumLo)
		for i := range w {
			w[i] = lo[i] + (hi[i]-lo[i])*f
		}
	default:
		// Even the widest words do not fit: cap the widest columns at the
		// width that makes the table fit, so that only their words are
		// broken and narrow columns (numbers, codes) stay whole. Kept
		// columns are left out of the capping if the others can take it.
		kept, free := 0.0, []float64(nil)
		for i := range lo {
			if keep[i] {
				kept += lo[i]
			} else {
				free = append(free, lo[i])
			}
		}
		if len(free) == 0 || kept >= width {
			kept, free = 0, lo
			keep = make([]bool, n)
		}
		limit := capLimit(free, width-kept)
		for i := range w {
			w[i] = lo[i]
			if !keep[i] {
				w[i] = min(lo[i], limit)
			}
		}
	}
	return w
}

// capLimit returns the width at which capping the widths lo makes them sum
// to width: min(lo[i], limit) summed over i is width.
func capLimit(lo []float64, width float64) float64 {
	n := len(lo)
	sorted := append([]float64(nil), lo...)
	sort.Float64s(sorted)
	limit, acc := width/float64(n), 0.0
	for k, v := range sorted {
		if acc+v*float64(n-k) >= width {
			return (width - acc) / float64(n-k)
		}
		acc += v
	}
	return limit
}

// tableRow is a laid-out row: the lines of each cell.
type tableRow struct {
	t      *Table
	x      float64
	widths []float64
	lines  [][]Line
	aligns []Align
	fill   Color
	top    bool // draw the rule above the row
	// padX and padY are the cell paddings, smaller in tables set smaller.
	padX, padY float64
}

func (t *Table) row(cells []Cell, widths []float64, scale, x float64, fill Color, top bool) *tableRow {
	st := &t.Style
	r := &tableRow{t: t, x: x, widths: widths, fill: fill, top: top, padX: st.PadX * scale, padY: st.PadY * max(scale, 0.85),
		lines: make([][]Line, len(widths)), aligns: make([]Align, len(widths))}
	for i := range widths {
		if i >= len(cells) || cells[i].Content == nil {
			continue
		}
		in := cells[i].Content
		if scale != 1 {
			in = in.Scaled(scale)
		}
		base := st.Base
		if base != nil && scale != 1 {
			b := *base
			b.Size *= scale
			base = &b
		}
		r.lines[i] = in.Lines(widths[i]-2*r.padX, st.Leading, base)
		r.aligns[i] = cells[i].Align
	}
	return r
}

func (r *tableRow) height() float64 {
	h := 0.0
	for _, ls := range r.lines {
		sum := 0.0
		for _, l := range ls {
			sum += l.Height
		}
		h = max(h, sum)
	}
	if h == 0 && r.t.Style.Base != nil {
		h = r.t.Style.Base.Size * r.t.Style.Leading
	}
	return h + 2*r.padY
}

func (r *tableRow) item() *Item {
	st := &r.t.Style
	h := r.height()
	total := 0.0
	for _, w := range r.widths {
		total += w
	}
	var ops []Op
	if r.fill != None {
		ops = append(ops, Rect{X: r.x, Y: 0, W: total, H: h, Fill: r.fill, Stroke: None})
	}
	cx := r.x
	for i, ls := range r.lines {
		y := r.padY
		for k := range ls {
			ops = append(ops, ls[k].Ops(cx+r.padX, y, r.widths[i]-2*r.padX, r.aligns[i])...)
			y += ls[k].Height
		}
		cx += r.widths[i]
	}
	if st.Border != None {
		rule := func(pts ...Point) {
			ops = append(ops, Path{Points: pts, Stroke: st.Border, Fill: None, LineWidth: st.BorderWidth})
		}
		if r.top {
			rule(Point{r.x, 0}, Point{r.x + total, 0})
		}
		rule(Point{r.x, h}, Point{r.x + total, h})
		cx = r.x
		rule(Point{cx, 0}, Point{cx, h})
		for _, w := range r.widths {
			cx += w
			rule(Point{cx, 0}, Point{cx, h})
		}
	}
	it := &Item{H: h, Ops: ops}
	it.Split = r.split
	return it
}

// split cuts the row so that the head is at most avail high: each cell
// keeps the lines that fit.
func (r *tableRow) split(avail float64) (*Item, *Item) {
	room := avail - 2*r.padY
	head := *r
	tail := *r
	head.lines = make([][]Line, len(r.lines))
	tail.lines = make([][]Line, len(r.lines))
	tail.top = true
	moved, rest := false, false
	for i, ls := range r.lines {
		y, k := 0.0, 0
		for k < len(ls) && y+ls[k].Height <= room {
			y += ls[k].Height
			k++
		}
		head.lines[i], tail.lines[i] = ls[:k], ls[k:]
		moved = moved || k > 0
		rest = rest || k < len(ls)
	}
	if !moved || !rest {
		return nil, nil
	}
	return head.item(), tail.item()
}
