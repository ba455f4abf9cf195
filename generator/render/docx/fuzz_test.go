package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/markdown"
)

// FuzzRender renders any Markdown as Word: it must never panic, and what
// it writes must be a consistent package of well-formed parts.
func FuzzRender(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "sample.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte("# T\n\n| a |\n| - |\n| \x00\xff |\n\n[x](#t) [^1]\n\n[^1]: n\n"))
	f.Add([]byte("> [!CAUTION]\n> - a\n>   1. b\n\n```\n\x01\n```\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := markdown.Read(data)
		if err != nil {
			return
		}
		renderDoc(t, d, render.Options{TitlePage: true})
	})
}

// FuzzTemplateStyles uses any bytes as the styles part of a template: the
// renderer must refuse it with an error or write a consistent package.
func FuzzTemplateStyles(f *testing.F) {
	f.Add([]byte(tplStyles))
	f.Add([]byte(`<styles xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`))
	f.Add([]byte(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults/></w:styles>`))
	f.Add([]byte(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults></w:styles>`))
	stylesOnly := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
	f.Fuzz(func(t *testing.T, styles []byte) {
		p := writeZip(t, t.TempDir(), "fuzz.dotx", "_rels/.rels", tplRootRels, "word/_rels/document.xml.rels", stylesOnly, "word/styles.xml", string(styles))
		var b bytes.Buffer
		if _, err := (renderer{}).Render(&b, sampleDoc(), render.Options{Template: p}); err == nil {
			openChecked(t, b.Bytes())
		}
	})
}
