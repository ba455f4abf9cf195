package pdf

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
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
	// parent is the structure element the blocks go into.
	parent *layout.Elem
	// task is the check box that starts the first paragraph of a block
	// list (a task-list item); backlink the anchor that the last paragraph
	// of a block list links back to (a footnote's reference). Both apply
	// to the block list they are given with, not to the blocks inside.
	task     string
	backlink string
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

// blocks lays out a list of blocks; the first one that shows anything gets
// space above it, the others the space their kind asks for. more tells
// whether anything follows the list in its container (a section's next
// section), for lead-in paragraphs.
func (r *renderer) blocks(list []docmodel.Block, c ctx, space float64, more bool) {
	first := true
	for i, b := range list {
		bc := c
		if i > 0 {
			bc.task = ""
		}
		if i < len(list)-1 {
			bc.backlink = ""
		}
		s := space
		if !first {
			s = spaceBefore(b, c)
		}
		if r.block(b, bc, s, more || i+1 < len(list)) {
			first = false
		}
	}
}

// spaceBefore returns the space above block b when it follows another.
func spaceBefore(b docmodel.Block, c ctx) float64 {
	switch b := b.(type) {
	case *docmodel.Section:
		return headingSpace[min(max(b.Level, 1), 6)]
	case *docmodel.Paragraph, *docmodel.Figure, *docmodel.ThematicBreak, *docmodel.List:
		if c.tight {
			return spaceListItem
		}
		return spacePara
	}
	return spaceBlock
}

// block lays out b and reports whether it added anything. more tells
// whether a block follows it.
func (r *renderer) block(b docmodel.Block, c ctx, space float64, more bool) bool {
	before := r.flow.Len()
	task, backlink := c.task, c.backlink
	c.task, c.backlink = "", ""
	line := b.Provenance().Line
	switch b := b.(type) {
	case *docmodel.Section:
		c.parent = c.parent.Add("Sect")
		r.heading(b.Title, b.Level, b.Anchor, line, c, space, b.Aliases...)
		for i, ch := range b.Blocks {
			r.block(ch, c, spaceBefore(ch, c), more || i+1 < len(b.Blocks))
		}
	case *docmodel.Paragraph:
		r.paragraph(b.Content, line, c, space, more, task, backlink)
	case *docmodel.Figure:
		r.figure(b, line, c, space)
	case *docmodel.ThematicBreak:
		// A rule is decoration: an artifact.
		r.add(&layout.Item{H: 12, SpaceBefore: space, Ops: []layout.Op{
			layout.Path{Points: []layout.Point{{X: c.x, Y: 6}, {X: c.x + c.w, Y: 6}}, Stroke: colorRule, Fill: layout.None, LineWidth: 0.8},
		}})
	case *docmodel.CodeBlock:
		r.code(b, line, c, space)
	case *docmodel.Quote:
		r.quote(b.Blocks, c, space)
	case *docmodel.Admonition:
		r.admonition(b, line, c, space)
	case *docmodel.List:
		r.list(b, c, space)
	case *docmodel.HTMLBlock:
		r.htmlBlock(b.Text, line, c, space)
	case *docmodel.Table:
		r.table(b, line, c, space)
	case *docmodel.DefinitionList:
		r.definitions(b, line, c, space)
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
	layout.Keep(items)
	if len(items) > 0 {
		items[0].SpaceBefore = space
		for _, a := range b.anchors {
			items[0].Ops = append(items[0].Ops, layout.Anchor{Name: a})
		}
	}
	return items
}

// titleHeading sets the title as the first heading of a document without
// a title page, tagged H1.
func (r *renderer) titleHeading(c ctx) {
	r.heading(docmodel.Plain(r.title), 1, "", 0, c, 0)
	r.titled = true
}

// headingType returns the structure type of the next heading, of the given
// level in the document model: H1 for the title, the top level of the body
// one below it (H1 when there is no title), and never more than one level
// below the heading before, as PDF/UA asks that no level be skipped.
func (r *renderer) headingType(level int) string {
	mapped := level - r.baseLevel + 1
	if r.titled {
		mapped++
	}
	t := max(1, min(mapped, r.lastHeading+1, 6))
	r.lastHeading = t
	return "H" + strconv.Itoa(t)
}

// paragraph lays out a paragraph of content, read from source line line.
// Images that stand between its text become figures of their own. task is
// a check box to put before the text, backlink an anchor to link back to
// after it (see ctx). A paragraph that ends in a colon introduces what
// follows and stays with it when more is set.
func (r *renderer) paragraph(content []docmodel.Inline, line int, c ctx, space float64, more bool, task, backlink string) {
	base := plain(fonts.Regular, c.size, c.color)
	// Split the paragraph at its images.
	var part []docmodel.Inline
	started := false
	flush := func(last bool) {
		b := r.newInliner(c.parent.Add("P"), line)
		if !started && task != "" {
			ts := base
			ts.Face = fonts.Regular
			b.add(task+" ", ts)
		}
		started = true
		b.inlines(part, base)
		part = part[:0]
		if last && backlink != "" {
			b.backlink(backlink, base)
		}
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
	for _, in := range content {
		if img, ok := in.(*docmodel.Image); ok {
			if len(part) > 0 || (!started && task != "") {
				flush(false)
			}
			started = true
			f := &docmodel.Figure{Src: img.Src, Alt: img.Alt, Caption: docmodel.Plain(img.Title)}
			if r.figure(f, line, c, space) {
				space = spacePara
			}
			continue
		}
		part = append(part, in)
	}
	if len(part) > 0 || !started || backlink != "" {
		flush(true)
	}
	// A paragraph that introduces what follows ("Do this:") stays with it.
	if last := r.flow.LastContent(); last != nil && more &&
		strings.HasSuffix(strings.TrimSpace(docmodel.PlainText(content)), ":") {
		last.KeepWithNext = true
	}
}

// heading lays out a heading of the given level: kept with what follows, a
// link destination under its anchor, and an outline entry for the top
// three levels. It is tagged H1 to H6 (see headingType).
func (r *renderer) heading(title []docmodel.Inline, level int, anchor string, line int, c ctx, space float64, aliases ...string) {
	level = min(max(level, 1), 6)
	face := fonts.Bold
	color := colorHeading
	if level == 6 {
		face, color = fonts.BoldItalic, colorMuted
	}
	st := plain(face, headingSizes[level], color)
	r.headingAt = r.flow.Len()
	b := r.newInliner(c.parent.Add(r.headingType(level)), line)
	b.inlines(title, st)
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
	if anchor != "" {
		items[0].Ops = append(items[0].Ops, layout.Anchor{Name: anchor})
	}
	for _, a := range append(b.anchors, aliases...) {
		if a != anchor {
			items[0].Ops = append(items[0].Ops, layout.Anchor{Name: a})
		}
	}
	if level <= 3 && level >= r.baseLevel-1 {
		items[0].Ops = append(items[0].Ops, layout.Mark{Title: docmodel.PlainText(title), Level: level - r.baseLevel})
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

// definitions lays out a definition list: each term in bold, kept with its
// descriptions, which are indented. It is tagged as a list whose items
// have the term as label and the descriptions as body.
func (r *renderer) definitions(dl *docmodel.DefinitionList, line int, c ctx, space float64) {
	list := c.parent.Add("L")
	s := space
	for k, it := range dl.Items {
		if k > 0 {
			s = spacePara
			if c.tight {
				s = spaceListItem
			}
		}
		st := plain(fonts.Bold, c.size, c.color)
		li := list.Add("LI")
		b := r.newInliner(li.Add("Lbl"), line)
		b.inlines(it.Term, st)
		items := r.lineItems(b, c, st, s)
		for _, item := range items {
			item.KeepWithNext = true
		}
		r.add(items...)
		dc := c.indent(indentList)
		dc.parent = li.Add("LBody")
		for _, d := range it.Descriptions {
			r.blocks(d, dc, spaceListItem, false)
		}
	}
}
