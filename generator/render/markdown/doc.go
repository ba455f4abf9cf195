// Package markdown writes docgen's document model as Markdown and reads
// Markdown into it. It owns the one goldmark configuration of docgen: the
// dialect that `docgen render` and `docgen check --docs` read is the one
// this package writes.
//
// # Writing
//
// [Write] renders a [docmodel.Document] as GitHub-flavoured Markdown: the
// title as a level-1 heading, the document-control block as a two-column
// table, then the body. Every section heading is preceded by its stable
// anchor on a line of its own,
//
//	<a id="ifu-updates"></a>
//
//	## Security updates
//
// so that links to #ifu-updates work on GitHub, in pandoc and in MkDocs,
// while each of them derives its own clean id from the heading text. Text
// from the spec is escaped: pipes, newlines and Markdown or HTML syntax
// render literally. Cross-references to other documents become relative
// links to their Markdown files (admin-guide.md#adm-sbom).
//
// # Reading
//
// [Read] parses CommonMark with the GitHub extensions (tables,
// strikethrough, task lists, autolinks), footnotes, definition lists and
// heading attributes ({#id}) into a document:
//
//   - YAML front matter (a mapping between --- lines at the very start)
//     fills the metadata: title, author, subject, keywords, lang, id,
//     revision, date.
//   - A level-1 heading that opens the document is its title.
//   - A heading's anchor is taken from <a id="..."></a> inside it or on the
//     line before it, or from {#id}; other headings get GitHub-style ids.
//   - A block quote starting with [!NOTE], [!TIP], [!IMPORTANT], [!WARNING]
//     or [!CAUTION] is an admonition.
//   - An image alone in its paragraph is a figure.
//   - Links to #anchor and to other.md#anchor are cross-references.
//   - Raw HTML is kept as HTMLBlock and RawHTML values, which renderers
//     never copy into their output.
//
// Blocks remember the line they were read from (Provenance.Line), so that
// warnings of any renderer point into the source file.
package markdown
