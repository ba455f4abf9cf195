// Package xsd validates XML documents against W3C XML Schema 1.0 documents,
// for the subset of XML Schema that the CycloneDX schemas use: global and
// local element declarations, named and anonymous complex and simple types,
// sequence and choice groups with occurrence bounds, element and attribute
// wildcards, attribute groups, simple content extensions, restrictions with
// the enumeration, pattern, length and range facets, unions, element
// defaults, and xs:unique identity constraints on attributes of all
// descendants. Anything else in a schema makes [Compile] fail, so a new
// schema construct cannot be ignored silently. XML Schema 1.1 parts marked
// vc:minVersion="1.1" are skipped, as an XML Schema 1.0 processor does.
//
// The validator never fetches anything: imported schemas come from the
// loader given to Compile.
package xsd

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// NS is the XML Schema namespace.
const NS = "http://www.w3.org/2001/XMLSchema"

const nsVC = "http://www.w3.org/2007/XMLSchema-versioning"

// Schema is a compiled set of schema documents, one per target namespace.
type Schema struct {
	docs     map[string]*Node // target namespace -> schema element
	elements map[xml.Name]*elementDecl
	complex  map[xml.Name]*complexType
	simple   map[xml.Name]*simpleType
	raw      map[xml.Name]*Node // named type, attribute group definitions
	groups   map[xml.Name]*attrGroup
	building map[*Node]*complexType
}

// Loader returns the schema document for an xs:import of namespace ns with
// the given schemaLocation.
type Loader func(ns, location string) ([]byte, error)

// elementDecl is an element declaration.
type elementDecl struct {
	name    xml.Name
	complex *complexType // nil for simple types and anyType
	simple  *simpleType
	anyType bool
	def     *string // default value
	uniques []unique
}

// complexType is a compiled complex type.
type complexType struct {
	name    string
	attrs   []*attrDecl
	anyAttr *wildcard
	content *particle   // nil: no child elements
	simple  *simpleType // simple content
	mixed   bool
	// byName maps the names of all elements declared in the content model,
	// to validate children that did not fit the model.
	byName map[xml.Name]*elementDecl
}

type attrDecl struct {
	name     string
	typ      *simpleType
	required bool
}

type attrGroup struct {
	attrs   []*attrDecl
	anyAttr *wildcard
}

type particleKind int

const (
	pElement particleKind = iota
	pSequence
	pChoice
	pAny
)

// particle is a term of a content model with its occurrence bounds.
type particle struct {
	kind     particleKind
	min, max int // max < 0: unbounded
	elem     *elementDecl
	children []*particle
	wc       *wildcard
}

// wildcard is an xs:any or xs:anyAttribute namespace constraint.
type wildcard struct {
	any     bool     // ##any
	other   bool     // ##other: any namespace but the target and none
	list    []string // explicit namespaces; "" for ##local
	target  string
	process string // strict, lax or skip
}

func (w *wildcard) allows(ns string) bool {
	switch {
	case w.any:
		return true
	case w.other:
		return ns != w.target && ns != ""
	}
	for _, n := range w.list {
		if n == ns {
			return true
		}
	}
	return false
}

// unique is an xs:unique constraint with selector .//* and field @attr.
type unique struct {
	name string
	attr string
}

// Compile compiles the schema document main and the documents it imports,
// which load supplies.
func Compile(main []byte, load Loader) (*Schema, error) {
	s := &Schema{
		docs:     map[string]*Node{},
		elements: map[xml.Name]*elementDecl{},
		complex:  map[xml.Name]*complexType{},
		simple:   map[xml.Name]*simpleType{},
		raw:      map[xml.Name]*Node{},
		groups:   map[xml.Name]*attrGroup{},
		building: map[*Node]*complexType{},
	}
	if err := s.addDoc(main, load); err != nil {
		return nil, err
	}
	// Compile every named type and global element now, so that an
	// unsupported construct fails here and not during validation.
	for _, doc := range s.docs {
		tns, _ := doc.Attr("targetNamespace")
		for _, c := range doc.Children {
			if skipNode(c) {
				continue
			}
			name, _ := c.Attr("name")
			qn := xml.Name{Space: tns, Local: name}
			var err error
			switch c.Name.Local {
			case "simpleType":
				_, err = s.namedSimple(qn)
			case "complexType":
				_, err = s.namedComplex(qn)
			case "element":
				err = s.globalElement(c, tns)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	s.raw, s.building = nil, nil
	return s, nil
}

func (s *Schema) addDoc(data []byte, load Loader) error {
	root, err := Parse(bytes.NewReader(data), 1000)
	if err != nil {
		return err
	}
	if root.Name.Space != NS || root.Name.Local != "schema" {
		return fmt.Errorf("not an XML Schema document: root element %s", root.Name.Local)
	}
	if v, _ := root.Attr("elementFormDefault"); v != "qualified" {
		return fmt.Errorf("schema: elementFormDefault %q is not supported", v)
	}
	tns, _ := root.Attr("targetNamespace")
	if _, dup := s.docs[tns]; dup {
		return nil
	}
	s.docs[tns] = root
	for _, c := range root.Children {
		if skipNode(c) {
			continue
		}
		switch c.Name.Local {
		case "import":
			ns, _ := c.Attr("namespace")
			loc, _ := c.Attr("schemaLocation")
			if _, done := s.docs[ns]; done {
				continue
			}
			data, err := load(ns, loc)
			if err != nil {
				return err
			}
			if err := s.addDoc(data, load); err != nil {
				return fmt.Errorf("import %s: %w", ns, err)
			}
		case "simpleType", "complexType", "attributeGroup":
			name, _ := c.Attr("name")
			s.raw[xml.Name{Space: tns, Local: name}] = c
		case "element":
		default:
			return fmt.Errorf("schema: top-level %s is not supported", c.Name.Local)
		}
	}
	return nil
}

// skipNode reports whether a schema node is to be ignored: annotations,
// foreign elements and XML Schema 1.1 parts.
func skipNode(n *Node) bool {
	if n.Name.Space != NS || n.Name.Local == "annotation" {
		return true
	}
	for _, a := range n.Attrs {
		if a.Name.Space == nsVC && a.Name.Local == "minVersion" {
			if f, err := strconv.ParseFloat(a.Value, 64); err == nil && f > 1.0 {
				return true
			}
		}
	}
	return false
}

// qname resolves a QName in an attribute value of schema node n.
func qname(n *Node, v string) (xml.Name, error) {
	prefix, local, ok := strings.Cut(v, ":")
	if !ok {
		prefix, local = "", v
	}
	uri, found := n.lookupPrefix(prefix)
	if !found {
		return xml.Name{}, fmt.Errorf("line %d: unknown namespace prefix in %q", n.Line, v)
	}
	return xml.Name{Space: uri, Local: local}, nil
}

func targetNS(n *Node) string {
	for e := n; e != nil; e = e.Parent {
		if e.Parent == nil {
			tns, _ := e.Attr("targetNamespace")
			return tns
		}
	}
	return ""
}

func (s *Schema) globalElement(n *Node, tns string) error {
	name, _ := n.Attr("name")
	d, err := s.elementDecl(n, xml.Name{Space: tns, Local: name})
	if err != nil {
		return err
	}
	s.elements[d.name] = d
	return nil
}

// elementDecl compiles an element declaration (global or local).
func (s *Schema) elementDecl(n *Node, name xml.Name) (*elementDecl, error) {
	d := &elementDecl{name: name}
	if v, ok := n.Attr("default"); ok {
		d.def = &v
	}
	if v, ok := n.Attr("fixed"); ok {
		return nil, fmt.Errorf("line %d: fixed %q is not supported", n.Line, v)
	}
	if t, ok := n.Attr("type"); ok {
		qn, err := qname(n, t)
		if err != nil {
			return nil, err
		}
		if err := s.setType(d, qn, n); err != nil {
			return nil, err
		}
	}
	for _, c := range n.Children {
		if skipNode(c) {
			continue
		}
		var err error
		switch c.Name.Local {
		case "complexType":
			d.complex, err = s.complexType(c, "")
		case "simpleType":
			d.simple, err = s.simpleType(c, "")
		case "unique":
			var u unique
			u, err = compileUnique(c)
			d.uniques = append(d.uniques, u)
		default:
			err = fmt.Errorf("line %d: %s in an element is not supported", c.Line, c.Name.Local)
		}
		if err != nil {
			return nil, err
		}
	}
	if d.complex == nil && d.simple == nil {
		d.anyType = true
	}
	return d, nil
}

func (s *Schema) setType(d *elementDecl, qn xml.Name, n *Node) error {
	if qn.Space == NS && qn.Local == "anyType" {
		d.anyType = true
		return nil
	}
	if st, err := s.namedSimple(qn); err == nil && st != nil {
		d.simple = st
		return nil
	}
	ct, err := s.namedComplex(qn)
	if err != nil {
		return err
	}
	if ct == nil {
		return fmt.Errorf("line %d: unknown type %s", n.Line, qn.Local)
	}
	d.complex = ct
	return nil
}

func compileUnique(n *Node) (unique, error) {
	name, _ := n.Attr("name")
	var sel, field string
	for _, c := range n.Children {
		switch c.Name.Local {
		case "selector":
			sel, _ = c.Attr("xpath")
		case "field":
			field, _ = c.Attr("xpath")
		}
	}
	if sel != ".//*" || !strings.HasPrefix(field, "@") || strings.ContainsAny(field[1:], "/:[") {
		return unique{}, fmt.Errorf("line %d: unique with selector %q and field %q is not supported", n.Line, sel, field)
	}
	return unique{name: name, attr: field[1:]}, nil
}

// namedSimple returns the simple type called qn, or nil if qn names no
// simple type.
func (s *Schema) namedSimple(qn xml.Name) (*simpleType, error) {
	if qn.Space == NS {
		return newBuiltin(qn.Local), nil
	}
	if st, ok := s.simple[qn]; ok {
		return st, nil
	}
	n, ok := s.raw[qn]
	if !ok || n.Name.Local != "simpleType" {
		return nil, nil
	}
	st, err := s.simpleType(n, qn.Local)
	if err != nil {
		return nil, err
	}
	s.simple[qn] = st
	return st, nil
}

// namedComplex returns the complex type called qn, or nil.
func (s *Schema) namedComplex(qn xml.Name) (*complexType, error) {
	if ct, ok := s.complex[qn]; ok {
		return ct, nil
	}
	n, ok := s.raw[qn]
	if !ok || n.Name.Local != "complexType" {
		return nil, nil
	}
	return s.complexType(n, qn.Local)
}

func (s *Schema) simpleType(n *Node, name string) (*simpleType, error) {
	for _, c := range n.Children {
		if skipNode(c) {
			continue
		}
		switch c.Name.Local {
		case "restriction":
			return s.restriction(c, name)
		case "union":
			return s.union(c, name)
		default:
			return nil, fmt.Errorf("line %d: %s in a simple type is not supported", c.Line, c.Name.Local)
		}
	}
	return nil, fmt.Errorf("line %d: empty simple type", n.Line)
}

func (s *Schema) baseSimple(n *Node) (*simpleType, error) {
	b, ok := n.Attr("base")
	if !ok {
		for _, c := range n.Children {
			if !skipNode(c) && c.Name.Local == "simpleType" {
				return s.simpleType(c, "")
			}
		}
		return nil, fmt.Errorf("line %d: restriction without a base", n.Line)
	}
	return s.simpleRef(n, b, "simple")
}

// simpleRef resolves the QName ref, written on n, to a simple type that must
// exist; what names the kind of reference in the error ("member", ...).
func (s *Schema) simpleRef(n *Node, ref, what string) (*simpleType, error) {
	qn, err := qname(n, ref)
	if err != nil {
		return nil, err
	}
	st, err := s.namedSimple(qn)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return nil, fmt.Errorf("line %d: unknown %s type %s", n.Line, what, ref)
	}
	return st, nil
}

func (s *Schema) restriction(n *Node, name string) (*simpleType, error) {
	base, err := s.baseSimple(n)
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = base.name
	}
	t := &simpleType{name: name, builtin: base.builtin, ws: base.ws, base: base, length: -1, minLen: -1, maxLen: -1}
	for _, c := range n.Children {
		if skipNode(c) || c.Name.Local == "simpleType" {
			continue
		}
		v, _ := c.Attr("value")
		switch c.Name.Local {
		case "enumeration":
			t.enum = append(t.enum, v)
		case "pattern":
			re, err := translatePattern(v)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", c.Line, err)
			}
			t.patterns = append(t.patterns, re)
			t.patSrc = append(t.patSrc, v)
		case "length", "minLength", "maxLength":
			k, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("line %d: %s %q", c.Line, c.Name.Local, v)
			}
			switch c.Name.Local {
			case "length":
				t.length = k
			case "minLength":
				t.minLen = k
			default:
				t.maxLen = k
			}
		case "minInclusive", "maxInclusive", "minExclusive", "maxExclusive":
			r, ok := new(big.Rat).SetString(v)
			if !ok {
				return nil, fmt.Errorf("line %d: %s %q", c.Line, c.Name.Local, v)
			}
			switch c.Name.Local {
			case "minInclusive":
				t.minIncl = r
			case "maxInclusive":
				t.maxIncl = r
			case "minExclusive":
				t.minExcl = r
			default:
				t.maxExcl = r
			}
		case "whiteSpace":
			switch v {
			case "preserve":
				t.ws = wsPreserve
			case "replace":
				t.ws = wsReplace
			case "collapse":
				t.ws = wsCollapse
			}
		default:
			return nil, fmt.Errorf("line %d: facet %s is not supported", c.Line, c.Name.Local)
		}
	}
	return t, nil
}

func (s *Schema) union(n *Node, name string) (*simpleType, error) {
	if name == "" {
		name = "union"
	}
	t := &simpleType{name: name, builtin: "string", length: -1, minLen: -1, maxLen: -1}
	if mt, ok := n.Attr("memberTypes"); ok {
		for _, m := range strings.Fields(mt) {
			st, err := s.simpleRef(n, m, "member")
			if err != nil {
				return nil, err
			}
			t.union = append(t.union, st)
		}
	}
	for _, c := range n.Children {
		if !skipNode(c) && c.Name.Local == "simpleType" {
			st, err := s.simpleType(c, "")
			if err != nil {
				return nil, err
			}
			t.union = append(t.union, st)
		}
	}
	if len(t.union) == 0 {
		return nil, fmt.Errorf("line %d: empty union", n.Line)
	}
	return t, nil
}

func (s *Schema) complexType(n *Node, name string) (*complexType, error) {
	if ct, ok := s.building[n]; ok {
		return ct, nil // recursive type: already being built
	}
	ct := &complexType{name: name, byName: map[xml.Name]*elementDecl{}}
	s.building[n] = ct
	if name != "" {
		s.complex[xml.Name{Space: targetNS(n), Local: name}] = ct
	}
	if v, _ := n.Attr("mixed"); v == "true" {
		ct.mixed = true
	}
	if err := s.complexBody(ct, n.Children); err != nil {
		return nil, err
	}
	return ct, nil
}

// complexBody compiles the children of a complexType or of a simple
// content extension.
func (s *Schema) complexBody(ct *complexType, kids []*Node) error {
	for _, c := range kids {
		if skipNode(c) {
			continue
		}
		switch c.Name.Local {
		case "sequence", "choice":
			p, err := s.particle(c, ct)
			if err != nil {
				return err
			}
			ct.content = p
		case "attribute":
			a, err := s.attribute(c)
			if err != nil {
				return err
			}
			ct.attrs = append(ct.attrs, a)
		case "attributeGroup":
			g, err := s.attrGroupRef(c)
			if err != nil {
				return err
			}
			ct.attrs = append(ct.attrs, g.attrs...)
			if g.anyAttr != nil {
				ct.anyAttr = g.anyAttr
			}
		case "anyAttribute":
			ct.anyAttr = compileWildcard(c)
		case "simpleContent":
			if err := s.simpleContent(ct, c); err != nil {
				return err
			}
		default:
			return fmt.Errorf("line %d: %s in a complex type is not supported", c.Line, c.Name.Local)
		}
	}
	return nil
}

func (s *Schema) simpleContent(ct *complexType, n *Node) error {
	for _, c := range n.Children {
		if skipNode(c) {
			continue
		}
		if c.Name.Local != "extension" {
			return fmt.Errorf("line %d: simpleContent %s is not supported", c.Line, c.Name.Local)
		}
		b, _ := c.Attr("base")
		qn, err := qname(c, b)
		if err != nil {
			return err
		}
		st, err := s.namedSimple(qn)
		if err != nil {
			return err
		}
		if st == nil {
			base, err := s.namedComplex(qn)
			if err != nil {
				return err
			}
			if base == nil || base.simple == nil {
				return fmt.Errorf("line %d: unknown simple content base %s", c.Line, b)
			}
			st = base.simple
			ct.attrs = append(ct.attrs, base.attrs...)
			ct.anyAttr = base.anyAttr
		}
		ct.simple = st
		if err := s.complexBody(ct, c.Children); err != nil {
			return err
		}
	}
	return nil
}

func (s *Schema) attribute(n *Node) (*attrDecl, error) {
	name, _ := n.Attr("name")
	if _, ok := n.Attr("ref"); ok || name == "" {
		return nil, fmt.Errorf("line %d: attribute references are not supported", n.Line)
	}
	a := &attrDecl{name: name}
	if u, _ := n.Attr("use"); u == "required" {
		a.required = true
	}
	if t, ok := n.Attr("type"); ok {
		st, err := s.simpleRef(n, t, "attribute")
		if err != nil {
			return nil, err
		}
		a.typ = st
	}
	for _, c := range n.Children {
		if !skipNode(c) && c.Name.Local == "simpleType" {
			st, err := s.simpleType(c, "")
			if err != nil {
				return nil, err
			}
			a.typ = st
		}
	}
	if a.typ == nil {
		a.typ = newBuiltin("anySimpleType")
	}
	return a, nil
}

func (s *Schema) attrGroupRef(n *Node) (*attrGroup, error) {
	ref, ok := n.Attr("ref")
	if !ok {
		return nil, fmt.Errorf("line %d: attributeGroup without ref", n.Line)
	}
	qn, err := qname(n, ref)
	if err != nil {
		return nil, err
	}
	if g, ok := s.groups[qn]; ok {
		return g, nil
	}
	def, ok := s.raw[qn]
	if !ok || def.Name.Local != "attributeGroup" {
		return nil, fmt.Errorf("line %d: unknown attribute group %s", n.Line, ref)
	}
	g := &attrGroup{}
	for _, c := range def.Children {
		if skipNode(c) {
			continue
		}
		switch c.Name.Local {
		case "attribute":
			a, err := s.attribute(c)
			if err != nil {
				return nil, err
			}
			g.attrs = append(g.attrs, a)
		case "anyAttribute":
			g.anyAttr = compileWildcard(c)
		default:
			return nil, fmt.Errorf("line %d: %s in an attribute group is not supported", c.Line, c.Name.Local)
		}
	}
	s.groups[qn] = g
	return g, nil
}

func compileWildcard(n *Node) *wildcard {
	w := &wildcard{target: targetNS(n), process: "strict"}
	if p, ok := n.Attr("processContents"); ok {
		w.process = p
	}
	ns, ok := n.Attr("namespace")
	if !ok {
		ns = "##any"
	}
	switch ns {
	case "##any":
		w.any = true
	case "##other":
		w.other = true
	default:
		for _, f := range strings.Fields(ns) {
			switch f {
			case "##local":
				w.list = append(w.list, "")
			case "##targetNamespace":
				w.list = append(w.list, w.target)
			default:
				w.list = append(w.list, f)
			}
		}
	}
	return w
}

func occurs(n *Node) (int, int, error) {
	lo, hi := 1, 1
	if v, ok := n.Attr("minOccurs"); ok {
		k, err := strconv.Atoi(v)
		if err != nil || k < 0 {
			return 0, 0, fmt.Errorf("line %d: minOccurs %q", n.Line, v)
		}
		lo = k
	}
	if v, ok := n.Attr("maxOccurs"); ok {
		if v == "unbounded" {
			hi = -1
		} else {
			k, err := strconv.Atoi(v)
			if err != nil || k < 0 {
				return 0, 0, fmt.Errorf("line %d: maxOccurs %q", n.Line, v)
			}
			hi = k
		}
	}
	return lo, hi, nil
}

func (s *Schema) particle(n *Node, ct *complexType) (*particle, error) {
	lo, hi, err := occurs(n)
	if err != nil {
		return nil, err
	}
	p := &particle{min: lo, max: hi}
	switch n.Name.Local {
	case "element":
		p.kind = pElement
		if ref, ok := n.Attr("ref"); ok {
			qn, err := qname(n, ref)
			if err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("line %d: element reference %s is not supported", n.Line, qn.Local)
		}
		name, _ := n.Attr("name")
		d, err := s.elementDecl(n, xml.Name{Space: targetNS(n), Local: name})
		if err != nil {
			return nil, err
		}
		p.elem = d
		if _, dup := ct.byName[d.name]; !dup {
			ct.byName[d.name] = d
		}
	case "any":
		p.kind = pAny
		p.wc = compileWildcard(n)
	case "sequence", "choice":
		p.kind = pSequence
		if n.Name.Local == "choice" {
			p.kind = pChoice
		}
		for _, c := range n.Children {
			if skipNode(c) {
				continue
			}
			switch c.Name.Local {
			case "element", "any", "sequence", "choice":
				cp, err := s.particle(c, ct)
				if err != nil {
					return nil, err
				}
				p.children = append(p.children, cp)
			default:
				return nil, fmt.Errorf("line %d: %s in a model group is not supported", c.Line, c.Name.Local)
			}
		}
	default:
		return nil, fmt.Errorf("line %d: particle %s is not supported", n.Line, n.Name.Local)
	}
	return p, nil
}
