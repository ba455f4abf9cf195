package sbom

import (
	"encoding/json"
	"strings"
)

// fromJSONDoc converts a schema-valid CycloneDX JSON document, decoded into
// generic values, into the model. It reads the value the validator checked,
// so the file is decoded once; it also reads parts that cyclonedx-go v0.12.0
// fails to decode (attestation evidence, patent assertions), which would
// otherwise make valid files unreadable.
func fromJSONDoc(doc map[string]any) *BOM {
	cv := newJSONConv()
	b := &BOM{
		Format:       FormatCycloneDX,
		SerialNumber: cv.str(doc, "serialNumber"),
		Version:      int(num(doc, "version")),
	}
	if m := obj(doc, "metadata"); m != nil {
		b.Timestamp = cv.str(m, "timestamp")
		for _, a := range arr(m, "authors") {
			if s := jsonContactName(asObj(a)); s != "" {
				b.Authors = append(b.Authors, s)
			}
		}
		b.Tools = jsonTools(m["tools"])
		if mc := obj(m, "component"); mc != nil {
			subj := cv.component(mc, "")
			b.Subject = &subj
			for _, c := range arr(mc, "components") {
				cv.addComponent(b, asObj(c), subj.parentKey())
			}
		}
	}
	b.Components = make([]Component, 0, len(arr(doc, "components")))
	for _, c := range arr(doc, "components") {
		cv.addComponent(b, asObj(c), "")
	}
	for _, d := range arr(doc, "dependencies") {
		b.Dependencies = append(b.Dependencies, cv.dependency(asObj(d)))
	}
	for _, v := range arr(doc, "vulnerabilities") {
		b.Vulnerabilities = append(b.Vulnerabilities, cv.vulnerability(asObj(v)))
	}
	return b
}

// jsonConv converts generic JSON values into the model. The decoder slices
// strings from the input, which the model must not keep alive, so every
// string is copied; strings that repeat across components (types, licence
// ids, hash algorithms, property names and values, suppliers, references)
// are copied once and shared.
type jsonConv struct {
	pool map[string]string
}

func newJSONConv() *jsonConv { return &jsonConv{pool: map[string]string{}} }

// str returns a copy of the string member key of m.
func (cv *jsonConv) str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return strings.Clone(s)
}

// common returns a shared copy of the string member key of m.
func (cv *jsonConv) common(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return cv.intern(s)
}

func (cv *jsonConv) intern(s string) string {
	if c, ok := cv.pool[s]; ok {
		return c
	}
	c := strings.Clone(s)
	cv.pool[c] = c
	return c
}

func (cv *jsonConv) strs(list []any) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, cv.intern(s))
		}
	}
	return out
}

func (cv *jsonConv) dependency(d map[string]any) Dependency {
	return Dependency{Ref: cv.common(d, "ref"), DependsOn: cv.strs(arr(d, "dependsOn"))}
}

// addComponent appends c and, right after it, its nested components.
func (cv *jsonConv) addComponent(b *BOM, c map[string]any, parent string) {
	if c == nil {
		return
	}
	comp := cv.component(c, parent)
	b.Components = append(b.Components, comp)
	for _, n := range arr(c, "components") {
		cv.addComponent(b, asObj(n), comp.parentKey())
	}
}

// parentKey is what nested components name as their Parent.
func (c *Component) parentKey() string {
	if c.BOMRef != "" {
		return c.BOMRef
	}
	return c.Name
}

func (cv *jsonConv) component(c map[string]any, parent string) Component {
	out := Component{
		BOMRef:    cv.common(c, "bom-ref"),
		Type:      cv.common(c, "type"),
		Group:     cv.common(c, "group"),
		Name:      cv.str(c, "name"),
		Version:   cv.str(c, "version"),
		Author:    cv.common(c, "author"),
		Publisher: cv.common(c, "publisher"),
		CPE:       cv.str(c, "cpe"),
		Scope:     cv.common(c, "scope"),
		Parent:    parent,
		SWID:      cv.str(obj(c, "swid"), "tagId"),
	}
	if p, _ := c["purl"].(string); p == out.BOMRef {
		out.Purl = out.BOMRef
	} else {
		out.Purl = strings.Clone(p)
	}
	out.Supplier = cv.common(obj(c, "supplier"), "name")
	if out.Supplier == "" {
		out.Supplier = cv.common(obj(c, "manufacturer"), "name")
	}
	if out.Author == "" {
		var names []string
		for _, a := range arr(c, "authors") {
			if s := jsonContactName(asObj(a)); s != "" {
				names = append(names, s)
			}
		}
		out.Author = cv.intern(strings.Join(names, ", "))
	}
	for _, l := range arr(c, "licenses") {
		lm := asObj(l)
		if e := str(lm, "expression"); e != "" {
			out.Licenses = append(out.Licenses, cv.intern(strings.TrimSpace(e)))
			continue
		}
		lic := obj(lm, "license")
		if id := str(lic, "id"); id != "" {
			out.Licenses = append(out.Licenses, cv.intern(id))
		} else if n := str(lic, "name"); n != "" {
			out.Licenses = append(out.Licenses, cv.intern(strings.TrimSpace(n)))
		}
	}
	if hs := arr(c, "hashes"); len(hs) > 0 {
		out.Hashes = make([]Hash, 0, len(hs))
		for _, h := range hs {
			hm := asObj(h)
			out.Hashes = append(out.Hashes, Hash{Alg: cv.common(hm, "alg"), Value: strings.Clone(strings.TrimSpace(str(hm, "content")))})
		}
	}
	if ps := arr(c, "properties"); len(ps) > 0 {
		out.Properties = make([]Property, 0, len(ps))
		for _, p := range ps {
			pm := asObj(p)
			out.Properties = append(out.Properties, Property{Name: cv.common(pm, "name"), Value: cv.common(pm, "value")})
		}
	}
	out.applySupport()
	out.normalize()
	return out
}

func jsonContactName(c map[string]any) string {
	if n := str(c, "name"); n != "" {
		return strings.Clone(n)
	}
	return strings.Clone(str(c, "email"))
}

// jsonTools reads metadata.tools: a list of legacy tools (1.2-1.4) or an
// object with components and services (1.5 on).
func jsonTools(v any) []string {
	var out []string
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			m := asObj(x)
			out = append(out, strings.Clone(joinWords(str(m, "vendor"), str(m, "name"), str(m, "version"))))
		}
	case map[string]any:
		for _, key := range []string{"components", "services"} {
			for _, x := range arr(t, key) {
				m := asObj(x)
				out = append(out, strings.Clone(joinWords(str(m, "group"), str(m, "name"), str(m, "version"))))
			}
		}
	}
	return out
}

func (cv *jsonConv) vulnerability(v map[string]any) Vulnerability {
	out := Vulnerability{
		ID:             cv.str(v, "id"),
		Description:    cv.str(v, "description"),
		Detail:         cv.str(v, "detail"),
		Recommendation: cv.str(v, "recommendation"),
		Published:      cv.str(v, "published"),
		Updated:        cv.str(v, "updated"),
	}
	src := obj(v, "source")
	out.SourceName, out.SourceURL = cv.common(src, "name"), cv.str(src, "url")
	for _, r := range arr(v, "ratings") {
		rm := asObj(r)
		out.Ratings = append(out.Ratings, Rating{
			Source:   cv.common(obj(rm, "source"), "name"),
			Score:    num(rm, "score"),
			Severity: cv.common(rm, "severity"),
			Method:   cv.common(rm, "method"),
			Vector:   cv.str(rm, "vector"),
		})
	}
	for _, a := range arr(v, "affects") {
		out.Affects = append(out.Affects, cv.common(asObj(a), "ref"))
	}
	if a := obj(v, "analysis"); a != nil {
		out.State = cv.common(a, "state")
		out.Justification = cv.common(a, "justification")
		out.AnalysisDetail = cv.str(a, "detail")
		out.Responses = cv.strs(arr(a, "response"))
	}
	return out
}

// Accessors for generic JSON values; each tolerates a nil object.

func asObj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func obj(m map[string]any, key string) map[string]any {
	return asObj(m[key])
}

func arr(m map[string]any, key string) []any {
	a, _ := m[key].([]any)
	return a
}

// str returns the string member key of m, or "". The string may alias
// the input; jsonConv copies what the model keeps.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func num(m map[string]any, key string) float64 {
	switch n := m[key].(type) {
	case json.Number:
		f, _ := n.Float64()
		return f
	case float64:
		return n
	}
	return 0
}
