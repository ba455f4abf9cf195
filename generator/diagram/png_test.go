package diagram_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/docgen/docgen/generator/diagram"
)

// TestPNG rasterises each example and checks the picture against the
// diagram's own data: the image has the diagram's size at the scale, the
// background is white, every node box has its kind's fill just inside a
// corner (the centre holds text) and its border colour on its top edge,
// every solid edge's colour appears on its line, text is drawn, and two
// renderings are the same bytes.
func TestPNG(t *testing.T) {
	ex := examples(t)
	for _, name := range exampleNames() {
		d, err := diagram.Build(ex[name])
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := d.WritePNG(&a, diagram.PNGScale); err != nil {
			t.Fatal(err)
		}
		if err := d.WritePNG(&b, diagram.PNGScale); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two PNG renderings differ", name)
		}
		img, err := png.Decode(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s := float64(diagram.PNGScale)
		if got := img.Bounds().Size(); got.X < int(d.Width*s) || got.X > int(d.Width*s)+1 || got.Y < int(d.Height*s) || got.Y > int(d.Height*s)+1 {
			t.Errorf("%s: image is %v, want %gx%g", name, got, d.Width*s, d.Height*s)
		}
		at := func(x, y float64) color.RGBA {
			return color.RGBAModel.Convert(img.At(int(x*s), int(y*s))).(color.RGBA)
		}
		if c := at(1, 1); c != (color.RGBA{255, 255, 255, 255}) {
			t.Errorf("%s: background %v, want white", name, c)
		}
		for _, n := range d.Nodes {
			want := hex(n.Style().Fill)
			if c := at(n.X+4, n.Y+4); !near(c, want) {
				t.Errorf("%s: node %s is %v inside its corner, want its fill %v", name, n.ID, c, want)
			}
			border := hex(n.Style().Stroke)
			if c := at(n.X+n.W/2, n.Y); !near(c, border) {
				t.Errorf("%s: node %s border is %v, want %v", name, n.ID, c, border)
			}
		}
		for _, e := range d.Edges {
			if e.Style().Dash == nil && !lineHasColor(img, e, s) {
				t.Errorf("%s: the line of edge %s is not drawn in %s", name, e.ID, e.Color)
			}
		}
		if !hasColor(img, image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()), hex(diagram.ColorText)) {
			t.Errorf("%s: no text drawn", name)
		}
	}
}

// lineHasColor reports whether the middle of the first long enough segment
// of e is drawn in the edge's colour.
func lineHasColor(img image.Image, e diagram.Edge, s float64) bool {
	want := hex(e.Color)
	for i := 1; i < len(e.Points); i++ {
		a, b := e.Points[i-1], e.Points[i]
		if abs(a.X-b.X)+abs(a.Y-b.Y) < 20 {
			continue
		}
		x, y := (a.X+b.X)/2*s, (a.Y+b.Y)/2*s
		return hasColor(img, image.Rect(int(x)-2, int(y)-2, int(x)+3, int(y)+3), want)
	}
	return true
}

func hasColor(img image.Image, r image.Rectangle, want color.RGBA) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if near(color.RGBAModel.Convert(img.At(x, y)).(color.RGBA), want) {
				return true
			}
		}
	}
	return false
}

func hex(s string) color.RGBA {
	var c color.RGBA
	c.A = 255
	for i, p := range []*uint8{&c.R, &c.G, &c.B} {
		v := 0
		for _, ch := range s[1+2*i : 3+2*i] {
			v *= 16
			switch {
			case ch >= '0' && ch <= '9':
				v += int(ch - '0')
			default:
				v += int(ch|0x20-'a') + 10
			}
		}
		*p = uint8(v)
	}
	return c
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) <= 8 && d(a.G, b.G) <= 8 && d(a.B, b.B) <= 8
}
