package generator_test

import (
	"archive/zip"
	"bytes"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/docx/docxcheck"
	"github.com/docgen/docgen/generator/render/markdown"
)

// TestExampleWordDocuments builds every example as Word documents (twice,
// to compare the bytes) and reads them back: each package is consistent,
// its headings are the Markdown document's sections in Word's heading
// styles, its tables have repeated header rows, and it has a table of
// contents. Word is not built by default.
func TestExampleWordDocuments(t *testing.T) {
	if slices.Contains(generator.DefaultFormats(), "docx") {
		t.Error("docx is built by default")
	}
	for _, name := range examples(t) {
		spec := filepath.Join(root, "examples", name, "device.yaml")
		opts := generator.BuildOptions{Today: goldenDate, Formats: []string{"md", "docx"}, Version: "test"}
		built, err := generator.BuildSpec(t.Context(), spec, opts)
		if err != nil {
			t.Fatal(err)
		}
		again, err := generator.BuildSpec(t.Context(), spec, opts)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for i, f := range built.Files {
			files[f.Name] = f.Data
			if !bytes.Equal(f.Data, again.Files[i].Data) {
				t.Errorf("%s/%s differs between two builds", name, f.Name)
			}
		}
		n := 0
		for fname, data := range files {
			base, ok := strings.CutSuffix(fname, ".docx")
			if !ok {
				continue
			}
			n++
			doc, err := docxcheck.Open(data)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, fname, err)
			}
			for _, p := range doc.Problems() {
				t.Errorf("%s/%s: %s", name, fname, p)
			}
			md, err := markdown.Read(files[base+".md"])
			if err != nil {
				t.Fatal(err)
			}
			o := doc.Outline()
			var want, got []string
			for _, s := range docmodel.Sections(md) {
				want = append(want, docmodel.PlainText(s.Title))
			}
			for _, h := range o.Headings {
				got = append(got, h.Text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s/%s: headings\n got %q\nwant %q", name, fname, got, want)
			}
			if o.TOC == "" || len(o.Tables) == 0 {
				t.Errorf("%s/%s: TOC %q, %d tables", name, fname, o.TOC, len(o.Tables))
			}
			for i, tbl := range o.Tables[1:] {
				if !tbl.Header {
					t.Errorf("%s/%s: table %d has no header row", name, fname, i+2)
				}
			}
		}
		if want := documentCount(built.Spec); n != want {
			t.Errorf("%s: %d Word documents, want %d (four documents and the MDS2 appendix unless absent.mds2, per language)", name, n, want)
		}
		for fname, data := range files {
			if path.Base(fname) == "network-admin-guide.docx" {
				checkDiagramPicture(t, name+"/"+fname, data)
			}
		}
	}
}

// checkDiagramPicture checks that the network diagram is in the Word
// document twice: as the PNG every reader shows and as the SVG Word 2016
// and later show instead.
func checkDiagramPicture(t *testing.T, name string, data []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "word/media/") {
			kinds[path.Ext(f.Name)] = true
		}
	}
	if !kinds[".png"] || !kinds[".svg"] {
		t.Errorf("%s/network-admin-guide.docx: media %v, want the diagram as .png and .svg", name, kinds)
	}
}
