package docx

import (
	"github.com/docgen/docgen/generator/docmodel"
)

// tocLevels is how deep the table of contents goes: Word's \o "1-3".
const tocLevels = 3

// front writes what comes before the body: the title, the draft notice,
// the document-control block and the table of contents. With a title page
// the first three fill the first page and the table of contents the
// second. A fragment, a chapter to be inserted into a larger document,
// has only the draft notice.
func (b *builder) front(w *xw) {
	m := b.d.Meta
	if m.Fragment {
		b.draftNotice(w)
		return
	}
	if m.Title != "" {
		b.paragraph(w, para{style: sTitle}, docmodel.Plain(m.Title), runFmt{})
	}
	if b.titlePage() && m.Subject != "" {
		b.paragraph(w, para{style: sSubtitle}, docmodel.Plain(m.Subject), runFmt{})
	}
	b.draftNotice(w)
	if len(m.Control) > 0 {
		b.paragraph(w, para{style: sCaption, keepNext: true}, docmodel.Plain(b.m.Get("render.control_caption")), runFmt{})
		t := &docmodel.Table{Columns: make([]docmodel.Column, 2)}
		for _, f := range m.Control {
			t.Rows = append(t.Rows, &docmodel.Row{Cells: []*docmodel.Cell{
				{Content: docmodel.Plain(f.Name)}, {Content: docmodel.Plain(f.Value)},
			}})
		}
		b.grid(w, t, ctx{}, false)
	}
	b.toc(w)
}

// draftNotice writes the notice of a draft in a caution box: the draft
// notice, or the word DRAFT when the document has none.
func (b *builder) draftNotice(w *xw) {
	m := b.d.Meta
	if !m.Draft {
		return
	}
	text := m.DraftNotice
	if text == "" {
		text = b.m.Get("docx.draft")
	}
	b.paragraph(w, para{style: admonitionStyle(string(docmodel.Caution))}, docmodel.Plain(text), runFmt{bold: true})
}

// toc writes the table of contents as a TOC field (headings 1-3, entries
// as hyperlinks), marked dirty so that Word fills in the page numbers when
// it opens the document. The field's current result lists the headings
// without page numbers, so that readers that do not update fields still
// show a working table of contents.
func (b *builder) toc(w *xw) {
	var entries []*docmodel.Section
	for _, s := range docmodel.Sections(b.d) {
		if b.wordLevel(s) <= tocLevels && b.marks[s.Anchor].sec == s {
			entries = append(entries, s)
		}
	}
	if len(entries) == 0 {
		if b.titlePage() {
			b.pageBreak(w)
		}
		return
	}
	w.WriteString("<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>")
	b.paragraph(w, para{style: sTOCHeading, pageBreakBefore: b.titlePage()}, docmodel.Plain(b.m.Get("docx.contents")), runFmt{})
	for i, s := range entries {
		w.open("w:p")
		b.pPr(w, para{style: tocStyle(b.wordLevel(s))})
		if i == 0 {
			w.WriteString(`<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>`)
			w.WriteString(`<w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r>`)
			w.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
		}
		b.hyperlink(w, docmodel.Plain(docmodel.PlainText(s.Title)), runFmt{plainLink: true}, "w:anchor", b.marks[s.Anchor].name)
		if i == len(entries)-1 {
			w.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
		}
		w.close("w:p")
	}
	w.WriteString("</w:sdtContent></w:sdt>")
	if b.titlePage() {
		b.pageBreak(w)
	}
}

// pageBreak writes a paragraph that ends the page.
func (b *builder) pageBreak(w *xw) {
	w.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}
