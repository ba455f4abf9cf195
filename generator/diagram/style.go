package diagram

// Style is how a box or a line of the diagram is drawn, in diagram units:
// every renderer (SVG, PNG) draws from it, so that they agree.
type Style struct {
	// Fill and Stroke are colours as #rrggbb; "" draws none.
	Fill, Stroke string
	// Width is the stroke width.
	Width float64
	// Dash is the dash pattern (lengths of dash and gap), nil for solid.
	Dash []float64
	// Radius rounds the corners of a box.
	Radius float64
}

// Stroke widths, dash pattern and corner radii of the diagram.
const (
	zoneWidth       = 1
	deviceZoneWidth = 2
	nodeWidth       = 1
	suppliedWidth   = 3
	edgeWidth       = 1.5
	zoneRadius      = 8
	nodeRadius      = 3
	legendRadius    = 2
	// ColorDeviceZoneStroke is the darker border of the device's own zone.
	ColorDeviceZoneStroke = "#5a5f68"
	// ColorSuppliedStroke is the heavy outline of the nodes the
	// manufacturer supplies.
	ColorSuppliedStroke = "#000000"
)

// Dash patterns (lengths of dash and gap): implicit zones are dashed; a
// stream line is solid when it is encrypted and always there, dashed when it
// is off by default or conditional, dotted when it is not encrypted, and
// dash-dotted when both.
var (
	dash         = []float64{6, 4}
	dashOptional = []float64{9, 5}
	dashPlain    = []float64{2, 3}
	dashBoth     = []float64{9, 3, 2, 3}
)

// streamDash returns the dash pattern of a stream line.
func streamDash(unencrypted, optional bool) []float64 {
	switch {
	case unencrypted && optional:
		return dashBoth
	case unencrypted:
		return dashPlain
	case optional:
		return dashOptional
	}
	return nil
}

// Style returns how the zone box is drawn: implicit groups (nodes without a
// zone) have a dashed border and no fill; the device's zone a darker,
// thicker border.
func (z *ZoneBox) Style() Style {
	s := Style{Fill: ColorZoneFill, Stroke: ColorZoneStroke, Width: zoneWidth, Radius: zoneRadius}
	if z.Implicit {
		s.Fill, s.Dash = "", dash
	}
	if z.Device {
		s.Stroke, s.Width = ColorDeviceZoneStroke, deviceZoneWidth
	}
	return s
}

// Style returns how the node box is drawn: filled by kind, with a heavy
// black outline when the manufacturer supplies the node.
func (n *NodeBox) Style() Style {
	s := Style{Fill: KindFill(n.Kind), Stroke: ColorNodeStroke, Width: nodeWidth, Radius: nodeRadius}
	if n.Supplied {
		s.Stroke, s.Width = ColorSuppliedStroke, suppliedWidth
	}
	return s
}

// Style returns how the edge's line is drawn: its pattern says whether its
// streams are encrypted and always there (see streamDash). The arrowheads
// are filled with Stroke.
func (e *Edge) Style() Style {
	return Style{Stroke: e.Color, Width: edgeWidth, Dash: streamDash(e.Unencrypted, e.Optional)}
}

// Style returns how the legend entry's symbol is drawn: a line in the
// pattern of its streams for SymbolLine, a box for SymbolNode.
func (le *LegendEntry) Style() Style {
	if le.Symbol == SymbolNode {
		if le.Supplied {
			return Style{Fill: "#ffffff", Stroke: ColorSuppliedStroke, Width: suppliedWidth, Radius: legendRadius}
		}
		return Style{Fill: KindFill(le.Kind), Stroke: ColorNodeStroke, Width: nodeWidth, Radius: legendRadius}
	}
	return Style{Stroke: ColorText, Width: edgeWidth, Dash: streamDash(le.Unencrypted, le.Optional)}
}
