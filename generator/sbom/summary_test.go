package sbom

import (
	"bytes"
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var asOf = time.Date(2027, 4, 1, 12, 0, 0, 0, time.UTC)

// examples returns the example SBOMs of the repository, or skips.
func examples(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", "sbom.cdx.json"))
	if len(files) == 0 {
		t.Skip("no example SBOMs in ../../examples")
	}
	return files
}

// TestSummarizeExamples reads the example SBOMs (which their authors
// revise) and checks the summary against counts taken from the raw JSON.
func TestSummarizeExamples(t *testing.T) {
	for _, f := range examples(t) {
		name := filepath.Base(filepath.Dir(f))
		t.Run(name, func(t *testing.T) {
			b, err := Read(f)
			if err != nil {
				t.Fatal(err)
			}
			raw := rawCounts(t, f)
			s := Summarize(b, asOf)
			if s.Components != raw.components || s.Vulnerabilities.Total != raw.vulns {
				t.Errorf("%d components, %d vulnerabilities; the file has %d and %d", s.Components, s.Vulnerabilities.Total, raw.components, raw.vulns)
			}
			if got := countList(s.Vulnerabilities.ByState); got != raw.byState {
				t.Errorf("by state %q, the file says %q", got, raw.byState)
			}
			if s.Support.WithLevel != raw.withLevel || s.Support.WithEndOfSupport != raw.withEnd || s.Support.PastEndOfSupport != raw.past {
				t.Errorf("with level %d, with end %d, past end %d; the file has %d, %d, %d",
					s.Support.WithLevel, s.Support.WithEndOfSupport, s.Support.PastEndOfSupport, raw.withLevel, raw.withEnd, raw.past)
			}
			if !s.NTIA.Author || !s.NTIA.Timestamp {
				t.Errorf("NTIA coverage %+v: author and timestamp expected", s.NTIA)
			}
			sum := 0
			for _, c := range s.ByType {
				sum += c.Count
			}
			if sum != s.Components || s.Licenses.With+s.Licenses.Without != s.Components ||
				s.Support.WithLevel+s.Support.WithoutLevel != s.Components {
				t.Errorf("counts do not add up: %+v", s)
			}
			for _, e := range s.NTIA.Elements {
				if e.Present+e.Missing != s.Components {
					t.Errorf("%s: %d + %d != %d", e.Element, e.Present, e.Missing, s.Components)
				}
			}
			// Deterministic output.
			var a, c bytes.Buffer
			if err := s.WriteText(&a); err != nil {
				t.Fatal(err)
			}
			if err := Summarize(b, asOf).WriteText(&c); err != nil {
				t.Fatal(err)
			}
			if a.String() != c.String() {
				t.Error("WriteText is not deterministic")
			}
			if strings.Contains(a.String(), "sbom.") {
				t.Errorf("text output contains a message key:\n%s", a.String())
			}
		})
	}
}

type exampleCounts struct {
	components, vulns, withLevel, withEnd, past int
	byState                                     string
}

// rawCounts counts what the summary should report straight from the JSON,
// for the property names the examples use.
func rawCounts(t *testing.T, path string) exampleCounts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type comp struct {
		Properties []struct{ Name, Value string }
		Components []json.RawMessage
	}
	var doc struct {
		Components      []json.RawMessage
		Vulnerabilities []struct {
			Analysis struct{ State string }
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var n exampleCounts
	var walk func([]json.RawMessage)
	walk = func(list []json.RawMessage) {
		for _, r := range list {
			var c comp
			if err := json.Unmarshal(r, &c); err != nil {
				t.Fatal(err)
			}
			n.components++
			for _, p := range c.Properties {
				switch p.Name {
				case "cdx:fda:supportLevel", "cdx:fda:level-of-support":
					n.withLevel++
				case "cdx:fda:endOfSupport", "cdx:fda:end-of-support-date":
					n.withEnd++
					if p.Value < asOf.Format(time.DateOnly) {
						n.past++
					}
				}
			}
			walk(c.Components)
		}
	}
	walk(doc.Components)
	states := map[string]int{}
	for _, v := range doc.Vulnerabilities {
		states[cmp.Or(v.Analysis.State, "none")]++
	}
	n.vulns = len(doc.Vulnerabilities)
	n.byState = countList(countsInOrder(states, append(slices.Clone(stateOrder), "none")))
	return n
}

// TestSummarizeCounts checks each count on a small hand-made BOM.
func TestSummarizeCounts(t *testing.T) {
	b := &BOM{
		Format: FormatCycloneDX, Encoding: EncodingJSON, SpecVersion: "1.6", Timestamp: "2026-01-01T00:00:00Z",
		Components: []Component{
			{BOMRef: "a", Type: "library", Name: "a", Version: "1", Supplier: "S", Purl: "pkg:x/a@1", Licenses: []string{"MIT"},
				SupportLevel: SupportActive, EndOfSupport: "2027-01-01"},
			{BOMRef: "b", Type: "library", Name: "b", Version: "2", CPE: "cpe:2.3:a:b:b:2:*:*:*:*:*:*:*", Licenses: []string{"MIT", "Apache-2.0"},
				SupportLevel: SupportNoLonger, EndOfSupport: "2027-04-01"},
			{BOMRef: "c", Name: "c", SWID: "tag", SupportLevel: "vendor-specific", SupportSource: SourceSpec,
				Properties: []Property{{"cdx:fda:supportLevel", "whatever"}}},
			{Type: "firmware", Name: "d", Version: "4", Properties: []Property{{"supportLevel", "sort of"}, {"endOfSupport", "2026-12-31"}}},
		},
		Dependencies:    []Dependency{{Ref: "a", DependsOn: []string{"b"}}},
		Vulnerabilities: []Vulnerability{{State: "exploitable", Ratings: []Rating{{Severity: "low"}, {Severity: "high"}}}, {}, {State: "resolved"}},
	}
	b.Components[3].applySupport()
	b.Normalize()
	s := Summarize(b, asOf)
	check := func(what string, got, want any) {
		t.Helper()
		if gj, wj := mustJSON(got), mustJSON(want); gj != wj {
			t.Errorf("%s = %s, want %s", what, gj, wj)
		}
	}
	check("ByType", s.ByType, []Count{{"library", 2}, {"firmware", 1}, {"unspecified", 1}})
	check("elements", s.NTIA.Elements, []ElementCoverage{
		{ElementSupplier, 1, 3, []string{"b 2", "c", "d 4"}},
		{ElementName, 4, 0, []string{}},
		{ElementVersion, 3, 1, []string{"c"}},
		{ElementUniqueID, 3, 1, []string{"d 4"}},
		{ElementDependencies, 2, 2, []string{"c", "d 4"}},
	})
	check("author", s.NTIA.Author, false)
	check("complete", s.NTIA.Complete, false)
	check("licenses", s.Licenses, LicenseSummary{With: 2, Without: 2, Top: []Count{{"MIT", 2}, {"Apache-2.0", 1}}})
	check("by level", s.Support.ByLevel, []Count{{SupportActive, 1}, {SupportNoLonger, 1}, {"vendor-specific", 1}})
	check("support", []int{s.Support.WithLevel, s.Support.WithoutLevel, s.Support.WithEndOfSupport, s.Support.WithoutEnd, s.Support.PastEndOfSupport, s.Support.FromSpec},
		[]int{3, 1, 3, 1, 2, 1})
	check("past end", s.Support.PastEnd, []string{"d 4 (2026-12-31)", "a 1 (2027-01-01)"})
	check("vulns by state", s.Vulnerabilities.ByState, []Count{{"exploitable", 1}, {"resolved", 1}, {"none", 1}})
	check("vulns by severity", s.Vulnerabilities.BySeverity, []Count{{"high", 1}, {"unknown", 2}})
	if len(s.SupportWarnings) != 1 || s.SupportWarnings[0].Property != "supportLevel" || s.SupportWarnings[0].Component != "d 4" {
		t.Errorf("warnings %+v; want one about d's supportLevel (c's comes from the spec)", s.SupportWarnings)
	}
	var text bytes.Buffer
	if err := s.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CycloneDX 1.6 SBOM (JSON)", "1 of 4 components (3 missing)", "missing in: b 2, c, d 4", "2 on 2027-04-01", "Support data warnings (1)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, text.String())
		}
	}
	var js bytes.Buffer
	if err := s.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Summary
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Support.PastEndOfSupport != 2 || !strings.HasPrefix(js.String(), "{\n  \"format\"") {
		t.Errorf("WriteJSON: %v\n%s", err, js.String())
	}
}

func TestSummarizeEmpty(t *testing.T) {
	b, err := Parse("e.json", []byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":1}`))
	if err != nil {
		t.Fatal(err)
	}
	s := Summarize(b, asOf)
	var buf bytes.Buffer
	if err := s.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("JSON summary of an empty BOM has nulls:\n%s", buf.String())
	}
	if err := s.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
}

func TestSPDXFixtures(t *testing.T) {
	b, err := Read(filepath.Join("testdata", "infusion-pump.spdx23.json"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Subject == nil || b.Subject.Name != "ip-300-firmware" || b.Subject.Supplier != "VitaFlow Medical GmbH" {
		t.Errorf("subject %+v", b.Subject)
	}
	if len(b.Components) != 3 || b.Components[0].Name != "zephyr" || b.Components[0].CPE == "" || b.Components[0].EndOfSupport != "2027-07-31" ||
		b.Components[0].SupportSource != sourceSPDXValidUntil || b.Components[0].Type != "operating-system" {
		t.Errorf("components %+v", b.Components)
	}
	if got := b.Components[2].Licenses; len(got) != 1 || got[0] != "Apache-2.0" {
		t.Errorf("mcuboot licences %v: want the declared licence when none is concluded", got)
	}
	if mustJSON(b.Authors) != `["VitaFlow Medical GmbH (security@vitaflow.example)","Jana Richter"]` || mustJSON(b.Tools) != `["west-spdx-0.4.1"]` {
		t.Errorf("authors %v tools %v", b.Authors, b.Tools)
	}
	wantDeps := `[{"Ref":"SPDXRef-Package-firmware","DependsOn":["SPDXRef-Package-zephyr","SPDXRef-Package-mcuboot"]},` +
		`{"Ref":"SPDXRef-Package-zephyr","DependsOn":["SPDXRef-Package-mbedtls","SPDXRef-Package-mcuboot"]}]`
	if got := mustJSON(b.Dependencies); got != wantDeps {
		t.Errorf("dependencies %s", got)
	}

	b, err = Read(filepath.Join("testdata", "gateway.spdx22.json"))
	if err != nil {
		t.Fatal(err)
	}
	if b.SpecVersion != "2.2" || b.Subject == nil || b.Subject.BOMRef != "SPDXRef-gateway-rootfs" || len(b.Components) != 3 {
		t.Fatalf("got %s subject %+v, %d components", b.SpecVersion, b.Subject, len(b.Components))
	}
	ssl := b.Components[0]
	if ssl.Purl != "pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=arm64&distro=debian-12" || ssl.Author != "OpenSSL Software Foundation" || ssl.Hashes[0].Alg != "SHA1" {
		t.Errorf("openssl %+v", ssl)
	}
	s := Summarize(b, asOf)
	if e := s.NTIA.Elements[0]; e.Element != ElementSupplier || e.Missing != 0 {
		t.Errorf("supplier coverage %+v", e)
	}
	if e := s.NTIA.Elements[3]; e.Missing != 1 || e.MissingIn[0] != "libgateway-hl7 0.9.3" {
		t.Errorf("unique id coverage %+v", e)
	}
}

func TestReadVEX(t *testing.T) {
	vs, err := ReadVEX(filepath.Join("testdata", "home-monitor.vex.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 4 {
		t.Fatalf("%d vulnerabilities", len(vs))
	}
	v := vs[1]
	if v.ID != "CVE-2026-10001" || v.State != "exploitable" || mustJSON(v.Responses) != `["will_not_fix","update"]` ||
		v.Ratings[0].Score != 7.7 || v.Ratings[0].Severity != "high" || v.Affects[0] != "pkg:maven/com.github.PhilJay/MPAndroidChart@v3.1.0" ||
		v.AnalysisDetail == "" || v.Recommendation == "" || v.SourceName != "GitHub Advisories" {
		t.Errorf("got %+v", v)
	}
	if vs[0].Justification != "code_not_reachable" || vs[3].State != "" || vs[3].Ratings == nil || vs[3].Responses == nil {
		t.Errorf("got %+v and %+v", vs[0], vs[3])
	}
	// Merged into an SBOM, the states show in the summary.
	b, err := Read(filepath.Join("testdata", "infusion-pump.cdx.xml"))
	if err != nil {
		t.Fatal(err)
	}
	b.Vulnerabilities = append(b.Vulnerabilities, vs...)
	if got := countList(Summarize(b, asOf).Vulnerabilities.ByState); got != "exploitable 1, in_triage 1, not_affected 2, none 1" {
		t.Errorf("by state: %s", got)
	}
	if _, err := ReadVEX(filepath.Join("testdata", "gateway.spdx22.json")); err == nil {
		t.Error("SPDX accepted as VEX")
	}
	if _, err := ReadVEX(filepath.Join("testdata", "missing.json")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
