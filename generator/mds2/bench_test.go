package mds2_test

import (
	"fmt"
	"testing"

	"github.com/docgen/docgen/generator/internal/testspec"
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/spec"
)

// BenchmarkEvaluate answers the form for the imaging workstation.
func BenchmarkEvaluate(b *testing.B) {
	st, s := exampleStatement(b, "imaging-workstation")
	_ = st
	f := loadForm(b)
	b.ReportAllocs()
	for b.Loop() {
		f.Evaluate(mds2.Input{Spec: s})
	}
}

// BenchmarkEvaluateScale answers the form for generated specs of 1x, 10x
// and 100x size (firewall rules, data streams, roles): the time per
// element must stay flat, nothing quadratic.
func BenchmarkEvaluateScale(b *testing.B) {
	f := loadForm(b)
	for _, n := range []int{10, 100, 1000} {
		s, err := spec.Parse("large.yaml", testspec.Large(n, n, n/5))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("streams=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f.Evaluate(mds2.Input{Spec: s})
			}
		})
	}
}

// BenchmarkXLSX writes the workbook of the imaging workstation.
func BenchmarkXLSX(b *testing.B) {
	st, s := exampleStatement(b, "imaging-workstation")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := st.XLSX(s.Document.Date.Time, "A4"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadWorkbook reads a workbook docgen wrote, as --import does.
func BenchmarkReadWorkbook(b *testing.B) {
	st, s := exampleStatement(b, "imaging-workstation")
	data, err := st.XLSX(s.Document.Date.Time, "A4")
	if err != nil {
		b.Fatal(err)
	}
	f := loadForm(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.ReadWorkbook(data); err != nil {
			b.Fatal(err)
		}
	}
}
