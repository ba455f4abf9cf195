package generator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
)

// TestSBOMReadOnce swaps the SBOM a spec names (a symbolic link flipped
// between two valid SBOMs) while builds run, and checks that every build
// used one SBOM throughout: the manifest hashes the bytes attached to the
// administrator guide, and the documents list that SBOM's components.
func TestSBOMReadOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds many times")
	}
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(root, "examples", "lab-analyzer", "device.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sbomA, err := os.ReadFile(filepath.Join(root, "examples", "lab-analyzer", "sbom.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	// B differs from A in one component name, which the admin guide lists.
	sbomB := bytes.Replace(sbomA, []byte(`"name": "openssl"`), []byte(`"name": "swapped-openssl"`), 1)
	for name, data := range map[string][]byte{"device.yaml": src, "a.json": sbomA, "b.json": sbomB} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "sbom.cdx.json")
	if err := os.Symlink("a.json", link); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			tmp := filepath.Join(dir, "next.link")
			target := []string{"a.json", "b.json"}[i%2]
			os.Remove(tmp)
			if os.Symlink(target, tmp) == nil {
				os.Rename(tmp, link) // atomic swap of the link
			}
		}
	})
	defer func() { close(stop); wg.Wait() }()

	sums := map[string]string{hexSum(sbomA): "a", hexSum(sbomB): "b"}
	for range 12 {
		built, err := generator.BuildSpec(context.Background(), filepath.Join(dir, "device.yaml"), generator.BuildOptions{Today: goldenDate, Formats: []string{"md", "pdf"}})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range built.Files {
			files[f.Name] = f.Data
		}
		var m struct {
			Inputs []struct{ Path, SHA256 string }
		}
		if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		var hashed string
		for _, in := range m.Inputs {
			if in.Path == "sbom.cdx.json" {
				hashed = sums[in.SHA256]
			}
		}
		// pdftext.Validate, as pdfcpu refuses the catalog's /AF.
		ctx, err := pdftext.Validate(files["admin-guide.pdf"], model.ValidationRelaxed)
		if err != nil {
			t.Fatal(err)
		}
		list, err := ctx.ListAttachments()
		if err != nil || len(list) != 1 {
			t.Fatalf("attachments: %v, %v", list, err)
		}
		atts, err := ctx.ExtractAttachments([]string{list[0].ID})
		if err != nil || len(atts) != 1 {
			t.Fatalf("attachments: %v, %v", atts, err)
		}
		data, err := io.ReadAll(atts[0])
		if err != nil {
			t.Fatal(err)
		}
		attached := sums[hexSum(data)]
		listed := "a"
		if bytes.Contains(files["admin-guide.md"], []byte("swapped-")) {
			listed = "b"
		}
		if hashed == "" || hashed != attached || attached != listed {
			t.Fatalf("one build used several SBOMs: manifest %q, attachment %q, documents %q", hashed, attached, listed)
		}
	}
}

func hexSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
