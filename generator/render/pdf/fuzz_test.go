package pdf

import (
	"bytes"
	"testing"
)

// FuzzRender renders arbitrary Markdown: it must never panic (or reach the
// recovery at the API boundary) and must always give a valid PDF. The seed
// corpus is in testdata/fuzz/FuzzRender.
func FuzzRender(f *testing.F) {
	f.Add([]byte("# Title\n\nText with **bold** and `code`.\n"))
	f.Add([]byte("| a | b |\n| - | - |\n| 1 | 2 |\n"))
	f.Add([]byte("- [x] task\n  > quote\n  > ```\n  > code\n  > ```\n"))
	diagram := smallDiagram()
	f.Fuzz(func(t *testing.T, md []byte) {
		opts := Options{Images: map[string]Image{"net.svg": {Diagram: diagram}}}
		// Vary the options with the input, so both page layouts are fuzzed.
		if len(md)%2 == 1 {
			opts.TitlePage = true
			opts.Control = []Row{{Name: "Document", Value: string(md[:min(len(md), 40)])}}
			opts.Title = string(md[len(md)/2:])
		}
		var buf bytes.Buffer
		if _, err := Render(&buf, md, opts); err != nil {
			t.Fatalf("Render: %v", err)
		}
		if _, err := readValid(buf.Bytes()); err != nil {
			t.Fatalf("invalid PDF for %q: %v", md, err)
		}
	})
}
