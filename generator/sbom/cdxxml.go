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

// parseXML reads an XML document; only CycloneDX is supported.
func parseXML(name string, data []byte) (*BOM, error) {
	root, err := xsd.Parse(bytes.NewReader(data), MaxDepth)
	if err != nil {
		return nil, xmlParseError(name, err)
	}
	ns := root.Name.Space
	version, isCDX := strings.CutPrefix(ns, cdxNamespacePrefix)
	switch {
	case root.Name.Local == "RDF" || strings.Contains(ns, "spdx.org"):
		return nil, unsupported(name, msg.Get("sbom.found.spdx_rdf"))
	case root.Name.Local != "bom":
		return nil, unsupported(name, msg.Format("sbom.found.xml_root", root.Name.Local, ns))
	case isCDX && (version == "1.0" || version == "1.1"):
		return nil, unsupported(name, msg.Format("sbom.found.cdx_old", version, "XML"))
	case !isCDX || !knownCDXVersion(version):
		if !isCDX && !strings.Contains(ns, "cyclonedx") {
			return nil, unsupported(name, msg.Format("sbom.found.xml_root", root.Name.Local, ns))
		}
		return nil, &ValidationError{File: name, Against: msg.Get("sbom.against.cdx_xml"), Total: 1, Problems: []Problem{{
			Pointer: "/bom", Rule: "namespace", Line: root.Line,
			Message: msg.Format("sbom.xml.namespace", ns, cdxNamespacePrefix+"1.6"),
		}}}
	}
	schema, err := cdxXSD(version)
	if err != nil {
		return nil, err // embedded schema broken: a bug, caught by the tests
	}
	var problems, rules problemList
	errs, total := schema.Validate(root, MaxProblems)
	for _, e := range errs {
		problems.list = append(problems.list, xsdProblem(e))
	}
	problems.total = total
	if total == 0 {
		checkXML(root, &rules)
	}
	label := versionLabel(FormatCycloneDX, version, EncodingXML)
	for _, err := range []error{problems.err(name, msg.Format("sbom.against.xsd", label)), rules.err(name, msg.Format("sbom.against.rules", label))} {
		if err != nil {
			slices.SortStableFunc(err.(*ValidationError).Problems, func(a, b Problem) int { return a.Line - b.Line })
			return nil, err
		}
	}
	b := fromXMLDoc(root)
	b.Encoding = EncodingXML
	b.SpecVersion = canonicalVersion(version)
	return b, nil
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

// checkXML applies the extra checks (see checks.go) to a schema-valid
// CycloneDX XML document.
func checkXML(root *xsd.Node, out *problemList) {
	refs := map[string]bool{}
	var all []*xsd.Node
	var walk func(n *xsd.Node)
	walk = func(n *xsd.Node) {
		all = append(all, n)
		if r, ok := n.Attr("bom-ref"); ok {
			refs[r] = true
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(root)
	ns := root.Name.Space
	for _, n := range all {
		if n.Name.Space != ns {
			continue
		}
		switch n.Name.Local {
		case "hash":
			if n.Parent != nil && n.Parent.Name.Local == "hashes" {
				alg, _ := n.Attr("alg")
				if m := hashProblem(alg, n.Text); m != "" {
					out.add(Problem{Pointer: n.Path(), Line: n.Line, Rule: "hash-length", Message: m})
				}
			}
		case "dependency":
			if inDependencies(n) {
				if r, ok := n.Attr("ref"); ok && !refs[r] && !isBOMLink(r) {
					out.add(Problem{Pointer: n.Path(), Line: n.Line, Rule: "dependency-ref", Message: msg.Format("sbom.check.unknown_ref", r)})
				}
			}
		case "component":
			if n.Child("versionRange") != nil {
				if ext, _ := n.Attr("isExternal"); ext != "true" && ext != "1" {
					out.add(Problem{Pointer: n.Path() + "/versionRange", Line: n.Child("versionRange").Line, Rule: "version-range", Message: msg.Get("sbom.check.version_range")})
				}
			}
		}
	}
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
