package diagram

import (
	"math"

	"github.com/docgen/docgen/generator/spec"
)

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
	// diagram. It has an entry for each style that occurs, and no other.
	Legend []LegendEntry
	// Internal are the data streams that never leave one host (a node to
	// itself, or between two nodes at the same address): they open no
	// firewall port and are not drawn, but the text description lists
	// them.
	Internal []Flow
}

// Flow is a data stream, or several merged, described in words: its ends
// and its label lines.
type Flow struct {
	// From and To are the ids of the source and destination node or zone.
	From, To string
	// Label is the label text, one line per protocol joined by "\n".
	Label string
	// Unencrypted, Optional and BothWays are as in [Edge].
	Unencrypted, Optional, BothWays bool
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
	// Supplied marks a node the manufacturer supplies as part of the
	// system (spec.Spec.IsSupplied); it is drawn with a heavy outline.
	Supplied bool
	// Variants names the variants that have the node, when the spec
	// restricts it to some of them; empty for all.
	Variants string
	// Text is Label (bold) and the sublabel lines, wrapped and placed.
	Text []TextLine
}

// Rect returns the box of n.
func (n *NodeBox) Rect() Rect { return Rect{n.X, n.Y, n.W, n.H} }

// Edge is one arrow: one or more data streams with the same source,
// destination, direction, encryption and state. Streams carried inside a
// tunnel are not edges of their own: the label of the tunnel names them.
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
	// "DICOM TLS · tcp/2762"; a tunnel's line is followed by a line naming
	// the protocols it carries, and a stream of some variants only by a
	// line naming them.
	Label string
	// LabelX, LabelY, LabelW, LabelH is the label box (top left corner and
	// size); no other label or box overlaps it.
	LabelX, LabelY, LabelW, LabelH float64
	// Text is the label, wrapped and placed inside the label box.
	Text []TextLine
	// Unencrypted marks an edge whose streams are not encrypted.
	Unencrypted bool
	// Optional marks an edge whose streams are off by default or occur
	// only under a condition (default_enabled: false, condition).
	Optional bool
	// ArrowAtEnd says an arrowhead points at the last point (the end that
	// accepts connections); see [Edge.ArrowHead].
	ArrowAtEnd bool
	// ArrowAtStart says an arrowhead points at the first point as well:
	// either end opens connections (direction: both); see
	// [Edge.ArrowTail].
	ArrowAtStart bool
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
// no arrowhead there.
func (e *Edge) ArrowHead() [3]Point {
	n := len(e.Points)
	if !e.ArrowAtEnd || n < 2 {
		return [3]Point{}
	}
	return arrow(e.Points[n-1], e.Points[n-2])
}

// ArrowTail returns the triangle of the arrowhead at the start of e, or the
// zero value when e has none there.
func (e *Edge) ArrowTail() [3]Point {
	if !e.ArrowAtStart || len(e.Points) < 2 {
		return [3]Point{}
	}
	return arrow(e.Points[0], e.Points[1])
}

// Heads returns the arrowheads of e: at the end, then at the start.
func (e *Edge) Heads() [][3]Point {
	var out [][3]Point
	if h := e.ArrowHead(); h != ([3]Point{}) {
		out = append(out, h)
	}
	if h := e.ArrowTail(); h != ([3]Point{}) {
		out = append(out, h)
	}
	return out
}

// Line returns the points of e's line, its ends moved back under its
// arrowheads so that the width of the line does not blunt their tips.
func (e *Edge) Line() []Point {
	return shortenLine(e.Points, e.ArrowAtStart, e.ArrowAtEnd)
}

// arrow returns the arrowhead with its tip at tip on a segment from prev.
func arrow(tip, prev Point) [3]Point {
	dx, dy := sign(tip.X-prev.X), sign(tip.Y-prev.Y) // edges are orthogonal
	bx, by := tip.X-dx*ArrowLength, tip.Y-dy*ArrowLength
	return [3]Point{tip, {bx - dy*ArrowWidth/2, by + dx*ArrowWidth/2}, {bx + dy*ArrowWidth/2, by - dx*ArrowWidth/2}}
}

// shortenLine returns pts with the first and last point moved back along their
// segments by most of an arrowhead's length, where start and end say so.
func shortenLine(pts []Point, start, end bool) []Point {
	n := len(pts)
	if n < 2 {
		return pts
	}
	out := append([]Point(nil), pts...)
	back := func(i, j int) {
		dx, dy := out[i].X-out[j].X, out[i].Y-out[j].Y
		l := ArrowLength * 0.8
		if d := math.Hypot(dx, dy); d > 2*l {
			out[i].X -= dx / d * l
			out[i].Y -= dy / d * l
		}
	}
	if end {
		back(n-1, n-2)
	}
	if start {
		back(0, 1)
	}
	return out
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
	// SymbolLine is a line in the pattern of Unencrypted and Optional, with
	// Heads arrowheads.
	SymbolLine Symbol = iota
	// SymbolNode is a small node box filled with the colour of Kind, or
	// white with the heavy outline of supplied nodes when Supplied is set.
	SymbolNode
	// SymbolArrow is Heads arrowheads without a line: what the direction
	// of an arrow means, whatever its pattern.
	SymbolArrow
)

// Line returns the points of a SymbolLine's line, shortened under its
// arrowheads, and Arrows its arrowheads; see [Edge.Line].
func (le *LegendEntry) Line() []Point {
	return shortenLine(le.points(), le.Heads > 1, le.Heads > 0)
}

// Arrows returns the arrowheads of a SymbolLine.
func (le *LegendEntry) Arrows() [][3]Point {
	e := Edge{Points: le.points(), ArrowAtEnd: le.Heads > 0, ArrowAtStart: le.Heads > 1}
	return e.Heads()
}

func (le *LegendEntry) points() []Point {
	cy := le.Y + le.H/2
	return []Point{{le.X, cy}, {le.X + le.W, cy}}
}

// LegendEntry is one entry of the legend: a symbol in a box and its text.
type LegendEntry struct {
	Symbol Symbol
	// Kind is the node kind whose colour a SymbolNode shows.
	Kind spec.NodeKind
	// Supplied makes a SymbolNode show the outline of supplied nodes.
	Supplied bool
	// Unencrypted and Optional give the pattern of a SymbolLine, as for an
	// edge.
	Unencrypted, Optional bool
	// Heads is the number of arrowheads of a SymbolLine or SymbolArrow: 0
	// (a sample of the pattern), 1 (at the right end) or 2 (at both ends).
	Heads int
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
