package layout

import (
	"math"
	"sort"
)

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

	// measured caches the measures of the columns.
	measured *measures
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
	m := t.measure(ncol)
	scales := st.Scales
	if len(scales) == 0 {
		scales = []float64{1}
	}
	scale := scales[len(scales)-1]
	for _, s := range scales {
		if m.minWidth(s, 2*st.PadX*s) <= width {
			scale = s
			break
		}
	}
	keep := make([]bool, ncol)
	copy(keep, t.Keep)
	widths := columnWidths(m, keep, scale, 2*st.PadX*scale, width)

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

// measures are the content widths of a table's columns at scale 1.
type measures struct {
	// min is the widest word of each column (see [Inline.MinWidth]), max
	// its widest cell set on one line.
	min, max []float64
	// weight is the root mean square of the one-line widths of each
	// column's cells: how much text the column holds per row, the long
	// cells counting more.
	weight []float64
	// cells holds the one-line width of every cell, row by row, the header
	// first.
	cells [][]float64
}

// measure measures the columns of t, once.
func (t *Table) measure(ncol int) measures {
	if t.measured != nil && len(t.measured.min) == ncol {
		return *t.measured
	}
	m := measures{min: make([]float64, ncol), max: make([]float64, ncol), weight: make([]float64, ncol)}
	rows := 0
	add := func(r []Cell) {
		rows++
		row := make([]float64, ncol)
		for i, c := range r {
			if c.Content == nil {
				continue
			}
			w := c.Content.MaxWidth()
			m.min[i] = max(m.min[i], c.Content.MinWidth(t.Style.LongCap))
			m.max[i] = max(m.max[i], w)
			m.weight[i] += w * w
			row[i] = w
		}
		m.cells = append(m.cells, row)
	}
	if t.Header != nil {
		add(t.Header)
	}
	for _, r := range t.Rows {
		add(r)
	}
	for i := range m.weight {
		m.weight[i] = math.Sqrt(m.weight[i] / float64(max(rows, 1)))
	}
	t.measured = &m
	return m
}

// minWidth returns the width the columns need at scale s so that no word
// is broken (long tokens aside), pad being the cell padding at that scale.
func (m measures) minWidth(s, pad float64) float64 {
	sum := 0.0
	for _, v := range m.min {
		sum += s*v + pad
	}
	return sum
}

// MinWidth returns the narrowest t can be set at full size without
// breaking a word that is not a long token: the sum of the widest words of
// its columns and the cell paddings. A renderer whose column is narrower
// may set the table on a wider (landscape) page.
func (t *Table) MinWidth() float64 {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	return t.measure(ncol).minWidth(1, 2*t.Style.PadX)
}

// columnWidths shares width among the columns at the given scale:
//
//   - When every cell fits on one line, each column gets its widest cell
//     and the rest is shared in proportion.
//   - When the widest words fit, each column gets at least its widest word,
//     so that no word that fits on a line is broken, and at most its widest
//     cell. Between these bounds the width goes, step by step, to the
//     column where it saves the most lines over the whole table (see
//     distribute), so that short columns (codes, dates, names) are not
//     wider than they need and no row runs long while room is spent
//     elsewhere.
//   - Otherwise the widest columns are capped and their words broken;
//     columns marked in keep keep their minimum width, as long as they fit
//     on their own.
func columnWidths(m measures, keep []bool, scale, pad, width float64) []float64 {
	n := len(m.min)
	lo, hi := make([]float64, n), make([]float64, n)
	var sumLo, sumHi float64
	for i := range m.min {
		lo[i] = scale*m.min[i] + pad
		hi[i] = max(scale*m.max[i]+pad, lo[i])
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
		w = distribute(lo, hi, m, scale, pad, width)
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

// distributeRounds bounds the rounds of distribute.
const distributeRounds = 64

// distribute returns widths between lo and hi that sum to width (which lies
// between the sums of lo and hi). Starting from lo, it hands out the width
// beyond in rounds: in each, every column is offered a few amounts of
// width (the amount at which one of its cells first takes a line less, and
// halves of what is left), and the offer that saves the most lines of the
// table per point of width wins. The height of the table is estimated as
// the sum over the rows of the most lines a cell of the row takes: its
// one-line width over the column's width, less half the column's widest
// word for what wrapping loses at line ends, rounded up. When no offer
// saves a line, the rest is shared by weight (see shareByWeight).
func distribute(lo, hi []float64, m measures, scale, pad, width float64) []float64 {
	n := len(lo)
	w := append([]float64(nil), lo...)
	rest := width
	for _, v := range w {
		rest -= v
	}
	loss := func(i int) float64 { return scale * m.min[i] / 2 }
	lines := func(i int, cell, col float64) float64 {
		avail := col - pad
		if cell <= 0 || avail <= 0 || scale*cell <= avail+widthSlack {
			return 1
		}
		avail = math.Max(avail-loss(i), avail/2)
		return math.Ceil(scale*cell/avail - 1e-9)
	}
	// widthFor returns the column width at which cell takes at most k
	// lines: the inverse of lines.
	widthFor := func(i int, cell, k float64) float64 {
		if k <= 1 {
			return scale*cell + pad
		}
		eff := scale * cell / k
		avail := 2 * eff
		if eff >= loss(i) {
			avail = eff + loss(i)
		}
		return avail + pad + 1e-6
	}
	rows := len(m.cells)
	// For each row, the most lines of a cell and its column, and the most
	// lines of the other cells: what the row takes when one column
	// changes.
	top, topCol, second := make([]float64, rows), make([]int, rows), make([]float64, rows)
	others := func(r, i int) float64 {
		if topCol[r] == i {
			return second[r]
		}
		return top[r]
	}
	for range distributeRounds {
		if rest <= 1e-9 {
			break
		}
		base := 0.0
		for r, row := range m.cells {
			top[r], topCol[r], second[r] = 1, -1, 1
			for i, c := range row {
				l := lines(i, c, w[i])
				switch {
				case l > top[r]:
					second[r], top[r], topCol[r] = top[r], l, i
				case l > second[r]:
					second[r] = l
				}
			}
			base += top[r]
		}
		best, bestW, bestRate := -1, 0.0, 0.0
		for i := 0; i < n; i++ {
			room := math.Min(rest, hi[i]-w[i])
			if room <= 1e-9 {
				continue
			}
			next := math.Inf(1)
			for _, row := range m.cells {
				if l := lines(i, row[i], w[i]); l > 1 {
					if x := widthFor(i, row[i], l-1); x > w[i] {
						next = math.Min(next, x)
					}
				}
			}
			offers := []float64{next - w[i]}
			for d := room; d > room/64; d /= 2 {
				offers = append(offers, d)
			}
			for _, d := range offers {
				if d <= 1e-9 || d > room+1e-9 {
					continue
				}
				h := 0.0
				for r, row := range m.cells {
					h += math.Max(others(r, i), lines(i, row[i], w[i]+d))
				}
				if rate := (base - h) / d; rate > bestRate+1e-12 {
					best, bestW, bestRate = i, w[i]+d, rate
				}
			}
		}
		if best < 0 {
			break
		}
		rest -= bestW - w[best]
		w[best] = bestW
	}
	if rest > 1e-9 {
		return shareByWeight(w, hi, m.weight, width)
	}
	return w
}

// shareByWeight returns widths between lo and hi that sum to width (which
// lies between the sums of lo and hi), as close to proportional to weight
// as the bounds allow: columns whose share would fall outside their bounds
// are fixed at the bound, and the rest is shared again among the others.
func shareByWeight(lo, hi, weight []float64, width float64) []float64 {
	n := len(lo)
	w := make([]float64, n)
	fixed := make([]bool, n)
	for range n + 1 {
		rest, sumW := width, 0.0
		for i := range w {
			if fixed[i] {
				rest -= w[i]
			} else {
				sumW += max(weight[i], 1e-9)
			}
		}
		share := func(i int) float64 { return rest * max(weight[i], 1e-9) / sumW }
		// Columns that would get more than their widest cell need no more;
		// once none does, columns that would get less than their widest
		// word get that.
		capped := false
		for i := range w {
			if !fixed[i] && share(i) > hi[i] {
				w[i], fixed[i], capped = hi[i], true, true
			}
		}
		if capped {
			continue
		}
		raised := false
		for i := range w {
			if !fixed[i] && share(i) < lo[i] {
				w[i], fixed[i], raised = lo[i], true, true
			}
		}
		if raised {
			continue
		}
		for i := range w {
			if !fixed[i] {
				w[i] = share(i)
			}
		}
		break
	}
	// The shares of the free columns sum to what the fixed ones left;
	// when every column got fixed, spread any remainder over those below
	// their upper bound, in proportion to their room.
	sum := 0.0
	for _, v := range w {
		sum += v
	}
	if d := width - sum; math.Abs(d) > 1e-6 {
		room := 0.0
		for i := range w {
			if d > 0 {
				room += hi[i] - w[i]
			} else {
				room += w[i] - lo[i]
			}
		}
		for i := range w {
			if room <= 0 {
				break
			}
			if d > 0 {
				w[i] += d * (hi[i] - w[i]) / room
			} else {
				w[i] += d * (w[i] - lo[i]) / room
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
