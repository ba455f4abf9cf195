package docmodel

import (
	"time"

	"github.com/docgen/docgen/generator/diagram"
)

// Document is one document: its metadata and its body.
type Document struct {
	Meta Meta
	// Body is the content after the title and the document-control block.
	Body []Block
	// Footnotes are the footnotes referenced from the body, in the order of
	// their first reference; FootnoteRef.Index counts from 1 into this list.
	Footnotes []*Footnote
}

// Meta is a document's metadata and document control.
type Meta struct {
	// Name is the document's file base name, such as "ifu-security"; XRef
	// values name documents by it.
	Name string
	// Title is the full title, such as "Meridian ViewStation – Instructions
	// for use – cybersecurity".
	Title string
	// Subject is a short description for the metadata of PDF and DOCX.
	Subject string
	// Author is the author for the metadata: the legal manufacturer.
	Author string
	// Keywords are metadata keywords.
	Keywords []string
	// ID and Revision identify the document in the manufacturer's document
	// system; Date is its issue date (zero when not known).
	ID, Revision string
	Date         time.Time
	// Language is the BCP 47 tag of the text, such as "en".
	Language string
	// Audience names the readers the document is written for, such as
	// "lay" (patients and caregivers), "user", "administrator",
	// "network-administrator" or "public"; renderers may use it for
	// metadata, and package docs uses it to keep technical detail out of
	// documents for lay readers.
	Audience string
	// Control holds the rows of the document-control block, in order.
	Control []Field
	// Fragment marks a chapter meant to be included in a larger document
	// (the IfU security section inside a full IfU): formats that can be
	// included (Markdown) leave out the title and the document control.
	Fragment bool
	// Draft marks a document that must not be released (its spec still has
	// check errors). Renderers show DraftNotice prominently: on the title
	// page, in the running header, as a banner, and in the metadata.
	Draft       bool
	DraftNotice string
}

// Field is a name and a value, both plain text.
type Field struct {
	Name, Value string
}

// Provenance says where the content of a block comes from.
type Provenance struct {
	// Paths are the spec paths of the facts the block states, such as
	// "updates.channel" or "data_streams[3].port".
	Paths []string `json:"paths,omitempty"`
	// Absent are the spec paths whose absence the block states, such as
	// "cvd" for "No vulnerability disclosure policy is published".
	Absent []string `json:"absent,omitempty"`
	// Text is the message key of the block's fixed text, "" when the block
	// holds only text from the spec.
	Text string `json:"text,omitempty"`
	// Line is the 1-based line of the Markdown source the block was read
	// from, 0 for generated blocks.
	Line int `json:"line,omitempty"`
}

// Empty reports whether p records nothing.
func (p Provenance) Empty() bool {
	return len(p.Paths) == 0 && len(p.Absent) == 0 && p.Text == "" && p.Line == 0
}

// Node is embedded in every block and gives it its provenance.
type Node struct {
	Source Provenance
}

// Provenance returns the node's provenance, for reading and setting.
func (n *Node) Provenance() *Provenance { return &n.Source }

// Block is a block-level element of a document.
type Block interface {
	// Provenance returns the block's provenance.
	Provenance() *Provenance
	isBlock()
}

// Section is a heading with the blocks under it, subsections included.
type Section struct {
	Node
	// Level is the heading level, 1 to 6.
	Level int
	Title []Inline
	// Anchor is the section's id, unique in the document: a stable catalog
	// anchor such as "ifu-updates" for generated sections, or an id derived
	// from the title (see AssignAnchors).
	Anchor string
	// Explicit is set when the anchor was written in the source (an <a
	// id>, a {#id}), not derived from the title.
	Explicit bool
	// Aliases are further ids the source gives the same heading; links to
	// them lead to the section.
	Aliases []string
	Blocks  []Block
}

// Paragraph is a paragraph of inline content.
type Paragraph struct {
	Node
	Content []Inline
}

// List is a bullet or numbered list.
type List struct {
	Node
	Ordered bool
	// Start is the number of the first item of an ordered list, usually 1
	// (0 is a valid start too).
	Start int
	// Loose lists separate their items by blank lines in Markdown.
	Loose bool
	Items []*ListItem
}

// TaskState is the check box of a task-list item.
type TaskState int

// The task states.
const (
	NoTask TaskState = iota
	TaskOpen
	TaskDone
)

// ListItem is one item of a list.
type ListItem struct {
	Node
	Task   TaskState
	Blocks []Block
}

// ColumnKind says what a table column holds, so that renderers can keep
// tokens together and align them.
type ColumnKind int

// The column kinds.
const (
	// TextColumn holds prose.
	TextColumn ColumnKind = iota
	// CodeColumn holds technical tokens shown as code: ids, package URLs.
	CodeColumn
	// DateColumn holds dates (YYYY-MM-DD), never broken.
	DateColumn
	// PortColumn holds ports, port ranges and protocol/port pairs.
	PortColumn
	// NumberColumn holds numbers.
	NumberColumn
)

// Align is the horizontal alignment of a column.
type Align int

// The alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Column is one column of a table.
type Column struct {
	Header []Inline
	Kind   ColumnKind
	Align  Align
}

// Table is a table with one header row.
type Table struct {
	Node
	// ID is the table's stable name, such as "firewall-rules"; tables also
	// written as CSV use it as the file's base name. It may be empty.
	ID      string
	Columns []Column
	Rows    []*Row
}

// Row is one body row of a table.
type Row struct {
	Node
	Cells []*Cell
}

// Cell is one cell of a table row. An empty cell has no content; renderers
// show it as EmptyCell.
type Cell struct {
	Node
	Content []Inline
}

// EmptyCell is what an empty table cell shows in every format: a dash.
const EmptyCell = "–"

// Figure is an image or diagram with its caption and a text description.
type Figure struct {
	Node
	// Src is the image's file name next to the document, such as
	// "network-diagram.svg"; renderers look it up in their assets.
	Src string
	// Alt is the short alternative text.
	Alt string
	// Caption is shown under the figure; it may be empty.
	Caption []Inline
	// Description is the long text description of what the figure shows,
	// for screen readers and text-only formats; it may be empty.
	Description string
	// Diagram is the network diagram as data, when the figure is one.
	Diagram *diagram.Diagram
}

// AdmonitionKind is the kind of a call-out.
type AdmonitionKind string

// The admonition kinds, as GitHub's alerts name them.
const (
	Note      AdmonitionKind = "note"
	Tip       AdmonitionKind = "tip"
	Important AdmonitionKind = "important"
	Warning   AdmonitionKind = "warning"
	Caution   AdmonitionKind = "caution"
)

// AdmonitionKinds lists the kinds in GitHub's order.
var AdmonitionKinds = []AdmonitionKind{Note, Tip, Important, Warning, Caution}

// Admonition is a call-out such as a warning, which an IfU needs as a
// distinct element.
type Admonition struct {
	Node
	Kind AdmonitionKind
	// Title replaces the kind's default title when not empty.
	Title  []Inline
	Blocks []Block
}

// Quote is a block quote that is not an admonition.
type Quote struct {
	Node
	Blocks []Block
}

// CodeBlock is preformatted text.
type CodeBlock struct {
	Node
	// Language is the info string's first word, such as "yaml".
	Language string
	Text     string
}

// ThematicBreak is a horizontal rule.
type ThematicBreak struct {
	Node
}

// HTMLBlock is raw HTML read from Markdown. Renderers never copy it into
// their output; they leave it out or show it as text.
type HTMLBlock struct {
	Node
	Text string
}

// DefinitionList is a list of terms with their descriptions.
type DefinitionList struct {
	Node
	Items []*Definition
}

// Definition is a term with one or more descriptions.
type Definition struct {
	Term         []Inline
	Descriptions [][]Block
}

// Footnote is the text of a footnote.
type Footnote struct {
	Node
	// Label is the footnote's label in the Markdown source ("1", "note").
	Label  string
	Blocks []Block
}

func (*Section) isBlock()        {}
func (*Paragraph) isBlock()      {}
func (*List) isBlock()           {}
func (*Table) isBlock()          {}
func (*Figure) isBlock()         {}
func (*Admonition) isBlock()     {}
func (*Quote) isBlock()          {}
func (*CodeBlock) isBlock()      {}
func (*ThematicBreak) isBlock()  {}
func (*HTMLBlock) isBlock()      {}
func (*DefinitionList) isBlock() {}

// Inline is an inline element.
type Inline interface{ isInline() }

// Text is plain text. It is never markup: renderers escape it.
type Text struct {
	Text string
}

// Strong is strongly emphasised content (bold).
type Strong struct {
	Content []Inline
}

// Emphasis is emphasised content (italic).
type Emphasis struct {
	Content []Inline
}

// Strikethrough is struck-out content.
type Strikethrough struct {
	Content []Inline
}

// Code is an inline code span.
type Code struct {
	Text string
}

// Link is a link to an address outside the generated document set: a web
// page, an e-mail address (mailto:), or a relative file.
type Link struct {
	URL   string
	Title string
	// Content is the link text; when empty, renderers show the URL (without
	// mailto:).
	Content []Inline
}

// XRef is a cross-reference to a section of a generated document.
type XRef struct {
	// Document is the Meta.Name of the document referred to, "" for the
	// document the reference is in.
	Document string
	// Anchor is the section's anchor, "" for the document as a whole.
	Anchor  string
	Content []Inline
}

// Image is an inline image read from Markdown; an image alone in its
// paragraph is read as a Figure instead.
type Image struct {
	Src, Alt, Title string
}

// LineBreak is a hard line break.
type LineBreak struct{}

// RawHTML is inline raw HTML read from Markdown; renderers never copy it
// into their output.
type RawHTML struct {
	Text string
}

// FootnoteRef is a reference to Document.Footnotes[Index-1].
type FootnoteRef struct {
	Index int
}

func (*Text) isInline()          {}
func (*Strong) isInline()        {}
func (*Emphasis) isInline()      {}
func (*Strikethrough) isInline() {}
func (*Code) isInline()          {}
func (*Link) isInline()          {}
func (*XRef) isInline()          {}
func (*Image) isInline()         {}
func (*LineBreak) isInline()     {}
func (*RawHTML) isInline()       {}
func (*FootnoteRef) isInline()   {}

// SetAnchors makes the first of ids the section's explicit anchor and the
// others, without repeats, its aliases. An empty list leaves the section
// without an explicit anchor.
func (s *Section) SetAnchors(ids []string) {
	s.Anchor, s.Explicit, s.Aliases = "", false, nil
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		if s.Anchor == "" {
			s.Anchor, s.Explicit = id, true
		} else {
			s.Aliases = append(s.Aliases, id)
		}
	}
}

// AnchorIDs returns the section's explicit anchor and its aliases, or nil
// when its anchor is derived from the title.
func (s *Section) AnchorIDs() []string {
	if !s.Explicit {
		return nil
	}
	return append([]string{s.Anchor}, s.Aliases...)
}
