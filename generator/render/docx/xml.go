package docx

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// The XML namespaces of the parts docgen writes.
const (
	nsW     = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP    = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA     = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic   = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsV     = "urn:schemas-microsoft-com:vml"
	nsO     = "urn:schemas-microsoft-com:office:office"
	nsW10   = "urn:schemas-microsoft-com:office:word"
	nsASVG  = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
	nsRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
)

// xmlHeader starts every part.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// escaper escapes text for XML and counts the characters XML 1.0 cannot
// hold (control characters, U+FFFE, U+FFFF), which it leaves out, and the
// bytes that are not UTF-8, which it replaces by U+FFFD.
type escaper struct {
	dropped, replaced int
}

// allowed reports whether XML 1.0 allows r in a document.
func allowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}

// clean returns s with what XML cannot hold left out or replaced, and
// counts it.
func (e *escaper) clean(s string) string {
	ok := true
	for i, r := range s {
		if (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) || !allowed(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			e.replaced++
			b.WriteRune(utf8.RuneError)
		case !allowed(r):
			e.dropped++
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// esc returns s cleaned and escaped for character data and for attribute
// values in double quotes.
func (e *escaper) esc(s string) string {
	s = e.clean(s)
	if !strings.ContainsAny(s, `&<>"`+"\r\n\t") {
		return s
	}
	return xmlReplacer.Replace(s)
}

// xmlReplacer escapes the characters with a meaning in XML; line breaks and
// tabs are written as references so that attribute values keep them.
var xmlReplacer = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
	"\r", "&#xD;", "\n", "&#xA;", "\t", "&#x9;",
)

// xw writes XML: elements with attributes given as name-value pairs, and
// escaped text.
type xw struct {
	bytes.Buffer
	e *escaper
}

func newXW(e *escaper) *xw { return &xw{e: e} }

func (w *xw) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		w.WriteByte(' ')
		w.WriteString(kv[i])
		w.WriteString(`="`)
		w.WriteString(w.e.esc(kv[i+1]))
		w.WriteByte('"')
	}
}

// open writes a start tag.
func (w *xw) open(tag string, kv ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	w.attrs(kv)
	w.WriteByte('>')
}

// close writes an end tag.
func (w *xw) close(tag string) {
	w.WriteString("</")
	w.WriteString(tag)
	w.WriteByte('>')
}

// empty writes an empty element.
func (w *xw) empty(tag string, kv ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	w.attrs(kv)
	w.WriteString("/>")
}

// elem writes an element holding escaped text.
func (w *xw) elem(tag, text string, kv ...string) {
	w.open(tag, kv...)
	w.WriteString(w.e.esc(text))
	w.close(tag)
}
