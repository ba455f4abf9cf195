package sbom

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFS holds the official CycloneDX schemas (see schema/README.md).
//
//go:embed schema/*.json schema/*.xsd
var schemaFS embed.FS

// cdxVersions are the CycloneDX versions docgen validates, oldest first.
var cdxVersions = []string{"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"}

// schemaBase is the URL prefix under which CycloneDX publishes its schemas;
// the embedded copies are served for it, and nothing is ever fetched.
const schemaBase = "http://cyclonedx.org/schema/"

func knownCDXVersion(v string) bool { return canonicalVersion(v) != "" }

// canonicalVersion returns the entry of cdxVersions equal to v, or "".
func canonicalVersion(v string) string {
	for _, k := range cdxVersions {
		if k == v {
			return k
		}
	}
	return ""
}

// embeddedLoader serves schema URLs from schemaFS by file name.
type embeddedLoader struct{}

// Load implements jsonschema.URLLoader.
func (embeddedLoader) Load(url string) (any, error) {
	rest, ok := strings.CutPrefix(url, schemaBase)
	if !ok {
		rest, ok = strings.CutPrefix(url, "https://cyclonedx.org/schema/")
	}
	if !ok || strings.Contains(rest, "/") {
		return nil, fmt.Errorf("schema %s is not embedded and is never fetched", url)
	}
	data, err := schemaFS.ReadFile(path.Join("schema", rest))
	if err != nil {
		return nil, fmt.Errorf("schema %s is not embedded and is never fetched", url)
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(data))
}

// compiledSchema is a lazily compiled JSON schema of one CycloneDX version.
type compiledSchema struct {
	once sync.Once
	v    *cdxValidator
	err  error
}

var jsonSchemas = func() map[string]*compiledSchema {
	m := map[string]*compiledSchema{}
	for _, v := range cdxVersions {
		m[v] = &compiledSchema{}
	}
	return m
}()

// cdxValidator validates CycloneDX JSON documents against the official
// schema of one version. The top-level lists (components, dependencies, ...)
// are streamed: each item is validated against the list's item schema as
// soon as it is read, uniqueItems is checked separately, and the rest of the
// document is validated against the full schema with those lists emptied.
// This gives the verdict of validating the whole document (splitting is
// only done for lists whose schema is a plain item list, see plainList),
// uses both cores, and never holds all items in memory at once.
type cdxValidator struct {
	full   *jsonschema.Schema
	items  map[string]*jsonschema.Schema // list name -> item schema
	unique map[string]bool               // list name -> uniqueItems
}

// splitLists are the top-level lists that may be long enough to be worth
// validating in parallel.
var splitLists = []string{"components", "services", "dependencies", "vulnerabilities"}

// cdxJSONSchema returns the validator of the official JSON schema of
// CycloneDX version v (one of cdxVersions). For 1.2 and 1.3 it is the
// non-strict variant, as upstream's own validator uses.
func cdxJSONSchema(v string) (*cdxValidator, error) {
	cs, ok := jsonSchemas[v]
	if !ok {
		return nil, fmt.Errorf("no JSON schema for CycloneDX %s", v)
	}
	cs.once.Do(func() { cs.v, cs.err = compileCDX(v) })
	return cs.v, cs.err
}

func compileCDX(v string) (*cdxValidator, error) {
	c := jsonschema.NewCompiler()
	c.UseLoader(jsonschema.SchemeURLLoader{"http": embeddedLoader{}, "https": embeddedLoader{}})
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	// Upstream accepts iri-reference without checking it; unknown formats
	// (1.2 uses "string") are ignored by the compiler.
	c.RegisterFormat(&jsonschema.Format{Name: "iri-reference", Validate: func(any) error { return nil }})
	url := schemaBase + "bom-" + v + ".schema.json"
	full, err := c.Compile(url)
	if err != nil {
		return nil, err
	}
	cv := &cdxValidator{full: full, items: map[string]*jsonschema.Schema{}, unique: map[string]bool{}}
	data, err := schemaFS.ReadFile("schema/bom-" + v + ".schema.json")
	if err != nil {
		return nil, err
	}
	var raw struct {
		Properties map[string]map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	for _, name := range splitLists {
		ref, unique, ok := plainList(raw.Properties[name])
		if !ok {
			continue
		}
		items, err := c.Compile(url + ref)
		if err != nil {
			return nil, err
		}
		cv.items[name], cv.unique[name] = items, unique
	}
	return cv, nil
}

// plainList reports whether the schema of a top-level property is a plain
// list: type array, items a single $ref, and uniqueItems, with nothing else
// that constrains the list. Only such lists are split for parallel
// validation, so that splitting cannot change the result.
func plainList(s map[string]any) (ref string, unique, ok bool) {
	if s == nil || s["type"] != "array" {
		return "", false, false
	}
	for k, v := range s {
		switch k {
		case "type", "title", "description", "$comment", "additionalItems":
		case "$id":
			if id, _ := v.(string); !strings.HasPrefix(id, "#") {
				return "", false, false
			}
		case "uniqueItems":
			unique, _ = v.(bool)
		case "items":
			items, _ := v.(map[string]any)
			r, isStr := items["$ref"].(string)
			if len(items) != 1 || !isStr || !strings.HasPrefix(r, "#/") {
				return "", false, false
			}
			ref = r
		default:
			return "", false, false
		}
	}
	return ref, unique, ref != ""
}

// spdxSchemas are the compiled official SPDX JSON schemas by version.
var spdxSchemas sync.Map // version -> func() (*jsonschema.Schema, error)

// spdxSchema returns the official JSON schema of SPDX version v ("2.2" or
// "2.3"), embedded unmodified (see schema/README.md). Formats are not
// asserted, as the schema's own validators do not.
func spdxSchema(v string) (*jsonschema.Schema, error) {
	f, _ := spdxSchemas.LoadOrStore(v, sync.OnceValues(func() (*jsonschema.Schema, error) {
		name := "spdx-" + v + ".schema.json"
		data, err := schemaFS.ReadFile("schema/" + name)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft7)
		url := "urn:docgen:schema:" + name
		if err := c.AddResource(url, doc); err != nil {
			return nil, err
		}
		return c.Compile(url)
	}))
	return f.(func() (*jsonschema.Schema, error))()
}
