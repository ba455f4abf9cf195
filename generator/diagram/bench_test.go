package diagram_test

import (
	"io"
	"testing"

	"github.com/docgen/docgen/generator/diagram"
)

// BenchmarkBuildSVG lays out and writes a diagram of 100 nodes in 10 zones
// with 1000 data streams.
func BenchmarkBuildSVG(b *testing.B) {
	s := largeSpec(100, 10, 1000)
	b.ReportAllocs()
	for b.Loop() {
		d, err := diagram.Build(s)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.WriteSVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExample lays out and writes the imaging-workstation example.
func BenchmarkExample(b *testing.B) {
	s := examples(b)["imaging-workstation"]
	b.ReportAllocs()
	for b.Loop() {
		d, err := diagram.Build(s)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.WriteSVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
