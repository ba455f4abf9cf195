package docx

import (
	_ "embed"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// page is the page setup, in twentieths of a point.
type page struct {
	width, height            int
	top, right, bottom, left int
	header, footer           int
}

// pageFor returns the page setup of a page size: A4 unless "Letter".
func pageFor(size string) page {
	p := page{width: 11906, height: 16838, top: 1418, right: 1134, bottom: 1247, left: 1134, header: 709, footer: 624}
	if strings.EqualFold(size, "Letter") {
		p.width, p.height = 12240, 15840
	}
	return p
}

// text returns the width of the text area.
func (p page) text() int { return p.width - p.left - p.right }

// textHeight returns the height of the text area.
func (p page) textHeight() int { return p.height - p.top - p.bottom }

// rootNS are the namespace declarations of the WordprocessingML parts that
// hold text.
var rootNS = []string{"xmlns:w", nsW, "xmlns:r", nsR, "xmlns:wp", nsWP, "xmlns:a", nsA, "xmlns:pic", nsPic,
	"xmlns:v", nsV, "xmlns:o", nsO, "xmlns:w10", nsW10}

// turned returns the page setup turned to landscape.
func (p page) turned() page {
	p.width, p.height = p.height, p.width
	return p
}

// current returns the page setup of the section being written.
func (b *builder) current() page {
	if b.landscape {
		return b.page.turned()
	}
	return b.page
}

// textWidth returns the width of the text area of the section being
// written.
func (b *builder) textWidth() int { return b.current().text() }

// pictureBox returns the largest size, in EMU, a picture indented by indent
// twips may take: the text width, and most of the text height, leaving room
// for the caption below it on the same page.
func (b *builder) pictureBox(indent int) (int64, int64) {
	p := b.current()
	return int64(p.text()-indent) * emuPerTwip, int64(p.textHeight()) * 85 / 100 * emuPerTwip
}

// sectPr writes the properties of the section that ends here: its page
// size, orientation and margins, its header and footer, and, for the
// first section of a document with a title page, the empty header and
// footer of that page.
func (b *builder) sectPr(w *xw) {
	first := b.sections == 0 && b.titlePage()
	b.sections++
	p := b.current()
	header := "header1.xml"
	if b.landscape {
		header, b.turnedHeader = "header3.xml", true
	}
	w.open("w:sectPr")
	w.empty("w:headerReference", "w:type", "default", "r:id", b.docRels.add(relHeader, header, false))
	if first {
		w.empty("w:headerReference", "w:type", "first", "r:id", b.docRels.add(relHeader, "header2.xml", false))
	}
	w.empty("w:footerReference", "w:type", "default", "r:id", b.docRels.add(relFooter, "footer1.xml", false))
	if first {
		w.empty("w:footerReference", "w:type", "first", "r:id", b.docRels.add(relFooter, "footer2.xml", false))
	}
	itoa := strconv.Itoa
	size := []string{"w:w", itoa(p.width), "w:h", itoa(p.height)}
	if b.landscape {
		size = append(size, "w:orient", "landscape")
	}
	w.empty("w:pgSz", size...)
	w.empty("w:pgMar", "w:top", itoa(p.top), "w:right", itoa(p.right), "w:bottom", itoa(p.bottom), "w:left", itoa(p.left),
		"w:header", itoa(p.header), "w:footer", itoa(p.footer), "w:gutter", "0")
	if first {
		w.empty("w:titlePg")
	}
	w.close("w:sectPr")
}

// sectionBreak ends the section being written, so that what follows
// starts a new page in the other orientation.
func (b *builder) sectionBreak(w *xw) {
	w.WriteString("<w:p><w:pPr>")
	b.sectPr(w)
	w.WriteString("</w:pPr></w:p>")
	b.landscape = !b.landscape
}

//go:embed parts/watermark.xml
var watermarkXML string

// watermark writes the DRAFT watermark: large, light, diagonal text behind
// the page, as Word's own watermarks are (a VML text path in the header).
func (b *builder) watermark(w *xw, n int) {
	r := strings.NewReplacer("{{id}}", strconv.Itoa(n), "{{spid}}", strconv.Itoa(2048+n), "{{text}}", b.esc.esc(b.m.Get("docx.draft")))
	w.WriteString(strings.TrimSpace(r.Replace(watermarkXML)))
}

// headerPart returns a header: the title on the left and the document id
// and revision on the right, at width; a draft also gets its watermark and
// the word DRAFT before the title. The header of a title page (first) has
// only the watermark.
func (b *builder) headerPart(n int, first bool, width int) []byte {
	m := b.d.Meta
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("w:hdr", rootNS...)
	w.open("w:p")
	// The text on the right goes to a right tab at the margin: the tab
	// stops of the header style (docgen's or a template's) are cleared.
	var tabs []tab
	for _, pos := range b.sh.tabs[b.sh.id(sHeader)] {
		if pos != width {
			tabs = append(tabs, tab{"clear", pos})
		}
	}
	b.pPr(w, para{style: sHeader, tabs: append(tabs, tab{"right", width})})
	if m.Draft {
		b.watermark(w, n)
	}
	if !first {
		if m.Draft {
			b.run(w, runFmt{bold: true, color: "C00000"}, b.m.Get("docx.draft")+"  ")
		}
		b.run(w, runFmt{}, m.Title)
		var right string
		switch {
		case m.ID != "" && m.Revision != "":
			right = b.m.Format("docx.header.id_revision", m.ID, m.Revision)
		case m.Revision != "":
			right = b.m.Format("docx.header.revision", m.Revision)
		default:
			right = m.ID
		}
		if right != "" {
			w.WriteString("<w:r><w:tab/></w:r>")
			b.run(w, runFmt{}, right)
		}
	}
	w.close("w:p")
	w.close("w:hdr")
	return w.Bytes()
}

// Private-use characters that stand for the page fields in docx.page_of.
const pageMark, pagesMark = '\uE000', '\uE001'

// footerPart returns a footer: "Page X of Y" with PAGE and NUMPAGES
// fields, or an empty one for a title page.
func (b *builder) footerPart(first bool) []byte {
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("w:ftr", rootNS...)
	w.open("w:p")
	b.pPr(w, para{style: sFooter})
	if !first {
		s := b.m.Format("docx.page_of", string(pageMark), string(pagesMark))
		for s != "" {
			i := strings.IndexAny(s, string(pageMark)+string(pagesMark))
			if i < 0 {
				b.run(w, runFmt{}, s)
				break
			}
			b.run(w, runFmt{}, s[:i])
			r, size := utf8.DecodeRuneInString(s[i:])
			field := "PAGE"
			if r == pagesMark {
				field = "NUMPAGES"
			}
			w.WriteString(`<w:fldSimple w:instr=" ` + field + ` "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
			s = s[i+size:]
		}
	}
	w.close("w:p")
	w.close("w:ftr")
	return w.Bytes()
}

// footnotesPart returns the footnotes, after the separators Word wants.
func (b *builder) footnotesPart() []byte {
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("w:footnotes", rootNS...)
	for _, sep := range [][2]string{{"-1", "separator"}, {"0", "continuationSeparator"}} {
		w.WriteString(`<w:footnote w:type="` + sep[1] + `" w:id="` + sep[0] + `"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:` + sep[1] + `/></w:r></w:p></w:footnote>`)
	}
	w.Write(b.notes.Bytes())
	w.close("w:footnotes")
	return w.Bytes()
}

// settingsPart returns the document settings: fields are updated when
// Word opens the document (the table of contents gets its page numbers),
// and the layout is that of current Word versions.
func (b *builder) settingsPart() []byte {
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("w:settings", "xmlns:w", nsW)
	w.empty("w:zoom", "w:percent", "100")
	w.empty("w:defaultTabStop", "w:val", "709")
	w.empty("w:characterSpacingControl", "w:val", "doNotCompress")
	w.empty("w:updateFields", "w:val", "true")
	if b.noteID > 0 {
		w.WriteString(`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`)
	}
	w.WriteString(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	w.close("w:settings")
	return w.Bytes()
}

// w3cdtf formats a time for the core properties.
func w3cdtf(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// coreProps returns the core properties: title, subject, author,
// keywords, identifier, language, version (the revision), the status
// "Draft" of a draft, and the dates (left out when not known).
func (b *builder) coreProps(date time.Time) []byte {
	m := b.d.Meta
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:dcmitype", "http://purl.org/dc/dcmitype/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	opt := func(tag, v string) {
		if v != "" {
			w.elem(tag, v)
		}
	}
	opt("dc:title", m.Title)
	opt("dc:subject", m.Subject)
	opt("dc:creator", m.Author)
	keywords := m.Keywords
	if m.Draft {
		keywords = append([]string{b.m.Get("docx.draft")}, keywords...)
	}
	opt("cp:keywords", strings.Join(keywords, ", "))
	if m.Draft {
		opt("dc:description", m.DraftNotice)
		opt("cp:contentStatus", b.m.Get("docx.status_draft"))
	}
	opt("dc:identifier", m.ID)
	opt("dc:language", m.Language)
	opt("cp:version", m.Revision)
	if !date.IsZero() {
		w.elem("dcterms:created", w3cdtf(date), "xsi:type", "dcterms:W3CDTF")
		w.elem("dcterms:modified", w3cdtf(date), "xsi:type", "dcterms:W3CDTF")
	}
	w.close("cp:coreProperties")
	return w.Bytes()
}

// appProps returns the extended properties: the program, the template
// and the company (the manufacturer).
func (b *builder) appProps(template string) []byte {
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("Properties", "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	if template != "" {
		w.elem("Template", template)
	}
	app := b.opts.Generator
	if app == "" {
		app = "docgen"
	}
	w.elem("Application", app)
	w.elem("DocSecurity", "0")
	if b.d.Meta.Author != "" {
		w.elem("Company", b.d.Meta.Author)
	}
	w.close("Properties")
	return w.Bytes()
}

// customProps returns the custom properties a document-management system
// can map: document id, revision, audience, and whether the document is a
// draft, with the draft notice.
func (b *builder) customProps() []byte {
	m := b.d.Meta
	w := newXW(&b.esc)
	w.WriteString(xmlHeader)
	w.open("Properties", "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	pid := 1
	prop := func(key, typ, v string) {
		pid++
		w.open("property", "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", "pid", strconv.Itoa(pid), "name", b.m.Get(key))
		w.elem("vt:"+typ, v)
		w.close("property")
	}
	if m.ID != "" {
		prop("docx.prop.document_id", "lpwstr", m.ID)
	}
	if m.Revision != "" {
		prop("docx.prop.revision", "lpwstr", m.Revision)
	}
	if m.Audience != "" {
		prop("docx.prop.audience", "lpwstr", m.Audience)
	}
	prop("docx.prop.draft", "bool", strconv.FormatBool(m.Draft))
	if m.Draft && m.DraftNotice != "" {
		prop("docx.prop.draft_notice", "lpwstr", m.DraftNotice)
	}
	w.close("Properties")
	return w.Bytes()
}
