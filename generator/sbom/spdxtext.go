package sbom

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/spdx/tools-golang/spdx/common"
	"github.com/spdx/tools-golang/spdx/v2/v2_2"
	"github.com/spdx/tools-golang/spdx/v2/v2_3"
	"github.com/spdx/tools-golang/tagvalue"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/srcpos"
)

// SPDX 2.2 and 2.3 are also written as tag-value text and as YAML. Both are
// read into the JSON form, which is then validated and converted like an
// SPDX JSON document: the YAML form has the same structure, and tag-value
// is parsed by tools-golang and written out as JSON. Problems are then
// located by JSON pointers into that form.

// headerValue returns the value of the first line of head that starts with
// key, such as "SPDXVersion:".
func headerValue(head []byte, key string) (string, bool) {
	head = head[:min(len(head), 64<<10)]
	for line := range bytes.Lines(head) {
		if rest, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte(key)); ok {
			return string(bytes.Trim(bytes.TrimSpace(rest), `"'`)), true
		}
	}
	return "", false
}

// parseSPDXTagValue reads an SPDX 2.2 or 2.3 tag-value document.
func parseSPDXTagValue(name string, data []byte, version string) (*BOM, error) {
	var doc common.AnyDocument
	switch version {
	case v2_2.Version:
		doc = &v2_2.Document{}
	case v2_3.Version:
		doc = &v2_3.Document{}
	case "":
		return nil, unsupported(name, msg.Format("sbom.found.spdx_tagvalue", "?"))
	default:
		return nil, unsupported(name, msg.Format("sbom.found.spdx_tagvalue", version))
	}
	err := safely(func() error { return tagvalue.ReadInto(bytes.NewReader(data), doc) })
	if err != nil {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.spdx.tagvalue", err.Error())}
	}
	js, err := json.Marshal(doc)
	if err != nil {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.decode", err.Error())}
	}
	return spdxFromJSONForm(name, js, EncodingTagValue)
}

// parseSPDXYAML reads an SPDX 2.2 or 2.3 YAML document. Aliases are
// refused: SPDX tools do not write them, and they could expand a small
// file without bound.
func parseSPDXYAML(name string, data []byte) (*BOM, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.yaml.syntax", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if len(root.Content) == 0 {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Get("sbom.empty")}
	}
	v, err := yamlToJSON(name, root.Content[0], 0)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(v)
	if err != nil {
		return nil, &ParseError{Pos: srcpos.Pos{File: name}, Msg: msg.Format("sbom.decode", err.Error())}
	}
	return spdxFromJSONForm(name, js, EncodingYAML)
}

// spdxFromJSONForm validates and converts the JSON form js of an SPDX
// document read from another encoding.
func spdxFromJSONForm(name string, js []byte, encoding string) (*BOM, error) {
	doc, err := decodeJSON(name, js)
	if err != nil {
		return nil, err
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, unsupported(name, msg.Get("sbom.found.json_not_object"))
	}
	return parseSPDXJSON(name, js, obj, encoding)
}

// yamlToJSON converts a YAML node into the value JSON would hold: scalars
// by their resolved tag (numbers kept as written), mappings with text keys.
func yamlToJSON(name string, n *yaml.Node, depth int) (any, error) {
	pos := srcpos.Pos{File: name, Line: n.Line, Col: n.Column}
	if depth > MaxDepth {
		return nil, &ParseError{Pos: pos, Msg: msg.Format("sbom.too_deep", MaxDepth)}
	}
	switch n.Kind {
	case yaml.AliasNode:
		return nil, &ParseError{Pos: pos, Msg: msg.Get("sbom.yaml.alias")}
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := yamlToJSON(name, c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				return nil, &ParseError{Pos: srcpos.Pos{File: name, Line: k.Line, Col: k.Column}, Msg: msg.Get("sbom.yaml.key")}
			}
			v, err := yamlToJSON(name, n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			out[k.Value] = v
		}
		return out, nil
	}
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true"), nil
	case "!!int", "!!float":
		if json.Valid([]byte(n.Value)) {
			return json.Number(n.Value), nil
		}
	}
	return n.Value, nil
}
