package xsd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schemaDir holds the embedded CycloneDX schemas of the parent package.
var schemaDir = filepath.Join("..", "..", "schema")

func loadSPDX(ns, loc string) ([]byte, error) {
	if ns == "http://cyclonedx.org/schema/spdx" {
		return os.ReadFile(filepath.Join(schemaDir, "spdx.xsd"))
	}
	return nil, fmt.Errorf("namespace %s not available", ns)
}

func compileVersion(t testing.TB, v string) *Schema {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(schemaDir, "bom-"+v+".xsd"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Compile(data, loadSPDX)
	if err != nil {
		t.Fatalf("compile %s: %v", v, err)
	}
	return s
}

// TestCompileCycloneDX compiles every embedded CycloneDX XSD: an unsupported
// construct in a new schema version fails here.
func TestCompileCycloneDX(t *testing.T) {
	for _, v := range []string{"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"} {
		compileVersion(t, v)
	}
}

func validate(t *testing.T, s *Schema, doc string) []Error {
	t.Helper()
	root, err := Parse(strings.NewReader(doc), 100)
	if err != nil {
		t.Fatal(err)
	}
	errs, total := s.Validate(root, 0)
	if total != len(errs) {
		t.Errorf("total %d, %d errors", total, len(errs))
	}
	return errs
}

func TestValidate(t *testing.T) {
	s := compileVersion(t, "1.6")
	const head = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">`
	tests := []struct {
		name, doc   string
		kind        Kind
		path, facet string
	}{
		{"valid", head + `<components><component type="library"><name>a</name></component></components></bom>`, "", "", ""},
		{"foreign element allowed", head + `<components><component type="library"><name>a</name><x:y xmlns:x="urn:x"/></component></components></bom>`, "", "", ""},
		{"scope default", head + `<components><component type="library"><name>a</name><scope/></component></components></bom>`, "", "", ""},
		{"enumeration", head + `<components><component type="lib"><name>a</name></component></components></bom>`, AttrValue, "/bom/components/component", "enumeration"},
		{"missing attribute", head + `<components><component><name>a</name></component></components></bom>`, AttrMissing, "/bom/components/component", ""},
		{"unknown attribute", head + `<components><component type="library"><name colour="red">a</name></component></components></bom>`, AttrNotAllowed, "/bom/components/component/name", ""},
		{"missing element", head + `<components><component type="library"></component></components></bom>`, ElemMissing, "/bom/components/component", ""},
		{"wrong order", head + `<components><component type="library"><version>1</version><name>a</name></component></components></bom>`, ElemNotAllowed, "/bom/components/component/version", ""},
		{"too many", head + `<components><component type="library"><name>a</name><name>b</name></component></components></bom>`, ElemNotAllowed, "/bom/components/component/name[2]", ""},
		{"text in element-only", head + `hello<components/></bom>`, TextNotAllowed, "/bom", ""},
		{"child in simple", head + `<components><component type="library"><name>a<b/></name></component></components></bom>`, ChildNotAllowed, "/bom/components/component/name", ""},
		{"pattern", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1" serialNumber="urn:uuid:123"/>`, AttrValue, "/bom", "pattern"},
		{"dateTime", head + `<metadata><timestamp>2020-02-30T00:00:00Z</timestamp></metadata></bom>`, ElemValue, "/bom/metadata/timestamp", "type"},
		{"integer", `<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="one"/>`, AttrValue, "/bom", "type"},
		{"duplicate bom-ref", head + `<components><component type="library" bom-ref="x"><name>a</name></component><component type="library" bom-ref="x"><name>b</name></component></components></bom>`, Duplicate, "/bom/components/component[2]", ""},
		{"unknown root", `<bomb xmlns="http://cyclonedx.org/schema/bom/1.6"/>`, RootUnknown, "/bomb", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := validate(t, s, tt.doc)
			if tt.kind == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %+v", errs[0])
				}
				return
			}
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			e := errs[0]
			if e.Kind != tt.kind || e.Node.Path() != tt.path {
				t.Errorf("got %s at %s, want %s at %s", e.Kind, e.Node.Path(), tt.kind, tt.path)
			}
			if tt.facet != "" && (e.Violation == nil || e.Violation.Facet != tt.facet) {
				t.Errorf("violation %+v, want facet %s", e.Violation, tt.facet)
			}
			if e.Rule() == "" {
				t.Error("no rule")
			}
		})
	}
}

func TestSimpleTypes(t *testing.T) {
	b := func(name string) *simpleType { return newBuiltin(name) }
	tests := []struct {
		typ  *simpleType
		val  string
		good bool
	}{
		{b("boolean"), "true", true}, {b("boolean"), " 0 ", true}, {b("boolean"), "yes", false},
		{b("integer"), "-12", true}, {b("integer"), "1.0", false},
		{b("nonNegativeInteger"), "0", true}, {b("nonNegativeInteger"), "-0", true}, {b("nonNegativeInteger"), "-1", false},
		{b("positiveInteger"), "1", true}, {b("positiveInteger"), "0", false}, {b("positiveInteger"), "+000", false},
		{b("decimal"), "3.", true}, {b("decimal"), ".5", true}, {b("decimal"), "1e3", false},
		{b("date"), "2024-02-29", true}, {b("date"), "2023-02-29", false}, {b("date"), "2024-02-29Z", true},
		{b("dateTime"), "2024-01-01T24:00:00Z", true}, {b("dateTime"), "2024-01-01T24:00:01Z", false},
		{b("dateTime"), "2024-01-01T10:00:00.123+14:00", true}, {b("dateTime"), "2024-01-01T10:00:00+15:00", false},
		{b("dateTime"), "2024-01-01", false},
		{b("double"), "INF", true}, {b("double"), "1e400", true}, {b("double"), "inf", false},
		{b("hexBinary"), "0aF1", true}, {b("hexBinary"), "0aF", false},
		{b("base64Binary"), "aGVsbG8=", true}, {b("base64Binary"), "aGVsbG8", false},
	}
	for _, tt := range tests {
		if got := tt.typ.check(tt.val) == nil; got != tt.good {
			t.Errorf("%s %q: valid=%v, want %v", tt.typ.name, tt.val, got, tt.good)
		}
	}
}

func TestTranslatePattern(t *testing.T) {
	tests := []struct {
		pattern, value string
		match          bool
	}{
		{`[a-f0-9]{4}`, "beef", true},
		{`[a-f0-9]{4}`, "beef0", false}, // anchored
		{`a$b`, "a$b", true},            // $ is literal in XML Schema
		{`^x`, "^x", true},
		{`[$^]+`, "$^", true},
		{`\d+(\.\d+)?`, "1.5", true},
	}
	for _, tt := range tests {
		re, err := translatePattern(tt.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tt.pattern, err)
		}
		if re.MatchString(tt.value) != tt.match {
			t.Errorf("%s ~ %q: %v", tt.pattern, tt.value, !tt.match)
		}
	}
	for _, bad := range []string{`\i\c*`, `[a-z-[aeiou]]`} {
		if _, err := translatePattern(bad); err == nil {
			t.Errorf("%s: unsupported pattern compiled", bad)
		}
	}
}

func TestParseLimits(t *testing.T) {
	deep := strings.Repeat("<a>", 11) + strings.Repeat("</a>", 11)
	if _, err := Parse(strings.NewReader(deep), 10); err == nil || err.(*SyntaxError).Code != CodeDepth {
		t.Errorf("deep document: %v", err)
	}
	for _, bad := range []string{"", "<a>", "<a></b>", "<a/><b/>", "x<a/>", `<?xml version="1.0" encoding="latin1"?><a/>`, "<a>&unknown;</a>"} {
		if _, err := Parse(strings.NewReader(bad), 10); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	n, err := Parse(strings.NewReader("<a xmlns='u' x='1'><b>t<![CDATA[<c>]]></b><b/></a>"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if n.Children[0].Text != "t<c>" || n.Children[1].Path() != "/a/b[2]" || n.Children[0].Path() != "/a/b[1]" {
		t.Errorf("got %q %s", n.Children[0].Text, n.Children[1].Path())
	}
	if v, ok := n.Attr("x"); !ok || v != "1" || len(n.Attrs) != 1 {
		t.Errorf("attrs %+v", n.Attrs)
	}
}
