package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/spec"
	"github.com/docgen/docgen/generator/yamlx"
	"github.com/docgen/docgen/templates"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenPath is the checked-in schema that editors and example specs use.
var goldenPath = filepath.Join("..", "..", "specs", "schema", "device-spec.schema.json")

// compile generates the schema and compiles it with format assertions on.
func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := Generate()
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("generated schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(ID, doc); err != nil {
		t.Fatalf("AddResource: %v", err)
	}
	sch, err := c.Compile(ID)
	if err != nil {
		t.Fatalf("generated schema does not compile: %v", err)
	}
	return sch
}

// yamlToJSON decodes a YAML document into the JSON value an editor's YAML
// language server would validate: dates stay strings, numbers become
// json.Number.
func yamlToJSON(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return nodeToJSON(doc.Content[0])
}

// validate reports whether the YAML document data is valid under sch.
func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := yamlToJSON(data)
	if err != nil {
		t.Fatalf("test YAML does not parse: %v", err)
	}
	return sch.Validate(v)
}

func TestSchemaCompiles(t *testing.T) {
	compile(t)
}

func TestGenerateDeterministic(t *testing.T) {
	a, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate()
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of Generate differ")
	}
	if !bytes.HasSuffix(a, []byte("}\n")) || !bytes.HasPrefix(a, []byte("{\n  \"$schema\"")) {
		t.Errorf("output is not indented JSON with a trailing newline:\n%.200s", a)
	}
	var w bytes.Buffer
	if err := Write(&w); err != nil || !bytes.Equal(w.Bytes(), a) {
		t.Errorf("Write differs from Generate (err %v)", err)
	}
}

// specFiles lists the example specs and the init skeleton, which must all be
// valid under the schema.
func specFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "device.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	skeleton := filepath.Join("..", "..", "templates", "init", "device.yaml")
	if _, err := os.Stat(skeleton); err == nil {
		files = append(files, skeleton)
	}
	return files
}

func TestSpecFilesValidate(t *testing.T) {
	files := specFiles(t)
	if len(files) == 0 {
		t.Skip("no examples/*/device.yaml yet")
	}
	sch := compile(t)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, sch, data); err != nil {
			t.Errorf("%s is not valid under the schema:\n%v", f, err)
		}
	}
}

// validSpec uses every kind of value the schema describes.
const validSpec = `# yaml-language-server: $schema=../../specs/schema/device-spec.schema.json
spec_version: 1
profiles: [mdcg-2019-16, fda-premarket-2023]
language: de-CH
device:
  name: Example Viewer
  version: 2.1
  regulation: MDR
  class: IIa
  networked: true
  us_market: true
  manufacturer:
    name: Example Medical GmbH
    contact: {email: info@example.com, phone: "+49 89 0000", url: "https://example.com/contact"}
    security_contact: {email: "", url: ""}
document:
  id: DOC-1
  revision: 3
  date: 2026-01-15
  history:
    - {revision: "1.0", date: 2025-06-01, author: QA, changes: First issue}
environment:
  required_controls:
    - {id: env-fw, description: Firewall, mandatory: true, owner: operator}
platform:
  os: [{name: Windows 11 IoT Enterprise LTSC, versions: ["24H2"], end_of_support: 2034-10-10}]
network:
  requirements: {bandwidth: 100 Mbit/s, addressing: static-or-dhcp}
  zone: clinical
  internet_required: false
  zones: [{id: clinical, name: Clinical VLAN, cidrs: [10.20.0.0/16, "fd00::/8", ""]}]
  nodes:
    - {id: ws, name: Workstation, kind: workstation, zone: clinical, addresses: [10.20.0.5, dhcp, ws.example.org]}
    - {id: pacs, name: PACS, kind: server, zone: clinical, addresses: ["10.20.0.0/24"]}
crypto: {tls_min: 1.2, ciphers: [TLS_AES_128_GCM_SHA256]}
interfaces:
  - {id: dicom, name: DICOM, kind: network, port: 104, transport: tcp, direction: both, default_enabled: true, endpoints: [pacs]}
  - {id: web, name: Web, kind: network, port: "80,443", transport: tcp, direction: in}
  - {id: dyn, name: Dynamic, kind: network, port: [49152-65535, 8080], transport: udp, direction: out}
data_streams:
  - {id: s1, source: ws, destination: pacs, protocol: DICOM, port: 104, transport: tcp, encryption: TLS 1.3}
firewall_rules:
  - {id: r1, direction: outbound, source: ws, destination: pacs, ports: 104, protocol: tcp, action: allow, stream: s1}
accounts:
  - {name: service, type: service, default: true, must_change: true}
cvd: {policy_url: "https://example.com/cvd", contact: {email: psirt@example.com}, ack_days: 5}
advisories: {url: "mailto:psirt@example.com"}
sbom: {path: sbom.cdx.json, format: CycloneDX 1.6 JSON}
components:
  - {purl: "pkg:npm/left-pad@1.3.0", support_level: abandoned, end_of_support: 2020-01-01}
waivers:
  - {rule: IFU-FAILSAFE, rationale: No failsafe mode needed, expires: ""}
`

func TestInlineSpecValid(t *testing.T) {
	if err := validate(t, compile(t), []byte(validSpec)); err != nil {
		t.Fatalf("inline spec is not valid under the schema:\n%v", err)
	}
	if _, err := spec.Parse("valid.yaml", []byte(validSpec)); err != nil {
		t.Fatalf("the loader rejects the inline spec, so the test is wrong:\n%v", err)
	}
}

func TestInvalidSpecsRejected(t *testing.T) {
	sch := compile(t)
	cases := map[string]string{
		"unknown field":      "spec_version: 1\ndevcie: {name: X}\n",
		"bad enum":           "spec_version: 1\ndevice: {regulation: FDA}\n",
		"port 70000":         "spec_version: 1\ninterfaces: [{id: a, port: 70000}]\n",
		"port 70000 in text": "spec_version: 1\ninterfaces: [{id: a, port: \"80,70000\"}]\n",
		"wrong version":      "spec_version: 3\n",
		"no version":         "device: {name: X}\n",
		"unknown nested":     "spec_version: 1\ncvd: {contact: {mail: a@example.com}}\n",
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			if validate(t, sch, []byte(doc)) == nil {
				t.Errorf("schema accepts:\n%s", doc)
			}
			if _, err := spec.Parse("invalid.yaml", []byte(doc)); err == nil {
				t.Errorf("the loader accepts the case, so it does not test the schema:\n%s", doc)
			}
		})
	}
}

// TestLoaderAgreement runs sample values through the loader and the schema.
// They must agree, except where the table records that the schema is looser
// (it cannot see host bits or range order) or stricter (explicit null).
func TestLoaderAgreement(t *testing.T) {
	sch := compile(t)
	cases := []struct {
		doc            string
		loader, schema bool
	}{
		{"document: {date: 2025-01-31}", true, true},
		{`document: {date: ""}`, true, true},
		{"document: {date: 2025-13-01}", false, false},
		{`document: {date: "31.01.2025"}`, false, false},
		{"document: {date: null}", true, false},
		{"document: {revision: 3}", true, true},
		{"crypto: {tls_min: 1.2}", true, true},
		{"device: {description: 42}", true, true},
		{"device: {description: {en: Viewer, de: Betrachter}}", true, true},
		{"device: {description: {EN: Viewer}}", false, false},
		{"device: {regulation: MDR}", true, true},
		{`device: {regulation: ""}`, true, true},
		{"device: {regulation: mdr}", false, false},
		{"device: {networked: true}", true, true},
		{"device: {networked: yes}", false, false},
		{`device: {networked: "true"}`, false, false},
		{"cvd: {ack_days: 5}", true, true},
		{`cvd: {ack_days: "5"}`, false, false},
		{"cvd: {contact: {email: psirt@example.com}}", true, true},
		{`cvd: {contact: {email: ""}}`, true, true},
		{"cvd: {contact: {email: psirt}}", false, false},
		{"cvd: {contact: {email: psirt@localhost}}", false, false},
		{`cvd: {policy_url: "https://example.com/cvd"}`, true, true},
		{`cvd: {policy_url: "mailto:psirt@example.com"}`, true, true},
		{`cvd: {policy_url: ""}`, true, true},
		{"cvd: {policy_url: example.com/cvd}", false, false},
		{`cvd: {policy_url: "ftp://example.com/cvd"}`, false, false},
		{"interfaces: [{id: a, port: 104}]", true, true},
		{`interfaces: [{id: a, port: "49152-65535"}]`, true, true},
		{`interfaces: [{id: a, port: "80, 443"}]`, true, true},
		{`interfaces: [{id: a, port: [80, "443", 8000-8080]}]`, true, true},
		{"interfaces: [{id: a, port: 65535}]", true, true},
		{"interfaces: [{id: a, port: 65536}]", false, false},
		{"interfaces: [{id: a, port: 0}]", false, false},
		{`interfaces: [{id: a, port: "80-"}]`, false, false},
		{`interfaces: [{id: a, port: ""}]`, false, false},
		{"interfaces: [{id: a, port: http}]", false, false},
		{`interfaces: [{id: a, port: "443-80"}]`, false, true},
		{"network: {zones: [{id: z, cidrs: [10.20.0.0/16, \"fd00::/8\"]}]}", true, true},
		{`network: {zones: [{id: z, cidrs: [""]}]}`, true, true},
		{"network: {zones: [{id: z, cidrs: [10.20.0.1]}]}", false, false},
		{"network: {zones: [{id: z, cidrs: [10.20.0.0/33]}]}", false, false},
		{"network: {zones: [{id: z, cidrs: [10.20.0.1/16]}]}", false, true},
		{"network: {nodes: [{id: n, addresses: [10.0.0.5, dhcp, pacs.example.org, 10.0.0.0/24]}]}", true, true},
		{"network: {nodes: [{id: n, addresses: [10.0.0.300]}]}", false, true},
		{"profiles: [fda-premarket-2023]", true, true},
		{"profiles: [fda]", false, false},
		{"language: de-CH", true, true},
		{"language: German", false, false},
		{`security_objectives: "Confidentiality"`, false, false},
		{"device: []", false, false},
		{"components: [{purl: pkg:npm/a@1, support_level: abandoned}]", true, true},
		{"components: [{purl: pkg:npm/a@1, support_level: dead}]", false, false},
	}
	for _, c := range cases {
		doc := "spec_version: 1\n" + c.doc + "\n"
		_, lerr := spec.Parse("case.yaml", []byte(doc))
		serr := validate(t, sch, []byte(doc))
		if (lerr == nil) != c.loader {
			t.Errorf("%s: loader accepts=%v, want %v (%v)", c.doc, lerr == nil, c.loader, lerr)
		}
		if (serr == nil) != c.schema {
			t.Errorf("%s: schema accepts=%v, want %v (%v)", c.doc, serr == nil, c.schema, serr)
		}
	}
}

// TestEveryFieldInSchema walks the Go model and checks that every YAML field
// of every struct is a property of the right schema object, with its doc.
func TestEveryFieldInSchema(t *testing.T) {
	data, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	defs, _ := root["$defs"].(map[string]any)
	w := &fieldWalker{t: t, defs: defs, seen: map[reflect.Type]bool{}}
	w.walk(reflect.TypeFor[spec.Spec](), root)
	if len(w.seen) < 10 {
		t.Errorf("walked only %d struct types", len(w.seen))
	}
}

type fieldWalker struct {
	t    *testing.T
	defs map[string]any
	seen map[reflect.Type]bool
}

func (w *fieldWalker) walk(typ reflect.Type, schema map[string]any) {
	w.seen[typ] = true
	props, _ := schema["properties"].(map[string]any)
	for _, f := range yamlx.StructFields(typ).Fields {
		p, ok := props[f.Name].(map[string]any)
		if !ok {
			w.t.Errorf("%s.%s is not in the schema", typ.Name(), f.Name)
			continue
		}
		if want, err := expandItems(f.Doc); f.Doc == "" || err != nil || p["description"] != want {
			w.t.Errorf("%s.%s: description %q, doc tag %q", typ.Name(), f.Name, p["description"], f.Doc)
		}
		w.follow(elemType(f.Type), fmt.Sprintf("%s.%s", typ.Name(), f.Name))
	}
}

// follow checks the $defs entry of a named type and walks it if it is a
// struct of the model.
func (w *fieldWalker) follow(t reflect.Type, where string) {
	_, isValue := valueTypes[t]
	isEnum := reflect.PointerTo(t).Implements(enumType)
	if t.Kind() != reflect.Struct && !isValue && !isEnum {
		return
	}
	def, ok := w.defs[t.Name()].(map[string]any)
	if !ok {
		w.t.Errorf("%s: $defs/%s is missing", where, t.Name())
		return
	}
	if isEnum {
		values := reflect.New(t).Interface().(yamlx.Enum).EnumValues()
		if got, _ := def["enum"].([]any); len(got) != len(values)+1 {
			w.t.Errorf("$defs/%s: enum %v, want %v and \"\"", t.Name(), got, values)
		}
	}
	if !isValue && !isEnum && !w.seen[t] {
		w.walk(t, def)
	}
}

// elemType strips pointers and slices from t, except from value types such
// as spec.Ports.
func elemType(t reflect.Type) reflect.Type {
	for {
		if _, ok := valueTypes[t]; ok {
			return t
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice:
			t = t.Elem()
		default:
			return t
		}
	}
}

func TestGolden(t *testing.T) {
	got, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(goldenPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v; create it with: go test ./generator/schema -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the spec model; run: go test ./generator/schema -update", goldenPath)
	}
}

// TestSchemaReferencesAgree checks that every `$schema=` first line points
// at the schema: the examples into specs/schema (the checked-in copy of
// Generate), the init skeleton at the file init writes next
// to it. A web address would be fetched by editors, and docgen publishes
// none.
func TestSchemaReferencesAgree(t *testing.T) {
	re := regexp.MustCompile(`^# yaml-language-server: \$schema=(\S+)\n`)
	specs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "device.yaml"))
	if len(specs) == 0 {
		t.Fatal("no examples")
	}
	for _, p := range specs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m := re.FindSubmatch(data)
		if m == nil {
			t.Errorf("%s: the first line does not name the schema", p)
			continue
		}
		ref := filepath.Join(filepath.Dir(p), filepath.FromSlash(string(m[1])))
		if filepath.Base(ref) != FileName {
			t.Errorf("%s: $schema=%s, want a path to %s", p, m[1], FileName)
		}
		if _, err := os.Stat(ref); err != nil {
			t.Errorf("%s: $schema=%s does not resolve: %v", p, m[1], err)
		}
	}
	skeleton, err := templates.FS.ReadFile("init/device.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if m := re.FindSubmatch(skeleton); m == nil || string(m[1]) != FileName {
		t.Errorf("the init skeleton's first line names %q, want %s, the file init writes next to it", m, FileName)
	}
}

// TestDocTagsCiteNoClauses checks that the field descriptions of the spec
// model take clause numbers from the catalog ({item:ID}) instead of writing
// them, so that a clause has one source.
func TestDocTagsCiteNoClauses(t *testing.T) {
	clause := regexp.MustCompile(`MDCG 20|Annex [IVX]|IVDR [0-9]|MDR [0-9]|§[0-9]`)
	var walk func(reflect.Type, string)
	seen := map[reflect.Type]bool{}
	walk = func(ty reflect.Type, path string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			doc := f.Tag.Get("doc")
			if clause.MatchString(doc) {
				t.Errorf("%s%s: doc tag writes a clause number; reference the catalog item with {item:ID}: %q", path, f.Name, doc)
			}
			walk(f.Type, path+f.Name+".")
		}
	}
	walk(reflect.TypeOf(spec.Spec{}), "")
	if _, err := Generate(); err != nil {
		t.Errorf("a doc tag names an unknown catalog item: %v", err)
	}
}
