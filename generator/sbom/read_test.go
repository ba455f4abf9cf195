package sbom

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/input"
)

const minimalCDX16 = `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
 "components":[{"type":"library","bom-ref":"a","name":"zlib","version":"1.3.1","purl":"pkg:generic/zlib@1.3.1"}]}`

const minimalCDXXML15 = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <components>
    <component type="library" bom-ref="a"><name>zlib</name><version>1.3.1</version></component>
  </components>
</bom>`

const minimalSPDX23 = `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"x",
 "documentNamespace":"https://example.org/x","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: t"]},
 "packages":[{"name":"zlib","SPDXID":"SPDXRef-zlib","downloadLocation":"NOASSERTION","versionInfo":"1.3.1",
   "licenseConcluded":"NOASSERTION","licenseDeclared":"NOASSERTION","copyrightText":"NOASSERTION"}]}`

// TestDetect checks that format, encoding and version come from the content,
// whatever the file name says.
func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, data          string
		format, encoding, version string
	}{
		{"cdx json", "sbom.xml", minimalCDX16, FormatCycloneDX, EncodingJSON, "1.6"},
		{"cdx json with BOM and space", "x", "\xEF\xBB\xBF \n" + minimalCDX16, FormatCycloneDX, EncodingJSON, "1.6"},
		{"cdx xml", "sbom.json", minimalCDXXML15, FormatCycloneDX, EncodingXML, "1.5"},
		{"cdx 1.2 json", "x", `{"bomFormat":"CycloneDX","specVersion":"1.2","version":1,"components":[]}`, FormatCycloneDX, EncodingJSON, "1.2"},
		{"cdx 1.7 xml", "x", `<bom xmlns="http://cyclonedx.org/schema/bom/1.7" version="1"/>`, FormatCycloneDX, EncodingXML, "1.7"},
		{"spdx 2.3", "sbom.cdx.json", minimalSPDX23, FormatSPDX, EncodingJSON, "2.3"},
		{"spdx 2.2", "x", strings.Replace(minimalSPDX23, "SPDX-2.3", "SPDX-2.2", 1), FormatSPDX, EncodingJSON, "2.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != tt.format || b.Encoding != tt.encoding || b.SpecVersion != tt.version {
				t.Errorf("got %s %s %s, want %s %s %s", b.Format, b.Encoding, b.SpecVersion, tt.format, tt.encoding, tt.version)
			}
			if b.Components == nil || b.Dependencies == nil || b.Vulnerabilities == nil || b.Authors == nil || b.Tools == nil {
				t.Error("a slice of the BOM is nil")
			}
		})
	}
}

// TestUnsupported checks the files docgen refuses as another format.
func TestUnsupported(t *testing.T) {
	tests := []struct{ name, data, found string }{
		{"spdx 3 json-ld", `{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}`, "SPDX 3.0"},
		{"spdx 3 version", `{"spdxVersion":"SPDX-3.0"}`, "SPDX 3.0"},
		{"spdx 2.1", `{"spdxVersion":"SPDX-2.1"}`, "SPDX version `SPDX-2.1`"},
		{"spdx 2.1 tag-value", "## comment\nSPDXVersion: SPDX-2.1\nDataLicense: CC0-1.0\n", "SPDX tag-value (SPDX-2.1)"},
		{"spdx 2.1 yaml", "spdxVersion: SPDX-2.1\ndataLicense: CC0-1.0\n", "SPDX version `SPDX-2.1`"},
		{"spdx rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#"/>`, "SPDX RDF"},
		{"cdx 1.1 xml", `<bom xmlns="http://cyclonedx.org/schema/bom/1.1" version="1"/>`, "CycloneDX 1.1 XML"},
		{"cdx 1.1 json", `{"bomFormat":"CycloneDX","specVersion":"1.1"}`, "CycloneDX 1.1 JSON"},
		{"cdx 2.0", `{"bomFormat":"CycloneDX","specVersion":"2.0"}`, "specVersion `2.0`"},
		{"other json", `{"name":"package.json","version":"1.0.0"}`, "neither CycloneDX"},
		{"json array", `[1,2]`, "not an object"},
		{"other xml", `<project xmlns="http://maven.apache.org/POM/4.0.0"/>`, "root element <project>"},
		{"text", "hello", "neither JSON nor XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("in.txt", []byte(tt.data))
			var ue *UnsupportedError
			if !errors.As(err, &ue) {
				t.Fatalf("got %T %v, want *UnsupportedError", err, err)
			}
			if !strings.Contains(ue.Found, tt.found) {
				t.Errorf("Found = %q, want it to contain %q", ue.Found, tt.found)
			}
			if !strings.Contains(err.Error(), "in.txt") || !strings.Contains(err.Error(), "CycloneDX 1.2-1.7 JSON or XML, SPDX 2.2 or 2.3 JSON, YAML or tag-value") {
				t.Errorf("message %q does not name the file and what is supported", err)
			}
		})
	}
}

// TestParseErrors checks files that cannot be read at all.
func TestParseErrors(t *testing.T) {
	deepJSON := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	deepXML := `<bom xmlns="http://cyclonedx.org/schema/bom/1.6">` + strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth) + `</bom>`
	tests := []struct {
		name, data, want string
		line             int
	}{
		{"empty", " \n", "empty", 0},
		{"json syntax", "{\n \"bomFormat\": \"CycloneDX\",\n \"x\": tru }", "unexpected character", 3},
		{"json truncated", `{"bomFormat":"CycloneDX"`, "ends in the middle", 1},
		{"json trailing", `{} {}`, "more data after", 1},
		{"json control char", "{\"a\":\"x\ty\"}", "control character", 1},
		{"json too deep", deepJSON, "nesting deeper than 200", 1},
		{"xml syntax", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n<components>\n</bom>", "not well-formed XML", 3},
		{"xml too deep", deepXML, "nesting deeper than 200", 1},
		{"xml encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><bom/>`, "save the file as UTF-8", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.json", []byte(tt.data))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %T %v, want *ParseError", err, err)
			}
			if !strings.Contains(pe.Msg, tt.want) || pe.Pos.File != "f.json" {
				t.Errorf("got %q, want a message about %q", err, tt.want)
			}
			if tt.line > 0 && pe.Pos.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", pe.Pos.Line, tt.line, err)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(input.MaxSBOMSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = Read(path)
	var tl *input.TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "more than the limit of 256.0 MiB; raise the limit with --max-sbom-size") {
		t.Errorf("got %v, want a size error", err)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v", err)
	}
}

// TestValidationErrors checks that invalid SBOMs name the place, the rule
// and the problem.
func TestValidationErrors(t *testing.T) {
	tests := []struct {
		name, data       string
		pointer, rule    string
		message, against string
	}{
		{
			"json enum", `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"libary","name":"x"}]}`,
			"/components/0/type", "enum", "`libary` is not allowed", "CycloneDX 1.6 JSON schema",
		},
		{
			"json required", `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"type":"library"}]}`,
			"/components/0", "required", "missing required property `name`", "",
		},
		{
			"json format", `{"bomFormat":"CycloneDX","specVersion":"1.4","version":1,"metadata":{"timestamp":"yesterday"}}`,
			"/metadata/timestamp", "format", "not a valid date-time", "",
		},
		{
			"json additional property", `{"bomFormat":"CycloneDX","specVersion":"1.6","componets":[]}`,
			"/componets", "additionalProperties", "property `componets` is not allowed", "",
		},
		{
			"json no specVersion", `{"bomFormat":"CycloneDX"}`, "", "required", "`specVersion`", "",
		},
		{
			"json hash length", `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x",
			 "hashes":[{"alg":"SHA-256","content":"3942447fac867ae5cdb3229b658f4d48"}]}]}`,
			"/components/0/hashes/0/content", "hash-length", "SHA-256 hash has 64 hex digits, this one has 32", "",
		},
		{
			"json dangling dependency", `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","bom-ref":"a"}],
			 "dependencies":[{"ref":"a","dependsOn":["b"]}]}`,
			"/dependencies/0/dependsOn/0", "dependency-ref", "`b` is not the bom-ref of anything", "",
		},
		{
			"json duplicate bom-ref", `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","bom-ref":"a"},
			 {"type":"library","name":"y","bom-ref":"a"}]}`,
			"/components/1/bom-ref", "unique-bom-ref", "used before, at /components/0", "",
		},
		{
			"xml enum", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
			 <component type="library"><name>x</name><hashes><hash alg="SHA-256">abc</hash></hashes></component></components></bom>`,
			"/bom/components/component/hashes/hash", "pattern", "`abc` is not allowed", "CycloneDX 1.6 XML schema (XSD)",
		},
		{
			"xml unknown element", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
			 <component type="library"><name>x</name><licence/></component></components></bom>`,
			"/bom/components/component/licence", "content", "element <licence> is not allowed here", "",
		},
		{
			"xml hash length", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
			 <component type="library"><name>x</name><hashes><hash alg="MD5">e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a</hash></hashes></component>
			 <component type="library"><name>y</name><hashes><hash alg="MD5">3942447fac867ae5cdb3229b658f4d48</hash>
			 <hash alg="SHA-1">3942447fac867ae5cdb3229b658f4d48</hash></hashes></component></components></bom>`,
			"/bom/components/component[1]/hashes/hash", "hash-length", "MD5 hash has 32 hex digits, this one has 40", "",
		},
		{
			"xml dangling dependency", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
			 <component type="library" bom-ref="a"><name>x</name></component></components>
			 <dependencies><dependency ref="a"/><dependency ref="a"><dependency ref="b"/></dependency></dependencies></bom>`,
			"/bom/dependencies/dependency[2]/dependency", "dependency-ref", "`b` is not the bom-ref of anything", "rules docgen adds to the official CycloneDX 1.6 XML schema",
		},
		{
			"xml duplicate bom-ref", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
			 <component type="library" bom-ref="a"><name>x</name></component>
			 <component type="library" bom-ref="b"><name>y</name><components><component type="library" bom-ref="a"><name>z</name></component></components></component>
			 </components></bom>`,
			"/bom/components/component[2]/components/component", "unique", "/bom/components/component[1]", "",
		},
		{
			"xml wrong namespace", `<bom xmlns="http://cyclonedx.org/schema/bom/12" version="1"/>`,
			"/bom", "namespace", "unknown CycloneDX namespace", "CycloneDX XML format",
		},
		{
			"spdx missing fields", `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"x",
			 "documentNamespace":"https://example.org/x","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: t"]},
			 "packages":[{"name":"zlib","SPDXID":"SPDXRef-zlib"}]}`,
			"/packages/0", "required", "`downloadLocation`", "official SPDX 2.3 JSON schema",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.sbom", []byte(tt.data))
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %T %v, want *ValidationError", err, err)
			}
			p := ve.Problems[0]
			if p.Pointer != tt.pointer || p.Rule != tt.rule || !strings.Contains(p.Message, tt.message) {
				t.Errorf("first problem %+v, want pointer %q rule %q message containing %q\n%v", p, tt.pointer, tt.rule, tt.message, err)
			}
			if tt.against != "" && !strings.Contains(ve.Against, tt.against) {
				t.Errorf("Against = %q, want %q", ve.Against, tt.against)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "bad.sbom: ") || !strings.Contains(msg, tt.pointer) {
				t.Errorf("Error() = %q does not name file and place", msg)
			}
		})
	}
}

// TestReferencesAhead checks that a dependency on a bom-ref declared
// further down the document is no problem, in JSON (where the lists may come
// in any order) and in XML (a vulnerability's bom-ref).
func TestReferencesAhead(t *testing.T) {
	for name, doc := range map[string]string{
		"ahead.cdx.json": `{"bomFormat":"CycloneDX","specVersion":"1.6","dependencies":[{"ref":"a","dependsOn":["b"]}],
			"components":[{"type":"library","name":"x","bom-ref":"a"},{"type":"library","name":"y","bom-ref":"b"}]}`,
		"ahead.cdx.xml": `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>
			 <component type="library" bom-ref="a"><name>x</name></component></components>
			 <dependencies><dependency ref="a"><dependency ref="v"/></dependency></dependencies>
			 <vulnerabilities><vulnerability bom-ref="v"><id>CVE-2026-0001</id></vulnerability></vulnerabilities></bom>`,
	} {
		if _, err := Parse(name, []byte(doc)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestProblemCap checks that at most MaxProblems problems are kept and the
// rest counted.
func TestProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[`)
	for i := range 80 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"type":"nonsense","name":"x` + itoa(i) + `"}`)
	}
	b.WriteString(`]}`)
	_, err := Parse("many.json", []byte(b.String()))
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatal(err)
	}
	if len(ve.Problems) != MaxProblems || ve.Total != 80 {
		t.Errorf("%d problems kept, %d total; want %d and 80", len(ve.Problems), ve.Total, MaxProblems)
	}
	if ve.Problems[2].Pointer != "/components/2/type" {
		t.Errorf("problems not in document order: %s", ve.Problems[2].Pointer)
	}
	if !strings.Contains(err.Error(), "and 30 more") {
		t.Errorf("message does not count the rest: %s", err)
	}
}

// TestSplitValidation checks that validating long lists item by item gives
// the verdict of validating the whole document: problems deep in the list,
// and duplicate items (uniqueItems).
func TestSplitValidation(t *testing.T) {
	doc := func(extra string) []byte {
		var b strings.Builder
		b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[`)
		for i := range 600 {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"type":"library","name":"c` + itoa(i) + `"}`)
		}
		b.WriteString(extra + `]}`)
		return []byte(b.String())
	}
	if _, err := Parse("ok.json", doc("")); err != nil {
		t.Fatalf("valid document rejected: %v", err)
	}
	tests := []struct{ extra, pointer, rule string }{
		{`,{"type":"library"}`, "/components/600", "required"},
		{`,{"type":"library","name":"c7"}`, "/components", "uniqueItems"},
		{`,{"name":"c7","type":"library"}`, "/components", "uniqueItems"},
	}
	for _, tt := range tests {
		_, err := Parse("bad.json", doc(tt.extra))
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("%s: got %v", tt.extra, err)
		}
		if p := ve.Problems[0]; p.Pointer != tt.pointer || p.Rule != tt.rule {
			t.Errorf("%s: got %+v, want %s %s", tt.extra, p, tt.pointer, tt.rule)
		}
		// The whole-document schema agrees.
		v, _ := parseJSONValue(doc(tt.extra), MaxDepth)
		cv, _ := cdxJSONSchema("1.6")
		if cv.full.Validate(v) == nil {
			t.Errorf("%s: the full schema accepts what the split validation rejects", tt.extra)
		}
	}
}

// TestRulesBeyondSchema: problems found by docgen's own rules (a dangling
// dependency reference, a versionRange on an internal component) are not
// reported as breaking the official schema, while schema problems are.
func TestRulesBeyondSchema(t *testing.T) {
	tests := []struct{ name, data, against string }{
		{"dangling dependency (JSON)", `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
 "components":[{"type":"library","bom-ref":"a","name":"a"}],"dependencies":[{"ref":"a","dependsOn":["b"]}]}`,
			"checked against the rules docgen adds to the official CycloneDX 1.6 JSON schema"},
		{"versionRange on an internal component (XML)", `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.7" version="1"><components>
<component type="library" bom-ref="a"><name>a</name><versionRange>vers:generic/&gt;1</versionRange></component>
</components></bom>`, "checked against the rules docgen adds to the official CycloneDX 1.7 XML schema"},
		{"schema problem (JSON)", `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[{"type":"gadget","name":"a"}]}`,
			"checked against the official CycloneDX 1.6 JSON schema"},
	}
	for _, tt := range tests {
		_, err := Parse("f", []byte(tt.data))
		var verr *ValidationError
		if !errors.As(err, &verr) || !strings.Contains(err.Error(), tt.against) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.against)
		}
	}
}

// TestWideEncodings: an SBOM saved as UTF-16 or UTF-32 is named as such,
// with the advice to re-save it as UTF-8.
func TestWideEncodings(t *testing.T) {
	text := `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1}`
	wide := func(bigEndian bool, bom bool) []byte {
		var out []byte
		if bom {
			out = []byte{0xFF, 0xFE}
			if bigEndian {
				out = []byte{0xFE, 0xFF}
			}
		}
		for _, c := range []byte(text) {
			if bigEndian {
				out = append(out, 0, c)
			} else {
				out = append(out, c, 0)
			}
		}
		return out
	}
	tests := []struct {
		data []byte
		want string
	}{
		{wide(false, true), "UTF-16LE"},
		{wide(true, true), "UTF-16BE"},
		{wide(false, false), "UTF-16LE"},
		{wide(true, false), "UTF-16BE"},
	}
	for _, tt := range tests {
		_, err := Parse("f.json", tt.data)
		if err == nil || !strings.Contains(err.Error(), "encoded as "+tt.want+"; docgen reads SBOMs in UTF-8: re-save it as UTF-8") {
			t.Errorf("%x...: %v, want %s", tt.data[:4], err, tt.want)
		}
	}
}

// TestManyDuplicateRefs checks that a bom-ref used by 200 components gives
// 199 problems, of which MaxProblems are kept, in JSON and in XML.
func TestManyDuplicateRefs(t *testing.T) {
	var js, xs strings.Builder
	js.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[`)
	xs.WriteString(`<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>`)
	for i := range 200 {
		if i > 0 {
			js.WriteByte(',')
		}
		js.WriteString(`{"type":"library","name":"x` + itoa(i) + `","bom-ref":"same"}`)
		xs.WriteString("\n" + `<component type="library" bom-ref="same"><name>x` + itoa(i) + `</name></component>`)
	}
	js.WriteString(`]}`)
	xs.WriteString(`</components></bom>`)
	for name, doc := range map[string]string{"dup.cdx.json": js.String(), "dup.cdx.xml": xs.String()} {
		_, err := Parse(name, []byte(doc))
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("%s: %v", name, err)
		}
		if ve.Total != 199 || len(ve.Problems) != MaxProblems {
			t.Errorf("%s: %d problems kept, %d total; want %d and 199", name, len(ve.Problems), ve.Total, MaxProblems)
		}
	}
}

// TestComponentLimit checks that an SBOM with more than MaxComponents
// components, nested ones included, is refused with a message that says
// how to raise the limit, and that one at the limit is read.
func TestComponentLimit(t *testing.T) {
	old := MaxComponents
	MaxComponents = 5
	t.Cleanup(func() { MaxComponents = old })
	jsonDoc := func(top, nested int) string {
		var b strings.Builder
		b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"device","name":"d","components":[`)
		for i := range nested {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"type":"library","name":"n` + itoa(i) + `"}`)
		}
		b.WriteString(`]}},"components":[`)
		for i := range top {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"type":"library","name":"c` + itoa(i) + `"}`)
		}
		b.WriteString(`]}`)
		return b.String()
	}
	xmlDoc := func(n int) string {
		return `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components>` +
			strings.Repeat("\n"+`<component type="library"><name>c</name></component>`, n) + `</components></bom>`
	}
	tests := []struct {
		name, doc string
		refused   bool
	}{
		{"json at the limit", jsonDoc(3, 2), false},
		{"json top-level", jsonDoc(6, 0), true},
		{"json nested", jsonDoc(3, 3), true},
		{"xml at the limit", xmlDoc(5), false},
		{"xml over", xmlDoc(6), true},
		{"json dependencies", `{"bomFormat":"CycloneDX","specVersion":"1.6","dependencies":[` + strings.Repeat(`{"ref":"a"},`, 5) + `{"ref":"b"}]}`, true},
		{"xml dependencies", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><dependencies>` +
			strings.Repeat(`<dependency ref="a"/>`, 6) + `</dependencies></bom>`, true},
	}
	for _, tt := range tests {
		name := "limit.cdx.json"
		if strings.HasPrefix(tt.name, "xml") {
			name = "limit.cdx.xml"
		}
		_, err := Parse(name, []byte(tt.doc))
		switch {
		case tt.refused && (err == nil || !strings.Contains(err.Error(), "raise the limit with --max-sbom-components") || strings.Contains(err.Error(), "%!")):
			t.Errorf("%s: got %v, want the component limit", tt.name, err)
		case !tt.refused && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}
