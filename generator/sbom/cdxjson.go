package sbom

import (
	"github.com/docgen/docgen/generator/msg"
)

// parseJSON reads a JSON document: CycloneDX or SPDX 2.x.
func parseJSON(name string, data []byte) (*BOM, error) {
	if off := jsonTooDeep(data, MaxDepth); off >= 0 {
		return nil, &ParseError{Pos: posAt(name, data, off), Msg: msg.Format("sbom.too_deep", MaxDepth)}
	}
	// A CycloneDX document of a known version is streamed; everything else
	// (SPDX, errors, other formats) is decoded whole first.
	top, lens, ok := sniffTop(data, MaxDepth, "@context", "spdxVersion", "bomFormat", "specVersion")
	for _, list := range sortedKeys(lens) {
		if n := lens[list]; ok && n > MaxComponents {
			return nil, tooMany(name, 0, list, n)
		}
	}
	if ok {
		_, ld := top["@context"]
		_, spdx := top["spdxVersion"]
		if v, isStr := top["specVersion"].(string); isStr && !ld && !spdx && knownCDXVersion(v) {
			return parseCDXJSON(name, data, v, lens)
		}
	}
	doc, err := decodeJSON(name, data)
	if err != nil {
		return nil, err
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, unsupported(name, msg.Get("sbom.found.json_not_object"))
	}
	if _, ld := obj["@context"]; ld {
		return nil, unsupported(name, msg.Get("sbom.found.spdx3"))
	}
	if _, ok := obj["spdxVersion"]; ok {
		return parseSPDXJSON(name, data, obj, EncodingJSON)
	}
	_, hasFormat := obj["bomFormat"]
	sv, hasVersion := obj["specVersion"]
	if !hasFormat && !hasVersion {
		return nil, unsupported(name, msg.Get("sbom.found.json_unknown"))
	}
	version, isString := sv.(string)
	switch {
	case hasVersion && !isString:
		return nil, &ValidationError{File: name, Against: msg.Get("sbom.against.cdx_json"), Total: 1, Problems: []Problem{{
			Pointer: "/specVersion", Rule: "type", Message: msg.Get("sbom.spec_version_type"),
		}}}
	case !hasVersion:
		return nil, &ValidationError{File: name, Against: msg.Get("sbom.against.cdx_json"), Total: 1, Problems: []Problem{{
			Pointer: "", Rule: "required", Message: msg.Format("sbom.json.required", "`specVersion`"),
		}}}
	case version == "1.0" || version == "1.1":
		return nil, unsupported(name, msg.Format("sbom.found.cdx_old", version, "JSON"))
	case !knownCDXVersion(version):
		return nil, unsupported(name, msg.Format("sbom.found.cdx_version", version, "JSON"))
	}
	return parseCDXJSON(name, data, version, nil)
}

// decodeJSON decodes one JSON value with numbers kept as json.Number, as the
// schema validator expects, and refuses trailing data.
func decodeJSON(name string, data []byte) (any, error) {
	v, err := parseJSONValue(data, MaxDepth)
	if err != nil {
		je := err.(*jsonError)
		return nil, &ParseError{Pos: posAt(name, data, int64(je.off)), Msg: msg.Format("sbom.json.syntax", je.msg)}
	}
	return v, nil
}

// parseCDXJSON reads a CycloneDX JSON document of a known version: it
// validates it against the official schema of that version, applies
// docgen's extra checks and converts it, streaming the long lists. lens,
// if known, are the lengths of the top-level lists, to size the model.
func parseCDXJSON(name string, data []byte, version string, lens map[string]int) (*BOM, error) {
	schema, err := cdxJSONSchema(version)
	if err != nil {
		return nil, err // embedded schema broken: a bug, caught by the tests
	}
	st := schema.newStream(data, lens)
	doc, err := parseJSONStream(data, MaxDepth, st.hooks())
	if err != nil {
		st.wait()
		je := err.(*jsonError)
		return nil, &ParseError{Pos: posAt(name, data, int64(je.off)), Msg: msg.Format("sbom.json.syntax", je.msg)}
	}
	skeleton, ok := doc.(map[string]any)
	if !ok { // cannot happen: sniffTop saw an object
		st.wait()
		return nil, unsupported(name, msg.Get("sbom.found.json_not_object"))
	}
	var problems, rules problemList
	b := st.finish(skeleton, &problems, &rules)
	label := versionLabel(FormatCycloneDX, version, EncodingJSON)
	if err := problems.err(name, msg.Format("sbom.against.schema", label)); err != nil {
		return nil, err
	}
	if err := rules.err(name, msg.Format("sbom.against.rules", label)); err != nil {
		return nil, err
	}
	b.Encoding = EncodingJSON
	b.SpecVersion = canonicalVersion(version) // version may alias data
	return b, nil
}
