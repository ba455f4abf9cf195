package docx

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenParts are the parts the golden files keep, pretty-printed: the
// text, the relationships and the metadata. The style sheet is data
// (parts/styles.xml) and the images are binary.
var goldenParts = []string{
	"[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml", "word/footnotes.xml",
	"word/header1.xml", "word/footer1.xml", "word/numbering.xml", "docProps/core.xml", "docProps/custom.xml",
}

// readSample reads testdata/sample.md, which uses every construct of the
// Markdown dialect.
func readSample(t testing.TB) *docmodel.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := markdown.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGolden compares the readable parts of two small documents with
// testdata/*.txtar: the model sample (a draft, with a figure) and the
// Markdown sample. Run with -update to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	draft := sampleDoc()
	draft.Meta.Draft, draft.Meta.DraftNotice = true, "Not for release: the spec has 3 errors."
	cases := map[string]func() (*docmodel.Document, bool){
		"model":    func() (*docmodel.Document, bool) { return draft, true },
		"markdown": func() (*docmodel.Document, bool) { return readSample(t), false },
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			d, titlePage := mk()
			opts := sampleOptions(t)
			opts.TitlePage = titlePage
			doc, _, _ := renderDoc(t, d, opts)
			a := &txtar.Archive{Comment: []byte("Parts of the Word document rendered from the " + name + " sample, pretty-printed.\nRegenerate with: go test ./generator/render/docx -run TestGolden -update\n")}
			for _, p := range goldenParts {
				if data, ok := doc.Parts[p]; ok {
					a.Files = append(a.Files, txtar.File{Name: p, Data: []byte(pretty(data))})
				}
			}
			path := filepath.Join("testdata", name+".txtar")
			if *update {
				if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if len(want.Files) != len(a.Files) {
				t.Fatalf("%d parts, the golden file has %d", len(a.Files), len(want.Files))
			}
			for i, f := range a.Files {
				if w := want.Files[i]; w.Name != f.Name || string(w.Data) != string(f.Data) {
					t.Errorf("%s differs from %s in %s; run with -update and review the diff\n%s", f.Name, w.Name, path, firstDiff(string(w.Data), string(f.Data)))
				}
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w[i] + "\n got:  " + g[i]
		}
	}
	return "lengths differ"
}
