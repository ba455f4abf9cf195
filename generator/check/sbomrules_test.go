package check_test

import (
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// cdx is a CycloneDX 1.6 SBOM with zlib (purl and bom-ref) and a second
// component whose name is given.
func cdx(name string) string {
	return `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
 {"type":"library","bom-ref":"zlib","name":"zlib","version":"1.3.1","purl":"pkg:generic/madler/zlib@1.3.1"},
 {"type":"library","bom-ref":"other","name":"` + name + `","version":"1"}]}`
}

func TestSBOMRules(t *testing.T) {
	tests := []struct {
		name, rule, components, bom string
		want                        int
		msg                         string
	}{
		{"override by exact purl", "SBOM-OVERRIDE", `[{purl: "pkg:generic/madler/zlib@1.3.1", support_level: actively-maintained}]`, cdx("x"), 0, ""},
		{"override by purl of another version", "SBOM-OVERRIDE", `[{purl: "pkg:generic/madler/zlib@1.2", support_level: actively-maintained}]`, cdx("x"), 0, ""},
		{"override by bom-ref", "SBOM-OVERRIDE", `[{bom_ref: other, support_level: actively-maintained}]`, cdx("x"), 0, ""},
		{"overrides that match nothing", "SBOM-OVERRIDE", `
  - {purl: "pkg:generic/madler/zlb@1.3.1", support_level: actively-maintained}
  - {bom_ref: nobody, end_of_support: 2030-01-01}`, cdx("x"), 2,
			"`components:` entry pkg:generic/madler/zlb@1.3.1 matches no component of the SBOM sbom.json"},
		{"clean names", "SBOM-TEXT", "[]", cdx("x"), 0, ""},
		{"NUL, BEL and ESC in a name", "SBOM-TEXT", "[]", cdx(`a\u0000b\u0007c\u001b[31md`), 1,
			"1 texts of the SBOM sbom.json held control characters (such as NUL, BEL or ESC), which docgen removed: components[1].name"},
	}
	cat, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := net + "sbom: {path: sbom.json, format: CycloneDX 1.6 JSON}\ncomponents: " + tt.components + "\n"
			s, err := spec.Parse("device.yaml", []byte(src))
			if err != nil {
				t.Fatalf("spec does not load:\n%v", err)
			}
			b, err := sbom.Parse("sbom.json", []byte(tt.bom))
			if err != nil {
				t.Fatal(err)
			}
			res := check.Run(s, []*catalog.Catalog{cat}, check.Options{Today: today, BOM: b})
			var got []check.Finding
			for _, f := range res.Findings {
				if f.RuleID == tt.rule {
					got = append(got, f)
				}
			}
			if len(got) != tt.want {
				t.Fatalf("got %d findings of %s, want %d: %+v", len(got), tt.rule, tt.want, got)
			}
			if tt.want > 0 && !strings.Contains(got[0].Message, tt.msg) {
				t.Errorf("message %q does not contain %q", got[0].Message, tt.msg)
			}
			if tt.want > 0 && got[0].Pos.Line == 0 {
				t.Errorf("finding without a position: %+v", got[0])
			}
			for _, c := range b.Components {
				if strings.ContainsAny(c.Name, "\x00\x07\x1b") {
					t.Errorf("control characters kept in %q", c.Name)
				}
			}
		})
	}
}
