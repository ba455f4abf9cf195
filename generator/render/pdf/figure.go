package pdf

import (
	"bytes"
	"image"
	_ "image/jpeg" // DecodeConfig reads JPEG sizes
	_ "image/png"  // and PNG sizes
	"math"
	"strings"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdfwriter"
)

// minLabel is the smallest size, in points, of diagram labels in the text
// column; minLabelPage the smallest on a page of the diagram's own, below
// which a warning says the labels are hard to read in print.
const (
	minLabel     = 6
	minLabelPage = 4.5
)

// figurePage returns the template of a page of a figure's own, w × h: the
// margins leave room for the running header and footer and no more.
func figurePage(w, h float64) *layout.Template {
	return &layout.Template{Width: w, Height: h, Top: 60, Bottom: 52, Left: 40, Right: 40}
}

// pxToPt converts image pixels to points, at 96 pixels per inch.
const pxToPt = 0.75

// figure lays out a figure, read from source line line, and reports
// whether it added anything: a network diagram (the figure's own, or that
// of the asset its Src names) as vector graphics, a PNG or JPEG image
// scaled to fit, or, for an image that is not available, its description
// in a box. A figure is tagged Figure, with its alternative text (see
// figureAlt), and its caption Caption.
func (r *renderer) figure(f *docmodel.Figure, line int, c ctx, space float64) bool {
	key := f.Src
	alt := strings.TrimSpace(f.Alt)
	caption := f.Caption
	if len(caption) == 0 {
		caption = docmodel.Plain(alt)
	}
	asset, ok := r.opts.Assets[key]
	d := f.Diagram
	if d == nil {
		d = asset.Diagram
	}
	switch {
	case d != nil && d.Width > 0 && d.Height > 0:
		fig := c.parent.Add("Figure")
		fig.Alt = figureAlt(f, d)
		r.diagram(d, caption, c, space, line, fig)
	case ok && len(asset.Data) > 0:
		if !pdfwriter.Embeddable(asset.Data) {
			r.warn.add(line, msg.Format("pdf.warn.image_bad", key))
			r.placeholder(alt, key, c, space)
			break
		}
		fig := c.parent.Add("Figure")
		fig.Alt = figureAlt(f, nil)
		r.raster(key, asset.Data, caption, c, space, line, fig)
	default:
		r.warn.add(line, msg.Format("pdf.warn.image_missing", key))
		r.placeholder(alt, key, c, space)
	}
	return true
}

// placeholder shows the description of an image that cannot be shown, in
// a dashed box.
func (r *renderer) placeholder(alt, key string, c ctx, space float64) {
	if alt == "" {
		alt = key
	}
	st := plain(fonts.Italic, sizeCaption, colorMuted)
	st.Tag = c.parent.Add("P")
	inner := c.indent(8)
	inner.w -= 8
	items := r.textItems(r.m.Format("pdf.image_missing", alt), st, inner, 1.35, 0)
	fr := &layout.Frame{X: c.x, W: c.w, Fill: layout.None, Border: colorRule, Bar: layout.None, PadTop: 5, PadBottom: 5}
	r.open(fr, space)
	layout.Keep(items)
	r.add(items...)
	r.flow.Close(fr)
}

// raster places a PNG or JPEG image, at most at its natural size (96 dpi),
// scaled to the column and to most of a page's height.
func (r *renderer) raster(key string, data []byte, caption []docmodel.Inline, c ctx, space float64, line int, fig *layout.Elem) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return
	}
	w := math.Min(float64(cfg.Width)*pxToPt, c.w)
	h := w * float64(cfg.Height) / float64(cfg.Width)
	capItems := r.caption(caption, c, line)
	maxH := r.tpl.ContentHeight() - itemsHeight(capItems) - 4
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	r.images[key] = data
	it := &layout.Item{H: h, SpaceBefore: space, KeepWithNext: len(capItems) > 0,
		Ops: []layout.Op{layout.Image{X: c.x + (c.w-w)/2, Y: 0, W: w, H: h, Key: key, Tag: fig}}}
	r.add(it)
	r.add(capItems...)
}

// caption returns the caption lines of a figure, centred under it.
func (r *renderer) caption(content []docmodel.Inline, c ctx, line int) []*layout.Item {
	if len(content) == 0 {
		return nil
	}
	st := plain(fonts.Italic, sizeCaption, colorMuted)
	b := r.newInliner(c.parent.Add("Caption"), line)
	b.inlines(content, st)
	b.in.TrimSpace()
	lines := b.in.Lines(c.w, 1.35, r.st.get(st))
	items := make([]*layout.Item, len(lines))
	for i := range lines {
		items[i] = lines[i].Item(c.x, c.w, layout.AlignCenter)
	}
	layout.Keep(items)
	if len(items) > 0 {
		items[0].SpaceBefore = 5
	}
	return items
}

func itemsHeight(items []*layout.Item) float64 {
	h := 0.0
	for _, it := range items {
		h += it.SpaceBefore + it.H
	}
	return h
}

// diagram places the network diagram as vector graphics, tagged as the
// figure fig: across the column if its labels stay at least minLabel
// points high at that scale, else alone on a page turned to landscape (of
// the document's paper size: a document never changes paper).
func (r *renderer) diagram(d *diagram.Diagram, caption []docmodel.Inline, c ctx, space float64, line int, fig *layout.Elem) {
	smallest := smallestLabel(d)
	capItems := r.caption(caption, c, line)
	capH := itemsHeight(capItems)
	s := math.Min(1, c.w/d.Width)
	if smallest*s >= minLabel && d.Height*s+capH <= r.tpl.ContentHeight() {
		x := c.x + (c.w-d.Width*s)/2
		it := &layout.Item{H: d.Height * s, SpaceBefore: space, KeepWithNext: len(capItems) > 0, Ops: r.diagramOps(d, s, x, 0, line, fig)}
		r.add(it)
		r.add(capItems...)
		return
	}
	normal := paper(r.opts.PageSize)
	sizes := [][2]float64{normal, {normal[1], normal[0]}}
	var best *layout.Template
	bestS := 0.0
	for _, sz := range sizes {
		t := figurePage(sz[0], sz[1])
		cw := t.ContentWidth()
		capH := itemsHeight(r.caption(caption, ctx{w: cw}, line))
		sc := math.Min(1, math.Min(cw/d.Width, (t.ContentHeight()-capH)/d.Height))
		if sc > bestS*1.001 {
			best, bestS = t, sc
		}
		if smallest*sc >= minLabel {
			best, bestS = t, sc
			break
		}
	}
	if smallest*bestS < minLabelPage {
		r.warn.add(line, msg.Format("pdf.warn.image_small", d.Title, minLabelPage))
	}
	cw := best.ContentWidth()
	pc := ctx{x: 0, w: cw, size: sizeBody, color: colorText}
	pc.parent = c.parent
	ops := r.diagramOps(d, bestS, (cw-d.Width*bestS)/2, 0, line, fig)
	y := d.Height * bestS
	for _, it := range r.caption(caption, pc, line) {
		y += it.SpaceBefore
		ops = append(ops, layout.Translate(it.Ops, 0, y)...)
		y += it.H
	}
	r.add(&layout.Item{H: y, Page: best, Ops: ops})
}

// figureAlt returns the alternative text of a figure: its short text (or,
// without one, its caption or file name) and its description, and for a
// network diagram the description of what it shows, generated from its
// data.
func figureAlt(f *docmodel.Figure, d *diagram.Diagram) string {
	alt := strings.TrimSpace(f.Alt)
	if alt == "" {
		alt = strings.TrimSpace(docmodel.PlainText(f.Caption))
	}
	if alt == "" {
		alt = f.Src
	}
	parts := []string{alt}
	if desc := strings.TrimSpace(f.Description); desc != "" {
		parts = append(parts, desc)
	}
	if d != nil {
		// A figure the documents build already carries the description
		// as its own; state it once.
		if desc := d.Describe(); desc != "" && desc != strings.TrimSpace(f.Description) {
			parts = append(parts, desc)
		}
	}
	for i, p := range parts[:len(parts)-1] {
		if !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, ":") {
			parts[i] = p + "."
		}
	}
	return strings.Join(parts, " ")
}

// smallestLabel returns the size of the smallest text of d.
func smallestLabel(d *diagram.Diagram) float64 {
	s := math.Inf(1)
	see := func(ts []diagram.TextLine) {
		for _, t := range ts {
			if t.Text != "" && t.Size > 0 {
				s = math.Min(s, t.Size)
			}
		}
	}
	for i := range d.Zones {
		see(d.Zones[i].Text)
	}
	for i := range d.Nodes {
		see(d.Nodes[i].Text)
	}
	for i := range d.Edges {
		see(d.Edges[i].Text)
	}
	for i := range d.Legend {
		see([]diagram.TextLine{d.Legend[i].Text})
	}
	if math.IsInf(s, 1) {
		return minLabel
	}
	return s
}
