package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/pdf/fpdfbackend"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// Options controls the document around the rendered Markdown. The zero
// value is usable: an A4 document without title page, titled by its
// level-1 heading.
type Options struct {
	// Title, Subject and Author are the document metadata; Author is the
	// manufacturer. Title is also shown on the title page and in the
	// running header; when empty, the level-1 heading that opens the
	// Markdown is used.
	Title, Subject, Author string
	// Keywords are the metadata keywords.
	Keywords []string
	// Lang is the language of the text, such as "en" (the default).
	Lang string
	// DocumentID and Revision are shown in the running header.
	DocumentID, Revision string
	// Date is the creation and modification date in the metadata. When
	// zero, the SOURCE_DATE_EPOCH environment variable (seconds since
	// 1970) is used, else 1970-01-01: the output never depends on the
	// clock.
	Date time.Time
	// Control are the rows of the document-control block on the title
	// page, in order.
	Control []Row
	// PageSize is "A4" (the default) or "Letter".
	PageSize string
	// Images maps image destinations, exactly as written in the Markdown
	// (such as "network-diagram.svg"), to their content. Other images are
	// reported as missing. Render only reads the map.
	Images map[string]Image
	// Attachments are files embedded in the PDF, such as the SBOM.
	Attachments []Attachment
	// TitlePage adds a title page with the title, the subject and the
	// document-control block. The level-1 heading that opens the Markdown
	// then moves to the title page.
	TitlePage bool
	// Producer names the program and version in the PDF metadata, such
	// as "docgen v1.2.0"; empty means "docgen".
	Producer string
}

// Row is one row of the document-control block: a field name and its
// value, as plain text.
type Row struct {
	Name, Value string
}

// Image is the content of an image of the Markdown: a network diagram,
// drawn as vector graphics, or a PNG or JPEG file.
type Image struct {
	Diagram *diagram.Diagram
	Data    []byte
}

// Attachment is a file embedded in the PDF.
type Attachment struct {
	// Name is the file name shown by PDF readers, such as "sbom.cdx.json".
	Name string
	// Description is a short text about the file.
	Description string
	// Data is the file content.
	Data []byte
}

// Warning reports something in the Markdown that the PDF shows
// differently, such as a character the fonts lack or a missing image.
type Warning struct {
	// Line is the 1-based line of the Markdown the warning is about, or 0
	// when it is about the options.
	Line int
	// Message describes the problem.
	Message string
}

// String returns the warning as "line N: message".
func (w Warning) String() string {
	if w.Line <= 0 {
		return w.Message
	}
	return msg.Format("pdf.warn.at_line", w.Line, w.Message)
}

// Render writes markdown as a PDF document to w and returns warnings about
// content it had to change. It fails only if w fails: Markdown of any kind,
// even invalid UTF-8, gives a valid PDF. The same input gives the same
// bytes.
func Render(w io.Writer, markdown []byte, opts Options) ([]Warning, error) {
	doc, warns, err := build(markdown, &opts)
	if err != nil {
		return warns, err
	}
	var buf bytes.Buffer
	if err := safely(func() error { return fpdfbackend.Backend{}.Write(&buf, doc) }); err != nil {
		return warns, err
	}
	_, err = w.Write(buf.Bytes())
	return warns, err
}

// build lays the document out.
func build(markdown []byte, opts *Options) (doc *layout.Document, warns []Warning, err error) {
	err = safely(func() error {
		r := newRenderer(markdown, opts)
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
