package pdf

import (
	"io"

	"github.com/docgen/docgen/generator/docmodel"
	dgrender "github.com/docgen/docgen/generator/render"
	mdwriter "github.com/docgen/docgen/generator/render/markdown"
)

// Extension is the file extension of PDF documents.
const Extension = ".pdf"

// pdfRenderer implements render.Renderer for PDF.
//
// Transitional: it writes the document as Markdown and lays that out, until
// the layout is built from the document model directly.
type pdfRenderer struct{}

func init() { dgrender.Register(pdfRenderer{}) }

func (pdfRenderer) Name() string      { return "pdf" }
func (pdfRenderer) Extension() string { return Extension }

// Render implements render.Renderer.
func (pdfRenderer) Render(w io.Writer, d *docmodel.Document, opts dgrender.Options) ([]dgrender.Warning, error) {
	m := d.Meta
	o := Options{
		Title: m.Title, Subject: m.Subject, Author: m.Author, Keywords: m.Keywords, Lang: m.Language,
		DocumentID: m.ID, Revision: m.Revision, Date: m.Date, PageSize: opts.PageSize, TitlePage: opts.TitlePage,
		Images: map[string]Image{},
	}
	for _, f := range m.Control {
		o.Control = append(o.Control, Row{Name: f.Name, Value: f.Value})
	}
	for name, a := range opts.Assets {
		o.Images[name] = Image{Diagram: a.Diagram, Data: a.Data}
	}
	for _, a := range opts.Attachments {
		o.Attachments = append(o.Attachments, Attachment{Name: a.Name, Description: a.Description, Data: a.Data})
	}
	warns, err := Render(w, mdwriter.BodyBytes(d), o)
	out := make([]dgrender.Warning, len(warns))
	for i, wn := range warns {
		out[i] = dgrender.Warning{Line: wn.Line, Message: wn.Message}
	}
	return out, err
}
