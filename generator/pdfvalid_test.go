package generator_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/spec"
)

// TestExamplePDFsValid validates every PDF docgen builds for the examples
// with pdfcpu in strict mode, and checks the administrator guide carries the
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
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = model.ValidationStrict
			ctx, err := api.ReadContext(bytes.NewReader(f.Data), conf)
			if err == nil {
				err = api.ValidateContext(ctx)
			}
			if err != nil {
				t.Errorf("%s/%s: %v", name, f.Name, err)
				continue
			}
			if f.Name == "admin-guide.pdf" {
				atts, err := api.Attachments(bytes.NewReader(f.Data), conf)
				if err != nil || len(atts) != 1 || !strings.HasSuffix(atts[0].FileName, ".json") {
					t.Errorf("%s/admin-guide.pdf attachments %v, %v; want the SBOM", name, atts, err)
				}
			}
		}
		if want := documentCount(built.Spec); n != want {
			t.Errorf("%s: %d PDFs, want %d (four documents and the MDS2 appendix unless absent.mds2)", name, n, want)
		}
	}
}

// documentCount is the number of documents a build writes per format: the
// four documents, and the MDS2 appendix unless the spec states that no MDS2
// is published.
func documentCount(s *spec.Spec) int {
	if s.IsAbsent("mds2") {
		return 4
	}
	return 5
}
