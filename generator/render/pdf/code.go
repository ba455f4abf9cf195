package pdf

import (
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// tabWidth is the distance between tab stops in code, in characters.
const tabWidth = 4

// code lays out a code block in monospace on a shaded background; lines
// too long for the column wrap. line is the source line of its first line.
func (r *renderer) code(cb *docmodel.CodeBlock, line int, c ctx, space float64) {
	fr := &layout.Frame{X: c.x, W: c.w, Fill: colorCodeBack, Border: colorCodeLine, Bar: layout.None,
		PadTop: padCode - 1, PadBottom: padCode - 1}
	r.open(fr, space)
	inner := c.indent(padCode)
	inner.w -= padCode
	cs := plain(fonts.Mono, sizeCode*c.size/sizeBody, colorCodeText)
	cs.Tag = c.parent.Add("Code")
	st := r.st.get(cs)
	var items []*layout.Item
	text := strings.TrimSuffix(cb.Text, "\n")
	if text != "" {
		for i, l := range strings.Split(text, "\n") {
			var in layout.Inline
			at := 0
			if line > 0 {
				at = line + i
			}
			r.text.add(&in, expandTabs(strings.TrimSuffix(l, "\r")), st, at, true)
			for _, ln := range in.Lines(inner.w, leadCode, st) {
				items = append(items, ln.Item(inner.x, inner.w, layout.AlignLeft))
			}
			if in.Empty() {
				items = append(items, &layout.Item{H: st.Size * leadCode})
			}
		}
	}
	if len(items) == 0 {
		items = append(items, &layout.Item{H: st.Size * leadCode})
	}
	layout.Keep(items)
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
