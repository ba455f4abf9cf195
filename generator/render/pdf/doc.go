// Package pdf turns a Markdown document written by docgen (or by hand, in
// the same dialect as the HTML renderer reads, see package html) into a
// PDF document fit for a regulatory submission: embedded Unicode fonts, a
// title page with the document-control block, a table of contents with
// page numbers and links, bookmarks, running headers and "Page N of M"
// footers, and tables that fit the page.
//
// # Usage
//
//	var buf bytes.Buffer
//	warnings, err := pdf.Render(&buf, markdown, pdf.Options{
//		Title:      "ViewPoint RX: administrator guide",
//		Subject:    "Cybersecurity administrator guide",
//		Author:     "Meridian Imaging Systems GmbH",
//		DocumentID: "MIS-CYB-0412-ADM",
//		Revision:   "D",
//		Date:       released, // or zero: SOURCE_DATE_EPOCH, else 1970-01-01
//		TitlePage:  true,
//		Control: []pdf.Row{
//			{Name: "Device", Value: "Meridian ViewPoint RX"},
//			{Name: "Revision", Value: "D"},
//		},
//		Images: map[string]pdf.Image{
//			"network-diagram.svg": {Diagram: d}, // drawn as vector graphics
//			"logo.png":            {Data: png},
//		},
//		Attachments: []pdf.Attachment{{Name: "sbom.cdx.json", Description: "SBOM", Data: sbom}},
//	})
//	for _, w := range warnings {
//		log.Print(w) // "line 12: the PDF fonts have no glyph for U+4E2D ..."
//	}
//
// Render never fails on its input: any bytes give a valid PDF, and what it
// had to change (a character the fonts lack, a missing image, a link to an
// unknown anchor) is reported as a [Warning] with its Markdown line. Only a
// failing writer makes it return an error.
//
// # What the document looks like
//
// A4 pages (or US Letter, see [Options.PageSize]) with generous margins,
// DejaVu Sans at 9.5 pt for text and DejaVu Sans Mono for code. With
// [Options.TitlePage], the first page shows the manufacturer, the title
// (the level-1 heading that opens the Markdown moves there), the subject
// and the document-control block; the table of contents of the top two
// heading levels follows on a page of its own, and the body starts on the
// next. Every page but the title page has a running header with the title,
// document id and revision; every page has a footer with the manufacturer
// and "Page N of M". Headings h1 to h3 become bookmarks; a heading is never
// left alone at the bottom of a page, and paragraphs keep at least two
// lines together.
//
// Tables get column widths from their content; cells wrap, long tokens
// (package URLs, hashes, addresses) break anywhere, the font shrinks (down
// to 6 pt) when a table is very wide, and the header row is repeated on
// every page a table continues on. Code is set in monospace on a shaded
// background and long lines wrap. Block quotes get a bar on the left;
// GitHub alerts ([!WARNING] and the like) a coloured bar and a title. Links
// to #anchors (heading ids, as the HTML renderer gives them, and
// <a id="..."> anchors) jump to their page; web and mail addresses are
// clickable. Raw HTML is shown as the text a browser would show.
//
// An image whose destination is a key of [Options.Images] is drawn: a
// network diagram as vector graphics across the text column, or, when its
// labels would then be smaller than 6 pt, alone on a page turned to
// landscape or, if that is still too small, on an A3 (or Ledger) page; a
// PNG or JPEG image scaled to fit. Other images are reported as missing and
// replaced by their description.
//
// # Reproducibility
//
// The same Markdown and options give the same bytes: the dates come from
// the options or SOURCE_DATE_EPOCH, never from the clock, and the file
// identifier is a digest of the content.
//
// # Structure
//
// The renderer reads the Markdown with goldmark and describes the document
// as a flow of boxes ([layout.Flow]); package layout breaks lines, sizes
// tables and fills the pages, and package fpdfbackend writes the PDF with
// github.com/go-pdf/fpdf. Only fpdfbackend knows fpdf, so that the library
// can be replaced. Package fonts holds the embedded DejaVu fonts.
package pdf
