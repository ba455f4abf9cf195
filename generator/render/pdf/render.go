package pdf

import (
	"strings"
	"time"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
	"github.com/docgen/docgen/generator/render/pdf/layout"
)

// startAnchor names the top of the first page: the destination of
// cross-references to a document as a whole. No section anchor can take
// it, as none holds a colon.
const startAnchor = "doc:start"

// renderer turns one document into a laid-out document.
type renderer struct {
	d *docmodel.Document
	// m is the fixed text in the document's language.
	m    *msg.Set
	opts *render.Options
	warn warnings
	st   *styles
	text textAdder

	// title is the document title.
	title string
	// baseLevel is the heading level shown at the top of the outline and
	// the table of contents.
	baseLevel int
	// root is the root of the structure tree; titled is set once the
	// title has been tagged H1, lastHeading is the level of the heading
	// tagged last (see headingType).
	root        *layout.Elem
	titled      bool
	lastHeading int
	// headingAt is the length of the flow before the last heading.
	headingAt int

	// startBody makes the next block start a new page (after the title
	// page and the table of contents).
	startBody bool
	// linkLines is the source line of the first link to each anchor, for
	// warnings about links that lead nowhere.
	linkLines map[string]int

	tpl    *layout.Template
	land   *layout.Template // see landscape
	flow   layout.Flow
	images map[string][]byte
}

func newRenderer(d *docmodel.Document, opts *render.Options) *renderer {
	r := &renderer{d: d, m: msg.For(d.Meta.Language), opts: opts, st: newStyles(), images: map[string][]byte{}, linkLines: map[string]int{}}
	r.text = textAdder{st: r.st, warn: &r.warn}
	normal := paper(opts.PageSize)
	r.tpl = template(normal[0], normal[1])
	return r
}

// document lays the document out and returns it.
func (r *renderer) document() *layout.Document {
	r.title = strings.TrimSpace(r.d.Meta.Title)
	if r.title == "" {
		r.title = r.m.Get("pdf.untitled")
	}
	r.baseLevel = r.outlineBase()
	r.root = layout.NewElem("Document")
	toc := r.tocEntries()
	c := r.bodyContext()
	if r.opts.TitlePage {
		r.titlePage()
		r.startBody = true
		if len(toc) > 0 {
			r.contents(toc, true)
			r.startBody = true
		}
	} else {
		if strings.TrimSpace(r.d.Meta.Title) != "" {
			r.titleHeading(c)
		}
		r.draftBanner(c)
		if len(toc) >= minTOCEntries {
			r.contents(toc, false)
		}
	}
	space := 0.0
	if r.flow.Len() > 0 && len(r.d.Body) > 0 && !r.startBody {
		// The title heading, the draft notice or the contents precede the
		// body on its page.
		space = spaceBefore(r.d.Body[0], c)
	}
	r.blocks(r.d.Body, c, space, false)
	r.footnotes(c)
	if r.flow.Len() == 0 {
		// An empty document still has a page.
		r.flow.Add(&layout.Item{H: 0})
	}
	if first := r.flow.ContentFrom(0); first != nil {
		first.Ops = append(first.Ops, layout.Anchor{Name: startAnchor})
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
		Structure:   r.root,
	}
}

// minTOCEntries is the number of entries from which a document without a
// title page gets a table of contents.
const minTOCEntries = 4

// outlineBase returns the smallest heading level of the body, at most 3.
func (r *renderer) outlineBase() int {
	base := 3
	for _, s := range docmodel.Sections(r.d) {
		base = min(base, s.Level)
	}
	return max(base, 1)
}

// bodyContext is the context of top-level blocks.
func (r *renderer) bodyContext() ctx {
	return ctx{x: 0, w: r.tpl.ContentWidth(), size: sizeBody, color: colorText, parent: r.root}
}

// draftNotice returns the notice a draft shows, or "" for a document that
// is no draft.
func (r *renderer) draftNotice() string {
	m := &r.d.Meta
	if !m.Draft {
		return ""
	}
	if n := strings.TrimSpace(m.DraftNotice); n != "" {
		return n
	}
	return r.m.Get("pdf.draft")
}

func (r *renderer) info() layout.Info {
	m := &r.d.Meta
	d := render.DocumentDate(m.Date)
	if d.IsZero() {
		d = time.Unix(0, 0).UTC() // PDF metadata needs a date: a fixed one
	}
	lang := strings.TrimSpace(m.Language)
	if lang == "" {
		lang = "en"
	}
	keywords := m.Keywords
	if n := r.draftNotice(); n != "" {
		keywords = append([]string{n}, keywords...)
	}
	creator := strings.TrimSpace(r.opts.Generator)
	if creator == "" {
		creator = "docgen"
	}
	return layout.Info{
		Title:    r.title,
		Subject:  m.Subject,
		Author:   m.Author,
		Keywords: strings.Join(keywords, ", "),
		Creator:  creator,
		Producer: creator, // docgen and its version: docgen both writes and converts
		Lang:     lang,
		Created:  d,
		Modified: d,
	}
}

func (r *renderer) attachments() []layout.Attachment {
	out := make([]layout.Attachment, len(r.opts.Attachments))
	for i, a := range r.opts.Attachments {
		out[i] = layout.Attachment{Name: a.Name, Description: a.Description, MediaType: a.MediaType, Data: a.Data}
	}
	return out
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
