// Package layout is the page model of docgen's PDF renderer and the engine
// that fills it: it breaks styled text into lines, sizes table columns,
// and distributes blocks over pages. It knows nothing of the document model
// and nothing of the PDF file format, so the library that writes the file (see
// [Backend]) can be replaced without touching the layout.
//
// All lengths are in points (1/72 inch). The origin of a page is its top
// left corner and y grows downwards; a [Text] is placed by its baseline.
//
// # Building a document
//
// A renderer describes the content as a [Flow]: a sequence of [Item]s, each
// an unbreakable box of drawing operations (a line of a paragraph, a table
// row, an image), with spacing, keep-with-next and table-header hints, and
// [Frame]s (backgrounds and bars of block quotes and code blocks) around
// groups of items. Text is prepared with [Inline] and broken with
// [Inline.Lines]; tables with [Table.Items].
//
//	var in layout.Inline
//	in.Add("Hello, ", &body)
//	in.Add("world", &bold)
//	var flow layout.Flow
//	for _, ln := range in.Lines(tpl.ContentWidth(), 1.4) {
//		flow.Add(ln.Item(0, tpl.ContentWidth(), layout.AlignLeft))
//	}
//	pages := layout.Paginate(&flow, tpl)
//
// [Paginate] places the items on pages of a [Template]. The result is plain
// data ([Page]s of [Op]s) that a [Backend] writes out. Named [Anchor]s and
// outline [Mark]s travel with the items, so a renderer learns on which page
// each landed and can fill in page references ([PageRef]) and internal links
// afterwards: the layout is done once, and only numbers are filled in on
// the second pass.
//
// The items carry the logical structure too: each drawing operation is
// tagged with the structure element ([Elem]) whose content it draws, or is
// an artifact, so that a backend can write a tagged PDF whose reading
// order is the order of the elements, whatever page the content lands on.
// An item may ask for pages of another template ([Item].Tpl, a wide table
// on pages turned to landscape); a page break falls where the template
// changes.
//
// [Dump] prints a page list as text, one line per operation with rounded
// coordinates, for golden tests.
package layout
