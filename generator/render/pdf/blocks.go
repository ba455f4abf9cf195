package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// ctx is where blocks go: the horizontal extent in the content box, and
// the text size and colour.
type ctx struct {
	x, w  float64
	size  float64
	color layout.Color
	// tight is set inside the items of a tight list.
	tight bool
	// depth is the nesting depth of lists.
	depth int
}

// indent returns c moved right by d.
func (c ctx) indent(d float64) ctx {
	c.x += d
	c.w -= d
	if c.w < 40 {
		// Deep nesting: keep a usable column rather than a negative one.
		c.w = 40
	}
	return c
}

// add appends items to the flow; the first item of the body starts a new
// page when a title page or table of contents precedes it.
func (r *renderer) add(items ...*layout.Item) {
	if len(items) == 0 {
		return
	}
	if r.startBody {
		items[0].BreakBefore = true
		r.startBody = false
	}
	r.flow.Add(items...)
}

// open starts a frame.
func (r *renderer) open(fr *layout.Frame, space float64) {
	m := r.flow.Open(fr, space)
	if r.startBody {
		m.BreakBefore = true
		r.startBody = false
	}
}

// blocks lays out the block children of parent; the first one that shows
// anything gets space above it.
func (r *renderer) blocks(parent ast.Node, c ctx, space float64) {
	first := true
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		s := space
		if !first {
			s = spaceBefore(n, c)
		}
		if r.block(n, c, s) {
			first = false
		}
	}
}

// spaceBefore returns the space above block n when it follows another.
func spaceBefore(n ast.Node, c ctx) float64 {
	switch n := n.(type) {
	case *ast.Heading:
		return headingSpace[min(max(n.Level, 1), 6)]
	case *ast.Paragraph, *ast.TextBlock, *ast.ThematicBreak, *east.DefinitionTerm:
		if c.tight {
			return spaceListItem
		}
		return spacePara
	case *ast.List:
		if c.tight {
			return spaceListItem
		}
		return spacePara
	case *east.DefinitionDescription:
		return spaceListItem
	}
	return spaceBlock
}

// block lays out n and reports whether it added anything.
func (r *renderer) block(n ast.Node, c ctx, space float64) bool {
	before := r.flow.Len()
	switch n := n.(type) {
	case *ast.Heading:
		if r.opts.TitlePage && n == r.titleNode {
			return false
		}
		r.heading(n, c, space)
		if n == r.tocAfter && r.toc != nil {
			r.contents(r.toc, false)
		}
	case *ast.Paragraph, *ast.TextBlock:
		r.paragraph(n, c, space, 0)
	case *ast.ThematicBreak:
		r.add(&layout.Item{H: 12, SpaceBefore: space, Ops: []layout.Op{
			layout.Path{Points: []layout.Point{{X: c.x, Y: 6}, {X: c.x + c.w, Y: 6}}, Stroke: colorRule, Fill: layout.None, LineWidth: 0.8},
		}})
	case *ast.CodeBlock:
		r.code(n, c, space)
	case *ast.FencedCodeBlock:
		r.code(n, c, space)
	case *ast.Blockquote:
		r.quote(n, c, space)
	case *ast.List:
		r.list(n, c, space)
	case *ast.HTMLBlock:
		r.htmlBlock(n, c, space)
	case *east.Table:
		r.table(n, c, space)
	case *east.DefinitionList:
		r.blocks(n, c, space)
	case *east.DefinitionTerm:
		st := plain(fonts.Bold, c.size, c.color)
		items := r.lineItems(r.inline(n, st, 0), c, st, space)
		for _, it := range items {
			it.KeepWithNext = true
		}
		r.add(items...)
	case *east.DefinitionDescription:
		r.blocks(n, c.indent(indentList), space)
	case *east.FootnoteList:
		r.footnotes(n, c)
	default:
		r.blocks(n, c, space)
	}
	return r.flow.Len() > before
}

// lineItems breaks the text of b into lines of c's width and returns them
// as items, the first space below the previous block. A paragraph of up to
// three lines stays on one page; a longer one leaves at least two lines at
// the bottom of a page and takes at least two to the next. The anchors of
// b go to the first line.
func (r *renderer) lineItems(b *inliner, c ctx, base layout.Style, space float64) []*layout.Item {
	b.in.TrimSpace()
	lines := b.in.Lines(c.w, leadBody, r.st.get(base))
	items := make([]*layout.Item, len(lines))
	for i := range lines {
		items[i] = lines[i].Item(c.x, c.w, layout.AlignLeft)
	}
	keepLines(items)
	if len(items) > 0 {
		items[0].SpaceBefore = space
		for _, a := range b.anchors {
			items[0].Ops = append(items[0].Ops, layout.Anchor{Name: a})
		}
	}
	return items
}

// keepLines sets the keep-with-next flags that prevent orphans and widows.
func keepLines(items []*layout.Item) {
	n := len(items)
	for i := 0; i < n-1; i++ {
		if n <= 3 || i == 0 || i == n-2 {
			items[i].KeepWithNext = true
		}
	}
}

// paragraph lays out a paragraph. Images that stand between its text
// become figures of their own; skipBefore drops text before that source
// offset (an alert marker).
func (r *renderer) paragraph(n ast.Node, c ctx, space float64, skipBefore int) {
	base := plain(fonts.Regular, c.size, c.color)
	// Split the paragraph at its images.
	var part []ast.Node
	flush := func() {
		if len(part) == 0 {
			return
		}
		b := &inliner{r: r, in: &layout.Inline{}, line: r.line(n), skipBefore: skipBefore}
		for _, p := range part {
			b.node(p, base)
		}
		part = part[:0]
		if b.in.Empty() && len(b.anchors) == 0 {
			return
		}
		items := r.lineItems(b, c, base, space)
		if len(items) == 0 {
			items = []*layout.Item{{SpaceBefore: space}}
			for _, a := range b.anchors {
				items[0].Ops = append(items[0].Ops, layout.Anchor{Name: a})
			}
		}
		r.add(items...)
		space = spacePara
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if img, ok := ch.(*ast.Image); ok {
			flush()
			if r.figure(img, c, space) {
				space = spacePara
			}
			continue
		}
		part = append(part, ch)
	}
	flush()
	// A paragraph that introduces what follows ("Do this:") stays with it.
	if last := r.flow.LastContent(); last != nil && n.NextSibling() != nil &&
		strings.HasSuffix(strings.TrimSpace(nodeText(n, r.src)), ":") {
		last.KeepWithNext = true
	}
}

// heading lays out a heading: kept with what follows, a link destination
// under its id, and an outline entry for the top three levels.
func (r *renderer) heading(n *ast.Heading, c ctx, space float64) {
	level := min(max(n.Level, 1), 6)
	face := fonts.Bold
	color := colorHeading
	if level == 6 {
		face, color = fonts.BoldItalic, colorMuted
	}
	st := plain(face, headingSizes[level], color)
	b := r.inline(n, st, 0)
	b.in.TrimSpace()
	lines := b.in.Lines(c.w, leadHeading, r.st.get(st))
	if len(lines) == 0 {
		lines = []layout.Line{{Height: st.Size * leadHeading}}
	}
	items := make([]*layout.Item, len(lines))
	for i := range lines {
		items[i] = lines[i].Item(c.x, c.w, layout.AlignLeft)
		items[i].KeepWithNext = true
	}
	items[0].SpaceBefore = space
	h := r.headings[n]
	if h.ID != "" {
		items[0].Ops = append(items[0].Ops, layout.Anchor{Name: h.ID})
	}
	for _, a := range b.anchors {
		if a != h.ID { // the HTML renderer made the heading's own anchor its id
			items[0].Ops = append(items[0].Ops, layout.Anchor{Name: a})
		}
	}
	if level <= 3 && level >= r.baseLevel-1 {
		items[0].Ops = append(items[0].Ops, layout.Mark{Title: h.Text, Level: level - r.baseLevel})
	}
	if level <= r.baseLevel {
		// Top-level sections get a rule under their heading.
		last := items[len(items)-1]
		last.Ops = append(last.Ops, layout.Path{Points: []layout.Point{{X: c.x, Y: last.H + 2}, {X: c.x + c.w, Y: last.H + 2}},
			Stroke: colorRule, Fill: layout.None, LineWidth: 0.7})
		last.H += 5
	}
	r.add(items...)
}
