package pdf

import (
	"github.com/yuin/goldmark/ast"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// quote lays out a block quote with a bar on the left, or a GitHub alert
// ([!NOTE] and the like) with a coloured bar and a title.
func (r *renderer) quote(n *ast.Blockquote, c ctx, space float64) {
	kind, skip := alertKind(n, r.src)
	if n.FirstChild() == nil {
		return
	}
	fr := &layout.Frame{X: c.x, W: c.w, Fill: colorQuoteBack, Border: layout.None, Bar: colorQuoteBar, BarWidth: 2.5,
		PadTop: padQuote, PadBottom: padQuote}
	inner := c.indent(indentQuote)
	inner.w -= padQuote
	inner.tight = false
	first := space
	if kind != "" {
		color := alertColors[kind]
		fr.Bar = color
		fr.BarWidth = 3
		r.open(fr, space)
		st := plain(fonts.Bold, c.size, color)
		var in layout.Inline
		r.text.add(&in, msg.Get("pdf.alert."+kind), r.st.get(st), r.line(n), false)
		lines := in.Lines(inner.w, leadBody, r.st.get(st))
		for i := range lines {
			it := lines[i].Item(inner.x, inner.w, layout.AlignLeft)
			it.KeepWithNext = true
			r.add(it)
		}
		first = 2
	} else {
		r.open(fr, space)
	}
	firstBlock := true
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		s := first
		if !firstBlock {
			s = spaceBefore(ch, inner)
		}
		var added bool
		if p, ok := ch.(*ast.Paragraph); ok && ch == n.FirstChild() && skip > 0 {
			before := r.flow.Len()
			r.paragraph(p, inner, s, skip)
			added = r.flow.Len() > before
		} else {
			added = r.block(ch, inner, s)
		}
		if added {
			firstBlock = false
		}
	}
	r.flow.Close(fr)
}
