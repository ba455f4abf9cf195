package sbom

import (
	"github.com/docgen/docgen/generator/msg"
)

// parseJSON reads a JSON document: CycloneDX or SPDX 2.x.
func parseJSON(name string, data []byte) (*BOM, error) {
	if off := jsonTooDeep(data, MaxDepth); off >= 0 {
		return nil, &ParseError{Pos: posAt(name, data, off), Msg: msg.Format("sbom.too_deep", MaxDepth)}
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
		return parseSPDXJSON(name, data, obj)
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
	return parseCDXJSON(name, obj, version)
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

// parseCDXJSON validates a CycloneDX JSON document against the official
// schema of its version, applies docgen's extra checks and converts it.
func parseCDXJSON(name string, doc map[string]any, version string) (*BOM, error) {
	against := msg.Format("sbom.against.schema", versionLabel(FormatCycloneDX, version, EncodingJSON))
	schema, err := cdxJSONSchema(version)
	if err != nil {
		return nil, err // embedded schema broken: a bug, caught by the tests
	}
	var problems problemList
	schema.validate(doc, &problems)
	if problems.total == 0 {
		checkJSON(doc, &problems)
	}
	if err := problems.err(name, against); err != nil {
		return nil, err
	}
	b := fromJSONDoc(doc)
	b.Encoding = EncodingJSON
	b.SpecVersion = version
	return b, nil
}
