package docx

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// builder writes one document's parts.
type builder struct {
	d *docmodel.Document
	// m is the fixed text in the document's language.
	m    *msg.Set
	opts render.Options
	esc  escaper
	// warns are the warnings so far.
	warns []render.Warning
	sh    *sheet
	page  page
	// docRels are the relationships of word/document.xml, noteRels those
	// of the footnotes; rels is the one of the part being written.
	docRels, noteRels rels
	rels              *rels
	num               numbering
	// marks maps each section's anchor to its bookmark.
	marks map[string]bookmark
	// notes holds the footnotes written so far; noteID is the last id.
	notes  *xw
	noteID int
	// noteRef is set while the first paragraph of a footnote is due: it
	// starts with the footnote's number.
	noteRef bool
	inNote  bool
	// media are the image parts, pictures the images by source, drawings
	// counts the drawings.
	media    []part
	pictures map[string]picture
	drawings int
	// landscape is set while a section of landscape pages is written;
	// sections counts the sections written, and turnedHeader records that
	// the landscape header is in use.
	landscape    bool
	sections     int
	turnedHeader bool
	// shift is subtracted from section levels, so that the top sections
	// are Word's heading 1.
	shift int
	// line is the source line of the block being written, for warnings.
	line int
}

// ctx is where blocks are written.
type ctx struct {
	// style is the paragraph style of plain paragraphs ("" for Normal).
	style string
	// indent is the left indentation of the blocks of a list item.
	indent int
	// depth is the nesting depth of lists.
	depth int
	// box is set inside an admonition, whose paragraphs must keep the
	// box's indentation to stay in one box.
	box bool
}

// boxIndent is the left indentation of the admonition styles in
// parts/styles.xml.
const boxIndent = 170

// warn records a warning about the block being written.
func (b *builder) warn(key string, args ...any) {
	b.warns = append(b.warns, render.Warning{Line: b.line, Message: msg.Format(key, args...)})
}

// para is a paragraph's properties.
type para struct {
	style           string
	keepNext        bool
	pageBreakBefore bool
	numID, ilvl     int
	tabs            []tab
	indent          int
	// flat sets the indentation to indent with no hanging indentation
	// (list items inside an admonition box).
	flat bool
	jc   string
}

// tab is a tab stop: its kind ("left", "right") and position.
type tab struct {
	kind string
	pos  int
}

// pPr writes paragraph properties, in the order CT_PPr wants them.
func (b *builder) pPr(w *xw, p para) {
	if p.style == "" && !p.keepNext && !p.pageBreakBefore && p.numID == 0 && len(p.tabs) == 0 && p.indent == 0 && !p.flat && p.jc == "" {
		return
	}
	w.open("w:pPr")
	if p.style != "" && p.style != sNormal {
		w.empty("w:pStyle", "w:val", b.sh.id(p.style))
	}
	if p.keepNext {
		w.empty("w:keepNext")
	}
	if p.pageBreakBefore {
		w.empty("w:pageBreakBefore")
	}
	if p.numID != 0 {
		w.open("w:numPr")
		w.empty("w:ilvl", "w:val", strconv.Itoa(p.ilvl))
		w.empty("w:numId", "w:val", strconv.Itoa(p.numID))
		w.close("w:numPr")
	}
	if len(p.tabs) > 0 {
		w.open("w:tabs")
		for _, t := range p.tabs {
			w.empty("w:tab", "w:val", t.kind, "w:pos", strconv.Itoa(t.pos))
		}
		w.close("w:tabs")
	}
	switch {
	case p.flat:
		w.empty("w:ind", "w:left", strconv.Itoa(p.indent), "w:hanging", "0")
	case p.indent > 0:
		w.empty("w:ind", "w:left", strconv.Itoa(p.indent))
	}
	if p.jc != "" {
		w.empty("w:jc", "w:val", p.jc)
	}
	w.close("w:pPr")
}

// paragraph writes a paragraph of inline content.
func (b *builder) paragraph(w *xw, p para, content []docmodel.Inline, f runFmt) {
	w.open("w:p")
	b.pPr(w, p)
	b.footnoteNumber(w)
	b.inlines(w, content, f)
	w.close("w:p")
}

// plain returns the properties of a plain paragraph in c. Paragraphs that
// continue a list item are list paragraphs, so that readers see them as
// part of the list rather than as quotes.
func (c ctx) plain() para {
	style := c.style
	if style == "" && c.indent > 0 {
		style = sListParagraph
	}
	return para{style: style, indent: c.indent}
}

// wordLevel returns the Word heading level of a section.
func (b *builder) wordLevel(s *docmodel.Section) int {
	return min(max(s.Level-b.shift, 1), 6)
}

// blocks writes blocks. A paragraph that introduces a table, list, figure
// or code block stays on the page of what it introduces.
func (b *builder) blocks(w *xw, blocks []docmodel.Block, c ctx) {
	for i, bl := range blocks {
		if p, ok := bl.(*docmodel.Paragraph); ok && i+1 < len(blocks) && introduced(blocks[i+1]) {
			if line := p.Source.Line; line > 0 {
				b.line = line
			}
			lead := c.plain()
			lead.keepNext = true
			b.paragraph(w, lead, p.Content, runFmt{})
			continue
		}
		b.block(w, bl, c)
	}
}

// introduced reports whether a block is one a paragraph before it
// introduces.
func introduced(bl docmodel.Block) bool {
	switch bl.(type) {
	case *docmodel.Table, *docmodel.List, *docmodel.Figure, *docmodel.CodeBlock:
		return true
	}
	return false
}

func (b *builder) block(w *xw, bl docmodel.Block, c ctx) {
	if line := bl.Provenance().Line; line > 0 {
		b.line = line
	}
	switch x := bl.(type) {
	case *docmodel.Section:
		if wide := b.needsLandscape(x); wide != b.landscape && c == (ctx{}) && !b.inNote {
			b.sectionBreak(w)
		}
		b.heading(w, x)
		b.blocks(w, x.Blocks, c)
	case *docmodel.Paragraph:
		b.paragraph(w, c.plain(), x.Content, runFmt{})
	case *docmodel.List:
		b.list(w, x, c)
	case *docmodel.Table:
		b.table(w, x, c)
	case *docmodel.Figure:
		b.figure(w, x, c)
	case *docmodel.Admonition:
		b.admonition(w, x, c)
	case *docmodel.Quote:
		inner := c
		inner.style = sQuote
		b.blocks(w, x.Blocks, inner)
	case *docmodel.CodeBlock:
		b.code(w, x.Text, c)
	case *docmodel.ThematicBreak:
		w.open("w:p")
		b.pPr(w, para{style: sRule, indent: c.indent})
		w.close("w:p")
	case *docmodel.HTMLBlock:
		b.warn("docx.warn.html_left_out")
	case *docmodel.DefinitionList:
		for _, it := range x.Items {
			b.paragraph(w, para{style: sDefTerm, indent: c.indent}, it.Term, runFmt{})
			inner := c
			inner.style = sDefinition
			for _, desc := range it.Descriptions {
				b.blocks(w, desc, inner)
			}
		}
	}
}

// needsLandscape reports whether a section's own content (its
// subsections aside) has a table too wide for a portrait page even in
// small type; such sections are set on landscape pages.
func (b *builder) needsLandscape(s *docmodel.Section) bool {
	wide := false
	docmodel.Walk(s.Blocks, func(bl docmodel.Block) bool {
		switch x := bl.(type) {
		case *docmodel.Section:
			return false
		case *docmodel.Table:
			if _, fits := columnWidths(x, b.page.text(), smallTextSize); !fits && len(x.Columns) > 0 {
				wide = true
			}
		}
		return true
	})
	return wide
}

// heading writes a section heading with the bookmark of its anchor.
func (b *builder) heading(w *xw, s *docmodel.Section) {
	w.open("w:p")
	b.pPr(w, para{style: headingStyle(b.wordLevel(s))})
	m, ok := b.marks[s.Anchor]
	ok = ok && m.sec == s
	id, name := strconv.Itoa(m.id), m.name
	if ok {
		w.empty("w:bookmarkStart", "w:id", id, "w:name", name)
	}
	b.inlines(w, s.Title, runFmt{})
	if ok {
		w.empty("w:bookmarkEnd", "w:id", id)
	}
	w.close("w:p")
}

// list writes a list: each item's first paragraph carries the number or
// bullet; the item's other blocks are indented to its text.
func (b *builder) list(w *xw, l *docmodel.List, c ctx) {
	level := min(c.depth, listLevels-1)
	var numID int
	if l.Ordered {
		numID = b.num.newOrdered(level, l.Start)
	} else {
		numID = b.num.bullet()
	}
	style := c.style
	if style == "" {
		style = sListParagraph
	}
	inner := ctx{style: c.style, indent: levelIndent(level), depth: c.depth + 1}
	item := para{style: style, ilvl: level}
	if c.box {
		// The items keep the box's indentation, with the bullet or number
		// where the box's text starts, so that Word draws one box.
		item.indent, item.flat, inner.indent, inner.box = boxIndent, true, boxIndent, true
		item.tabs = []tab{{"left", boxIndent + listHanging}}
	}
	for _, it := range l.Items {
		if it.Source.Line > 0 {
			b.line = it.Source.Line
		}
		var content []docmodel.Inline
		switch it.Task {
		case docmodel.TaskOpen:
			content = docmodel.Plain("☐ ")
		case docmodel.TaskDone:
			content = docmodel.Plain("☒ ")
		}
		rest := it.Blocks
		if len(rest) > 0 {
			if p, ok := rest[0].(*docmodel.Paragraph); ok {
				content = append(content, p.Content...)
				rest = rest[1:]
			}
		}
		item.numID = numID
		b.paragraph(w, item, content, runFmt{})
		b.blocks(w, rest, inner)
	}
}

// admonition writes a call-out: its title and blocks in the paragraph
// style of its kind, which Word draws as one shaded and bordered box.
func (b *builder) admonition(w *xw, a *docmodel.Admonition, c ctx) {
	style := admonitionStyle(string(a.Kind))
	title := a.Title
	if len(title) == 0 {
		key := "docx.admonition." + string(a.Kind)
		if !b.m.Has(key) {
			key = "docx.admonition.note"
		}
		title = docmodel.Plain(b.m.Get(key))
	}
	b.paragraph(w, para{style: style, keepNext: len(a.Blocks) > 0, indent: c.indent}, title, runFmt{bold: true})
	inner := c
	inner.style, inner.box = style, true
	b.blocks(w, a.Blocks, inner)
}

// code writes a code block as one paragraph, its lines separated by line
// breaks.
func (b *builder) code(w *xw, text string, c ctx) {
	w.open("w:p")
	b.pPr(w, para{style: sSourceCode, indent: c.indent})
	b.footnoteNumber(w)
	text = strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			w.WriteString("<w:r><w:br/></w:r>")
		}
		b.run(w, runFmt{}, line)
	}
	w.close("w:p")
}
