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

// BenchmarkPNG rasterises the imaging-workstation example and, for 10x and
// 100x the edges, synthetic diagrams of 10 and 100 nodes.
func BenchmarkPNG(b *testing.B) {
	cases := []struct {
		name string
		d    func() *diagram.Diagram
	}{
		{"example", func() *diagram.Diagram { d, _ := diagram.Build(examples(b)["imaging-workstation"]); return d }},
		{"10-nodes-100-streams", func() *diagram.Diagram { d, _ := diagram.Build(largeSpec(10, 3, 100)); return d }},
		{"100-nodes-1000-streams", func() *diagram.Diagram { d, _ := diagram.Build(largeSpec(100, 10, 1000)); return d }},
	}
	for _, c := range cases {
		d := c.d()
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := d.WritePNG(io.Discard, diagram.PNGScale); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
