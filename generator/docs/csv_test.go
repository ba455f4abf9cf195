package docs

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// hostile are spec strings that would change a CSV file if they were not
// escaped.
var hostile = []string{
	"a | b | c", "line one\nline two", "<script>alert('x')</script>", "=HYPERLINK(\"http://evil\")",
	"+1 and -1 and @SUM(A1)", "- item", "@handle", "\tTab", "line\r\nwith crlf", "\"quoted\", comma",
}

// TestCSVLiteral checks that CSV cells round-trip and formulas are defused.
func TestCSVLiteral(t *testing.T) {
	tab := &Table{ID: "t", Columns: []Column{{Header: "Value"}}}
	for _, h := range hostile {
		tab.add("", Cell{Text: h})
	}
	recs, err := csv.NewReader(bytes.NewReader(tab.CSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(hostile)+1 || recs[0][0] != "Value" {
		t.Fatalf("CSV has %d records", len(recs))
	}
	for i, h := range hostile {
		got := recs[i+1][0]
		want := strings.ReplaceAll(h, "\r\n", "\n")
		if strings.ContainsRune("=+-@\t\r", rune(h[0])) {
			want = "'" + want
		}
		if got != want {
			t.Errorf("CSV cell %q reads back as %q", h, got)
		}
		if strings.ContainsRune("=+-@", rune(got[0])) {
			t.Errorf("CSV cell %q starts a formula", got)
		}
	}
}
