package pdf

import (
	"bytes"
	"testing"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
)

// FuzzRender reads arbitrary Markdown into the document model, as `docgen
// render` does, and renders it: it must never panic (or reach the recovery
// at the API boundary) and must always give a valid PDF. Input that
// markdown.Read rejects (invalid UTF-8, broken front matter) is skipped.
// The seed corpus is in testdata/fuzz/FuzzRender.
func FuzzRender(f *testing.F) {
	f.Add([]byte("# Title\n\nText with **bold** and `code`.\n"))
	f.Add([]byte("| a | b |\n| - | - |\n| 1 | 2 |\n"))
	f.Add([]byte("- [x] task\n  > quote\n  > ```\n  > code\n  > ```\n"))
	f.Add([]byte("> [!WARNING]\n> Keep it patched. See [x](other.md#a) and [y](#b)[^1].\n\n[^1]: Note.\n"))
	diagram := smallDiagram()
	f.Fuzz(func(t *testing.T, md []byte) {
		d, err := markdown.Read(md)
		if err != nil {
			return
		}
		opts := render.Options{Assets: map[string]render.Asset{"net.svg": {Diagram: diagram}}}
		// Vary the options with the input, so both page layouts and
		// drafts are fuzzed.
		if len(md)%2 == 1 {
			opts.TitlePage = true
			d.Meta.Control = []docmodel.Field{{Name: "Document", Value: string(md[:min(len(md), 40)])}}
			d.Meta.Title = string(md[len(md)/2:])
			d.Meta.Draft, d.Meta.DraftNotice = true, string(md[:len(md)/3])
		}
		var buf bytes.Buffer
		if _, err := Render(&buf, d, opts); err != nil {
			t.Fatalf("Render: %v", err)
		}
		if _, err := readValid(buf.Bytes()); err != nil {
			t.Fatalf("invalid PDF for %q: %v", md, err)
		}
	})
}
