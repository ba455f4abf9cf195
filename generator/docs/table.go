package docs

import (
	"strings"
	"time"

	"github.com/docgen/docgen/generator/csvx"
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// Column is one column of a table.
type Column struct {
	// Key names the column; its header is the message table.<table>.<key>.
	Key    string
	Header string
	Kind   docmodel.ColumnKind
	// Optional columns are left out of a document when every cell is
	// empty (the CSV keeps them, so its columns do not change).
	Optional bool
}

// Cell is one cell: its text and the spec paths it shows.
type Cell struct {
	Text  string
	Paths []string
}

// Row is one row with the spec path of the element it shows.
type Row struct {
	Cells []Cell
	Path  string
}

// Table is tabular data shown in a document and, for some tables, written
// as CSV with the same rows. Cells hold plain, unescaped text.
type Table struct {
	// ID names the table; it is also the CSV file's base name.
	ID      string
	Columns []Column
	Rows    []Row
}

// newTable makes a table whose headers come from the message catalog keys
// table.<id>.<key>. A key is suffixed with its kind: "*" code, "#" port,
// "@" date; and "?" marks an optional column.
func (w words) newTable(id string, keys ...string) *Table {
	t := &Table{ID: id, Rows: []Row{}}
	for _, k := range keys {
		c := Column{}
		for {
			switch {
			case strings.HasSuffix(k, "?"):
				c.Optional = true
			case strings.HasSuffix(k, "*"):
				c.Kind = docmodel.CodeColumn
			case strings.HasSuffix(k, "#"):
				c.Kind = docmodel.PortColumn
			case strings.HasSuffix(k, "@"):
				c.Kind = docmodel.DateColumn
			default:
				c.Key = k
				c.Header = w.get("table." + id + "." + k)
				t.Columns = append(t.Columns, c)
			}
			if c.Key != "" {
				break
			}
			k = k[:len(k)-1]
		}
	}
	return t
}

// add appends a row for the element at path; cells alternate text and the
// cell's own spec path ("" for derived text). It panics if the row has the
// wrong width, which is a programming error caught by the tests.
func (t *Table) add(path string, cells ...Cell) {
	if len(cells) != len(t.Columns) {
		panic("docs: table " + t.ID + ": row width mismatch")
	}
	t.Rows = append(t.Rows, Row{Cells: cells, Path: path})
}

// c makes a cell of text shown from the spec paths; "" paths are left
// out.
func c(text string, paths ...string) Cell {
	if strings.TrimSpace(text) == "" {
		return Cell{}
	}
	cell := Cell{Text: text}
	for _, p := range paths {
		if p != "" {
			cell.Paths = append(cell.Paths, p)
		}
	}
	return cell
}

// when returns path if cond holds, else "": for cells that state a field
// only when it is given.
func when(cond bool, path string) string {
	if cond {
		return path
	}
	return ""
}

// Empty reports whether the table has no rows.
func (t *Table) Empty() bool { return t == nil || len(t.Rows) == 0 }

// Model returns the table as a block of the document model, without the
// optional columns that are empty in every row.
func (t *Table) Model() *docmodel.Table { return t.modelIn(nil) }

// modelIn is Model with the dates of date columns written as language m
// writes them (YYYY-MM-DD, as in the CSV, when m is nil).
func (t *Table) modelIn(m *msg.Set) *docmodel.Table {
	keep := make([]bool, len(t.Columns))
	for i, col := range t.Columns {
		keep[i] = !col.Optional
		for _, r := range t.Rows {
			keep[i] = keep[i] || r.Cells[i].Text != ""
		}
	}
	out := &docmodel.Table{ID: t.ID}
	for i, col := range t.Columns {
		if keep[i] {
			out.Columns = append(out.Columns, docmodel.Column{Header: docmodel.Plain(col.Header), Kind: col.Kind})
		}
	}
	var paths []string
	for _, r := range t.Rows {
		row := &docmodel.Row{}
		if r.Path != "" {
			row.Source.Paths = []string{r.Path}
			paths = append(paths, r.Path)
		}
		for i, cell := range r.Cells {
			if !keep[i] {
				continue
			}
			text := cell.Text
			if d, err := time.Parse(time.DateOnly, text); err == nil && m != nil && t.Columns[i].Kind == docmodel.DateColumn {
				text = m.Date(d)
			}
			mc := &docmodel.Cell{Content: docmodel.Plain(text)}
			mc.Source.Paths = cell.Paths
			row.Cells = append(row.Cells, mc)
		}
		out.Rows = append(out.Rows, row)
	}
	out.Source.Paths = dedupe(paths)
	return out
}

// CSV renders the table as CSV with a header row and every column (see
// package csvx, which also neutralises cells a spreadsheet would run as a
// formula).
func (t *Table) CSV() []byte {
	header := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		header[i] = col.Header
	}
	rows := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = make([]string, len(row.Cells))
		for j, cell := range row.Cells {
			rows[i][j] = cell.Text
		}
	}
	return csvx.Write(header, rows)
}
