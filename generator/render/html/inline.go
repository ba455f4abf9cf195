package html

import (
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
)

// inlines writes inline content.
func (w *writer) inlines(content []docmodel.Inline) {
	for _, in := range content {
		switch in := in.(type) {
		case *docmodel.Text:
			w.text(in.Text)
		case *docmodel.Strong:
			w.wrap("strong", in.Content)
		case *docmodel.Emphasis:
			w.wrap("em", in.Content)
		case *docmodel.Strikethrough:
			w.wrap("del", in.Content)
		case *docmodel.Code:
			w.s("<code>")
			w.text(in.Text)
			w.s("</code>")
		case *docmodel.Link:
			w.link(in)
		case *docmodel.XRef:
			w.xref(in)
		case *docmodel.Image:
			w.image(in)
		case *docmodel.LineBreak:
			w.s("<br>\n")
		case *docmodel.RawHTML:
			w.s(rawOmitted)
		case *docmodel.FootnoteRef:
			w.footnoteRef(in.Index)
		}
	}
}

func (w *writer) wrap(tag string, content []docmodel.Inline) {
	w.s("<" + tag + ">")
	w.inlines(content)
	w.s("</" + tag + ">")
}

// link writes a link to an address outside the document set. A link that
// shows its own address gets the class "url", so that printing does not
// repeat the address after it.
func (w *writer) link(l *docmodel.Link) {
	shown := strings.TrimPrefix(l.URL, "mailto:")
	if w.inLink {
		w.linkText(l.Content, shown)
		return
	}
	w.s("<a")
	w.href(l.URL)
	if l.Title != "" {
		w.attr("title", l.Title)
	}
	text := docmodel.PlainText(l.Content)
	if len(l.Content) == 0 || text == l.URL || text == shown {
		w.s(` class="url"`)
	}
	w.s(">")
	w.linkText(l.Content, shown)
	w.s("</a>")
}

// linkText writes the text of a link: its content, or alt when it has
// none.
func (w *writer) linkText(content []docmodel.Inline, alt string) {
	if len(content) == 0 {
		w.text(alt)
		return
	}
	outer := w.inLink
	w.inLink = true
	w.inlines(content)
	w.inLink = outer
}

// xref writes a cross-reference: to a section of this page (#anchor), or
// to another generated document's page (name.html#anchor). A reference
// without a text of its own shows the title of the section it refers to
// when that is in this document, else the address.
func (w *writer) xref(x *docmodel.XRef) {
	target := xrefTarget(x)
	alt := target
	if t := w.titles[x.Anchor]; x.Document == "" && t != "" {
		alt = t
	}
	if w.inLink {
		w.linkText(x.Content, alt)
		return
	}
	w.s("<a")
	w.href(target)
	w.s(">")
	w.linkText(x.Content, alt)
	w.s("</a>")
}

// xrefTarget returns the address of a cross-reference's target.
func xrefTarget(x *docmodel.XRef) string {
	if x.Document == "" {
		return "#" + x.Anchor
	}
	target := x.Document + Extension
	if x.Anchor != "" {
		target += "#" + x.Anchor
	}
	return target
}

// footnoteRef writes a reference to footnote n (from 1), or the number
// alone when the document has no such footnote or the reference is inside
// a link.
func (w *writer) footnoteRef(n int) {
	num := strconv.Itoa(n)
	if n < 1 || n > w.notes || w.inLink {
		w.s("<sup>" + num + "</sup>")
		return
	}
	k := w.refs[n]
	w.refs[n]++
	w.s(`<sup id="` + refID(n, k) + `"><a href="#fn:` + num + `" class="footnote-ref"`)
	w.attr("title", w.m.Format("html.footnote.link", n))
	w.s(` role="doc-noteref">` + num + "</a></sup>")
}
