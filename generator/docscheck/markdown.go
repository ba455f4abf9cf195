package docscheck

import (
	"bytes"
	"html"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/spec"
)

// Heading is one heading of a Markdown document.
type Heading struct {
	// Level is 1 for "#" up to 6 for "######" (setext: 1 and 2).
	Level int
	// Text is the heading's plain text: inline markup, HTML and a trailing
	// {#id} attribute removed, entities decoded, white space collapsed.
	Text string
	// Anchors are the ids the heading carries: HTML id (or a name) inside
	// it, a {#id} attribute, and the ids of a block just before it that
	// holds nothing but empty anchor elements.
	Anchors []string
	// Line and Col locate the heading's first character, 1-based, in the
	// original file (front matter included).
	Line, Col int
	// Empty is set when the heading's section, up to the next heading of the
	// same or a higher level, holds no text other than placeholders such as
	// TODO or TBD; sub-headings do not count as text.
	Empty bool
}

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
// order. Headings inside code blocks and HTML blocks are no headings; YAML
// front matter is skipped.
func Headings(src []byte) []Heading {
	body := blankFrontMatter(src)
	root := mdParser().Parse(text.NewReader(body))
	lines := lineStarts(src)
	var out []Heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		out = append(out, newHeading(h, body, src, lines))
		return ast.WalkSkipChildren, nil
	})
	return out
}

// newHeading converts a goldmark heading.
func newHeading(h *ast.Heading, body, src []byte, lines []int) Heading {
	var b strings.Builder
	var anchors []string
	inlineText(h, body, &b, &anchors)
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
	return Heading{
		Level:   h.Level,
		Text:    strings.Join(strings.Fields(txt), " "),
		Anchors: dedupe(anchors),
		Line:    line,
		Col:     col,
		Empty:   sectionEmpty(h, body),
	}
}

// trailingAttrRE matches a {#id ...} attribute at the end of heading text.
var trailingAttrRE = regexp.MustCompile(`\s*\{\s*#([^\s{}#]+)[^{}]*\}\s*$`)

// inlineText appends the text of n's inline children to b and the ids of
// inline HTML tags to anchors.
func inlineText(n ast.Node, src []byte, b *strings.Builder, anchors *[]string) {
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
		default:
			inlineText(c, src, b, anchors)
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

// sectionEmpty reports whether the section that heading h starts holds no
// real content.
func sectionEmpty(h *ast.Heading, src []byte) bool {
	for n := h.NextSibling(); n != nil; n = n.NextSibling() {
		if next, ok := n.(*ast.Heading); ok {
			if next.Level <= h.Level {
				return true
			}
			continue
		}
		if hasContent(n, src) {
			return false
		}
	}
	return true
}

// mediaRE matches HTML that shows something without text.
var mediaRE = regexp.MustCompile(`(?i)<(?:img|svg|picture|video|object|embed|iframe)\b`)

// htmlCommentRE and htmlTagRE strip comments and tags from HTML.
var (
	htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)
	htmlTagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
)

// hasContent reports whether block n holds text that is not a placeholder,
// an image, or other visible HTML.
func hasContent(n ast.Node, src []byte) bool {
	switch n := n.(type) {
	case *ast.Heading, *ast.ThematicBreak:
		return false
	case *ast.HTMLBlock:
		s := blockText(n, src)
		if mediaRE.MatchString(s) {
			return true
		}
		s = htmlTagRE.ReplaceAllString(htmlCommentRE.ReplaceAllString(s, ""), "")
		return !spec.IsPlaceholder(html.UnescapeString(s))
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return !spec.IsPlaceholder(blockText(n, src))
	case *ast.Paragraph, *ast.TextBlock:
		if hasImage(n) {
			return true
		}
		var b strings.Builder
		var ids []string
		inlineText(n, src, &b, &ids)
		return !spec.IsPlaceholder(html.UnescapeString(b.String()))
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if hasContent(c, src) {
			return true
		}
	}
	return false
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

// numberingRE matches a leading section number: "4.2", "4.2.", "4)",
// "A.1", "a)", "IV.", optionally after "chapter", "section", "§" and
// followed by ":" or a dash.
var numberingRE = regexp.MustCompile(`^(?:(?:chapter|section|appendix|annex|part)\s+)?(?:§\s*)?(?:\d+(?:\.\d+)*[.)]?|[a-z](?:\.\d+)+\.?|[a-z][.)]|[ivxlc]+[.)])(?:\s*:)?\s+`)

// trailingPunctRE matches trailing punctuation.
var trailingPunctRE = regexp.MustCompile(`[\s.:;,!?…]+$`)

// dashes are replaced by spaces before comparing headings.
var dashes = strings.NewReplacer("-", " ", "‐", " ", "‑", " ", "–", " ", "—", " ", "/", " ", "_", " ", "&", " and ", "*", " ")

// normalize returns heading text in the form headings are compared in:
// lower case, section numbers and trailing punctuation removed, "&" spelt
// "and", hyphens and dashes as spaces, single spaces.
func normalize(s string) string {
	s = strings.Join(strings.Fields(dashes.Replace(strings.ToLower(s))), " ")
	for {
		t := trailingPunctRE.ReplaceAllString(numberingRE.ReplaceAllString(s, ""), "")
		t = strings.Join(strings.Fields(t), " ")
		if t == s {
			return s
		}
		s = t
	}
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
