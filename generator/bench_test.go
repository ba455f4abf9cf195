package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/internal/testspec"
)

// BenchmarkBuildExamples runs the whole pipeline (load, SBOM, check,
// diagram, documents, HTML, CSV, manifest) on each example.
func BenchmarkBuildExamples(b *testing.B) {
	for _, name := range []string{"imaging-workstation", "home-monitor", "lab-analyzer", "bedside-ventilator", "pathology-system"} {
		p := filepath.Join(root, "examples", name, "device.yaml")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := generator.BuildSpec(context.Background(), p, generator.BuildOptions{Today: goldenDate}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildLarge builds a spec with 1,000 firewall rules, 1,000 data
// streams, 100 nodes and 200 roles.
func BenchmarkBuildLarge(b *testing.B) {
	p := filepath.Join(b.TempDir(), "device.yaml")
	if err := os.WriteFile(p, testspec.Large(1000, 1000, 200), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		built, err := generator.BuildSpec(context.Background(), p, generator.BuildOptions{Today: goldenDate})
		if err != nil {
			b.Fatal(err)
		}
		var n int
		for _, f := range built.Files {
			n += len(f.Data)
		}
		b.ReportMetric(float64(n)/1e6, "MB-out")
	}
}
