package pdf

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// bullets are the list markers by nesting depth.
var bullets = []string{"\u2022", "\u2013", "\u25e6", "\u25aa"}

// list lays out a list: markers right-aligned in a column left of the
// items, nested lists indented further.
func (r *renderer) list(n *ast.List, c ctx, space float64) {
	st := r.st.get(plain(fonts.Regular, c.size, c.color))
	// The marker column is wide enough for the widest number.
	markerW := float64(indentList)
	markers := []string{}
	num := n.Start
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		m := bullets[c.depth%len(bullets)]
		if n.IsOrdered() {
			m = strconv.Itoa(num) + string(n.Marker)
			num++
		}
		markers = append(markers, m)
		markerW = max(markerW, fonts.Regular.Width(m, c.size)+7)
	}
	inner := c.indent(markerW)
	inner.tight = n.IsTight
	inner.depth = c.depth + 1
	k := 0
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		s := space
		if k > 0 {
			s = spaceListItem
			if !n.IsTight {
				s = spacePara
			}
		}
		before := r.flow.Len()
		r.blocks(it, inner, s)
		first := r.flow.ContentFrom(before)
		if first == nil {
			first = &layout.Item{H: c.size * leadBody, SpaceBefore: s, Baseline: c.size * leadBody * 0.72}
			r.add(first)
		}
		if !isTask(it) {
			base := first.Baseline
			if base == 0 {
				base = c.size * 1.05
			}
			m := markers[k]
			var in layout.Inline
			r.text.add(&in, m, st, r.line(it), false)
			lines := in.Lines(markerW, 1, st)
			if len(lines) > 0 {
				// Numbers end 5 pt before the text, bullets 7 pt.
				gap := 5.0
				if !n.IsOrdered() {
					gap = 7
				}
				x := c.x + markerW - gap - lines[0].Width
				for _, f := range lines[0].Frags {
					first.Ops = append(first.Ops, layout.Text{X: x + f.X, Y: base, Face: f.St.Face, Size: f.St.Size, Color: colorHeading, S: f.S})
				}
			}
		}
		k++
	}
}

// isTask reports whether list item it starts with a task check box.
func isTask(it ast.Node) bool {
	p := it.FirstChild()
	if p == nil {
		return false
	}
	_, ok := p.FirstChild().(*east.TaskCheckBox)
	return ok
}
