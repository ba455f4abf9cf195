package sbom

import (
	"bytes"
	"encoding/json"
	"strings"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom/internal/xsd"
	"github.com/docgen/docgen/generator/yamlx"
)

// parseSPDXJSON reads an SPDX 2.2 or 2.3 JSON document; doc is data
// decoded, with an spdxVersion member.
func parseSPDXJSON(name string, data []byte, doc map[string]any) (*BOM, error) {
	sv, ok := doc["spdxVersion"].(string)
	if !ok {
		return nil, &ValidationError{File: name, Against: msg.Get("sbom.against.spdx"), Total: 1, Problems: []Problem{{
			Pointer: "/spdxVersion", Rule: "type", Message: msg.Get("sbom.spdx.version_type"),
		}}}
	}
	var version string
	switch {
	case sv == "SPDX-2.2" || sv == "SPDX-2.3":
		version = strings.Clone(strings.TrimPrefix(sv, "SPDX-")) // sv aliases data
	case strings.HasPrefix(sv, "SPDX-3"):
		return nil, unsupported(name, msg.Get("sbom.found.spdx3"))
	default:
		return nil, unsupported(name, msg.Format("sbom.found.spdx_version", sv))
	}
	var problems problemList
	checkSPDX(doc, &problems)
	against := msg.Format("sbom.against.spdx_rules", version)
	if err := problems.err(name, against); err != nil {
		return nil, err
	}
	var sd *spdx.Document
	err := safely(func() (err error) {
		sd, err = spdxjson.Read(bytes.NewReader(data))
		return err
	})
	if err != nil {
		if te, ok := errorsAs[*json.UnmarshalTypeError](err); ok {
			return nil, &ValidationError{File: name, Against: against, Total: 1, Problems: []Problem{{
				Pointer: "/" + strings.ReplaceAll(te.Field, ".", "/"), Rule: "type",
				Message: msg.Format("sbom.json.type", te.Type.String(), te.Value),
			}}}
		}
		return nil, &ParseError{Pos: yamlx.Pos{File: name}, Msg: msg.Format("sbom.decode", err.Error())}
	}
	b := fromSPDX(sd)
	b.SpecVersion = version
	return b, nil
}

// checkSPDX checks the fields SPDX 2.2 and 2.3 require of a document, its
// packages and relationships, before tools-golang decodes it.
func checkSPDX(doc map[string]any, out *problemList) {
	requireStrings(doc, "", out, "SPDXID", "name", "documentNamespace", "dataLicense")
	if dl, ok := doc["dataLicense"].(string); ok && dl != "CC0-1.0" {
		out.add(Problem{Pointer: "/dataLicense", Rule: "const", Message: msg.Format("sbom.json.const", dl, "CC0-1.0")})
	}
	ci, ok := doc["creationInfo"].(map[string]any)
	if !ok {
		out.add(Problem{Pointer: "", Rule: "required", Message: msg.Format("sbom.json.required", "`creationInfo`")})
	} else {
		requireStrings(ci, "/creationInfo", out, "created")
		if c, ok := ci["created"].(string); ok && !isRFC3339(c) {
			out.add(Problem{Pointer: "/creationInfo/created", Rule: "format", Message: msg.Format("sbom.json.format", c, "date-time")})
		}
		creators, _ := ci["creators"].([]any)
		if len(creators) == 0 {
			out.add(Problem{Pointer: "/creationInfo/creators", Rule: "minItems", Message: msg.Format("sbom.json.min_items", 1, 0)})
		}
		for i, c := range creators {
			s, _ := c.(string)
			kind, _, found := strings.Cut(s, ":")
			if !found || (kind != "Person" && kind != "Organization" && kind != "Tool") {
				out.add(Problem{Pointer: "/creationInfo/creators/" + itoa(i), Rule: "pattern", Message: msg.Format("sbom.spdx.creator", xsd.Clip(s))})
			}
		}
	}
	listOf := func(key string, required ...string) {
		v, present := doc[key]
		if !present {
			return
		}
		items, ok := v.([]any)
		if !ok {
			out.add(Problem{Pointer: "/" + key, Rule: "type", Message: msg.Format("sbom.json.type", "array", jsonKind(v))})
			return
		}
		for i, it := range items {
			ptr := "/" + key + "/" + itoa(i)
			obj, ok := it.(map[string]any)
			if !ok {
				out.add(Problem{Pointer: ptr, Rule: "type", Message: msg.Format("sbom.json.type", "object", jsonKind(it))})
				continue
			}
			requireStrings(obj, ptr, out, required...)
		}
	}
	listOf("packages", "SPDXID", "name", "downloadLocation")
	listOf("relationships", "spdxElementId", "relationshipType", "relatedSpdxElement")
	listOf("files", "SPDXID", "fileName")
}

// requireStrings adds a problem for each key of obj that is missing or not a
// non-empty string.
func requireStrings(obj map[string]any, ptr string, out *problemList, keys ...string) {
	var missing []string
	for _, k := range keys {
		v, ok := obj[k]
		if !ok {
			missing = append(missing, k)
			continue
		}
		if s, isStr := v.(string); !isStr {
			out.add(Problem{Pointer: ptr + "/" + k, Rule: "type", Message: msg.Format("sbom.json.type", "string", jsonKind(v))})
		} else if strings.TrimSpace(s) == "" {
			out.add(Problem{Pointer: ptr + "/" + k, Rule: "minLength", Message: msg.Format("sbom.json.min_length", 1, 0)})
		}
	}
	if len(missing) > 0 {
		out.add(Problem{Pointer: ptr, Rule: "required", Message: msg.Format("sbom.json.required", quoteList(missing))})
	}
}

// jsonKind names the JSON type of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// fromSPDX converts an SPDX document (tools-golang's 2.3 model, to which
// 2.2 documents are converted) into the model.
func fromSPDX(d *spdx.Document) *BOM {
	b := &BOM{Format: FormatSPDX, Encoding: EncodingJSON, SerialNumber: d.DocumentNamespace}
	if ci := d.CreationInfo; ci != nil {
		b.Timestamp = ci.Created
		for _, c := range ci.Creators {
			switch c.CreatorType {
			case "Person", "Organization":
				b.Authors = append(b.Authors, c.Creator)
			case "Tool":
				b.Tools = append(b.Tools, c.Creator)
			}
		}
	}
	described := ""
	for _, r := range d.Relationships {
		if r == nil {
			continue
		}
		rel := strings.ToUpper(r.Relationship)
		if rel == "DESCRIBES" && spdxRef(r.RefA) == "SPDXRef-DOCUMENT" {
			described = spdxRef(r.RefB)
			break
		}
		if rel == "DESCRIBED_BY" && spdxRef(r.RefB) == "SPDXRef-DOCUMENT" {
			described = spdxRef(r.RefA)
			break
		}
	}
	for _, p := range d.Packages {
		if p == nil {
			continue
		}
		c := spdxPackage(p)
		if described != "" && c.BOMRef == described && b.Subject == nil {
			b.Subject = &c
			continue
		}
		b.Components = append(b.Components, c)
	}
	b.Dependencies = spdxDependencies(d.Relationships)
	return b
}

// spdxRef formats an element id as written in SPDX JSON.
func spdxRef(id common.DocElementID) string {
	if id.SpecialID != "" {
		return id.SpecialID
	}
	s := "SPDXRef-" + string(id.ElementRefID)
	if id.DocumentRefID != "" {
		s = "DocumentRef-" + string(id.DocumentRefID) + ":" + s
	}
	return s
}

// noAssertion reports whether an SPDX value says nothing.
func noAssertion(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "NOASSERTION" || s == "NONE"
}

func spdxPackage(p *spdx.Package) Component {
	c := Component{
		BOMRef:  "SPDXRef-" + string(p.PackageSPDXIdentifier),
		Type:    strings.ToLower(p.PrimaryPackagePurpose),
		Name:    p.PackageName,
		Version: p.PackageVersion,
	}
	if s := p.PackageSupplier; s != nil && !noAssertion(s.Supplier) {
		c.Supplier = s.Supplier
	}
	if o := p.PackageOriginator; o != nil && !noAssertion(o.Originator) {
		c.Author = o.Originator
	}
	for _, r := range p.PackageExternalReferences {
		if r == nil {
			continue
		}
		cat := strings.ReplaceAll(strings.ToUpper(r.Category), "_", "-")
		switch {
		case cat == "PACKAGE-MANAGER" && r.RefType == "purl" && c.Purl == "":
			c.Purl = r.Locator
		case cat == "SECURITY" && (r.RefType == "cpe23Type" || r.RefType == "cpe22Type") && c.CPE == "":
			c.CPE = r.Locator
		}
	}
	switch {
	case !noAssertion(p.PackageLicenseConcluded):
		c.Licenses = []string{p.PackageLicenseConcluded}
	case !noAssertion(p.PackageLicenseDeclared):
		c.Licenses = []string{p.PackageLicenseDeclared}
	}
	for _, h := range p.PackageChecksums {
		c.Hashes = append(c.Hashes, Hash{Alg: string(h.Algorithm), Value: h.Value})
	}
	if p.ValidUntilDate != "" {
		if date, ok := NormalizeDate(p.ValidUntilDate); ok {
			c.EndOfSupport = date
			c.SupportSource = sourceSPDXValidUntil
		}
	}
	c.normalize()
	return c
}

// sourceSPDXValidUntil is the SupportSource of an end-of-support date taken
// from SPDX 2.3 validUntilDate, "the end of the support period for a
// package from the supplier".
const sourceSPDXValidUntil = "field:validUntilDate"

// spdxDependencies turns DEPENDS_ON and CONTAINS relationships (and their
// inverses DEPENDENCY_OF and CONTAINED_BY) into dependencies, one per
// depending element in order of first appearance.
func spdxDependencies(rels []*spdx.Relationship) []Dependency {
	var deps []Dependency
	index := map[string]int{}
	seen := map[[2]string]bool{}
	add := func(from, to string) {
		if seen[[2]string{from, to}] {
			return
		}
		seen[[2]string{from, to}] = true
		i, ok := index[from]
		if !ok {
			i = len(deps)
			index[from] = i
			deps = append(deps, Dependency{Ref: from})
		}
		deps[i].DependsOn = append(deps[i].DependsOn, to)
	}
	for _, r := range rels {
		if r == nil {
			continue
		}
		a, b := spdxRef(r.RefA), spdxRef(r.RefB)
		switch strings.ToUpper(r.Relationship) {
		case "DEPENDS_ON", "CONTAINS":
			add(a, b)
		case "DEPENDENCY_OF", "CONTAINED_BY":
			add(b, a)
		}
	}
	return deps
}
