package xsd

import (
	"encoding/xml"
	"strings"
)

// Kind classifies a validation [Error].
type Kind string

// The kinds of validation errors.
const (
	RootUnknown     Kind = "root-unknown"     // Value: root element name
	AttrNotAllowed  Kind = "attr-not-allowed" // Attr
	AttrMissing     Kind = "attr-missing"     // Attr
	AttrValue       Kind = "attr-value"       // Attr, Value, Violation
	ElemNotAllowed  Kind = "elem-not-allowed" // Value: element name; Want: expected names
	ElemMissing     Kind = "elem-missing"     // Want: expected names
	ElemValue       Kind = "elem-value"       // Value, Violation
	TextNotAllowed  Kind = "text-not-allowed" // Value: the text
	ChildNotAllowed Kind = "child-not-allowed"
	Duplicate       Kind = "duplicate" // Attr, Value; Want: path of the first
)

// Error is one way in which a document breaks its schema.
type Error struct {
	Node *Node
	Kind Kind
	// Attr is the attribute concerned, for attribute errors and
	// duplicates.
	Attr string
	// Value is the offending value or element name.
	Value string
	// Want names what was expected: element names joined with ", ", or the
	// path of the first occurrence of a duplicate.
	Want string
	// Violation details an invalid value.
	Violation *Violation
	// first locates the first element of a duplicate value found while
	// streaming; Want is filled in from it at the end.
	first place
}

// Rule names the XML Schema rule broken, for reports.
func (e Error) Rule() string {
	switch e.Kind {
	case AttrValue, ElemValue:
		if e.Violation != nil {
			return e.Violation.Facet
		}
	case ElemMissing:
		return "minOccurs"
	case ElemNotAllowed:
		return "content"
	case TextNotAllowed, ChildNotAllowed:
		return "content"
	case AttrMissing:
		return "use"
	case AttrNotAllowed:
		return "attribute"
	case Duplicate:
		return "unique"
	case RootUnknown:
		return "element"
	}
	return string(e.Kind)
}

// Validate checks the document rooted at root and returns the errors in
// document order, at most limit of them (all if limit <= 0), and the total
// number found.
func (s *Schema) Validate(root *Node, limit int) ([]Error, int) {
	v := &validator{limit: limit}
	d, ok := s.elements[root.Name]
	if !ok {
		v.add(Error{Node: root, Kind: RootUnknown, Value: root.Name.Space + " " + root.Name.Local})
		return v.errs, v.total
	}
	v.element(root, d)
	if u := newUniqueCheck(d); u != nil {
		for _, k := range root.Children {
			u.walk(k, v)
		}
	}
	fillWant(v.errs)
	return v.errs, v.total
}

type validator struct {
	errs  []Error
	total int
	limit int
}

func (v *validator) add(e Error) {
	v.total++
	if v.limit <= 0 || len(v.errs) < v.limit {
		v.errs = append(v.errs, e)
	}
}

func (v *validator) element(n *Node, d *elementDecl) {
	switch {
	case d.anyType:
		return
	case d.simple != nil:
		v.attributes(n, nil, nil)
		v.simpleContent(n, d.simple, d.def)
	default:
		ct := d.complex
		v.attributes(n, ct.attrs, ct.anyAttr)
		if ct.simple != nil {
			v.simpleContent(n, ct.simple, d.def)
			return
		}
		if !ct.mixed && strings.TrimSpace(n.Text) != "" {
			v.add(Error{Node: n, Kind: TextNotAllowed, Value: Clip(strings.TrimSpace(n.Text))})
		}
		v.content(n, ct)
	}
}

func (v *validator) simpleContent(n *Node, t *simpleType, def *string) {
	if len(n.Children) > 0 {
		v.add(Error{Node: n, Kind: ChildNotAllowed, Value: n.Children[0].Name.Local})
		return
	}
	val := n.Text
	if val == "" && def != nil {
		val = *def
	}
	if viol := t.check(val); viol != nil {
		v.add(Error{Node: n, Kind: ElemValue, Value: Clip(strings.TrimSpace(val)), Violation: viol})
	}
}

func (v *validator) attributes(n *Node, decls []*attrDecl, wc *wildcard) {
	for _, a := range n.Attrs {
		if a.Name.Space == nsXSI {
			continue
		}
		var decl *attrDecl
		if a.Name.Space == "" {
			for _, d := range decls {
				if d.name == a.Name.Local {
					decl = d
					break
				}
			}
		}
		if decl == nil {
			if wc == nil || !wc.allows(a.Name.Space) {
				v.add(Error{Node: n, Kind: AttrNotAllowed, Attr: attrName(a.Name)})
			}
			continue
		}
		if viol := decl.typ.check(a.Value); viol != nil {
			v.add(Error{Node: n, Kind: AttrValue, Attr: decl.name, Value: Clip(a.Value), Violation: viol})
		}
	}
	for _, d := range decls {
		if !d.required {
			continue
		}
		if _, ok := n.Attr(d.name); !ok {
			v.add(Error{Node: n, Kind: AttrMissing, Attr: d.name})
		}
	}
}

const nsXSI = "http://www.w3.org/2001/XMLSchema-instance"

func attrName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

// content matches the child elements of n against the content model of ct
// and validates each child against the declaration it matched. Children
// after a mismatch are still validated if ct declares an element of their
// name somewhere.
func (v *validator) content(n *Node, ct *complexType) {
	kids := n.Children
	m := &matcher{kids: kids, decl: make([]*elementDecl, len(kids)), lax: make([]bool, len(kids))}
	var err *Error
	if ct.content == nil {
		if len(kids) > 0 {
			err = &Error{Node: kids[0], Kind: ElemNotAllowed, Value: kids[0].Name.Local}
		}
	} else {
		err = m.particle(ct.content)
		if err == nil && m.pos < len(kids) {
			err = &Error{Node: kids[m.pos], Kind: ElemNotAllowed, Value: kids[m.pos].Name.Local}
		}
	}
	if err != nil {
		if err.Node == nil {
			err.Node = n
		}
		v.add(*err)
	}
	for i, k := range kids {
		d := m.decl[i]
		if d == nil && !m.lax[i] && i >= m.pos {
			d = ct.byName[k.Name]
		}
		if d != nil && !k.done {
			v.element(k, d)
		}
	}
}

// matcher matches a list of children against a content model, greedily.
// XML Schema's Unique Particle Attribution rule makes the models
// deterministic, so greedy matching with one element of look-ahead is
// exact.
type matcher struct {
	kids []*Node
	pos  int
	decl []*elementDecl // declaration each child matched
	lax  []bool         // child matched a wildcard
}

func (m *matcher) particle(p *particle) *Error {
	count := 0
	for p.max < 0 || count < p.max {
		if m.pos >= len(m.kids) || !canStart(p, m.kids[m.pos]) {
			break
		}
		start := m.pos
		if err := m.term(p); err != nil {
			return err
		}
		count++
		if m.pos == start {
			break
		}
	}
	if count < p.min && !termEmptiable(p) {
		return m.missing(p)
	}
	return nil
}

func (m *matcher) missing(p *particle) *Error {
	want := strings.Join(requiredNames(p, nil), ", ")
	if m.pos < len(m.kids) {
		k := m.kids[m.pos]
		return &Error{Node: k, Kind: ElemNotAllowed, Value: k.Name.Local, Want: want}
	}
	return &Error{Kind: ElemMissing, Want: want}
}

func (m *matcher) term(p *particle) *Error {
	switch p.kind {
	case pElement:
		m.decl[m.pos] = p.elem
		m.pos++
	case pAny:
		m.lax[m.pos] = true
		m.pos++
	case pSequence:
		for _, c := range p.children {
			if err := m.particle(c); err != nil {
				return err
			}
		}
	case pChoice:
		if m.pos < len(m.kids) {
			for _, c := range p.children {
				if canStart(c, m.kids[m.pos]) {
					return m.particle(c)
				}
			}
		}
		for _, c := range p.children {
			if emptiable(c) {
				return nil
			}
		}
		return m.missing(p)
	}
	return nil
}

func canStart(p *particle, k *Node) bool {
	if p.max == 0 {
		return false
	}
	switch p.kind {
	case pElement:
		return k.Name == p.elem.name
	case pAny:
		return p.wc.allows(k.Name.Space)
	case pSequence:
		for _, c := range p.children {
			if canStart(c, k) {
				return true
			}
			if !emptiable(c) {
				return false
			}
		}
	case pChoice:
		for _, c := range p.children {
			if canStart(c, k) {
				return true
			}
		}
	}
	return false
}

func emptiable(p *particle) bool { return p.min == 0 || termEmptiable(p) }

func termEmptiable(p *particle) bool {
	switch p.kind {
	case pSequence:
		for _, c := range p.children {
			if !emptiable(c) {
				return false
			}
		}
		return true
	case pChoice:
		for _, c := range p.children {
			if emptiable(c) {
				return true
			}
		}
	}
	return false
}

// requiredNames lists the element names of which one must come next for
// p to be satisfied: the first required element of a sequence, any of the
// alternatives of a choice.
func requiredNames(p *particle, acc []string) []string {
	switch p.kind {
	case pElement:
		acc = append(acc, p.elem.name.Local)
	case pAny:
		acc = append(acc, "*")
	case pSequence:
		for _, c := range p.children {
			if !emptiable(c) {
				return requiredNames(c, acc)
			}
		}
	case pChoice:
		for _, c := range p.children {
			acc = requiredNames(c, acc)
		}
	}
	return acc
}

// Clip shortens a long value to 80 bytes (on a UTF-8 boundary) with an
// ellipsis, for messages; the sbom package uses it too.
func Clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
