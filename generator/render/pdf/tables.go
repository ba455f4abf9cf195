package pdf

import (
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// table lays out a table. The header row repeats on every page the table
// continues on; the words of code, date, port and number columns are kept
// whole as long as the other columns can give way; an empty cell shows a
// dash. A table of the body whose widest words do not fit the page's width
// goes on pages turned to landscape (see landscape), rather than be set
// smaller. It is tagged as a table whose header cells head their columns.
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
	x, w, tpl := c.x, c.w, (*layout.Template)(nil)
	if c.x == 0 && c.w == r.tpl.ContentWidth() && lt.MinWidth() > c.w {
		land := r.landscape()
		// Too many columns for the page: the table goes on pages turned
		// to landscape, with the heading and lead-in kept with it.
		tpl, w = land, land.ContentWidth()
	}
	items, _ := lt.Items(x, w)
	if len(items) == 0 {
		return
	}
	items[0].SpaceBefore = space
	if tpl != nil {
		for _, it := range r.leadIn(tpl) {
			it.Tpl = tpl
		}
		for _, it := range items {
			it.Tpl = tpl
		}
	}
	r.add(items...)
}

// leadIn returns the items before a table that go with it onto pages of
// template t: the section's heading and what follows it, if that is short
// (a third of a page of t at most) and all on pages of the flow's
// template; else the items kept with the table.
func (r *renderer) leadIn(t *layout.Template) []*layout.Item {
	since := r.flow.ContentSince(r.headingAt)
	h := 0.0
	for _, it := range since {
		if it.Tpl != nil || it.Page != nil {
			since = nil
			break
		}
		h += it.SpaceBefore + it.H
	}
	if len(since) > 0 && h <= t.ContentHeight()/3 {
		return since
	}
	return r.flow.KeptTail()
}

// landscape returns the template of the pages turned to landscape that
// wide tables go on: the document's paper, one template for all, so that
// tables in a row share their pages.
func (r *renderer) landscape() *layout.Template {
	if r.land == nil {
		r.land = template(r.tpl.Height, r.tpl.Width)
	}
	return r.land
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
