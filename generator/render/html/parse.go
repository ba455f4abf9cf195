package html

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/docgen/docgen/generator/msg"
)

// Ids the page template uses itself; headings never get them.
const (
	tocID = "page-toc"
)

var reservedIDs = []string{tocID}

// attrAlert is the attribute the transformer sets on a blockquote that is an
// alert, holding its kind; the blockquote renderer reads it and never
// writes it out.
var attrAlert = []byte("data-alert")

// parse parses markdown with docgen's dialect and returns the document, the
// source its segments refer to, and the goldmark instance whose renderer
// writes the body for opts.
func parse(markdown []byte, opts Options) (ast.Node, []byte, goldmark.Markdown) {
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.DefinitionList,
			extension.NewFootnote(
				extension.WithFootnoteLinkTitle(msg.Get("html.footnote.link")),
				extension.WithFootnoteBacklinkTitle(msg.Get("html.footnote.backlink")),
			),
		),
		goldmark.WithParserOptions(
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 1000)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(newNodeRenderer(opts.InlineImages), 10)),
		),
	)
	doc := md.Parser().Parse(text.NewReader(markdown))
	return doc, markdown, md
}

// transformer gives every heading its final, unique id, turns GitHub alerts
// into marked blockquotes, and classes links and task lists for the
// stylesheet.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var headings []*ast.Heading
	var quotes []*ast.Blockquote
	var links []ast.Node
	var tasks []*east.TaskCheckBox
	var cells []*east.TableCell
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Blockquote:
			quotes = append(quotes, n)
		case *ast.AutoLink, *ast.Link:
			links = append(links, n)
		case *east.TaskCheckBox:
			tasks = append(tasks, n)
		case *east.TableCell:
			cells = append(cells, n)
		}
		return ast.WalkContinue, nil
	})
	liftAnchorLines(doc, source)
	assignIDs(headings, source)
	for _, q := range quotes {
		markAlert(q, source)
	}
	for _, l := range links {
		// A link that shows its own URL; print does not repeat it.
		if a, ok := l.(*ast.Link); ok && plainText(a, source) != string(a.Destination) {
			continue
		}
		l.SetAttributeString("class", []byte("url"))
	}
	for _, c := range cells {
		if _, ok := c.Parent().(*east.TableRow); !ok {
			continue
		}
		switch t := plainText(c, source); {
		case hasLongToken(t):
			c.SetAttributeString("class", []byte("long"))
		case len(t) <= 16 && !strings.ContainsAny(t, " \t"):
			// Short single tokens such as dates, ports and versions are
			// kept on one line: "2026-10-15" must not break at a hyphen.
			c.SetAttributeString("class", []byte("nowrap"))
		}
	}
	for _, t := range tasks {
		// goldmark puts the check box in the item's first text block.
		if item, ok := t.Parent().Parent().(*ast.ListItem); ok {
			item.SetAttributeString("class", []byte("task"))
			item.Parent().SetAttributeString("class", []byte("tasks"))
		}
	}
}

var (
	anchorRE     = regexp.MustCompile(`^<a id="([a-z0-9][a-z0-9-]*)"></a>$`)
	anchorOpenRE = regexp.MustCompile(`^<a id="([a-z0-9][a-z0-9-]*)">$`)
	attrIDRE     = regexp.MustCompile(`^[\pL\pN_][\pL\pN_.-]*$`)
)

// assignIDs sets the id attribute of every heading, and removes all other
// attributes. Explicit ids (anchors, then {#id}) are placed first so that a
// generated id never takes an id the author chose.
func assignIDs(headings []*ast.Heading, source []byte) {
	used := map[string]bool{}
	for _, id := range reservedIDs {
		used[id] = true
	}
	explicit := make([]string, len(headings))
	for i, h := range headings {
		id := takeAnchor(h, source)
		if id == "" {
			if v, ok := h.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok && attrIDRE.Match(b) {
					id = string(b)
				}
			}
		}
		h.RemoveAttributes()
		explicit[i] = id
	}
	ids := make([]string, len(headings))
	for i, id := range explicit {
		if id != "" && !used[id] {
			used[id] = true
			ids[i] = id
		}
	}
	for i, id := range explicit {
		if id != "" && ids[i] == "" { // a repeated explicit id
			ids[i] = unique(id, used)
		}
	}
	for i, h := range headings {
		if ids[i] == "" {
			ids[i] = unique(slug(plainText(h, source)), used)
		}
		h.SetAttributeString("id", []byte(ids[i]))
	}
}

// liftAnchorLines moves an anchor written on the line before a heading,
// <a id="ID"></a> alone in its paragraph, into the heading, where
// assignIDs takes it.
func liftAnchorLines(doc *ast.Document, source []byte) {
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		p, ok := n.(*ast.Paragraph)
		h, isHeading := next.(*ast.Heading)
		if ok && isHeading {
			var raw []byte
			var nodes []ast.Node
			for c := p.FirstChild(); c != nil; c = c.NextSibling() {
				r, isRaw := c.(*ast.RawHTML)
				if !isRaw {
					nodes = nil
					break
				}
				raw = append(raw, rawValue(r, source)...)
				nodes = append(nodes, r)
			}
			if len(nodes) > 0 && anchorRE.Match(raw) {
				for _, c := range nodes {
					p.RemoveChild(p, c)
					h.AppendChild(h, c)
				}
				doc.RemoveChild(doc, p)
			}
		}
		n = next
	}
}

// unique returns base, or base-1, base-2, ... whichever is free, and marks it
// used.
func unique(base string, used map[string]bool) string {
	id := base
	for i := 1; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	used[id] = true
	return id
}

// slug makes a GitHub-style id from heading text: lower case, letters,
// digits, '_' and '-' kept, spaces turned into '-', everything else dropped.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// takeAnchor removes the <a id="ID"></a> anchors among h's inline children
// and returns the first ID, or "" if there is none. goldmark parses the
// anchor as one raw HTML node or as two (opening and closing tag).
func takeAnchor(h *ast.Heading, source []byte) string {
	found := ""
	for c := h.FirstChild(); c != nil; {
		next := c.NextSibling()
		raw, ok := c.(*ast.RawHTML)
		if !ok {
			c = next
			continue
		}
		v := rawValue(raw, source)
		id := ""
		if m := anchorRE.FindSubmatch(v); m != nil {
			id = string(m[1])
			h.RemoveChild(h, c)
		} else if m := anchorOpenRE.FindSubmatch(v); m != nil {
			if closing, ok := next.(*ast.RawHTML); ok && string(rawValue(closing, source)) == "</a>" {
				id = string(m[1])
				next = closing.NextSibling()
				h.RemoveChild(h, c)
				h.RemoveChild(h, closing)
			}
		}
		if found == "" {
			found = id
		}
		c = next
	}
	if found != "" {
		trimEdges(h, source)
	}
	return found
}

func rawValue(n *ast.RawHTML, source []byte) []byte {
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(source)...)
	}
	return b
}

// trimEdges removes the white space that an anchor removal leaves at the
// start or end of a heading.
func trimEdges(h *ast.Heading, source []byte) {
	for {
		t, ok := h.LastChild().(*ast.Text)
		if !ok {
			break
		}
		t.Segment = t.Segment.TrimRightSpace(source)
		if t.Segment.Len() > 0 {
			break
		}
		h.RemoveChild(h, t)
	}
	for {
		t, ok := h.FirstChild().(*ast.Text)
		if !ok {
			break
		}
		t.Segment = t.Segment.TrimLeftSpace(source)
		if t.Segment.Len() > 0 {
			break
		}
		h.RemoveChild(h, t)
	}
}

// alertKinds are GitHub's alert markers, in lower case.
var alertKinds = []string{"note", "tip", "important", "warning", "caution"}

// markAlert recognises a GitHub alert: a blockquote whose first line is
// [!KIND]. It removes the marker and records the kind on the blockquote.
func markAlert(q *ast.Blockquote, source []byte) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(source))
	if len(line) < 4 || line[0] != '[' || line[1] != '!' || line[len(line)-1] != ']' {
		return
	}
	kind := strings.ToLower(string(line[2 : len(line)-1]))
	known := false
	for _, k := range alertKinds {
		known = known || k == kind
	}
	if !known {
		return
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
	q.SetAttribute(attrAlert, []byte(kind))
}

// longToken is the length from which a run of non-space characters in a
// table cell may be broken anywhere: package URLs, hashes, URLs.
const longToken = 20

func hasLongToken(s string) bool {
	for _, f := range strings.Fields(s) {
		if utf8.RuneCountInString(f) >= longToken {
			return true
		}
	}
	return false
}
