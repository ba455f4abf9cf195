package sbom

import (
	"path/filepath"
	"testing"
)

// TestXMLModel checks the conversion of a CycloneDX XML SBOM into the model.
func TestXMLModel(t *testing.T) {
	b, err := Read(filepath.Join("testdata", "infusion-pump.cdx.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != FormatCycloneDX || b.Encoding != EncodingXML || b.SpecVersion != "1.6" || b.Version != 2 ||
		b.SerialNumber != "urn:uuid:4f0e6a2c-8b1d-4c3e-9a7f-2d5b8c1e6f30" || b.Timestamp != "2026-09-30T08:15:00Z" {
		t.Errorf("header %s %s %s %d %s %s", b.Format, b.Encoding, b.SpecVersion, b.Version, b.SerialNumber, b.Timestamp)
	}
	if mustJSON(b.Authors) != `["VitaFlow Product Security"]` || mustJSON(b.Tools) != `["CycloneDX cyclonedx-cli 0.27.2"]` {
		t.Errorf("authors %v tools %v", b.Authors, b.Tools)
	}
	if s := b.Subject; s == nil || s.SupportLevel != SupportActive || s.EndOfSupport != "2034-12-31" || s.SupportSource != "property:cdx:fda:level-of-support" {
		t.Errorf("subject %+v", b.Subject)
	}
	var names, parents []string
	for _, c := range b.Components {
		names = append(names, c.Name)
		parents = append(parents, c.Parent)
	}
	if mustJSON(names) != `["ip-300-firmware","zephyr","mbedtls","tinycbor"]` || mustJSON(parents) != `["","fw","fw",""]` {
		t.Errorf("components %v, parents %v", names, parents)
	}
	zephyr, mbedtls := b.Components[1], b.Components[2]
	if zephyr.EndOfSupport != "2027-07-31" || zephyr.SupportLevel != SupportActive || zephyr.CPE == "" || mustJSON(zephyr.Licenses) != `["Apache-2.0"]` {
		t.Errorf("zephyr %+v", zephyr)
	}
	if mbedtls.SupportLevel != "" || mbedtls.Scope != "required" || mustJSON(mbedtls.Licenses) != `["Apache-2.0 OR GPL-2.0-or-later"]` ||
		mustJSON(mbedtls.Hashes) != `[{"Alg":"SHA-256","Value":"8b54fb9bcf4d5a7078028e0520acddefb7900b3e66fec7f7175bb5b7d85ccdca"}]` {
		t.Errorf("mbedtls %+v", mbedtls)
	}
	if got := mustJSON(b.Dependencies); got != `[{"Ref":"device","DependsOn":["fw"]},{"Ref":"fw","DependsOn":["zephyr","tinycbor"]},{"Ref":"zephyr","DependsOn":["mbedtls"]}]` {
		t.Errorf("dependencies %s", got)
	}
	v := b.Vulnerabilities[0]
	if v.ID != "CVE-2025-27809" || v.State != "not_affected" || v.Justification != "code_not_reachable" || v.Ratings[0].Score != 5.4 ||
		mustJSON(v.Responses) != `["will_not_fix"]` || mustJSON(v.Affects) != `["mbedtls"]` || v.SourceURL == "" {
		t.Errorf("vulnerability %+v", v)
	}
	s := Summarize(b, asOf)
	if len(s.SupportWarnings) != 1 || s.SupportWarnings[0].Component != "mbedtls 3.6.2" {
		t.Errorf("warnings %+v", s.SupportWarnings)
	}
	if e := s.NTIA.Elements[0]; e.Missing != 1 || e.MissingIn[0] != "tinycbor 0.6.0" {
		t.Errorf("supplier coverage %+v", e)
	}
}

// TestJSONAndXMLAgree reads the same SBOM written as JSON and as XML.
func TestJSONAndXMLAgree(t *testing.T) {
	x, err := Parse("x.xml", []byte(minimalCDXXML15))
	if err != nil {
		t.Fatal(err)
	}
	j, err := Parse("x.json", []byte(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
	 "components":[{"type":"library","bom-ref":"a","name":"zlib","version":"1.3.1"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	x.Encoding = j.Encoding
	if mustJSON(x) != mustJSON(j) {
		t.Errorf("XML gives %s\nJSON gives %s", mustJSON(x), mustJSON(j))
	}
}
