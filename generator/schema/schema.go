// Package schema generates the JSON Schema (draft 2020-12) of docgen's
// device-security spec from the Go model in package spec, by reflection, so
// that the schema cannot drift from what the loader accepts.
//
//	data, err := schema.Generate() // indented JSON with a trailing newline
//	err = schema.Write(os.Stdout)  // the same bytes, e.g. for `docgen schema`
//
// The output is deterministic: the properties of an object follow the
// declaration order of the Go struct, and $defs are sorted by name. The
// checked-in copy specs/schema/device-spec.schema.json is compared with
// Generate by the package tests; after changing the model, refresh it with
//
//	go test ./generator/schema -update
//
// Editors that speak the YAML language server protocol pick the schema up from
// a first line such as
//
//	# yaml-language-server: $schema=device-spec.schema.json
//
// which `docgen init` writes, with the schema next to the skeleton; the
// examples in the repository point into specs/schema with
// ../../specs/schema/device-spec.schema.json.
//
// How the model maps to the schema: every struct type becomes an entry of
// $defs named after the Go type, with additionalProperties false and one
// property per YAML field, described by the field's `doc` tag and, where
// the example specs of the repository fill it in, "examples" with their
// values (specs/schema/examples.yaml). Lists become
// arrays, pointers the schema of their element, enumerations (yamlx.Enum) an
// enum of their values, and the custom value types of package spec (Text,
// Date, Ports, Address, CIDR, Email, URL) the shapes their decoders accept. A
// custom decoder type the generator does not know is an error, so a new value
// type cannot slip into the model without a schema.
//
// The schema describes shape, not consistency: unique ids, references
// between sections, class versus regulation and completeness remain with
// spec.Load and docgen check. Where the loader is more lenient than plain
// JSON types it follows the loader: string fields and Text accept numbers
// (`revision: 3`, `tls_min: 1.2`, taken literally by the loader), and
// enumerations and formatted values accept "" (not given yet). It is
// deliberately stricter in one way: an explicit null (a key with no value),
// which the loader reads as "not given", is flagged, so editors point at
// half-written keys.
package schema

import (
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
)

// Draft is the JSON Schema dialect of the generated schema.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// FileName is the name of the schema file that `docgen init` writes next
// to the skeleton, whose first line refers to it.
const FileName = "device-spec.schema.json"

// ID is the $id of the generated schema, versioned with the spec format.
// It identifies the schema; it is not a web address to fetch it from
// (docgen fetches nothing): editors find the schema by the relative path in
// the spec's first line.
const ID = "https://docgen.dev/schema/device-spec-v1.json"

// Generate returns the JSON Schema of the device spec as indented JSON
// (two spaces) with a trailing newline.
func Generate() ([]byte, error) {
	g := &generator{defs: map[string]obj{}, defTypes: map[string]reflect.Type{}}
	root, err := g.root()
	if err != nil {
		return nil, err
	}
	return encodeIndented(root)
}

// Write writes the schema that Generate returns to w.
func Write(w io.Writer) error {
	data, err := Generate()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// generator collects the $defs while walking the model.
type generator struct {
	defs     map[string]obj
	defTypes map[string]reflect.Type
}

var (
	specType          = reflect.TypeFor[spec.Spec]()
	enumType          = reflect.TypeFor[yamlx.Enum]()
	scalarDecoderType = reflect.TypeFor[yamlx.ScalarDecoder]()
	nodeDecoderType   = reflect.TypeFor[yamlx.NodeDecoder]()
)

// root builds the top-level schema: the Spec struct plus all $defs.
func (g *generator) root() (obj, error) {
	props, err := g.properties(specType)
	if err != nil {
		return nil, err
	}
	return obj{}.
		with("$schema", Draft).
		with("$id", ID).
		with("title", fmt.Sprintf("docgen device-security spec, format %d", spec.FormatVersion)).
		with("description", "Everything docgen needs to write the EU MDR/IVDR (and FDA) cybersecurity "+
			"documentation of one medical device. Generated from the Go model by `docgen schema`; do not edit.").
		with("type", "object").
		with("additionalProperties", false).
		with("required", []string{"spec_version"}).
		with("properties", props).
		with("$defs", g.sortedDefs()), nil
}

// sortedDefs returns the collected $defs sorted by name.
func (g *generator) sortedDefs() obj {
	names := make([]string, 0, len(g.defs))
	for name := range g.defs {
		names = append(names, name)
	}
	slices.Sort(names)
	defs := make(obj, 0, len(names))
	for _, name := range names {
		defs = defs.with(name, g.defs[name])
	}
	return defs
}

// properties returns one property per YAML field of struct type t, in
// declaration order.
func (g *generator) properties(t reflect.Type) (obj, error) {
	props := obj{}
	for _, f := range yamlx.StructFields(t).Fields {
		s, err := g.fieldSchema(t, f)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
		props = props.with(f.Name, s)
	}
	return props, nil
}

// fieldSchema returns the schema of field f of struct type owner, described
// by its doc tag.
func (g *generator) fieldSchema(owner reflect.Type, f yamlx.FieldInfo) (obj, error) {
	var s obj
	if refine, ok := fieldRefinements[owner.Name()+"."+f.Name]; ok && owner.PkgPath() == specType.PkgPath() {
		s = refine()
	} else {
		var err error
		if s, err = g.typeSchema(f.Type); err != nil {
			return nil, err
		}
	}
	s = slices.Clone(s)
	if f.Doc != "" {
		doc, err := expandItems(f.Doc)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", owner.Name(), f.Name, err)
		}
		s = s.with("description", doc)
	}
	examples, err := loadExamples()
	if err != nil {
		return nil, err
	}
	if ex := examples[owner.Name()+"."+f.Name]; len(ex) > 0 && owner.PkgPath() == specType.PkgPath() {
		s = s.with("examples", ex)
	}
	return s, nil
}

// typeSchema returns the schema of a value of Go type t.
func (g *generator) typeSchema(t reflect.Type) (obj, error) {
	if build, ok := valueTypes[t]; ok {
		return g.ref(t, func() (obj, error) { return build(g) })
	}
	if isCustomDecoder(t) {
		return nil, fmt.Errorf("no JSON Schema for the custom value type %s; add it to valueTypes", t)
	}
	if t.Kind() == reflect.String && reflect.PointerTo(t).Implements(enumType) {
		return g.ref(t, func() (obj, error) { return enumSchema(t), nil })
	}
	return g.kindSchema(t)
}

// kindSchema returns the schema of a plain Go type by its kind.
func (g *generator) kindSchema(t reflect.Type) (obj, error) {
	switch t.Kind() {
	case reflect.Pointer:
		return g.typeSchema(t.Elem())
	case reflect.Bool:
		return obj{}.with("type", "boolean"), nil
	case reflect.Int, reflect.Int32, reflect.Int64:
		return obj{}.with("type", "integer"), nil
	case reflect.String:
		return scalarText(), nil
	case reflect.Slice:
		items, err := g.typeSchema(t.Elem())
		if err != nil {
			return nil, err
		}
		return obj{}.with("type", "array").with("items", items), nil
	case reflect.Struct:
		if t.Name() == "" {
			return nil, fmt.Errorf("anonymous struct types are not supported; name the type")
		}
		return g.ref(t, func() (obj, error) { return g.structSchema(t) })
	}
	return nil, fmt.Errorf("unsupported Go type %s", t)
}

// structSchema returns the $defs entry of a struct type.
func (g *generator) structSchema(t reflect.Type) (obj, error) {
	props, err := g.properties(t)
	if err != nil {
		return nil, err
	}
	return obj{}.
		with("type", "object").
		with("additionalProperties", false).
		with("properties", props), nil
}

// ref returns a $ref to the $defs entry named after t, building the entry
// on first use. Two different types with the same name are an error.
func (g *generator) ref(t reflect.Type, build func() (obj, error)) (obj, error) {
	name := t.Name()
	ref := obj{}.with("$ref", "#/$defs/"+name)
	if prev, ok := g.defTypes[name]; ok {
		if prev != t {
			return nil, fmt.Errorf("types %s and %s would share $defs/%s", prev, t, name)
		}
		return ref, nil
	}
	g.defTypes[name] = t // before building, so recursive types terminate
	def, err := build()
	if err != nil {
		return nil, err
	}
	g.defs[name] = def
	return ref, nil
}

// isCustomDecoder reports whether values of t decode themselves.
func isCustomDecoder(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(scalarDecoderType) || p.Implements(nodeDecoderType)
}

// enumSchema returns the schema of an enumeration type: its values, or ""
// for "not given".
func enumSchema(t reflect.Type) obj {
	values := reflect.New(t).Interface().(yamlx.Enum).EnumValues()
	return obj{}.
		with("type", "string").
		with("enum", append(slices.Clone(values), ""))
}

// itemRE matches a reference to a catalog item in a doc tag: {item:IFU-ENV}.
var itemRE = regexp.MustCompile(`\{item:([A-Z0-9-]+)\}`)

// expandItems replaces each {item:ID} of a field's doc tag with the clauses
// of that item of the default catalog, in parentheses, so that the clause
// numbers have one source: the catalog. A clause that differs between the
// MDR and the IVDR is shown as "MDR ... / IVDR ...".
func expandItems(doc string) (string, error) {
	if !strings.Contains(doc, "{item:") {
		return doc, nil
	}
	cat, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		return "", err
	}
	var missing []string
	out := itemRE.ReplaceAllStringFunc(doc, func(m string) string {
		id := itemRE.FindStringSubmatch(m)[1]
		it := cat.Item(id)
		if it == nil {
			missing = append(missing, id)
			return m
		}
		var parts []string
		for _, c := range it.Clauses {
			t := c.Text
			if t == "" {
				t = strings.Trim(c.MDR+" / "+c.IVDR, " /")
			}
			parts = append(parts, t)
		}
		return "(" + strings.Join(parts, "; ") + ")"
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("doc tag names unknown catalog items %s", strings.Join(missing, ", "))
	}
	return out, nil
}
