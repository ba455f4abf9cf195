// Package csvx writes CSV files for spreadsheets: RFC 4180 with CRLF line
// ends, and every cell that a spreadsheet would run as a formula made
// harmless, as OWASP recommends against CSV injection.
package csvx

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// Write renders a header row and the rows as CSV. Every cell goes through
// Cell.
func Write(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = Cell(h)
	}
	_ = w.Write(out) // writes to a bytes.Buffer cannot fail
	for _, row := range rows {
		out = make([]string, len(row))
		for i, cell := range row {
			out[i] = Cell(cell)
		}
		_ = w.Write(out)
	}
	w.Flush()
	return b.Bytes()
}

// Cell neutralises a cell that a spreadsheet would read as a formula (one
// starting with =, +, -, @, tab or carriage return) by prefixing an
// apostrophe.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
