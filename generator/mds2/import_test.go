package mds2_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/docgen/docgen/generator/input"
	"github.com/docgen/docgen/generator/mds2"
)

// TestImportOwnWorkbook: a workbook docgen wrote agrees with the spec it
// came from, question by question.
func TestImportOwnWorkbook(t *testing.T) {
	f := loadForm(t)
	for _, name := range exampleNames {
		st, data := exampleWorkbook(t, name)
		answers, err := f.ReadWorkbook(data)
		if err != nil {
			t.Fatal(err)
		}
		c := st.Compare(answers)
		if c.Found != 240 || len(c.Differ) != 0 || len(c.Missing) != 0 || len(c.FormOnly) != 0 {
			t.Errorf("%s: found %d, differ %v, missing %v, form only %v", name, c.Found, ids(c.Differ), c.Missing, ids(c.FormOnly))
		}
	}
}

func ids(ds []mds2.Difference) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.ID
	}
	return out
}

// TestImportThreeChanges changes three answers of a docgen workbook, as a
// team keeping the MDS2 by hand would, and fills in a question the spec
// cannot answer: exactly the three changes disagree, and the filled-in
// question is reported as answered only in the workbook.
func TestImportThreeChanges(t *testing.T) {
	st, data := exampleWorkbook(t, "imaging-workstation")
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	changes := map[string]string{"NAUT-2.1": "No", "CONN-6": "Yes, for updates", "PAUT-4": "N/A", "DOC-9": "Yes: Health-ISAC"}
	rows, _ := wb.GetRows(mds2.AnswersSheet)
	for i, row := range rows {
		if len(row) > 1 {
			if v, ok := changes[row[1]]; ok {
				cell, _ := excelize.CoordinatesToCellName(4, i+1)
				if err := wb.SetCellStr(mds2.AnswersSheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	buf, err := wb.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	answers, err := loadForm(t).ReadWorkbook(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	c := st.Compare(answers)
	got := ids(c.Differ)
	slices.Sort(got)
	if !slices.Equal(got, []string{"CONN-6", "NAUT-2.1", "PAUT-4"}) {
		t.Errorf("disagreements %v, want CONN-6, NAUT-2.1, PAUT-4", got)
	}
	if fo := ids(c.FormOnly); !slices.Equal(fo, []string{"DOC-9"}) {
		t.Errorf("answered only in the workbook: %v, want DOC-9", fo)
	}
	var out strings.Builder
	if err := c.WriteText(&out, "form.xlsx"); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"3 answers disagree", `workbook: "No" (MDS2!D`, `spec: "Yes"`, "firewall_rules", "DOC-9       Yes: Health-ISAC"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, out.String())
		}
	}
}

// TestImportVendorLayout reads a workbook in the layout vendors publish:
// question id, question, answer, note number, then references, with
// section heading rows, free text after the answer word, the form's own
// spelling SHAD-15, and a second sheet with notes.
func TestImportVendorLayout(t *testing.T) {
	wb := excelize.NewFile()
	rows := [][]string{
		{"Manufacturer Disclosure Statement for Medical Device Security – MDS2"},
		{"Question ID", "Question", "", "See note", "IEC TR 80001-2-2:2012"},
		{"DOCUMENT DESCRIPTION"},
		{"DOC-1", "Manufacturer Name", "Meridian Imaging Systems GmbH"},
		{"DOC-8", "Coordinated Vulnerability Disclosure", "Yes", ""},
		{"NODE AUTHENTICATION (NAUT)"},
		{"NAUT-2.1", "Is the firewall ruleset documented and available for review?", "yes, in the network guide", "4", "NAUT"},
		{"PAUT-4", "Are all default accounts listed in the documentation?", "N/A: no default accounts", ""},
		{"SHAD-15", "Can the system prevent access to BIOS?", "See Note", "7"},
		{"CONN-6", "Internet needed?", "", ""},
	}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := wb.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	wb.NewSheet("Notes")
	_ = wb.SetCellStr("Notes", "A1", "Note 4: DOC-8 is answered in the cover letter")
	buf, err := wb.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	answers, err := loadForm(t).ReadWorkbook(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range answers {
		got[a.ID] = a.Answer
	}
	want := map[string]string{"DOC-1": "Meridian Imaging Systems GmbH", "DOC-8": "Yes", "NAUT-2.1": "Yes", "PAUT-4": "N/A", "SAHD-15": "See note", "CONN-6": ""}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: read %q, want %q", id, got[id], w)
		}
	}
	if len(answers) != len(want) {
		t.Errorf("read %d questions, want %d: %v", len(answers), len(want), got)
	}
}

func TestNormaliseAnswer(t *testing.T) {
	cases := map[string]mds2.Answer{
		"Yes": mds2.Yes, " yes, optional": mds2.Yes, "YES": mds2.Yes, "No": mds2.No, "No: none": mds2.No,
		"N/A": mds2.NA, "n/a – not networked": mds2.NA, "NA": mds2.NA, "Not applicable": mds2.NA,
		"See Note": mds2.SeeNote, "see notes 3-4": mds2.SeeNote,
		"": "", "Maybe": "", "Nothing": "", "Yesterday": "", "Notes": "",
	}
	for in, want := range cases {
		if got := mds2.NormaliseAnswer(in); got != want {
			t.Errorf("NormaliseAnswer(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestImportRejects: input that is no workbook, or no MDS2, gives a clear
// error and no panic.
func TestImportRejects(t *testing.T) {
	f := loadForm(t)
	empty := excelize.NewFile()
	_ = empty.SetCellStr("Sheet1", "A1", "Invoice")
	buf, _ := empty.WriteToBuffer()
	cases := map[string][]byte{
		"not a zip": []byte("hello"),
		"empty":     nil,
		"empty zip": {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"no MDS2":   buf.Bytes(),
		"truncated": buf.Bytes()[:len(buf.Bytes())/2],
		"oversized": make([]byte, input.MaxWorkbookSize+1),
	}
	for name, data := range cases {
		if _, err := f.ReadWorkbook(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
