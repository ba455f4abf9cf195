package diagram

import (
	"cmp"
	"slices"

	"github.com/docgen/docgen/generator/spec"
)

// assignTracks gives every edge that changes height in its channel a
// vertical track there. Edges are ordered so that few lines cross: loops of
// the left column nearest to it (short ones innermost), then edges going up
// from left to right (highest target first), then those going down (lowest
// target first), then loops of the right column. Each edge takes the first
// track right of every earlier edge whose vertical span it overlaps, so
// edges that do not overlap share tracks.
func (l *layout) assignTracks() {
	nc := len(l.cols)
	l.tracks = make([]int, nc+1)
	per := make([][]*edge, nc+1)
	for _, e := range l.edges {
		e.vertical = e.src.y != e.dst.y
		if e.vertical {
			per[e.channel] = append(per[e.channel], e)
		}
	}
	for k, list := range per {
		rank := func(e *edge) (int, float64, float64) {
			lo, hi := e.span()
			switch {
			case e.sameCol && l.colOf(e.key.src) == k-1:
				return 0, hi - lo, lo
			case e.sameCol:
				return 3, lo - hi, lo
			}
			yl, yr := e.src.y, e.dst.y
			if e.src.side == left { // the edge runs from right to left
				yl, yr = yr, yl
			}
			if yr < yl {
				return 1, yr, yl
			}
			return 2, -yr, -yl
		}
		slices.SortStableFunc(list, func(a, b *edge) int {
			ca, pa, qa := rank(a)
			cb, pb, qb := rank(b)
			return cmp.Or(cmp.Compare(ca, cb), cmp.Compare(pa, pb), cmp.Compare(qa, qb), cmp.Compare(a.idx, b.idx))
		})
		for i, e := range list {
			lo, hi := e.span()
			t := 0
			for _, f := range list[:i] {
				if f.track >= t {
					flo, fhi := f.span()
					if flo < hi+shareGap && lo < fhi+shareGap {
						t = f.track + 1
					}
				}
			}
			e.track = t
			l.tracks[k] = max(l.tracks[k], t+1)
		}
	}
}

// span returns the vertical extent of an edge's track segment.
func (e *edge) span() (float64, float64) {
	return min(e.src.y, e.dst.y), max(e.src.y, e.dst.y)
}

// labelEnd returns the end of e that carries the label.
func (e *edge) labelEnd() *end {
	if e.src.labelled {
		return e.src
	}
	return e.dst
}

// horizontal sizes the channels between the columns and places columns,
// zones and nodes from left to right. A channel holds, from left to right,
// the labels of the column on its left, the vertical tracks, and the labels
// of the column on its right.
func (l *layout) horizontal() {
	nc := len(l.cols)
	l.bandL = make([]float64, nc+1)
	l.bandR = make([]float64, nc+1)
	for _, e := range l.edges {
		x := e.labelEnd()
		c := l.colOf(x.at)
		if x.side == right {
			l.bandL[c+1] = max(l.bandL[c+1], e.labelW+labelGap+labelSlack)
		} else {
			l.bandR[c] = max(l.bandR[c], e.labelW+labelGap+labelSlack)
		}
	}
	l.chW = make([]float64, nc+1)
	l.chX = make([]float64, nc+1)
	l.colX = make([]float64, nc)
	x := float64(margin)
	for k := range nc + 1 {
		w := l.bandL[k] + l.bandR[k]
		if l.tracks[k] > 0 {
			w += float64(l.tracks[k]+1) * trackGap
		}
		if k > 0 && k < nc {
			w = max(w, channelMin)
		}
		l.chX[k], l.chW[k] = x, w
		x += w
		if k < nc {
			l.colX[k] = x
			x += l.colW[k]
		}
	}
	for c, col := range l.cols {
		for _, gi := range col {
			g := l.groups[gi]
			g.box.X, g.box.W = l.colX[c], l.colW[c]
			for _, ni := range g.nodes {
				nd := l.nodes[ni]
				nd.box.W = l.nodeW[c]
				nd.box.X = l.colX[c] + snap((l.colW[c]-l.nodeW[c])/2)
			}
		}
	}
}

// trackX returns the x of track t of channel k.
func (l *layout) trackX(k, t int) float64 {
	used := l.bandL[k] + l.bandR[k] + float64(l.tracks[k]+1)*trackGap
	start := l.chX[k] + l.bandL[k] + snap((l.chW[k]-used)/2)
	return start + float64(t+1)*trackGap
}

// box returns the rectangle an edge end attaches to.
func (l *layout) box(r ref) Rect {
	if r.zone {
		return l.groups[r.idx].box.Rect()
	}
	return l.nodes[r.idx].box.Rect()
}

// portPoint returns where an edge end meets its box border.
func (l *layout) portPoint(x *end) Point {
	b := l.box(x.at)
	if x.side == left {
		return Point{b.X, x.y}
	}
	return Point{b.X + b.W, x.y}
}

// emit fills d with the placed zones, nodes and edges.
func (l *layout) emit(d *Diagram) {
	for _, g := range l.groups {
		z := g.box
		y := z.Y + zonePadTop
		for _, s := range g.text {
			z.Text = append(z.Text, TextLine{X: z.X + 10, Y: y + 11.5, Text: s, Size: zoneFont, Bold: true, Color: ColorText})
			y += nodeLineH
		}
		for _, s := range g.sub {
			z.Text = append(z.Text, TextLine{X: z.X + 10, Y: y + 9.5, Text: s, Size: subFont, Color: ColorSubText})
			y += subLineH
		}
		d.Zones = append(d.Zones, z)
	}
	for _, nd := range l.nodes {
		n := nd.box
		cx := n.X + snap(n.W/2)
		y := n.Y + snap((n.H-nd.textH())/2) + nodePadY
		for _, s := range nd.text {
			n.Text = append(n.Text, TextLine{X: cx, Y: y + 11.5, Text: s, Size: nodeFont, Bold: true, Anchor: AnchorMiddle, Color: ColorText})
			y += nodeLineH
		}
		y += 3
		for _, s := range nd.sub {
			n.Text = append(n.Text, TextLine{X: cx, Y: y + 9.5, Text: s, Size: subFont, Anchor: AnchorMiddle, Color: ColorSubText})
			y += subLineH
		}
		d.Nodes = append(d.Nodes, n)
	}
	for _, e := range l.edges {
		out := e.out
		p1, p2 := l.portPoint(e.src), l.portPoint(e.dst)
		if e.vertical {
			tx := l.trackX(e.channel, e.track)
			out.Points = []Point{p1, {tx, p1.Y}, {tx, p2.Y}, p2}
		} else {
			out.Points = []Point{p1, p2}
		}
		lab := e.labelEnd()
		// The label hugs the column border, clear of the arrowhead.
		c := l.colOf(lab.at)
		border := l.colX[c]
		if lab.side == right {
			border += l.colW[c]
		}
		out.LabelW, out.LabelH = e.labelW, e.labelH
		out.LabelY = lab.y - 2 - e.labelH
		tx, anchor := 0.0, AnchorStart
		if lab.side == right {
			out.LabelX = border + labelGap
			tx = out.LabelX + labelPad
		} else {
			out.LabelX = border - labelGap - e.labelW
			tx, anchor = border-labelGap-labelPad, AnchorEnd
		}
		for i, s := range e.lines {
			out.Text = append(out.Text, TextLine{
				X: tx, Y: out.LabelY + labelPad + float64(i)*subLineH + 9.5,
				Text: s, Size: edgeFont, Anchor: anchor, Color: out.Color,
			})
		}
		d.Edges = append(d.Edges, out)
	}
	for _, e := range l.internal {
		d.Internal = append(d.Internal, Flow{From: e.out.From, To: e.out.To, Label: e.out.Label,
			Unencrypted: e.out.Unencrypted, Optional: e.out.Optional, BothWays: e.out.ArrowAtStart})
	}
	d.Width = l.width()
	d.Height = margin + l.height + margin
}

// legend adds the legend below the diagram, with an entry for each thing
// that occurs in it and no other: the arrows of one-way and two-way streams,
// the line patterns, the outline of supplied nodes and the colour of every
// node kind; wrapped to the diagram's width.
func (l *layout) legend(d *Diagram) {
	var items []LegendEntry
	add := func(le LegendEntry, key string, args ...any) {
		le.Text.Text = clean(l.m.Format(key, args...))
		items = append(items, le)
	}
	// Direction: arrowheads alone, since any line pattern may carry them.
	if slices.ContainsFunc(d.Edges, func(e Edge) bool { return !e.ArrowAtStart }) {
		add(LegendEntry{Symbol: SymbolArrow, Heads: 1}, "diagram.legend.one_way")
	}
	if slices.ContainsFunc(d.Edges, func(e Edge) bool { return e.ArrowAtStart }) {
		add(LegendEntry{Symbol: SymbolArrow, Heads: 2}, "diagram.legend.both_ways")
	}
	for _, p := range []struct {
		unencrypted, optional bool
		key                   string
	}{
		{false, false, "diagram.legend.encrypted"},
		{true, false, "diagram.legend.unencrypted"},
		{false, true, "diagram.legend.optional"},
		{true, true, "diagram.legend.optional_unencrypted"},
	} {
		if slices.ContainsFunc(d.Edges, func(e Edge) bool { return e.Unencrypted == p.unencrypted && e.Optional == p.optional }) {
			add(LegendEntry{Symbol: SymbolLine, Unencrypted: p.unencrypted, Optional: p.optional}, p.key)
		}
	}
	if slices.ContainsFunc(d.Nodes, func(n NodeBox) bool { return n.Supplied }) {
		add(LegendEntry{Symbol: SymbolNode, Supplied: true}, "diagram.legend.supplied")
	}
	for _, k := range spec.NodeKind("").EnumValues() {
		if slices.ContainsFunc(l.nodes, func(n *node) bool { return string(n.box.Kind) == k }) {
			items = append(items, LegendEntry{Symbol: SymbolNode, Kind: spec.NodeKind(k), Text: TextLine{Text: clean(l.kindName(spec.NodeKind(k)))}})
		}
	}
	const rowH, symH, gap = 20, 12, 22
	limit := max(d.Width-margin, 480)
	x, y := float64(margin), d.Height-margin+16
	right := x
	for _, le := range items {
		symW := 40.0
		switch {
		case le.Symbol == SymbolNode:
			symW = 20
		case le.Symbol == SymbolArrow && le.Heads == 1:
			symW = 16
		case le.Symbol == SymbolArrow:
			symW = 28
		}
		w := symW + 6 + TextWidth(le.Text.Text, legendFont, false)
		if x > margin && x+w > limit {
			x, y = margin, y+rowH
		}
		le.X, le.Y, le.W, le.H = x, y, symW, symH
		le.Text = TextLine{X: x + symW + 6, Y: y + 10, Text: le.Text.Text, Size: legendFont, Color: ColorText}
		d.Legend = append(d.Legend, le)
		x += w
		right = max(right, x)
		x += gap
	}
	d.Width = max(d.Width, right+margin)
	d.Height = y + symH + margin
}
