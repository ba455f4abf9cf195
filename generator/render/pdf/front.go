package pdf

import (
	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// tocEntry is an entry of the table of contents.
type tocEntry struct {
	text, id string
	// level is 0 for the top level shown, 1 for the next.
	level int
}

// tocEntries lists the sections of the top two levels of the body (at
// most h3) that have an anchor.
func (r *renderer) tocEntries() []tocEntry {
	var out []tocEntry
	for _, s := range docmodel.Sections(r.d) {
		if s.Anchor != "" && s.Level <= 3 && s.Level >= r.baseLevel && s.Level <= r.baseLevel+1 {
			out = append(out, tocEntry{text: docmodel.PlainText(s.Title), id: s.Anchor, level: s.Level - r.baseLevel})
		}
	}
	return out
}

// titlePage lays out the title page: manufacturer, title, subject, the
// draft notice and the document-control block.
func (r *renderer) titlePage() {
	c := r.bodyContext()
	m := &r.d.Meta
	r.add(&layout.Item{H: 110, Ops: []layout.Op{layout.Mark{Title: r.title, Level: 0}}})
	if m.Author != "" {
		st := plain(fonts.Bold, 10.5, colorMuted)
		st.Tag = c.parent.Add("P")
		r.add(r.textItems(m.Author, st, c, 1.3, 0)...)
	}
	r.add(&layout.Item{H: 14, SpaceBefore: 6, Ops: []layout.Op{
		layout.Rect{X: c.x, Y: 0, W: 48, H: 3.5, Fill: colorHeading, Stroke: layout.None},
	}})
	ts := plain(fonts.Bold, sizeTitle, colorHeading)
	ts.Tag = c.parent.Add("H1")
	r.titled, r.lastHeading = true, 1
	r.add(r.textItems(r.title, ts, c, 1.2, 0)...)
	if m.Subject != "" {
		ss := plain(fonts.Regular, sizeSubtitle, colorMuted)
		ss.Tag = c.parent.Add("P")
		r.add(r.textItems(m.Subject, ss, c, 1.3, 10)...)
	}
	r.draftBanner(c)
	if len(m.Control) == 0 {
		return
	}
	ls := plain(fonts.Bold, 9.5, colorHeading)
	ls.Tag = c.parent.Add("P")
	label := r.textItems(r.m.Get("pdf.control"), ls, c, 1.4, 48)
	for _, it := range label {
		it.KeepWithNext = true
	}
	r.add(label...)
	size := 9.0
	t := &layout.Table{Style: layout.TableStyle{
		Leading: 1.35, PadX: 6, PadY: 4, Border: colorRule, BorderWidth: 0.5, HeaderFill: layout.None,
		StripeFill: colorStripe, LongCap: 9 * size, Scales: []float64{1, 0.9},
		Base: r.st.get(plain(fonts.Regular, size, colorText)),
	}}
	table := c.parent.Add("Table")
	for _, row := range m.Control {
		tr := table.Add("TR")
		th := tr.Add("TH")
		th.Scope = "Row"
		ns := plain(fonts.Bold, size, colorHeading)
		ns.Tag = th
		name := &layout.Inline{}
		r.text.add(name, row.Name, r.st.get(ns), 0, false)
		vs := plain(fonts.Regular, size, colorText)
		vs.Tag = tr.Add("TD")
		value := &layout.Inline{}
		r.text.add(value, row.Value, r.st.get(vs), 0, false)
		t.Rows = append(t.Rows, []layout.Cell{{Content: name}, {Content: value}})
	}
	items, _ := t.Items(c.x, c.w)
	if len(items) > 0 {
		items[0].SpaceBefore = 4
	}
	r.add(items...)
}

// draftBanner shows the notice of a draft in a box with a border in the
// colour of cautions, under the title.
func (r *renderer) draftBanner(c ctx) {
	notice := r.draftNotice()
	if notice == "" {
		return
	}
	fr := &layout.Frame{X: c.x, W: c.w, Fill: alertLooks[docmodel.Caution].back, Border: colorDraft, Bar: colorDraft, BarWidth: 3,
		PadTop: padQuote, PadBottom: padQuote}
	r.open(fr, spaceFigure)
	inner := c.indent(indentQuote)
	inner.w -= padQuote
	st := plain(fonts.Bold, 11, colorDraft)
	st.Tag = c.parent.Add("P")
	items := r.textItems(notice, st, inner, 1.3, 0)
	layout.Keep(items)
	r.add(items...)
	r.flow.Close(fr)
}

// textItems sets s in style st as lines in c, one item per line, the first
// space below the previous item.
func (r *renderer) textItems(s string, st layout.Style, c ctx, lead, space float64) []*layout.Item {
	var in layout.Inline
	p := r.st.get(st)
	r.text.add(&in, s, p, 0, false)
	lines := in.Lines(c.w, lead, p)
	items := make([]*layout.Item, len(lines))
	for i := range lines {
		items[i] = lines[i].Item(c.x, c.w, layout.AlignLeft)
	}
	if len(items) > 0 {
		items[0].SpaceBefore = space
	}
	return items
}

// contents lays out the table of contents: entries with dot leaders and
// page numbers, each a link to its section. On its own page, it starts a
// new page. The title is tagged as a heading, the entries as a TOC whose
// items each hold a link with the entry's text and page number.
func (r *renderer) contents(toc []tocEntry, ownPage bool) {
	c := r.bodyContext()
	title := r.m.Get("pdf.contents")
	// On its own page the contents are titled like a chapter, under the
	// document's title like a section.
	size := headingSizes[1]
	if !ownPage {
		size = headingSizes[2]
	}
	st := plain(fonts.Bold, size, colorHeading)
	st.Tag = c.parent.Add(r.headingType(r.baseLevel))
	items := r.textItems(title, st, c, leadHeading, headingSpace[2])
	if len(items) == 0 {
		return
	}
	items[0].BreakBefore = ownPage
	items[0].Ops = append(items[0].Ops, layout.Mark{Title: title, Level: 0})
	last := items[len(items)-1]
	last.Ops = append(last.Ops, layout.Path{Points: []layout.Point{{X: c.x, Y: last.H + 2}, {X: c.x + c.w, Y: last.H + 2}},
		Stroke: colorRule, Fill: layout.None, LineWidth: 0.7})
	last.H += 9
	for _, it := range items {
		it.KeepWithNext = true
	}
	r.add(items...)

	const numberW = 28
	tocElem := c.parent.Add("TOC")
	for _, e := range toc {
		link := tocElem.Add("TOCI").Add("Link")
		link.Contents = e.text
		size, face, indent, space := sizeBody, fonts.Bold, 0.0, 7.0
		if e.level > 0 {
			size, face, indent, space = sizeBody-0.5, fonts.Regular, 16.0, 2.0
		}
		es := plain(face, size, colorText)
		es.Tag = link
		est := r.st.get(es)
		var in layout.Inline
		r.text.add(&in, e.text, est, 0, false)
		w := c.w - indent - numberW
		lines := in.Lines(w, 1.35, est)
		if len(lines) == 0 {
			continue
		}
		it := &layout.Item{SpaceBefore: space}
		y := 0.0
		for i := range lines {
			it.Ops = append(it.Ops, lines[i].Ops(c.x+indent, y, w, layout.AlignLeft)...)
			y += lines[i].Height
		}
		lastLn := lines[len(lines)-1]
		base := y - lastLn.Height + lastLn.Baseline
		if from, to := c.x+indent+lastLn.Width+4, c.x+c.w-numberW+6; to > from {
			it.Ops = append(it.Ops, layout.Path{Points: []layout.Point{{X: from, Y: base}, {X: to, Y: base}},
				Stroke: colorMuted, Fill: layout.None, LineWidth: 0.7, Dash: []float64{0.7, 2.3}})
		}
		it.Ops = append(it.Ops,
			layout.PageRef{X: c.x + c.w, Y: base, Dest: e.id, Face: face, Size: size, Color: colorText, Tag: link},
			layout.Link{X: c.x + indent, Y: 0, W: c.w - indent, H: y, Dest: e.id, Tag: link})
		it.H = y
		r.add(it)
	}
}
