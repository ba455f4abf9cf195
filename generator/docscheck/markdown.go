package docscheck

import (
	"bytes"
	"errors"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/yamlx"
)

// bom is the UTF-8 byte order mark, ignored at the start of a file.
var bom = []byte("\xef\xbb\xbf")

// frontMatter is the YAML front matter of a document.
type frontMatter struct {
	// root is the parsed YAML document; nil when it is not valid YAML.
	root *yaml.Node
	// end is the offset just after the closing delimiter line.
	end int
	// err is the YAML error of front matter that names docgen-target but
	// is not valid YAML.
	err error
}

// parseFrontMatter returns the front matter of src, or nil when there is
// none. Front matter is a first line "---" (after an optional byte order
// mark), a YAML mapping, and a line "---" or "..."; text between two "---"
// lines that is not a YAML mapping is Markdown (a thematic break and a
// setext heading), unless it names docgen-target, when it is broken front
// matter.
func parseFrontMatter(src []byte) *frontMatter {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	nextLine := func(i int) (line []byte, next int) {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return src[i:], len(src)
		}
		return src[i : i+j], i + j + 1
	}
	first, i := nextLine(start)
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil
	}
	for body := i; i < len(src); {
		line, next := nextLine(i)
		if l := string(bytes.TrimRight(line, " \t\r")); l != "---" && l != "..." {
			i = next
			continue
		}
		fm := &frontMatter{end: next}
		var root yaml.Node
		err := yaml.Unmarshal(src[body:i], &root)
		switch {
		case err != nil && bytes.Contains(src[body:i], []byte(targetKey)):
			fm.err = err
		case err != nil, len(root.Content) > 0 && root.Content[0].Kind != yaml.MappingNode:
			return nil
		default:
			fm.root = &root
		}
		return fm
	}
	return nil
}

// blankFrontMatter returns src with its front matter (and a byte order
// mark) replaced by spaces, keeping line breaks, so that offsets, lines and
// columns in the result are those of src.
func blankFrontMatter(src []byte) []byte {
	out := bytes.Clone(src)
	end := 0
	if bytes.HasPrefix(out, bom) {
		end = len(bom)
	}
	if fm := parseFrontMatter(src); fm != nil {
		end = fm.end
	}
	for i := range end {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out
}

// mdParser is a CommonMark parser that reads {#id} heading attributes.
var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithParserOptions(parser.WithHeadingAttribute())).Parser()
})

// Headings returns the headings of the Markdown document src in document
// order, with their sections' text. Headings inside code blocks and HTML
// blocks are no headings; YAML front matter is skipped.
func Headings(src []byte) []Heading {
	body := blankFrontMatter(src)
	root := mdParser().Parse(text.NewReader(body))
	lines := lineStarts(src)
	r := &bodyReader{src: body, text: map[ast.Node]blockContent{}}
	var out []Heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		out = append(out, newHeading(h, body, src, lines, r))
		return ast.WalkSkipChildren, nil
	})
	return out
}

// ReadMarkdown reads the Markdown document at path, whose content is src,
// into a Document. The error reports a front matter whose lang or
// docgen-sections entries have the wrong shape.
func ReadMarkdown(path string, src []byte) (*Document, error) {
	doc := &Document{Headings: Headings(src)}
	if fm := parseFrontMatter(src); fm != nil && fm.root != nil {
		if err := readFrontMatter(path, fm, doc); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// newHeading converts a goldmark heading.
func newHeading(h *ast.Heading, body, src []byte, lines []int, r *bodyReader) Heading {
	var b strings.Builder
	var anchors []string
	inlineText(h, body, &b, &anchors, false)
	txt := html.UnescapeString(b.String())
	if m := trailingAttrRE.FindStringSubmatchIndex(txt); m != nil {
		// An attribute goldmark did not take, e.g. on a setext heading.
		anchors = append(anchors, txt[m[2]:m[3]])
		txt = txt[:m[0]]
	}
	if id, ok := h.AttributeString("id"); ok {
		switch v := id.(type) {
		case []byte:
			anchors = append(anchors, string(v))
		case string:
			anchors = append(anchors, v)
		}
	}
	if ids := anchorBlock(h.PreviousSibling(), body); len(ids) > 0 {
		anchors = append(ids, anchors...)
	}
	off := h.Pos()
	if off < 0 && h.Lines().Len() > 0 {
		off = h.Lines().At(0).Start
	}
	line, col := position(src, lines, off)
	section := r.section(h)
	return Heading{
		Level:   h.Level,
		Text:    strings.Join(strings.Fields(txt), " "),
		Anchors: dedupe(anchors),
		Line:    line,
		Col:     col,
		Body:    section.text,
		Media:   section.media,
	}
}

// trailingAttrRE matches a {#id ...} attribute at the end of heading text.
var trailingAttrRE = regexp.MustCompile(`\s*\{\s*#([^\s{}#]+)[^{}]*\}\s*$`)

// inlineText appends the text of n's inline children to b and the ids of
// inline HTML tags to anchors. With links, the target of a link follows its
// text, so that an e-mail address behind "write to us" is part of the text.
func inlineText(n ast.Node, src []byte, b *strings.Builder, anchors *[]string, links bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				raw = append(raw, s.Value(src)...)
			}
			*anchors = append(*anchors, htmlIDs(string(raw))...)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.Link:
			inlineText(c, src, b, anchors, links)
			if links {
				b.WriteString(" " + string(c.Destination) + " ")
			}
		default:
			inlineText(c, src, b, anchors, links)
		}
	}
}

// idAttrRE matches an id attribute, or the name attribute of an <a> tag.
var idAttrRE = regexp.MustCompile(`(?is)<[a-z][a-z0-9-]*\s(?:[^>]*?\s)?id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))|<a\s(?:[^>]*?\s)?name\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// htmlIDs returns the ids in the HTML tags of s.
func htmlIDs(s string) []string {
	var out []string
	for _, m := range idAttrRE.FindAllStringSubmatch(s, -1) {
		for _, g := range m[1:] {
			if g = strings.TrimSpace(html.UnescapeString(g)); g != "" {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// anchorOnlyRE matches HTML that consists of empty anchor elements only.
var anchorOnlyRE = regexp.MustCompile(`(?is)^(?:\s*<(a|span)\s[^>]*>\s*</(?:a|span)>)+\s*$`)

// anchorBlock returns the ids of block n when it holds nothing but empty
// anchor elements, such as a line <a id="ifu-backup"></a>: an HTML block,
// or a paragraph of inline HTML.
func anchorBlock(n ast.Node, src []byte) []string {
	var raw string
	switch n := n.(type) {
	case *ast.HTMLBlock:
		raw = blockText(n, src)
	case *ast.Paragraph:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					s := c.Segments.At(i)
					b.Write(s.Value(src))
				}
			case *ast.Text:
				b.Write(c.Segment.Value(src))
			default:
				return nil
			}
		}
		raw = b.String()
	default:
		return nil
	}
	if !anchorOnlyRE.MatchString(raw) {
		return nil
	}
	return htmlIDs(raw)
}

// blockContent is the plain text of a block and whether it shows media.
type blockContent struct {
	text  string
	media bool
}

// bodyReader collects the text of sections, reading each block once.
type bodyReader struct {
	src  []byte
	text map[ast.Node]blockContent
}

// section returns the content of the section that heading h starts: the
// blocks after it up to the next heading of the same or a higher level,
// sub-headings skipped.
func (r *bodyReader) section(h *ast.Heading) blockContent {
	var parts []string
	var out blockContent
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if next, ok := n.(*ast.Heading); ok {
			if next.Level <= h.Level {
				break
			}
			continue
		}
		c := r.block(n)
		if c.text != "" {
			parts = append(parts, c.text)
		}
		out.media = out.media || c.media
	}
	out.text = strings.Join(parts, "\n")
	return out
}

// mediaRE matches HTML that shows something without text.
var mediaRE = regexp.MustCompile(`(?i)<(?:img|svg|picture|video|object|embed|iframe)\b`)

// htmlCommentRE and htmlTagRE strip comments and tags from HTML.
var (
	htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)
	htmlTagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
)

// block returns the plain text of block n and whether it shows media.
func (r *bodyReader) block(n ast.Node) blockContent {
	if c, ok := r.text[n]; ok {
		return c
	}
	var c blockContent
	switch n := n.(type) {
	case *ast.Heading, *ast.ThematicBreak:
	case *ast.HTMLBlock:
		s := blockText(n, r.src)
		c.media = mediaRE.MatchString(s)
		s = htmlTagRE.ReplaceAllString(htmlCommentRE.ReplaceAllString(s, ""), " ")
		c.text = strings.TrimSpace(html.UnescapeString(s))
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		c.text = strings.TrimSpace(blockText(n, r.src))
	case *ast.Paragraph, *ast.TextBlock:
		var b strings.Builder
		var ids []string
		inlineText(n, r.src, &b, &ids, true)
		c.text = strings.TrimSpace(html.UnescapeString(htmlTagRE.ReplaceAllString(b.String(), " ")))
		c.media = hasImage(n)
	default:
		var parts []string
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			cc := r.block(ch)
			if cc.text != "" {
				parts = append(parts, cc.text)
			}
			c.media = c.media || cc.media
		}
		c.text = strings.Join(parts, "\n")
	}
	r.text[n] = c
	return c
}

// hasImage reports whether inline content n shows an image.
func hasImage(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*ast.Image); ok && entering {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// blockText returns the source lines of block n.
func blockText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b.Write(s.Value(src))
	}
	if hb, ok := n.(*ast.HTMLBlock); ok && hb.HasClosure() {
		b.Write(hb.ClosureLine.Value(src))
	}
	return b.String()
}

// lineStarts returns the offsets at which the lines of src start.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position converts byte offset off of src to a 1-based line and column,
// counting columns in characters and not counting a byte order mark.
func position(src []byte, starts []int, off int) (line, col int) {
	if off < 0 {
		return 1, 0
	}
	off = min(off, len(src))
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	from := starts[i]
	if i == 0 && bytes.HasPrefix(src, bom) {
		from = min(len(bom), off)
	}
	return i + 1, utf8.RuneCount(src[from:off]) + 1
}

// dedupe returns ss without duplicates and blank entries, trimmed.
func dedupe(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		s = strings.TrimSpace(s)
		found := s == ""
		for _, o := range out {
			if o == s {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

// Front-matter keys this package reads besides docgen-target.
const sectionsKey = "docgen-sections"

// langKeys name the document's language in its front matter.
var langKeys = []string{"lang", "language"}

// readFrontMatter reads the language and the docgen-sections bindings of
// the front matter fm of the document at path into doc.
func readFrontMatter(path string, fm *frontMatter, doc *Document) error {
	const first = 2 // the front matter's first line
	if len(fm.root.Content) == 0 || fm.root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := fm.root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch {
		case slices.Contains(langKeys, k.Value):
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				return errors.New(msg.Format("docscheck.bad_lang", path, first+v.Line-1, k.Value, yamlx.Describe(v)))
			}
			doc.Lang = strings.TrimSpace(v.Value)
		case k.Value == sectionsKey:
			if v.Kind != yaml.MappingNode {
				return errors.New(msg.Format("docscheck.bad_sections", path, first+v.Line-1, sectionsKey, yamlx.Describe(v)))
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				item, hs := v.Content[j], v.Content[j+1]
				b := Binding{Item: strings.TrimSpace(item.Value), Line: first + item.Line - 1}
				vals := []*yaml.Node{hs}
				if hs.Kind == yaml.SequenceNode {
					vals = hs.Content
				}
				for _, h := range vals {
					if h.Kind != yaml.ScalarNode || strings.TrimSpace(h.Value) == "" {
						return errors.New(msg.Format("docscheck.bad_binding", path, first+h.Line-1, b.Item, yamlx.Describe(h)))
					}
					b.Headings = append(b.Headings, strings.TrimSpace(h.Value))
				}
				if item.Kind != yaml.ScalarNode || b.Item == "" || len(b.Headings) == 0 {
					return errors.New(msg.Format("docscheck.bad_binding", path, b.Line, b.Item, yamlx.Describe(hs)))
				}
				doc.Bindings = append(doc.Bindings, b)
			}
		}
	}
	return nil
}
