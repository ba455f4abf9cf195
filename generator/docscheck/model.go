package docscheck

// Document is what the checks need to know of a hand-written document: its
// headings with the text of their sections, its language, and the headings
// its front matter binds to catalog items. markdown.go builds it from
// Markdown with goldmark; the matching (match.go) and the content checks
// (content.go) use nothing else, so another reader can build it instead.
type Document struct {
	// Headings are the document's headings in document order.
	Headings []Heading
	// Lang is the language the front matter names (lang or language), ""
	// when it names none.
	Lang string
	// Bindings are the front matter's docgen-sections entries, in order.
	Bindings []Binding
}

// Heading is one heading of a document and the section it opens.
type Heading struct {
	// Level is 1 for "#" up to 6 for "######" (setext: 1 and 2).
	Level int
	// Text is the heading's plain text: inline markup, HTML and a trailing
	// {#id} attribute removed, entities decoded, white space collapsed.
	Text string
	// Anchors are the ids the heading carries: HTML id (or a name) inside
	// it, a {#id} attribute, and the ids of a block just before it that
	// holds nothing but empty anchor elements.
	Anchors []string
	// Line and Col locate the heading's first character, 1-based, in the
	// original file (front matter included).
	Line, Col int
	// Body is the plain text of the section, up to the next heading of the
	// same or a higher level: paragraphs, lists, tables, code and the text
	// of HTML, with link targets after their text; the sections of
	// sub-headings are included, the sub-headings' own text is not. HTML
	// comments are left out.
	Body string
	// Media is set when the section shows an image, a diagram or other
	// media.
	Media bool
}

// Binding binds a catalog item to headings of the document, for headings
// whose wording no catalog heading matches:
//
//	docgen-sections:
//	  IFU-BACKUP: Looking after your readings
//	  IFU-ALERTS: [Messages on the display, Alarms]
type Binding struct {
	// Item is the catalog item id, as written.
	Item string
	// Headings are the heading texts the item is bound to.
	Headings []string
	// Line is the line of the entry in the file.
	Line int
}
