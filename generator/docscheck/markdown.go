package docscheck

import (
	"bytes"
	"errors"
	"html"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/docgen/docgen/generator/docmodel"
	"github.com/docgen/docgen/generator/msg"
	"github.com/docgen/docgen/generator/render/markdown"
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

// Headings returns the headings of the Markdown document src in document
// order, with their sections' text. The document is read by docgen's one
// Markdown reader (package render/markdown), so check --docs sees the
// headings and anchors that render and build see. Headings inside code
// blocks and HTML blocks are no headings; YAML front matter is skipped.
func Headings(src []byte) []Heading {
	d, err := markdown.ReadWith(blankFrontMatter(src), markdown.ReadOptions{KeepTitle: true})
	if err != nil {
		return nil // not UTF-8: ReadMarkdown's callers check that first
	}
	lines := bytes.Split(src, []byte("\n"))
	var out []Heading
	var visit func(blocks []docmodel.Block)
	visit = func(blocks []docmodel.Block) {
		for _, b := range blocks {
			if sec, ok := b.(*docmodel.Section); ok {
				h := newHeading(sec)
				if h.Line >= 1 && h.Line <= len(lines) {
					h.Col = headingColumn(lines[h.Line-1], h.Line == 1)
				}
				out = append(out, h)
			}
			for _, inner := range docmodel.Children(b) {
				visit(inner)
			}
		}
	}
	visit(d.Body)
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

// newHeading converts a section of the document model.
func newHeading(sec *docmodel.Section) Heading {
	anchors := append([]string{}, sec.AnchorIDs()...)
	var b strings.Builder
	media := false
	bodyText(sec.Blocks, &b, &media)
	return Heading{
		Level:   sec.Level,
		Text:    strings.Join(strings.Fields(docmodel.PlainText(sec.Title)), " "),
		Anchors: anchors,
		Line:    sec.Source.Line,
		Col:     1,
		Body:    strings.TrimSpace(b.String()),
		Media:   media,
	}
}

// headingColumn returns the 1-based column, in characters, of a heading's
// first character on its line: after indentation and block-quote markers.
// A byte order mark on the first line does not count.
func headingColumn(line []byte, first bool) int {
	if first {
		line = bytes.TrimPrefix(line, bom)
	}
	col := 1
	for _, r := range string(line) {
		if r != ' ' && r != '\t' && r != '>' {
			break
		}
		col++
	}
	return col
}

// mediaRE matches HTML that shows something without text.
var mediaRE = regexp.MustCompile(`(?i)<(?:img|svg|picture|video|object|embed|iframe)\b`)

// htmlCommentRE and htmlTagRE strip comments and tags from HTML.
var (
	htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)
	htmlTagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
)

// bodyText writes the plain text of a section's blocks, one line per
// block, sub-sections included without their headings, and notes whether
// they show media. The target of a link follows its text, so that an e-mail
// address behind "write to us" is part of the text.
func bodyText(blocks []docmodel.Block, b *strings.Builder, media *bool) {
	line := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	for _, bl := range blocks {
		switch x := bl.(type) {
		case *docmodel.Paragraph:
			line(inlineText(x.Content, media))
		case *docmodel.CodeBlock:
			line(x.Text)
		case *docmodel.HTMLBlock:
			*media = *media || mediaRE.MatchString(x.Text)
			line(html.UnescapeString(htmlTagRE.ReplaceAllString(htmlCommentRE.ReplaceAllString(x.Text, ""), " ")))
		case *docmodel.Figure:
			*media = true
			line(x.Alt + " " + docmodel.PlainText(x.Caption))
		case *docmodel.Table:
			var head []string
			for _, c := range x.Columns {
				head = append(head, inlineText(c.Header, media))
			}
			line(strings.Join(head, " "))
			for _, r := range x.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, inlineText(c.Content, media))
				}
				line(strings.Join(cells, " "))
			}
		case *docmodel.DefinitionList:
			for _, it := range x.Items {
				line(inlineText(it.Term, media))
				for _, d := range it.Descriptions {
					bodyText(d, b, media)
				}
			}
		}
		for _, inner := range docmodel.Children(bl) {
			if _, isDL := bl.(*docmodel.DefinitionList); !isDL {
				bodyText(inner, b, media)
			}
		}
	}
}

// inlineText returns the plain text of inline content with link targets
// after their text, and notes images as media.
func inlineText(content []docmodel.Inline, media *bool) string {
	var b strings.Builder
	for _, in := range content {
		switch x := in.(type) {
		case *docmodel.Text:
			b.WriteString(x.Text)
		case *docmodel.Code:
			b.WriteString(x.Text)
		case *docmodel.Strong:
			b.WriteString(inlineText(x.Content, media))
		case *docmodel.Emphasis:
			b.WriteString(inlineText(x.Content, media))
		case *docmodel.Strikethrough:
			b.WriteString(inlineText(x.Content, media))
		case *docmodel.Link:
			b.WriteString(inlineText(x.Content, media) + " " + strings.TrimPrefix(x.URL, "mailto:") + " ")
		case *docmodel.XRef:
			b.WriteString(inlineText(x.Content, media))
		case *docmodel.Image:
			*media = true
			b.WriteString(x.Alt)
		case *docmodel.LineBreak:
			b.WriteByte(' ')
		case *docmodel.RawHTML:
			*media = *media || mediaRE.MatchString(x.Text)
		}
	}
	return html.UnescapeString(htmlTagRE.ReplaceAllString(b.String(), " "))
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
