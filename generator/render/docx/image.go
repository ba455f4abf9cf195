package docx

import (
	"bytes"
	"image"
	_ "image/jpeg" // JPEG images in documents
	_ "image/png"  // PNG images in documents
	"strconv"

	"github.com/docgen/docgen/generator/docmodel"
)

// emuPerTwip converts twentieths of a point to English Metric Units, the
// unit of DrawingML sizes.
const emuPerTwip = 635

// emuPerPixel is the size of a pixel at 96 dpi in English Metric Units.
const emuPerPixel = 9525

// picture is an image that can be embedded: a PNG or JPEG raster, and
// optionally the SVG that Word 2016 and later show instead.
type picture struct {
	raster, rasterExt string // media part name and extension of the raster
	svg               string // media part name of the SVG, "" for none
	// width and height are the natural size in EMU.
	width, height int64
}

// picture returns the embeddable picture of src, adding its media parts
// on first use, or false when the assets have none (the reason is
// recorded as a warning).
func (b *builder) picture(src string) (picture, bool) {
	if p, ok := b.pictures[src]; ok {
		return p, p.raster != ""
	}
	p := b.loadPicture(src)
	b.pictures[src] = p
	return p, p.raster != ""
}

func (b *builder) loadPicture(src string) picture {
	a, ok := b.opts.Assets[src]
	if !ok {
		b.warn("docx.warn.image_missing", src)
		return picture{}
	}
	data := a.Data
	var svg []byte
	if isSVG(data) && len(a.Raster) > 0 {
		svg, data = data, a.Raster // Word 2016 shows the SVG, others the PNG
	}
	ext := rasterKind(data)
	if ext == "" {
		if isSVG(data) {
			b.warn("docx.warn.image_svg", src)
		} else {
			b.warn("docx.warn.image_bad", src)
		}
		return picture{}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		b.warn("docx.warn.image_bad", src)
		return picture{}
	}
	n := strconv.Itoa(len(b.media) + 1)
	p := picture{raster: "media/image" + n + "." + ext, rasterExt: ext,
		width: int64(cfg.Width) * emuPerPixel, height: int64(cfg.Height) * emuPerPixel}
	b.media = append(b.media, part{name: "word/" + p.raster, data: data})
	if svg != nil {
		p.svg = "media/image" + n + ".svg"
		b.media = append(b.media, part{name: "word/" + p.svg, data: svg})
	}
	return p
}

// rasterKind returns "png" or "jpeg" for image data Word can show, or "".
func rasterKind(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "jpeg"
	}
	return ""
}

// isSVG reports whether data looks like an SVG image.
func isSVG(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("<svg"))
}

// fit returns the size of a picture scaled down to at most maxW wide and
// maxH high (in EMU), keeping its proportions.
func (p picture) fit(maxW, maxH int64) (int64, int64) {
	w, h := p.width, p.height
	if w > maxW {
		w, h = maxW, h*maxW/w
	}
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	return max(w, 1), max(h, 1)
}

// drawing writes an inline picture of size cx, cy with its alternative
// text (title) and long description.
func (b *builder) drawing(w *xw, p picture, cx, cy int64, title, descr string) {
	b.drawings++
	id := strconv.Itoa(b.drawings)
	scx, scy := strconv.FormatInt(cx, 10), strconv.FormatInt(cy, 10)
	if descr == "" {
		descr = title
	}
	w.open("w:r")
	w.open("w:drawing")
	w.open("wp:inline", "distT", "0", "distB", "0", "distL", "0", "distR", "0")
	w.empty("wp:extent", "cx", scx, "cy", scy)
	w.empty("wp:effectExtent", "l", "0", "t", "0", "r", "0", "b", "0")
	w.empty("wp:docPr", "id", id, "name", "Picture "+id, "descr", descr, "title", title)
	w.open("wp:cNvGraphicFramePr")
	w.empty("a:graphicFrameLocks", "noChangeAspect", "1")
	w.close("wp:cNvGraphicFramePr")
	w.open("a:graphic")
	w.open("a:graphicData", "uri", nsPic)
	w.open("pic:pic")
	w.open("pic:nvPicPr")
	w.empty("pic:cNvPr", "id", "0", "name", "image"+id+"."+p.rasterExt, "descr", descr)
	w.empty("pic:cNvPicPr")
	w.close("pic:nvPicPr")
	w.open("pic:blipFill")
	rid := b.rels.add(relImage, p.raster, false)
	if p.svg != "" {
		w.open("a:blip", "r:embed", rid)
		w.open("a:extLst")
		w.open("a:ext", "uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}")
		w.empty("asvg:svgBlip", "xmlns:asvg", nsASVG, "r:embed", b.rels.add(relImage, p.svg, false))
		w.close("a:ext")
		w.close("a:extLst")
		w.close("a:blip")
	} else {
		w.empty("a:blip", "r:embed", rid)
	}
	w.open("a:stretch")
	w.empty("a:fillRect")
	w.close("a:stretch")
	w.close("pic:blipFill")
	w.open("pic:spPr")
	w.open("a:xfrm")
	w.empty("a:off", "x", "0", "y", "0")
	w.empty("a:ext", "cx", scx, "cy", scy)
	w.close("a:xfrm")
	w.open("a:prstGeom", "prst", "rect")
	w.empty("a:avLst")
	w.close("a:prstGeom")
	w.close("pic:spPr")
	w.close("pic:pic")
	w.close("a:graphicData")
	w.close("a:graphic")
	w.close("wp:inline")
	w.close("w:drawing")
	w.close("w:r")
}

// figure writes a figure: the picture in a paragraph of its own, then the
// caption. Without a picture it shows the alternative text and the
// description, so that no content is lost.
func (b *builder) figure(w *xw, f *docmodel.Figure, c ctx) {
	p, ok := b.picture(f.Src)
	if ok {
		cx, cy := p.fit(b.pictureBox(c.indent))
		w.open("w:p")
		b.pPr(w, para{style: sFigure, indent: c.indent})
		b.drawing(w, p, cx, cy, f.Alt, f.Description)
		w.close("w:p")
	} else {
		b.paragraph(w, para{style: sFigure, indent: c.indent}, docmodel.Plain(b.imageMissing(f.Alt, f.Src)), runFmt{italic: true})
		if f.Description != "" {
			b.paragraph(w, c.plain(), docmodel.Plain(f.Description), runFmt{})
		}
	}
	if len(f.Caption) > 0 {
		b.paragraph(w, para{style: sCaption, indent: c.indent}, f.Caption, runFmt{})
	}
}

// inlineImage writes an image inside a paragraph at its natural size (at
// most the text width), or its alternative text.
func (b *builder) inlineImage(w *xw, img *docmodel.Image, f runFmt) {
	p, ok := b.picture(img.Src)
	if !ok {
		g := f
		g.italic = true
		b.run(w, g, b.imageMissing(img.Alt, img.Src))
		return
	}
	cx, cy := p.fit(b.pictureBox(0))
	b.drawing(w, p, cx, cy, img.Alt, img.Title)
}

// imageMissing is the text shown instead of an image that cannot be
// embedded.
func (b *builder) imageMissing(alt, src string) string {
	if alt == "" {
		alt = src
	}
	return b.m.Format("docx.image_missing", alt)
}
