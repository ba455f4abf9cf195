package sbom

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/sbom/internal/xsd"
)

// xmlReader builds the model from a CycloneDX XML document item by item,
// as [xsd.Stream] hands the items of its top-level lists over, and applies
// the extra checks to them. Only elements of the document's CycloneDX
// namespace are read; extension elements of other namespaces are not.
// Texts are taken as written, except where the JSON reader trims too
// (hashes, licence names and expressions, numbers).
type xmlReader struct {
	xmlConv
	b     BOM
	comps chunked[Component]
	deps  chunked[Dependency]
	rules xmlRules
	// seen are the metadata children read, the first of each name only.
	seen map[string]bool
}

func newXMLReader(ns string) *xmlReader {
	return &xmlReader{
		xmlConv: xmlConv{ns: ns, pool: map[string]string{}},
		b:       BOM{Format: FormatCycloneDX},
		rules:   xmlRules{ns: ns, refs: map[string]bool{}},
		seen:    map[string]bool{},
	}
}

// item reads one item: an element at /bom/LIST/ITEM.
func (x *xmlReader) item(n *xsd.Node) {
	x.rules.walk(n)
	list := n.Parent
	if n.Name.Space != x.ns || list.Name.Space != x.ns {
		return
	}
	b := &x.b
	switch list.Name.Local + "/" + n.Name.Local {
	case "metadata/timestamp", "metadata/authors", "metadata/tools", "metadata/component":
		if x.seen[n.Name.Local] {
			return
		}
		x.seen[n.Name.Local] = true
		switch n.Name.Local {
		case "timestamp":
			b.Timestamp = n.Text
		case "authors":
			for _, a := range x.children(n, "author") {
				if s := x.contactName(a); s != "" {
					b.Authors = append(b.Authors, s)
				}
			}
		case "tools":
			b.Tools = x.tools(n)
		case "component":
			subj := x.component(n, "")
			b.Subject = &subj
			for _, c := range x.children(x.child(n, "components"), "component") {
				x.addComponent(&x.comps, c, subj.parentKey())
			}
		}
	case "components/component":
		x.addComponent(&x.comps, n, "")
	case "dependencies/dependency":
		ref, _ := n.Attr("ref")
		dep := Dependency{Ref: x.intern(ref)}
		for _, on := range x.children(n, "dependency") {
			r, _ := on.Attr("ref")
			dep.DependsOn = append(dep.DependsOn, x.intern(r))
		}
		x.deps.add(dep)
	case "vulnerabilities/vulnerability":
		b.Vulnerabilities = append(b.Vulnerabilities, x.vulnerability(n))
	}
}

// finish checks what is left of the document (the root and the lists,
// with their items let go) and returns the model and the problems the
// extra checks found.
func (x *xmlReader) finish(root *xsd.Node) (*BOM, *problemList) {
	x.rules.walk(root)
	version, _ := root.Attr("version")
	x.b.Version, _ = strconv.Atoi(strings.TrimSpace(version))
	x.b.SerialNumber, _ = root.Attr("serialNumber")
	x.b.Components = x.comps.join([]Component{})
	x.b.Dependencies = x.deps.join(nil)
	b := x.b // a copy: the reader's maps are not kept with the model
	return &b, x.rules.finish()
}

// xmlConv reads the model from CycloneDX elements of namespace ns; strings
// that repeat across components are shared through pool.
type xmlConv struct {
	ns   string
	pool map[string]string
}

func (x *xmlConv) intern(s string) string {
	if c, ok := x.pool[s]; ok {
		return c
	}
	x.pool[s] = s
	return s
}

// child returns n's first child element called local, or nil.
func (x *xmlConv) child(n *xsd.Node, local string) *xsd.Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Name.Local == local && c.Name.Space == x.ns {
			return c
		}
	}
	return nil
}

// children returns n's child elements called local.
func (x *xmlConv) children(n *xsd.Node, local string) []*xsd.Node {
	if n == nil {
		return nil
	}
	var out []*xsd.Node
	for _, c := range n.Children {
		if c.Name.Local == local && c.Name.Space == x.ns {
			out = append(out, c)
		}
	}
	return out
}

// text returns the text of n's child called local, as written.
func (x *xmlConv) text(n *xsd.Node, local string) string {
	if c := x.child(n, local); c != nil {
		return c.Text
	}
	return ""
}

func (x *xmlConv) contactName(c *xsd.Node) string {
	if n := x.text(c, "name"); n != "" {
		return n
	}
	return x.text(c, "email")
}

// tools reads metadata/tools: legacy <tool> elements (1.2-1.4) or
// <components> and <services> (1.5 on).
func (x *xmlConv) tools(t *xsd.Node) []string {
	var out []string
	for _, tool := range x.children(t, "tool") {
		out = append(out, joinWords(x.text(tool, "vendor"), x.text(tool, "name"), x.text(tool, "version")))
	}
	for _, c := range x.children(x.child(t, "components"), "component") {
		out = append(out, joinWords(x.text(c, "group"), x.text(c, "name"), x.text(c, "version")))
	}
	for _, s := range x.children(x.child(t, "services"), "service") {
		out = append(out, joinWords(x.text(s, "group"), x.text(s, "name"), x.text(s, "version")))
	}
	return out
}

// addComponent appends c and, right after it, its nested components.
func (x *xmlConv) addComponent(out *chunked[Component], c *xsd.Node, parent string) {
	comp := x.component(c, parent)
	out.add(comp)
	for _, n := range x.children(x.child(c, "components"), "component") {
		x.addComponent(out, n, comp.parentKey())
	}
}

func (x *xmlConv) component(c *xsd.Node, parent string) Component {
	ref, _ := c.Attr("bom-ref")
	typ, _ := c.Attr("type")
	out := Component{
		BOMRef:    x.intern(ref),
		Type:      x.intern(typ),
		Group:     x.intern(x.text(c, "group")),
		Name:      x.text(c, "name"),
		Version:   x.text(c, "version"),
		Author:    x.intern(x.text(c, "author")),
		Publisher: x.intern(x.text(c, "publisher")),
		Purl:      x.text(c, "purl"),
		CPE:       x.text(c, "cpe"),
		Scope:     x.intern(x.text(c, "scope")),
		Parent:    parent,
	}
	if s := x.child(c, "swid"); s != nil {
		out.SWID, _ = s.Attr("tagId")
	}
	out.Supplier = x.intern(x.text(x.child(c, "supplier"), "name"))
	if out.Supplier == "" {
		out.Supplier = x.intern(x.text(x.child(c, "manufacturer"), "name"))
	}
	if out.Author == "" {
		var names []string
		for _, a := range x.children(x.child(c, "authors"), "author") {
			if s := x.contactName(a); s != "" {
				names = append(names, s)
			}
		}
		out.Author = x.intern(strings.Join(names, ", "))
	}
	if ls := x.child(c, "licenses"); ls != nil {
		for _, l := range ls.Children {
			if l.Name.Space != x.ns {
				continue
			}
			switch l.Name.Local {
			case "expression":
				out.Licenses = append(out.Licenses, x.intern(strings.TrimSpace(l.Text)))
			case "expression-detailed":
				e, _ := l.Attr("expression")
				out.Licenses = append(out.Licenses, x.intern(strings.TrimSpace(e)))
			case "license":
				if id := x.text(l, "id"); id != "" {
					out.Licenses = append(out.Licenses, x.intern(id))
				} else if n := x.text(l, "name"); n != "" {
					out.Licenses = append(out.Licenses, x.intern(strings.TrimSpace(n)))
				}
			}
		}
	}
	for _, h := range x.children(x.child(c, "hashes"), "hash") {
		alg, _ := h.Attr("alg")
		out.Hashes = append(out.Hashes, Hash{Alg: x.intern(alg), Value: strings.TrimSpace(h.Text)})
	}
	for _, p := range x.children(x.child(c, "properties"), "property") {
		name, _ := p.Attr("name")
		out.Properties = append(out.Properties, Property{Name: x.intern(name), Value: x.intern(p.Text)})
	}
	out.applySupport()
	out.normalize()
	return out
}

func (x *xmlConv) vulnerability(v *xsd.Node) Vulnerability {
	out := Vulnerability{
		ID:             x.text(v, "id"),
		Description:    x.text(v, "description"),
		Detail:         x.text(v, "detail"),
		Recommendation: x.text(v, "recommendation"),
		Published:      x.text(v, "published"),
		Updated:        x.text(v, "updated"),
	}
	src := x.child(v, "source")
	out.SourceName, out.SourceURL = x.intern(x.text(src, "name")), x.text(src, "url")
	for _, r := range x.children(x.child(v, "ratings"), "rating") {
		rt := Rating{
			Source:   x.intern(x.text(x.child(r, "source"), "name")),
			Severity: x.intern(x.text(r, "severity")),
			Method:   x.intern(x.text(r, "method")),
			Vector:   x.text(r, "vector"),
		}
		if s := x.child(r, "score"); s != nil {
			rt.Score, _ = strconv.ParseFloat(strings.TrimSpace(s.Text), 64)
		}
		out.Ratings = append(out.Ratings, rt)
	}
	for _, t := range x.children(x.child(v, "affects"), "target") {
		out.Affects = append(out.Affects, x.intern(x.text(t, "ref")))
	}
	if a := x.child(v, "analysis"); a != nil {
		out.State = x.intern(x.text(a, "state"))
		out.Justification = x.intern(x.text(a, "justification"))
		out.AnalysisDetail = x.text(a, "detail")
		for _, r := range x.children(x.child(a, "responses"), "response") {
			out.Responses = append(out.Responses, x.intern(r.Text))
		}
	}
	return out
}
