package docs

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// funcs are the functions templates write documents with. Functions that
// add content return a token in place of it; functions that give values
// return them for sentences; the rest are conditions. None of them lets a
// template write spec text unescaped or fixed text outside the catalog.
func (r *run) funcs() template.FuncMap {
	b := r.b
	s := b.in.Spec
	return template.FuncMap{
		// Structure.
		"section":    r.section,
		"subsection": func(name string) string { return r.token(item{kind: openSection, name: name}) },
		"bulletList": func() string { return r.token(item{kind: openList, name: "bullets"}) },
		"stepList":   func() string { return r.token(item{kind: openList, name: "steps"}) },
		"note": func(kind string) string {
			for _, k := range docmodel.AdmonitionKinds {
				if string(k) == kind {
					return r.token(item{kind: openNote, name: kind})
				}
			}
			panic(templateError{fmt.Sprintf("no call-out kind %q", kind)})
		},
		"close": func() string { return r.token(item{kind: closeGroup}) },

		// Blocks.
		"para": func(key string, args ...any) string {
			if p := r.sayBlock(key, args); p != nil {
				return r.token(item{kind: blockItem, block: p})
			}
			return r.none()
		},
		"lead": func(key string, args ...any) string {
			if p := r.sayBlock(key, args); p != nil {
				return r.token(item{kind: leadItem, block: p})
			}
			return ""
		},
		"text":     r.text,
		"labelled": r.labelled,
		"bullets":  func(path string) string { return r.list(path, false) },
		"steps":    func(path string) string { return r.list(path, true) },
		"table":    r.table,
		"figure":   r.figure,
		"absent":   r.absent,

		// Values for sentences.
		"f":        b.fact,
		"contact":  b.contact,
		"role":     b.roleName,
		"endpoint": b.endpointValue,
		"count":    b.count,
		"xref":     r.xref,
		"code": func(path string) value {
			v := b.fact(path)
			if v.empty() {
				return v
			}
			return value{content: []docmodel.Inline{&docmodel.Code{Text: v.text()}}, paths: v.paths}
		},
		"from": func(paths ...string) value {
			v := value{cited: true}
			for _, p := range paths {
				f := b.fact(p)
				if f.empty() {
					return value{cited: true} // the claim's fact is absent
				}
				v.paths = append(v.paths, f.paths...)
				v.content = f.content // non-empty: the fact is there
			}
			return v
		},
		"msgv": func(key string, args ...any) value {
			v, err := r.sentence(key, args...)
			if err != nil {
				panic(err)
			}
			return v
		},
		"path": func(list string, i int, f ...string) string {
			p := yamlx.Index(list, i)
			for _, x := range f {
				p = yamlx.Join(p, x)
			}
			return p
		},
		"opt": func(v value) value { v.optional = true; return v },
		"docid": func() value {
			return value{content: docmodel.Plain(documentID(s, r.def)), paths: []string{"document.id"}}
		},
		"currentChanges": r.currentChanges,
		"sbomSummarised": b.summariseSBOM,
		"componentRows":  b.componentRowsValue,
		"sbomCount": func() value {
			if b.in.BOM == nil || len(b.in.BOM.Components) == 0 {
				return noValue
			}
			return value{content: docmodel.Plain(r.m.Int(len(b.in.BOM.Components))), paths: []string{"sbom.path"}}
		},
		"ciphers": func() value {
			var out []docmodel.Inline
			for i, c := range s.Crypto.Ciphers {
				if i > 0 {
					out = append(out, &docmodel.Text{Text: ", "})
				}
				out = append(out, &docmodel.Code{Text: c})
			}
			if len(out) == 0 {
				return noValue
			}
			return value{content: out, paths: []string{"crypto.ciphers"}}
		},
		"internetHosts": r.internetHosts,

		// Conditions.
		"has": func(path string) bool {
			v, ok := s.Lookup(path)
			if !ok {
				panic(noSpecField(path))
			}
			return spec.HasContent(v)
		},
		"is": func(path string, want bool) bool {
			v, ok := s.Lookup(path)
			if !ok {
				panic(noSpecField(path))
			}
			if p, isPtr := v.Interface().(*bool); isPtr {
				return p != nil && *p == want
			}
			if v.Kind() == reflect.Bool {
				return v.Bool() == want
			}
			panic(templateError{fmt.Sprintf("%q is not a yes/no field", path)})
		},
		"eqv": func(path, want string) bool {
			v, ok := s.Lookup(path)
			if !ok || v.Kind() != reflect.String {
				panic(templateError{fmt.Sprintf("%q is not a text or choice field", path)})
			}
			return v.String() == want
		},
		"declaredAbsent": func(name string) bool { return s.IsAbsent(name) },
		"flag":           r.flagHolds,
		"operator":       s.Device.HasOperator,
		"multiComponent": func() bool { return multiComponent(s) },
		"tableEmpty":     func(id string) bool { return r.tableFor(id).Empty() },
		"statelessRules": func() bool {
			for _, fr := range s.FirewallRules {
				if fr.Stateful != nil && !*fr.Stateful {
					return true
				}
			}
			return false
		},
		"dutyHas": func(st string) bool {
			for _, d := range b.duties {
				if d.Has(spec.Stakeholder(st)) {
					return true
				}
			}
			return false
		},
	}
}

// none is the token of a block left out for lack of facts.
func (r *run) none() string { return r.token(item{kind: emptyItem}) }

// tableFor returns the table with id, for this document's readers.
func (r *run) tableFor(id string) *Table {
	t, ok := r.b.tables(r.view.Lay)[id]
	if !ok {
		panic(templateError{fmt.Sprintf("no table %q", id)})
	}
	return t
}

// table writes a table; an empty table writes nothing.
func (r *run) table(id string) string {
	t := r.tableFor(id)
	if t.Empty() {
		return r.none()
	}
	return r.token(item{kind: blockItem, block: t.modelIn(r.m)})
}

// text writes the spec text at path as it is, one paragraph per paragraph
// of the text.
func (r *run) text(path string) string {
	v, ok := r.b.in.Spec.Lookup(path)
	if !ok {
		panic(noSpecField(path))
	}
	t, isText := v.Interface().(spec.Text)
	if !isText {
		panic(templateError{fmt.Sprintf("%q is not a text field", path)})
	}
	if spec.IsPlaceholder(t.Value) {
		return r.none()
	}
	var tokens strings.Builder
	for _, p := range paragraphs(r.tr(t)) {
		tokens.WriteString(r.token(item{kind: blockItem, block: &docmodel.Paragraph{
			Node: docmodel.Node{Source: docmodel.Provenance{Paths: []string{path}}}, Content: docmodel.Plain(p),
		}}))
	}
	return tokens.String()
}

// paragraphs splits text at blank lines, each paragraph on one line.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = oneLine(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// labelled writes a paragraph that starts with a bold label from the
// message catalog and continues with the spec text at path.
func (r *run) labelled(key, path string) string {
	if !r.has(key) {
		panic(templateError{msg.Format("docs.tmpl.no_message", key, didYouMean(key, messageKeys()))})
	}
	v := r.b.fact(path)
	if v.empty() {
		return r.none()
	}
	content := append([]docmodel.Inline{&docmodel.Strong{Content: docmodel.Plain(r.get(key))}, &docmodel.Text{Text: " "}}, v.content...)
	return r.token(item{kind: blockItem, block: paragraph(key, value{content: content, paths: v.paths})})
}

// list writes the list of texts at path as a bullet or numbered list.
func (r *run) list(path string, numbered bool) string {
	v, ok := r.b.in.Spec.Lookup(path)
	if !ok {
		panic(noSpecField(path))
	}
	ts, isList := v.Interface().([]spec.Text)
	if !isList {
		panic(templateError{fmt.Sprintf("%q is not a list of texts", path)})
	}
	l := &docmodel.List{Ordered: numbered}
	if numbered {
		l.Start = 1
	}
	for i, t := range ts {
		if spec.IsPlaceholder(t.Value) {
			continue
		}
		p := yamlx.Index(path, i)
		l.Items = append(l.Items, &docmodel.ListItem{
			Node:   docmodel.Node{Source: docmodel.Provenance{Paths: []string{p}}},
			Blocks: []docmodel.Block{&docmodel.Paragraph{Node: docmodel.Node{Source: docmodel.Provenance{Paths: []string{p}}}, Content: docmodel.Plain(oneLine(r.tr(t)))}},
		})
	}
	if len(l.Items) == 0 {
		return r.none()
	}
	l.Source.Paths = []string{path}
	return r.token(item{kind: blockItem, block: l})
}

// absent writes the plain statement that the device has no <name>, with the
// reason the spec gives, when the spec states it (absent.<name>).
func (r *run) absent(name string) string {
	s := r.b.in.Spec
	if !s.IsAbsent(name) {
		return r.none()
	}
	p := "absent." + name
	key := "absent." + name
	v, err := r.sentence(key, r.b.fact(p))
	if err != nil {
		panic(err)
	}
	if v.empty() {
		return r.none()
	}
	para := paragraph(key, v)
	para.Source.Absent = []string{name}
	return r.token(item{kind: blockItem, block: para})
}

// figure writes the network diagram with its text description.
func (r *run) figure() string {
	d := r.b.in.Diagram
	if d == nil || r.b.in.DiagramFile == "" {
		return r.none()
	}
	return r.token(item{kind: blockItem, block: &docmodel.Figure{
		Node: docmodel.Node{Source: docmodel.Provenance{Paths: []string{"network.zones", "network.nodes", "data_streams"}}},
		Src:  r.b.in.DiagramFile, Alt: r.get("diagram.alt"), Description: d.Desc, Diagram: d,
		Caption: docmodel.Plain(r.get("diagram.caption")),
	}})
}

// xref is a reference to a section of a document of the set, written as
// "the network administrator guide, section “Firewall rules”". A document
// for lay readers may refer only to its own sections and to public
// documents. A reference to a section that the target document does not
// have is empty, and its sentence is left out.
func (r *run) xref(doc, anchor string) value {
	var target *docDef
	for i := range r.b.defs {
		if r.b.defs[i].Name == doc {
			target = &r.b.defs[i]
		}
	}
	if target == nil {
		panic(templateError{fmt.Sprintf("no document %q to refer to", doc)})
	}
	same := doc == r.def.Name
	if r.view.Lay && !same && !target.Public {
		panic(templateError{fmt.Sprintf("%s is read by lay users, who never receive %s; refer to it only when .Lay is false", r.def.Name, doc)})
	}
	if r.b.rendered != nil && anchor != "" {
		found := false
		for _, a := range r.b.rendered[doc] {
			found = found || a == anchor
		}
		if !found {
			return noValue
		}
	}
	var text string
	switch {
	case same:
		text = r.format("xref.here", r.get("section."+anchor+".title"))
	case anchor == "":
		text = r.get("doc." + doc + ".ref")
	default:
		text = r.format("xref.section", r.get("doc."+doc+".ref"), r.get("section."+anchor+".title"))
	}
	x := &docmodel.XRef{Anchor: anchor, Content: docmodel.Plain(text)}
	if !same {
		x.Document = doc
	}
	return value{content: []docmodel.Inline{x}}
}

// currentChanges is what changed in the current revision, from the entry of
// the revision history with the document's revision.
func (r *run) currentChanges() value {
	s := r.b.in.Spec
	for i, h := range s.Document.History {
		if h.Revision == s.Document.Revision && s.Document.Revision != "" {
			return r.b.fact(yamlx.Join(yamlx.Index("document.history", i), "changes"))
		}
	}
	return noValue
}

// internetHosts names the nodes in internet zones that the device's data
// streams reach, with their addresses: "Meridian update service
// (updates.meridian.example)".
func (r *run) internetHosts() value {
	s := r.b.in.Spec
	internet := map[string]bool{}
	for _, z := range s.Network.Zones {
		if z.Internet {
			internet[z.ID] = true
		}
	}
	var names []string
	var paths []string
	for i, n := range s.Network.Nodes {
		if !internet[n.Zone] && !internet[n.ID] {
			continue
		}
		used := false
		for _, ds := range s.DataStreams {
			used = used || ds.Source == n.ID || ds.Destination == n.ID
		}
		if !used {
			continue
		}
		name := n.Name
		if name == "" {
			name = n.ID
		}
		var addrs []string
		for _, a := range n.Addresses {
			addrs = append(addrs, a.Text)
		}
		if len(addrs) > 0 {
			name += " (" + strings.Join(addrs, ", ") + ")"
		}
		names = append(names, name)
		paths = append(paths, yamlx.Index("network.nodes", i))
	}
	if len(names) == 0 {
		return noValue
	}
	return value{content: docmodel.Plain(r.join(names)), paths: paths}
}
