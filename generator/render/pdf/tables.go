package pdf

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// table lays out a GFM table.
func (r *renderer) table(n *east.Table, c ctx, space float64) {
	size := sizeTable * c.size / sizeBody
	t := &layout.Table{Style: layout.TableStyle{
		Leading: leadTable, PadX: 4, PadY: 3, Border: colorRule, BorderWidth: 0.5,
		HeaderFill: colorTableHead, StripeFill: colorStripe, LongCap: 9 * size, Scales: tableScales,
		Base: r.st.get(plain(fonts.Regular, size, c.color)),
	}}
	row := func(parent ast.Node, bold bool) []layout.Cell {
		var cells []layout.Cell
		for cell := parent.FirstChild(); cell != nil; cell = cell.NextSibling() {
			tc, ok := cell.(*east.TableCell)
			if !ok {
				continue
			}
			face := fonts.Regular
			color := c.color
			if bold {
				face, color = fonts.Bold, colorHeading
			}
			b := r.inline(tc, plain(face, size, color), 0)
			b.in.TrimSpace()
			cells = append(cells, layout.Cell{Content: b.in, Align: cellAlign(tc.Alignment)})
		}
		return cells
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *east.TableHeader:
			t.Header = row(ch, true)
		case *east.TableRow:
			t.Rows = append(t.Rows, row(ch, false))
		}
	}
	items, _ := t.Items(c.x, c.w)
	if len(items) == 0 {
		return
	}
	items[0].SpaceBefore = space
	r.add(items...)
}

func cellAlign(a east.Alignment) layout.Align {
	switch a {
	case east.AlignCenter:
		return layout.AlignCenter
	case east.AlignRight:
		return layout.AlignRight
	}
	return layout.AlignLeft
}
