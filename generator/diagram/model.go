package diagram

import "github.com/docgen/docgen/generator/spec"

// Diagram is the laid-out network diagram, in abstract units (1 unit = 1 px
// in SVG; the PDF renderer scales it). The origin is the top left corner and
// y grows downwards. Renderers draw, in this order, the zones, the edges, the
// nodes, the edge labels and the legend.
type Diagram struct {
	// Width and Height are the size of the drawing, margins included.
	Width, Height float64
	// Title names the diagram, e.g. "Network diagram of ViewPoint RX".
	Title string
	// Desc is a one-sentence text alternative for screen readers.
	Desc string
	// Lang is the language of its texts ("" for English).
	Lang string
	// Zones are the zone boxes, in spec order; an implicit group for nodes
	// without a zone comes last.
	Zones []ZoneBox
	// Nodes are the node boxes, in spec order.
	Nodes []NodeBox
	// Edges are the arrows, one per source, destination and encryption, in
	// the order of their first data stream.
	Edges []Edge
	// Legend explains line styles and node colours; it sits below the
	// diagram.
	Legend []LegendEntry
}

// Point is a position in diagram units.
type Point struct {
	X, Y float64
}

// Rect is an axis-aligned rectangle: top left corner, width and height.
type Rect struct {
	X, Y, W, H float64
}

// Overlaps reports whether r and s share more than a border.
func (r Rect) Overlaps(s Rect) bool {
	return r.X < s.X+s.W && s.X < r.X+r.W && r.Y < s.Y+s.H && s.Y < r.Y+r.H
}

// Contains reports whether s lies within r, borders included.
func (r Rect) Contains(s Rect) bool {
	return r.X <= s.X && r.Y <= s.Y && s.X+s.W <= r.X+r.W && s.Y+s.H <= r.Y+r.H
}

// Anchor says which point of a text line its X coordinate gives.
type Anchor int

// The anchors, as in SVG's text-anchor.
const (
	AnchorStart Anchor = iota
	AnchorMiddle
	AnchorEnd
)

// TextLine is one line of text placed by the layout. Y is the baseline.
type TextLine struct {
	X, Y   float64
	Text   string
	Size   float64
	Bold   bool
	Anchor Anchor
	// Color is the fill colour as #rrggbb; empty means the default text
	// colour.
	Color string
}

// ZoneBox is a network zone, drawn as a rounded rectangle that contains its
// nodes, with its name and address ranges at the top left.
type ZoneBox struct {
	// ID is the zone id, or "" for the implicit group of nodes that are in
	// no zone.
	ID string
	// Label is the zone name (its id if it has none).
	Label string
	// Sublabel lists the zone's CIDRs, comma-separated.
	Sublabel string
	// X, Y, W, H is the box.
	X, Y, W, H float64
	// Implicit marks the group of nodes without a zone; draw it dashed.
	Implicit bool
	// Device marks the zone the device belongs in (network.zone).
	Device bool
	// Text is Label and Sublabel, wrapped and placed.
	Text []TextLine
}

// Rect returns the box of z.
func (z *ZoneBox) Rect() Rect { return Rect{z.X, z.Y, z.W, z.H} }

// NodeBox is a network node, drawn as a rectangle filled with the colour of
// its kind (see [KindFill]).
type NodeBox struct {
	// ID is the node id.
	ID string
	// Label is the node name (its id if it has none).
	Label string
	// Sublabel is the kind and the addresses, separated by " · ".
	Sublabel string
	// Kind is the node kind.
	Kind spec.NodeKind
	// Zone is the id of the zone box the node is drawn in ("" for the
	// implicit group).
	Zone string
	// X, Y, W, H is the box.
	X, Y, W, H float64
	// Text is Label (bold) and the sublabel lines, wrapped and placed.
	Text []TextLine
}

// Rect returns the box of n.
func (n *NodeBox) Rect() Rect { return Rect{n.X, n.Y, n.W, n.H} }

// Edge is one arrow: one or more data streams with the same source,
// destination and encryption.
type Edge struct {
	// ID is the id of the first data stream of the edge.
	ID string
	// Streams are the ids of all data streams the edge stands for.
	Streams []string
	// Names are the display names of those streams (for tooltips).
	Names []string
	// From and To are the ids of the source and destination node or zone.
	From, To string
	// Points is the orthogonal polyline of the edge: the first point lies on
	// the border of the source box, the last on the border of the target box.
	Points []Point
	// Label is the label text, one line per protocol joined by "\n", e.g.
	// "DICOM TLS · tcp/2762".
	Label string
	// LabelX, LabelY, LabelW, LabelH is the label box (top left corner and
	// size); no other label or box overlaps it.
	LabelX, LabelY, LabelW, LabelH float64
	// Text is the label, wrapped and placed inside the label box.
	Text []TextLine
	// Dashed marks an edge whose streams are not encrypted.
	Dashed bool
	// ArrowAtEnd says an arrowhead points at the last point; see
	// [Edge.ArrowHead].
	ArrowAtEnd bool
	// Color is the stroke colour of the line and the label, #rrggbb.
	Color string
}

// LabelRect returns the label box of e.
func (e *Edge) LabelRect() Rect { return Rect{e.LabelX, e.LabelY, e.LabelW, e.LabelH} }

// ArrowLength and ArrowWidth are the size of an arrowhead.
const (
	ArrowLength = 10
	ArrowWidth  = 8
)

// ArrowHead returns the triangle of the arrowhead at the end of e: the tip
// (the last point) and the two base corners. It is the zero value when e has
// no arrowhead.
func (e *Edge) ArrowHead() [3]Point {
	n := len(e.Points)
	if !e.ArrowAtEnd || n < 2 {
		return [3]Point{}
	}
	tip, prev := e.Points[n-1], e.Points[n-2]
	dx, dy := sign(tip.X-prev.X), sign(tip.Y-prev.Y) // edges are orthogonal
	bx, by := tip.X-dx*ArrowLength, tip.Y-dy*ArrowLength
	return [3]Point{tip, {bx - dy*ArrowWidth/2, by + dx*ArrowWidth/2}, {bx + dy*ArrowWidth/2, by - dx*ArrowWidth/2}}
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// Symbol is the sample drawn in front of a legend text.
type Symbol int

// The legend symbols.
const (
	// SymbolSolid is a solid arrow: an encrypted stream.
	SymbolSolid Symbol = iota
	// SymbolDashed is a dashed arrow: a stream without encryption.
	SymbolDashed
	// SymbolNode is a small node box filled with the colour of Kind.
	SymbolNode
)

// LegendEntry is one entry of the legend: a symbol in a box and its text.
type LegendEntry struct {
	Symbol Symbol
	// Kind is the node kind whose colour a SymbolNode shows.
	Kind spec.NodeKind
	// X, Y, W, H is the box of the symbol.
	X, Y, W, H float64
	// Text is the explanation, placed right of the symbol.
	Text TextLine
}

// Colours shared by all renderers, as #rrggbb.
const (
	// ColorText is the default text colour.
	ColorText = "#1a1a1a"
	// ColorSubText is the colour of sublabels.
	ColorSubText = "#404040"
	// ColorZoneFill and ColorZoneStroke draw zone boxes.
	ColorZoneFill   = "#f4f5f7"
	ColorZoneStroke = "#8a8f98"
	// ColorNodeStroke is the border of node boxes.
	ColorNodeStroke = "#4a4a4a"
)

// KindFill returns the fill colour of a node box of kind k. The colours are
// light, so black text stays readable on them, and different in lightness
// as well as hue; the kind is also written in the box, for greyscale print.
func KindFill(k spec.NodeKind) string {
	switch k {
	case "device":
		return "#ffd98a"
	case "server":
		return "#cfe2f3"
	case "workstation":
		return "#d9ead3"
	case "mobile":
		return "#e4d5f0"
	case "cloud":
		return "#d0eef2"
	case "network":
		return "#e3e3e3"
	case "external":
		return "#f4cccc"
	}
	return "#ffffff"
}

// edgeColors are the stroke colours of edges, used in turn so that crossing
// lines are easier to follow. All are dark enough for black-and-white print.
var edgeColors = []string{"#1f4e79", "#8c2d04", "#1b5e20", "#5b2c83", "#9e1b32", "#333333"}
