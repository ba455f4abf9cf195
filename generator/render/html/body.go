package html

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// writer writes the body of a page: the blocks of a document and its
// footnotes. Every text goes through writeEscaped and every URL through
// safeURL; nothing from the document reaches the page as markup.
type writer struct {
	// m is the fixed text in the document's language.
	m      *msg.Set
	b      bytes.Buffer
	assets map[string]render.Asset
	// titles maps section anchors to their titles, for cross-references
	// without a text of their own.
	titles map[string]string
	// tokens is set while a table cell is written whose tokens are each
	// kept whole (see cellClass).
	tokens bool
	// inLink is set while the text of a link is written: a link inside it
	// is written as its text, as links do not nest.
	inLink bool
	// notes is the number of footnotes; refs counts the references written
	// to each, so that every reference gets its own id and back link.
	notes int
	refs  []int
	// inNotes is set while the footnotes are written: their sections get no
	// id, as docmodel.AssignAnchors gives them no unique anchor.
	inNotes bool
	// descriptions counts the figure descriptions written, for their ids.
	descriptions int
	// err is the first error met (an image asset that is not an image).
	err error
}

func newWriter(d *docmodel.Document, assets map[string]render.Asset) *writer {
	w := &writer{m: msg.For(d.Meta.Language), assets: assets, titles: map[string]string{}, notes: len(d.Footnotes), refs: make([]int, len(d.Footnotes)+1)}
	for _, s := range docmodel.Sections(d) {
		if _, dup := w.titles[s.Anchor]; !dup && s.Anchor != "" {
			w.titles[s.Anchor] = docmodel.PlainText(s.Title)
		}
	}
	return w
}

// s writes markup.
func (w *writer) s(s string) { w.b.WriteString(s) }

// text writes s as escaped text; while tokens is set, every run of
// characters other than white space that a browser could break (at a
// hyphen, a dash or a slash) goes into a <span class="token">.
func (w *writer) text(s string) {
	if !w.tokens {
		writeEscaped(&w.b, s)
		return
	}
	for s != "" {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			i = len(s)
		}
		if tok := s[:i]; strings.ContainsAny(tok, breakable) {
			w.s(`<span class="token">`)
			writeEscaped(&w.b, tok)
			w.s("</span>")
		} else {
			writeEscaped(&w.b, tok)
		}
		s = s[i:]
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if j < 0 {
			j = len(s)
		}
		writeEscaped(&w.b, s[:j])
		s = s[j:]
	}
}

// attr writes the attribute name="v", v escaped.
func (w *writer) attr(name, v string) {
	w.s(" " + name + `="`)
	writeEscaped(&w.b, v)
	w.s(`"`)
}

// breakable are the characters inside a word after which browsers may
// break a line: hyphens, dashes and the slash.
const breakable = "-/\u2010\u2013\u2014"

// fail records err if it is the first error.
func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// blocks writes blocks, each ending with a newline.
func (w *writer) blocks(bs []docmodel.Block) {
	for _, b := range bs {
		w.block(b)
	}
}

func (w *writer) block(b docmodel.Block) {
	switch b := b.(type) {
	case *docmodel.Section:
		w.section(b)
	case *docmodel.Paragraph:
		w.s("<p>")
		w.inlines(b.Content)
		w.s("</p>\n")
	case *docmodel.List:
		w.list(b)
	case *docmodel.Table:
		w.table(b)
	case *docmodel.Figure:
		w.figure(b)
	case *docmodel.Admonition:
		w.admonition(b)
	case *docmodel.Quote:
		w.s("<blockquote>\n")
		w.blocks(b.Blocks)
		w.s("</blockquote>\n")
	case *docmodel.CodeBlock:
		w.s("<pre><code")
		if b.Language != "" {
			w.attr("class", "language-"+b.Language)
		}
		w.s(">")
		w.text(b.Text)
		w.s("</code></pre>\n")
	case *docmodel.ThematicBreak:
		w.s("<hr>\n")
	case *docmodel.HTMLBlock:
		w.s(rawOmitted + "\n")
	case *docmodel.DefinitionList:
		w.definitions(b)
	}
}

// rawOmitted stands in the page source where the document had raw HTML,
// which is never copied into the page.
const rawOmitted = "<!-- raw HTML omitted -->"

// section writes a heading with its self-link, then the section's blocks.
// Sections nest in the model; the page keeps its headings flat, as the
// outline of HTML is made by the heading levels.
func (w *writer) section(s *docmodel.Section) {
	tag := "h" + strconv.Itoa(min(max(s.Level, 1), 6))
	anchor := s.Anchor
	if w.inNotes {
		anchor = ""
	}
	w.s("<" + tag)
	if anchor != "" {
		w.attr("id", anchor)
	}
	w.s(">")
	if anchor != "" {
		for _, alias := range s.Aliases {
			w.s("<span")
			w.attr("id", alias)
			w.s("></span>")
		}
	}
	w.inlines(s.Title)
	if anchor != "" {
		w.s(`<a class="anchor"`)
		w.href("#" + anchor)
		w.attr("aria-label", w.m.Format("html.heading_link", docmodel.PlainText(s.Title)))
		w.s(">¶</a>")
	}
	w.s("</" + tag + ">\n")
	w.blocks(s.Blocks)
}

// href writes an href attribute for u, or nothing when u is dangerous.
func (w *writer) href(u string) {
	if v, ok := safeURL(u); ok {
		w.attr("href", v)
	}
}

// list writes a list. In a tight list, the paragraphs of an item are
// written without <p>, so that items stay close together.
func (w *writer) list(l *docmodel.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	w.s("<" + tag)
	if l.Ordered && l.Start != 1 {
		w.attr("start", strconv.Itoa(l.Start))
	}
	for _, it := range l.Items {
		if it.Task != docmodel.NoTask {
			w.s(` class="tasks"`)
			break
		}
	}
	w.s(">\n")
	for _, it := range l.Items {
		w.item(it, !l.Loose)
	}
	w.s("</" + tag + ">\n")
}

func (w *writer) item(it *docmodel.ListItem, tight bool) {
	w.s("<li")
	if it.Task != docmodel.NoTask {
		w.s(` class="task"`)
	}
	w.s(">")
	box := it.Task != docmodel.NoTask
	for i, b := range it.Blocks {
		p, isPara := b.(*docmodel.Paragraph)
		switch {
		case isPara && tight:
			w.checkBox(it.Task, &box)
			w.inlines(p.Content)
			if i < len(it.Blocks)-1 {
				w.s("\n")
			}
		case isPara:
			if i == 0 {
				w.s("\n")
			}
			w.s("<p>")
			w.checkBox(it.Task, &box)
			w.inlines(p.Content)
			w.s("</p>\n")
		default:
			if i == 0 {
				w.checkBox(it.Task, &box)
				w.s("\n")
			}
			w.block(b)
		}
	}
	w.checkBox(it.Task, &box)
	w.s("</li>\n")
}

// checkBox writes the check box of a task item, once: pending says whether
// it is still to be written.
func (w *writer) checkBox(t docmodel.TaskState, pending *bool) {
	if !*pending {
		return
	}
	*pending = false
	if t == docmodel.TaskDone {
		w.s(`<input checked="" disabled="" type="checkbox"> `)
	} else {
		w.s(`<input disabled="" type="checkbox"> `)
	}
}

// admonitionKinds are the kinds the stylesheet and the messages know; any
// other kind is shown as a note.
func admonitionKind(k docmodel.AdmonitionKind) docmodel.AdmonitionKind {
	for _, known := range docmodel.AdmonitionKinds {
		if k == known {
			return k
		}
	}
	return docmodel.Note
}

// admonition writes a call-out with its title: the admonition's own, or
// the name of its kind.
func (w *writer) admonition(a *docmodel.Admonition) {
	kind := string(admonitionKind(a.Kind))
	w.s(`<div class="callout callout-` + kind + `" role="note">` + "\n")
	w.s(`<p class="callout-title">`)
	if len(a.Title) > 0 {
		w.inlines(a.Title)
	} else {
		w.text(w.m.Get("html.alert." + kind))
	}
	w.s("</p>\n")
	w.blocks(a.Blocks)
	w.s("</div>\n")
}

// definitions writes a definition list. A description that is one
// paragraph is written without <p>.
func (w *writer) definitions(dl *docmodel.DefinitionList) {
	w.s("<dl>\n")
	for _, it := range dl.Items {
		w.s("<dt>")
		w.inlines(it.Term)
		w.s("</dt>\n")
		for _, desc := range it.Descriptions {
			if len(desc) == 1 {
				if p, ok := desc[0].(*docmodel.Paragraph); ok {
					w.s("<dd>")
					w.inlines(p.Content)
					w.s("</dd>\n")
					continue
				}
			}
			w.s("<dd>\n")
			w.blocks(desc)
			w.s("</dd>\n")
		}
	}
	w.s("</dl>\n")
}

// footnotes writes the footnotes after the body, each with a link back to
// every reference to it.
func (w *writer) footnotes(fns []*docmodel.Footnote) {
	if len(fns) == 0 {
		return
	}
	w.inNotes = true
	w.s(`<div class="footnotes" role="doc-endnotes">` + "\n<hr>\n<ol>\n")
	for i, fn := range fns {
		n := i + 1
		w.s(`<li id="fn:` + strconv.Itoa(n) + `">` + "\n")
		blocks := fn.Blocks
		last, endsInPara := (*docmodel.Paragraph)(nil), false
		if len(blocks) > 0 {
			last, endsInPara = blocks[len(blocks)-1].(*docmodel.Paragraph)
		}
		if endsInPara {
			blocks = blocks[:len(blocks)-1]
		}
		w.blocks(blocks)
		if endsInPara || w.refs[n] > 0 {
			w.s("<p>")
			if endsInPara {
				w.inlines(last.Content)
			}
			w.backLinks(n)
			w.s("</p>\n")
		}
		w.s("</li>\n")
	}
	w.s("</ol>\n</div>\n")
}

func (w *writer) backLinks(n int) {
	for k := range w.refs[n] {
		w.s(`&#160;<a href="#` + refID(n, k) + `" class="footnote-backref"`)
		w.attr("title", w.m.Format("html.footnote.backlink", n))
		w.s(` role="doc-backlink">&#x21a9;&#xfe0e;</a>`)
	}
}

// refID is the id of the k-th (from 0) reference to footnote n.
func refID(n, k int) string {
	if k == 0 {
		return "fnref:" + strconv.Itoa(n)
	}
	return "fnref" + strconv.Itoa(k) + ":" + strconv.Itoa(n)
}
