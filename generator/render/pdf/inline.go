package pdf

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docgen/docgen/generator/render/pdf/fonts"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// inliner converts inline Markdown nodes to styled text.
type inliner struct {
	r  *renderer
	in *layout.Inline
	// line is the Markdown line of the text being converted.
	line int
	// skipBefore drops text that starts before this source offset (the
	// marker of an alert).
	skipBefore int
	// anchors are the ids of <a id="..."> elements among the nodes.
	anchors []string
}

// inline converts the inline children of parent in the base style.
func (r *renderer) inline(parent ast.Node, base layout.Style, skipBefore int) *inliner {
	b := &inliner{r: r, in: &layout.Inline{}, line: r.line(parent), skipBefore: skipBefore}
	b.children(parent, base)
	return b
}

func (b *inliner) add(s string, st layout.Style) {
	if s == "" {
		return
	}
	b.r.text.add(b.in, s, b.r.st.get(st), b.line, false)
}

func (b *inliner) children(n ast.Node, st layout.Style) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.node(c, st)
	}
}

func (b *inliner) node(n ast.Node, st layout.Style) {
	src := b.r.src
	switch n := n.(type) {
	case *ast.Text:
		if n.Segment.Start < b.skipBefore {
			return
		}
		b.line = b.r.lines.line(n.Segment.Start)
		v := n.Value(src)
		if n.IsRaw() {
			b.add(string(v), st)
		} else {
			b.add(unescape(v), st)
		}
		switch {
		case n.HardLineBreak():
			b.in.Break()
		case n.SoftLineBreak():
			b.add(" ", st)
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			b.add(string(n.Value), st)
		} else {
			b.add(unescape(n.Value), st)
		}
	case *ast.CodeSpan:
		cs := st
		cs.Face = fonts.Mono
		cs.Size = st.Size * 0.92
		cs.Back = colorInline
		if st.URL != "" || st.Dest != "" {
			cs.Back = layout.None
		}
		var v []byte
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				v = append(v, t.Value(src)...)
			case *ast.String:
				v = append(v, t.Value...)
			}
		}
		b.add(string(bytes.ReplaceAll(v, []byte("\n"), []byte(" "))), cs)
	case *ast.Emphasis:
		es := st
		if n.Level >= 2 {
			es.Face = es.Face.WithBold(true)
		} else {
			es.Face = es.Face.WithItalic(!es.Face.IsItalic())
		}
		b.children(n, es)
	case *east.Strikethrough:
		ss := st
		ss.Strike = true
		b.children(n, ss)
	case *ast.Link:
		b.children(n, b.link(st, string(n.Destination)))
	case *ast.AutoLink:
		u := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			u = "mailto:" + u
		}
		b.add(string(n.Label(src)), b.link(st, u))
	case *ast.Image:
		// An image inside other inline content: its description stands in.
		is := st
		is.Face = is.Face.WithItalic(true)
		b.children(n, is)
	case *ast.RawHTML:
		var raw []byte
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			raw = append(raw, seg.Value(src)...)
		}
		// A tag shows nothing (<br> breaks the line, <a id> is an
		// anchor); other raw HTML, such as a CDATA section, shows what a
		// browser would.
		brk, anchor := inlineTag(string(raw))
		switch {
		case brk:
			b.in.Break()
		case anchor != "":
			b.anchors = append(b.anchors, anchor)
		default:
			text, _ := htmlText(string(raw))
			b.add(strings.Join(text, " "), st)
		}
	case *east.TaskCheckBox:
		box := "\u2610 "
		if n.IsChecked {
			box = "\u2612 "
		}
		ts := st
		ts.Face = fonts.Regular
		b.add(box, ts)
	case *east.FootnoteLink:
		fs := st
		fs.Size = st.Size * 0.7
		fs.Rise = st.Size * 0.35
		fs.Dest = "fn:" + strconv.Itoa(n.Index)
		fs.URL = ""
		fs.Color = colorLink
		fs.Anchor = "fnref" + refIndex(n.RefIndex) + ":" + strconv.Itoa(n.Index)
		b.add(strconv.Itoa(n.Index), fs)
	case *east.FootnoteBacklink:
		b.add(" ", st)
		bs := st
		bs.Face = fonts.Regular
		bs.Dest = "fnref" + refIndex(n.RefIndex) + ":" + strconv.Itoa(n.Index)
		bs.URL = ""
		bs.Color = colorLink
		b.add("\u21a9", bs)
	default:
		b.children(n, st)
	}
}

// refIndex is the suffix goldmark gives the id of the second and later
// references to a footnote.
func refIndex(i int) string {
	if i > 0 {
		return strconv.Itoa(i)
	}
	return ""
}

// link returns st as a link to dest: an anchor of the document (#id) or
// a web or mail address. Other destinations, such as relative file names,
// cannot be followed from a PDF and stay plain text.
func (b *inliner) link(st layout.Style, dest string) layout.Style {
	u, anchor := linkTarget(dest)
	switch {
	case anchor != "":
		st.Dest, st.URL = anchor, ""
		if _, ok := b.r.linkLines[anchor]; !ok {
			b.r.linkLines[anchor] = b.line
		}
	case u != "":
		st.URL, st.Dest = u, ""
	default:
		return st
	}
	st.Color = colorLink
	return st
}

// linkTarget classifies a link destination: an internal anchor (#id,
// percent-decoded) or an absolute web, mail or FTP address.
func linkTarget(dest string) (u, anchor string) {
	if strings.HasPrefix(dest, "#") {
		frag := dest[1:]
		if d, err := url.PathUnescape(frag); err == nil {
			frag = d
		}
		return "", frag
	}
	lower := strings.ToLower(dest)
	for _, scheme := range []string{"http://", "https://", "mailto:", "ftp://", "ftps://"} {
		if strings.HasPrefix(lower, scheme) && len(dest) > len(scheme) {
			return dest, ""
		}
	}
	return "", ""
}
