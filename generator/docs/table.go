package docs

import (
	"strings"

	"github.com/docgen/docgen/generator/csvx"
	"github.com/docgen/docgen/generator/msg"
)

// Column is one column of a table: its header and whether its cells are
// technical tokens (ids, ports, purls) shown as code.
type Column struct {
	Key    string
	Header string
	Code   bool
}

// Table is tabular data shown in a document and, for some tables, written
// as CSV with the same rows. Cells hold plain, unescaped text.
type Table struct {
	// ID names the table; it is also the CSV file's base name.
	ID      string
	Columns []Column
	Rows    [][]string
}

// newTable makes a table whose headers come from the message catalog keys
// table.<id>.<key>; a key ending in "*" marks a code column.
func newTable(id string, keys ...string) *Table {
	t := &Table{ID: id, Rows: [][]string{}}
	for _, k := range keys {
		code := strings.HasSuffix(k, "*")
		k = strings.TrimSuffix(k, "*")
		t.Columns = append(t.Columns, Column{Key: k, Header: msg.Get("table." + id + "." + k), Code: code})
	}
	return t
}

// Add appends a row; it panics if the row has the wrong width, which is a
// programming error caught by the tests, never a user-input problem.
func (t *Table) Add(cells ...string) {
	if len(cells) != len(t.Columns) {
		panic("docs: table " + t.ID + ": row width mismatch")
	}
	t.Rows = append(t.Rows, cells)
}

// Empty reports whether the table has no rows.
func (t *Table) Empty() bool { return t == nil || len(t.Rows) == 0 }

// Markdown renders the table as a GFM table. Every cell is escaped, so pipes,
// newlines and Markdown syntax in spec text stay literal; empty cells show a
// dash.
func (t *Table) Markdown() string {
	if t.Empty() {
		return ""
	}
	var b strings.Builder
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + Inline(c.Header) + " |")
	}
	b.WriteString("\n|")
	for range t.Columns {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	empty := msg.Get("table.empty")
	for _, row := range t.Rows {
		b.WriteString("|")
		for i, cell := range row {
			switch {
			case strings.TrimSpace(cell) == "":
				cell = empty
			case t.Columns[i].Code:
				cell = CodeCell(cell)
			default:
				cell = Inline(cell)
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// CSV renders the table as CSV with a header row (see package csvx, which
// also neutralises cells a spreadsheet would run as a formula).
func (t *Table) CSV() []byte {
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Header
	}
	return csvx.Write(header, t.Rows)
}
