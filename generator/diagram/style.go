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
	deviceNodeWidth = 2.5
	edgeWidth       = 1.5
	zoneRadius      = 8
	nodeRadius      = 3
	legendRadius    = 2
	// ColorDeviceZoneStroke is the darker border of the device's own zone.
	ColorDeviceZoneStroke = "#5a5f68"
)

// dash is the dash pattern of implicit zones and unencrypted streams.
var dash = []float64{6, 4}

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

// Style returns how the node box is drawn: filled by kind, the device with
// a thicker border.
func (n *NodeBox) Style() Style {
	s := Style{Fill: KindFill(n.Kind), Stroke: ColorNodeStroke, Width: nodeWidth, Radius: nodeRadius}
	if n.Kind == "device" {
		s.Width = deviceNodeWidth
	}
	return s
}

// Style returns how the edge's line is drawn; dashed when its streams are
// not encrypted. The arrowhead is filled with Stroke.
func (e *Edge) Style() Style {
	s := Style{Stroke: e.Color, Width: edgeWidth}
	if e.Dashed {
		s.Dash = dash
	}
	return s
}

// Style returns how the legend entry's symbol is drawn: a line with an
// arrowhead for SymbolSolid and SymbolDashed, a box for SymbolNode.
func (le *LegendEntry) Style() Style {
	switch le.Symbol {
	case SymbolNode:
		return Style{Fill: KindFill(le.Kind), Stroke: ColorNodeStroke, Width: nodeWidth, Radius: legendRadius}
	case SymbolDashed:
		return Style{Stroke: ColorText, Width: edgeWidth, Dash: dash}
	}
	return Style{Stroke: ColorText, Width: edgeWidth}
}
