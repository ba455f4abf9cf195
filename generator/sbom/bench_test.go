package sbom

import (
	"bytes"
	"fmt"
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

func benchmarkParse(b *testing.B, n int) {
	data := syntheticCDX(n)
	if _, err := Parse("bench.cdx.json", data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		bom, err := Parse("bench.cdx.json", data)
		if err != nil {
			b.Fatal(err)
		}
		if len(bom.Components) != n {
			b.Fatalf("%d components, want %d", len(bom.Components), n)
		}
	}
}

func BenchmarkParse1k(b *testing.B)  { benchmarkParse(b, 1_000) }
func BenchmarkParse10k(b *testing.B) { benchmarkParse(b, 10_000) }
func BenchmarkParse50k(b *testing.B) { benchmarkParse(b, 50_000) }
