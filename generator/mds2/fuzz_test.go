package mds2_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzReadWorkbook feeds arbitrary bytes to the workbook reader of docgen
// mds2 --import: it must return answers or an error, never hang or crash.
func FuzzReadWorkbook(f *testing.F) {
	_, own := exampleWorkbook(f, "lab-analyzer")
	small := excelize.NewFile()
	_ = small.SetCellStr("Sheet1", "A1", "NAUT-2.1")
	_ = small.SetCellStr("Sheet1", "C1", "Yes")
	buf, _ := small.WriteToBuffer()
	f.Add(own)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	form := loadForm(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		answers, err := form.ReadWorkbook(data)
		if err == nil && len(answers) == 0 {
			t.Error("no answers and no error")
		}
		if err == nil && bytes.Equal(data, own) && len(answers) != 240 {
			t.Errorf("own workbook read as %d answers", len(answers))
		}
	})
}
