package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
)

// node is an element of a part read from a template, with the byte offsets
// of its tags, so that content can be spliced into the part without
// re-encoding it (encoding/xml would rename the namespace prefixes, which
// Word's mc:Ignorable attributes refer to by name).
type node struct {
	Name xml.Name
	Attr []xml.Attr
	// Start and End delimit the whole element; InnerStart and InnerEnd its
	// content (equal for an empty element).
	Start, InnerStart, InnerEnd, End int
	Children                         []*node
}

// maxDepth bounds the nesting of a template part; WordprocessingML needs far
// less.
const maxDepth = 256

// scanXML reads data into a tree of elements.
func scanXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		after := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, errors.New("elements nested too deeply")
			}
			n := &node{Name: t.Name, Attr: slices.Clone(t.Attr), Start: before, InnerStart: after}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n.InnerEnd, n.End = before, after
			if before == after {
				// A self-closing element: its content is empty.
				n.InnerStart, n.InnerEnd = after, after
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// attr returns the value of the attribute of n in namespace space.
func (n *node) attr(space, local string) string {
	for _, a := range n.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// is reports whether n is the WordprocessingML element local.
func (n *node) is(local string) bool { return n.Name.Space == nsW && n.Name.Local == local }

// child returns the first child of n that is the WordprocessingML element
// local, or nil.
func (n *node) child(local string) *node {
	for _, c := range n.Children {
		if c.is(local) {
			return c
		}
	}
	return nil
}

// wPrefix returns the namespace declaration an element inserted into the
// part of root needs so that its "w:" prefix means WordprocessingML: none
// when the root already binds w to it.
func wPrefix(root *node) string {
	for _, a := range root.Attr {
		if a.Name.Space == "xmlns" && a.Name.Local == "w" {
			if a.Value == nsW {
				return ""
			}
			break
		}
	}
	return ` xmlns:w="` + nsW + `"`
}

// edit replaces data[at:at+del] by insert.
type edit struct {
	at, del int
	insert  []byte
}

// splice applies edits, which must not overlap, to data.
func splice(data []byte, edits []edit) []byte {
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		out.Write(data[pos:e.at])
		out.Write(e.insert)
		pos = e.at + e.del
	}
	out.Write(data[pos:])
	return out.Bytes()
}

// declareW adds the declaration decl (from wPrefix) to the start tag of each
// top-level element of the fragment frag, which starts with "<w:".
func declareW(frag []byte, decl string) ([]byte, error) {
	if decl == "" {
		return frag, nil
	}
	root, err := scanXML(append(append([]byte("<x>"), frag...), "</x>"...))
	if err != nil {
		return nil, fmt.Errorf("internal fragment: %w", err)
	}
	var edits []edit
	for _, c := range root.Children {
		// Insert after "<w:name", i.e. before the first space or '>' or
		// "/>" of the start tag.
		at := c.Start - 3 + 1
		for at < c.InnerStart-3 && frag[at] != ' ' && frag[at] != '>' && frag[at] != '/' {
			at++
		}
		edits = append(edits, edit{at: at, insert: []byte(decl)})
	}
	return splice(frag, edits), nil
}
