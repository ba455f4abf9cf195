// Package sbom reads, validates and summarises software bills of materials
// (SBOMs) for docgen's cybersecurity documentation: CycloneDX 1.2 to 1.7 in
// JSON or XML, and SPDX 2.2 or 2.3 in JSON, YAML or tag-value. Everything is offline: the
// official schemas are embedded (see schema/README.md) and nothing is ever
// fetched.
//
// # Reading
//
// [Read] detects the format, encoding and version from the content (never
// from the file name), validates the file and returns docgen's own model,
// [BOM], in which every slice is non-nil:
//
//	b, err := sbom.Read("sbom.cdx.json")
//	var verr *sbom.ValidationError
//	var uerr *sbom.UnsupportedError
//	switch {
//	case errors.As(err, &verr): // a CycloneDX or SPDX file that breaks its rules: exit 1
//		for _, p := range verr.Problems {
//			fmt.Println(p.Pointer, p.Rule, p.Message)
//		}
//	case errors.As(err, &uerr): // SPDX 3.0, tag-value, CycloneDX 1.1, ...: exit 2
//	case err != nil: // unreadable: *ParseError (syntax, size, nesting) or I/O: exit 2
//	}
//	for _, c := range b.Components {
//		fmt.Println(c.Name, c.Version, c.SupportLevel, c.EndOfSupport)
//	}
//
// [Parse] does the same for bytes in memory, and [ReadVEX] returns the
// vulnerabilities of a separate CycloneDX VEX document.
//
// # Validation
//
// CycloneDX JSON is validated against the official JSON schema of its
// specVersion (draft-07, format assertions on: "uri" is checked, which the
// JSF signature algorithm needs; "iri-reference" and the unknown formats of
// 1.2 are not). Long lists are validated in parallel with the same verdict,
// and their items are converted and let go in document order.
// CycloneDX XML is validated against the official XSD of its namespace by a
// small XML Schema 1.0 validator (package internal/xsd), because decoding
// XML into structs silently drops unknown elements, wrong namespaces and
// bad values. The file is parsed once, streaming: each item of a top-level
// list (a component with its nested components, a dependency, ...) is
// validated, checked and converted into the model as soon as it has been
// read, then let go, so that memory holds the file and the model but never
// a tree of the whole document. After the schema, docgen checks a few rules the schemas
// cannot express: hash lengths per algorithm, unique component bom-refs,
// dependency references that exist, and versionRange only on external
// components (XML). SPDX 2.2 and 2.3 JSON is validated against the official
// SPDX JSON schema of its version, then against the rules it cannot
// express (data licence, creators, element ids that are well formed and
// unique, relationships that name elements of the document), and decoded
// with tools-golang; SPDX YAML and tag-value are read into the JSON form
// first. Problems found by docgen's own rules are labelled as such, not as
// the schema's. Each [Problem] names a JSON pointer
// or an XML element path such as /bom/components/component[3]/hashes/hash[1],
// the rule broken, and what is wrong.
//
// Input limits protect the reader: files over input.MaxSBOMSize are refused, and
// JSON or XML nested deeper than [MaxDepth] is refused by a streaming scan
// before decoding.
//
// # Support data
//
// The FDA asks for each component's level of support and end-of-support
// date. CycloneDX has no field for them; docgen reads these component
// properties (names compared without regard to case), the first of each
// list that has a usable value winning:
//
//	support level:  cdx:fda:supportLevel, fda:supportLevel, supportLevel, support-level
//	end of support: cdx:fda:endOfSupport, cdx:lifecycle:milestone:endOfSupport,
//	                fda:endOfSupport, endOfSupport, end-of-support,
//	                cdx:lifecycle:milestone:endOfLife (fallback)
//
// cdx:fda:* are the names proposed in CycloneDX/cyclonedx-property-taxonomy
// #185/#186; the others are spellings found in the wild. Levels are
// normalised by [NormalizeSupportLevel] ("Actively Maintained", "active" ->
// actively-maintained; "unmaintained", "EOL" -> no-longer-maintained;
// "abandoned"; "unknown") and dates by [NormalizeDate] (YYYY-MM-DD, or the
// date of an RFC 3339 date-time). Values that do not normalise leave the
// field empty and appear as [SupportWarning]s in the [Summary]; they do not
// make the SBOM invalid. For SPDX 2.3, a package's validUntilDate is read as
// its end of support. PROPERTIES.md has the details.
//
// The device spec can set or correct support data with [BOM.ApplyOverrides],
// matching components by purl or bom-ref.
//
// # Summaries
//
// [Summarize] condenses a BOM: counts by type, NTIA minimum element coverage
// (supplier, name, version, unique id, dependency relation, SBOM author,
// timestamp) with what is missing where, licences, support-level and
// end-of-support coverage (with components past end of support on a given
// date), and vulnerabilities by analysis state. [Summary.WriteText] and
// [Summary.WriteJSON] print it; the order of every list is fixed, so the
// output is reproducible.
//
// The types of cyclonedx-go and tools-golang never appear in this API.
package sbom
