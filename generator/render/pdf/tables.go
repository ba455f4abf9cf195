package pdf

import (
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// table lays out a table. The header row repeats on every page the table
// continues on; the words of code, date, port and number columns are kept
// whole as long as the other columns can give way; an empty cell shows a
// dash. It is tagged as a table whose header cells head their columns.
func (r *renderer) table(t *docmodel.Table, line int, c ctx, space float64) {
	size := sizeTable * c.size / sizeBody
	lt := &layout.Table{Style: layout.TableStyle{
		Leading: leadTable, PadX: 4, PadY: 3, Border: colorRule, BorderWidth: 0.5,
		HeaderFill: colorTableHead, StripeFill: colorStripe, LongCap: 9 * size, Scales: tableScales,
		Base: r.st.get(plain(fonts.Regular, size, c.color)),
	}}
	table := c.parent.Add("Table")
	head := table.Add("TR")
	aligns := make([]layout.Align, len(t.Columns))
	lt.Keep = make([]bool, len(t.Columns))
	for i, col := range t.Columns {
		aligns[i] = columnAlign(col)
		lt.Keep[i] = col.Kind != docmodel.TextColumn
		th := head.Add("TH")
		th.Scope = "Column"
		b := r.newInliner(th, line)
		b.inlines(col.Header, plain(fonts.Bold, size, colorHeading))
		b.in.TrimSpace()
		lt.Header = append(lt.Header, layout.Cell{Content: b.in, Align: aligns[i]})
	}
	body := plain(fonts.Regular, size, c.color)
	for _, row := range t.Rows {
		if row == nil {
			continue
		}
		rowLine := row.Source.Line
		if rowLine == 0 {
			rowLine = line
		}
		tr := table.Add("TR")
		cells := make([]layout.Cell, len(row.Cells))
		for i, cell := range row.Cells {
			b := r.newInliner(tr.Add("TD"), rowLine)
			if cell != nil {
				b.inlines(cell.Content, body)
				b.in.TrimSpace()
			}
			if b.in.Empty() {
				b.add(docmodel.EmptyCell, body)
			}
			cells[i] = layout.Cell{Content: b.in}
			if i < len(aligns) {
				cells[i].Align = aligns[i]
			}
		}
		for i := len(row.Cells); i < len(t.Columns); i++ {
			tr.Add("TD") // an empty cell keeps the table regular
		}
		lt.Rows = append(lt.Rows, cells)
	}
	items, _ := lt.Items(c.x, c.w)
	if len(items) == 0 {
		return
	}
	items[0].SpaceBefore = space
	r.add(items...)
}

// columnAlign returns the alignment of a column's cells: as the column
// says, else right for numbers and left for everything else.
func columnAlign(col docmodel.Column) layout.Align {
	switch col.Align {
	case docmodel.AlignCenter:
		return layout.AlignCenter
	case docmodel.AlignRight:
		return layout.AlignRight
	case docmodel.AlignDefault:
		if col.Kind == docmodel.NumberColumn {
			return layout.AlignRight
		}
	}
	return layout.AlignLeft
}
