package csvx_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/docgen/docgen/generator/csvx"
)

func TestWrite(t *testing.T) {
	rows := [][]string{
		{"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"},
		{"plain, with comma", "line\nbreak", "\"quoted\"", "", "a=b", "1-2"},
	}
	data := csvx.Write([]string{"a", "b", "c", "d", "e", "f"}, rows)
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("no CRLF line ends")
	}
	got, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"a", "b", "c", "d", "e", "f"},
		// With CRLF line ends, encoding/csv drops a lone carriage return
		// inside a field; the cell is neutralised all the same.
		{"'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'x"},
		{"plain, with comma", "line\nbreak", "\"quoted\"", "", "a=b", "1-2"},
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("row %d col %d: %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
}
