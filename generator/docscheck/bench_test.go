package docscheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/docgen/docgen/generator/spec"
)

// benchDoc repeats the sections of the numbered corpus document n times,
// each copy under its own chapter heading, so that a test of 1x, 10x and
// 100x the size shows how the check scales with the document.
func benchDoc(b *testing.B, n int) string {
	b.Helper()
	ar, err := txtar.ParseFile("testdata/corpus/numbered-technical.txtar")
	if err != nil {
		b.Fatal(err)
	}
	var doc string
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".md") {
			doc = string(f.Data)
		}
	}
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "# Part %d\n\n%s\n", i+1, strings.ReplaceAll(doc, "\n# ", "\n## "))
	}
	return sb.String()
}

func benchmarkCheck(b *testing.B, n int) {
	path := filepath.Join(b.TempDir(), "ifu.md")
	if err := os.WriteFile(path, []byte(benchDoc(b, n)), 0o644); err != nil {
		b.Fatal(err)
	}
	s := &spec.Spec{Device: spec.Device{Networked: true, Regulation: spec.MDR}}
	cats := loadCatalogs(b, "mdcg-2019-16", "fda-premarket-2026")
	docs := []Doc{{Path: path, Target: "ifu"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(s, cats, docs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheck1x(b *testing.B)   { benchmarkCheck(b, 1) }
func BenchmarkCheck10x(b *testing.B)  { benchmarkCheck(b, 10) }
func BenchmarkCheck100x(b *testing.B) { benchmarkCheck(b, 100) }
