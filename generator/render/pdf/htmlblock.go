package pdf

import (
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// htmlBlock shows the text of a raw HTML block (see htmlText), read from
// source line line.
func (r *renderer) htmlBlock(raw string, line int, c ctx, space float64) {
	text, anchors := htmlText(raw)
	if len(text) == 0 && len(anchors) == 0 {
		return
	}
	p := c.parent.Add("P")
	base := plain(fonts.Regular, c.size, c.color)
	base.Tag = p
	st := r.st.get(base)
	bl := r.newInliner(p, line)
	bl.anchors = anchors
	for i, l := range text {
		if i > 0 {
			bl.in.Break()
		}
		r.text.add(bl.in, l, st, bl.line, false)
	}
	items := r.lineItems(bl, c, *st, space)
	if len(items) == 0 {
		items = []*layout.Item{{SpaceBefore: space}}
		for _, a := range anchors {
			items[0].Ops = append(items[0].Ops, layout.Anchor{Name: a})
		}
	}
	r.add(items...)
}
