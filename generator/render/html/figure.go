package html

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// image is how an image appears in the page: inline SVG, a raster image
// embedded as a data: URL, or a link to the file next to the page.
type image struct {
	svg []byte // the <svg> element, when the asset is SVG
	src string // the src of an <img>, when it is not
}

// imageFor returns how the image with the given Src appears: an asset
// (render.Options.Assets) is put into the page, so that the page loads
// nothing; any other image stays a relative <img>. An asset that is neither
// SVG nor a raster format browsers show is an error.
func (w *writer) imageFor(src string) (image, error) {
	a, ok := w.assets[src]
	if !ok || len(a.Data) == 0 {
		return image{src: src}, nil
	}
	if media := rasterType(a.Data); media != "" {
		return image{src: "data:" + media + ";base64," + base64.StdEncoding.EncodeToString(a.Data)}, nil
	}
	if i := bytes.Index(a.Data, []byte("<svg")); i >= 0 {
		// Drop the XML declaration, doctype and comments before the
		// element; the SVG is docgen's own drawing and trusted.
		return image{svg: bytes.TrimSpace(a.Data[i:])}, nil
	}
	return image{}, errors.New(msg.Format("html.bad_asset", src))
}

// rasterType returns the media type of PNG, JPEG, GIF and WebP data, or "".
func rasterType(data []byte) string {
	s := string(data[:min(len(data), 12)])
	switch {
	case strings.HasPrefix(s, "\x89PNG\r\n\x1a\n"):
		return "image/png"
	case strings.HasPrefix(s, "\xff\xd8\xff"):
		return "image/jpeg"
	case strings.HasPrefix(s, "GIF87a"), strings.HasPrefix(s, "GIF89a"):
		return "image/gif"
	case len(s) == 12 && strings.HasPrefix(s, "RIFF") && strings.HasSuffix(s, "WEBP"):
		return "image/webp"
	}
	return ""
}

// figure writes a figure: the image with its alternative text as its
// accessible name, the caption (the alternative text when there is none),
// and the text description, which screen readers announce as the figure's
// description and everyone can open under the figure.
func (w *writer) figure(f *docmodel.Figure) {
	img, err := w.imageFor(f.Src)
	if err != nil {
		w.fail(err)
		return
	}
	descID := ""
	if strings.TrimSpace(f.Description) != "" {
		w.descriptions++
		descID = "figdesc:" + strconv.Itoa(w.descriptions)
	}
	class := "image"
	if img.svg != nil {
		class = "diagram"
	}
	w.s(`<figure class="` + class + `">` + "\n")
	if img.svg != nil {
		w.svgBox("div", f.Alt, descID, img.svg)
	} else {
		w.img(img.src, f.Alt, "", descID)
	}
	w.s("\n")
	switch {
	case len(f.Caption) > 0:
		w.s("<figcaption>")
		w.inlines(f.Caption)
		w.s("</figcaption>\n")
	case f.Alt != "":
		w.s("<figcaption>")
		w.text(f.Alt)
		w.s("</figcaption>\n")
	}
	w.s("</figure>\n")
	if descID != "" {
		w.s(`<details class="figure-description">` + "\n<summary>")
		w.text(w.m.Get("html.figure_description"))
		w.s("</summary>\n")
		w.s(`<div id="` + descID + `">` + "\n")
		for _, p := range strings.Split(strings.TrimSpace(f.Description), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				w.s("<p>")
				w.text(p)
				w.s("</p>\n")
			}
		}
		w.s("</div>\n</details>\n")
	}
}

// image writes an inline image.
func (w *writer) image(in *docmodel.Image) {
	img, err := w.imageFor(in.Src)
	if err != nil {
		w.fail(err)
		return
	}
	if img.svg != nil {
		w.svgBox("span", in.Alt, "", img.svg)
		return
	}
	w.img(img.src, in.Alt, in.Title, "")
}

// img writes an <img>; an image whose address is dangerous shows its
// alternative text instead.
func (w *writer) img(src, alt, title, descID string) {
	u, ok := safeURL(src)
	if !ok {
		w.text(alt)
		return
	}
	w.s("<img")
	w.attr("src", u)
	w.attr("alt", alt)
	if title != "" {
		w.attr("title", title)
	}
	if descID != "" {
		w.attr("aria-describedby", descID)
	}
	w.s(">")
}

// svgBox writes svg in a tag element that gives it the role of an image,
// its alternative text as accessible name and its description.
func (w *writer) svgBox(tag, alt, descID string, svg []byte) {
	w.s("<" + tag + ` class="svg" role="img"`)
	if alt != "" {
		w.attr("aria-label", alt)
	}
	if descID != "" {
		w.attr("aria-describedby", descID)
	}
	w.s(">")
	w.b.Write(svg)
	w.s("</" + tag + ">")
}
