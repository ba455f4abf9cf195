package generator

import (
	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/sbom"
	"github.com/docgen/docgen/generator/spec"
)

// MDS2 answers the MDS2 form (ANSI/NEMA HN 1-2019) from the facts of s and
// its SBOM (nil when it has none); see package mds2.
func MDS2(s *spec.Spec, bom *sbom.BOM) (*mds2.Statement, error) {
	form, err := mds2.Load()
	if err != nil {
		return nil, err
	}
	return form.Evaluate(mds2.Input{Spec: s, BOM: bom}), nil
}

// mds2Files renders an MDS2 statement of s as the build's workbook, CSV and
// JSON, dated like the documents and printed on their paper size.
func mds2Files(st *mds2.Statement, s *spec.Spec, paper string) ([]File, error) {
	xlsx, err := st.XLSX(s.Document.Date.Time, paper)
	if err != nil {
		return nil, err
	}
	js, err := st.JSON()
	if err != nil {
		return nil, err
	}
	return []File{{mds2.XLSXFile, xlsx}, {mds2.CSVFile, st.CSV()}, {mds2.JSONFile, js}}, nil
}
