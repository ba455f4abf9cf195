package pdfcheck

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// standardTypes are the standard structure types of ISO 32000-1 14.8.4.
var standardTypes = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code
		Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standardTypes[t] = true
	}
}

// selem is a structure element read from the file.
type selem struct {
	obj    int
	typ    string // after the role map
	parent *selem
	kids   []*selem
	dict   types.Dict
}

// structure checks the structure tree: standard types, parents, the rules
// for tables, lists, tables of contents, headings, figures and notes, and
// that the tree and the pages' marked content and annotations refer to one
// another completely.
func (c *checker) structure() {
	root, _ := c.ctx.DereferenceDict(c.ctx.RootDict["StructTreeRoot"])
	if root == nil {
		c.fail(pdfua+"7.1", "the document has no structure tree (/StructTreeRoot)")
		return
	}
	roleMap, _ := c.ctx.DereferenceDict(root["RoleMap"])
	for k, v := range roleMap {
		if standardTypes[k] {
			c.fail(pdfua+"7.1", "the role map remaps the standard type %s", k)
		}
		_ = v
	}
	mapped := func(t string) string {
		for i := 0; i < 10 && !standardTypes[t]; i++ {
			n, ok := roleMap[t].(types.Name)
			if !ok {
				break
			}
			t = string(n)
		}
		return t
	}
	pageOf := map[int]int{} // page object -> index in c.contents
	for i, pc := range c.contents {
		pageOf[pc.obj] = i
	}
	// Where the tree says each piece of content is: page index and MCID,
	// or annotation object, to the element.
	type mcr struct{ page, mcid int }
	inTree := map[mcr]int{}
	annotIn := map[int]int{}
	visited := map[int]bool{}
	var all []*selem
	var walk func(o types.Object, parent *selem, page int, depth int)
	walk = func(o types.Object, parent *selem, page int, depth int) {
		if depth > 200 {
			return
		}
		switch v := o.(type) {
		case types.Integer:
			if parent != nil && page >= 0 {
				k := mcr{page, int(v)}
				if _, dup := inTree[k]; dup {
					c.fail(pdfua+"7.1", "MCID %d of page %d is claimed twice in the structure tree", int(v), page+1)
				}
				inTree[k] = parent.obj
			}
			return
		case types.Array:
			for _, x := range v {
				walk(x, parent, page, depth+1)
			}
			return
		}
		ref, isRef := o.(types.IndirectRef)
		if isRef {
			if a, err := c.ctx.DereferenceArray(o); err == nil && a != nil {
				walk(a, parent, page, depth+1)
				return
			}
		}
		d, err := c.ctx.DereferenceDict(o)
		if err != nil || d == nil {
			return
		}
		if t := d.NameEntry("Type"); t != nil && (*t == "MCR" || *t == "OBJR") {
			pg := page
			if r, ok := d["Pg"].(types.IndirectRef); ok {
				pg = -1
				if i, ok := pageOf[r.ObjectNumber.Value()]; ok {
					pg = i
				}
			}
			if *t == "MCR" {
				if id, ok := d["MCID"].(types.Integer); ok && pg >= 0 && parent != nil {
					inTree[mcr{pg, int(id)}] = parent.obj
				}
				return
			}
			if r, ok := d["Obj"].(types.IndirectRef); ok && parent != nil {
				annotIn[r.ObjectNumber.Value()] = parent.obj
			}
			return
		}
		if d.NameEntry("S") == nil {
			return
		}
		e := &selem{parent: parent, dict: d}
		if isRef {
			e.obj = ref.ObjectNumber.Value()
			if visited[e.obj] {
				c.fail(pdfua+"7.1", "structure element %d appears twice in the tree", e.obj)
				return
			}
			visited[e.obj] = true
		}
		s := *d.NameEntry("S")
		e.typ = mapped(s)
		if !standardTypes[e.typ] {
			c.fail(pdfua+"7.1", "structure type %s is neither standard nor mapped to a standard type", s)
		}
		if d["P"] == nil {
			c.fail(pdfua+"7.1", "structure element %d (%s) has no parent entry /P", e.obj, e.typ)
		}
		if parent != nil {
			parent.kids = append(parent.kids, e)
		}
		all = append(all, e)
		pg := page
		if r, ok := d["Pg"].(types.IndirectRef); ok {
			pg = -1
			if i, ok := pageOf[r.ObjectNumber.Value()]; ok {
				pg = i
			}
		}
		if k, ok := d["K"]; ok {
			walk(k, e, pg, depth+1)
		}
	}
	walk(root["K"], nil, -1, 0)
	if len(all) == 0 {
		c.fail(pdfua+"7.1", "the structure tree is empty")
	}

	// The parent tree gives, for each page's MCID and each annotation, the
	// element that holds it; the tree and the content must agree.
	parents := c.parentTree(root["ParentTree"])
	for i, pc := range c.contents {
		if len(pc.mcids) > 0 && pc.key < 0 {
			c.fail(pdfua+"7.1", "page %d has tagged content but no /StructParents", i+1)
		}
		var arr types.Array
		if pc.key >= 0 {
			arr, _ = c.ctx.DereferenceArray(parents[pc.key])
		}
		for _, id := range pc.mcids {
			owner, ok := inTree[mcr{i, id}]
			if !ok {
				c.fail(pdfua+"7.1", "page %d: MCID %d is not in the structure tree", i+1, id)
				continue
			}
			if id >= len(arr) {
				c.fail(pdfua+"7.1", "page %d: MCID %d has no entry in the parent tree", i+1, id)
				continue
			}
			if r, ok := arr[id].(types.IndirectRef); !ok || r.ObjectNumber.Value() != owner {
				c.fail(pdfua+"7.1", "page %d: the parent tree gives MCID %d another element than the structure tree", i+1, id)
			}
		}
		for _, a := range pc.annots {
			owner, ok := annotIn[a]
			if !ok {
				c.fail(pdfua+"7.18.1", "page %d: annotation %d is not in the structure tree", i+1, a)
				continue
			}
			ad, _ := c.ctx.DereferenceDict(types.IndirectRef{ObjectNumber: types.Integer(a)})
			key, ok := ad["StructParent"].(types.Integer)
			if !ok {
				continue
			}
			if r, ok := parents[int(key)].(types.IndirectRef); !ok || r.ObjectNumber.Value() != owner {
				c.fail(pdfua+"7.18.1", "page %d: the parent tree gives annotation %d another element than the structure tree", i+1, a)
			}
			if st := ad.NameEntry("Subtype"); st != nil && *st == "Link" {
				for _, e := range all {
					if e.obj == owner && e.typ != "Link" {
						c.fail(pdfua+"7.18.5", "page %d: link annotation %d is in a %s element, not a Link", i+1, a, e.typ)
					}
				}
			}
		}
	}
	for m := range inTree {
		if m.page >= 0 && m.page < len(c.contents) && !contains(c.contents[m.page].mcids, m.mcid) {
			c.fail(pdfua+"7.1", "page %d: the structure tree refers to MCID %d, which the page does not have", m.page+1, m.mcid)
		}
	}
	c.elements(all)
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// parentTree reads the number tree of parents: key to value.
func (c *checker) parentTree(o types.Object) map[int]types.Object {
	out := map[int]types.Object{}
	var walk func(o types.Object, depth int)
	walk = func(o types.Object, depth int) {
		node, _ := c.ctx.DereferenceDict(o)
		if node == nil || depth > 20 {
			return
		}
		nums, _ := c.ctx.DereferenceArray(node["Nums"])
		for i := 0; i+1 < len(nums); i += 2 {
			if k, ok := nums[i].(types.Integer); ok {
				out[int(k)] = nums[i+1]
			}
		}
		kids, _ := c.ctx.DereferenceArray(node["Kids"])
		for _, k := range kids {
			walk(k, depth+1)
		}
	}
	walk(o, 0)
	if len(out) == 0 {
		c.fail(pdfua+"7.1", "the structure tree has no parent tree")
	}
	return out
}

// allowedKids are the kinds of children some structure types may have
// (ISO 32000-1 Table 337 and PDF/UA's reading of it).
var allowedKids = map[string]map[string]bool{
	"Table": {"TR": true, "THead": true, "TBody": true, "TFoot": true, "Caption": true},
	"THead": {"TR": true}, "TBody": {"TR": true}, "TFoot": {"TR": true},
	"TR":  {"TH": true, "TD": true},
	"L":   {"L": true, "LI": true, "Caption": true},
	"LI":  {"Lbl": true, "LBody": true},
	"TOC": {"TOC": true, "TOCI": true, "Caption": true},
}

// allowedParents are the parents some structure types need.
var allowedParents = map[string]map[string]bool{
	"TR":    {"Table": true, "THead": true, "TBody": true, "TFoot": true},
	"THead": {"Table": true}, "TBody": {"Table": true}, "TFoot": {"Table": true},
	"TH": {"TR": true}, "TD": {"TR": true},
	"LI": {"L": true}, "LBody": {"LI": true},
	"TOCI": {"TOC": true},
}

// elements checks the rules for structure types, in document order.
func (c *checker) elements(all []*selem) {
	lastHeading := 0
	usesH, usesHn := false, false
	ids := map[string]int{}
	for _, e := range all {
		where := fmt.Sprintf("structure element %d (%s)", e.obj, e.typ)
		ptyp := ""
		if e.parent != nil {
			ptyp = e.parent.typ
		}
		if want, ok := allowedParents[e.typ]; ok && !want[ptyp] {
			c.fail(pdfua+"7.2", "%s is in a %s element", where, ptyp)
		}
		if allowed, ok := allowedKids[e.typ]; ok {
			for i, k := range e.kids {
				if !allowed[k.typ] {
					c.fail(pdfua+"7.2", "%s holds a %s element", where, k.typ)
				}
				if k.typ == "Caption" && (e.typ == "L" || e.typ == "TOC") && i > 0 {
					c.fail(pdfua+"7.2", "%s has a Caption that is not its first child", where)
				}
			}
		}
		switch t := e.typ; {
		case t == "H":
			usesH = true
		case len(t) == 2 && t[0] == 'H' && t[1] >= '1' && t[1] <= '6':
			usesHn = true
			level := int(t[1] - '0')
			if lastHeading == 0 && level != 1 {
				c.fail(pdfua+"7.4.2", "the first heading is %s, not H1", t)
			} else if level > lastHeading+1 {
				c.fail(pdfua+"7.4.2", "%s follows H%d: a heading level is skipped", t, lastHeading)
			}
			lastHeading = level
		case t == "Figure" || t == "Formula":
			if c.text(e.dict["Alt"]) == "" && c.text(e.dict["ActualText"]) == "" {
				c.fail(pdfua+"7.3", "%s has no alternative text (/Alt)", where)
			}
		case t == "Note":
			id := c.text(e.dict["ID"])
			if id == "" {
				c.fail(pdfua+"7.9", "%s has no /ID", where)
			} else if n := ids[id]; n > 0 {
				c.fail(pdfua+"7.9", "%s has the /ID %q of another element", where, id)
			}
			ids[id]++
		case t == "TH":
			if !c.hasScope(e.dict) && e.dict["Headers"] == nil {
				c.fail(pdfua+"7.5", "%s has no /Scope attribute", where)
			}
		case t == "Table":
			c.tableRegular(e, where)
		}
		if lang := c.text(e.dict["Lang"]); e.dict["Lang"] != nil && !langRE.MatchString(lang) {
			c.fail(pdfua+"7.2", "%s: /Lang %q is not a language tag", where, lang)
		}
	}
	if usesH && usesHn {
		c.fail(pdfua+"7.4.4", "the document uses both H and H1 to H6")
	}
}

// hasScope reports whether the attributes of d give a table scope.
func (c *checker) hasScope(d types.Dict) bool {
	a, _ := c.ctx.Dereference(d["A"])
	var list types.Array
	switch v := a.(type) {
	case types.Dict:
		list = types.Array{v}
	case types.Array:
		list = v
	}
	for _, o := range list {
		ad, _ := c.ctx.DereferenceDict(o)
		if ad == nil {
			continue
		}
		if owner := ad.NameEntry("O"); owner != nil && *owner == "Table" && ad.NameEntry("Scope") != nil {
			return true
		}
	}
	return false
}

// tableRegular checks that the rows of a table have the same number of
// cells (column spans counted).
func (c *checker) tableRegular(t *selem, where string) {
	var rows []*selem
	for _, k := range t.kids {
		switch k.typ {
		case "TR":
			rows = append(rows, k)
		case "THead", "TBody", "TFoot":
			for _, r := range k.kids {
				if r.typ == "TR" {
					rows = append(rows, r)
				}
			}
		}
	}
	width := -1
	for i, r := range rows {
		n := 0
		for _, cell := range r.kids {
			span := 1
			if a, _ := c.ctx.DereferenceDict(cell.dict["A"]); a != nil {
				if s, ok := a["ColSpan"].(types.Integer); ok && s > 1 {
					span = int(s)
				}
			}
			n += span
		}
		if width >= 0 && n != width {
			c.fail(pdfua+"7.2", "%s: row %d has %d cells, the first row %d", where, i+1, n, width)
		}
		if width < 0 {
			width = n
		}
	}
}
