package html

import (
	"html/template"
	"io"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// Extension is the file extension of HTML pages; cross-references to other
// documents link to their pages by it.
const Extension = ".html"

// pageRenderer implements render.Renderer for HTML.
type pageRenderer struct{}

func init() { render.Register(pageRenderer{}) }

func (pageRenderer) Name() string      { return "html" }
func (pageRenderer) Extension() string { return Extension }

// Render implements render.Renderer: it writes d as one standalone page.
// It fails only when an image asset is neither SVG nor a raster image, or
// when w fails; it has no warnings.
func (pageRenderer) Render(w io.Writer, d *docmodel.Document, opts render.Options) ([]render.Warning, error) {
	return nil, writeDocument(w, d, opts)
}

// writeDocument writes the page of d to out.
func writeDocument(out io.Writer, d *docmodel.Document, opts render.Options) error {
	m := d.Meta
	ms := msg.For(m.Language)
	data := pageData{
		Lang:           m.Language,
		Heading:        m.Title,
		Generator:      opts.Generator,
		Control:        m.Control,
		ControlCaption: ms.Get("render.control_caption"),
		TOC:            buildTOC(d),
		TOCTitle:       ms.Get("html.toc_title"),
		TOCID:          tocID,
	}
	if data.Lang == "" {
		data.Lang = "en"
	}
	if data.Heading == "" {
		data.Heading = ms.Get("html.untitled")
	}
	data.Title = data.Heading
	if m.Draft {
		data.DraftNotice = m.DraftNotice
		if data.DraftNotice == "" {
			data.DraftNotice = ms.Get("html.draft_notice")
		}
		data.Title = ms.Format("html.draft_title", data.DraftNotice, data.Heading)
	}

	w := newWriter(d, opts.Assets)
	w.blocks(d.Body)
	w.footnotes(d.Footnotes)
	if w.err != nil {
		return w.err
	}
	data.Body = template.HTML(w.b.String()) // every text in it is escaped, see writer
	return writePage(out, &data)
}
