package layout

import (
	"io"
	"time"
)

// Template is the geometry of a page: its size and the margins around the
// content box, in points.
type Template struct {
	Width, Height            float64
	Top, Bottom, Left, Right float64
}

// ContentWidth is the width of the content box.
func (t *Template) ContentWidth() float64 { return t.Width - t.Left - t.Right }

// ContentHeight is the height of the content box.
func (t *Template) ContentHeight() float64 { return t.Height - t.Top - t.Bottom }

// Page is one laid-out page.
type Page struct {
	// Template is the page's geometry.
	Template *Template
	// Ops are the operations in drawing order.
	Ops []Op
}

// Document is everything a [Backend] writes: pages, outline, metadata,
// images and attachments.
type Document struct {
	Pages []*Page
	Info  Info
	// Images holds the data of the images that [Image] operations name:
	// PNG or JPEG files.
	Images map[string][]byte
	// Attachments are embedded files.
	Attachments []Attachment
	// Structure is the root of the logical structure (see [Elem]); nil
	// for an untagged document.
	Structure *Elem
}

// Info is the document metadata.
type Info struct {
	Title, Subject, Author, Keywords, Creator, Producer string
	// Lang is the natural language of the text, such as "en".
	Lang string
	// Created and Modified are the document dates.
	Created, Modified time.Time
}

// Attachment is a file embedded in the document.
type Attachment struct {
	Name, Description string
	// MediaType is the MIME type of the file, such as "application/json".
	MediaType string
	Data      []byte
}

// Backend writes a [Document] in a file format. An implementation must
// write the same bytes for the same document.
type Backend interface {
	Write(w io.Writer, d *Document) error
}
