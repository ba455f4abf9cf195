// Package pdfwriter writes a laid-out document ([layout.Document]) as a
// PDF file: by default a PDF/A-3b file (ISO 19005-3, level B) that is also
// a tagged PDF meant to meet PDF/UA-1 (ISO 14289-1).
//
//	err := pdfwriter.Backend{}.Write(w, doc)            // PDF/A-3b, tagged
//	err := pdfwriter.Backend{Plain: true}.Write(w, doc) // plain PDF, tagged
//
// # Why our own writer
//
// The layout layer computes every position, line and page, so what is left
// is writing PDF objects: content streams, fonts, images, annotations, the
// outline and the document catalog. The renderer used to hand the pages to
// github.com/go-pdf/fpdf and patch its output with regular expressions
// (object numbers shifted by attachments, outline counts, named and remote
// destinations, the header). Archiving and accessibility need much more of
// the file than fpdf can write: marked content with identifiers around
// every piece of content, a structure tree with a parent tree, artifacts,
// XMP metadata, an output intent with an ICC profile, associated files,
// subset font names and ToUnicode maps. Extending fpdf behind the layout
// interface would have meant more patching of a file written by code that
// knows nothing of these rules, or a fork. Writing the objects directly
// takes about as much code as the patches did, every byte is ours to
// reason about, and nothing is rewritten after the fact. pdfcpu, a
// dependency already, reads the files back in the tests and validates
// them.
//
// # What the file holds
//
//   - A PDF 1.7 header with a binary comment, a classic cross-reference
//     table, and a trailer with the document ID (the MD5 digest of the
//     file's body, the same for the same content). No encryption.
//   - Fonts: each face used is a Type 0 font with a TrueType subset
//     (CIDFontType2) of the glyphs used, named with a subset tag
//     (ABCDEF+DejaVuSans), with widths from the font program and a
//     ToUnicode map for every code. Codes are handed out per character, so
//     text extracts exactly; the .notdef glyph is never shown.
//   - Marked content around everything drawn: the structure element of the
//     content ([layout.Elem]), or an artifact (backgrounds, rules, running
//     headers and footers as pagination artifacts, repeated table headers).
//   - A structure tree in the reading order of the document, with a parent
//     tree, link annotations as object references of their Link elements
//     (with /Contents), figures with /Alt and their bounding box, header
//     cells with their scope, lists with their numbering; /MarkInfo,
//     /Lang, /ViewerPreferences /DisplayDocTitle and /Tabs /S on pages
//     with annotations.
//   - XMP metadata in step with the information dictionary (title, author,
//     subject, keywords, creator tool, producer, dates), with the PDF/A
//     identification (part 3, level B) and the PDF/UA identification (part
//     1, with the extension schema PDF/A asks for).
//   - An sRGB output intent with an ICC profile computed by this package
//     (see [SRGBProfile]; no third-party profile is shipped).
//   - Attachments as associated files: embedded file streams with their
//     MIME type (/Subtype), size, date and checksum, file specifications
//     with /F, /UF, /Desc and /AFRelationship /Data, listed in the
//     catalog's /AF and in the /EmbeddedFiles name tree.
//   - Named destinations for every [layout.Anchor], links within the file,
//     remote go-to actions for links to anchors of other files, web links,
//     and the outline.
//   - Images: JPEG files in RGB or grey as they are, everything else as
//     8-bit samples with a soft mask for transparency.
//
// With Plain set, the PDF/A identification, the output intent and the
// associated-file keys (/AF, /AFRelationship) are left out; the file is
// otherwise the same.
//
// pdfcpu 0.15 refuses a catalog /AF in every validation mode ("PDF 2.0
// associated files not supported") and accepts /AFRelationship only in a
// file that declares PDF 2.0, although PDF/A-3 defines both keys for its
// PDF 1.7 base. The file stays PDF 1.7 (header and catalog), as PDF/A-3
// requires, and the tests validate it with pdfcpu through
// pdftext.Validate, which checks those keys itself and lets pdfcpu validate
// the rest. The stock pdfcpu command refuses a file with attachments for
// that reason; files without attachments pass it.
//
// The output is deterministic: objects are written in document order,
// resources in order of first use, and the dates are the document's.
package pdfwriter
