package docx

import (
	"errors"
	"io"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// Extension is the file extension of Word documents.
const Extension = ".docx"

// renderer implements render.Renderer for Word.
type renderer struct{}

func init() { render.Register(renderer{}) }

func (renderer) Name() string      { return "docx" }
func (renderer) Extension() string { return Extension }

// Render implements render.Renderer: it writes d as a Word document.
func (renderer) Render(w io.Writer, d *docmodel.Document, opts render.Options) ([]render.Warning, error) {
	var tpl *template
	if opts.Template != "" {
		var err error
		if tpl, err = readTemplate(opts.Template); err != nil {
			return nil, err
		}
	}
	b := &builder{d: d, m: msg.For(d.Meta.Language), opts: opts, page: pageFor(opts.PageSize), pictures: map[string]picture{}}
	if err := b.setUp(tpl); err != nil {
		if tpl != nil {
			err = errors.New(msg.Format("docx.template.bad", opts.Template, err))
		}
		return nil, err
	}
	pkg, err := b.assemble(tpl)
	if err != nil {
		return nil, err
	}
	if b.esc.dropped > 0 {
		b.warns = append(b.warns, render.Warning{Message: msg.Format("docx.warn.invalid_chars", b.esc.dropped)})
	}
	if b.esc.replaced > 0 {
		b.warns = append(b.warns, render.Warning{Message: msg.Format("docx.warn.bad_utf8", b.esc.replaced)})
	}
	return b.warns, pkg.write(w, &b.esc)
}

// setUp prepares the style sheet, the list numbering, the bookmarks and
// the heading levels.
func (b *builder) setUp(tpl *template) error {
	var styles, numbering []byte
	if tpl != nil {
		styles, numbering = tpl.styles, tpl.numbering
	}
	var err error
	if b.sh, err = buildStyles(styles, b.esc.clean(b.d.Meta.Language)); err != nil {
		return err
	}
	if b.num.absBase, b.num.numBase, err = templateNumberingBase(numbering); err != nil {
		return err
	}
	b.assignBookmarks()
	top := 0
	for _, s := range docmodel.Sections(b.d) {
		if top == 0 || s.Level < top {
			top = s.Level
		}
	}
	// A fragment keeps its levels, which fit the document it goes into.
	if !b.d.Meta.Fragment {
		b.shift = max(top-1, 0)
	}
	b.notes = newXW(&b.esc)
	b.rels = &b.docRels
	return nil
}

// assemble writes every part of the document into a package.
func (b *builder) assemble(tpl *template) (*opc, error) {
	d := b.d
	b.docRels.add(relStyles, "styles.xml", false)
	b.docRels.add(relSettings, "settings.xml", false)

	doc := newXW(&b.esc)
	doc.WriteString(xmlHeader)
	doc.open("w:document", rootNS...)
	doc.open("w:body")
	b.front(doc)
	b.blocks(doc, d.Body, ctx{})

	var numberingPart []byte
	if b.num.used() || (tpl != nil && tpl.numbering != nil) {
		var tplNumbering []byte
		if tpl != nil {
			tplNumbering = tpl.numbering
		}
		var err error
		if numberingPart, err = b.num.part(tplNumbering, &b.esc); err != nil {
			return nil, errors.New(msg.Format("docx.template.bad", b.opts.Template, err))
		}
		b.docRels.add(relNumbering, "numbering.xml", false)
	}
	if b.noteID > 0 {
		b.docRels.add(relFootnotes, "footnotes.xml", false)
	}
	if tpl != nil && tpl.theme != nil {
		b.docRels.add(relTheme, "theme/theme1.xml", false)
	}
	b.sectPr(doc)
	doc.close("w:body")
	doc.close("w:document")

	pkg := &opc{}
	var root rels
	root.add(relOffice, "word/document.xml", false)
	root.add(relCore, "docProps/core.xml", false)
	root.add(relApp, "docProps/app.xml", false)
	root.add(relCustom, "docProps/custom.xml", false)
	pkg.add("_rels/.rels", "", root.xml(&b.esc))
	pkg.add("docProps/core.xml", ctCore, b.coreProps(render.DocumentDate(d.Meta.Date)))
	tplName := ""
	if tpl != nil {
		tplName = tpl.name
	}
	pkg.add("docProps/app.xml", ctApp, b.appProps(tplName))
	pkg.add("docProps/custom.xml", ctCustom, b.customProps())
	pkg.add("word/document.xml", ctDocument, doc.Bytes())
	pkg.add("word/_rels/document.xml.rels", "", b.docRels.xml(&b.esc))
	pkg.add("word/styles.xml", ctStyles, b.sh.data)
	pkg.add("word/settings.xml", ctSettings, b.settingsPart())
	if numberingPart != nil {
		pkg.add("word/numbering.xml", ctNumbering, numberingPart)
	}
	if b.noteID > 0 {
		pkg.add("word/footnotes.xml", ctFootnotes, b.footnotesPart())
		if len(b.noteRels.list) > 0 {
			pkg.add("word/_rels/footnotes.xml.rels", "", b.noteRels.xml(&b.esc))
		}
	}
	pkg.add("word/header1.xml", ctHeader, b.headerPart(1, false, b.page.text()))
	pkg.add("word/footer1.xml", ctFooter, b.footerPart(false))
	if b.titlePage() {
		pkg.add("word/header2.xml", ctHeader, b.headerPart(2, true, b.page.text()))
		pkg.add("word/footer2.xml", ctFooter, b.footerPart(true))
	}
	if b.turnedHeader {
		pkg.add("word/header3.xml", ctHeader, b.headerPart(3, false, b.page.turned().text()))
	}
	if tpl != nil {
		if tpl.theme != nil {
			pkg.add("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", tpl.theme)
		}
		for _, p := range tpl.parts {
			pkg.add(p.name, p.contentType, p.data)
		}
	}
	for _, m := range b.media {
		pkg.add(m.name, m.contentType, m.data)
	}
	return pkg, nil
}

// titlePage reports whether the document starts with a title page: when
// asked for, except in a fragment.
func (b *builder) titlePage() bool { return b.opts.TitlePage && !b.d.Meta.Fragment }
