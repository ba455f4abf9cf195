package layout

// Elem is an element of the logical structure of a document (the
// structure tree of a tagged PDF): a heading, a paragraph, a list item, a
// table cell. A renderer builds the tree in reading order with [NewElem]
// and [Elem.Add], and tags the operations that draw an element's content
// with it (the Tag of [Text], [Rect], [Path], [Image] and [Style]); a
// [Link] names the Link element that holds it. Operations without a tag
// are artifacts: decoration that is not content, such as backgrounds,
// rules and borders. The tags [Header], [Footer] and [Pagination] mark the
// artifacts that page layout adds: running headers, footers and repeated
// table headers.
//
// The order of the tree is the reading order, whatever the order in which
// the content lands on the pages: a figure that floats to the next page
// stays where the text refers to it.
type Elem struct {
	// Type is a standard structure type of PDF: Document, Sect, Div, H1
	// to H6, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Caption,
	// Link, TOC, TOCI, BlockQuote, Code, Note, Span.
	Type string
	// Alt is the alternative text of a figure.
	Alt string
	// ID is the element's identifier, unique in the document (a Note
	// needs one).
	ID string
	// Scope is "Column" or "Row" for a header cell (TH).
	Scope string
	// ListNumbering is the kind of list markers of a list (L): "Decimal",
	// "Disc".
	ListNumbering string
	// Contents describes the link annotations of a Link element, for
	// readers that show annotations rather than text.
	Contents string
	// Kids are the child elements in reading order.
	Kids []*Elem
	// Parent is the element that holds this one; nil for the root.
	Parent *Elem

	// artifact is the kind of a page-layout artifact tag.
	artifact string
}

// NewElem returns a new root element of type typ.
func NewElem(typ string) *Elem { return &Elem{Type: typ} }

// Add appends a new child element of type typ to e and returns it. On a
// nil e it returns an element outside any tree, whose content is written
// as an artifact: for content that is laid out only to be measured.
func (e *Elem) Add(typ string) *Elem {
	if e == nil {
		return &Elem{Type: typ}
	}
	k := &Elem{Type: typ, Parent: e}
	e.Kids = append(e.Kids, k)
	return k
}

// Artifact returns the kind of page-layout artifact a tag marks:
// "Header", "Footer" or "Pagination" for [Header], [Footer] and
// [Pagination], "" for structure elements.
func (e *Elem) Artifact() string {
	if e == nil {
		return ""
	}
	return e.artifact
}

// The tags of artifacts that page layout adds.
var (
	// Header marks running headers.
	Header = &Elem{Type: "Artifact", artifact: "Header"}
	// Footer marks footers and page numbers.
	Footer = &Elem{Type: "Artifact", artifact: "Footer"}
	// Pagination marks other content that page breaks repeat, such as the
	// header row of a table drawn again on the next page.
	Pagination = &Elem{Type: "Artifact", artifact: "Pagination"}
)

// IsContent reports whether tag is a structure element (not nil and not an
// artifact tag).
func IsContent(tag *Elem) bool { return tag != nil && tag.artifact == "" }

// Retag returns ops, as a new slice, with every drawing operation tagged
// with tag: the parts of a figure, or content drawn again as an artifact
// (a repeated table header). Links, anchors and outline marks are left
// out: they count where the content was drawn first.
func Retag(ops []Op, tag *Elem) []Op {
	out := make([]Op, len(ops))
	for i, op := range ops {
		switch o := op.(type) {
		case Text:
			o.Tag = tag
			op = o
		case Rect:
			o.Tag = tag
			op = o
		case Path:
			o.Tag = tag
			op = o
		case Image:
			o.Tag = tag
			op = o
		case Link, Anchor, Mark:
			continue
		}
		out[i] = op
	}
	j := 0
	for _, op := range out {
		if op != nil {
			out[j] = op
			j++
		}
	}
	return out[:j]
}
