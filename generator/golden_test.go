package generator_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// root is the repository root, relative to this package.
const root = ".."

// goldenDate is the reference date of the golden runs.
var goldenDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// TestGolden runs the whole pipeline on each example and compares every
// output with testdata/golden/<example>.txtar, an archive whose comment names
// the spec and whose files are the outputs. Run with -update to rewrite.
func TestGolden(t *testing.T) {
	specs, _ := filepath.Glob(filepath.Join(root, "examples", "*", "device.yaml"))
	if len(specs) == 0 {
		t.Fatal("no examples found")
	}
	for _, path := range specs {
		name := filepath.Base(filepath.Dir(path))
		t.Run(name, func(t *testing.T) {
			got := &txtar.Archive{Comment: []byte("Outputs of docgen for examples/" + name + "/device.yaml.\nRegenerate with: go test ./generator -update\n")}
			for _, out := range pipelineOutputs(t, path) {
				got.Files = append(got.Files, out)
			}
			golden := filepath.Join(root, "testdata", "golden", name+".txtar")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, txtar.Format(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./generator -update to create it)", err)
			}
			if len(want.Files) != len(got.Files) {
				t.Fatalf("golden has %d outputs, the pipeline %d", len(want.Files), len(got.Files))
			}
			for i, w := range want.Files {
				g := got.Files[i]
				if w.Name != g.Name || !bytes.Equal(w.Data, g.Data) {
					t.Errorf("%s differs from %s; run go test ./generator -update and review the diff\n%s", g.Name, golden, firstDiff(w.Data, g.Data))
				}
			}
		})
	}
}

// pipelineOutputs loads, checks and reports one spec in every format.
func pipelineOutputs(t *testing.T, path string) []txtar.File {
	t.Helper()
	s, err := generator.LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := generator.LoadCatalogs(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := generator.Check(s, cats, check.Options{Today: goldenDate})
	names := map[string]string{"text": "check.txt", "json": "check.json", "sarif": "check.sarif", "junit": "check.junit.xml", "github": "check.github"}
	var files []txtar.File
	for _, format := range report.Formats {
		var b bytes.Buffer
		if err := report.Write(&b, format, []*check.Result{res}, report.Options{BaseDir: root, ToolVersion: "golden"}); err != nil {
			t.Fatal(err)
		}
		files = append(files, txtar.File{Name: names[format], Data: b.Bytes()})
	}
	return files
}

func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w[i] + "\n got:  " + g[i]
		}
	}
	return "lengths differ"
}
