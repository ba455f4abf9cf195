// Package render is the interface every output format implements, and the
// registry that build and render loop over.
//
// A format is one package under generator/render (markdown, html, pdf,
// docx) that implements [Renderer] and registers itself in an init
// function; package render/formats imports them all. Adding a format is
// adding one package and one import line there:
//
//	for _, name := range render.Names() {
//		r, _ := render.Lookup(name)
//		warnings, err := r.Render(w, doc, render.Options{Assets: assets})
//	}
//
// Renderers take a [docmodel.Document] and never import one another.
package render

import (
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/docgen/docgen/generator/diagram"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// Renderer writes a document in one format.
type Renderer interface {
	// Name is the format's name on the command line, such as "pdf".
	Name() string
	// Extension is the file extension of its output, with the dot: ".pdf".
	Extension() string
	// Render writes d to w and returns warnings about content the format
	// had to change (a character the fonts lack, a missing image). The same
	// document and options give the same bytes.
	Render(w io.Writer, d *docmodel.Document, opts Options) ([]Warning, error)
}

// Options are what a renderer needs besides the document. The zero value is
// usable.
type Options struct {
	// Assets maps the Src of figures and images to their content.
	Assets map[string]Asset
	// Attachments are files embedded in the output where the format can
	// (PDF), such as the SBOM.
	Attachments []Attachment
	// PageSize is "A4" (the default) or "Letter", for paged formats.
	PageSize string
	// Generator names the program for metadata, such as "docgen 1.4.0".
	Generator string
	// Template is the path of a file whose styles the output takes, for
	// formats that have such templates (a Word .dotx or .docx).
	Template string
	// TitlePage asks paged formats for a title page with the document
	// control block.
	TitlePage bool
	// PDFStandard is the standard PDF output conforms to: "PDF/A-3b" (the
	// default, also when empty) or "none" for plain PDF; see
	// PDFStandards.
	PDFStandard string
}

// PDFStandards lists the values of Options.PDFStandard, the default first.
var PDFStandards = []string{"PDF/A-3b", "none"}

// Asset is the content of an image.
type Asset struct {
	// Data is the file content: SVG, PNG or JPEG.
	Data []byte
	// Diagram is the network diagram as data, when the asset is one;
	// formats that can draw it natively use it instead of Data.
	Diagram *diagram.Diagram
	// Raster is a PNG of an SVG asset, for formats that need a bitmap
	// beside the SVG (Word before 2016 and other readers of DOCX).
	Raster []byte
}

// Attachment is a file embedded in a document.
type Attachment struct {
	// Name is the file name shown by readers, such as "sbom.cdx.json".
	Name string
	// Description is a short text about the file.
	Description string
	// MediaType is its MIME type, such as "application/json".
	MediaType string
	Data      []byte
}

// Warning is something a renderer had to show differently.
type Warning struct {
	// Line is the 1-based line of the Markdown source the warning is about
	// (from the block's provenance), 0 when unknown.
	Line int
	// Message describes the problem.
	Message string
}

// String formats the warning as "line N: message", or the message alone.
func (w Warning) String() string {
	if w.Line <= 0 {
		return w.Message
	}
	return msg.Format("render.warn.at_line", w.Line, w.Message)
}

var (
	mu       sync.RWMutex
	registry = map[string]Renderer{}
)

// Register adds r to the registry. It panics when a renderer of the same
// name is already registered, which is a programming error.
func Register(r Renderer) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[r.Name()]; dup {
		panic("render: format registered twice: " + r.Name())
	}
	registry[r.Name()] = r
}

// Lookup returns the renderer of the named format.
func Lookup(name string) (Renderer, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := registry[name]
	return r, ok
}

// ForExtension returns the renderer whose output has the file extension ext
// (".pdf"; case does not matter).
func ForExtension(ext string) (Renderer, bool) {
	mu.RLock()
	defer mu.RUnlock()
	for _, r := range registry {
		if strings.EqualFold(r.Extension(), ext) {
			return r, true
		}
	}
	return nil, false
}

// Names lists the registered formats in a fixed order: those of order first,
// as given, then the others sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	var out []string
	for _, n := range order {
		if _, ok := registry[n]; ok {
			out = append(out, n)
		}
	}
	var rest []string
	for n := range registry {
		if !slices.Contains(order, n) {
			rest = append(rest, n)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// order is the build order of the built-in formats.
var order = []string{"md", "html", "pdf", "docx"}
