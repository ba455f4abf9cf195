package generator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/xuri/excelize/v2"

	"github.com/docgen/docgen/generator"
	"github.com/docgen/docgen/generator/check"
	"github.com/docgen/docgen/generator/render/pdf/pdftext"
	"github.com/docgen/docgen/generator/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// root is the repository root, relative to this package.
const root = ".."

// goldenDate is the reference date of the golden runs.
var goldenDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// examples lists the example folders, each with device.yaml and its SBOM.
func examples(t *testing.T) []string {
	t.Helper()
	specs, _ := filepath.Glob(filepath.Join(root, "examples", "*", "device.yaml"))
	if len(specs) == 0 {
		t.Fatal("no examples found")
	}
	var names []string
	for _, p := range specs {
		names = append(names, filepath.Base(filepath.Dir(p)))
	}
	return names
}

// TestGolden runs the whole pipeline on each example and compares every
// output with testdata/golden/<example>.txtar. An archive holds the inputs
// (input/device.yaml, input/<sbom>) and every output: the documents in each
// format (PDFs as their digest and text, see pdfDump), the diagram, the CSVs, the traceability matrix, the manifest, and
// the check report in every format. The test builds from the archive's own
// inputs, so an archive is a self-contained case; it also fails when the
// inputs no longer match examples/, so the two cannot drift. Run with
// -update to rewrite the archives from examples/.
func TestGolden(t *testing.T) {
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			golden := filepath.Join(root, "testdata", "golden", name+".txtar")
			if *update {
				writeGolden(t, name, golden)
				return
			}
			want, err := txtar.ParseFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./generator -update to create it)", err)
			}
			dir := t.TempDir()
			var outputs []txtar.File
			for _, f := range want.Files {
				if rel, ok := strings.CutPrefix(f.Name, "input/"); ok {
					if err := os.WriteFile(filepath.Join(dir, rel), f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					example, err := os.ReadFile(filepath.Join(root, "examples", name, rel))
					if err != nil || !bytes.Equal(example, f.Data) {
						t.Errorf("%s in %s differs from examples/%s/%s; run go test ./generator -update", f.Name, golden, name, rel)
					}
				} else {
					outputs = append(outputs, f)
				}
			}
			got := pipelineOutputs(t, filepath.Join(dir, "device.yaml"))
			if len(got) != len(outputs) {
				t.Fatalf("the pipeline writes %d outputs, the golden file has %d", len(got), len(outputs))
			}
			for i, w := range outputs {
				g := got[i]
				if w.Name != g.Name || !bytes.Equal(w.Data, g.Data) {
					t.Errorf("%s differs from %s in %s; run go test ./generator -update and review the diff\n%s", g.Name, w.Name, golden, firstDiff(w.Data, g.Data))
				}
			}
		})
	}
}

// writeGolden rewrites an archive from the example's current inputs.
func writeGolden(t *testing.T, name, golden string) {
	t.Helper()
	src := filepath.Join(root, "examples", name)
	a := &txtar.Archive{Comment: []byte("Inputs and outputs of docgen for examples/" + name + ".\nRegenerate with: go test ./generator -update\n")}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		a.Files = append(a.Files, txtar.File{Name: "input/" + e.Name(), Data: data})
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		if err := os.WriteFile(filepath.Join(dir, strings.TrimPrefix(f.Name, "input/")), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a.Files = append(a.Files, pipelineOutputs(t, filepath.Join(dir, "device.yaml"))...)
	if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(golden, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pipelineOutputs builds one spec in every format and checks it in every
// report format.
func pipelineOutputs(t *testing.T, path string) []txtar.File {
	t.Helper()
	built, err := generator.BuildSpec(context.Background(), path, generator.BuildOptions{Today: goldenDate, Version: "golden"})
	if err != nil {
		t.Fatal(err)
	}
	var files []txtar.File
	for _, f := range built.Files {
		if strings.HasSuffix(f.Name, ".pdf") {
			files = append(files, txtar.File{Name: "out/" + f.Name + ".txt", Data: pdfDump(t, f.Data)})
			continue
		}
		if strings.HasSuffix(f.Name, ".xlsx") {
			files = append(files, txtar.File{Name: "out/" + f.Name + ".txt", Data: xlsxDump(t, f.Data)})
			continue
		}
		if strings.HasSuffix(f.Name, ".png") {
			// PNGs are binary; the archive keeps their digest, which is
			// stable because the output is byte-identical across runs.
			sum := sha256.Sum256(f.Data)
			files = append(files, txtar.File{Name: "out/" + f.Name + ".sha256", Data: []byte(hex.EncodeToString(sum[:]) + "\n")})
			continue
		}
		files = append(files, txtar.File{Name: "out/" + f.Name, Data: f.Data})
	}
	for _, format := range report.Formats {
		var b bytes.Buffer
		opts := report.Options{BaseDir: filepath.Dir(path), ToolVersion: "golden"}
		if err := report.Write(&b, format, []*check.Result{built.Result}, opts); err != nil {
			t.Fatal(err)
		}
		files = append(files, txtar.File{Name: "check/report." + format, Data: b.Bytes()})
	}
	return files
}

// pdfDump describes a PDF for the archive, which holds text: its digest
// (stable, as the output is byte-identical across runs), then what it shows
// page by page (see pdftext), so that a reviewer reads a change to a PDF.
func pdfDump(t *testing.T, data []byte) []byte {
	t.Helper()
	d, err := pdftext.Read(data)
	if err != nil {
		t.Fatalf("reading a PDF back: %v", err)
	}
	sum := sha256.Sum256(data)
	return []byte("sha256 " + hex.EncodeToString(sum[:]) + "\n" + d.Dump())
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

// TestBuildDeterministic builds each example twice and compares every byte.
func TestBuildDeterministic(t *testing.T) {
	for _, name := range examples(t) {
		p := filepath.Join(root, "examples", name, "device.yaml")
		a := pipelineOutputs(t, p)
		b := pipelineOutputs(t, p)
		for i := range a {
			if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Errorf("%s: %s differs between two builds", name, a[i].Name)
			}
		}
	}
}

// xlsxDump shows a workbook as text for the golden archives: its document
// properties' dates, then each sheet's rows, cells separated by " | ".
func xlsxDump(t *testing.T, data []byte) []byte {
	t.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	var b strings.Builder
	props, err := wb.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "created %s, modified %s, creator %s\n", props.Created, props.Modified, props.Creator)
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "\n== sheet %s (%d rows)\n", sheet, len(rows))
		for _, r := range rows {
			b.WriteString(strings.Join(r, " | ") + "\n")
		}
	}
	return []byte(b.String())
}
