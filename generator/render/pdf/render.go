package pdf

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/html"
	"github.com/docgen/docgen/generator/render/pdf/layout"
	"github.com/docgen/docgen/generator/stamp"
)

// renderer turns one Markdown document into a laid-out document.
type renderer struct {
	src   []byte
	lines lineIndex
	opts  *Options
	warn  warnings
	st    styles
	text  textAdder

	doc      ast.Node
	headings map[*ast.Heading]html.Heading
	// title is the document title; titleNode the level-1 heading that
	// opens the Markdown, if any.
	title     string
	titleNode *ast.Heading
	// baseLevel is the heading level shown at the top of the outline and
	// the table of contents.
	baseLevel int

	// startBody makes the next block start a new page (after the title
	// page and the table of contents).
	startBody bool
	// toc, when set, is the table of contents to place after the heading
	// tocAfter.
	toc      []tocEntry
	tocAfter *ast.Heading
	// linkLines is the line of the first link to each anchor, for
	// warnings about links that lead nowhere.
	linkLines map[string]int

	tpl    *layout.Template
	large  [2]float64
	flow   layout.Flow
	images map[string][]byte
}

func newRenderer(markdown []byte, opts *Options) *renderer {
	r := &renderer{opts: opts, st: styles{}, images: map[string][]byte{}, linkLines: map[string]int{}}
	r.text = textAdder{st: r.st, warn: &r.warn}
	src, bad := fixUTF8(markdown)
	if bad > 0 {
		r.warn.add(bad, msg.Get("pdf.warn.bad_utf8"))
	}
	r.src, r.lines = src, newLineIndex(src)
	normal, large := paper(opts.PageSize)
	r.tpl, r.large = template(normal[0], normal[1]), large
	r.doc, r.headings = parse(src)
	return r
}

// document lays the document out and returns it.
func (r *renderer) document() *layout.Document {
	r.titleNode = html.LeadingTitle(r.doc)
	r.title = strings.TrimSpace(r.opts.Title)
	if r.title == "" && r.titleNode != nil {
		r.title = r.headings[r.titleNode].Text
	}
	if r.title == "" {
		r.title = msg.Get("pdf.untitled")
	}
	r.baseLevel = r.outlineBase()
	toc := r.tocEntries()
	c := r.bodyContext()
	switch {
	case r.opts.TitlePage:
		r.titlePage()
		r.startBody = true
		if len(toc) > 0 {
			r.contents(toc, true)
			r.startBody = true
		}
		r.blocks(r.doc, c, 0)
	case len(toc) >= minTOCEntries:
		r.tocAfter, r.toc = r.titleNode, toc
		if r.titleNode == nil {
			r.contents(toc, false)
		}
		r.blocks(r.doc, c, 0)
	default:
		r.blocks(r.doc, c, 0)
	}
	if r.flow.Len() == 0 {
		// An empty document still has a page.
		r.flow.Add(&layout.Item{H: 0})
	}
	pages := layout.Paginate(&r.flow, r.tpl)
	r.chrome(pages)
	for _, name := range layout.ResolveRefs(pages) {
		r.warn.add(r.linkLines[name], msg.Format("pdf.warn.link_target", name))
	}
	normalizeMarks(pages)
	return &layout.Document{
		Pages:       pages,
		Info:        r.info(),
		Images:      r.images,
		Attachments: r.attachments(),
	}
}

// minTOCEntries is the number of entries from which a document without a
// title page gets a table of contents.
const minTOCEntries = 4

// outlineBase returns the smallest heading level of the body (the title
// heading aside), at most 3.
func (r *renderer) outlineBase() int {
	base := 3
	for h := range r.headings {
		if h != r.titleNode && h.Level < base {
			base = h.Level
		}
	}
	return max(base, 1)
}

// bodyContext is the context of top-level blocks.
func (r *renderer) bodyContext() ctx {
	return ctx{x: 0, w: r.tpl.ContentWidth(), size: sizeBody, color: colorText}
}

func (r *renderer) info() layout.Info {
	d := stamp.Date(r.opts.Date)
	lang := r.opts.Lang
	if lang == "" {
		lang = "en"
	}
	return layout.Info{
		Title:    r.title,
		Subject:  r.opts.Subject,
		Author:   r.opts.Author,
		Keywords: strings.Join(r.opts.Keywords, ", "),
		Creator:  "docgen",
		Producer: "docgen",
		Lang:     lang,
		Created:  d,
		Modified: d,
	}
}

func (r *renderer) attachments() []layout.Attachment {
	out := make([]layout.Attachment, len(r.opts.Attachments))
	for i, a := range r.opts.Attachments {
		out[i] = layout.Attachment{Name: a.Name, Description: a.Description, Data: a.Data}
	}
	return out
}

// line returns the Markdown line of a node: its first line of source, or
// that of its first descendant that has one.
func (r *renderer) line(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return r.lines.line(n.Lines().At(0).Start)
		}
		if t, ok := n.(*ast.Text); ok {
			return r.lines.line(t.Segment.Start)
		}
	}
	return 0
}

// normalizeMarks makes outline levels step down one at a time, as PDF
// outlines nest: a level-2 entry after a level-0 one becomes level 1.
func normalizeMarks(pages []*layout.Page) {
	prev := -1
	for _, p := range pages {
		for i, op := range p.Ops {
			if m, ok := op.(layout.Mark); ok {
				if m.Level > prev+1 {
					m.Level = prev + 1
				}
				if m.Level < 0 {
					m.Level = 0
				}
				prev = m.Level
				p.Ops[i] = m
			}
		}
	}
}
