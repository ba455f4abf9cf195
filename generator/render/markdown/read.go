package markdown

import (
	"bufio"
	"bytes"
	"errors"
	stdhtml "html"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
)

// dialect is docgen's Markdown dialect, the one goldmark configuration of
// the program.
var dialect = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

// ErrNotUTF8 is returned by Read for input that is not valid UTF-8.
var ErrNotUTF8 = errors.New("markdown: not valid UTF-8")

// Read parses Markdown into a document. Front matter fills d.Meta; a
// level-1 heading opening the document becomes the title when the front
// matter gives none, and leaves the body either way. It fails only on input
// that is not valid UTF-8 (the error then names the byte offset) or on front
// matter that is not valid YAML.
func Read(src []byte) (*docmodel.Document, error) {
	return ReadWith(src, ReadOptions{})
}

// ReadOptions adjust Read.
type ReadOptions struct {
	// KeepTitle leaves a level-1 heading that opens the document in the
	// body as a section, for readers that look at every heading
	// (docgen check --docs).
	KeepTitle bool
}

// ReadWith reads Markdown like Read, with options.
func ReadWith(src []byte, opts ReadOptions) (*docmodel.Document, error) {
	if !utf8.Valid(src) {
		return nil, errors.New(msg.Format("markdown.bad_utf8", firstInvalid(src)))
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	meta, body, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	r := &reader{src: body, lines: lineStarts(body)}
	root := dialect.Parser().Parse(text.NewReader(body))
	d := &docmodel.Document{Meta: meta}
	r.footnotes(root)
	blocks := r.blocks(root)
	if i, h := leadingTitle(blocks); h != nil && !opts.KeepTitle {
		if d.Meta.Title == "" {
			d.Meta.Title = docmodel.PlainText(h.Title)
		}
		rest := append(append([]docmodel.Block{}, blocks[:i]...), h.Blocks...)
		blocks = append(rest, blocks[i+1:]...)
	}
	d.Body = blocks
	d.Footnotes = r.notes
	docmodel.AssignAnchors(d)
	return d, nil
}

// leadingTitle returns the level-1 section that opens blocks (raw HTML
// blocks before it do not count) and its index.
func leadingTitle(blocks []docmodel.Block) (int, *docmodel.Section) {
	for i, b := range blocks {
		switch b := b.(type) {
		case *docmodel.HTMLBlock:
			continue
		case *docmodel.Section:
			if b.Level == 1 {
				return i, b
			}
		}
		return 0, nil
	}
	return 0, nil
}

func firstInvalid(b []byte) int {
	off := 0
	for off < len(b) {
		r, size := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	return off
}

// reader converts goldmark's syntax tree into the document model.
type reader struct {
	src   []byte
	lines []int // byte offsets of line starts
	// notes are the footnotes; index maps goldmark's footnote index to the
	// 1-based index in notes.
	notes []*docmodel.Footnote
	index map[int]int
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 1-based line of a byte offset.
func (r *reader) lineOf(off int) int {
	lo, hi := 0, len(r.lines)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if r.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// line returns the first source line of n, searching its descendants.
func (r *reader) line(n ast.Node) int {
	if h, ok := n.(*ast.Heading); ok && h.Pos() >= 0 {
		return r.lineOf(h.Pos())
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return r.lineOf(n.Lines().At(0).Start)
	}
	if t, ok := n.(*ast.Text); ok {
		return r.lineOf(t.Segment.Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l := r.line(c); l > 0 {
			return l
		}
	}
	return 0
}

// footnotes collects the footnote definitions in the order of their index,
// which goldmark gives in the order of first reference.
func (r *reader) footnotes(root ast.Node) {
	r.index = map[int]int{}
	var defs []*east.Footnote
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		list, ok := c.(*east.FootnoteList)
		if !ok {
			continue
		}
		for f := list.FirstChild(); f != nil; f = f.NextSibling() {
			if fn, ok := f.(*east.Footnote); ok && fn.Index > 0 {
				defs = append(defs, fn)
			}
		}
	}
	slices.SortStableFunc(defs, func(a, b *east.Footnote) int { return a.Index - b.Index })
	for i, fn := range defs {
		r.index[fn.Index] = i + 1
	}
	for _, fn := range defs {
		r.notes = append(r.notes, &docmodel.Footnote{
			Node:  docmodel.Node{Source: docmodel.Provenance{Line: r.line(fn)}},
			Label: string(fn.Ref), Blocks: r.blocks(fn),
		})
	}
}

// blocks converts the block children of n and nests them into sections by
// heading level.
func (r *reader) blocks(n ast.Node) []docmodel.Block {
	var flat []docmodel.Block
	var pending []string // anchors from an <a id> line before a heading
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if ids := anchorLine(c, r.src); len(ids) > 0 {
			pending = ids
			continue
		}
		b := r.block(c)
		if b == nil {
			continue
		}
		if s, ok := b.(*docmodel.Section); ok && len(pending) > 0 {
			s.SetAnchors(append(pending, s.AnchorIDs()...))
		}
		pending = nil
		flat = append(flat, b)
	}
	return nest(flat)
}

// nest moves the blocks after each heading into its section, up to the next
// heading of the same or a higher level.
func nest(flat []docmodel.Block) []docmodel.Block {
	var out []docmodel.Block
	var stack []*docmodel.Section
	for _, b := range flat {
		s, isSection := b.(*docmodel.Section)
		if isSection {
			for len(stack) > 0 && stack[len(stack)-1].Level >= s.Level {
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) == 0 {
			out = append(out, b)
		} else {
			top := stack[len(stack)-1]
			top.Blocks = append(top.Blocks, b)
		}
		if isSection {
			stack = append(stack, s)
		}
	}
	return out
}

var (
	// anchorRE matches an empty anchor element: <a id="x"></a>, also with
	// name= or as a <span>, in single quotes or none.
	anchorRE     = regexp.MustCompile(`(?i)^<(?:a|span)\s+(?:id|name)\s*=\s*["']?([\pL\pN_][\pL\pN_.:-]*)["']?\s*>\s*</(?:a|span)>$`)
	anchorOpenRE = regexp.MustCompile(`(?i)^<(?:a|span)\s+(?:id|name)\s*=\s*["']?([\pL\pN_][\pL\pN_.:-]*)["']?\s*>$`)
	// anchorsRE finds the anchor elements of a line that holds only anchors.
	anchorsRE = regexp.MustCompile(`(?i)<(?:a|span)\s+(?:id|name)\s*=\s*["']?([\pL\pN_][\pL\pN_.:-]*)["']?\s*>\s*</(?:a|span)>`)
	attrIDRE  = regexp.MustCompile(`^[\pL\pN_][\pL\pN_.-]*$`)
)

// anchorLine returns the ids of a paragraph or HTML block that holds only
// anchors, <a id="ID"></a>, or nil.
func anchorLine(n ast.Node, src []byte) []string {
	var raw []byte
	switch n := n.(type) {
	case *ast.Paragraph:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			h, ok := c.(*ast.RawHTML)
			if !ok {
				if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
					continue
				}
				return nil
			}
			raw = append(raw, rawValue(h, src)...)
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			raw = append(raw, seg.Value(src)...)
		}
	default:
		return nil
	}
	raw = bytes.TrimSpace(raw)
	var ids []string
	rest := anchorsRE.ReplaceAllFunc(raw, func(m []byte) []byte {
		ids = append(ids, string(anchorsRE.FindSubmatch(m)[1]))
		return nil
	})
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil
	}
	return ids
}

func rawValue(n *ast.RawHTML, src []byte) []byte {
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// block converts one block node; it returns nil for nodes that have no
// place in the model (the footnote list, read separately).
func (r *reader) block(n ast.Node) docmodel.Block {
	line := r.line(n)
	src := docmodel.Provenance{Line: line}
	switch n := n.(type) {
	case *ast.Heading:
		ids := r.headingAnchors(n)
		s := &docmodel.Section{Node: docmodel.Node{Source: src}, Level: n.Level, Title: r.inlines(n)}
		s.SetAnchors(ids)
		return s
	case *ast.Paragraph, *ast.TextBlock:
		if f := r.figure(n); f != nil {
			f.Source = src
			return f
		}
		content := r.inlines(n)
		if len(content) == 0 {
			return nil // what is left of link reference definitions
		}
		return &docmodel.Paragraph{Node: docmodel.Node{Source: src}, Content: content}
	case *ast.ThematicBreak:
		return &docmodel.ThematicBreak{Node: docmodel.Node{Source: src}}
	case *ast.CodeBlock:
		return &docmodel.CodeBlock{Node: docmodel.Node{Source: src}, Text: r.linesText(n)}
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = strings.Fields(string(n.Info.Segment.Value(r.src)) + " ")[0]
		}
		return &docmodel.CodeBlock{Node: docmodel.Node{Source: src}, Language: unescape(lang), Text: r.linesText(n)}
	case *ast.HTMLBlock:
		t := r.linesText(n)
		if n.HasClosure() {
			t += string(n.ClosureLine.Value(r.src))
		}
		return &docmodel.HTMLBlock{Node: docmodel.Node{Source: src}, Text: strings.TrimRight(t, "\n")}
	case *ast.Blockquote:
		if kind, title := r.alert(n); kind != "" {
			return &docmodel.Admonition{Node: docmodel.Node{Source: src}, Kind: kind, Title: title, Blocks: r.blocks(n)}
		}
		return &docmodel.Quote{Node: docmodel.Node{Source: src}, Blocks: r.blocks(n)}
	case *ast.List:
		l := &docmodel.List{Node: docmodel.Node{Source: src}, Ordered: n.IsOrdered(), Loose: !n.IsTight}
		if l.Ordered {
			l.Start = n.Start
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			it := &docmodel.ListItem{Node: docmodel.Node{Source: docmodel.Provenance{Line: r.line(c)}}}
			it.Task = taskState(c)
			it.Blocks = r.blocks(c)
			l.Items = append(l.Items, it)
		}
		return l
	case *east.Table:
		return r.table(n, src)
	case *east.DefinitionList:
		dl := &docmodel.DefinitionList{Node: docmodel.Node{Source: src}}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *east.DefinitionTerm:
				dl.Items = append(dl.Items, &docmodel.Definition{Term: r.inlines(c)})
			case *east.DefinitionDescription:
				if len(dl.Items) == 0 {
					dl.Items = append(dl.Items, &docmodel.Definition{})
				}
				last := dl.Items[len(dl.Items)-1]
				last.Descriptions = append(last.Descriptions, r.blocks(c))
			}
		}
		return dl
	case *east.FootnoteList, *ast.LinkReferenceDefinition:
		return nil // footnotes are read separately; references are resolved
	}
	// A node kind the model does not know (none in this dialect): keep its
	// lines, or its inline content, so nothing is lost.
	if n.Lines().Len() > 0 {
		return &docmodel.Paragraph{Node: docmodel.Node{Source: src}, Content: docmodel.Plain(r.linesText(n))}
	}
	return &docmodel.Paragraph{Node: docmodel.Node{Source: src}, Content: r.inlines(n)}
}

// linesText returns the raw lines of a block node.
func (r *reader) linesText(n ast.Node) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// headingAnchors takes the heading's anchors from the <a id> elements
// inside it and its {#id} attribute, removing them from its content.
func (r *reader) headingAnchors(h *ast.Heading) []string {
	ids := takeAnchors(h, r.src)
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok && attrIDRE.Match(b) {
			ids = append(ids, string(b))
		}
	} else if id := trailingAttribute(h, r.src); id != "" {
		ids = append(ids, id)
	}
	h.RemoveAttributes()
	return ids
}

// trailingAttrRE matches a {#id} attribute at the end of a heading that
// goldmark did not take, as on a setext heading.
var trailingAttrRE = regexp.MustCompile(`\s*\{\s*#([^\s{}#]+)[^{}]*\}\s*$`)

// trailingAttribute takes a {#id} attribute from the end of the heading's
// last text and returns the id, or "".
func trailingAttribute(h *ast.Heading, src []byte) string {
	t, ok := h.LastChild().(*ast.Text)
	if !ok {
		return ""
	}
	v := t.Segment.Value(src)
	m := trailingAttrRE.FindSubmatchIndex(v)
	if m == nil {
		return ""
	}
	id := string(v[m[2]:m[3]])
	t.Segment = t.Segment.WithStop(t.Segment.Start + m[0])
	return id
}

// takeAnchors removes the <a id="ID"></a> anchors among h's inline
// children and returns their ids. goldmark parses an anchor as one raw HTML
// node or as two (opening and closing tag).
func takeAnchors(h *ast.Heading, src []byte) []string {
	var ids []string
	for c := h.FirstChild(); c != nil; {
		next := c.NextSibling()
		raw, ok := c.(*ast.RawHTML)
		if !ok {
			c = next
			continue
		}
		v := rawValue(raw, src)
		if m := anchorRE.FindSubmatch(v); m != nil {
			ids = append(ids, string(m[1]))
			h.RemoveChild(h, c)
		} else if m := anchorOpenRE.FindSubmatch(v); m != nil {
			if closing, ok := next.(*ast.RawHTML); ok && closingTagRE.Match(rawValue(closing, src)) {
				ids = append(ids, string(m[1]))
				next = closing.NextSibling()
				h.RemoveChild(h, c)
				h.RemoveChild(h, closing)
			}
		}
		c = next
	}
	return ids
}

// closingTagRE matches the closing tag of an anchor element.
var closingTagRE = regexp.MustCompile(`(?i)^</(?:a|span)\s*>$`)

// alert recognises a GitHub alert: a block quote whose first line is
// [!KIND]. It removes the marker line and returns the kind, or "".
func (r *reader) alert(q *ast.Blockquote) (docmodel.AdmonitionKind, []docmodel.Inline) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return "", nil
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(r.src))
	if len(line) < 4 || line[0] != '[' || line[1] != '!' || line[len(line)-1] != ']' {
		return "", nil
	}
	kind := docmodel.AdmonitionKind(strings.ToLower(string(line[2 : len(line)-1])))
	known := false
	for _, k := range docmodel.AdmonitionKinds {
		known = known || k == kind
	}
	if !known {
		return "", nil
	}
	end := first.Stop
	for c := p.FirstChild(); c != nil; {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		next := c.NextSibling()
		p.RemoveChild(p, c)
		c = next
	}
	if p.FirstChild() == nil {
		q.RemoveChild(q, p)
	}
	return kind, nil
}

// figure returns the figure of a paragraph that holds only an image.
func (r *reader) figure(p ast.Node) *docmodel.Figure {
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = c
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(r.src))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	if img == nil {
		return nil
	}
	return &docmodel.Figure{
		Src: unescape(string(img.Destination)), Alt: docmodel.PlainText(r.inlines(img)),
		Caption: docmodel.Plain(unescape(string(img.Title))),
	}
}

func taskState(item ast.Node) docmodel.TaskState {
	first := item.FirstChild()
	if first == nil {
		return docmodel.NoTask
	}
	box, ok := first.FirstChild().(*east.TaskCheckBox)
	if !ok {
		return docmodel.NoTask
	}
	first.RemoveChild(first, box)
	if box.IsChecked {
		return docmodel.TaskDone
	}
	return docmodel.TaskOpen
}

func (r *reader) table(t *east.Table, src docmodel.Provenance) *docmodel.Table {
	out := &docmodel.Table{Node: docmodel.Node{Source: src}}
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.TableHeader:
			for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
				tc := cell.(*east.TableCell)
				out.Columns = append(out.Columns, docmodel.Column{Header: r.inlines(tc), Align: align(tc.Alignment)})
			}
		case *east.TableRow:
			row := &docmodel.Row{Node: docmodel.Node{Source: docmodel.Provenance{Line: r.line(c)}}}
			for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
				row.Cells = append(row.Cells, &docmodel.Cell{Content: r.inlines(cell)})
			}
			for len(row.Cells) < len(out.Columns) {
				row.Cells = append(row.Cells, &docmodel.Cell{})
			}
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}

func align(a east.Alignment) docmodel.Align {
	switch a {
	case east.AlignLeft:
		return docmodel.AlignLeft
	case east.AlignCenter:
		return docmodel.AlignCenter
	case east.AlignRight:
		return docmodel.AlignRight
	}
	return docmodel.AlignDefault
}

// inlines converts the inline children of n.
func (r *reader) inlines(n ast.Node) []docmodel.Inline {
	var out []docmodel.Inline
	addText := func(s string) {
		if s == "" {
			return
		}
		if len(out) > 0 {
			if t, ok := out[len(out)-1].(*docmodel.Text); ok {
				t.Text += s
				return
			}
		}
		out = append(out, &docmodel.Text{Text: s})
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			addText(unescape(string(c.Segment.Value(r.src))))
			switch {
			case c.HardLineBreak():
				out = append(out, &docmodel.LineBreak{})
			case c.SoftLineBreak():
				addText(" ")
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				addText(string(c.Value))
			} else {
				addText(unescape(string(c.Value)))
			}
		case *ast.CodeSpan:
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(r.src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			out = append(out, &docmodel.Code{Text: strings.ReplaceAll(b.String(), "\n", " ")})
		case *ast.Emphasis:
			if c.Level >= 2 {
				out = append(out, &docmodel.Strong{Content: r.inlines(c)})
			} else {
				out = append(out, &docmodel.Emphasis{Content: r.inlines(c)})
			}
		case *east.Strikethrough:
			out = append(out, &docmodel.Strikethrough{Content: r.inlines(c)})
		case *ast.Link:
			out = append(out, linkOrXRef(unescape(string(c.Destination)), unescape(string(c.Title)), r.inlines(c)))
		case *ast.AutoLink:
			url := string(c.URL(r.src))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
				url = "mailto:" + url
			}
			out = append(out, &docmodel.Link{URL: url, Content: docmodel.Plain(string(c.Label(r.src)))})
		case *ast.Image:
			out = append(out, &docmodel.Image{Src: unescape(string(c.Destination)), Alt: docmodel.PlainText(r.inlines(c)), Title: unescape(string(c.Title))})
		case *ast.RawHTML:
			out = append(out, &docmodel.RawHTML{Text: string(rawValue(c, r.src))})
		case *east.FootnoteLink:
			if k, ok := r.index[c.Index]; ok {
				out = append(out, &docmodel.FootnoteRef{Index: k})
			}
		case *east.FootnoteBacklink, *east.TaskCheckBox:
			// Back links are the renderer's business; check boxes were read
			// as the item's task state.
		default:
			for _, in := range r.inlines(c) {
				if t, ok := in.(*docmodel.Text); ok {
					addText(t.Text)
				} else {
					out = append(out, in)
				}
			}
		}
	}
	return trimInlines(out)
}

// trimInlines removes white space at the edges of inline content.
func trimInlines(in []docmodel.Inline) []docmodel.Inline {
	if len(in) == 0 {
		return nil
	}
	if t, ok := in[0].(*docmodel.Text); ok {
		t.Text = strings.TrimLeft(t.Text, " \t\n")
		if t.Text == "" {
			in = in[1:]
		}
	}
	if len(in) == 0 {
		return nil
	}
	if t, ok := in[len(in)-1].(*docmodel.Text); ok {
		t.Text = strings.TrimRight(t.Text, " \t\n")
		if t.Text == "" {
			in = in[:len(in)-1]
		}
	}
	return in
}

var mdFileRE = regexp.MustCompile(`^([A-Za-z0-9._-]+)\.md$`)

// linkOrXRef makes a link to #anchor or to file.md#anchor a cross-reference.
func linkOrXRef(dest, title string, content []docmodel.Inline) docmodel.Inline {
	file, anchor, hasAnchor := strings.Cut(dest, "#")
	switch {
	case file == "" && hasAnchor && anchor != "":
		return &docmodel.XRef{Anchor: anchor, Content: content}
	case mdFileRE.MatchString(file) && path.Base(file) == file:
		name := strings.TrimSuffix(file, Extension)
		return &docmodel.XRef{Document: name, Anchor: anchor, Content: content}
	}
	if len(content) == 0 {
		content = docmodel.Plain(dest) // an empty link text shows the address
	}
	return &docmodel.Link{URL: dest, Title: title, Content: content}
}

// unescape resolves backslash escapes and character references exactly as
// goldmark's HTML renderer does for text.
func unescape(v string) string {
	if !strings.ContainsAny(v, `\&`) {
		return v
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(w, []byte(v))
	_ = w.Flush()
	return stdhtml.UnescapeString(b.String())
}
