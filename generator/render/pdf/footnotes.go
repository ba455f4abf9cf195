package pdf

import (
	"strconv"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// footnotes lays out the footnotes at the end of the document, under a
// short rule and a title, in a smaller size. Each ends with a link back to
// its (first) reference, and is tagged as a note with its number as
// label.
func (r *renderer) footnotes(c ctx) {
	notes := r.d.Footnotes
	if len(notes) == 0 {
		return
	}
	rule := &layout.Item{H: 10, SpaceBefore: spaceFigure, KeepWithNext: true, Ops: []layout.Op{
		layout.Path{Points: []layout.Point{{X: c.x, Y: 4}, {X: c.x + 120, Y: 4}}, Stroke: colorRule, Fill: layout.None, LineWidth: 0.8},
	}}
	r.add(rule)
	fc := c
	fc.size = sizeFootnote
	title := plain(fonts.Bold, sizeFootnote, colorHeading)
	title.Tag = c.parent.Add("P")
	st := r.st.get(title)
	var in layout.Inline
	r.text.add(&in, r.m.Get("pdf.footnotes"), st, 0, false)
	for _, ln := range in.Lines(c.w, leadBody, st) {
		it := ln.Item(c.x, c.w, layout.AlignLeft)
		it.KeepWithNext = true
		r.add(it)
	}
	num := r.st.get(plain(fonts.Regular, sizeFootnote, colorText))
	markerW := float64(indentList)
	inner := fc.indent(markerW)
	for i, fn := range notes {
		if fn == nil {
			continue
		}
		index := i + 1
		before := r.flow.Len()
		fi := inner
		note := c.parent.Add("Note")
		note.ID = footnoteAnchor(index)
		lbl := note.Add("Lbl")
		fi.parent = note
		if n := len(fn.Blocks); n > 0 {
			if _, ok := fn.Blocks[n-1].(*docmodel.Paragraph); ok {
				fi.backlink = footnoteRefAnchor(index)
			}
		}
		r.blocks(fn.Blocks, fi, spaceListItem, false)
		first := r.flow.ContentFrom(before)
		if first == nil {
			first = &layout.Item{H: sizeFootnote * leadBody, SpaceBefore: spaceListItem}
			r.add(first)
		}
		label := strconv.Itoa(index) + "."
		base := first.Baseline
		if base == 0 {
			base = sizeFootnote * 1.05
		}
		first.Ops = append(first.Ops,
			layout.Anchor{Name: footnoteAnchor(index)},
			layout.Text{X: c.x + markerW - 5 - num.Face.Width(label, num.Size), Y: base, Face: num.Face, Size: num.Size, Color: num.Color, S: label, Tag: lbl})
	}
}
