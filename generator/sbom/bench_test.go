package sbom

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// syntheticCDX returns a CycloneDX 1.6 JSON SBOM with n components that
// look like a real build's: a purl, supplier, licence, two hashes, support
// properties, and a dependency graph where each component depends on up to
// three others. The text is written directly, so that generating it costs
// little memory next to parsing it.
func syntheticCDX(n int) []byte {
	licenses := []string{"MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "MPL-2.0"}
	ref := func(i int) string {
		return fmt.Sprintf("pkg:npm/%%40acme/lib-%05d@%d.%d.%d", i, i%7, i%13, i%5)
	}
	var b bytes.Buffer
	b.Grow(n * 1300)
	b.WriteString(`{
  "bomFormat": "CycloneDX",
  "specVersion": "1.6",
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "version": 1,
  "metadata": {
    "timestamp": "2026-10-12T14:05:00Z",
    "authors": [ { "name": "ACME Product Security" } ],
    "component": { "type": "device", "bom-ref": "device", "name": "ACME Pump", "version": "1.0" }
  },
  "components": [`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `
    {
      "type": "library",
      "bom-ref": %[1]q,
      "supplier": { "name": "Supplier %[2]d", "url": [ "https://supplier.example/lib-%05[3]d" ] },
      "group": "@acme",
      "name": "lib-%05[3]d",
      "version": "%[4]d.%[5]d.%[6]d",
      "purl": %[1]q,
      "licenses": [ { "license": { "id": %[7]q } } ],
      "hashes": [
        { "alg": "SHA-256", "content": "%064[8]x" },
        { "alg": "SHA-1", "content": "%040[9]x" }
      ],
      "properties": [
        { "name": "cdx:fda:supportLevel", "value": "actively-maintained" },
        { "name": "cdx:fda:endOfSupport", "value": "20%02[10]d-12-31" }
      ]
    }`, ref(i), i%97, i, i%7, i%13, i%5, licenses[i%len(licenses)], i*7919+1, i*104729+1, 27+i%10)
	}
	b.WriteString("\n  ],\n  \"dependencies\": [")
	for i := range n {
		fmt.Fprintf(&b, "\n    { \"ref\": %q, \"dependsOn\": [", ref(i))
		for k := 1; k <= 3 && i-k*17 >= 0; k++ {
			if k > 1 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", ref(i-k*17))
		}
		b.WriteString("] },")
	}
	b.WriteString("\n    { \"ref\": \"device\", \"dependsOn\": [")
	for i := range min(n, 50) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", ref(i))
	}
	b.WriteString("] }\n  ]\n}\n")
	return b.Bytes()
}

// benchmarkParse parses data, an SBOM with n components, once per round.
func benchmarkParse(b *testing.B, name string, data []byte, n int) {
	if _, err := Parse(name, data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		bom, err := Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		if len(bom.Components) != n {
			b.Fatalf("%d components, want %d", len(bom.Components), n)
		}
	}
}

func benchmarkParseJSON(b *testing.B, n int) { benchmarkParse(b, "bench.cdx.json", syntheticCDX(n), n) }
func benchmarkParseXML(b *testing.B, n int) {
	benchmarkParse(b, "bench.cdx.xml", syntheticCDXXML(n), n)
}

func BenchmarkParse1k(b *testing.B)  { benchmarkParseJSON(b, 1_000) }
func BenchmarkParse10k(b *testing.B) { benchmarkParseJSON(b, 10_000) }
func BenchmarkParse50k(b *testing.B) { benchmarkParseJSON(b, 50_000) }

// syntheticCDXXML is syntheticCDX as CycloneDX 1.6 XML: the same
// components, properties and dependencies.
func syntheticCDXXML(n int) []byte {
	licenses := []string{"MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "MPL-2.0"}
	ref := func(i int) string {
		return fmt.Sprintf("pkg:npm/%%40acme/lib-%05d@%d.%d.%d", i, i%7, i%13, i%5)
	}
	var b bytes.Buffer
	b.Grow(n * 1300)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata>
    <timestamp>2026-10-12T14:05:00Z</timestamp>
    <authors><author><name>ACME Product Security</name></author></authors>
    <component type="device" bom-ref="device"><name>ACME Pump</name><version>1.0</version></component>
  </metadata>
  <components>`)
	for i := range n {
		fmt.Fprintf(&b, `
    <component type="library" bom-ref="%[1]s">
      <supplier><name>Supplier %[2]d</name><url>https://supplier.example/lib-%05[3]d</url></supplier>
      <group>@acme</group>
      <name>lib-%05[3]d</name>
      <version>%[4]d.%[5]d.%[6]d</version>
      <hashes>
        <hash alg="SHA-256">%064[8]x</hash>
        <hash alg="SHA-1">%040[9]x</hash>
      </hashes>
      <licenses><license><id>%[7]s</id></license></licenses>
      <purl>%[1]s</purl>
      <properties>
        <property name="cdx:fda:supportLevel">actively-maintained</property>
        <property name="cdx:fda:endOfSupport">20%02[10]d-12-31</property>
      </properties>
    </component>`, ref(i), i%97, i, i%7, i%13, i%5, licenses[i%len(licenses)], i*7919+1, i*104729+1, 27+i%10)
	}
	b.WriteString("\n  </components>\n  <dependencies>")
	for i := range n {
		fmt.Fprintf(&b, "\n    <dependency ref=%q>", ref(i))
		for k := 1; k <= 3 && i-k*17 >= 0; k++ {
			fmt.Fprintf(&b, "<dependency ref=%q/>", ref(i-k*17))
		}
		b.WriteString("</dependency>")
	}
	b.WriteString("\n    <dependency ref=\"device\">")
	for i := range min(n, 50) {
		fmt.Fprintf(&b, "<dependency ref=%q/>", ref(i))
	}
	b.WriteString("</dependency>\n  </dependencies>\n</bom>\n")
	return b.Bytes()
}

func BenchmarkParse200k(b *testing.B)    { benchmarkParseJSON(b, 200_000) }
func BenchmarkParseXML1k(b *testing.B)   { benchmarkParseXML(b, 1_000) }
func BenchmarkParseXML10k(b *testing.B)  { benchmarkParseXML(b, 10_000) }
func BenchmarkParseXML50k(b *testing.B)  { benchmarkParseXML(b, 50_000) }
func BenchmarkParseXML200k(b *testing.B) { benchmarkParseXML(b, 200_000) }

// TestWriteSyntheticSBOMs writes the benchmark SBOMs to the folder
// DOCGEN_WRITE_SBOMS names, for measuring docgen sbom on them (time and
// peak memory, which benchmarks do not report).
func TestWriteSyntheticSBOMs(t *testing.T) {
	dir := os.Getenv("DOCGEN_WRITE_SBOMS")
	if dir == "" {
		t.Skip("set DOCGEN_WRITE_SBOMS to a folder")
	}
	for _, n := range []int{1_000, 10_000, 50_000, 200_000} {
		for ext, data := range map[string][]byte{"json": syntheticCDX(n), "xml": syntheticCDXXML(n)} {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.cdx.%s", n, ext)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
