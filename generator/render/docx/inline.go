package docx

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
)

// runFmt is the formatting of a run of text.
type runFmt struct {
	bold, italic, strike bool
	// style is the character style, "" for none.
	style string
	// color is a direct text colour such as "C00000", "" for none.
	color string
	// size is a direct text size in half-points, 0 for the style's.
	size int
	// link is set inside a hyperlink, which cannot hold another.
	link bool
	// plainLink keeps a hyperlink in the look of the text around it (the
	// entries of the table of contents).
	plainLink bool
}

// rPr writes run properties, in the order CT_RPr wants them.
func (b *builder) rPr(w *xw, f runFmt) {
	if f.style == "" && !f.bold && !f.italic && !f.strike && f.color == "" && f.size == 0 {
		return
	}
	w.open("w:rPr")
	if f.style != "" {
		w.empty("w:rStyle", "w:val", b.sh.id(f.style))
	}
	if f.bold {
		w.WriteString("<w:b/><w:bCs/>")
	}
	if f.italic {
		w.WriteString("<w:i/><w:iCs/>")
	}
	if f.strike {
		w.empty("w:strike")
	}
	if f.color != "" {
		w.empty("w:color", "w:val", f.color)
	}
	if f.size != 0 {
		sz := strconv.Itoa(f.size)
		w.empty("w:sz", "w:val", sz)
		w.empty("w:szCs", "w:val", sz)
	}
	w.close("w:rPr")
}

// lineBreaks turns line breaks inside text into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// run writes text as a run: tabs as tab characters, line breaks inside the
// text (soft breaks of Markdown) as spaces.
func (b *builder) run(w *xw, f runFmt, s string) {
	if s == "" {
		return
	}
	s = lineBreaks.Replace(s)
	w.open("w:r")
	b.rPr(w, f)
	for i, piece := range strings.Split(s, "\t") {
		if i > 0 {
			w.empty("w:tab")
		}
		if piece == "" {
			continue
		}
		if strings.HasPrefix(piece, " ") || strings.HasSuffix(piece, " ") || strings.Contains(piece, "  ") {
			w.elem("w:t", piece, "xml:space", "preserve")
		} else {
			w.elem("w:t", piece)
		}
	}
	w.close("w:r")
}

// inlines writes inline content as runs, hyperlinks and footnote
// references.
func (b *builder) inlines(w *xw, content []docmodel.Inline, f runFmt) {
	for _, in := range content {
		switch x := in.(type) {
		case *docmodel.Text:
			b.run(w, f, x.Text)
		case *docmodel.Strong:
			g := f
			g.bold = true
			b.inlines(w, x.Content, g)
		case *docmodel.Emphasis:
			g := f
			g.italic = true
			b.inlines(w, x.Content, g)
		case *docmodel.Strikethrough:
			g := f
			g.strike = true
			b.inlines(w, x.Content, g)
		case *docmodel.Code:
			g := f
			if !f.link {
				g.style = sVerbatim
			}
			b.run(w, g, x.Text)
		case *docmodel.Link:
			b.link(w, x, f)
		case *docmodel.XRef:
			b.xref(w, x, f)
		case *docmodel.Image:
			b.inlineImage(w, x, f)
		case *docmodel.LineBreak:
			w.WriteString("<w:r><w:br/></w:r>")
		case *docmodel.RawHTML:
			b.warn("docx.warn.html_left_out")
		case *docmodel.FootnoteRef:
			b.footnoteRef(w, x.Index)
		}
	}
}

// linkSchemes are the URL schemes links may have; links without a scheme
// are relative to the document.
var linkSchemes = []string{"http", "https", "mailto", "ftp"}

// linkTarget returns the address of a link as a relationship target, or
// false when the link is not kept: an address that is not a URL, or one
// of another scheme (javascript:, file:).
func linkTarget(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.String() == "" {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	for _, s := range linkSchemes {
		if scheme == s {
			return u.String(), true
		}
	}
	return u.String(), scheme == "" && u.Host == ""
}

// hyperlink writes content inside a w:hyperlink with the attributes kv.
func (b *builder) hyperlink(w *xw, content []docmodel.Inline, f runFmt, kv ...string) {
	w.open("w:hyperlink", append(kv, "w:history", "1")...)
	g := f
	g.link = true
	if !f.plainLink {
		g.style = sHyperlink
	}
	b.inlines(w, content, g)
	w.close("w:hyperlink")
}

// link writes a link to an address outside the document set.
func (b *builder) link(w *xw, l *docmodel.Link, f runFmt) {
	content := l.Content
	if len(content) == 0 {
		content = docmodel.Plain(strings.TrimPrefix(l.URL, "mailto:"))
	}
	if f.link {
		b.inlines(w, content, f)
		return
	}
	if anchor, ok := strings.CutPrefix(l.URL, "#"); ok {
		b.xref(w, &docmodel.XRef{Anchor: anchor, Content: content}, f)
		return
	}
	target, ok := linkTarget(l.URL)
	if !ok {
		b.warn("docx.warn.link_scheme", l.URL)
		b.inlines(w, content, f)
		return
	}
	kv := []string{"r:id", b.rels.add(relHyperlink, target, true)}
	if l.Title != "" {
		kv = append(kv, "w:tooltip", l.Title)
	}
	b.hyperlink(w, content, f, kv...)
}

// xref writes a cross-reference: to a bookmark of this document, or to
// another generated document, "<name>.docx", at the bookmark of the
// section (Word goes there; other readers open the document).
func (b *builder) xref(w *xw, x *docmodel.XRef, f runFmt) {
	content := x.Content
	if len(content) == 0 {
		content = docmodel.Plain(x.Anchor)
	}
	if f.link {
		b.inlines(w, content, f)
		return
	}
	if x.Document != "" && x.Document != b.d.Meta.Name {
		kv := []string{"r:id", b.rels.add(relHyperlink, url.PathEscape(x.Document)+Extension, true)}
		if x.Anchor != "" {
			kv = append(kv, "w:anchor", bookmarkName(x.Anchor))
		}
		b.hyperlink(w, content, f, kv...)
		return
	}
	if x.Anchor == "" {
		b.hyperlink(w, content, f, "w:anchor", "_top")
		return
	}
	m, ok := b.marks[x.Anchor]
	if !ok {
		b.warn("docx.warn.link_target", x.Anchor)
		b.inlines(w, content, f)
		return
	}
	b.hyperlink(w, content, f, "w:anchor", m.name)
}

// footnoteRef writes a reference to footnote index (from 1) and the
// footnote itself. Word footnotes have one reference each, so a footnote
// referred to twice is written twice.
func (b *builder) footnoteRef(w *xw, index int) {
	if index < 1 || index > len(b.d.Footnotes) {
		b.warn("docx.warn.footnote", index)
		return
	}
	if b.inNote {
		b.run(w, runFmt{style: sFootnoteRef}, strconv.Itoa(index))
		return
	}
	b.noteID++
	id := strconv.Itoa(b.noteID)
	w.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + b.esc.esc(b.sh.id(sFootnoteRef)) + `"/></w:rPr><w:footnoteReference w:id="` + id + `"/></w:r>`)

	fn := b.d.Footnotes[index-1]
	savedRels, savedLine := b.rels, b.line
	b.rels, b.inNote, b.noteRef = &b.noteRels, true, true
	if fn.Source.Line > 0 {
		b.line = fn.Source.Line
	}
	b.notes.WriteByte('\n')
	b.notes.open("w:footnote", "w:id", id)
	b.blocks(b.notes, fn.Blocks, ctx{style: sFootnoteText})
	if b.noteRef {
		b.paragraph(b.notes, para{style: sFootnoteText}, nil, runFmt{})
	}
	b.notes.close("w:footnote")
	b.rels, b.inNote, b.line = savedRels, false, savedLine
}

// footnoteNumber writes the footnote's own number at the start of its
// first paragraph.
func (b *builder) footnoteNumber(w *xw) {
	if !b.noteRef {
		return
	}
	b.noteRef = false
	w.WriteString(`<w:r><w:rPr><w:rStyle w:val="` + b.esc.esc(b.sh.id(sFootnoteRef)) + `"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`)
}
