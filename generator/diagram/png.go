package diagram

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strconv"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// PNGScale is the number of pixels per diagram unit of the PNG that docgen
// writes next to the SVG: sharp enough for a slide or a printed page.
const PNGScale = 2

// maxPNGPixels caps the size of the image, so that a spec with thousands of
// nodes cannot make WritePNG allocate without bound: 16 megapixels, 64 MB
// (an A4 page at 400 dpi).
const maxPNGPixels = 16 << 20

// WritePNG writes d as a PNG image with scale pixels per diagram unit (less
// for a diagram so large that the image would pass 16 megapixels), drawn
// from the same boxes, lines and text lines as the SVG, with the
// DejaVu Sans fonts whose metrics the layout used: for tools that cannot
// show SVG (word processors, some Markdown converters). The output is
// deterministic on a given platform.
func (d *Diagram) WritePNG(w io.Writer, scale float64) error {
	if d.Width <= 0 || d.Height <= 0 || scale <= 0 {
		return fmt.Errorf("cannot draw a diagram of %gx%g units at scale %g", d.Width, d.Height, scale)
	}
	if d.Width*d.Height*scale*scale > maxPNGPixels {
		scale = math.Floor(math.Sqrt(maxPNGPixels/(d.Width*d.Height))*100) / 100
	}
	wpx, hpx := int(math.Ceil(d.Width*scale)), int(math.Ceil(d.Height*scale))
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, wpx, hpx)), s: scale}
	draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)
	faces, err := c.faces()
	if err != nil {
		return err
	}

	for i := range d.Zones {
		z := &d.Zones[i]
		c.box(z.Rect(), z.Style())
		c.texts(faces, z.Text)
	}
	for i := range d.Edges {
		e := &d.Edges[i]
		st := e.Style()
		c.polyline(e.Line(), false, st)
		for _, h := range e.Heads() {
			c.fillPolygon(h[:], st.Stroke)
		}
	}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		c.box(n.Rect(), n.Style())
		c.texts(faces, n.Text)
	}
	for i := range d.Edges {
		c.texts(faces, d.Edges[i].Text)
	}
	for i := range d.Legend {
		le := &d.Legend[i]
		st := le.Style()
		if le.Symbol == SymbolNode {
			c.box(Rect{le.X, le.Y, le.W, le.H}, st)
		} else {
			if le.Symbol == SymbolLine {
				c.polyline(le.Line(), false, st)
			}
			for _, h := range le.Arrows() {
				c.fillPolygon(h[:], st.Stroke)
			}
		}
		c.texts(faces, []TextLine{le.Text})
	}
	return (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(w, c.img)
}

// canvas draws diagram shapes, in diagram units, onto an image.
type canvas struct {
	img *image.RGBA
	s   float64
}

// fill rasterises polygons (in diagram units) in one colour, within their
// bounding box only; a polygon inside another that runs the other way round
// cuts a hole.
func (c *canvas) fill(col string, polys [][]Point) {
	if col == "" || len(polys) == 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, poly := range polys {
		for _, p := range poly {
			minX, minY = math.Min(minX, p.X*c.s), math.Min(minY, p.Y*c.s)
			maxX, maxY = math.Max(maxX, p.X*c.s), math.Max(maxY, p.Y*c.s)
		}
	}
	r := image.Rect(int(math.Floor(minX))-1, int(math.Floor(minY))-1, int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range polys {
		for i, p := range poly {
			x, y := float32(p.X*c.s-ox), float32(p.Y*c.s-oy)
			if i == 0 {
				z.MoveTo(x, y)
			} else {
				z.LineTo(x, y)
			}
		}
		z.ClosePath()
	}
	z.Draw(c.img, r, image.NewUniform(parseHex(col)), image.Point{})
}

// fillPolygon fills a closed polygon.
func (c *canvas) fillPolygon(pts []Point, col string) {
	c.fill(col, [][]Point{pts})
}

// box draws a rectangle with rounded corners: its fill, then its border.
func (c *canvas) box(r Rect, st Style) {
	outline := roundedRect(r, st.Radius)
	c.fillPolygon(outline, st.Fill)
	if len(st.Dash) > 0 || st.Stroke == "" {
		c.polyline(outline, true, st)
		return
	}
	// A solid border is the ring between two rounded rectangles: the inner
	// one runs the other way round, so that it cuts the hole.
	hw := st.Width / 2
	outer := roundedRect(Rect{r.X - hw, r.Y - hw, r.W + 2*hw, r.H + 2*hw}, st.Radius+hw)
	inner := roundedRect(Rect{r.X + hw, r.Y + hw, r.W - 2*hw, r.H - 2*hw}, math.Max(st.Radius-hw, 0))
	for i, j := 0, len(inner)-1; i < j; i, j = i+1, j-1 {
		inner[i], inner[j] = inner[j], inner[i]
	}
	c.fill(st.Stroke, [][]Point{outer, inner})
}

// roundedRect returns the outline of r with corners of radius rad as a
// polygon, clockwise, each corner flattened into 8 segments.
func roundedRect(r Rect, rad float64) []Point {
	rad = math.Min(rad, math.Min(r.W, r.H)/2)
	if rad <= 0 {
		return []Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}
	}
	const steps = 8
	corners := []struct{ cx, cy, start float64 }{
		{r.X + r.W - rad, r.Y + rad, -math.Pi / 2}, // top right
		{r.X + r.W - rad, r.Y + r.H - rad, 0},      // bottom right
		{r.X + rad, r.Y + r.H - rad, math.Pi / 2},  // bottom left
		{r.X + rad, r.Y + rad, math.Pi},            // top left
	}
	var pts []Point
	for _, k := range corners {
		for i := 0; i <= steps; i++ {
			a := k.start + float64(i)*math.Pi/2/steps
			pts = append(pts, Point{k.cx + rad*math.Cos(a), k.cy + rad*math.Sin(a)})
		}
	}
	return pts
}

// polyline strokes the line through pts (closed: back to the first point)
// in the stroke colour, width and dash pattern of st. Each dash is drawn
// as a rectangle along its segment, and each vertex as a square of the
// line's width turned to the segment, so corners are closed.
func (c *canvas) polyline(pts []Point, closed bool, st Style) {
	if st.Stroke == "" || st.Width <= 0 || len(pts) < 2 {
		return
	}
	if closed {
		pts = append(append([]Point(nil), pts...), pts[0])
	}
	hw := st.Width / 2
	var polys [][]Point
	{ // the pieces of the line: dashes, or the segments of a solid line
		pattern, on := st.Dash, true
		idx, left := 0, math.Inf(1)
		if len(pattern) > 0 {
			left = pattern[0]
		}
		for i := 1; i < len(pts); i++ {
			a, b := pts[i-1], pts[i]
			dx, dy := b.X-a.X, b.Y-a.Y
			length := math.Hypot(dx, dy)
			if length == 0 {
				continue
			}
			ux, uy := dx/length, dy/length
			for pos := 0.0; pos < length; {
				step := math.Min(left, length-pos)
				if on {
					p0 := Point{a.X + ux*pos, a.Y + uy*pos}
					p1 := Point{a.X + ux*(pos+step), a.Y + uy*(pos+step)}
					// A dash that reaches a vertex goes on around it: extend
					// it by half the width, as a square line join.
					ext0, ext1 := 0.0, 0.0
					if pos == 0 && i > 1 {
						ext0 = hw
					}
					if pos+step == length && i < len(pts)-1 {
						ext1 = hw
					}
					p0 = Point{p0.X - ux*ext0, p0.Y - uy*ext0}
					p1 = Point{p1.X + ux*ext1, p1.Y + uy*ext1}
					polys = append(polys, []Point{
						{p0.X - uy*hw, p0.Y + ux*hw}, {p1.X - uy*hw, p1.Y + ux*hw},
						{p1.X + uy*hw, p1.Y - ux*hw}, {p0.X + uy*hw, p0.Y - ux*hw},
					})
				}
				pos += step
				left -= step
				if left <= 0 && len(pattern) > 0 {
					idx = (idx + 1) % len(pattern)
					left, on = pattern[idx], !on
				}
			}
		}
	}
	// Each piece on its own: orthogonal lines then need thin bounding
	// boxes, not one the size of the whole picture.
	for _, poly := range polys {
		c.fillPolygon(poly, st.Stroke)
	}
}

// faceSet holds the two faces of one text size.
type faceSet struct{ regular, bold font.Face }

// fontsOnce parses the embedded DejaVu Sans fonts once.
var fontsOnce = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	var out [2]*sfnt.Font
	for i, ttf := range [][]byte{dejavusans.TTF, dejavusansbold.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return out, err
		}
		out[i] = f
	}
	return out, nil
})

// faces returns a function that gives the faces of a text size in diagram
// units, creating each size once.
func (c *canvas) faces() (func(size float64, bold bool) (font.Face, error), error) {
	fs, err := fontsOnce()
	if err != nil {
		return nil, err
	}
	cache := map[float64]faceSet{}
	return func(size float64, bold bool) (font.Face, error) {
		set, ok := cache[size]
		if !ok {
			for i, f := range fs {
				face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size * c.s, DPI: 72, Hinting: font.HintingNone})
				if err != nil {
					return nil, err
				}
				if i == 0 {
					set.regular = face
				} else {
					set.bold = face
				}
			}
			cache[size] = set
		}
		if bold {
			return set.bold, nil
		}
		return set.regular, nil
	}, nil
}

// texts draws text lines at their baseline, aligned by their anchor.
func (c *canvas) texts(faces func(float64, bool) (font.Face, error), lines []TextLine) {
	for _, t := range lines {
		face, err := faces(t.Size, t.Bold)
		if err != nil {
			continue
		}
		col := t.Color
		if col == "" {
			col = ColorText
		}
		dr := &font.Drawer{Dst: c.img, Src: image.NewUniform(parseHex(col)), Face: face}
		x := t.X * c.s
		switch t.Anchor {
		case AnchorMiddle:
			x -= float64(dr.MeasureString(t.Text)) / 64 / 2
		case AnchorEnd:
			x -= float64(dr.MeasureString(t.Text)) / 64
		}
		dr.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(t.Y * c.s * 64))}
		dr.DrawString(t.Text)
	}
}

// parseHex parses a #rrggbb colour; anything else is the text colour.
func parseHex(s string) color.RGBA {
	if len(s) == 7 && s[0] == '#' {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
		}
	}
	return color.RGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
}
