package html

import (
	"strings"
	"unicode/utf8"

	"github.com/docgen/docgen/generator/docmodel"
)

// table writes a table inside a block that scrolls sideways on narrow
// screens. Its cells are classed by what their column holds (see
// cellClass); cells of code columns show their text as code, and empty
// cells a dash.
func (w *writer) table(t *docmodel.Table) {
	w.s(`<div class="table-wrap">` + "\n<table>\n<thead>\n<tr>\n")
	for _, c := range t.Columns {
		w.s("<th")
		w.align(c.Align)
		w.s(">")
		w.inlines(c.Header)
		w.s("</th>\n")
	}
	w.s("</tr>\n</thead>\n")
	if len(t.Rows) > 0 {
		w.s("<tbody>\n")
		for _, r := range t.Rows {
			w.row(t, r)
		}
		w.s("</tbody>\n")
	}
	w.s("</table>\n</div>\n")
}

func (w *writer) row(t *docmodel.Table, r *docmodel.Row) {
	w.s("<tr>\n")
	// Short rows are filled up to the width of the table; cells beyond its
	// columns are written all the same, so that nothing is lost.
	n := max(len(r.Cells), len(t.Columns))
	for i := range n {
		var col docmodel.Column
		if i < len(t.Columns) {
			col = t.Columns[i]
		}
		var content []docmodel.Inline
		if i < len(r.Cells) && r.Cells[i] != nil {
			content = r.Cells[i].Content
		}
		if len(content) == 0 {
			content = docmodel.Plain(w.m.Get("table.empty"))
		} else if s, ok := onlyText(content); ok && col.Kind == docmodel.CodeColumn {
			content = []docmodel.Inline{&docmodel.Code{Text: s}}
		}
		class := cellClass(col.Kind, docmodel.PlainText(content))
		w.s("<td")
		if class != "" && class != tokens {
			w.s(` class="` + class + `"`)
		}
		w.align(col.Align)
		w.s(">")
		w.tokens = class == tokens
		w.inlines(content)
		w.tokens = false
		w.s("</td>\n")
	}
	w.s("</tr>\n")
}

// onlyText returns the text of content that is one Text run.
func onlyText(content []docmodel.Inline) (string, bool) {
	if len(content) != 1 {
		return "", false
	}
	t, ok := content[0].(*docmodel.Text)
	if !ok {
		return "", false
	}
	return t.Text, true
}

func (w *writer) align(a docmodel.Align) {
	switch a {
	case docmodel.AlignLeft:
		w.s(` style="text-align:left"`)
	case docmodel.AlignCenter:
		w.s(` style="text-align:center"`)
	case docmodel.AlignRight:
		w.s(` style="text-align:right"`)
	}
}

// longToken is the length from which a run of non-space characters may be
// broken anywhere: package URLs, hashes, URLs.
const longToken = 20

// shortToken is the length up to which a cell of a text column that holds
// a single token is kept on one line.
const shortToken = 16

// tokens is the cellClass of a cell whose tokens are each kept whole,
// while the cell wraps between them: the writer puts every token in a
// <span class="token">.
const tokens = "tokens"

// cellClass returns how a table cell with the given text in a column of
// the given kind wraps, as the class the stylesheet knows:
//
//   - "long" lets a cell with a long token (a package URL, a hash) break
//     anywhere, so that the token does not force the table wider;
//   - "nowrap" keeps a cell of one token on one line: the values of date,
//     port, number and code columns never break ("2026-10-15" must not
//     break at a hyphen);
//   - tokens keeps each token of such a cell whole, so that a list of
//     addresses wraps between them, never inside one;
//   - "" leaves prose to wrap between words.
//
// A text column may hold tokens too, above all in tables read from
// Markdown, which cannot say what a column holds: there a cell that is one
// short token (a date, a version, a port) is kept on one line as well.
func cellClass(kind docmodel.ColumnKind, text string) string {
	if hasLongToken(text) {
		return "long"
	}
	f := strings.Fields(text)
	switch {
	case kind != docmodel.TextColumn && len(f) > 1:
		return tokens
	case kind != docmodel.TextColumn, len(f) == 1 && utf8.RuneCountInString(f[0]) <= shortToken:
		return "nowrap"
	}
	return ""
}

func hasLongToken(s string) bool {
	for _, f := range strings.Fields(s) {
		if utf8.RuneCountInString(f) >= longToken {
			return true
		}
	}
	return false
}
