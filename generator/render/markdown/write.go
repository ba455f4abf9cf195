package markdown

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render"
)

// Extension is the file extension of Markdown documents.
const Extension = ".md"

// renderer implements render.Renderer for Markdown.
type renderer struct{}

func init() { render.Register(renderer{}) }

func (renderer) Name() string      { return "md" }
func (renderer) Extension() string { return Extension }

// Render implements render.Renderer.
func (renderer) Render(w io.Writer, d *docmodel.Document, _ render.Options) ([]render.Warning, error) {
	return nil, Write(w, d)
}

// Write writes d as Markdown to w.
func Write(w io.Writer, d *docmodel.Document) error {
	_, err := w.Write(Bytes(d))
	return err
}

// Bytes returns d as Markdown.
func Bytes(d *docmodel.Document) []byte {
	var wr writer
	wr.document(d)
	return tidy(wr.buf.Bytes())
}

// BodyBytes returns the body of d as Markdown, without the title and the
// document-control block.
func BodyBytes(d *docmodel.Document) []byte {
	var wr writer
	wr.blocks(d.Body, "")
	wr.footnotes(d.Footnotes)
	return tidy(wr.buf.Bytes())
}

// writer accumulates Markdown.
type writer struct {
	// m is the fixed text in the document's language.
	m   *msg.Set
	buf bytes.Buffer
	// tight leaves out the blank lines between blocks, inside the items of
	// a tight list.
	tight bool
	// alternate is set for a list that directly follows another list, which
	// then takes the other marker so the two stay separate.
	alternate bool
}

// EmptyCell is what an empty table cell shows in every format.
const EmptyCell = docmodel.EmptyCell

func (w *writer) document(d *docmodel.Document) {
	m := d.Meta
	w.m = msg.For(m.Language)
	if m.Fragment {
		w.blocks(d.Body, "")
		w.footnotes(d.Footnotes)
		return
	}
	title := m.Title
	if m.Draft && m.DraftNotice != "" {
		w.line("", "# "+Inline(title))
		w.blank()
		w.line("", "> [!CAUTION]")
		w.line("> ", Inline(m.DraftNotice))
	} else if title != "" {
		w.line("", "# "+Inline(title))
	}
	if len(m.Control) > 0 {
		w.blank()
		w.line("", "| "+Inline(w.m.Get("render.control_caption"))+" |  |")
		w.line("", "| --- | --- |")
		for _, f := range m.Control {
			w.line("", "| "+cellText(f.Name)+" | "+cellText(f.Value)+" |")
		}
	}
	w.blank()
	w.blocks(d.Body, "")
	w.footnotes(d.Footnotes)
}

// line writes prefix and s and a newline; prefix carries the indentation or
// quote markers of the enclosing blocks.
func (w *writer) line(prefix, s string) {
	w.buf.WriteString(strings.TrimRight(prefix+s, " "))
	w.buf.WriteByte('\n')
}

func (w *writer) blank() { w.buf.WriteByte('\n') }

// raw writes prefix and s unchanged, trailing white space included.
func (w *writer) raw(prefix, s string) {
	if s == "" {
		w.buf.WriteString(strings.TrimRight(prefix, " "))
	} else {
		w.buf.WriteString(prefix + s)
	}
	w.buf.WriteByte('\n')
}

// explicitAnchor reports whether a section's anchor must be written: it is
// one a reader takes from an anchor line, and not simply the id a reader
// derives from the title anyway.
func explicitAnchor(s *docmodel.Section) bool {
	return docmodel.AnchorRE.MatchString(s.Anchor) && s.Anchor != docmodel.Slug(docmodel.PlainText(s.Title))
}

// blocks writes blocks separated by blank lines, each line prefixed.
func (w *writer) blocks(bs []docmodel.Block, prefix string) {
	for i, b := range bs {
		if i > 0 && !w.tight {
			w.line(prefix, "")
		}
		_, isList := b.(*docmodel.List)
		prevList := false
		if i > 0 {
			_, prevList = bs[i-1].(*docmodel.List)
		}
		w.alternate = isList && prevList && !w.alternate
		w.block(b, prefix)
	}
}

func (w *writer) block(b docmodel.Block, prefix string) {
	switch b := b.(type) {
	case *docmodel.Section:
		if explicitAnchor(b) || len(b.Aliases) > 0 {
			ids := append([]string{b.Anchor}, b.Aliases...)
			var line []string
			for _, id := range ids {
				if docmodel.AnchorRE.MatchString(id) {
					line = append(line, `<a id="`+id+`"></a>`)
				}
			}
			w.line(prefix, strings.Join(line, " "))
			if !w.tight {
				w.line(prefix, "")
			}
		}
		level := min(max(b.Level, 1), 6)
		w.line(prefix, strings.Repeat("#", level)+" "+inlines(b.Title, true))
		if len(b.Blocks) > 0 {
			if !w.tight {
				w.line(prefix, "")
			}
			w.blocks(b.Blocks, prefix)
		}
	case *docmodel.Paragraph:
		w.paragraph(b.Content, prefix)
	case *docmodel.List:
		w.list(b, prefix)
	case *docmodel.Table:
		w.table(b, prefix)
	case *docmodel.Figure:
		w.line(prefix, image(b.Src, b.Alt, docmodel.PlainText(b.Caption)))
	case *docmodel.Admonition:
		w.line(prefix, "> [!"+strings.ToUpper(string(b.Kind))+"]")
		if len(b.Title) > 0 {
			w.line(prefix+"> ", "**"+inlines(b.Title, false)+"**")
			if len(b.Blocks) > 0 {
				w.line(prefix+"> ", "")
			}
		}
		w.blocks(b.Blocks, prefix+"> ")
	case *docmodel.Quote:
		if len(b.Blocks) == 0 {
			w.line(prefix, ">")
		}
		w.blocks(b.Blocks, prefix+"> ")
	case *docmodel.CodeBlock:
		fence := codeFence(b.Text)
		w.line(prefix, fence+b.Language)
		if b.Text != "" {
			for _, l := range strings.Split(strings.TrimSuffix(b.Text, "\n"), "\n") {
				w.raw(prefix, l)
			}
		}
		w.line(prefix, fence)
	case *docmodel.ThematicBreak:
		w.line(prefix, "***") // "---" could read as a list item's or a heading's underline
	case *docmodel.HTMLBlock:
		for _, l := range strings.Split(strings.TrimRight(b.Text, "\n"), "\n") {
			w.line(prefix, l)
		}
	case *docmodel.DefinitionList:
		for i, it := range b.Items {
			if i > 0 {
				w.line(prefix, "")
			}
			w.line(prefix, inlines(it.Term, true))
			for _, desc := range it.Descriptions {
				var sub writer
				sub.blocks(desc, "")
				for j, l := range strings.Split(strings.TrimRight(sub.buf.String(), "\n"), "\n") {
					if j == 0 {
						w.line(prefix, ": "+l)
					} else {
						w.line(prefix+"  ", l)
					}
				}
			}
		}
	}
}

// paragraph writes inline content as one line per hard line break.
func (w *writer) paragraph(content []docmodel.Inline, prefix string) {
	for _, l := range strings.Split(inlines(content, true), "\n") {
		w.line(prefix, l)
	}
}

func (w *writer) list(l *docmodel.List, prefix string) {
	bullet, delim := "- ", ". "
	if w.alternate {
		bullet, delim = "* ", ") "
	}
	for i, it := range l.Items {
		if i > 0 && l.Loose {
			w.line(prefix, "")
		}
		marker := bullet
		if l.Ordered {
			marker = strconv.Itoa(l.Start+i) + delim
		}
		switch it.Task {
		case docmodel.TaskOpen:
			marker += "[ ] "
		case docmodel.TaskDone:
			marker += "[x] "
		}
		indent := strings.Repeat(" ", len(marker))
		if len(it.Blocks) == 0 {
			w.line(prefix, strings.TrimRight(marker, " "))
			continue
		}
		sub := writer{tight: !l.Loose}
		sub.blocks(it.Blocks, "")
		for j, line := range strings.Split(strings.TrimRight(sub.buf.String(), "\n"), "\n") {
			if j == 0 {
				w.line(prefix, marker+line)
			} else if line == "" {
				w.line(prefix, "")
			} else {
				w.line(prefix+indent, line)
			}
		}
	}
}

func (w *writer) table(t *docmodel.Table, prefix string) {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + cellInlines(c.Header) + " |")
	}
	w.line(prefix, b.String())
	b.Reset()
	b.WriteString("|")
	for _, c := range t.Columns {
		switch c.Align {
		case docmodel.AlignLeft:
			b.WriteString(" :--- |")
		case docmodel.AlignCenter:
			b.WriteString(" :---: |")
		case docmodel.AlignRight:
			b.WriteString(" ---: |")
		default:
			b.WriteString(" --- |")
		}
	}
	w.line(prefix, b.String())
	for _, r := range t.Rows {
		b.Reset()
		b.WriteString("|")
		for i, c := range r.Cells {
			cell := ""
			code := i < len(t.Columns) && t.Columns[i].Kind == docmodel.CodeColumn
			if text, ok := singleText(c.Content); ok && code {
				cell = CodeCell(text)
			} else {
				cell = cellInlines(c.Content)
			}
			if cell == "" {
				cell = EmptyCell
			}
			b.WriteString(" " + cell + " |")
		}
		w.line(prefix, b.String())
	}
}

func (w *writer) footnotes(fns []*docmodel.Footnote) {
	for i, fn := range fns {
		var sub writer
		sub.blocks(fn.Blocks, "")
		w.line("", "")
		for j, l := range strings.Split(strings.TrimRight(sub.buf.String(), "\n"), "\n") {
			if j == 0 {
				w.line("", "[^"+strconv.Itoa(i+1)+"]: "+l)
			} else {
				w.line("    ", l)
			}
		}
	}
}

// singleText returns the text of content that is one Text run.
func singleText(content []docmodel.Inline) (string, bool) {
	if len(content) != 1 {
		return "", false
	}
	if t, ok := content[0].(*docmodel.Text); ok {
		return t.Text, true
	}
	return "", false
}

// cellText escapes plain text for a table cell.
func cellText(s string) string {
	if strings.TrimSpace(s) == "" {
		return EmptyCell
	}
	return Inline(s)
}

// cellInlines writes inline content for a table cell: on one line, with
// pipes in code spans escaped too (GFM splits rows on pipes first).
func cellInlines(content []docmodel.Inline) string {
	var iw inlineWriter
	iw.cell = true
	iw.write(content)
	return strings.Trim(iw.b.String(), " ")
}

// inlines writes inline content; atLineStart says whether the first run
// begins a line. Hard line breaks become "\" and a newline.
func inlines(content []docmodel.Inline, atLineStart bool) string {
	var iw inlineWriter
	iw.lineStart = atLineStart
	iw.write(content)
	return strings.Trim(iw.b.String(), " ")
}

// inlineWriter writes inline content as Markdown.
type inlineWriter struct {
	b strings.Builder
	// lineStart is true while nothing has been written on the current line.
	lineStart bool
	// cell is true inside a table cell.
	cell bool
}

func (iw *inlineWriter) str(s string) {
	if s == "" {
		return
	}
	iw.b.WriteString(s)
	iw.lineStart = false
}

func (iw *inlineWriter) write(content []docmodel.Inline) {
	for i := 0; i < len(content); i++ {
		switch in := content[i].(type) {
		case *docmodel.Text:
			// Adjacent text runs are escaped together, so that what spans
			// them ("www." split in two) is seen whole.
			s := in.Text
			for i+1 < len(content) {
				next, ok := content[i+1].(*docmodel.Text)
				if !ok {
					break
				}
				s += next.Text
				i++
			}
			s = spaceRE.ReplaceAllString(s, " ")
			if iw.lineStart {
				s = strings.TrimLeft(s, " ")
			}
			iw.str(escapeText(s, iw.lineStart))
		case *docmodel.Strong:
			iw.wrapped("**", in.Content)
		case *docmodel.Emphasis:
			iw.wrapped("*", in.Content)
		case *docmodel.Strikethrough:
			iw.wrapped("~~", in.Content)
		case *docmodel.Code:
			if iw.cell {
				iw.str(CodeCell(in.Text))
			} else {
				iw.str(Code(in.Text))
			}
		case *docmodel.Link:
			iw.link(in.URL, in.Title, in.Content)
		case *docmodel.XRef:
			target := "#" + in.Anchor
			if in.Document != "" {
				target = in.Document + Extension
				if in.Anchor != "" {
					target += "#" + in.Anchor
				}
			}
			iw.link(target, "", in.Content)
		case *docmodel.Image:
			iw.str(image(in.Src, in.Alt, in.Title))
		case *docmodel.LineBreak:
			if iw.cell {
				iw.str(" ")
			} else {
				iw.b.WriteString("\\\n")
				iw.lineStart = true
			}
		case *docmodel.RawHTML:
			iw.str(in.Text)
		case *docmodel.FootnoteRef:
			iw.str(fmt.Sprintf("[^%d]", in.Index))
		}
	}
}

// wrapped writes content between delimiters, keeping white space at its
// edges outside them, where emphasis delimiters need it.
func (iw *inlineWriter) wrapped(delim string, content []docmodel.Inline) {
	var inner inlineWriter
	inner.cell = iw.cell
	inner.write(content)
	s := inner.b.String()
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		iw.str(s)
		return
	}
	if strings.HasPrefix(s, " ") && !iw.lineStart {
		iw.str(" ")
	}
	iw.str(delim + trimmed + delim)
	if strings.HasSuffix(s, " ") {
		iw.str(" ")
	}
}

// link writes a link. A link whose text is its own address is written as an
// autolink <...> when that is safe.
func (iw *inlineWriter) link(url, title string, content []docmodel.Inline) {
	text := docmodel.PlainText(content)
	shown := strings.TrimPrefix(url, "mailto:")
	if (len(content) == 0 || text == shown) && safeAutolink(url) {
		iw.str("<" + shown + ">")
		return
	}
	if len(content) == 0 {
		content = docmodel.Plain(shown)
	}
	var inner inlineWriter
	inner.cell = iw.cell
	inner.write(content)
	dest := linkDest(url)
	if title != "" {
		dest += ` "` + strings.ReplaceAll(title, `"`, `\"`) + `"`
	}
	iw.str("[" + strings.TrimSpace(inner.b.String()) + "](" + dest + ")")
}

var autolinkOKRE = regexp.MustCompile(`^(https?://[^\s<>]+|mailto:[^\s<>@]+@[^\s<>]+)$`)

// safeAutolink reports whether url can be written as <url>.
func safeAutolink(url string) bool { return autolinkOKRE.MatchString(url) }

// linkDest writes a link destination: in angle brackets when it holds
// spaces or parentheses, with the characters that would end it escaped.
func linkDest(url string) string {
	if strings.ContainsAny(url, " ()<>\n") {
		r := strings.NewReplacer("<", `\<`, ">", `\>`, "\n", " ")
		return "<" + r.Replace(url) + ">"
	}
	return url
}

// image writes ![alt](src "title").
func image(src, alt, title string) string {
	s := "![" + Inline(alt) + "](" + linkDest(src)
	if title != "" {
		s += ` "` + strings.ReplaceAll(Inline(title), `"`, `\"`) + `"`
	}
	return s + ")"
}

// codeFence returns a backtick fence longer than any run in text.
func codeFence(text string) string {
	longest, run := 0, 0
	for _, r := range text {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// tidy ends the text with exactly one newline.
func tidy(b []byte) []byte {
	return []byte(strings.Trim(string(b), "\n") + "\n")
}
