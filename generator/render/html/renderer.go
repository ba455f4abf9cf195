package html

import (
	"io"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
)

// Extension is the file extension of HTML pages.
const Extension = ".html"

// pageRenderer implements render.Renderer for HTML.
//
// Transitional: it writes the document as Markdown and renders that, until
// the page is written from the document model directly.
type pageRenderer struct{}

func init() { render.Register(pageRenderer{}) }

func (pageRenderer) Name() string      { return "html" }
func (pageRenderer) Extension() string { return Extension }

// Render implements render.Renderer.
func (pageRenderer) Render(w io.Writer, d *docmodel.Document, opts render.Options) ([]render.Warning, error) {
	o := Options{Title: d.Meta.Title, Lang: d.Meta.Language, Generator: opts.Generator, InlineImages: map[string][]byte{}}
	for _, f := range d.Meta.Control {
		o.Meta = append(o.Meta, MetaItem{Name: f.Name, Value: f.Value})
	}
	for name, a := range opts.Assets {
		o.InlineImages[name] = a.Data
	}
	return nil, Render(w, markdown.BodyBytes(d), o)
}
