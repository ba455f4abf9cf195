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

// cdxSupport is a CycloneDX 1.6 SBOM with one component whose support
// level and end-of-support date are the given CycloneDX properties ("" for
// none).
func cdxSupport(level, eos string) string {
	var props []string
	if level != "" {
		props = append(props, `{"name":"cdx:fda:supportLevel","value":"`+level+`"}`)
	}
	if eos != "" {
		props = append(props, `{"name":"cdx:fda:endOfSupport","value":"`+eos+`"}`)
	}
	return `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
 {"type":"library","bom-ref":"log","name":"liblog","version":"2.1","purl":"pkg:generic/liblog@2.1","properties":[` + strings.Join(props, ",") + `]}]}`
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
		{"support level and date", "SBOM-SUPPORT", "[]", cdxSupport("actively-maintained", "2031-12-31"), 0, ""},
		{"no support data", "SBOM-SUPPORT", "[]", cdxSupport("", ""), 1, "the SBOM sbom.json lacks support data: components without support level: 1 of 1 (liblog@2.1); components without end-of-support date: 1 of 1 (liblog@2.1)"},
		{"abandoned needs no date", "SBOM-SUPPORT", "[]", cdxSupport("abandoned", ""), 0, ""},
		{"maintained, date ahead", "SBOM-EOS", "[]", cdxSupport("actively-maintained", "2031-12-31"), 0, ""},
		{"date passed", "SBOM-EOS", "[]", cdxSupport("actively-maintained", "2020-01-31"), 1, "components of the SBOM past their end of support at the document date 2026-06-01 or no longer maintained by their supplier: 1 (liblog@2.1 (2020-01-31))"},
		{"no longer maintained, no date", "SBOM-EOS", "[]", cdxSupport("no-longer-maintained", ""), 1, "liblog@2.1 (no longer maintained)"},
		{"abandoned", "SBOM-EOS", "[]", cdxSupport("abandoned", ""), 1, "liblog@2.1 (abandoned)"},
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

// TestSBOMRulesWithoutSBOM checks that the component rules do not pass
// when there is no SBOM data to check: they are not applicable, and the
// missing SBOM is ADM-SBOM-FILE's finding.
func TestSBOMRulesWithoutSBOM(t *testing.T) {
	cat, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Parse("device.yaml", []byte(net+"sbom: {path: missing.json, format: CycloneDX 1.6 JSON}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := check.Run(s, []*catalog.Catalog{cat}, check.Options{Today: today})
	for _, o := range res.Outcomes {
		switch o.ID {
		case "SBOM-SUPPORT", "SBOM-EOS", "SBOM-NTIA", "SBOM-VULN-ANALYSIS", "SBOM-OVERRIDE", "SBOM-TEXT":
			if o.Status != check.NotApplicable {
				t.Errorf("%s without SBOM data: status %q, want %q", o.ID, o.Status, check.NotApplicable)
			}
		}
	}
}

// TestSBOMSupportSeverity checks that missing support data is an error
// under the FDA profile, whose guidance asks for it per component, and a
// warning (borrowed by analogy) under MDCG 2019-16.
func TestSBOMSupportSeverity(t *testing.T) {
	for profile, want := range map[string]catalog.Severity{"mdcg-2019-16": catalog.Warning, "fda-premarket-2026": catalog.Error} {
		cat, err := catalog.Load(profile)
		if err != nil {
			t.Fatal(err)
		}
		s, err := spec.Parse("device.yaml", []byte(net+"sbom: {path: sbom.json, format: CycloneDX 1.6 JSON}\n"))
		if err != nil {
			t.Fatal(err)
		}
		b, err := sbom.Parse("sbom.json", []byte(cdxSupport("", "")))
		if err != nil {
			t.Fatal(err)
		}
		res := check.Run(s, []*catalog.Catalog{cat}, check.Options{Today: today, BOM: b})
		found := false
		for _, f := range res.Findings {
			if f.RuleID == "SBOM-SUPPORT" {
				found = true
				if f.Severity != want {
					t.Errorf("%s: SBOM-SUPPORT is %s, want %s", profile, f.Severity, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no SBOM-SUPPORT finding for a component without support data", profile)
		}
	}
}

// TestNTIAOneDefinition checks that the SBOM summary (docgen sbom, the
// documents) and SBOM-NTIA agree on which components lack an element: a
// component whose originator is given only as author or publisher has a
// supplier for both.
func TestNTIAOneDefinition(t *testing.T) {
	src := `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
 "metadata":{"timestamp":"2026-01-01T00:00:00Z","authors":[{"name":"Build"}]},
 "components":[
 {"type":"library","bom-ref":"a","name":"a","version":"1","author":"Alice","purl":"pkg:generic/a@1"},
 {"type":"library","bom-ref":"b","name":"b","version":"1","publisher":"Bob Inc","purl":"pkg:generic/b@1"},
 {"type":"library","bom-ref":"c","name":"c","version":"1","purl":"pkg:generic/c@1"}],
 "dependencies":[{"ref":"a","dependsOn":["b","c"]}]}`
	b, err := sbom.Parse("sbom.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sum := sbom.Summarize(b, today)
	if got := sum.NTIA.Elements[0]; got.Element != sbom.ElementSupplier || got.Missing != 1 || got.MissingIn[0] != "c 1" {
		t.Errorf("summary: supplier coverage %+v, want only c missing", got)
	}
	cat, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := spec.Parse("device.yaml", []byte(net+"sbom: {path: sbom.json, format: CycloneDX 1.6 JSON}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res := check.Run(s, []*catalog.Catalog{cat}, check.Options{Today: today, BOM: b})
	var msgs []string
	for _, f := range res.Findings {
		if f.RuleID == "SBOM-NTIA" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "components without supplier: 1 (c@1)") || strings.Contains(msgs[0], "a@1") {
		t.Errorf("SBOM-NTIA: %q, want one finding naming only c as without supplier", msgs)
	}
}
