package sbom

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spdxDoc is a valid SPDX 2.3 JSON document with two packages related to
// each other; edit replaces one part of it.
func spdxDoc(edit ...string) string {
	doc := `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"x",
 "documentNamespace":"https://example.org/x","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: t"]},
 "packages":[
  {"name":"fw","SPDXID":"SPDXRef-fw","downloadLocation":"NOASSERTION","primaryPackagePurpose":"FIRMWARE"},
  {"name":"zlib","SPDXID":"SPDXRef-zlib","downloadLocation":"NOASSERTION","versionInfo":"1.3.1",
   "checksums":[{"algorithm":"SHA256","checksumValue":"9a93b2b7dfdac77ceba5a558a580e74667dd6fede4585b91eefb60f03b72df23"}]}],
 "relationships":[
  {"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-fw"},
  {"spdxElementId":"SPDXRef-fw","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-zlib"}]}`
	for i := 0; i+1 < len(edit); i += 2 {
		if !strings.Contains(doc, edit[i]) {
			panic("spdxDoc: no " + edit[i])
		}
		doc = strings.Replace(doc, edit[i], edit[i+1], 1)
	}
	return doc
}

// TestSPDXValidation: SPDX JSON is validated against the official schema of
// its version (exit 1 on a problem, with a pointer), then against the rules
// the schema cannot express, reported as docgen's.
func TestSPDXValidation(t *testing.T) {
	const schema, rules = "official SPDX 2.3 JSON schema", "rules docgen adds to the official SPDX 2.3 JSON schema"
	tests := []struct {
		name, data                  string
		pointer, rule, msg, against string // pointer "" means valid
	}{
		{"valid", spdxDoc(), "", "", "", ""},
		{"checksum algorithm", spdxDoc(`"SHA256"`, `"FOO"`), "/packages/1/checksums/0/algorithm", "enum", "`FOO` is not allowed", schema},
		{"relationship type", spdxDoc(`"DEPENDS_ON"`, `"LIKES"`), "/relationships/1/relationshipType", "enum", "`LIKES` is not allowed", schema},
		{"package purpose", spdxDoc(`"FIRMWARE"`, `"GADGET"`), "/packages/0/primaryPackagePurpose", "enum", "`GADGET`", schema},
		{"unknown property", spdxDoc(`"name":"x",`, `"name":"x","colour":"red",`), "", "additionalProperties", "colour", schema},
		{"SPDX 2.2 requires licences", strings.Replace(spdxDoc(), "SPDX-2.3", "SPDX-2.2", 1), "/packages/0", "required", "licenseDeclared", "official SPDX 2.2 JSON schema"},
		{"malformed SPDXID", spdxDoc(`"SPDXID":"SPDXRef-zlib"`, `"SPDXID":"SPDXRef-zlib 1.3"`), "/packages/1/SPDXID", "spdx-id", "`SPDXRef-zlib 1.3` is not an SPDX element id", rules},
		{"duplicate SPDXID", spdxDoc(`"SPDXID":"SPDXRef-zlib"`, `"SPDXID":"SPDXRef-fw"`), "/packages/1/SPDXID", "unique-spdx-id", "already the id of the element at /packages/0/SPDXID", rules},
		{"dangling relationship", spdxDoc(`"relatedSpdxElement":"SPDXRef-zlib"`, `"relatedSpdxElement":"SPDXRef-zlb"`), "/relationships/1/relatedSpdxElement", "spdx-ref", "`SPDXRef-zlb` is not the SPDXID", rules},
		{"unknown external document", spdxDoc(`"relatedSpdxElement":"SPDXRef-zlib"`, `"relatedSpdxElement":"DocumentRef-other:SPDXRef-zlib"`), "/relationships/1/relatedSpdxElement", "spdx-ref", "`externalDocumentRefs` does not declare", rules},
		{"NOASSERTION related element", spdxDoc(`"relatedSpdxElement":"SPDXRef-zlib"`, `"relatedSpdxElement":"NOASSERTION"`), "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("f.json", []byte(tt.data))
			if tt.against == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(b.Components) != 1 || b.Subject == nil || b.Subject.Type != "firmware" {
					t.Errorf("components %+v, subject %+v", b.Components, b.Subject)
				}
				return
			}
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("%v (%T), want a ValidationError", err, err)
			}
			if verr.Against != tt.against {
				t.Errorf("against %q, want %q", verr.Against, tt.against)
			}
			p := verr.Problems[0]
			if (tt.pointer != "" && p.Pointer != tt.pointer) || p.Rule != tt.rule || !strings.Contains(p.Message, tt.msg) {
				t.Errorf("problem %+v, want %s [%s] %q", p, tt.pointer, tt.rule, tt.msg)
			}
		})
	}
}

// TestSPDXTextForms reads the same SBOM as tag-value and as YAML: both give
// what the JSON form gives, and their problems are found the same way.
func TestSPDXTextForms(t *testing.T) {
	for _, tt := range []struct{ file, encoding string }{{"camera.spdx23.spdx", EncodingTagValue}, {"camera.spdx23.yaml", EncodingYAML}} {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(tt.file, data)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if b.Format != FormatSPDX || b.Encoding != tt.encoding || b.SpecVersion != "2.3" || b.Subject == nil || b.Subject.Name != "camera-firmware" {
			t.Errorf("%s: %s %s %s, subject %+v", tt.file, b.Format, b.Encoding, b.SpecVersion, b.Subject)
		}
		if len(b.Components) != 1 || b.Components[0].Purl != "pkg:github/libjpeg-turbo/libjpeg-turbo@3.0.4" || b.Components[0].EndOfSupport != "2029-12-31" {
			t.Errorf("%s: components %+v", tt.file, b.Components)
		}
		if len(b.Dependencies) != 1 || b.Dependencies[0].Ref != "SPDXRef-firmware" {
			t.Errorf("%s: dependencies %+v", tt.file, b.Dependencies)
		}
		bad := strings.Replace(strings.Replace(string(data), "LIBRARY", "GADGET", 1), "SPDXRef-libjpeg\n", "SPDXRef-libjpg\n", 1)
		_, err = Parse(tt.file, []byte(bad))
		var verr *ValidationError
		if !errors.As(err, &verr) {
			t.Errorf("%s with a bad purpose: %v, want a ValidationError", tt.file, err)
		}
	}
	_, err := Parse("a.yaml", []byte("spdxVersion: &v SPDX-2.3\nname: *v\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "a.yaml:2:7: YAML aliases are not read") {
		t.Errorf("YAML alias: %v", err)
	}
}
