// Package pdf writes a document of docgen's document model
// ([docmodel.Document]) as a PDF document fit for a regulatory submission:
// embedded Unicode fonts, a title page with the document-control block, a
// table of contents with page numbers and links, bookmarks, running
// headers and "Page N of M" footers, and tables that fit the page. It
// registers itself with package render as the format "pdf".
//
// # Usage
//
//	r, _ := render.Lookup("pdf")
//	warnings, err := r.Render(w, doc, render.Options{
//		TitlePage: true,
//		Assets: map[string]render.Asset{
//			"network-diagram.svg": {Data: svg, Diagram: d}, // drawn as vector graphics
//			"logo.png":            {Data: png},
//		},
//		Attachments: []render.Attachment{{Name: "sbom.cdx.json", Description: "SBOM", Data: sbom}},
//	})
//	for _, w := range warnings {
//		log.Print(w) // "line 12: the PDF fonts have no glyph for U+4E2D ..."
//	}
//
// Render never fails on its input: any document gives a valid PDF, and
// what it had to change (characters the fonts lack, right-to-left text it
// shows left to right and unjoined, a missing image, a link to an unknown
// anchor) is reported as a warning with the source line of the block (its
// [docmodel.Provenance]; 0 for generated documents), one per line and
// kind. Only a failing writer makes it return an error.
//
// # Archiving and accessibility
//
// Every PDF is a PDF/A-3b file (ISO 19005-3) unless
// [render.Options].PDFStandard is "none", and a tagged PDF meant to meet
// PDF/UA-1 (ISO 14289-1) either way: the renderer builds the structure
// tree from the document model while it lays the document out (headings
// H1 to H6 that never skip a level, paragraphs, lists with labels and
// bodies, tables with header cells and their scope, figures with their
// alternative text, captions, links, the table of contents, notes), and
// marks running headers, footers and decoration as artifacts. A figure's
// alternative text is its Alt, its Description and, for the network
// diagram, a description of its zones, nodes and data streams generated
// from the diagram (diagram.Diagram.Describe). Attachments, such as the
// SBOM, are associated files with their MIME type. Package pdfwriter says
// what the file holds; package pdfcheck checks it, and the tests run that
// check on every PDF they render.
//
// # What the document looks like
//
// A4 pages (or US Letter, see [render.Options].PageSize) with generous
// margins, DejaVu Sans at 9.5 pt for text and DejaVu Sans Mono for code.
// With [render.Options].TitlePage, the first page shows the manufacturer
// (Meta.Author), the title, the subject and the document-control block
// (Meta.Control); the table of contents of the top two heading levels
// follows on a page of its own, and the body starts on the next. Without
// it, the body starts with the title as a level-1 heading, followed by the
// table of contents if it has at least four entries. Every page but the
// title page has a running header with the title (shortened after a whole
// word, with an ellipsis, when it is long), document id and revision;
// every page has a footer with the manufacturer and "Page N of
// M". A draft (Meta.Draft) shows its notice (Meta.DraftNotice) above the
// running header of every page, the title page included, in a box under
// the title, and in the keywords of the metadata. Headings h1 to h3 become
// bookmarks; a heading is never left alone at the bottom of a page, and
// paragraphs keep at least two lines together.
//
// Tables get column widths from their content: every column at least its
// widest word, so that no word that fits on a line is broken, at most its
// widest cell, and the room between where it saves the most lines. A table
// of the body whose words do not fit a portrait page goes, with its
// section heading and lead-in when they are short, on pages turned to
// landscape of the same paper, rather than be set smaller; only when it
// does not fit there either does the font shrink (down to 6 pt) and, at
// last, words break. Words too long for a column (package URLs, hashes,
// addresses) break at natural points (after / . - _ : @ = and the like, or
// between a lower- and an upper-case letter), else with a muted break
// marker (↵) at the end of the line. The header row is repeated on every
// page a table continues on, and at least two body rows stand on either
// side of a page break. The words of code, date, port and number columns
// ([docmodel.ColumnKind]) are not broken as long as the other columns can
// give way; number columns are right-aligned unless the column says
// otherwise. An empty cell shows a dash. Code is set in monospace on a
// shaded background and long lines wrap. Block quotes get a bar on the
// left; admonitions a tinted call-out with a coloured bar and a title,
// warnings and cautions also a border in their colour, so that an IfU's
// warnings stand out.
//
// Links to sections of the document (an [docmodel.XRef] without document)
// jump to their page; a cross-reference to another generated document
// opens the file "<name>.pdf" next to this one at the named destination of
// the section (a remote go-to). Every PDF therefore publishes its anchors
// (section anchors, <a id> anchors, "fn:N" for footnotes) as named
// destinations, and its first page as "doc:start", the destination of
// cross-references to a document as a whole. Web and mail addresses are
// clickable; other links (relative files) are shown as text. Raw HTML is
// shown as the text a browser would show.
//
// A figure is drawn from its Diagram, or from the asset its Src names in
// [render.Options].Assets: a network diagram as vector graphics across the
// text column, or, when its labels would then be smaller than 6 pt, alone
// on a page of the document's paper, turned to landscape if that gives it
// more room (a document never changes paper size; labels below 4.5 pt are
// reported); a PNG or JPEG image scaled to fit. Other images are reported
// as missing and replaced by their description.
//
// Spaces are written as space characters, between words of different
// styles and at the end of lines that break at a space, so that copied and
// read-aloud text keeps its words apart.
//
// # Reproducibility
//
// The same document and options give the same bytes: the dates come from
// Meta.Date or SOURCE_DATE_EPOCH, never from the clock, and the file
// identifier is a digest of the content.
//
// # Structure
//
// The renderer walks the document model and describes the document as a
// flow of boxes ([layout.Flow]); package layout breaks lines, sizes tables
// and fills the pages, and package pdfwriter writes the PDF objects (see
// its documentation for why docgen writes them itself rather than through
// a PDF library). Package fonts holds the embedded DejaVu fonts. The
// package reads no Markdown: `docgen render` reads Markdown into the model
// with package render/markdown first.
package pdf
