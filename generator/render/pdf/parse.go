package pdf

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/docgen/docgen/generator/render/html"
)

// markdown is the parser of docgen's Markdown dialect: CommonMark with the
// GitHub extensions (tables, strikethrough, task lists, autolinks),
// footnotes, definition lists and {#id} heading attributes, as the HTML
// renderer reads it.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

// parse parses src and returns the document and the id and plain text of
// every heading, exactly as the HTML renderer gives them (so that links
// between the formats agree): html.Headings lists them in document order.
func parse(src []byte) (ast.Node, map[*ast.Heading]html.Heading) {
	doc := markdown.Parser().Parse(text.NewReader(src))
	var mine []*ast.Heading
	var rows []*east.TableRow
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			mine = append(mine, n)
			return ast.WalkSkipChildren, nil
		case *east.TableRow:
			rows = append(rows, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// html.Headings does work per table cell that headings do not need;
	// table body rows never hold or change a heading, so it reads the
	// document without them. Should the headings differ all the same, it
	// reads the document as it is.
	hs, err := html.Headings(blankRows(src, rows))
	if err != nil || !sameHeadings(hs, mine) {
		hs, _ = html.Headings(src)
	}
	ids := make(map[*ast.Heading]html.Heading, len(mine))
	if sameHeadings(hs, mine) {
		for i, h := range mine {
			ids[h] = hs[i]
		}
	}
	return doc, ids
}

// sameHeadings reports whether hs and mine are the same headings: as many,
// of the same levels.
func sameHeadings(hs []html.Heading, mine []*ast.Heading) bool {
	if len(hs) != len(mine) {
		return false
	}
	for i, h := range mine {
		if hs[i].Level != h.Level {
			return false
		}
	}
	return true
}

// blankRows returns a copy of src in which the lines of the table rows are
// blank (spaces, so that offsets and line numbers stay).
func blankRows(src []byte, rows []*east.TableRow) []byte {
	if len(rows) == 0 {
		return src
	}
	out := append([]byte(nil), src...)
	for _, row := range rows {
		first, ok := row.FirstChild().(*east.TableCell)
		if !ok || first.Lines().Len() == 0 {
			continue
		}
		start := first.Lines().At(0).Start
		if start < 0 || start > len(out) {
			continue
		}
		for start > 0 && out[start-1] != '\n' {
			start--
		}
		for i := start; i < len(out) && out[i] != '\n'; i++ {
			if out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	return out
}

// unescape resolves backslash escapes and character references in text
// exactly as goldmark's HTML renderer does.
func unescape(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return stdhtml.UnescapeString(b.String())
}

// alertKinds are GitHub's alert markers, in lower case.
var alertKinds = []string{"note", "tip", "important", "warning", "caution"}

// alertKind recognises a GitHub alert, a block quote whose first line is
// [!KIND]: it returns the kind and the number of bytes of the quote's
// first paragraph that the marker takes, or "" if q is no alert.
func alertKind(q *ast.Blockquote, src []byte) (string, int) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return "", 0
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(src))
	if len(line) < 4 || line[0] != '[' || line[1] != '!' || line[len(line)-1] != ']' {
		return "", 0
	}
	kind := strings.ToLower(string(line[2 : len(line)-1]))
	for _, k := range alertKinds {
		if k == kind {
			return kind, first.Stop
		}
	}
	return "", 0
}
