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
	for _, z := range d.Zones {
		rc := layout.Rect{X: x0 + z.X*s, Y: y0 + z.Y*s, W: z.W * s, H: z.H * s, Radius: 8 * s,
			Fill: col(diagram.ColorZoneFill, layout.None), Stroke: col(diagram.ColorZoneStroke, layout.Black), LineWidth: s}
		if z.Implicit {
			rc.Fill = layout.None
			rc.Dash = []float64{6 * s, 4 * s}
		}
		if z.Device {
			rc.Stroke = layout.RGB(0x5a, 0x5f, 0x68)
			rc.LineWidth = 2 * s
		}
		ops = append(ops, rc)
		texts(z.Text)
	}
	for i := range d.Edges {
		e := &d.Edges[i]
		c := col(e.Color, layout.Black)
		pts := make([]layout.Point, len(e.Points))
		for k, p := range e.Points {
			pts[k] = pt(p)
		}
		if e.ArrowAtEnd && len(pts) >= 2 {
			// End the line at the base of the arrowhead, so that its
			// width does not blunt the tip.
			n := len(pts)
			dx, dy := pts[n-1].X-pts[n-2].X, pts[n-1].Y-pts[n-2].Y
			if l := math.Hypot(dx, dy); l > diagram.ArrowLength*s {
				pts[n-1].X -= dx / l * diagram.ArrowLength * s * 0.8
				pts[n-1].Y -= dy / l * diagram.ArrowLength * s * 0.8
			}
		}
		p := layout.Path{Points: pts, Stroke: c, Fill: layout.None, LineWidth: 1.5 * s}
		if e.Dashed {
			p.Dash = []float64{6 * s, 4 * s}
		}
		ops = append(ops, p)
		if e.ArrowAtEnd {
			h := e.ArrowHead()
			ops = append(ops, layout.Path{Points: []layout.Point{pt(h[0]), pt(h[1]), pt(h[2])}, Closed: true, Fill: c, Stroke: layout.None})
		}
	}
	for _, n := range d.Nodes {
		rc := layout.Rect{X: x0 + n.X*s, Y: y0 + n.Y*s, W: n.W * s, H: n.H * s, Radius: 3 * s,
			Fill: col(diagram.KindFill(n.Kind), layout.None), Stroke: col(diagram.ColorNodeStroke, layout.Black), LineWidth: s}
		if n.Kind == "device" {
			rc.LineWidth = 2.5 * s
		}
		ops = append(ops, rc)
		texts(n.Text)
	}
	for i := range d.Edges {
		texts(d.Edges[i].Text)
	}
	for _, le := range d.Legend {
		cy := y0 + (le.Y+le.H/2)*s
		switch le.Symbol {
		case diagram.SymbolSolid, diagram.SymbolDashed:
			c := col(diagram.ColorText, layout.Black)
			x1, x2 := x0+le.X*s, x0+(le.X+le.W)*s
			p := layout.Path{Points: []layout.Point{{X: x1, Y: cy}, {X: x2 - diagram.ArrowLength*s*0.8, Y: cy}}, Stroke: c, Fill: layout.None, LineWidth: 1.5 * s}
			if le.Symbol == diagram.SymbolDashed {
				p.Dash = []float64{6 * s, 4 * s}
			}
			aw := diagram.ArrowWidth * s / 2
			ops = append(ops, p, layout.Path{Points: []layout.Point{{X: x2, Y: cy}, {X: x2 - diagram.ArrowLength*s, Y: cy - aw}, {X: x2 - diagram.ArrowLength*s, Y: cy + aw}},
				Closed: true, Fill: c, Stroke: layout.None})
		case diagram.SymbolNode:
			ops = append(ops, layout.Rect{X: x0 + le.X*s, Y: y0 + le.Y*s, W: le.W * s, H: le.H * s, Radius: 2 * s,
				Fill: col(diagram.KindFill(le.Kind), layout.None), Stroke: col(diagram.ColorNodeStroke, layout.Black), LineWidth: s})
		}
		texts([]diagram.TextLine{le.Text})
	}
	return ops
}
