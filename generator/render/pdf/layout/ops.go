package layout

import "github.com/docgen/docgen/generator/render/pdf/fonts"

// Op is one drawing operation or marker on a page: [Text], [Rect], [Path],
// [Image], [Link], [Anchor], [Mark] or [PageRef].
type Op interface {
	// translate returns the operation moved by dx, dy.
	translate(dx, dy float64) Op
}

// Point is a position on a page.
type Point struct{ X, Y float64 }

// Text draws S in one face, size and colour, starting at X on the baseline
// Y. S holds only characters the face has.
type Text struct {
	X, Y  float64
	Face  fonts.Face
	Size  float64
	Color Color
	S     string
	// Tag is the structure element the text belongs to; nil for an
	// artifact (see [Elem]).
	Tag *Elem
}

// Rect draws a rectangle, filled and/or stroked, with optionally rounded
// corners and a dashed border.
type Rect struct {
	X, Y, W, H float64
	Fill       Color
	Stroke     Color
	LineWidth  float64
	Radius     float64
	Dash       []float64
	// Tag is the structure element the rectangle belongs to (a part of a
	// figure); nil for an artifact, such as a background.
	Tag *Elem
}

// Path draws a polyline (or, if Closed, a polygon), stroked and/or filled.
type Path struct {
	Points    []Point
	Closed    bool
	Fill      Color
	Stroke    Color
	LineWidth float64
	Dash      []float64
	// Tag is the structure element the path belongs to (a part of a
	// figure); nil for an artifact, such as a rule.
	Tag *Elem
}

// Image draws the image registered under Key in [Document.Images], scaled
// to the box.
type Image struct {
	X, Y, W, H float64
	Key        string
	// Tag is the structure element the image belongs to (a Figure); nil
	// for a decorative image.
	Tag *Elem
}

// Link makes a box clickable. It leads to URL when set; else, when File is
// set, to the anchor Dest of that other PDF file (a path relative to this
// one, such as "admin-guide.pdf"), which finds it among its named
// destinations (see [Anchor]); else to the anchor Dest of this document:
// [ResolveRefs] fills in Page (1-based) and DestY. A link within the
// document whose destination is unknown has Page 0, and a link to another
// file without Dest, are not written.
type Link struct {
	X, Y, W, H float64
	URL        string
	File       string
	Dest       string
	Page       int
	DestY      float64
	// Tag is the Link structure element the link belongs to; see [Elem].
	Tag *Elem
}

// Anchor names a position: internal links and page references to Name lead
// here, and backends publish it as a named destination, so that links from
// other documents ([Link.File]) lead here too. It draws nothing.
type Anchor struct {
	Name string
	Y    float64
}

// Mark is an entry of the document outline (bookmarks) at height Y. Level 0
// is the top level. It draws nothing.
type Mark struct {
	Title string
	Level int
	Y     float64
}

// PageRef stands for the page number of the anchor Dest, set right-aligned
// so that it ends at X on the baseline Y. [ResolveRefs] replaces it with a
// Text.
type PageRef struct {
	X, Y  float64
	Dest  string
	Face  fonts.Face
	Size  float64
	Color Color
	Tag   *Elem
}

func (o Text) translate(dx, dy float64) Op { o.X += dx; o.Y += dy; return o }
func (o Rect) translate(dx, dy float64) Op { o.X += dx; o.Y += dy; return o }
func (o Image) translate(dx, dy float64) Op {
	o.X += dx
	o.Y += dy
	return o
}
func (o Link) translate(dx, dy float64) Op { o.X += dx; o.Y += dy; return o }
func (o Anchor) translate(_, dy float64) Op {
	o.Y += dy
	return o
}
func (o Mark) translate(_, dy float64) Op { o.Y += dy; return o }
func (o PageRef) translate(dx, dy float64) Op {
	o.X += dx
	o.Y += dy
	return o
}

func (o Path) translate(dx, dy float64) Op {
	pts := make([]Point, len(o.Points))
	for i, p := range o.Points {
		pts[i] = Point{p.X + dx, p.Y + dy}
	}
	o.Points = pts
	return o
}

// Translate returns ops moved by dx, dy, as a new slice.
func Translate(ops []Op, dx, dy float64) []Op {
	out := make([]Op, len(ops))
	for i, op := range ops {
		out[i] = op.translate(dx, dy)
	}
	return out
}
