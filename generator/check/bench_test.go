package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/spec"
)

// BenchmarkLargeSpec loads and checks a spec with 1,000 firewall rules,
// 1,000 data streams and 200 roles. Goal: under 100 ms on a 2-core machine.
func BenchmarkLargeSpec(b *testing.B) {
	data := testspec.Large(1000, 1000, 200)
	c, err := catalog.Load(catalog.DefaultProfile)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := spec.Parse("large.yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	}
}

// BenchmarkLargeSpecCheckOnly measures check.Run alone on the large spec.
func BenchmarkLargeSpecCheckOnly(b *testing.B) {
	s, err := spec.Parse("large.yaml", testspec.Large(1000, 1000, 200))
	if err != nil {
		b.Fatal(err)
	}
	c, _ := catalog.Load(catalog.DefaultProfile)
	b.ReportAllocs()
	for b.Loop() {
		check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	}
}

// BenchmarkExamples loads and checks each example spec.
func BenchmarkExamples(b *testing.B) {
	paths, _ := filepath.Glob("../../examples/*/device.yaml")
	if len(paths) == 0 {
		b.Skip("no examples")
	}
	cats := []*catalog.Catalog{}
	for _, p := range catalog.Profiles() {
		c, err := catalog.Load(p)
		if err != nil {
			b.Fatal(err)
		}
		cats = append(cats, c)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(filepath.Dir(p)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := spec.Parse(p, data)
				if err != nil {
					b.Fatal(err)
				}
				check.Run(s, cats, check.Options{Today: today})
			}
		})
	}
}

// TestLargeSpecIsClean makes sure the benchmark measures a realistic run:
// the generated spec loads and its network rules raise no findings.
func TestLargeSpecIsClean(t *testing.T) {
	s, err := spec.Parse("large.yaml", testspec.Large(1000, 1000, 200))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := catalog.Load(catalog.DefaultProfile)
	res := check.Run(s, []*catalog.Catalog{c}, check.Options{Today: today})
	for _, f := range res.Findings {
		if strings.HasPrefix(f.RuleID, "NET-") && f.RuleID != "NET-PORTS" && f.RuleID != "NET-INFRA" &&
			f.RuleID != "NET-MIN-NETWORK" && f.RuleID != "NET-SEGMENTATION" && f.RuleID != "NET-SECURE-DEPLOY" && f.RuleID != "NET-MONITORING" {
			t.Errorf("unexpected finding: %s %s", f.RuleID, f.Message)
		}
	}
}
