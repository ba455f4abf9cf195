package schema

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/specs"
)

// ExamplesFile is the path, in the specs data tree, of the examples the
// schema offers for the spec's fields.
const ExamplesFile = "schema/examples.yaml"

// loadExamples reads specs/schema/examples.yaml: for each field, keyed
// "GoType.yaml_key" like fieldRefinements, values it takes in the example
// specs of the repository, which the schema lists as "examples" so that
// editors can offer them. The file is generated from examples/*/device.yaml
// by `go test ./generator/schema -update`, and the tests fail when it is
// out of date with them.
var loadExamples = sync.OnceValues(func() (map[string][]any, error) {
	data, err := specs.FS.ReadFile(ExamplesFile)
	if err != nil {
		return nil, err
	}
	return parseExamples(data)
})

// parseExamples decodes the examples file.
func parseExamples(data []byte) (map[string][]any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", ExamplesFile, err)
	}
	out := map[string][]any{}
	if len(doc.Content) == 0 {
		return out, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: want a mapping of field to examples", ExamplesFile)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		v, err := nodeToJSON(root.Content[i+1])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", ExamplesFile, root.Content[i].Value, err)
		}
		list, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%s: %s: want a list of examples", ExamplesFile, root.Content[i].Value)
		}
		out[root.Content[i].Value] = list
	}
	return out, nil
}

// nodeToJSON converts a YAML node into the JSON value an editor's YAML
// language server sees: dates stay strings, numbers become json.Number.
func nodeToJSON(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return nodeToJSON(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeToJSON(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		list := make([]any, len(n.Content))
		for i, c := range n.Content {
			v, err := nodeToJSON(c)
			if err != nil {
				return nil, err
			}
			list[i] = v
		}
		return list, nil
	}
	return scalarToJSON(n)
}

func scalarToJSON(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		return strconv.ParseBool(strings.ToLower(n.Value))
	case "!!int":
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		return json.Number(strconv.FormatInt(i, 10)), err
	case "!!float":
		f, err := strconv.ParseFloat(n.Value, 64)
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), err
	}
	return n.Value, nil // !!str, !!timestamp, !!binary
}
