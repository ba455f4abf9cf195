// Package html writes a document of the document model ([docmodel.Document])
// as one standalone HTML page: the stylesheet is embedded, images given as
// assets are put into the page (the network diagram as inline SVG), and the
// page loads nothing else, runs no script and needs no network.
//
// The package registers the format "html" (extension ".html") with package
// render; build and render reach it through the registry:
//
//	r, _ := render.Lookup("html")
//	_, err := r.Render(w, doc, render.Options{
//		Assets:    map[string]render.Asset{"network-diagram.svg": {Data: svg}},
//		Generator: "docgen 1.0",
//	})
//
// # The page
//
//   - A draft (Meta.Draft) opens with Meta.DraftNotice as a banner, which
//     also leads the page title and, in print, the head of every page.
//   - The header shows Meta.Title as the only level-1 heading and the
//     document-control table of Meta.Control.
//   - A table of contents lists the level-2 and level-3 sections.
//   - Every section heading carries its anchor as id and a self-link.
//   - Admonitions are titled call-outs; warnings and cautions, the safety
//     information of an IfU, are framed and carry the warning sign. Quotes
//     stay plain block quotes.
//   - Figures show their image with the alternative text as accessible name,
//     their caption, and their text description (Figure.Description), which
//     screen readers announce as the figure's description and any reader
//     can open under it.
//   - Tables scroll sideways on narrow screens. Cells of date, port and
//     number columns never break, nor do the tokens of code columns, whose
//     text shows as code; a long token (a package URL, a hash) may break
//     anywhere. Empty cells show a dash.
//   - Cross-references link to "#anchor" in the page, or to
//     "name.html#anchor" for another generated document.
//   - Links that show their own address have the class "url", so that print
//     does not repeat it; task lists, footnotes with back links, definition
//     lists and code blocks are written as usual.
//
// Meta.Language sets <html lang> ("en" when empty). Meta.Fragment changes
// nothing: a page is always a whole page. The stylesheet
// (templates/html/style.css) lays the page out for reading on screen and,
// through a print stylesheet, for printing to A4. The same document and
// options give the same bytes.
//
// # Safety
//
// Every text of the document reaches the page escaped. Raw HTML of the
// model (HTMLBlock, RawHTML) is never copied: the page source has the
// comment <!-- raw HTML omitted --> in its place. Links and images whose
// address would run code, load a document from inline data or open a local
// file (javascript:, vbscript:, file:, data: other than PNG, JPEG, GIF and
// WebP images; case, tabs, line breaks and leading control characters make
// no difference) lose their address. Only the SVG of assets, which docgen
// draws itself, is copied verbatim.
package html
