package pdfwriter

import (
	"math"
	"strconv"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// content builds the content stream of one page. Every operation that
// draws is enclosed in marked content: the structure element it is tagged
// with (with a marked-content identifier that the structure tree refers
// to), or an artifact.
type content struct {
	w    *writer
	page int
	h    float64
	b    []byte

	// fonts is the set of faces used (bit i for face i), images the
	// images in order of first use.
	fonts  uint
	images []*imageObj

	face         fonts.Face
	size         float64
	fontSet      bool
	fill, stroke layout.Color
	lineWidth    float64
	dashed       bool
	inText       bool
	// lineX, lineY are the origin of the text line matrix inside the open
	// text object, for relative moves (Td).
	lineX, lineY float64
	marked       bool
	tag          *layout.Elem
	hex          []byte
	imageSet     map[*imageObj]bool
	tagged       bool
}

func newContent(w *writer, page int, h float64, buf []byte) *content {
	return &content{w: w, page: page, h: h, b: buf, fill: layout.Black, stroke: layout.Black, lineWidth: 1,
		tagged: w.st.tagged()}
}

// op draws one operation.
func (c *content) op(op layout.Op) {
	switch o := op.(type) {
	case layout.Text:
		c.text(o)
	case layout.Rect:
		c.rect(o)
	case layout.Path:
		c.path(o)
	case layout.Image:
		c.image(o)
	}
}

// finish closes what is open and returns the stream's data.
func (c *content) finish() []byte {
	c.endText()
	c.unmark()
	return c.b
}

func (c *content) endText() {
	if c.inText {
		c.b = append(c.b, "ET\n"...)
		c.inText = false
	}
}

func (c *content) unmark() {
	if c.marked {
		c.endText()
		c.b = append(c.b, "EMC\n"...)
		c.marked = false
	}
}

// mark opens the marked content of tag, unless it is open.
func (c *content) mark(tag *layout.Elem) {
	if !c.tagged || (c.marked && tag == c.tag) {
		return
	}
	c.unmark()
	c.tag, c.marked = tag, true
	switch {
	case layout.IsContent(tag) && c.w.st.known(tag):
		mcid := c.w.st.content(tag, c.page)
		c.b = appendName(c.b, tag.Type)
		c.b = append(c.b, " <</MCID "...)
		c.b = strconv.AppendInt(c.b, int64(mcid), 10)
		c.b = append(c.b, ">> BDC\n"...)
	case tag.Artifact() == "Header" || tag.Artifact() == "Footer":
		c.b = append(c.b, "/Artifact <</Type /Pagination /Subtype /"...)
		c.b = append(c.b, tag.Artifact()...)
		c.b = append(c.b, ">> BDC\n"...)
	case tag.Artifact() == "Pagination":
		c.b = append(c.b, "/Artifact <</Type /Pagination>> BDC\n"...)
	default:
		c.b = append(c.b, "/Artifact BMC\n"...)
	}
}

// color appends a colour operator.
func (c *content) color(col layout.Color, op string) {
	r, g, b := col.RGB()
	c.b = appendNum(c.b, float64(r)/255, 3)
	c.b = append(c.b, ' ')
	c.b = appendNum(c.b, float64(g)/255, 3)
	c.b = append(c.b, ' ')
	c.b = appendNum(c.b, float64(b)/255, 3)
	c.b = append(c.b, ' ')
	c.b = append(c.b, op...)
	c.b = append(c.b, '\n')
}

func (c *content) setFill(col layout.Color) {
	if col != c.fill {
		c.color(col, "rg")
		c.fill = col
	}
}

func (c *content) nums(xs ...float64) {
	for _, x := range xs {
		c.b = appendNum(c.b, x, 2)
		c.b = append(c.b, ' ')
	}
}

func (c *content) text(o layout.Text) {
	if o.S == "" || int(o.Face) >= len(faceNames) {
		return
	}
	f := c.w.fontOf(o.Face)
	c.hex = c.hex[:0]
	for _, r := range o.S {
		if cid := f.cid(r); cid != 0 {
			c.hex = append(c.hex, hexDigits[cid>>12], hexDigits[cid>>8&15], hexDigits[cid>>4&15], hexDigits[cid&15])
		}
	}
	if len(c.hex) == 0 {
		return
	}
	c.mark(o.Tag)
	c.fonts |= 1 << o.Face
	if !c.inText {
		c.b = append(c.b, "BT\n"...)
		c.inText = true
		c.lineX, c.lineY = 0, 0
	}
	if !c.fontSet || o.Face != c.face || o.Size != c.size {
		c.b = append(c.b, '/')
		c.b = append(c.b, faceNames[o.Face]...)
		c.b = append(c.b, ' ')
		c.nums(o.Size)
		c.b = append(c.b, "Tf\n"...)
		c.face, c.size, c.fontSet = o.Face, o.Size, true
	}
	c.setFill(o.Color)
	// Move relative to the start of the previous text (Td), in the
	// numbers as written, so that positions do not drift.
	x, y := round2(o.X), round2(c.h-o.Y)
	c.nums(x-c.lineX, y-c.lineY)
	c.lineX, c.lineY = x, y
	c.b = append(c.b, "Td <"...)
	c.b = append(c.b, c.hex...)
	c.b = append(c.b, "> Tj\n"...)
	if o.Tag != nil && o.Tag.Type == "Figure" {
		asc := o.Face.Ascent() * o.Size
		c.w.st.extend(o.Tag, c.page, o.X, o.Y-asc, o.X+o.Face.Width(o.S, o.Size), o.Y+o.Face.Descent()*o.Size)
	}
}

const hexDigits = "0123456789ABCDEF"

// round2 rounds x to the two decimals numbers are written with.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// paint sets the colours and line style of a shape and returns the
// painting operator, "" if there is nothing to paint.
func (c *content) paint(fill, stroke layout.Color, width float64, dash []float64, closed bool) string {
	doFill := fill != layout.None && closed
	doStroke := stroke != layout.None && width > 0
	if !doFill && !doStroke {
		return ""
	}
	c.endText()
	if doFill {
		c.setFill(fill)
	}
	if doStroke {
		if stroke != c.stroke {
			c.color(stroke, "RG")
			c.stroke = stroke
		}
		if width != c.lineWidth {
			c.nums(width)
			c.b = append(c.b, "w\n"...)
			c.lineWidth = width
		}
		if len(dash) > 0 {
			c.b = append(c.b, '[')
			for i, d := range dash {
				if i > 0 {
					c.b = append(c.b, ' ')
				}
				c.b = appendNum(c.b, math.Max(d, 0), 2)
			}
			c.b = append(c.b, "] 0 d\n"...)
			c.dashed = true
		} else if c.dashed {
			c.b = append(c.b, "[] 0 d\n"...)
			c.dashed = false
		}
	}
	switch {
	case doFill && doStroke:
		return "B\n"
	case doFill:
		return "f\n"
	}
	return "S\n"
}

// bezierK is the distance of the control points of a quarter circle
// approximated by a cubic Bézier curve, as a fraction of the radius.
const bezierK = 0.5523

func (c *content) rect(o layout.Rect) {
	if o.W <= 0 || o.H <= 0 {
		return
	}
	op := c.paint(o.Fill, o.Stroke, o.LineWidth, o.Dash, true)
	if op == "" {
		return
	}
	c.mark(o.Tag)
	if o.Tag != nil && o.Tag.Type == "Figure" {
		c.w.st.extend(o.Tag, c.page, o.X, o.Y, o.X+o.W, o.Y+o.H)
	}
	x0, y0 := o.X, c.h-o.Y-o.H // bottom left in PDF space
	if r := math.Min(o.Radius, math.Min(o.W/2, o.H/2)); r > 0 {
		x1, y1 := x0+o.W, y0+o.H
		k := r * bezierK
		c.nums(x0+r, y0)
		c.b = append(c.b, "m\n"...)
		c.nums(x1-r, y0)
		c.b = append(c.b, "l\n"...)
		c.nums(x1-r+k, y0, x1, y0+r-k, x1, y0+r)
		c.b = append(c.b, "c\n"...)
		c.nums(x1, y1-r)
		c.b = append(c.b, "l\n"...)
		c.nums(x1, y1-r+k, x1-r+k, y1, x1-r, y1)
		c.b = append(c.b, "c\n"...)
		c.nums(x0+r, y1)
		c.b = append(c.b, "l\n"...)
		c.nums(x0+r-k, y1, x0, y1-r+k, x0, y1-r)
		c.b = append(c.b, "c\n"...)
		c.nums(x0, y0+r)
		c.b = append(c.b, "l\n"...)
		c.nums(x0, y0+r-k, x0+r-k, y0, x0+r, y0)
		c.b = append(c.b, "c\nh\n"...)
	} else {
		c.nums(x0, y0, o.W, o.H)
		c.b = append(c.b, "re\n"...)
	}
	c.b = append(c.b, op...)
}

func (c *content) path(o layout.Path) {
	if len(o.Points) < 2 {
		return
	}
	op := c.paint(o.Fill, o.Stroke, o.LineWidth, o.Dash, o.Closed)
	if op == "" {
		return
	}
	c.mark(o.Tag)
	for i, p := range o.Points {
		if o.Tag != nil && o.Tag.Type == "Figure" {
			c.w.st.extend(o.Tag, c.page, p.X, p.Y, p.X, p.Y)
		}
		c.nums(p.X, c.h-p.Y)
		if i == 0 {
			c.b = append(c.b, "m\n"...)
		} else {
			c.b = append(c.b, "l\n"...)
		}
	}
	if o.Closed {
		c.b = append(c.b, "h\n"...)
	}
	c.b = append(c.b, op...)
}

func (c *content) image(o layout.Image) {
	if o.W <= 0 || o.H <= 0 {
		return
	}
	im := c.w.image(o.Key)
	if im == nil {
		return
	}
	c.mark(o.Tag)
	c.endText()
	if c.imageSet == nil {
		c.imageSet = map[*imageObj]bool{}
	}
	if !c.imageSet[im] {
		c.imageSet[im] = true
		c.images = append(c.images, im)
	}
	if o.Tag != nil && o.Tag.Type == "Figure" {
		c.w.st.extend(o.Tag, c.page, o.X, o.Y, o.X+o.W, o.Y+o.H)
	}
	c.b = append(c.b, "q\n"...)
	c.nums(o.W, 0, 0, o.H, o.X, c.h-o.Y-o.H)
	c.b = append(c.b, "cm\n/"...)
	c.b = append(c.b, im.name...)
	c.b = append(c.b, " Do\nQ\n"...)
}
