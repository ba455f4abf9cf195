package sbom

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom/internal/xsd"
	"github.com/docgen/docgen/generator/srcpos"
)

// cdxNamespacePrefix starts the XML namespace of every CycloneDX version.
const cdxNamespacePrefix = "http://cyclonedx.org/schema/bom/"

// parseXML reads an XML document; only CycloneDX is supported. The
// document is validated against the official schema of its version while
// it is parsed, and each item of its top-level lists (a component, a
// dependency, a vulnerability, ...) is checked, converted into the model and
// let go as soon as it has been read, so that memory holds the model and
// not a tree of the whole document.
func parseXML(name string, data []byte) (*BOM, error) {
	var x *xmlReader
	st := &xsd.Stream{MaxDepth: MaxDepth, ItemDepth: 3, Limit: MaxProblems}
	var version string
	st.Schema = func(root *xsd.Node) (*xsd.Schema, error) {
		v, err := cdxXMLVersion(name, root)
		if err != nil {
			return nil, err
		}
		version = v
		x = newXMLReader(root.Name.Space)
		// A hint for the size of the model: every component start tag
		// (with the components lists, a few too many). Documents that
		// write a namespace prefix get no hint and lose nothing but time.
		x.comps.sized = make([]Component, 0, sizeHint[Component](min(bytes.Count(data, []byte("<component")), MaxComponents), len(data)))
		return cdxXSD(v)
	}
	// Entries of each list: the components converted (nested ones
	// included), or, once the document is invalid and nothing more is
	// converted, the items; either way each list is bounded.
	entries := map[string]int{}
	st.Item = func(n *xsd.Node) (bool, error) {
		list, valid := n.Parent.Name.Local, st.Total() == 0
		if valid {
			x.item(n)
		}
		if list == "components" && valid {
			entries[list] = x.comps.n // nested components included
		} else {
			entries[list]++
		}
		if entries[list] > MaxComponents {
			return false, tooMany(name, n.Line, list, entries[list])
		}
		return false, nil
	}
	root, errs, total, err := st.Run(bytes.NewReader(data))
	if err != nil {
		if _, ok := errorsAs[*xsd.SyntaxError](err); ok {
			return nil, xmlParseError(name, err)
		}
		return nil, err
	}
	var problems problemList
	for _, e := range errs {
		problems.list = append(problems.list, xsdProblem(e))
	}
	problems.total = total
	label := versionLabel(FormatCycloneDX, version, EncodingXML)
	if err := problems.err(name, msg.Format("sbom.against.xsd", label)); err != nil {
		return nil, err
	}
	b, rules := x.finish(root)
	if err := rules.err(name, msg.Format("sbom.against.rules", label)); err != nil {
		return nil, err
	}
	b.Encoding = EncodingXML
	b.SpecVersion = canonicalVersion(version)
	return b, nil
}

// cdxXMLVersion returns the CycloneDX version of a document from the
// namespace of its root element, or the error that says why the document
// is not one docgen reads.
func cdxXMLVersion(name string, root *xsd.Node) (string, error) {
	ns := root.Name.Space
	version, isCDX := strings.CutPrefix(ns, cdxNamespacePrefix)
	switch {
	case root.Name.Local == "RDF" || strings.Contains(ns, "spdx.org"):
		return "", unsupported(name, msg.Get("sbom.found.spdx_rdf"))
	case root.Name.Local != "bom":
		return "", unsupported(name, msg.Format("sbom.found.xml_root", root.Name.Local, ns))
	case isCDX && (version == "1.0" || version == "1.1"):
		return "", unsupported(name, msg.Format("sbom.found.cdx_old", version, "XML"))
	case !isCDX || !knownCDXVersion(version):
		if !isCDX && !strings.Contains(ns, "cyclonedx") {
			return "", unsupported(name, msg.Format("sbom.found.xml_root", root.Name.Local, ns))
		}
		return "", &ValidationError{File: name, Against: msg.Get("sbom.against.cdx_xml"), Total: 1, Problems: []Problem{{
			Pointer: "/bom", Rule: "namespace", Line: root.Line,
			Message: msg.Format("sbom.xml.namespace", ns, cdxNamespacePrefix+"1.6"),
		}}}
	}
	return version, nil
}

func xmlParseError(name string, err error) error {
	se, ok := errorsAs[*xsd.SyntaxError](err)
	if !ok {
		return &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.xml.syntax", err.Error())}
	}
	pos := srcpos.Pos{File: name, Line: se.Line}
	switch se.Code {
	case xsd.CodeDepth:
		return &ParseError{Pos: pos, Msg: msg.Format("sbom.too_deep", MaxDepth)}
	case xsd.CodeEncoding:
		return &ParseError{Pos: pos, Msg: msg.Format("sbom.xml.encoding", se.Detail)}
	case xsd.CodeNoRoot:
		return &ParseError{Pos: pos, Msg: msg.Get("sbom.xml.no_root")}
	case xsd.CodeManyRoots:
		return &ParseError{Pos: pos, Msg: msg.Get("sbom.xml.many_roots")}
	case xsd.CodeOutside:
		return &ParseError{Pos: pos, Msg: msg.Get("sbom.xml.outside")}
	}
	return &ParseError{Pos: pos, Msg: msg.Format("sbom.xml.syntax", se.Detail)}
}

// xsdSchemas are the compiled XML schemas by CycloneDX version.
var xsdSchemas sync.Map // version -> func() (*xsd.Schema, error)

// cdxXSD returns the compiled official XML schema of CycloneDX version v.
func cdxXSD(v string) (*xsd.Schema, error) {
	f, _ := xsdSchemas.LoadOrStore(v, sync.OnceValues(func() (*xsd.Schema, error) {
		data, err := schemaFS.ReadFile("schema/bom-" + v + ".xsd")
		if err != nil {
			return nil, err
		}
		return xsd.Compile(data, func(ns, loc string) ([]byte, error) {
			if ns == "http://cyclonedx.org/schema/spdx" {
				return schemaFS.ReadFile("schema/spdx.xsd")
			}
			return nil, fmt.Errorf("schema for namespace %s is not embedded and is never fetched", ns)
		})
	}))
	return f.(func() (*xsd.Schema, error))()
}

// xsdProblem turns an XML Schema error into a Problem with a message from
// the catalog.
func xsdProblem(e xsd.Error) Problem {
	p := Problem{Rule: e.Rule()}
	if e.Node != nil {
		p.Pointer = e.Node.Path()
		p.Line = e.Node.Line
	}
	switch e.Kind {
	case xsd.RootUnknown:
		p.Message = msg.Format("sbom.xml.root", e.Value)
	case xsd.AttrNotAllowed:
		p.Message = msg.Format("sbom.xml.attr_not_allowed", e.Attr)
	case xsd.AttrMissing:
		p.Message = msg.Format("sbom.xml.attr_missing", e.Attr)
	case xsd.AttrValue:
		p.Message = msg.Format("sbom.xml.attr_value", e.Attr, e.Value, violation(e.Violation))
	case xsd.ElemNotAllowed:
		if e.Want != "" {
			p.Message = msg.Format("sbom.xml.elem_not_allowed_want", e.Value, quoteList(strings.Split(e.Want, ", ")))
		} else {
			p.Message = msg.Format("sbom.xml.elem_not_allowed", e.Value)
		}
	case xsd.ElemMissing:
		p.Message = msg.Format("sbom.xml.elem_missing", quoteList(strings.Split(e.Want, ", ")))
	case xsd.ElemValue:
		p.Message = msg.Format("sbom.xml.elem_value", e.Value, violation(e.Violation))
	case xsd.TextNotAllowed:
		p.Message = msg.Format("sbom.xml.text_not_allowed", e.Value)
	case xsd.ChildNotAllowed:
		p.Message = msg.Format("sbom.xml.child_not_allowed", e.Value)
	case xsd.Duplicate:
		p.Message = msg.Format("sbom.check.duplicate_ref", e.Value, e.Want)
	default:
		p.Message = string(e.Kind)
	}
	return p
}

// violation explains how a value breaks its simple type.
func violation(v *xsd.Violation) string {
	if v == nil {
		return ""
	}
	switch v.Facet {
	case "enumeration":
		if v.Type == "licenseId" {
			return msg.Get("sbom.xml.want_license_id")
		}
		vals := make([]any, len(v.Enum))
		for i, s := range v.Enum {
			vals[i] = s
		}
		return msg.Format("sbom.xml.want_enum", enumList(vals))
	case "pattern":
		return msg.Format("sbom.xml.want_pattern", v.Want)
	case "type":
		return msg.Format("sbom.xml.want_type", v.Want)
	case "union":
		return msg.Format("sbom.xml.want_union", v.Want)
	}
	return msg.Format("sbom.xml.want_facet", v.Facet, v.Want)
}

// xmlRules applies the extra checks (see checks.go) to the elements of a
// CycloneDX XML document, item by item. A dependency on a bom-ref not
// declared before it is kept pending until the whole document is read.
type xmlRules struct {
	ns      string
	refs    map[string]bool
	list    []xmlFinding // the first MaxProblems, in document order
	total   int
	pending []xmlFinding // dependencies on refs not yet declared
	walker  xsd.Walker
}

// xmlFinding is a problem found in an element that may have been let go:
// its item, its path below the item, and its line.
type xmlFinding struct {
	item          *xsd.Node
	rel           string
	line          int
	rule, message string
	ref           string // the dependency's ref, while pending
}

// walk checks item and its descendants.
func (r *xmlRules) walk(item *xsd.Node) {
	r.walker.Walk(item, func(n *xsd.Node, rel func() string) {
		if ref, ok := n.Attr("bom-ref"); ok {
			r.refs[ref] = true
		}
		if n.Name.Space == r.ns {
			r.check(item, n, rel)
		}
	})
}

// check applies the checks to n, an element of item.
func (r *xmlRules) check(item, n *xsd.Node, rel func() string) {
	switch n.Name.Local {
	case "hash":
		if n.Parent != nil && n.Parent.Name.Local == "hashes" {
			alg, _ := n.Attr("alg")
			if m := hashProblem(alg, n.Text); m != "" {
				r.found(xmlFinding{item: item, rel: rel(), line: n.Line, rule: "hash-length", message: m})
			}
		}
	case "dependency":
		if inDependencies(n) {
			if ref, ok := n.Attr("ref"); ok && !r.refs[ref] && !isBOMLink(ref) {
				r.pending = append(r.pending, xmlFinding{item: item, rel: rel(), line: n.Line, rule: "dependency-ref", ref: ref})
			}
		}
	case "component":
		if vr := n.Child("versionRange"); vr != nil {
			if ext, _ := n.Attr("isExternal"); ext != "true" && ext != "1" {
				r.found(xmlFinding{item: item, rel: rel() + "/versionRange", line: vr.Line, rule: "version-range", message: msg.Get("sbom.check.version_range")})
			}
		}
	}
}

// found counts a problem and keeps the first MaxProblems.
func (r *xmlRules) found(f xmlFinding) {
	r.total++
	if len(r.list) < MaxProblems {
		r.list = append(r.list, f)
	}
}

// finish checks the pending dependencies against all the bom-refs of the
// document and returns the problems found, in document order.
func (r *xmlRules) finish() *problemList {
	all := r.list
	for _, p := range r.pending {
		if !r.refs[p.ref] {
			r.total++
			p.message = msg.Format("sbom.check.unknown_ref", p.ref)
			all = append(all, p)
		}
	}
	slices.SortStableFunc(all, func(a, b xmlFinding) int { return a.line - b.line })
	out := &problemList{total: r.total}
	for _, f := range all[:min(len(all), MaxProblems)] {
		out.list = append(out.list, Problem{Pointer: f.item.Path() + f.rel, Line: f.line, Rule: f.rule, Message: f.message})
	}
	return out
}

// inDependencies reports whether a dependency element belongs to the
// top-level dependencies list (not, say, to a formula's task dependencies).
func inDependencies(n *xsd.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Name.Local == "dependencies" {
			return p.Parent != nil && p.Parent.Parent == nil
		}
		if p.Name.Local != "dependency" {
			return false
		}
	}
	return false
}
