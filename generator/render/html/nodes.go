package html

import (
	"bytes"
	"errors"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/docgen/docgen/generator/msg"
)

// nodeRenderer overrides goldmark's rendering of headings (self-links),
// blockquotes (alerts), tables (scroll wrapper) and images (inline SVG),
// delegating the rest of the work to goldmark's own functions.
type nodeRenderer struct {
	images map[string][]byte
	// base holds goldmark's default functions, for delegation.
	base funcs
}

// funcs collects node rendering functions by kind.
type funcs map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (f funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

func newNodeRenderer(images map[string][]byte) *nodeRenderer {
	base := funcs{}
	gmhtml.NewRenderer().RegisterFuncs(base)
	extension.NewTableHTMLRenderer().RegisterFuncs(base)
	return &nodeRenderer{images: images, base: base}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindBlockquote, r.blockquote)
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindImage, r.image)
	reg.Register(east.KindTable, r.table)
}

func (r *nodeRenderer) heading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	h := node.(*ast.Heading)
	id := util.EscapeHTML([]byte(headingID(h)))
	level := "0123456"[h.Level]
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		if len(id) > 0 {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(id)
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if len(id) > 0 {
		label := msg.Format("html.heading_link", plainText(h, source))
		_, _ = w.WriteString(`<a class="anchor" href="#`)
		_, _ = w.Write(id)
		_, _ = w.WriteString(`" aria-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(label)))
		_, _ = w.WriteString(`">¶</a>`)
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(level)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) blockquote(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	v, ok := node.Attribute(attrAlert)
	if !ok {
		if entering {
			_, _ = w.WriteString("<blockquote>\n")
		} else {
			_, _ = w.WriteString("</blockquote>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	kind := string(v.([]byte)) // one of alertKinds
	_, _ = w.WriteString(`<div class="callout callout-` + kind + `" role="note">` + "\n")
	_, _ = w.WriteString(`<p class="callout-title">`)
	_, _ = w.Write(util.EscapeHTML([]byte(msg.Get("html.alert." + kind))))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// table wraps goldmark's table in a block that scrolls sideways on narrow
// screens.
func (r *nodeRenderer) table(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-wrap">` + "\n")
		return r.base[east.KindTable](w, source, node, entering)
	}
	s, err := r.base[east.KindTable](w, source, node, entering)
	_, _ = w.WriteString("</div>\n")
	return s, err
}

// paragraph renders a paragraph that holds nothing but an inline image as a
// figure, and any other paragraph as goldmark does.
func (r *nodeRenderer) paragraph(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	img, ok := node.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil || r.svg(img) == nil {
		return r.base[ast.KindParagraph](w, source, node, entering)
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	svg, err := svgElement(img, r.svg(img))
	if err != nil {
		return ast.WalkStop, err
	}
	alt := plainText(img, source)
	caption := unescape(img.Title)
	if len(caption) == 0 {
		caption = []byte(alt)
	}
	_, _ = w.WriteString(`<figure class="diagram">` + "\n")
	writeSVGBox(w, "div", alt, svg)
	if len(caption) > 0 {
		_, _ = w.WriteString("\n<figcaption>")
		_, _ = w.Write(util.EscapeHTML(caption))
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("\n</figure>\n")
	return ast.WalkSkipChildren, nil
}

// image renders an inline image as its SVG, and any other image as goldmark
// does.
func (r *nodeRenderer) image(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	img := node.(*ast.Image)
	data := r.svg(img)
	if data == nil {
		return r.base[ast.KindImage](w, source, node, entering)
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	svg, err := svgElement(img, data)
	if err != nil {
		return ast.WalkStop, err
	}
	writeSVGBox(w, "span", plainText(img, source), svg)
	return ast.WalkSkipChildren, nil
}

// svg returns the inline SVG for img, or nil.
func (r *nodeRenderer) svg(img *ast.Image) []byte {
	if r.images == nil {
		return nil
	}
	return r.images[string(img.Destination)]
}

// svgElement returns data from its <svg> element on, without the XML
// declaration, doctype or comments before it.
func svgElement(img *ast.Image, data []byte) ([]byte, error) {
	i := bytes.Index(data, []byte("<svg"))
	if i < 0 {
		return nil, errors.New(msg.Format("html.inline_not_svg", string(img.Destination)))
	}
	return bytes.TrimSpace(data[i:]), nil
}

// writeSVGBox writes svg in a tag element that gives it the image's role and
// its alt text as accessible name.
func writeSVGBox(w util.BufWriter, tag, alt string, svg []byte) {
	_, _ = w.WriteString("<" + tag + ` class="svg" role="img"`)
	if alt != "" {
		_, _ = w.WriteString(` aria-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(alt)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(svg)
	_, _ = w.WriteString("</" + tag + ">")
}
