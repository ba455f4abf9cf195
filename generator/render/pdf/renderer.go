package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/render/pdf/pdfwriter"
)

// Extension is the file extension of PDF documents.
const Extension = ".pdf"

// pdfRenderer implements render.Renderer for PDF.
type pdfRenderer struct{}

func init() { render.Register(pdfRenderer{}) }

func (pdfRenderer) Name() string      { return "pdf" }
func (pdfRenderer) Extension() string { return Extension }

// Render implements render.Renderer.
func (pdfRenderer) Render(w io.Writer, d *docmodel.Document, opts render.Options) ([]render.Warning, error) {
	return Render(w, d, opts)
}

// Render writes d as a PDF document to w and returns warnings about content
// it had to change. It fails only if w fails: any document gives a valid
// PDF. The same document and options give the same bytes. It only reads d
// and opts.
func Render(w io.Writer, d *docmodel.Document, opts render.Options) ([]render.Warning, error) {
	doc, warns, err := build(d, &opts)
	if err != nil {
		return warns, err
	}
	var buf bytes.Buffer
	backend := pdfwriter.Backend{Plain: strings.EqualFold(strings.TrimSpace(opts.PDFStandard), "none")}
	if err := safely(func() error { return backend.Write(&buf, doc) }); err != nil {
		return warns, err
	}
	_, err = w.Write(buf.Bytes())
	return warns, err
}

// build lays the document out.
func build(d *docmodel.Document, opts *render.Options) (doc *layout.Document, warns []render.Warning, err error) {
	err = safely(func() error {
		r := newRenderer(d, opts)
		doc = r.document()
		warns = r.warn.list()
		return nil
	})
	return doc, warns, err
}

// recovered counts the panics that safely turned into errors; the tests
// check that none happens.
var recovered atomic.Int64

// safely runs fn and turns a panic, which would be a bug, into an error,
// so that one bad document cannot bring down the program that renders it.
func safely(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			recovered.Add(1)
			err = errors.New(msg.Format("pdf.internal_error", fmt.Sprint(v)))
		}
	}()
	return fn()
}
