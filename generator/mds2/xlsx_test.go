package mds2_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/docgen/docgen/generator/mds2"
	"github.com/docgen/docgen/generator/spec"
)

var docDate = time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC)

// TestWorkbookReadsBack writes each example's workbook and reads it back:
// both sheets, every question of the form in order with its answer, and
// the cover.
func TestWorkbookReadsBack(t *testing.T) {
	for _, name := range exampleNames {
		t.Run(name, func(t *testing.T) {
			st, s := exampleStatement(t, name)
			data, err := st.XLSX(s.Document.Date.Time, "A4")
			if err != nil {
				t.Fatal(err)
			}
			wb, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer wb.Close()
			if got := wb.GetSheetList(); len(got) != 2 || got[0] != mds2.CoverSheet || got[1] != mds2.AnswersSheet {
				t.Fatalf("sheets %v", got)
			}
			rows, err := wb.GetRows(mds2.AnswersSheet)
			if err != nil {
				t.Fatal(err)
			}
			results := st.Results()
			k := 0
			for _, row := range rows[1:] {
				if len(row) < 2 || row[1] == "" {
					continue // a section heading
				}
				if k >= len(results) {
					t.Fatalf("more question rows than questions")
				}
				r := results[k]
				if row[1] != r.ID || cell(row, 3) != r.Answer || cell(row, 4) != r.Note {
					t.Errorf("row for %s reads %q", r.ID, row)
				}
				k++
			}
			if k != 240 {
				t.Errorf("%d question rows, want 240", k)
			}
			cover, _ := wb.GetRows(mds2.CoverSheet)
			if !strings.Contains(flatten(cover), s.Device.Name) || !strings.Contains(flatten(cover), "ANSI/NEMA HN 1-2019") {
				t.Errorf("the cover lacks the device or the form: %v", cover)
			}
		})
	}
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// TestWorkbookParts checks the OOXML package itself: the parts a
// spreadsheet program needs, each well-formed XML, every zip entry with the
// same fixed time, and the document date in the core properties.
func TestWorkbookParts(t *testing.T) {
	st, s := exampleStatement(t, "lab-analyzer")
	data, err := st.XLSX(s.Document.Date.Time, "Letter")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"[Content_Types].xml": false, "_rels/.rels": false, "xl/workbook.xml": false,
		"xl/_rels/workbook.xml.rels": false, "xl/worksheets/sheet1.xml": false, "xl/worksheets/sheet2.xml": false,
		"xl/styles.xml": false, "xl/sharedStrings.xml": false, "docProps/core.xml": false, "docProps/app.xml": false}
	parts := map[string]string{}
	for _, f := range zr.File {
		if _, ok := want[f.Name]; ok {
			want[f.Name] = true
		}
		if !f.Modified.Equal(zr.File[0].Modified) {
			t.Errorf("%s has time %v, %s has %v", f.Name, f.Modified, zr.File[0].Name, zr.File[0].Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(body)
		if err := wellFormed(body); err != nil {
			t.Errorf("%s is not well-formed XML: %v", f.Name, err)
		}
	}
	for name, found := range want {
		if !found {
			t.Errorf("part %s is missing", name)
		}
	}
	if core := parts["docProps/core.xml"]; !strings.Contains(core, "2026-10-15T00:00:00Z") || strings.Contains(core, "2006-09-16") {
		t.Errorf("core properties do not carry the document date: %s", core)
	}
	if !strings.Contains(parts["xl/worksheets/sheet2.xml"], `paperSize="1"`) {
		t.Errorf("Letter paper not set")
	}
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestWorkbookDeterministic: the same statement gives the same bytes, and
// without a document date SOURCE_DATE_EPOCH decides the date, never the
// clock.
func TestWorkbookDeterministic(t *testing.T) {
	st, a := exampleWorkbook(t, "home-monitor")
	_, b := exampleWorkbook(t, "home-monitor")
	if !bytes.Equal(a, b) {
		t.Error("two workbooks of the same spec differ")
	}
	if other, _ := st.XLSX(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), "A4"); bytes.Equal(a, other) {
		t.Error("the workbook does not carry the document date")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1793491200") // 2026-11-01
	c, _ := st.XLSX(time.Time{}, "A4")
	time.Sleep(1100 * time.Millisecond)
	d, _ := st.XLSX(time.Time{}, "A4")
	if !bytes.Equal(c, d) || !bytes.Contains(unzip(t, c, "docProps/core.xml"), []byte("2026-11-01T00:00:00Z")) {
		t.Error("without a document date, the workbook is not dated by SOURCE_DATE_EPOCH")
	}
}

func unzip(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// TestWorkbookEscapes writes hostile spec text: a formula, markup, control
// characters and a text longer than a cell holds. Everything is stored as
// text; the long text is shortened with a pointer to mds2.json.
func TestWorkbookEscapes(t *testing.T) {
	long := strings.Repeat("x", 40000)
	y := "spec_version: 1\ndevice:\n  name: \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"\n  manufacturer: {name: \"<script>alert(1)</script> & \\u0001\\u0008 _x0041_\"}\n  description: \"" + long + "\"\n  regulation: MDR\n  class: IIa\n"
	s, err := spec.Parse("device.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	st := loadForm(t).Evaluate(mds2.Input{Spec: s})
	data, err := st.XLSX(docDate, "A4")
	if err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	cover, _ := wb.GetRows(mds2.CoverSheet)
	text := flatten(cover)
	if !strings.Contains(text, `=HYPERLINK("http://evil","x")`) || !strings.Contains(text, "<script>alert(1)</script> & \x01\x08 _x0041_") {
		t.Errorf("hostile text not kept literally: %q", text)
	}
	if f, _ := wb.GetCellFormula(mds2.CoverSheet, "B4"); f != "" {
		t.Errorf("a cell holds a formula: %q", f)
	}
	rows, _ := wb.GetRows(mds2.AnswersSheet)
	for _, r := range rows {
		if len(r) > 3 && r[1] == "DOC-2" {
			if n := len(r[3]); n > 32767 || !strings.Contains(r[3], mds2.JSONFile) {
				t.Errorf("DOC-2 has %d characters and no pointer to the JSON file", n)
			}
		}
	}
}
