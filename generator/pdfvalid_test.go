package generator_test

import (
	"context"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/render/pdf/pdfcheck"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
	"github.com/docgen/docgen/generator/spec"
)

// TestExamplePDFsValid validates every PDF docgen builds for the examples
// with pdfcpu in strict mode (see pdftext.Validate) and checks it against
// PDF/A-3b and PDF/UA-1 (see pdfcheck), and checks the administrator guide carries the
// SBOM as an attachment.
func TestExamplePDFsValid(t *testing.T) {
	for _, name := range examples(t) {
		built, err := generator.BuildSpec(context.Background(), filepath.Join(root, "examples", name, "device.yaml"), generator.BuildOptions{Today: goldenDate})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range built.Files {
			if !strings.HasSuffix(f.Name, ".pdf") {
				continue
			}
			n++
			ctx, err := pdftext.Validate(f.Data, model.ValidationStrict)
			if err != nil {
				t.Errorf("%s/%s: %v", name, f.Name, err)
				continue
			}
			problems, err := pdfcheck.Check(f.Data, pdfcheck.Options{PDFA: true})
			if err != nil {
				t.Errorf("%s/%s: %v", name, f.Name, err)
			}
			for _, p := range problems {
				t.Errorf("%s/%s: %s", name, f.Name, p)
			}
			if path.Base(f.Name) == "admin-guide.pdf" {
				atts, err := ctx.ListAttachments()
				if err != nil || len(atts) != 1 || !strings.HasSuffix(atts[0].FileName, ".json") {
					t.Errorf("%s/admin-guide.pdf attachments %v, %v; want the SBOM", name, atts, err)
				}
			}
		}
		if want := documentCount(built.Spec); n != want {
			t.Errorf("%s: %d PDFs, want %d (four documents and the MDS2 appendix unless absent.mds2, per language)", name, n, want)
		}
	}
}

// documentCount is the number of documents a build writes per format: the
// four documents, and the MDS2 appendix unless the spec states that no MDS2
// is published.
func documentCount(s *spec.Spec) int {
	n := 5
	if s.IsAbsent("mds2") {
		n = 4
	}
	return n * len(s.OutputLanguages(nil)) // a set per output language
}
