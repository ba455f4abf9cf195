package html

import (
	"bufio"
	"bytes"
	"errors"
	stdhtml "html"
	"html/template"
	"io"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/docgen/docgen/generator/msg"
)

// Options controls the page around the rendered Markdown. The zero value is
// usable: the title then comes from the document's level-1 heading.
type Options struct {
	// Title is the text of <title> and of the page header. When empty, the
	// level-1 heading that opens the Markdown is used.
	Title string
	// Lang is the language of the page (<html lang>); "en" when empty.
	Lang string
	// Meta holds the rows of the document-control table shown in the header,
	// in order: device, model, manufacturer, document id, revision, date.
	Meta []MetaItem
	// InlineImages maps image destinations, exactly as written in the
	// Markdown (such as "network-diagram.svg"), to SVG documents that replace
	// the image in the page. The SVG is trusted and copied verbatim from its
	// <svg> element on; it should not use ids that headings could also get.
	// Render only reads the map.
	InlineImages map[string][]byte
	// Generator is the content of <meta name="generator">, such as
	// "docgen 1.0"; the element is left out when empty.
	Generator string
}

// MetaItem is one row of the document-control table: a field name and its
// value, both plain text.
type MetaItem struct {
	Name  string
	Value string
}

// Heading is a heading of a Markdown document as the page renders it.
type Heading struct {
	// Level is 1 for #, 2 for ## and so on.
	Level int
	// Text is the heading's plain text, without markup or anchor.
	Text string
	// ID is the heading's unique id in the page, the target of #ID links.
	ID string
}

// Render writes the standalone HTML page for markdown to w. It fails only if
// markdown is not valid UTF-8, an inline image holds no SVG, or w fails.
func Render(w io.Writer, markdown []byte, opts Options) error {
	if err := checkUTF8(markdown); err != nil {
		return err
	}
	doc, source, md := parse(markdown, opts)

	data := pageData{
		Lang:        opts.Lang,
		Title:       opts.Title,
		Generator:   opts.Generator,
		Meta:        opts.Meta,
		MetaCaption: msg.Get("html.meta_caption"),
		TOCTitle:    msg.Get("html.toc_title"),
		TOCID:       tocID,
	}
	if data.Lang == "" {
		data.Lang = "en"
	}
	if h := LeadingTitle(doc); h != nil {
		data.TitleID = headingID(h)
		if data.Title == "" {
			data.Title = plainText(h, source)
		}
		doc.RemoveChild(doc, h)
	}
	if data.Title == "" {
		data.Title = msg.Get("html.untitled")
	}
	data.TOC = buildTOC(collectHeadings(doc, source))

	var body bytes.Buffer
	if err := md.Renderer().Render(&body, source, doc); err != nil {
		return err
	}
	data.Body = template.HTML(body.String())
	return writePage(w, &data)
}

// Headings returns the headings of markdown in document order, with the ids
// that [Render] gives them. It fails only if markdown is not valid UTF-8.
func Headings(markdown []byte) ([]Heading, error) {
	if err := checkUTF8(markdown); err != nil {
		return nil, err
	}
	doc, source, _ := parse(markdown, Options{})
	return collectHeadings(doc, source), nil
}

func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	off := 0
	for off < len(b) {
		r, size := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return errors.New(msg.Format("html.bad_utf8", off))
}

// LeadingTitle returns the level-1 heading that opens doc, if any; raw HTML
// blocks before it (such as a "generated file" comment) do not count. The
// HTML page shows it in its header and the PDF renderer on its title page,
// so both formats agree on what a document's title is.
func LeadingTitle(doc ast.Node) *ast.Heading {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.HTMLBlock:
			continue
		case *ast.Heading:
			if n.Level == 1 {
				return n
			}
		}
		return nil
	}
	return nil
}

// collectHeadings lists the headings under root in document order.
func collectHeadings(root ast.Node, source []byte) []Heading {
	var out []Heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			out = append(out, Heading{Level: h.Level, Text: plainText(h, source), ID: headingID(h)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// headingID returns the id the transformer gave h.
func headingID(h *ast.Heading) string {
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// tocItem is an entry of the table of contents: an h2 with its h3s, or an h3
// that comes before the first h2.
type tocItem struct {
	Text, ID string
	Children []tocItem
}

func buildTOC(hs []Heading) []tocItem {
	var toc []tocItem
	sawH2 := false
	for _, h := range hs {
		item := tocItem{Text: h.Text, ID: h.ID}
		switch {
		case h.Level == 2:
			toc = append(toc, item)
			sawH2 = true
		case h.Level == 3 && sawH2:
			last := &toc[len(toc)-1]
			last.Children = append(last.Children, item)
		case h.Level == 3:
			toc = append(toc, item)
		}
	}
	return toc
}

// plainText returns the text of n's inline content as a reader sees it:
// escapes and entities resolved, markup and raw HTML left out.
func plainText(n ast.Node, source []byte) string {
	var b bytes.Buffer
	writePlain(&b, n, source)
	return string(bytes.TrimSpace(b.Bytes()))
}

func writePlain(b *bytes.Buffer, n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(unescape(c.Value(source)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				b.Write(unescape(c.Value))
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(bytes.ReplaceAll(t.Value(source), []byte("\n"), []byte(" ")))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(source))
		case *ast.RawHTML:
		default:
			writePlain(b, c, source)
		}
	}
}

// unescape resolves backslash escapes and character references exactly as
// goldmark does for text: it writes v as HTML and decodes the result.
func unescape(v []byte) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return []byte(stdhtml.UnescapeString(b.String()))
}
