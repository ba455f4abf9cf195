// Package fpdfbackend writes a [layout.Document] as a PDF file with
// github.com/go-pdf/fpdf. It is the only package of the PDF renderer that
// knows fpdf: to move to another PDF library, implement
// [layout.Backend] anew.
//
//	err := fpdfbackend.Backend{}.Write(w, doc)
//
// The fonts of [fonts] are embedded as TrueType subsets holding only the
// glyphs used. The output is deterministic: resources are written in sorted
// order, the dates are the document's, and the file identifier (/ID) is a
// digest of the file's content.
//
// fpdf has a few faults that this package works around after fpdf has
// written the file, while it renumbers nothing but rewrites the cross
// reference table: fpdf writes the attachments before the pages but
// computes the object numbers of link and outline destinations as if they
// were not there, and it declares PDF 1.3 although attachments with Unicode
// names need PDF 1.7. Two things fpdf cannot write at all are added the same
// way (see fixup): named destinations, one for every [layout.Anchor], and
// remote go-to actions for links to other files ([layout.Link].File).
package fpdfbackend
