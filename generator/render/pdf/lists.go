package pdf

import (
	"strconv"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// bullets are the list markers by nesting depth.
var bullets = []string{"\u2022", "\u2013", "\u25e6", "\u25aa"}

// taskBoxes are the check boxes of task-list items by state.
var taskBoxes = map[docmodel.TaskState]string{docmodel.TaskOpen: "\u2610", docmodel.TaskDone: "\u2612"}

// list lays out a list: markers right-aligned in a column left of the
// items, nested lists indented further. The items of a task list start
// with their check box instead of a marker. Each item is tagged with its
// marker as label and its blocks as body.
func (r *renderer) list(l *docmodel.List, c ctx, space float64) {
	st := r.st.get(plain(fonts.Regular, c.size, c.color))
	// The marker column is wide enough for the widest number.
	markerW := float64(indentList)
	markers := make([]string, len(l.Items))
	for k := range l.Items {
		m := bullets[c.depth%len(bullets)]
		if l.Ordered {
			m = strconv.Itoa(l.Start+k) + "."
		}
		markers[k] = m
		markerW = max(markerW, fonts.Regular.Width(m, c.size)+7)
	}
	inner := c.indent(markerW)
	inner.tight = !l.Loose
	inner.depth = c.depth + 1
	list := c.parent.Add("L")
	list.ListNumbering = "Disc"
	if l.Ordered {
		list.ListNumbering = "Decimal"
	}
	for k, it := range l.Items {
		li := list.Add("LI")
		lbl := li.Add("Lbl")
		s := space
		if k > 0 {
			s = spaceListItem
			if l.Loose {
				s = spacePara
			}
		}
		m := markers[k]
		ic := inner
		ic.parent = li.Add("LBody")
		if box := taskBoxes[it.Task]; box != "" {
			// The box starts the item's text, or stands for the marker
			// when the item does not start with text.
			m = box
			if len(it.Blocks) > 0 {
				if _, ok := it.Blocks[0].(*docmodel.Paragraph); ok {
					ic.task, m = box, ""
				}
			}
		}
		before := r.flow.Len()
		r.blocks(it.Blocks, ic, s, false)
		first := r.flow.ContentFrom(before)
		if first == nil {
			first = &layout.Item{H: c.size * leadBody, SpaceBefore: s, Baseline: c.size * leadBody * 0.72}
			r.add(first)
		}
		if m == "" {
			continue
		}
		base := first.Baseline
		if base == 0 {
			base = c.size * 1.05
		}
		var in layout.Inline
		ms := *st
		ms.Tag = lbl
		r.text.add(&in, m, r.st.get(ms), it.Source.Line, false)
		lines := in.Lines(markerW, 1, st)
		if len(lines) > 0 {
			// Numbers end 5 pt before the text, bullets 7 pt.
			gap := 5.0
			if !l.Ordered {
				gap = 7
			}
			x := c.x + markerW - gap - lines[0].Width
			for _, f := range lines[0].Frags {
				first.Ops = append(first.Ops, layout.Text{X: x + f.X, Y: base, Face: f.St.Face, Size: f.St.Size, Color: colorHeading, S: f.S, Tag: lbl})
			}
		}
	}
}
