package sbom

import (
	"bytes"
	"regexp"
	"strings"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/sbom/internal/xsd"
	"github.com/docgen/docgen/generator/srcpos"
)

// parseSPDXJSON reads an SPDX 2.2 or 2.3 JSON document; doc is data
// decoded, with an spdxVersion member. encoding is EncodingJSON, or the
// encoding of the document data was converted from (YAML, tag-value).
func parseSPDXJSON(name string, data []byte, doc map[string]any, encoding string) (*BOM, error) {
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
	schema, err := spdxSchema(version)
	if err != nil {
		return nil, err // embedded schema broken: a bug, caught by the tests
	}
	label := versionLabel(FormatSPDX, version, encoding)
	var problems problemList
	if err := safely(func() error { return schema.Validate(any(doc)) }); err != nil {
		for _, p := range schemaProblems(err, nil) {
			problems.add(p)
		}
	}
	if err := problems.err(name, msg.Format("sbom.against.schema", label)); err != nil {
		return nil, err
	}
	checkSPDX(doc, &problems)
	if err := problems.err(name, msg.Format("sbom.against.rules", label)); err != nil {
		return nil, err
	}
	var sd *spdx.Document
	err = safely(func() (err error) {
		sd, err = spdxjson.Read(bytes.NewReader(data))
		return err
	})
	if err != nil {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.decode", err.Error())}
	}
	b := fromSPDX(sd)
	b.Encoding = encoding
	b.SpecVersion = version
	return b, nil
}

// spdxIDRE is the form of an SPDX element id (SPDX 2.3 §3.2, §7.2):
// "SPDXRef-" followed by letters, digits, "." and "-".
var spdxIDRE = regexp.MustCompile(`^SPDXRef-[A-Za-z0-9.\-]+$`)

// checkSPDX checks rules of SPDX 2.2 and 2.3 that the JSON schema does not
// express, on a schema-valid document: the data licence, the form of
// creators, creation date and element ids, ids that are unique, and
// relationships, described elements and package files that name elements
// the document defines (or an external document it declares).
func checkSPDX(doc map[string]any, out *problemList) {
	if dl, _ := doc["dataLicense"].(string); dl != "CC0-1.0" {
		out.add(Problem{Pointer: "/dataLicense", Rule: "const", Message: msg.Format("sbom.json.const", dl, "CC0-1.0")})
	}
	ci, _ := doc["creationInfo"].(map[string]any)
	if c, _ := ci["created"].(string); !isRFC3339(c) {
		out.add(Problem{Pointer: "/creationInfo/created", Rule: "format", Message: msg.Format("sbom.json.format", c, "date-time")})
	}
	creators, _ := ci["creators"].([]any)
	for i, c := range creators {
		s, _ := c.(string)
		kind, _, found := strings.Cut(s, ":")
		if !found || (kind != "Person" && kind != "Organization" && kind != "Tool") {
			out.add(Problem{Pointer: "/creationInfo/creators/" + itoa(i), Rule: "pattern", Message: msg.Format("sbom.spdx.creator", xsd.Clip(s))})
		}
	}
	// Element ids: the document's own, then packages, files and snippets.
	defined := map[string]string{} // id -> pointer of its first definition
	define := func(ptr string, v any) {
		id, _ := v.(string)
		switch {
		case !spdxIDRE.MatchString(id):
			out.add(Problem{Pointer: ptr, Rule: "spdx-id", Message: msg.Format("sbom.spdx.bad_id", xsd.Clip(id))})
		case defined[id] != "":
			out.add(Problem{Pointer: ptr, Rule: "unique-spdx-id", Message: msg.Format("sbom.spdx.duplicate_id", id, defined[id])})
		default:
			defined[id] = ptr
		}
	}
	if id, _ := doc["SPDXID"].(string); id != "SPDXRef-DOCUMENT" {
		out.add(Problem{Pointer: "/SPDXID", Rule: "const", Message: msg.Format("sbom.json.const", xsd.Clip(id), "SPDXRef-DOCUMENT")})
	}
	defined["SPDXRef-DOCUMENT"] = "/SPDXID"
	for _, key := range []string{"packages", "files", "snippets"} {
		for i, it := range list(doc[key]) {
			obj, _ := it.(map[string]any)
			define("/"+key+"/"+itoa(i)+"/SPDXID", obj["SPDXID"])
		}
	}
	external := map[string]bool{}
	for _, it := range list(doc["externalDocumentRefs"]) {
		obj, _ := it.(map[string]any)
		if id, ok := obj["externalDocumentId"].(string); ok {
			external[id] = true
		}
	}
	// refer checks a reference to an element; none allows NONE and
	// NOASSERTION, which SPDX accepts as the related element.
	refer := func(ptr string, v any, none bool) {
		ref, _ := v.(string)
		if none && (ref == "NONE" || ref == "NOASSERTION") {
			return
		}
		if doc, elem, ok := strings.Cut(ref, ":"); ok && strings.HasPrefix(doc, "DocumentRef-") {
			if !external[doc] {
				out.add(Problem{Pointer: ptr, Rule: "spdx-ref", Message: msg.Format("sbom.spdx.unknown_document", xsd.Clip(ref), doc)})
			} else if !spdxIDRE.MatchString(elem) {
				out.add(Problem{Pointer: ptr, Rule: "spdx-id", Message: msg.Format("sbom.spdx.bad_id", xsd.Clip(ref))})
			}
			return
		}
		if defined[ref] == "" {
			out.add(Problem{Pointer: ptr, Rule: "spdx-ref", Message: msg.Format("sbom.spdx.unknown_element", xsd.Clip(ref))})
		}
	}
	for i, it := range list(doc["relationships"]) {
		obj, _ := it.(map[string]any)
		ptr := "/relationships/" + itoa(i)
		refer(ptr+"/spdxElementId", obj["spdxElementId"], false)
		refer(ptr+"/relatedSpdxElement", obj["relatedSpdxElement"], true)
	}
	for i, v := range list(doc["documentDescribes"]) {
		refer("/documentDescribes/"+itoa(i), v, false)
	}
	for i, it := range list(doc["packages"]) {
		obj, _ := it.(map[string]any)
		for j, v := range list(obj["hasFiles"]) {
			refer("/packages/"+itoa(i)+"/hasFiles/"+itoa(j), v, false)
		}
	}
}

// list returns v as a JSON array, or nil.
func list(v any) []any {
	l, _ := v.([]any)
	return l
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
		Type:    strings.ReplaceAll(strings.ToLower(p.PrimaryPackagePurpose), "_", "-"), // as CycloneDX writes types
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
