package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// tabWidth is the distance between tab stops in code, in characters.
const tabWidth = 4

// code lays out a code block in monospace on a shaded background; lines
// too long for the column wrap.
func (r *renderer) code(n ast.Node, c ctx, space float64) {
	fr := &layout.Frame{X: c.x, W: c.w, Fill: colorCodeBack, Border: colorCodeLine, Bar: layout.None,
		PadTop: padCode - 1, PadBottom: padCode - 1}
	r.open(fr, space)
	inner := c.indent(padCode)
	inner.w -= padCode
	st := r.st.get(plain(fonts.Mono, sizeCode*c.size/sizeBody, colorCodeText))
	var items []*layout.Item
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		text := strings.TrimRight(string(seg.Value(r.src)), "\r\n")
		if seg.Padding > 0 {
			text = strings.Repeat(" ", seg.Padding) + text
		}
		var in layout.Inline
		r.text.add(&in, expandTabs(text), st, r.lines.line(seg.Start), true)
		for _, ln := range in.Lines(inner.w, leadCode, st) {
			items = append(items, ln.Item(inner.x, inner.w, layout.AlignLeft))
		}
		if in.Empty() {
			items = append(items, &layout.Item{H: st.Size * leadCode})
		}
	}
	if len(items) == 0 {
		items = append(items, &layout.Item{H: st.Size * leadCode})
	}
	keepLines(items)
	r.add(items...)
	r.flow.Close(fr)
}

// expandTabs replaces tabs by spaces up to the next tab stop.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
