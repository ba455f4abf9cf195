package pdf

import (
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// quote lays out a block quote with a bar on the left.
func (r *renderer) quote(blocks []docmodel.Block, c ctx, space float64) {
	if len(blocks) == 0 {
		return
	}
	fr := &layout.Frame{X: c.x, W: c.w, Fill: colorQuoteBack, Border: layout.None, Bar: colorQuoteBar, BarWidth: 2.5,
		PadTop: padQuote, PadBottom: padQuote}
	inner := c.indent(indentQuote)
	inner.w -= padQuote
	inner.tight = false
	inner.parent = c.parent.Add("BlockQuote")
	r.open(fr, space)
	r.blocks(blocks, inner, space, false)
	r.flow.Close(fr)
}

// admonition lays out a call-out (a note, a warning): a tinted box with a
// bar in the colour of its kind and a title, the kind's name unless the
// admonition has its own. Warnings and cautions also get a border, so that
// they stand out from notes. It is tagged as a division whose first
// paragraph is the title.
func (r *renderer) admonition(a *docmodel.Admonition, line int, c ctx, space float64) {
	look, ok := alertLooks[a.Kind]
	kind := a.Kind
	if !ok {
		kind = docmodel.Note
		look = alertLooks[kind]
	}
	fr := &layout.Frame{X: c.x, W: c.w, Fill: look.back, Border: look.border, Bar: look.color, BarWidth: 3,
		PadTop: padQuote, PadBottom: padQuote}
	inner := c.indent(indentQuote)
	inner.w -= padQuote
	inner.tight = false
	inner.parent = c.parent.Add("Div")
	r.open(fr, space)
	st := plain(fonts.Bold, c.size, look.color)
	b := r.newInliner(inner.parent.Add("P"), line)
	b.add(look.symbol+" ", st)
	if len(a.Title) > 0 {
		b.inlines(a.Title, st)
	} else {
		b.add(r.m.Get("pdf.alert."+string(kind)), st)
	}
	title := r.lineItems(b, inner, st, 0)
	for _, it := range title {
		it.KeepWithNext = true
	}
	r.add(title...)
	r.blocks(a.Blocks, inner, 2, false)
	r.flow.Close(fr)
}
