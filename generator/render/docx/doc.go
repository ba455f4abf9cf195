// Package docx writes docgen's document model as a Word document (.docx),
// for the regulatory and quality teams who review, comment on and approve
// documents in Word, and for the document-management and eIFU systems that
// take DOCX. It registers itself with package render as the format "docx".
//
// The package writes WordprocessingML (ECMA-376, transitional) directly
// with its own small XML writer: the subset a generated document needs is
// small, and writing it here keeps every byte under our control, which
// reproducible output and escaping demand.
//
// # What a document holds
//
//   - The title in the Title style; with render.Options.TitlePage, a title
//     page with the subject, the draft notice and the document-control
//     block, and the table of contents on a page of its own. A fragment
//     (Meta.Fragment: the IfU section built as a chapter of a larger IfU)
//     has none of these but the draft notice, and keeps its heading
//     levels, so that it can be inserted into the larger document.
//   - A table-of-contents field (TOC \o "1-3" \h) marked dirty, and the
//     settings asking Word to update fields on opening, so that Word fills
//     in the page numbers; until then, and in readers that do not update
//     fields, it lists the headings as links.
//   - Sections as paragraphs in Word's heading styles, the top level as
//     heading 1 (a fragment keeps its levels), each with a bookmark named
//     after its anchor
//     ("ifu-updates" is the bookmark ifu_updates, see bookmarkName).
//     Cross-references within the document are hyperlinks to these
//     bookmarks; those to another document link to "<name>.docx" with the
//     bookmark as anchor, which Word follows to the section. Web and mail
//     links are hyperlink relationships; other schemes are shown as text
//     with a warning.
//   - Tables in the Table Grid style with a header row that repeats on
//     every page and rows that do not break; column widths follow the
//     content; date and port columns never wrap, code columns are in the
//     monospace Verbatim Char style, number columns are right-aligned.
//   - Bulleted and numbered lists (nested) with their own numbering
//     definitions; every numbered list starts at its own first number.
//   - Admonitions (warnings, cautions, notes) as shaded, bordered boxes in
//     paragraph styles of their own (Admonition Warning, ...), code blocks
//     in the Source Code style, quotes in Quote, definition lists in
//     Definition Term and Definition, figures with a Caption.
//   - Footnotes as Word footnotes.
//   - Images from render.Options.Assets as embedded pictures with their
//     alternative text and description; an image Word cannot show (an SVG
//     without a PNG or JPEG copy) is shown as its alternative text and
//     description, with a warning.
//   - A header with the title, document id and revision, and "Page X of Y"
//     (PAGE and NUMPAGES fields) in the footer.
//   - A draft (Meta.Draft) has a DRAFT watermark on every page, the word
//     DRAFT in the header, the notice at the start, the content status
//     Draft, the keyword DRAFT, and the custom property Draft = true.
//   - Document properties: title, subject, author, keywords, identifier,
//     language, version (the revision) and dates in docProps/core.xml; the
//     program and company in docProps/app.xml; the document id, revision,
//     audience and draft status as custom properties that document
//     systems can map.
//   - The language of the text (Meta.Language) as the default language of
//     the style sheet, so that Word checks the spelling in it.
//
// # Company templates
//
// With render.Options.Template (the --docx-template flag), the document
// takes the style sheet of a Word template (.dotx) or document (.docx):
// docgen's styles carry Word's built-in names ("heading 1", "Title",
// "toc 1", "Table Grid", "header", ...), and where the template has a
// style of that name and type, the document uses the template's style,
// whatever its id (German Word calls heading 1 "berschrift1"). Styles the
// template lacks are added from docgen's sheet, renamed when their id is
// taken. The template's numbering definitions (numbered headings refer to
// them) and theme (fonts and colours) are taken too, with the pictures
// they refer to. The template's parts are copied byte for byte; docgen
// only adds to them and sets the default language. Headers, footers and
// logos, the page size and the template's body text are not taken.
//
// # Reproducible output
//
// The same document and options give the same bytes: the zip entries have
// a fixed time and order, ids (relationships, bookmarks, drawings,
// footnotes, lists) count up in document order, no rsids are written, and
// the metadata dates come from Meta.Date or SOURCE_DATE_EPOCH, never from
// the clock (without either, the dates are left out).
//
// Every text from the document is escaped for XML; characters XML cannot
// hold (control characters) are left out and bytes that are not UTF-8
// become U+FFFD, each with a warning.
//
// Package docxcheck reads documents back for the tests.
package docx
