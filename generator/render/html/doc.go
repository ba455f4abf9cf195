// Package html turns a Markdown document written by docgen (or by hand, in
// the same dialect) into one standalone HTML page: the stylesheet is embedded,
// the network diagram is inlined as SVG, and the page loads nothing else, runs
// no script and needs no network.
//
// # Usage
//
//	var buf bytes.Buffer
//	err := html.Render(&buf, markdown, html.Options{
//		Title: "MVP-3 imaging workstation: administrator guide",
//		Meta: []html.MetaItem{
//			{Name: "Device", Value: "MVP-3 imaging workstation"},
//			{Name: "Document", Value: "ADM-0042"},
//			{Name: "Revision", Value: "C"},
//		},
//		InlineImages: map[string][]byte{"network-diagram.svg": svg},
//		Generator:    "docgen 1.0",
//	})
//
// The page has a header (the title and the document-control table built from
// [Options.Meta]), a table of contents of the level-2 and level-3 headings,
// and the document itself. A level-1 heading that opens the Markdown is the
// document title: the header shows it (or [Options.Title], which takes
// precedence) and it is not repeated below. The stylesheet lays the page out
// for reading on screen and, through a print stylesheet, for printing to A4.
//
// Render is deterministic: the same Markdown and options give the same bytes.
//
// # The Markdown dialect
//
// CommonMark with the GitHub extensions (tables, strikethrough, task lists,
// autolinks), footnotes and definition lists, and these conventions:
//
//   - Stable anchors. A heading carries its id as an empty anchor, which
//     GitHub also renders cleanly:
//
//     ## Security updates <a id="ifu-updates"></a>
//
//     The id must match [a-z0-9][a-z0-9-]*. Hand-written documents may use
//     the attribute syntax instead: ## Security updates {#ifu-updates}.
//     Other headings get GitHub-style ids ("Security updates" becomes
//     security-updates). Ids are unique in the page: a repeated id gets a
//     -1, -2, ... suffix, explicit ids keeping precedence over generated
//     ones. [Headings] reports the ids exactly as the page uses them.
//
//   - Inline images. An image whose destination is a key of
//     [Options.InlineImages] is replaced by that SVG; an image alone in its
//     paragraph becomes a figure captioned with its title, else its alt text.
//     Other images stay <img> elements with their relative src.
//
//   - Alerts. A blockquote that starts with a line [!NOTE], [!TIP],
//     [!IMPORTANT], [!WARNING] or [!CAUTION] is rendered as a titled call-out,
//     as on GitHub. Other blockquotes are styled as notices.
//
// # Safety
//
// Text reaches the page only escaped. Raw HTML in the Markdown is omitted
// (rendered as the comment <!-- raw HTML omitted -->), except the heading
// anchors above, which become id attributes; links and images with dangerous
// URLs (javascript:, vbscript:, file:, data: other than images) lose their
// destination; heading attributes other than the id are dropped. Only the SVG
// of [Options.InlineImages], which docgen draws itself, is copied verbatim.
package html
