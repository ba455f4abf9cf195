package pdf

import (
	"math"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// diagramOps draws d at scale s with its top left corner at x0, y0, in the
// order the diagram package prescribes: zones, edges, nodes, edge labels,
// legend. The labels are set in DejaVu Sans, the font whose metrics the
// layout used, so they fit their boxes. Everything is tagged with the
// figure fig.
func (r *renderer) diagramOps(d *diagram.Diagram, s, x0, y0 float64, line int, fig *layout.Elem) []layout.Op {
	return layout.Retag(r.diagramShapes(d, s, x0, y0, line), fig)
}

// diagramShapes returns the operations of diagramOps, untagged.
func (r *renderer) diagramShapes(d *diagram.Diagram, s, x0, y0 float64, line int) []layout.Op {
	pt := func(p diagram.Point) layout.Point { return layout.Point{X: x0 + p.X*s, Y: y0 + p.Y*s} }
	col := func(hex string, def layout.Color) layout.Color { return layout.Hex(hex, def) }
	var ops []layout.Op
	texts := func(ts []diagram.TextLine) {
		for _, t := range ts {
			face := fonts.Regular
			if t.Bold {
				face = fonts.Bold
			}
			align := layout.AlignLeft
			switch t.Anchor {
			case diagram.AnchorMiddle:
				align = layout.AlignCenter
			case diagram.AnchorEnd:
				align = layout.AlignRight
			}
			ops = append(ops, r.labelAt(t.Text, face, t.Size*s, col(t.Color, colorText),
				x0+t.X*s, y0+t.Y*s, align, math.Inf(1), line, nil)...)
		}
	}
	// Every shape takes its look from the diagram's Style methods, as the
	// SVG and PNG renderers do.
	styled := func(st diagram.Style) (fill, stroke layout.Color, width float64, dash []float64) {
		fill, stroke = col(st.Fill, layout.None), col(st.Stroke, layout.None)
		if st.Fill == "" {
			fill = layout.None
		}
		if st.Stroke == "" {
			stroke = layout.None
		}
		for _, v := range st.Dash {
			dash = append(dash, v*s)
		}
		return fill, stroke, st.Width * s, dash
	}
	box := func(r diagram.Rect, st diagram.Style) layout.Rect {
		fill, stroke, width, dash := styled(st)
		return layout.Rect{X: x0 + r.X*s, Y: y0 + r.Y*s, W: r.W * s, H: r.H * s, Radius: st.Radius * s,
			Fill: fill, Stroke: stroke, LineWidth: width, Dash: dash}
	}
	stroke := func(points []diagram.Point, heads [][3]diagram.Point, st diagram.Style) {
		_, stroke, width, dash := styled(st)
		pts := make([]layout.Point, len(points))
		for k, p := range points {
			pts[k] = pt(p)
		}
		if len(pts) > 1 {
			ops = append(ops, layout.Path{Points: pts, Stroke: stroke, Fill: layout.None, LineWidth: width, Dash: dash})
		}
		for _, h := range heads {
			ops = append(ops, layout.Path{Points: []layout.Point{pt(h[0]), pt(h[1]), pt(h[2])}, Closed: true, Fill: stroke, Stroke: layout.None})
		}
	}
	for i := range d.Zones {
		z := &d.Zones[i]
		ops = append(ops, box(z.Rect(), z.Style()))
		texts(z.Text)
	}
	for i := range d.Edges {
		e := &d.Edges[i]
		stroke(e.Line(), e.Heads(), e.Style())
	}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		ops = append(ops, box(n.Rect(), n.Style()))
		texts(n.Text)
	}
	for i := range d.Edges {
		texts(d.Edges[i].Text)
	}
	for i := range d.Legend {
		le := &d.Legend[i]
		switch le.Symbol {
		case diagram.SymbolLine:
			stroke(le.Line(), le.Arrows(), le.Style())
		case diagram.SymbolArrow:
			stroke(nil, le.Arrows(), le.Style())
		case diagram.SymbolNode:
			ops = append(ops, box(diagram.Rect{X: le.X, Y: le.Y, W: le.W, H: le.H}, le.Style()))
		}
		texts([]diagram.TextLine{le.Text})
	}
	return ops
}
