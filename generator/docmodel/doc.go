// Package docmodel is docgen's document model: one tree that every
// generated document is built as, and that every output format is written
// from.
//
// Package docs builds a [Document] from a device spec and the document
// templates; package render/markdown writes it as Markdown and reads
// Markdown back into it; the HTML, PDF and DOCX renderers write it in their
// formats. Nothing downstream parses Markdown again, so all formats show the
// same headings, anchors, tables and cross-references.
//
// A document is a [Meta] block (title, id, revision, language, audience,
// document control, draft marking) and a body of [Block] values:
//
//	d := &docmodel.Document{Meta: docmodel.Meta{Title: "Instructions for use", Language: "en"}}
//	d.Body = append(d.Body, &docmodel.Section{
//		Level: 2, Anchor: "ifu-updates", Title: docmodel.Plain("Security updates"),
//		Blocks: []docmodel.Block{&docmodel.Paragraph{Content: docmodel.Plain("Updates are signed.")}},
//	})
//
// Sections nest: a [Section] holds the blocks under its heading, including
// its subsections. Levels are the heading levels as written (2 for a section
// of a document whose title is level 1); they need not be consecutive.
//
// Inline content is a list of [Inline] values: plain [Text] (never markup:
// renderers escape it for their format), [Strong], [Emphasis], [Code],
// [Link] to an address outside the document set, [XRef] to a section of
// this or another generated document, and a few more for Markdown read from
// files.
//
// Every block carries a [Provenance]: the spec paths of the facts it states,
// the spec paths whose absence it states, the message key of its fixed
// text, or the line it was read from. A reviewer can then ask of any
// paragraph "why does the document say this?" and get the spec fields.
//
// [Problems] lists structural defects that no generated document may have
// (a heading without content, a lead-in sentence ending in a colon with
// nothing after it, an empty list); package docs refuses to emit such a
// document, and the tests of every template rely on it.
package docmodel
