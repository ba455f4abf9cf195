package docs_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/sbom"
)

// syntheticBOM returns an SBOM of n components named lib0 ... whose support
// data puts lib0 past its end of support at 2026-10-15, lib1 within a year
// of it, lib2 no longer maintained, and lib3 affected by a vulnerability
// in triage; lib4 is affected by one that is not affected (closed).
func syntheticBOM(t testing.TB, n int) *sbom.BOM {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[`)
	for i := range n {
		level, eos := "actively-maintained", "2031-12-31"
		switch i {
		case 0:
			eos = "2025-01-31"
		case 1:
			eos = "2027-03-31"
		case 2:
			level = "no-longer-maintained"
		}
		if i > 0 {
			b.WriteString(",")
		}
		typ := "library"
		if i%10 == 0 {
			typ = "framework"
		}
		fmt.Fprintf(&b, `{"type":%q,"bom-ref":"c%d","name":"lib%d","version":"1.%d","supplier":{"name":"Supplier %d"},"purl":"pkg:generic/lib%d@1.%d",
"properties":[{"name":"cdx:fda:supportLevel","value":%q},{"name":"cdx:fda:endOfSupport","value":%q}]}`, typ, i, i, i, i%25, i, i, level, eos)
	}
	b.WriteString(`],"vulnerabilities":[
{"id":"CVE-2026-0003","affects":[{"ref":"c3"}],"analysis":{"state":"in_triage"}},
{"id":"CVE-2026-0004","affects":[{"ref":"c4"}],"analysis":{"state":"not_affected","justification":"code_not_reachable"}}]}`)
	bom, err := sbom.Parse("sbom.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return bom
}

// adminGuide builds the documents of the imaging example with bom and
// returns the administrator guide as Markdown and the set.
func adminGuide(t testing.TB, bom *sbom.BOM, rows int) (string, *docs.Set) {
	t.Helper()
	s := load(t, filepath.Join("..", "..", "examples", "imaging-workstation", "device.yaml"))
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	set, err := docs.Build(docs.Input{Spec: s, Catalogs: []*catalog.Catalog{c}, BOM: bom}, docs.Options{ComponentRows: rows})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Documents {
		if d.Name == "admin-guide" {
			return string(markdown.Bytes(d.Model)), set
		}
	}
	t.Fatal("no admin-guide")
	return "", nil
}

// TestLargeSBOMSummarised checks that an SBOM above the row limit is
// summarised in the administrator guide, with the components that need
// attention listed one by one, and that every component stays in the CSV.
func TestLargeSBOMSummarised(t *testing.T) {
	const n = 60
	bom := syntheticBOM(t, n)
	tests := []struct {
		name       string
		rows       int
		summarised bool
	}{
		{"below the limit", n, false},
		{"above the limit", n - 1, true},
		{"every component on request", -1, false},
		{"default limit", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md, set := adminGuide(t, bom, tt.rows)
			listed := strings.Contains(md, "| lib59 | 1.59 |")
			if listed == tt.summarised {
				t.Errorf("component rows listed: %v, want %v", listed, !tt.summarised)
			}
			if got := strings.Contains(md, "this SBOM is larger, so it is summarised here"); got != tt.summarised {
				t.Errorf("summary sentence: %v, want %v", got, tt.summarised)
			}
			var csv *docs.Table
			for _, tb := range set.CSV {
				if tb.ID == docs.ComponentsCSV {
					csv = tb
				}
			}
			if csv == nil || bytes.Count(csv.CSV(), []byte("\n")) != n+1 {
				t.Fatalf("components.csv does not list the %d components", n)
			}
			if !tt.summarised {
				return
			}
			for _, want := range []string{
				"| framework | 6 |", "| library | 54 |",
				"| Supplier 0 | 3 |", "| 15 other suppliers | 30 |",
				"| actively maintained | 59 |", "| no longer maintained | 1 |",
				"| lib0 | 1.0 | Supplier 0 | 2025-01-31 | past its end of support |",
				"| lib1 | 1.1 | Supplier 1 | 2027-03-31 | end of support within a year |",
				"| lib2 | 1.2 | Supplier 2 | 2031-12-31 | no longer maintained |",
				"| lib3 | 1.3 | Supplier 3 | 2031-12-31 | open vulnerabilities: CVE-2026-0003 |",
				"`CVE-2026-0003`",
			} {
				if !strings.Contains(md, want) {
					t.Errorf("summary lacks %q", want)
				}
			}
			for _, not := range []string{"| lib4 |", "`CVE-2026-0004`"} {
				if strings.Contains(md, not) {
					t.Errorf("summary lists %q, which needs no attention", not)
				}
			}
		})
	}
}

// BenchmarkLargeSBOMDocuments builds the documents with SBOMs of 1k, 10k
// and 100k components; the summary keeps the guide's size flat.
func BenchmarkLargeSBOMDocuments(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			bom := syntheticBOM(b, n)
			b.ReportAllocs()
			for b.Loop() {
				adminGuide(b, bom, 0)
			}
		})
	}
}
