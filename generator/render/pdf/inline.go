package pdf

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// inliner converts inline content to styled text.
type inliner struct {
	r  *renderer
	in *layout.Inline
	// tag is the structure element the text belongs to; links become
	// Link elements inside it.
	tag *layout.Elem
	// line is the source line of the text being converted.
	line int
	// anchors are the ids of <a id="..."> elements among the content.
	anchors []string
}

// newInliner returns an inliner for text of the structure element tag,
// from source line line.
func (r *renderer) newInliner(tag *layout.Elem, line int) *inliner {
	return &inliner{r: r, in: &layout.Inline{}, tag: tag, line: line}
}

// add appends s in style st, tagged with the inliner's element unless st
// has a tag of its own (a link).
func (b *inliner) add(s string, st layout.Style) {
	if s == "" {
		return
	}
	if st.Tag == nil {
		st.Tag = b.tag
	}
	b.r.text.add(b.in, s, b.r.st.get(st), b.line, false)
}

// linkElem returns a new Link element in the inliner's element, described
// by text for readers that list links.
func (b *inliner) linkElem(text string) *layout.Elem {
	l := b.tag.Add("Link")
	l.Contents = strings.TrimSpace(text)
	return l
}

func (b *inliner) inlines(list []docmodel.Inline, st layout.Style) {
	for _, n := range list {
		b.inline(n, st)
	}
}

func (b *inliner) inline(n docmodel.Inline, st layout.Style) {
	switch n := n.(type) {
	case *docmodel.Text:
		b.add(n.Text, st)
	case *docmodel.Strong:
		ss := st
		ss.Face = ss.Face.WithBold(true)
		b.inlines(n.Content, ss)
	case *docmodel.Emphasis:
		es := st
		es.Face = es.Face.WithItalic(!es.Face.IsItalic())
		b.inlines(n.Content, es)
	case *docmodel.Strikethrough:
		ss := st
		ss.Strike = true
		b.inlines(n.Content, ss)
	case *docmodel.Code:
		cs := st
		cs.Face = fonts.Mono
		cs.Size = st.Size * 0.92
		cs.Back = colorInline
		if st.URL != "" || st.Dest != "" || st.File != "" {
			cs.Back = layout.None
		}
		b.add(strings.ReplaceAll(n.Text, "\n", " "), cs)
	case *docmodel.Link:
		ls := b.link(st, n.URL)
		text := strings.TrimPrefix(n.URL, "mailto:")
		if len(n.Content) > 0 {
			text = docmodel.PlainText(n.Content)
		}
		if ls.URL != "" || ls.Dest != "" {
			ls.Tag = b.linkElem(text)
		}
		if len(n.Content) == 0 {
			b.add(text, ls)
			return
		}
		b.inlines(n.Content, ls)
	case *docmodel.XRef:
		xs := b.xref(st, n)
		xs.Tag = b.linkElem(docmodel.PlainText(n.Content))
		b.inlines(n.Content, xs)
	case *docmodel.Image:
		// An image inside other inline content: its description stands in.
		is := st
		is.Face = is.Face.WithItalic(true)
		b.add(n.Alt, is)
	case *docmodel.LineBreak:
		b.in.Break()
	case *docmodel.RawHTML:
		// A tag shows nothing (<br> breaks the line, <a id> is an
		// anchor); other raw HTML, such as a CDATA section, shows what a
		// browser would.
		brk, anchor := inlineTag(n.Text)
		switch {
		case brk:
			b.in.Break()
		case anchor != "":
			b.anchors = append(b.anchors, anchor)
		default:
			text, _ := htmlText(n.Text)
			b.add(strings.Join(text, " "), st)
		}
	case *docmodel.FootnoteRef:
		fs := st
		fs.Size = st.Size * 0.7
		fs.Rise = st.Size * 0.35
		fs.URL, fs.File = "", ""
		if n.Index >= 1 && n.Index <= len(b.r.d.Footnotes) {
			fs.Dest = footnoteAnchor(n.Index)
			fs.Color = colorLink
			fs.Anchor = footnoteRefAnchor(n.Index)
			fs.Tag = b.linkElem(b.r.m.Format("pdf.footnote_ref", n.Index))
		}
		b.add(strconv.Itoa(n.Index), fs)
	}
}

// footnoteAnchor is the anchor of footnote i (1-based); footnoteRefAnchor
// that of the (first) reference to it.
func footnoteAnchor(i int) string    { return "fn:" + strconv.Itoa(i) }
func footnoteRefAnchor(i int) string { return "fnref:" + strconv.Itoa(i) }

// backlink adds the link from the end of a footnote back to its reference,
// the anchor dest.
func (b *inliner) backlink(dest string, st layout.Style) {
	b.add(" ", st)
	bs := st
	bs.Face = fonts.Regular
	bs.Dest, bs.URL, bs.File = dest, "", ""
	bs.Color = colorLink
	bs.Tag = b.linkElem(b.r.m.Get("pdf.footnote_back"))
	b.add("\u21a9", bs)
}

// link returns st as a link to dest: an anchor of the document (#id) or
// a web or mail address. Other destinations, such as relative file names,
// cannot be followed from a PDF and stay plain text.
func (b *inliner) link(st layout.Style, dest string) layout.Style {
	u, anchor := linkTarget(dest)
	switch {
	case anchor != "":
		return b.internal(st, anchor)
	case u != "":
		st.URL, st.Dest, st.File = u, "", ""
	default:
		return st
	}
	st.Color = colorLink
	return st
}

// xref returns st as a link to the section x refers to: in this document,
// or at the named destination of the section in the PDF of the other
// document, a file next to this one.
func (b *inliner) xref(st layout.Style, x *docmodel.XRef) layout.Style {
	anchor := decodeAnchor(x.Anchor)
	if anchor == "" {
		anchor = startAnchor
	}
	if x.Document == "" || x.Document == b.r.d.Meta.Name {
		return b.internal(st, anchor)
	}
	st.URL, st.File, st.Dest = "", x.Document+Extension, anchor
	st.Color = colorLink
	return st
}

// internal returns st as a link to an anchor of this document.
func (b *inliner) internal(st layout.Style, anchor string) layout.Style {
	st.Dest, st.URL, st.File = anchor, "", ""
	st.Color = colorLink
	if _, ok := b.r.linkLines[anchor]; !ok {
		b.r.linkLines[anchor] = b.line
	}
	return st
}

// linkTarget classifies a link destination: an internal anchor (#id,
// percent-decoded) or an absolute web, mail or FTP address.
func linkTarget(dest string) (u, anchor string) {
	if strings.HasPrefix(dest, "#") {
		return "", decodeAnchor(dest[1:])
	}
	lower := strings.ToLower(dest)
	for _, scheme := range []string{"http://", "https://", "mailto:", "ftp://", "ftps://"} {
		if strings.HasPrefix(lower, scheme) && len(dest) > len(scheme) {
			return dest, ""
		}
	}
	return "", ""
}

// decodeAnchor percent-decodes the anchor of a link, as browsers do with
// the fragment of an address.
func decodeAnchor(a string) string {
	if !strings.Contains(a, "%") {
		return a
	}
	if d, err := url.PathUnescape(a); err == nil {
		return d
	}
	return a
}
