package docs_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator/catalog"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/docs"
	"github.com/docgen/docgen/generator/render/markdown"
	"github.com/docgen/docgen/generator/spec"
)

var update = flag.Bool("update", false, "rewrite the golden archives in testdata")

// TestGoldenDocuments builds the documents of each archive in testdata
// (input/device.yaml) and compares their Markdown and provenance with the
// archive. The check decides whether they are drafts, as in a build. Run
// with -update to rewrite the archives.
func TestGoldenDocuments(t *testing.T) {
	archives, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(archives) == 0 {
		t.Fatal("no golden archives")
	}
	for _, path := range archives {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			for _, f := range ar.Files {
				if f.Name == "input/device.yaml" {
					src = f.Data
				}
			}
			s, err := spec.Parse("device.yaml", src)
			if err != nil {
				t.Fatal(err)
			}
			c, _ := catalog.Load(catalog.DefaultProfile)
			res := check.Run(s, []*catalog.Catalog{c}, check.Options{})
			set, err := docs.Build(docs.Input{Spec: s, Catalogs: []*catalog.Catalog{c}, Result: res, Draft: res.Failed()}, docs.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := []txtar.File{{Name: "input/device.yaml", Data: src}}
			for _, d := range set.Documents {
				got = append(got, txtar.File{Name: "out/" + d.Name + ".md", Data: markdown.Bytes(d.Model)})
			}
			prov, err := set.Provenance()
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, txtar.File{Name: "out/provenance.json", Data: prov})
			out := txtar.Format(&txtar.Archive{Comment: ar.Comment, Files: got})
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := txtar.Format(ar); !bytes.Equal(out, want) {
				t.Errorf("%s differs; run go test ./generator/docs -run TestGoldenDocuments -update and review the diff", path)
			}
		})
	}
}
