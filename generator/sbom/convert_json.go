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
	b := &BOM{
		Format:       FormatCycloneDX,
		SerialNumber: str(doc, "serialNumber"),
		Version:      int(num(doc, "version")),
	}
	if m := obj(doc, "metadata"); m != nil {
		b.Timestamp = str(m, "timestamp")
		for _, a := range arr(m, "authors") {
			if s := jsonContactName(asObj(a)); s != "" {
				b.Authors = append(b.Authors, s)
			}
		}
		b.Tools = jsonTools(m["tools"])
		if mc := obj(m, "component"); mc != nil {
			subj := jsonComponent(mc, "")
			b.Subject = &subj
			for _, c := range arr(mc, "components") {
				b.addJSONComponent(asObj(c), jsonParentKey(mc))
			}
		}
	}
	b.Components = make([]Component, 0, len(arr(doc, "components")))
	for _, c := range arr(doc, "components") {
		b.addJSONComponent(asObj(c), "")
	}
	for _, d := range arr(doc, "dependencies") {
		dm := asObj(d)
		b.Dependencies = append(b.Dependencies, Dependency{Ref: str(dm, "ref"), DependsOn: strs(arr(dm, "dependsOn"))})
	}
	for _, v := range arr(doc, "vulnerabilities") {
		b.Vulnerabilities = append(b.Vulnerabilities, jsonVulnerability(asObj(v)))
	}
	return b
}

func (b *BOM) addJSONComponent(c map[string]any, parent string) {
	if c == nil {
		return
	}
	b.Components = append(b.Components, jsonComponent(c, parent))
	for _, n := range arr(c, "components") {
		b.addJSONComponent(asObj(n), jsonParentKey(c))
	}
}

func jsonParentKey(c map[string]any) string {
	if r := str(c, "bom-ref"); r != "" {
		return r
	}
	return str(c, "name")
}

func jsonComponent(c map[string]any, parent string) Component {
	out := Component{
		BOMRef:    str(c, "bom-ref"),
		Type:      str(c, "type"),
		Group:     str(c, "group"),
		Name:      str(c, "name"),
		Version:   str(c, "version"),
		Author:    str(c, "author"),
		Publisher: str(c, "publisher"),
		Purl:      str(c, "purl"),
		CPE:       str(c, "cpe"),
		Scope:     str(c, "scope"),
		Parent:    parent,
		SWID:      str(obj(c, "swid"), "tagId"),
	}
	out.Supplier = str(obj(c, "supplier"), "name")
	if out.Supplier == "" {
		out.Supplier = str(obj(c, "manufacturer"), "name")
	}
	if out.Author == "" {
		var names []string
		for _, a := range arr(c, "authors") {
			if s := jsonContactName(asObj(a)); s != "" {
				names = append(names, s)
			}
		}
		out.Author = strings.Join(names, ", ")
	}
	for _, l := range arr(c, "licenses") {
		lm := asObj(l)
		if e := str(lm, "expression"); e != "" {
			out.Licenses = append(out.Licenses, strings.TrimSpace(e))
			continue
		}
		lic := obj(lm, "license")
		if id := str(lic, "id"); id != "" {
			out.Licenses = append(out.Licenses, id)
		} else if n := str(lic, "name"); n != "" {
			out.Licenses = append(out.Licenses, strings.TrimSpace(n))
		}
	}
	if hs := arr(c, "hashes"); len(hs) > 0 {
		out.Hashes = make([]Hash, 0, len(hs))
		for _, h := range hs {
			hm := asObj(h)
			out.Hashes = append(out.Hashes, Hash{Alg: str(hm, "alg"), Value: strings.TrimSpace(str(hm, "content"))})
		}
	}
	if ps := arr(c, "properties"); len(ps) > 0 {
		out.Properties = make([]Property, 0, len(ps))
		for _, p := range ps {
			pm := asObj(p)
			out.Properties = append(out.Properties, Property{Name: str(pm, "name"), Value: str(pm, "value")})
		}
	}
	out.applySupport()
	out.normalize()
	return out
}

func jsonContactName(c map[string]any) string {
	if n := str(c, "name"); n != "" {
		return n
	}
	return str(c, "email")
}

// jsonTools reads metadata.tools: a list of legacy tools (1.2-1.4) or an
// object with components and services (1.5 on).
func jsonTools(v any) []string {
	var out []string
	join := func(parts ...string) string {
		var nonEmpty []string
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				nonEmpty = append(nonEmpty, p)
			}
		}
		return strings.Join(nonEmpty, " ")
	}
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			m := asObj(x)
			out = append(out, join(str(m, "vendor"), str(m, "name"), str(m, "version")))
		}
	case map[string]any:
		for _, key := range []string{"components", "services"} {
			for _, x := range arr(t, key) {
				m := asObj(x)
				out = append(out, join(str(m, "group"), str(m, "name"), str(m, "version")))
			}
		}
	}
	return out
}

func jsonVulnerability(v map[string]any) Vulnerability {
	out := Vulnerability{
		ID:             str(v, "id"),
		Description:    str(v, "description"),
		Detail:         str(v, "detail"),
		Recommendation: str(v, "recommendation"),
		Published:      str(v, "published"),
		Updated:        str(v, "updated"),
	}
	src := obj(v, "source")
	out.SourceName, out.SourceURL = str(src, "name"), str(src, "url")
	for _, r := range arr(v, "ratings") {
		rm := asObj(r)
		out.Ratings = append(out.Ratings, Rating{
			Source:   str(obj(rm, "source"), "name"),
			Score:    num(rm, "score"),
			Severity: str(rm, "severity"),
			Method:   str(rm, "method"),
			Vector:   str(rm, "vector"),
		})
	}
	for _, a := range arr(v, "affects") {
		out.Affects = append(out.Affects, str(asObj(a), "ref"))
	}
	if a := obj(v, "analysis"); a != nil {
		out.State = str(a, "state")
		out.Justification = str(a, "justification")
		out.AnalysisDetail = str(a, "detail")
		out.Responses = strs(arr(a, "response"))
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

// str returns the string member key of m. It copies the string: the
// decoder slices strings from the input, which the model must not keep
// alive.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return strings.Clone(s)
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

func strs(list []any) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, strings.Clone(s))
		}
	}
	return out
}
