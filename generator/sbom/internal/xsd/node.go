package xsd

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Node is one XML element of a parsed document.
type Node struct {
	Name xml.Name
	// Attrs are the attributes, without namespace declarations.
	Attrs []xml.Attr
	// Children are the child elements in document order.
	Children []*Node
	// Text is the character data directly inside the element (CDATA
	// included), concatenated. It is "" for an element with child elements
	// and only white space between them.
	Text string
	// Line is the line of the end of the start tag.
	Line   int
	Parent *Node
	// done marks an element validated while streaming (see [Stream]);
	// its attributes, text and children have been let go.
	done bool
	// ns are the namespace declarations made on this element, prefix to
	// URI ("" for the default namespace); needed to resolve QNames in
	// attribute values of schema documents.
	ns map[string]string
}

// Attr returns the value of the attribute with no namespace called local,
// and whether it is present.
func (n *Node) Attr(local string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// Child returns the first child element with the given local name, or nil.
func (n *Node) Child(local string) *Node {
	for _, c := range n.Children {
		if c.Name.Local == local {
			return c
		}
	}
	return nil
}

// ChildText returns the trimmed text of the first child element with the
// given local name, or "".
func (n *Node) ChildText(local string) string {
	if c := n.Child(local); c != nil {
		return strings.TrimSpace(c.Text)
	}
	return ""
}

// lookupPrefix returns the namespace URI bound to prefix at n.
func (n *Node) lookupPrefix(prefix string) (string, bool) {
	for e := n; e != nil; e = e.Parent {
		if uri, ok := e.ns[prefix]; ok {
			return uri, true
		}
	}
	if prefix == "xml" {
		return "http://www.w3.org/XML/1998/namespace", true
	}
	return "", prefix == ""
}

// Path returns the element path of n, such as
// /bom/components/component[3]/hashes/hash[1]. Indexes count siblings of
// the same name, from 1, as in XPath; they are left out for an element that
// is the only one of its name.
func (n *Node) Path() string { return n.pathFrom(nil) }

// pathFrom returns the element path of n below its ancestor top, such as
// /hashes/hash[1] below a component; the whole path if top is nil.
func (n *Node) pathFrom(top *Node) string {
	var parts []string
	for e := n; e != nil && e != top; e = e.Parent {
		idx, count := 1, 1
		if p := e.Parent; p != nil {
			idx, count = 0, 0
			for _, s := range p.Children {
				if s.Name == e.Name {
					count++
					if s == e {
						idx = count
					}
				}
			}
		}
		parts = append(parts, segment(e.Name.Local, idx, count > 1))
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(parts[i])
	}
	return b.String()
}

// segment is the path segment of the idx-th element (from 1) called local
// among its siblings: "local", or "local[idx]" if several siblings have
// that name.
func segment(local string, idx int, several bool) string {
	if several || idx > 1 {
		return local + "[" + strconv.Itoa(idx) + "]"
	}
	return local
}

// SyntaxError is an XML syntax error or a document that breaks a parse
// limit. Code says which; callers turn it into a message.
type SyntaxError struct {
	Line int
	Code SyntaxCode
	// Detail is the decoder's message for CodeXML, the encoding label for
	// CodeEncoding, and the limit for CodeDepth.
	Detail string
}

// SyntaxCode classifies a SyntaxError.
type SyntaxCode int

// The syntax error codes.
const (
	CodeXML       SyntaxCode = iota // not well-formed, per encoding/xml
	CodeDepth                       // nested deeper than the limit
	CodeEncoding                    // declared encoding other than UTF-8 or US-ASCII
	CodeNoRoot                      // no root element
	CodeManyRoots                   // a second root element
	CodeOutside                     // text outside the root element
)

// Error formats e with its line, for logs; user messages are built by the
// caller from Code.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d: syntax error %d: %s", e.Line, e.Code, e.Detail)
}

// errEncoding marks the error of the charset reader.
var errEncoding = errors.New("unsupported encoding")

// Parse reads an XML document into a tree of Nodes. Elements nested deeper
// than maxDepth make it fail before the rest is read. Comments, processing
// instructions and the DOCTYPE are dropped; external entities are never
// resolved.
func Parse(r io.Reader, maxDepth int) (*Node, error) {
	return parse(newTokenizer(r).next, maxDepth, nil, nil)
}

// parse is [Parse] reading tokens from next, with hooks: start is called
// with each element once its start tag is read, end once its end tag is
// read (its Text and Children complete), both with the element's depth (1
// for the root). An error from a hook stops the parse and is returned as
// is.
func parse(next func() token, maxDepth int, start, end func(n *Node, depth int) error) (*Node, error) {
	var root, cur *Node
	// texts[i] collects the text of the open element at depth i+1, in
	// pieces between its children: adding each piece to Node.Text would
	// copy the text so far for every child, quadratic in the children.
	var texts []textPieces
	depth := 0
	// Element and attribute names repeat: keep one copy of each, not one
	// per element (a namespace URI per element is a sixth of the tree).
	names := map[string]string{}
	intern := func(s string) string {
		if c, ok := names[s]; ok {
			return c
		}
		names[s] = s
		return s
	}
	for {
		tok := next()
		switch tok.kind {
		case tokEOF:
			if root == nil {
				return nil, &SyntaxError{Line: 1, Code: CodeNoRoot}
			}
			return root, nil
		case tokErr:
			return nil, tok.err
		case tokStart:
			t := tok.start
			depth++
			line := tok.line
			if depth > maxDepth {
				return nil, &SyntaxError{Line: line, Code: CodeDepth, Detail: strconv.Itoa(maxDepth)}
			}
			if depth > len(texts) {
				texts = append(texts, textPieces{})
			}
			texts[depth-1].reset()
			n := &Node{Name: xml.Name{Space: intern(t.Name.Space), Local: intern(t.Name.Local)}, Line: line, Parent: cur}
			if len(t.Attr) > 0 {
				n.Attrs = make([]xml.Attr, 0, len(t.Attr))
			}
			for _, a := range t.Attr {
				a.Name = xml.Name{Space: intern(a.Name.Space), Local: intern(a.Name.Local)}
				switch {
				case a.Name.Space == "xmlns":
					n.setNS(a.Name.Local, a.Value)
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					n.setNS("", a.Value)
				default:
					n.Attrs = append(n.Attrs, a)
				}
			}
			if cur == nil {
				if root != nil {
					return nil, &SyntaxError{Line: line, Code: CodeManyRoots}
				}
				root = n
			} else {
				cur.Children = append(cur.Children, n)
			}
			cur = n
			if start != nil {
				if err := start(n, depth); err != nil {
					return nil, err
				}
			}
		case tokEnd:
			text := texts[depth-1].string()
			if len(cur.Children) == 0 || strings.TrimSpace(text) != "" {
				cur.Text = text
			}
			n := cur
			cur = cur.Parent
			if end != nil {
				if err := end(n, depth); err != nil {
					return nil, err
				}
			}
			depth--
		case tokText:
			if cur != nil {
				texts[depth-1].add(tok.text)
			} else if strings.TrimSpace(tok.text) != "" {
				return nil, &SyntaxError{Line: tok.line, Code: CodeOutside}
			}
		}
	}
}

// textPieces collects the character data of one element. The text of an
// element is most often one piece, which is then used as it is.
type textPieces struct {
	first string
	more  []byte // all pieces, once there are two
	n     int
}

func (t *textPieces) reset() { t.first, t.more, t.n = "", t.more[:0], 0 }

func (t *textPieces) add(s string) {
	switch t.n {
	case 0:
		t.first = s
	case 1:
		t.more = append(append(t.more[:0], t.first...), s...)
	default:
		t.more = append(t.more, s...)
	}
	t.n++
}

func (t *textPieces) string() string {
	if t.n <= 1 {
		return t.first
	}
	return string(t.more)
}

func (n *Node) setNS(prefix, uri string) {
	if n.ns == nil {
		n.ns = map[string]string{}
	}
	n.ns[prefix] = uri
}
